import datetime as dt

import pytest
from hypothesis import given, strategies as st

from partygraph.errors import UsageError
from partygraph.queries import run_analysis
from partygraph.queries.gaps_members import months_before
from tests.queries.conftest import Build

AS_OF = "2026-08-31"


def graph():
    b = (Build().area("City", kind="city").area("Street", "City").area("Park", "Street", kind="park")
         .building("B-cov", "Park").building("B-based", "Park").building("B-joint", "Park").building("B-area", "Park")
         .building("B-none"))
    for e, building in (("E-cov", "B-cov"), ("E-based", "B-based"), ("E-joint", "B-joint"), ("E-other", "B-joint"),
                        ("E-area", "B-area"), ("E-lone", "B-none"), ("E-nowhere", None)):
        b.enterprise(e, building)
    b.org("O-city", "committee", based_in="City").org("O-street", "working_committee", based_in="Street")
    b.org("O-z", covers=["E-cov"]).org("O-a", covers=["E-cov"]).org("O-bld", based_in="B-based")
    b.org("J", "joint_branch", covers=["E-other"])
    b.member("by-employer", employer="E-cov", mobile=True)
    b.member("by-building", employer="E-based", mobile=True, org="O-city")
    b.member("by-joint", employer="E-joint", registered_at="四川阆中 某大学")   # no MEMBER_OF: mobile by definition
    b.member("by-area", employer="E-area", mobile=True)
    b.member("no-building", employer="E-nowhere", mobile=True)
    b.member("no-area", employer="E-lone", mobile=True)
    b.member("no-employer", registered_at="甘肃")
    b.member("participates", employer="E-area", mobile=True, participates="O-bld")
    b.member("lost", org="O-a", last_contact="2026-02-27")
    b.member("boundary", org="O-a", last_contact="2026-02-28")           # exactly six months before 2026-08-31
    b.member("both", employer="E-cov", mobile=True, last_contact="2025-01-01")
    b.member("fine", org="O-a", last_contact="2026-08-01")
    return b.data


def test_reasons_and_each_branch_of_the_suggestion_order(on_store):
    rows = run_analysis(on_store(graph()), "gaps members", as_of=AS_OF)
    assert [(r["id"], r["reasons"], r["employer_id"], r["suggested_org_id"]) for r in rows] == [
        ("both", ["isolated_mobile", "lost_contact"], "E-cov", "O-a"),
        ("by-area", ["isolated_mobile"], "E-area", "O-street"),      # nearest enclosing area with one, not O-city
        ("by-building", ["isolated_mobile"], "E-based", "O-bld"),
        ("by-employer", ["isolated_mobile"], "E-cov", "O-a"),        # two cover it: the smallest id
        ("by-joint", ["isolated_mobile"], "E-joint", "J"),
        ("lost", ["lost_contact"], None, None),
        ("no-area", ["isolated_mobile"], "E-lone", None),
        ("no-building", ["isolated_mobile"], "E-nowhere", None),
        ("no-employer", ["isolated_mobile"], None, None),
    ]


def test_a_bad_as_of_date_is_a_usage_error(tmp_path):
    from partygraph.graph.embedded import EmbeddedStore

    store = EmbeddedStore(tmp_path / "s.pgstore")
    store.replace(graph())
    with pytest.raises(UsageError, match="--as-of"):
        run_analysis(store, "gaps members", as_of="31/08/2026")


@given(st.dates(dt.date(2000, 1, 1), dt.date(2100, 12, 31)), st.integers(0, 24))
def test_months_before_matches_calendar_arithmetic(day, months):
    earlier = months_before(day, months)
    assert (day.year * 12 + day.month) - (earlier.year * 12 + earlier.month) == months
    assert earlier.day == day.day or (earlier.day < day.day and (earlier + dt.timedelta(days=1)).day == 1)
