import pytest

from partygraph.errors import UsageError
from partygraph.queries import run_analysis
from tests.queries.conftest import Build


def graph():
    b = (Build().area("D", kind="district").area("S", "D").area("Empty", "D")
         .building("B1", "D").building("B2", "S").building("B3", "S"))
    b.enterprise("E1", "B1", 100).enterprise("E2", "B1", 5).enterprise("E3", "B2", 40).enterprise("E4", "B3", 12)
    b.enterprise("E5", None, 500)                                   # in no place: counted nowhere
    b.org("O1", covers=["E1"]).org("O3", based_in="B3")
    b.member("m1", employer="E1").member("m2", employer="E3").member("g", guides=["E3"])
    return b.data


def figures(rows):
    return {r["place_id"]: (r["enterprises"], r["org_covered"], r["work_covered"], r["org_coverage_rate"],
                            r["work_coverage_rate"]) for r in rows}


def test_rates_roll_up_through_the_area_hierarchy(on_store):
    rows = run_analysis(on_store(graph()), "coverage")
    assert figures(rows) == {
        "B1": (2, 1, 1, 0.5, 0.5), "B2": (1, 0, 1, 0.0, 1.0), "B3": (1, 0, 1, 0.0, 1.0),
        "S": (2, 0, 2, 0.0, 1.0), "Empty": (0, 0, 0, None, None), "D": (4, 1, 3, 0.25, 0.75),
    }
    assert {r["base"] for r in rows} == {"all"}
    assert [r["place_label"] for r in rows] == ["Area"] * 3 + ["Building"] * 3


def test_other_bases_count_other_enterprises_and_say_so(on_store):
    store = on_store(graph())
    with_members = run_analysis(store, "coverage", base="with_members")
    assert figures(with_members)["D"] == (2, 1, 2, 0.5, 1.0)
    assert figures(with_members)["B3"] == (0, 0, 0, None, None)      # a place whose enterprises are all outside the base
    big = run_analysis(store, "coverage", base="min_employees:40")
    assert figures(big)["D"] == (2, 1, 2, 0.5, 1.0) and {r["base"] for r in big} == {"min_employees:40"}


@pytest.mark.parametrize("base", ["some", "min_employees", "min_employees:x", "all:3"])
def test_an_unknown_base_is_a_usage_error(base):
    from partygraph.queries.coverage import options

    with pytest.raises(UsageError, match="--base"):
        options(base)
