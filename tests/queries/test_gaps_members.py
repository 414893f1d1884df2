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


def transfers_graph():
    b = (Build().area("S").area("C", "S", kind="community").building("B1", "C").building("B2", "C")
         .enterprise("E-cov", "B1").enterprise("E-near", "B1").enterprise("E-far", "B2").enterprise("E-j", "B2"))
    b.org("O-cov", covers=["E-cov"]).org("O-S", "working_committee", based_in="S")
    b.member("cov", employer="E-cov", registered_at="外省")          # the organization covering the employer
    b.member("near", employer="E-near", registered_at="原单位")      # no cover, no joint branch: the area's
    b.member("home", employer="E-near", org="O-cov", registered_at="x")   # already a member here: not a transfer
    b.member("nowork", registered_at="外地")                           # works in no unit of the register
    b.member("local", employer="E-far")                                # relationship already here
    return b


def test_transfers_name_who_should_move_their_relationship_in_and_where(on_store):
    b = transfers_graph()
    b.data.nodes["Member"]["cov"]["works_since"] = "2024-07-31"
    rows = run_analysis(on_store(b.data), "gaps transfers", as_of="2026-06-30")
    assert [(r["id"], r["employer_id"], r["suggested_org_id"], r["months_at_employer"]) for r in rows] == [
        ("cov", "E-cov", "O-cov", 22),        # 2024-07-31 to 2026-06-30: 22 whole months (the 30th < the 31st)
        ("near", "E-near", "O-S", None),      # started date unknown; the area above its building has O-S
    ]
    assert rows[0]["employer_name"] == "企业E-cov" and "第二十五条" in rows[0]["rule"]
