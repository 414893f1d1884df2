"""Narrowing the gaps to a place: a building, or an area with every area below it."""

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from partygraph.errors import UsageError
from partygraph.queries import analysis_page, run_analysis
from partygraph.graph.reads import ids_in
from tests.conftest import city_in_both_stores
from tests.queries.conftest import Build


def graph():
    b = (Build().area("City", kind="city").area("S1", "City").area("S2", "City").area("C1", "S1", kind="community")
         .building("B-c1", "C1").building("B-s1", "S1").building("B-s2", "S2")
         .enterprise("E-c1", "B-c1").enterprise("E-s1", "B-s1").enterprise("E-s2", "B-s2").enterprise("E-nowhere"))
    b.member("m-c1", employer="E-c1", mobile=True).member("m-s2", employer="E-s2", mobile=True)
    b.member("m-none", mobile=True, registered_at="外地")
    return b.data


def test_an_area_holds_the_enterprises_of_its_buildings_and_of_the_areas_below_it(on_store):
    store = on_store(graph())
    assert ids_in(store, "S1", "Enterprise") == ["E-c1", "E-s1"]
    assert ids_in(store, "City", "Enterprise") == ["E-c1", "E-s1", "E-s2"]
    assert ids_in(store, "B-s2", "Enterprise") == ["E-s2"]
    assert ids_in(store, "C1", "Member") == ["m-c1"]


def test_the_gaps_of_a_place_are_those_located_or_working_there(on_store):
    store = on_store(graph())
    assert [r["id"] for r in run_analysis(store, "gaps enterprises", place="S1")] == ["E-c1", "E-s1"]
    members = run_analysis(store, "gaps members", place="City", as_of="2026-11-22")
    assert [r["id"] for r in members] == ["m-c1", "m-s2"]          # m-none works nowhere


def test_a_cycle_of_areas_ends(on_store):
    data = graph()
    data.add_rel("PART_OF", "Area", "City", "Area", "C1")
    assert ids_in(on_store(data), "S1", "Enterprise") == ["E-c1", "E-s1", "E-s2"]


def test_an_unknown_or_ambiguous_place_and_other_analyses_are_refused(on_store):
    data = graph()
    data.add_node("Building", {"id": "S2", "name": "与街道同号的楼"})
    store = on_store(data)
    with pytest.raises(UsageError, match="no area or building has the id 'nowhere'"):
        run_analysis(store, "gaps enterprises", place="nowhere")
    with pytest.raises(UsageError, match="an area and of a building"):
        run_analysis(store, "gaps enterprises", place="S2")
    with pytest.raises(UsageError, match="coverage cannot be narrowed"):
        run_analysis(store, "coverage", place="S1")


@pytest.mark.neo4j
@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(enterprises=st.integers(1, 400), seed=st.integers(0, 2**32), data=st.data())
def test_a_places_gaps_agree_with_its_coverage_on_both_stores(neo4j_store, tmp_path_factory, enterprises, seed, data):
    embedded, _ = city_in_both_stores(tmp_path_factory.mktemp("city"), neo4j_store, enterprises, seed)
    coverage = {row["place_id"]: row for row in run_analysis(embedded, "coverage", base="all")}
    place = data.draw(st.sampled_from(sorted(coverage)))
    building = data.draw(st.sampled_from(sorted(embedded.places().nodes["Building"])))
    every = run_analysis(embedded, "gaps enterprises")
    for store in (embedded, neo4j_store):
        rows = run_analysis(store, "gaps enterprises", place=place)
        # Another analysis counts the same place's enterprises its own way.
        assert len(rows) == coverage[place]["enterprises"] - coverage[place]["org_covered"]
        assert rows == [row for row in every if row["id"] in {r["id"] for r in rows}]
        page = analysis_page(store, "gaps enterprises", 3, place=place)
        assert (page.rows, page.total) == (rows[:3], len(rows))
        assert run_analysis(store, "gaps enterprises", place=building) == [r for r in every if r["building_id"] == building]
        members = run_analysis(store, "gaps members", place=place, as_of="2026-06-30")
        assert {row["employer_id"] for row in members} <= set(ids_in(store, place, "Enterprise"))
        assert members == run_analysis(embedded, "gaps members", place=place, as_of="2026-06-30")
