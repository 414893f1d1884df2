import pytest

from partygraph.errors import UsageError
from partygraph.graph.embedded import EmbeddedStore
from partygraph.queries import run_analysis, rules
from tests.queries.conftest import Build


def graph():
    b = (Build().area("A").building("B1", "A").building("B2", "A")
         .enterprise("E-three", "B1", 50).enterprise("E-two", None, 900).enterprise("E-guided", None, 30)
         .enterprise("E-based", "B1", 10).enterprise("E-covered", "B1", 20).enterprise("E-one", "B2", 5)
         .enterprise("E-j1", "B2").enterprise("E-j2", "B2"))
    for i in range(1, 6):
        b.enterprise(f"E-k{i}", "B2")
    b.org("O-B1", "general_branch", based_in="B1").org("O-cov", covers=["E-covered"])
    b.org("J-room", "joint_branch", covers=["E-j1", "E-j2"])
    b.org("J-full", "joint_branch", covers=[f"E-k{i}" for i in range(1, 6)])
    b.members("three", 3, employer="E-three", org="O-B1")
    b.members("two", 2, employer="E-two").members("pro", 2, employer="E-two", status="probationary")
    b.member("one", employer="E-one", mobile=True, registered_at="外地")
    b.member("instructor", org="O-B1", guides=["E-guided"])
    return b.data


def test_actions_follow_full_members_and_the_most_urgent_come_first(on_store):
    rows = run_analysis(on_store(graph()), "gaps enterprises")
    assert [(r["id"], r["full_members"], r["action"], r["coverage"]) for r in rows] == [
        ("E-three", 3, "found_branch", "work"),        # its building has an organization BASED_IN it
        ("E-two", 2, "joint_branch", "none"),          # two probationary members do not count
        ("E-one", 1, "joint_branch", "none"),
        ("E-guided", 0, "send_instructor", "work"),    # an instructor GUIDES it; 30 employees
        ("E-based", 0, "send_instructor", "work"),     # 10 employees: bigger employers first
    ]


def test_rules_buildings_and_joint_branches_with_room_are_named(on_store):
    rows = {r["id"]: r for r in run_analysis(on_store(graph()), "gaps enterprises")}
    assert rows["E-three"]["rule"] == rules.FOUND_BRANCH
    assert rows["E-one"]["rule"] == rules.JOINT_BRANCH and rows["E-guided"]["rule"] == rules.SEND_INSTRUCTOR
    assert rows["E-one"]["joint_branches_with_room"] == ["J-room"]        # J-full already covers five
    assert rows["E-two"]["joint_branches_with_room"] == [] and rows["E-two"]["building_id"] is None
    assert rows["E-three"]["building_id"] == "B1" and rows["E-three"]["employees"] == 50


def test_ids_must_be_a_list_not_one_id(tmp_path):
    store = EmbeddedStore(tmp_path / "s.pgstore")
    store.replace(graph())
    with pytest.raises(UsageError, match="list of ids"):
        run_analysis(store, "gaps enterprises", ids="E-one")
