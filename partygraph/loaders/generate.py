"""A synthetic city in the input format, for tests and benchmarks.

Areas (city → districts → streets and parks → communities) hold buildings; enterprises of
heavy-tailed size sit in them; members work mostly in the larger ones. Enterprises with three
or more full members usually have a branch (general branch or committee when large), smaller
ones are grouped into joint branches per building, and some of each are left without, on
purpose, as are some buildings without an organization, enterprises reached only by an
instructor, mobile members nobody reaches and contacts older than six months. Dates are drawn
around a fixed day so that the same seed gives the same bytes.

>>> import tempfile
>>> counts = generate_city(tempfile.mkdtemp(), enterprises=50, seed=1)
>>> counts["Enterprise"]
50
"""

from __future__ import annotations

import csv
import datetime as dt
import random
from pathlib import Path

from ..files import atomic_write
from ..graph.model import RELATIONSHIPS
from .spec import FILES, header

BASE_DAY = dt.date(2026, 6, 30)
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏辉婷宇浩凯佳晨欣悦琳然"
TRADES = ["科技", "贸易", "电子", "物流", "餐饮", "建设", "文化传媒", "咨询", "制造", "医药", "金融服务", "软件"]
PLACES = ["东湖", "西城", "南山", "北辰", "金凤", "银河", "阅海", "兴庆", "龙岗", "福田", "滨江", "高新"]
PROVINCES = ["四川", "甘肃", "河南", "湖南", "安徽", "内蒙古", "陕西", "山东", "广西", "江西"]

COLUMNS = {name: header(name, leave_out=("credit_code", "identity_number")) for name in FILES}


class _City:
    def __init__(self, seed: int, base_day: dt.date = BASE_DAY) -> None:
        self.rng = random.Random(seed)
        self.base_day = base_day
        self.rows: dict[str, list[list[object]]] = {name: [] for name in COLUMNS}
        self.rels = {rel: 0 for rel in RELATIONSHIPS}
        self.members = 0

    def add(self, table: str, **row: object) -> None:
        self.rows[table].append([row.get(c, "") for c in COLUMNS[table]])

    def day(self, back_min: int, back_max: int) -> str:
        return (self.base_day - dt.timedelta(days=self.rng.randint(back_min, back_max))).isoformat()

    def person(self) -> str:
        return self.rng.choice(SURNAMES) + "".join(self.rng.choice(GIVEN) for _ in range(self.rng.randint(1, 2)))

    def org(self, oid: str, name: str, level: str, parent: str = "", enterprises: list[str] = (),
            based_in: str = "", establishment: bool = True) -> str:
        elected = self.day(0, 2200) if level != "working_committee" and self.rng.random() < 0.8 else ""
        self.add("organizations", id=oid, name=name, level=level, parent_id=parent,
                 establishment="" if establishment else "否", founded=self.day(200, 5000), elected=elected,
                 term_years=self.rng.choice((2, 4, 5)) if elected and self.rng.random() < 0.05 else "",
                 committee="是" if self.rng.random() < 0.3 else "",
                 enterprise_ids=";".join(enterprises), based_in=based_in)
        self.rels["SUBORDINATE_TO"] += bool(parent)
        self.rels["COVERS"] += len(enterprises)
        self.rels["BASED_IN"] += bool(based_in)
        return oid

    def member(self, org: str = "", employer: str = "", secretary_of: str = "", guides: list[str] = (),
               mobile: bool = False, participates: str = "", registered_at: str = "") -> str:
        self.members += 1
        mid = f"M{self.members:07d}"
        lost = self.rng.random() < 0.04
        self.add("members", id=mid, name=self.person(), status="probationary" if self.rng.random() < 0.06 else "full",
                 org_id=org, employer_id=employer, mobile="是" if mobile else "", participates_org_id=participates,
                 registered_at=registered_at, joined=self.day(400, 12000),
                 works_since=self.day(0, 3000) if employer and self.rng.random() < 0.5 else "",
                 last_contact=self.day(200, 500) if lost else self.day(0, 150),
                 secretary_of=secretary_of, guides=";".join(guides))
        for rel, present in (("MEMBER_OF", org), ("WORKS_AT", employer), ("SECRETARY_OF", secretary_of),
                             ("PARTICIPATES_IN", participates)):
            self.rels[rel] += bool(present)
        self.rels["GUIDES"] += len(guides)
        return mid


