"""Pairing-network measures, hand-checked on small graphs, and the same from both stores."""

import pytest

from partygraph.queries.pairing_network import analyze, pairing_graph, pairing_network
from tests.queries.conftest import Build


def rows_for(pairs, lone=()):
    names = sorted({x for pair in pairs for x in pair} | set(lone))
    orgs = [(n, f"党组织{n}", [b for a, b in pairs if a == n]) for n in names]
    return {r["id"]: r for r in analyze(pairing_graph(orgs))}


def test_a_bridge_between_two_triangles():
    rows = rows_for([("a", "b"), ("b", "c"), ("c", "a"), ("c", "d"), ("d", "e"), ("e", "f"), ("f", "d")])
    assert rows["c"]["bridge_partners"] == ["d"] and rows["d"]["bridge_partners"] == ["c"]
    assert {r["id"] for r in rows.values() if r["cut_point"]} == {"c", "d"}
    assert rows["a"]["bridge_partners"] == [] and rows["c"]["betweenness"] == pytest.approx(0.6)   # 9 of 15 pairs
    assert {r["component"] for r in rows.values()} == {1}


def test_two_components_and_the_unpaired():
    rows = rows_for([("a", "b"), ("b", "c"), ("x", "y")], lone=["z"])
    assert (rows["a"]["component"], rows["a"]["component_size"]) == (1, 3)
    assert (rows["x"]["component"], rows["x"]["component_size"]) == (2, 2)
    assert (rows["z"]["component"], rows["z"]["degree"]) == (None, 0)
    assert rows["b"]["cut_point"] and not rows["x"]["cut_point"]
    assert rows["x"]["bridge_partners"] == ["y"]                    # a single pair is a bridge


def test_a_star_puts_its_centre_first():
    rows = analyze(pairing_graph([("hub", "中心", ["p1", "p2", "p3", "p4"])] +
                                 [(f"p{i}", f"伙伴{i}", []) for i in range(1, 5)]))
    assert rows[0]["id"] == "hub" and rows[0]["degree"] == 4 and rows[0]["betweenness"] == pytest.approx(1.0)
    assert rows[0]["cut_point"] and sorted(rows[0]["bridge_partners"]) == ["p1", "p2", "p3", "p4"]
    assert all(r["betweenness"] == 0 for r in rows[1:])


def test_both_directions_and_self_pairings_count_once_or_not_at_all():
    rows = rows_for([("a", "b"), ("b", "a"), ("c", "c")])
    assert rows["a"]["degree"] == 1 and rows["c"]["degree"] == 0


def test_both_stores_give_the_same_network(on_store):
    b = Build()
    for org in "abcdefg":
        b.org(org)
    b.pair("a", "b").pair("b", "c").pair("c", "a").pair("c", "d").pair("e", "f").pair("g", "g")
    rows = pairing_network(on_store(b.data))
    assert [(r["id"], r["component"], r["degree"], r["cut_point"], r["bridge_partners"]) for r in rows] == [
        ("c", 1, 3, True, ["d"]), ("a", 1, 2, False, []), ("b", 1, 2, False, []), ("d", 1, 1, False, ["c"]),
        ("e", 2, 1, False, ["f"]), ("f", 2, 1, False, ["e"]), ("g", None, 0, False, []),
    ]


def test_betweenness_per_component_equals_the_whole_graphs():
    import random

    import networkx as nx

    rng = random.Random(4)
    for _round in range(5):
        graph = nx.gnm_random_graph(120, 110, seed=rng.randrange(10**6))
        orgs = [(str(n), f"党组织{n}", [str(m) for m in graph[n] if m > n]) for n in graph]
        rows = {r["id"]: r for r in analyze(pairing_graph(orgs))}
        whole = nx.betweenness_centrality(pairing_graph(orgs))
        assert all(rows[n]["betweenness"] == pytest.approx(whole[n], abs=1e-12) for n in whole)
        assert all(r["betweenness_exact"] for r in rows.values())


def test_a_component_above_the_limit_is_sampled_the_same_way_each_time_and_says_so(monkeypatch):
    import partygraph.queries.pairing_network as module

    monkeypatch.setattr(module, "EXACT_UP_TO", 5)
    monkeypatch.setattr(module, "SAMPLE", 3)
    pairs = [(f"a{i}", f"a{i + 1}") for i in range(9)] + [("x", "y")]
    first, second = rows_for(pairs), rows_for(pairs)
    assert first == second
    assert not first["a4"]["betweenness_exact"] and first["x"]["betweenness_exact"]
