from partygraph.queries import run_analysis
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