def _areas(city: _City, enterprises: int) -> list[tuple[str, str, str]]:
    """Areas of the city; returns the leaf places (id, street id, kind) that hold buildings."""
    city.add("areas", id="C", name="合成市（虚构）", kind="city")
    districts = max(1, enterprises // 30000)
    leaves = []
    for d in range(districts):
        did = f"D{d}"
        city.add("areas", id=did, name=f"{PLACES[d % 12]}区{d}（虚构）", kind="district", parent_id="C")
        for s in range(max(1, min(10, enterprises // (districts * 300)))):
            sid = f"{did}S{s}"
            kind = "park" if s % 4 == 3 else "street"
            city.add("areas", id=sid, name=f"{PLACES[s % 12]}{'园区' if kind == 'park' else '街道'}{d}-{s}", kind=kind,
                     parent_id=did)
            for c in range(3):
                cid = f"{sid}C{c}"
                ckind = ["community", "business_district", "commercial_area"][c]
                city.add("areas", id=cid, name=f"{PLACES[(s + c) % 12]}{['社区', '商务区', '商圈'][c]}{d}-{s}-{c}",
                         kind=ckind, parent_id=sid)
                leaves.append((cid, sid, ckind))
    city.rels["PART_OF"] += len(city.rows["areas"]) - 1
    return leaves


def _employees(rng: random.Random) -> int:
    return min(20000, int(rng.paretovariate(1.1) * 4))


def generate_city(out: str | Path, enterprises: int = 1000, seed: int = 0,
                  base_day: dt.date = BASE_DAY) -> dict[str, int]:
    """Write a dataset to folder ``out``; returns the counts of what it wrote, per label and type.
    Its dates (founded, joined, last contact …) lie before ``base_day``, the day the register stands on."""
    city = _City(seed, base_day)
    rng = city.rng
    leaves = _areas(city, enterprises)
    street_orgs: dict[str, tuple[str, str]] = {}
    for _, sid, _ in leaves:
        if sid not in street_orgs:
            committee = city.org(f"O-{sid}", f"{sid}党工委", "working_committee", based_in=sid)
            office = city.org(f"O-{sid}-J", f"{sid}机关党支部", "branch", parent=committee)
            city.member(office, secretary_of=office)
            street_orgs[sid] = (committee, office)
    community_orgs = {cid: city.org(f"O-{cid}", f"{cid}社区党委", "committee", parent=street_orgs[sid][0], based_in=cid)
                      for cid, sid, _ in leaves}
    buildings = max(1, enterprises // 60)
    building_place = []
    for b in range(buildings):
        cid, sid, _ = leaves[b % len(leaves)]
        city.add("buildings", id=f"B{b}", name=f"{PLACES[b % 12]}大厦{b}号楼", area_id=cid, address=f"{PLACES[b % 12]}路{b}号")
        building_place.append((cid, sid))
    city.rels["PART_OF"] += buildings
    building_org = {}
    for b in range(buildings):
        if rng.random() < 0.45:
            cid, sid = building_place[b]
            building_org[b] = city.org(f"O-B{b}", f"{PLACES[b % 12]}大厦{b}号楼党总支", "general_branch",
                                       parent=street_orgs[sid][0], based_in=f"B{b}")
    small_by_building: dict[int, list[tuple[str, int]]] = {}
    uncovered_memberless: list[tuple[str, int]] = []
    paired_candidates: list[tuple[str, str]] = []
    for e in range(enterprises):
        eid, b = f"E{e}", rng.randrange(buildings) if rng.random() < 0.9 else -1
        staff = _employees(rng)
        kind = rng.choices(["non_public", "social_org", "state_owned", "individual"], [80, 10, 3, 7])[0]
        city.add("enterprises", id=eid, name=f"{PLACES[e % 12]}{rng.choice(TRADES)}有限公司{e}", kind=kind,
                 building_id=f"B{b}" if b >= 0 else "",
                 # Half of those in no building are known by their community (shops on a street).
                 area_id=leaves[e % len(leaves)][0] if b < 0 and e % 2 == 0 else "",
                 employees=staff, above_scale="是" if staff >= 300 else "否")
        city.rels["LOCATED_IN"] += b >= 0 or e % 2 == 0
        members = sum(rng.random() < 0.03 for _ in range(min(staff, 4000))) + (rng.random() < 0.15)
        sid = building_place[b][1] if b >= 0 else leaves[e % len(leaves)][1]
        if members >= 3 and rng.random() < 0.85:
            level = "committee" if members >= 100 else "general_branch" if members >= 50 else "branch"
            parent = building_org.get(b, street_orgs[sid][0])
            oid = city.org(f"O-{eid}", f"{eid}党{'委' if level == 'committee' else '总支' if level == 'general_branch' else '支部'}",
                           level, parent=parent, enterprises=[eid])
            for i in range(members):
                city.member(oid, eid, secretary_of=oid if i == 0 and rng.random() < 0.92 else "")
            if kind in ("non_public", "social_org") and rng.random() < 0.3:
                paired_candidates.append((oid, sid))
        elif 1 <= members <= 2 and b >= 0 and rng.random() < 0.6:
            small_by_building.setdefault(b, []).append((eid, members))
        else:
            for _ in range(members):
                _unreached_member(city, eid, community_orgs[building_place[b][0]] if b >= 0 else "")
            if members == 0 and b not in building_org:
                uncovered_memberless.append((eid, sid))
    for b, small in small_by_building.items():
        sid = building_place[b][1]
        size = 5 if rng.random() < 0.9 else 7          # a few joint branches over five units, on purpose
        for start in range(0, len(small), size):
            group = small[start:start + size]
            oid = city.org(f"O-J{b}-{start}", f"B{b}联合党支部{start // size + 1}", "joint_branch",
                           parent=building_org.get(b, street_orgs[sid][0]), enterprises=[e for e, _ in group])
            for i, (eid, members) in enumerate(group):
                for j in range(members):
                    city.member(oid, eid, secretary_of=oid if i == j == 0 else "")
    _instructors(city, uncovered_memberless, street_orgs)
    for oid, sid in paired_candidates:
        city.add("pairings", org_a=street_orgs[sid][1], org_b=oid, kind="结对共建", since=city.day(100, 3000))
        city.rels["PAIRED_WITH"] += 1
    return _write(city, Path(out))


def _unreached_member(city: _City, employer: str, community_org: str) -> None:
    """A member of an enterprise without organization: at the community, or mobile."""
    rng = city.rng
    if community_org and rng.random() < 0.5:
        city.member(community_org, employer)
    elif rng.random() < 0.5:
        city.member("", employer, mobile=True, participates=community_org,
                    registered_at=f"{rng.choice(PROVINCES)} 原单位")
    else:
        city.member("", employer, mobile=True, registered_at=f"{rng.choice(PROVINCES)} 原籍")


def _instructors(city: _City, targets: list[tuple[str, str]], street_orgs: dict[str, tuple[str, str]]) -> None:
    """Instructors (党建指导员) from the street offices guide about half the unreached enterprises."""
    by_street: dict[str, list[str]] = {}
    for eid, sid in targets:
        if city.rng.random() < 0.5:
            by_street.setdefault(sid, []).append(eid)
    for sid, eids in by_street.items():
        for start in range(0, len(eids), 8):
            city.member(street_orgs[sid][1], guides=eids[start:start + 8])


def _write(city: _City, out: Path) -> dict[str, int]:
    out.mkdir(parents=True, exist_ok=True)
    for name, columns in COLUMNS.items():
        with atomic_write(out / f"{name}.csv", newline="") as handle:
            writer = csv.writer(handle, lineterminator="\n")
            writer.writerow(columns)
            writer.writerows(city.rows[name])
    counts = {"Area": len(city.rows["areas"]), "Building": len(city.rows["buildings"]),
              "Enterprise": len(city.rows["enterprises"]), "Organization": len(city.rows["organizations"]),
              "Member": len(city.rows["members"])}
    counts.update(city.rels)
    return counts
