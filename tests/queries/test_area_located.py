"""Enterprises known only by their area (所在社区, no building): counted in that area and every
area above it, found by --place, never work-covered by an organization based in a whole area,
and their mobile members' suggested home starts at that area. Hand-checked, on both stores."""

from partygraph.queries import run_analysis
from tests.queries.conftest import Build


def graph():
    b = Build().area("D", kind="district").area("S", "D").area("C", "S", kind="community").area("C2", "S")
    b.building("B1", "C")
    b.enterprise("E1", "B1").enterprise("Shop1", area="C").enterprise("Shop2", area="C").enterprise("Shop3", area="S")
    b.org("OC", based_in="C").org("OS", based_in="S").org("O1", covers=["Shop1"])
    b.member("g", guides=["Shop2"])
    b.member("m1", employer="Shop3", mobile=True).member("m2", employer="Shop2", mobile=True)
    return b.data


def test_area_located_enterprises_count_in_their_area_and_above(on_store):
    rows = {r["place_id"]: (r["enterprises"], r["org_covered"], r["work_covered"])
            for r in run_analysis(on_store(graph()), "coverage")}
    # E1's building has no organization based in it; OC based in community C reaches nobody by itself.
    assert rows == {"B1": (1, 0, 0), "C": (3, 1, 2), "C2": (0, 0, 0), "S": (4, 1, 2), "D": (4, 1, 2)}


def test_an_organization_based_in_the_area_gives_no_work_coverage(on_store):
    rows = {r["id"]: (r["building_id"], r["coverage"]) for r in run_analysis(on_store(graph()), "gaps enterprises")}
    assert rows == {"E1": ("B1", "none"), "Shop2": (None, "work"), "Shop3": (None, "none")}


def test_place_finds_area_located_enterprises_and_their_members(on_store):
    store = on_store(graph())
    assert {r["id"] for r in run_analysis(store, "gaps enterprises", place="C")} == {"E1", "Shop2"}
    assert {r["id"] for r in run_analysis(store, "gaps enterprises", place="S")} == {"E1", "Shop2", "Shop3"}
    assert {r["id"] for r in run_analysis(store, "gaps members", place="C", as_of="2026-10-01")} == {"m2"}


def test_a_mobile_members_home_starts_at_the_employers_area(on_store):
    rows = {r["id"]: r["suggested_org_id"] for r in run_analysis(on_store(graph()), "gaps members", as_of="2026-10-01")}
    assert rows == {"m2": "OC", "m1": "OS"}
