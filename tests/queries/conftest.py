"""Analyses run on both stores: ``on_store(data)`` loads a graph and returns a store of the kind
the test is parametrized with (``embedded`` or ``neo4j``)."""

import pytest

from partygraph.graph.data import GraphData
from partygraph.graph.embedded import EmbeddedStore


@pytest.fixture(params=["embedded", "neo4j"])
def on_store(request, tmp_path):
    def load(data: GraphData):
        if request.param == "embedded":
            store = EmbeddedStore(tmp_path / "s.pgstore")
        else:
            store = request.getfixturevalue("neo4j_store")
        store.replace(data)
        return store
    return load


class Build:
    """Terse construction of small hand-checked graphs."""

    def __init__(self) -> None:
        self.data = GraphData()

    def area(self, id, parent=None, kind="street"):
        self.data.add_node("Area", {"id": id, "name": f"区域{id}", "kind": kind})
        if parent:
            self.data.add_rel("PART_OF", "Area", id, "Area", parent)
        return self

    def building(self, id, area=None):
        self.data.add_node("Building", {"id": id, "name": f"楼宇{id}"})
        if area:
            self.data.add_rel("PART_OF", "Building", id, "Area", area)
        return self

    def enterprise(self, id, building=None, employees=None, kind="non_public", area=None):
        self.data.add_node("Enterprise", {"id": id, "name": f"企业{id}", "kind": kind, "employees": employees})
        if building:
            self.data.add_rel("LOCATED_IN", "Enterprise", id, "Building", building)
        if area:
            self.data.add_rel("LOCATED_IN", "Enterprise", id, "Area", area)
        return self

    def org(self, id, level="branch", parent=None, covers=(), based_in=None):
        self.data.add_node("Organization", {"id": id, "name": f"党组织{id}", "level": level, "establishment": True})
        if parent:
            self.data.add_rel("SUBORDINATE_TO", "Organization", id, "Organization", parent)
        for e in covers:
            self.data.add_rel("COVERS", "Organization", id, "Enterprise", e)
        if based_in:
            label = "Building" if based_in in self.data.nodes["Building"] else "Area"
            self.data.add_rel("BASED_IN", "Organization", id, label, based_in)
        return self

    def member(self, id, org=None, employer=None, status="full", mobile=False, registered_at=None,
               participates=None, last_contact=None, guides=(), secretary_of=None):
        self.data.add_node("Member", {"id": id, "name": f"党员{id}", "status": status, "mobile": mobile,
                                      "registered_at": registered_at, "last_contact": last_contact})
        for rel, target, label in (("MEMBER_OF", org, "Organization"), ("WORKS_AT", employer, "Enterprise"),
                                   ("PARTICIPATES_IN", participates, "Organization"),
                                   ("SECRETARY_OF", secretary_of, "Organization")):
            if target:
                self.data.add_rel(rel, "Member", id, label, target)
        for e in guides:
            self.data.add_rel("GUIDES", "Member", id, "Enterprise", e)
        return self

    def pair(self, a, b):
        self.data.add_rel("PAIRED_WITH", "Organization", a, "Organization", b, {"kind": "结对共建", "since": "2020-01-01"})
        return self

    def members(self, prefix, count, **kwargs):
        for i in range(count):
            self.member(f"{prefix}{i}", **kwargs)
        return self
