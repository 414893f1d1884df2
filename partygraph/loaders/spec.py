"""The input contract (the README's 输入格式): files, columns, header aliases and vocabulary aliases.

Column types for node properties come from the graph model; this module adds what the files
need beyond it: which columns are required, which are references (and to which files), which
relationship a reference becomes, and the Chinese spellings users write.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from ..graph.model import LABELS


@dataclass(frozen=True)
class Column:
    name: str
    required: bool = False
    type: str = "str"               # str, int, bool, date, list (of ids)
    refs: tuple[str, ...] = ()      # files whose ids a reference may name
    rel: str | None = None          # relationship a reference becomes (from this row's node)
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class FileSpec:
    name: str                        # "members" for members.csv or a sheet named members
    label: str | None                # node label of each row; None for pairings
    columns: tuple[Column, ...]
    required: bool = False
    aliases: tuple[str, ...] = ()    # Chinese file and sheet names
    words: tuple[str, ...] = ()      # words a sheet or file named for this content contains

    def column(self, name: str) -> Column:
        return next(c for c in self.columns if c.name == name)


def _prop(label: str, name: str, *aliases: str, required: bool = False) -> Column:
    """A column that holds a property of the row's node, typed as the model types it; the model's
    title and register header are always among its spellings."""
    prop = LABELS[label].props[name]
    model = tuple(dict.fromkeys(word for word in (prop.header, prop.zh) if word and word not in aliases))
    return Column(name, required, prop.type, aliases=(*aliases, *model))


_ID = ("编号", "ID", "代码")
_NAME = ("名称", "姓名")

FILES: dict[str, FileSpec] = {
    spec.name: spec
    for spec in (
        FileSpec("areas", "Area", (
            _prop("Area", "id", *_ID, "区域编号", "区域ID", required=True),
            _prop("Area", "name", *_NAME, "区域名称", required=True),
            _prop("Area", "kind", "类型", "区域类型", required=True),
            Column("parent_id", refs=("areas",), rel="PART_OF", aliases=("上级编号", "上级区域")),
        ), aliases=("区域",), words=("区域",)),
        FileSpec("buildings", "Building", (
            _prop("Building", "id", *_ID, "楼宇编号", required=True),
            _prop("Building", "name", *_NAME, "楼宇名称", required=True),
            Column("area_id", refs=("areas",), rel="PART_OF", aliases=("所在区域",)),
            _prop("Building", "address", "地址", "楼宇地址"),
        ), aliases=("楼宇",), words=("楼宇",)),
        FileSpec("enterprises", "Enterprise", (
            _prop("Enterprise", "id", *_ID, "企业编号", required=True),
            _prop("Enterprise", "name", *_NAME, "企业名称", "单位名称", "企业全称", "组织名称", required=True),
            _prop("Enterprise", "kind", "类型", "企业类型", "单位类型"),
            Column("building_id", refs=("buildings",), rel="LOCATED_IN", aliases=("所在楼宇", "楼宇名称", "所在楼宇名称")),
            Column("area_id", refs=("areas",), rel="LOCATED_IN",
                   aliases=("所在区域", "所在社区", "所在街道", "所在园区", "所在商圈")),
            _prop("Enterprise", "employees", "职工人数", "员工人数", "从业人数", "职工数", "员工数"),
            _prop("Enterprise", "above_scale", "是否规上", "规上企业", "四上企业", "是否规上企业", "是否四上企业"),
            _prop("Enterprise", "credit_code", "统一社会信用代码", "信用代码", "社会信用代码"),
        ), aliases=("企业",), words=("企业", "两新组织", "非公", "社会组织", "单位名录")),
        FileSpec("organizations", "Organization", (
            _prop("Organization", "id", *_ID, "党组织编号", required=True),
            _prop("Organization", "name", *_NAME, "党组织名称", required=True),
            _prop("Organization", "level", "层级", "党组织类别", "组织类别", "党组织类型", required=True),
            Column("parent_id", refs=("organizations",), rel="SUBORDINATE_TO",
                   aliases=("上级编号", "上级党组织", "上级党组织名称")),
            _prop("Organization", "establishment", "是否建制", "建制性", "是否建制性"),
            _prop("Organization", "founded", "成立日期", "成立时间"),
            _prop("Organization", "elected", "换届日期", "换届时间", "本届选举日期", "本届选举时间", "当选日期",
                  "选举日期", "上次换届日期", "最近换届日期"),
            _prop("Organization", "term_years", "任期", "任期年限", "每届任期", "本届任期"),
            _prop("Organization", "committee", "设支委会", "是否设支委会", "设立支部委员会", "是否设立支部委员会",
                  "支部委员会", "支委会"),
            Column("enterprise_ids", type="list", refs=("enterprises",), rel="COVERS",
                   aliases=("覆盖企业", "覆盖单位", "覆盖企业名称", "所覆盖单位")),
            Column("based_in", refs=("buildings", "areas"), rel="BASED_IN",
                   aliases=("所在楼宇或区域", "依托楼宇或区域", "驻地", "依托楼宇")),
        ), required=True, aliases=("党组织",), words=("党组织",)),
        FileSpec("members", "Member", (
            _prop("Member", "id", *_ID, "党员编号", required=True),
            _prop("Member", "name", *_NAME, required=True),
            _prop("Member", "status", "状态", "党员类别", "人员类别"),
            Column("org_id", refs=("organizations",), rel="MEMBER_OF", aliases=("所属党组织", "所在党组织", "所在党支部", "所属党支部")),
            Column("employer_id", refs=("enterprises",), rel="WORKS_AT", aliases=("工作单位", "就业单位")),
            _prop("Member", "mobile", "是否流动党员", "流动党员"),
            Column("participates_org_id", refs=("organizations",), rel="PARTICIPATES_IN",
                   aliases=("参加活动党组织", "参加组织生活的党组织", "流入地党组织")),
            _prop("Member", "registered_at", "组织关系所在地"),
            _prop("Member", "joined", "入党日期", "入党时间"),
            _prop("Member", "works_since", "入职日期", "入职时间", "到岗日期", "到本单位时间", "来本单位工作时间"),
            _prop("Member", "last_contact", "最近联系日期", "最后联系日期"),
            Column("secretary_of", refs=("organizations",), rel="SECRETARY_OF",
                   aliases=("担任书记", "书记职务", "担任书记的党组织")),
            Column("guides", type="list", refs=("enterprises",), rel="GUIDES",
                   aliases=("指导企业", "联系指导企业")),
            Column("identity_number", aliases=("公民身份号码", "身份证号码", "身份证号", "身份证")),
        ), required=True, aliases=("党员",), words=("党员",)),
        FileSpec("pairings", None, (
            Column("org_a", required=True, refs=("organizations",), aliases=("党组织A", "甲方党组织", "甲方")),
            Column("org_b", required=True, refs=("organizations",), aliases=("党组织B", "乙方党组织", "乙方")),
            Column("kind", aliases=("类型", "共建类型", "结对类型")),
            Column("since", type="date", aliases=("结对日期", "共建日期", "开始日期")),
        ), aliases=("结对共建", "结对"), words=("结对", "共建", "联建")),
    )
}

#: Defaults for a property whose cell is empty (documented in the README).
DEFAULTS: dict[tuple[str, str], object] = {
    ("Member", "status"): "full",
    ("Member", "mobile"): False,
    ("Enterprise", "above_scale"): False,       # a register marks 规上 with √ and leaves the rest blank
    ("Organization", "establishment"): True,
}

#: Vocabulary spellings beyond the model's word: model value -> more accepted words.
_MORE_WORDS: dict[tuple[str, str], dict[str, tuple[str, ...]]] = {
    ("Area", "kind"): {
        "street": ("街道",),
        "park": ("园区", "工业园区", "产业园"),
        "business_district": ("商务区", "中央商务区", "CBD"),
        "commercial_area": ("商圈", "商业街区", "街区"),
        "community": ("社区",),
        "district": ("区", "区县", "县", "开发区"),
        "city": ("市", "城市"),
    },
    ("Enterprise", "kind"): {
        "non_public": ("非公企业", "非公有制企业", "民营企业", "私营企业"),
        "social_org": ("社会组织",),
        "state_owned": ("国有企业", "国企"),
        "public_institution": ("事业单位", "机关", "机关事业单位"),
        "individual": ("个体工商户", "个体"),
    },
    ("Organization", "level"): {
        "committee": ("党委", "基层党委"),
        "working_committee": ("党工委",),
        "general_branch": ("党总支", "总支", "党总支部"),
        "branch": ("党支部", "支部"),
        "joint_branch": ("联合党支部", "联合支部"),
        "temporary_branch": ("临时党支部", "临时支部"),
    },
    ("Member", "status"): {
        "full": ("正式党员", "正式"),
        "probationary": ("预备党员", "预备"),
    },
}
#: Vocabulary spellings: model value -> accepted words, the model's own word first (the model value
#: itself is always accepted too).
VOCABULARY: dict[tuple[str, str], dict[str, tuple[str, ...]]] = {
    (label.name, name): {value: tuple(dict.fromkeys((word, *_MORE_WORDS.get((label.name, name), {}).get(value, ()))))
                         for value, word in prop.words.items()}
    for label in LABELS.values() for name, prop in label.props.items() if prop.words
}


#: Bracketed units and notes in a header: ``（人）``, ``(必填)``, ``【】``, ``〔全称〕``.
_BRACKETED = re.compile(r"[(\[【〔<《{][^)\]】〕>》}]*[)\]】〕>》}]")
_DROPPED = re.compile(r"[\s*※★☆:：]")
#: Columns that number a register's rows (序号); recognised and left out.
IGNORED_HEADERS = frozenset({"序号", "序", "no", "no."})
#: Sheets or files that explain how to fill a register; left out with a note.
INSTRUCTION_WORDS = ("填表说明", "说明", "instructions", "readme")


def is_ignored_header(header: object) -> bool:
    """A column that only numbers the rows (序号).

    >>> is_ignored_header("序 号"), is_ignored_header("姓名")
    (True, False)
    """
    return normalize_header(header) in IGNORED_HEADERS


def normalize_header(header: object) -> str:
    r"""Header text as matched against names and aliases: full-width folded, bracketed units and
    notes, line breaks, spaces, ``*`` and ``※`` dropped, ``时间`` read as ``日期``, case folded.

    >>> [normalize_header(h) for h in ("职工人数（人）", "企业名称\n（全称）", "党组织类别*", "入党时间", "ＩＤ")]
    ['职工人数', '企业名称', '党组织类别', '入党日期', 'id']
    """
    folded = unicodedata.normalize("NFKC", str(header or "")).replace("\ufeff", "")
    return _DROPPED.sub("", _BRACKETED.sub("", folded)).replace("时间", "日期").casefold()


@cache
def column_lookup(spec: FileSpec) -> dict[str, Column]:
    """Every accepted header spelling of a file, normalized, to its column (made once per file;
    callers only read it)."""
    lookup: dict[str, Column] = {}
    for column in spec.columns:
        for spelling in (column.name, *column.aliases):
            lookup[normalize_header(spelling)] = column
    return lookup


@cache
def vocabulary_lookup(label: str, prop: str) -> dict[str, str]:
    """Accepted spellings (case folded) of a vocabulary property to the model value."""
    lookup = {value.casefold(): value for value in LABELS[label].vocabulary[prop]}
    for value, words in VOCABULARY.get((label, prop), {}).items():
        lookup.update({word.casefold(): value for word in words})
    return lookup


def file_lookup() -> dict[str, FileSpec]:
    """File stems and sheet names (English or Chinese) to their spec."""
    lookup: dict[str, FileSpec] = {}
    for spec in FILES.values():
        for spelling in (spec.name, *spec.aliases):
            lookup[spelling.casefold()] = spec
    return lookup


def kinds_named(name: str) -> list[FileSpec]:
    """The kinds a sheet or file name speaks of: the exact name, else those whose word it holds
    (the longest word wins: 两新组织台账 is enterprises, 党员花名册 members).

    >>> [s.name for s in kinds_named("企业名录")], [s.name for s in kinds_named("结对共建情况")]
    (['enterprises'], ['pairings'])
    """
    stem = unicodedata.normalize("NFKC", name).strip().removesuffix(".csv").casefold()
    exact = file_lookup().get(stem)
    if exact is not None:
        return [exact]
    best: dict[str, int] = {}
    for spec in FILES.values():
        lengths = [len(word) for word in spec.words if word in stem]
        if lengths:
            best[spec.name] = max(lengths)
    if not best:
        return []
    longest = max(best.values())
    return [FILES[name] for name, length in best.items() if length == longest]


def is_instructions(name: str) -> bool:
    stem = name.strip().casefold()
    return any(word in stem for word in INSTRUCTION_WORDS)


def header(name: str, leave_out: tuple[str, ...] = ()) -> list[str]:
    """The English header of file ``name``, in the specification's order.

    >>> header("pairings")
    ['org_a', 'org_b', 'kind', 'since']
    """
    return [column.name for column in FILES[name].columns if column.name not in leave_out]
