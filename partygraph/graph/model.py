"""The graph model: the one definition of labels, properties and relationships.

Each property is declared once, here, with its type, its titles in Chinese and English, the
Chinese words of its vocabulary values and its privacy class; loaders, both stores, reports, the
template, the explorer and every export derive what they need from it, and nothing else lists them.

>>> LABELS["Enterprise"].properties["employees"]
'int'
>>> LABELS["Member"].props["works_since"].privacy
'year'
>>> RELATIONSHIPS["COVERS"].endpoints
(('Organization', 'Enterprise'),)
"""

from __future__ import annotations

from dataclasses import dataclass, field

#: Value types a property can have; dates are ISO strings in Python and ``Date`` in Neo4j.
PROPERTY_TYPES = ("str", "int", "bool", "date")

#: What a pseudonymized export does with a property (``Pseudonymizer`` applies it):
#: ``identifying`` is replaced by the member's pseudonym; ``year``, a date that with others can
#: single a person out, keeps only its year; ``province``, a place written as free text, keeps only
#: its province; ``kept`` is a fact about an organization, enterprise or place, or a category.
PRIVACY_CLASSES = ("identifying", "year", "province", "kept")


@dataclass(frozen=True)
class Prop:
    """One property: its value type, titles, privacy class and, for a vocabulary, each value's
    Chinese word (the first spelling a register may use; the loader accepts more)."""

    type: str
    zh: str
    en: str
    privacy: str
    words: dict[str, str] = field(default_factory=dict)
    header: str | None = None          # the register's column header, where it says more than the title

    def __post_init__(self) -> None:
        if self.type not in PROPERTY_TYPES or self.privacy not in PRIVACY_CLASSES:
            raise ValueError(f"{self.type!r} or {self.privacy!r} is no property type or privacy class")

    def title(self, language: str) -> str:
        return self.zh if language == "zh" else self.en

    def word(self, value: object, language: str) -> str:
        """A vocabulary value as people read it: 党支部 for ``branch`` in Chinese, the code in English."""
        return self.words.get(str(value), str(value)) if language == "zh" else str(value)


@dataclass(frozen=True)
class Label:
    name: str
    props: dict[str, Prop]
    zh: str = ""
    en: str = ""

    @property
    def properties(self) -> dict[str, str]:
        """Property name to value type."""
        return {name: prop.type for name, prop in self.props.items()}

    @property
    def vocabulary(self) -> dict[str, tuple[str, ...]]:
        """Property name to its values, for the properties that have a vocabulary."""
        return {name: tuple(prop.words) for name, prop in self.props.items() if prop.words}


@dataclass(frozen=True)
class Relationship:
    type: str
    endpoints: tuple[tuple[str, str], ...]
    props: dict[str, Prop] = field(default_factory=dict)

    @property
    def properties(self) -> dict[str, str]:
        return {name: prop.type for name, prop in self.props.items()}


AREA_WORDS = {"street": "街道", "park": "园区", "business_district": "商务区", "commercial_area": "商圈",
              "community": "社区", "district": "区", "city": "市"}
ENTERPRISE_WORDS = {"non_public": "非公企业", "social_org": "社会组织", "state_owned": "国有企业",
                    "public_institution": "事业单位", "individual": "个体工商户"}
LEVEL_WORDS = {"committee": "党委", "working_committee": "党工委", "general_branch": "党总支", "branch": "党支部",
               "joint_branch": "联合党支部", "temporary_branch": "临时党支部"}
STATUS_WORDS = {"full": "正式党员", "probationary": "预备党员"}
AREA_KINDS, ENTERPRISE_KINDS = tuple(AREA_WORDS), tuple(ENTERPRISE_WORDS)
ORG_LEVELS, MEMBER_STATUSES = tuple(LEVEL_WORDS), tuple(STATUS_WORDS)


def _id(header: str, privacy: str = "kept") -> Prop:
    return Prop("str", "编号", "id", privacy, header=header)


def _name(header: str, privacy: str = "kept") -> Prop:
    return Prop("str", "名称", "name", privacy, header=header)


