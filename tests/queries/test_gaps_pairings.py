from partygraph.queries import run_analysis
from tests.queries.conftest import Build


def graph():
    b = (Build().area("Street").area("Community", "Street", kind="community").area("Other")
         .building("B1", "Community").building("B2", "Other"))
    b.enterprise("E1", "B1").enterprise("E2", "B1", kind="social_org").enterprise("E3", "B1", kind="state_owned")
    b.enterprise("E4", "B2").enterprise("E5", "B1")
    b.org("W", "working_committee", based_in="Street")
    b.org("Gov-b", "branch", based_in="Street").org("Gov-a", "branch", based_in="Street")
    b.org("Gov-paired", "branch", based_in="Community").org("Gov-committee", "committee", based_in="Community")
    b.org("P1", covers=["E1"]).org("P2", covers=["E2"]).org("P3", covers=["E3"]).org("P4", covers=["E4"])
    b.org("P5", covers=["E5"]).pair("Gov-paired", "P5")
    return b.data


def test_unpaired_two_new_organizations_get_the_nearest_unpaired_candidates(on_store):
    rows = run_analysis(on_store(graph()), "gaps pairings")
    # P3 (a state-owned enterprise's branch) is an unpaired non-two-new branch in the community itself,
    # so it is nearer than the street's Gov-a and Gov-b; Gov-paired is paired, Gov-committee a committee.
    assert [(r["id"], r["area_id"], r["candidates"]) for r in rows] == [
        ("P1", "Community", ["P3"]),
        ("P2", "Community", ["P3"]),
        ("P4", "Other", []),
    ]


def test_without_a_candidate_in_the_area_the_enclosing_area_is_searched(on_store):
    data = graph()
    del data.nodes["Organization"]["P3"]
    data.rels = {k: v for k, v in data.rels.items() if "Organization:P3" not in k}
    rows = run_analysis(on_store(data), "gaps pairings")
    assert [(r["id"], r["candidates"]) for r in rows] == [("P1", ["Gov-a", "Gov-b"]), ("P2", ["Gov-a", "Gov-b"]),
                                                          ("P4", [])]
