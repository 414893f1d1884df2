"""The bundled seed-case dataset reproduces the figures the five articles give.

The figures are computed here from the graph with plain set logic, independently of the
analyses, so they check the dataset itself.
"""

from collections import defaultdict

import pytest

from partygraph.loaders import validate_dataset
from tests.conftest import SEED_CASES


class Graph:
    def __init__(self, data):
        self.nodes = data.nodes
        self.out = defaultdict(set)
        self.inn = defaultdict(set)
        for rel, source, target in data.rels:
            self.out[rel, source].add(target)
            self.inn[rel, target].add(source)

    def node(self, key):
        label, _, node_id = key.partition(":")
        return self.nodes[label][node_id]

    def below(self, rel, key):
        """Everything reaching ``key`` through ``rel`` (inclusive)."""
        found, todo = {key}, [key]
        while todo:
            for child in self.inn[rel, todo.pop()] - found:
                found.add(child)
                todo.append(child)
        return found

    def orgs_under(self, org):
        return self.below("SUBORDINATE_TO", f"Organization:{org}")

    def enterprises_in(self, area):
        places = self.below("PART_OF", f"Area:{area}")
        return {e for place in places for e in self.inn["LOCATED_IN", place]}

    def members_of(self, orgs, enterprises=()):
        return ({m for o in orgs for rel in ("MEMBER_OF", "PARTICIPATES_IN") for m in self.inn[rel, o]}
                | {m for e in enterprises for m in self.inn["WORKS_AT", e]})

    def full_members(self, enterprise):
        return [m for m in self.inn["WORKS_AT", enterprise] if self.node(m)["status"] == "full"]

    def org_covered(self, enterprise):
        return bool(self.inn["COVERS", enterprise])

    def work_covered(self, enterprise):
        buildings = self.out["LOCATED_IN", enterprise]
        return (self.org_covered(enterprise) or bool(self.inn["GUIDES", enterprise])
                or any(self.inn["BASED_IN", b] for b in buildings))

    def of_level(self, orgs, level):
        return {o for o in orgs if self.node(o)["level"] == level}


@pytest.fixture(scope="module")
def g():
    report = validate_dataset(SEED_CASES)
    assert report.ok and not report.warnings, [str(p) for p in report.problems]
    return Graph(report.data)


def test_000_yongkang_headquarters_centre(g):
    committee = g.node("Organization:YK-C")
    assert committee["founded"] == "2013-06-20"
    orgs = g.orgs_under("YK-C")
    assert len(g.members_of(orgs)) == 293
    branches = g.of_level(orgs, "branch")
    assert len(branches) == 18
    names = {g.node(b)["name"] for b in branches}
    assert {"总部办机关党支部", "合行金城党支部", "四方进出口党支部", "房屋开发公司党支部", "新华建设党支部"} <= names
    assert "Organization:YK-C" in g.out["SUBORDINATE_TO", "Organization:YK-O06"]      # 佳信 directly under
    buildings = g.inn["PART_OF", "Area:YK-HQ"]
    assert all(g.of_level(g.inn["BASED_IN", b], "general_branch") for b in buildings)   # 以幢为单位建立党总支
    tower = [b for b in buildings if g.node(b)["name"] == "三期总部大楼"][0]
    assert len(g.inn["LOCATED_IN", tower]) == 196
    ruan = [m for m in g.nodes["Member"].values() if m["name"] == "阮晓"][0]
    key = f"Member:{ruan['id']}"
    assert ruan["mobile"] and "四川阆中" in ruan["registered_at"] and not g.out["MEMBER_OF", key]
    assert g.out["PARTICIPATES_IN", key] == {"Organization:YK-C"}


def test_001_shenzhen_international_innovation_centre(g):
    buildings = g.inn["PART_OF", "Area:SZ-GC"]
    assert len(buildings) == 8
    assert g.inn["BASED_IN", "Area:SZ-GC"] == {"Organization:GC-C"}
    assert all(g.node(b)["address"] == "深圳市福田区深南大道1006号" for b in buildings)


