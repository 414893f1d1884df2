import pytest

from partygraph.errors import UsageError
from partygraph.queries import ANALYSES, run_analysis
from tests.queries.conftest import Build


def graph():
    b = Build()
    for i in range(7):
        b.enterprise(f"E{i}")
    b.org("Top", "committee").member("s-top", org="Top", secretary_of="Top")
    b.org("J6", "joint_branch", parent="Top", covers=[f"E{i}" for i in range(6)]).member("s-j6", org="J6", secretary_of="J6")
    b.org("J5", "joint_branch", parent="Top", covers=["E6"]).member("s-j5", org="J5", secretary_of="J5")
    b.org("Big", "branch", parent="Top").members("big", 50, org="Big").member("s-big", org="Big", secretary_of="Big")
    b.org("Fifty", "branch", parent="Top").members("f", 49, org="Fifty").member("s-f", org="Fifty", secretary_of="Fifty")
    b.org("Orphan", "branch").member("s-o", org="Orphan", secretary_of="Orphan")
    b.org("NoSec", "branch", parent="Top")
    b.org("C1", "general_branch", parent="C2").org("C2", "general_branch", parent="C1")
    b.member("s-c1", org="C1", secretary_of="C1").member("s-c2", org="C2", secretary_of="C2")
    b.area("A1").area("A2", "A1")
    b.data.add_rel("PART_OF", "Area", "A1", "Area", "A2")
    b.member("nowhere").member("elsewhere", registered_at="外地")
    b.pair("Top", "Top").pair("J5", "NoSec").pair("NoSec", "J5").pair("J6", "Big")
    return b.data


def test_each_rule_check_finds_exactly_its_cases(on_store):
    rows = run_analysis(on_store(graph()), "check")
    assert [(r["check"], r["label"], r["id"], r["count"], r["related"]) for r in rows] == [
        ("joint_branch_over_five", "Organization", "J6", 6, []),
        ("branch_over_50", "Organization", "Big", 51, []),        # 50 members and its secretary; Fifty has 50
        ("committee_missing", "Organization", "Big", 51, []),     # seven or more full members, no committee recorded
        ("committee_missing", "Organization", "Fifty", 50, []),
        ("no_secretary", "Organization", "NoSec", None, []),
        ("no_superior", "Organization", "Orphan", None, []),       # Top is a committee: the top of its tree
        ("hierarchy_cycle", "Area", "A1", None, []),
        ("hierarchy_cycle", "Area", "A2", None, []),
        ("hierarchy_cycle", "Organization", "C1", None, []),
        ("hierarchy_cycle", "Organization", "C2", None, []),
        ("member_without_organization", "Member", "nowhere", None, []),
        ("self_pairing", "Organization", "Top", None, []),
        ("duplicate_pairing", "Organization", "J5", None, ["NoSec"]),
    ]


def terms():
    b = Build().area("S", kind="street").area("Q", "S", kind="community")
    b.org("Committee", "committee").org("Late", "branch").org("Due90", "branch").org("Due91", "branch")
    b.org("OwnTerm", "joint_branch").org("Working", "working_committee").org("Community", "branch", based_in="Q")
    b.org("Leap", "general_branch").org("Unknown", "branch")
    elected = {"Committee": "2021-06-30", "Late": "2023-03-31", "Due90": "2023-09-28", "Due91": "2023-09-29",
               "OwnTerm": "2022-01-01", "Working": "2010-01-01", "Community": "2022-01-01", "Leap": "2020-02-29"}
    for org, day in elected.items():
        b.data.nodes["Organization"][org]["elected"] = day
    b.data.nodes["Organization"]["OwnTerm"]["term_years"] = 5
    return b.data


def test_terms_of_office_expired_or_due_within_90_days(on_store):
    rows = [r for r in run_analysis(on_store(terms()), "check", as_of="2026-06-30") if r["check"].startswith("term")]
    assert [(r["check"], r["id"], r["count"], r["due"]) for r in rows] == [
        ("term_expired", "Late", 91, "2026-03-31"),        # a branch: 3 years
        ("term_expired", "Leap", 1218, "2023-02-28"),      # 3 years from a leap day end on the 28th
        ("term_due", "Committee", 0, "2026-06-30"),         # a committee: 5 years, ending today
        ("term_due", "Due90", 90, "2026-09-28"),
    ]       # Due91: 91 days away; OwnTerm: its own 5 years; Working: not elected; Community: 5 years; Unknown: no date
    assert all(r["rule"].startswith("《中国共产党章程》第三十一条") for r in rows if r["check"] == "term_expired")


def test_a_term_option_overrides_a_levels_default(on_store):
    rows = run_analysis(on_store(terms()), "check", as_of="2026-06-30", terms={"branch": 2, "committee": 6})
    assert [(r["check"], r["id"]) for r in rows if r["check"].startswith("term")] == [
        ("term_expired", "Due90"), ("term_expired", "Due91"), ("term_expired", "Late"), ("term_expired", "Leap")]


def test_a_term_for_an_unknown_level_is_refused():
    with pytest.raises(UsageError, match="--term"):
        ANALYSES["check"].options(terms={"cell": 2})


def test_a_branch_of_seven_full_members_needs_a_committee(on_store):
    b = Build().org("Seven", "branch").org("Six", "branch").org("Recorded", "joint_branch").org("Total", "committee")
    b.members("s", 7, org="Seven").members("x", 6, org="Six").members("p", 3, org="Six", status="probationary")
    b.members("r", 8, org="Recorded").members("t", 9, org="Total")
    b.data.nodes["Organization"]["Recorded"]["committee"] = True
    rows = [r for r in run_analysis(on_store(b.data), "check") if r["check"] == "committee_missing"]
    assert [(r["id"], r["count"]) for r in rows] == [("Seven", 7)]