LABELS: dict[str, Label] = {
    label.name: label
    for label in (
        Label("Area", {
            "id": _id("区域编号"), "name": _name("区域名称"),
            "kind": Prop("str", "类型", "kind", "kept", AREA_WORDS, header="区域类型"),
        }, "区域", "area"),
        Label("Building", {
            "id": _id("楼宇编号"), "name": _name("楼宇名称"),
            "address": Prop("str", "地址", "address", "kept"),
        }, "楼宇", "building"),
        Label("Enterprise", {
            "id": _id("企业编号"), "name": _name("企业名称"),
            "kind": Prop("str", "类型", "kind", "kept", ENTERPRISE_WORDS, header="企业类型"),
            "employees": Prop("int", "职工人数", "employees", "kept"),
            "above_scale": Prop("bool", "规上企业", "above designated size", "kept", header="是否规上企业"),
            "credit_code": Prop("str", "统一社会信用代码", "credit code", "kept"),
        }, "企业", "enterprise"),
        Label("Organization", {
            "id": _id("党组织编号"), "name": _name("党组织名称"),
            "level": Prop("str", "层级", "level", "kept", LEVEL_WORDS, header="党组织类别"),
            "establishment": Prop("bool", "建制性", "establishment", "kept", header="是否建制"),
            "founded": Prop("date", "成立日期", "founded", "kept"),
            "elected": Prop("date", "本届选举日期", "elected", "kept"),                 # 换届: when
            "term_years": Prop("int", "任期（年）", "term (years)", "kept"),               # for how long
            "committee": Prop("bool", "设支委会", "committee", "kept", header="是否设支委会"),
        }, "党组织", "organization"),
        Label("Member", {
            "id": _id("党员编号", "identifying"), "name": Prop("str", "姓名", "name", "identifying"),
            "status": Prop("str", "党员类别", "status", "kept", STATUS_WORDS),
            "mobile": Prop("bool", "流动党员", "mobile", "kept", header="是否流动党员"),
            "joined": Prop("date", "入党日期", "joined", "year"),
            "last_contact": Prop("date", "最近联系日期", "last contact", "year"),
            "registered_at": Prop("str", "组织关系所在地", "relationship kept at", "province"),
            "works_since": Prop("date", "入职日期", "works there since", "year"),      # at the employer since
        }, "党员", "member"),
    )
}

PAIRING_PROPS = {"kind": Prop("str", "类型", "kind", "kept", header="结对类型"),
                 "since": Prop("date", "结对日期", "since", "kept")}

RELATIONSHIPS: dict[str, Relationship] = {
    rel.type: rel
    for rel in (
        Relationship("PART_OF", (("Area", "Area"), ("Building", "Area"))),
        Relationship("LOCATED_IN", (("Enterprise", "Building"), ("Enterprise", "Area"))),   # an area: no building known
        Relationship("SUBORDINATE_TO", (("Organization", "Organization"),)),
        Relationship("COVERS", (("Organization", "Enterprise"),)),
        Relationship("BASED_IN", (("Organization", "Building"), ("Organization", "Area"))),
        Relationship("MEMBER_OF", (("Member", "Organization"),)),
        Relationship("PARTICIPATES_IN", (("Member", "Organization"),)),
        Relationship("WORKS_AT", (("Member", "Enterprise"),)),
        Relationship("GUIDES", (("Member", "Enterprise"),)),
        Relationship("SECRETARY_OF", (("Member", "Organization"),)),
        Relationship("PAIRED_WITH", (("Organization", "Organization"),), PAIRING_PROPS),
    )
}


def prop_of(label: str, name: str) -> Prop | None:
    """The declaration of a node label's or relationship type's property, or ``None``."""
    owner = LABELS.get(label) or RELATIONSHIPS.get(label)
    return owner.props.get(name) if owner else None


def property_title(name: str, language: str) -> str | None:
    """The title of a property name as a report's column, where every label that has it agrees."""
    titles = {prop.title(language) for owner in (*LABELS.values(), *RELATIONSHIPS.values())
              for key, prop in owner.props.items() if key == name}
    return titles.pop() if len(titles) == 1 else None


def vocabulary_word(name: str, value: object, language: str) -> str:
    """A vocabulary value of any label's property ``name`` in ``language`` (values never clash)."""
    for label in LABELS.values():
        prop = label.props.get(name)
        if prop is not None and str(value) in prop.words:
            return prop.word(value, language)
    return str(value)


def node_key(label: str, node_id: str) -> str:
    """The key of a node across labels (ids are unique only within a label).

    >>> node_key("Member", "M1")
    'Member:M1'
    """
    return f"{label}:{node_id}"


def split_key(key: str) -> tuple[str, str]:
    """Inverse of :func:`node_key`.

    >>> split_key("Enterprise:E:1")
    ('Enterprise', 'E:1')
    """
    label, _, node_id = key.partition(":")
    return label, node_id


def ids_by_label(keys) -> dict[str, list[str]]:
    """``Label:id`` keys grouped by label, in the order given.

    >>> ids_by_label(["Member:M1", "Area:A1", "Member:M2"])
    {'Member': ['M1', 'M2'], 'Area': ['A1']}
    """
    found: dict[str, list[str]] = {}
    for key in keys:
        label, node_id = split_key(key)
        found.setdefault(label, []).append(node_id)
    return found


def check_endpoints(rel_type: str, from_label: str, to_label: str) -> None:
    """Raise ``ValueError`` unless the model allows this relationship between these labels."""
    rel = RELATIONSHIPS.get(rel_type)
    if rel is None or (from_label, to_label) not in rel.endpoints:
        raise ValueError(f"{rel_type} does not go from {from_label} to {to_label}")