def test_002_tongliao_zone(g):
    kinds = defaultdict(int)
    for area in g.inn["PART_OF", "Area:TL"]:
        kinds[g.node(area)["kind"]] += 1
    assert (kinds["park"], kinds["street"]) == (2, 4)                                    # 一区两园…四街
    shops = g.enterprises_in("TL-NDM") - {"Enterprise:TL-ZT16"}
    assert len(shops) == 37
    street_orgs = g.inn["SUBORDINATE_TO", "Organization:TL-NDM-O"]
    establishment = [o for o in street_orgs if g.node(o)["establishment"]]
    assert (len(establishment), len(street_orgs) - len(establishment)) == (6, 34)        # 6 + 31 + 3 special
    zone_orgs = g.orgs_under("TL-W")
    assert sum(not g.node(o)["establishment"] for o in zone_orgs) == 117
    instructors = {m for o in zone_orgs for m in g.inn["MEMBER_OF", o] if g.out["GUIDES", m]}
    assert len(instructors) == 61
    project = g.node("Organization:TL-ZT16-O")
    assert project["level"] == "temporary_branch"                                        # 支部建在项目上
    zone = {e for o in zone_orgs for e in g.out["COVERS", o]} | {e for m in instructors for e in g.out["GUIDES", m]}
    eligible = [e for e in zone if g.node(e).get("kind") in ("non_public", "social_org") and len(g.full_members(e)) >= 3]
    assert round(sum(map(g.org_covered, eligible)) / len(eligible), 3) == 0.848             # 组建率 84.8%
    assert sum(bool(g.node(e).get("above_scale")) for e in zone) == 122                  # 四上企业 122 户


def test_003_yinchuan_jinfeng(g):
    district_orgs = g.orgs_under("JF-W")
    assert len(g.of_level(district_orgs, "joint_branch")) == 24
    yuehai = g.enterprises_in("YC-YH")
    assert len(g.inn["PART_OF", "Area:YC-YH"]) == 7 and 160 < len(yuehai) < 170          # 7 栋, 160余家
    assert len(g.members_of(g.orgs_under("YH-C"), yuehai)) == 106
    assert len(g.inn["PAIRED_WITH", "Organization:YXY-GB"] | g.out["PAIRED_WITH", "Organization:YXY-GB"]) == 17
    assert len(g.inn["MEMBER_OF", "Organization:BH-O"]) == 110


def test_003_yuehaiwan_cbd_rates_with_the_base_stated(g):
    """150 enterprises, 10 organizations (5 own branches, 1 joint), 80 members; 组织覆盖率 50% holds
    with the base "enterprises with members" (over all 150 it is 10/150); 工作覆盖率 100% on any base."""
    enterprises = g.enterprises_in("YC-CBD")
    orgs = g.orgs_under("CBD-W")
    assert (len(enterprises), len(orgs)) == (150, 10)
    own = [o for o in g.of_level(orgs, "branch") if len(g.out["COVERS", o]) == 1]
    assert len(own) == 5 and len(g.of_level(orgs, "joint_branch")) == 1
    assert len(g.members_of(orgs, enterprises)) == 80
    with_members = [e for e in enterprises if g.inn["WORKS_AT", e]]
    assert sum(map(g.org_covered, with_members)) / len(with_members) == 0.5
    assert all(map(g.work_covered, enterprises))


def test_004_nanwan_street(g):
    jjj = g.node("Enterprise:NW-JJJ")
    assert jjj["name"] == "金积嘉电子工业有限公司" and jjj["employees"] >= 2000
    assert len(g.inn["WORKS_AT", "Enterprise:NW-JJJ"]) == 8
    pairs = [(a, b) for (rel, a), targets in g.out.items() if rel == "PAIRED_WITH" for b in targets
             if a.startswith("Organization:NW")]
    government = {a for a, _ in pairs}
    assert all(not g.out["COVERS", a] for a in government)                                # 机关/驻街单位
    assert all(g.node(e)["kind"] == "non_public" for _, b in pairs for e in g.out["COVERS", b])
    assert len(pairs) == 5
