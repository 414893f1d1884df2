"""`export --history`: every period at once. The dynamic GEXF's spells, read back with networkx, are
each node's and edge's periods; GraphML, JSON and CSV carry them as [from, to) lists; members stay
pseudonymized; both stores write the same bytes."""

from __future__ import annotations

import csv
import datetime as dt
import json

import networkx as nx
import pytest

from partygraph.export import export
from partygraph.graph.embedded import EmbeddedStore
from partygraph.graph.model import node_key
from partygraph.loaders import load_dataset
from partygraph.loaders.history import generate_history

KEY = b"0123456789abcdef0123456789abcdef"


@pytest.fixture(scope="module")
def history(tmp_path_factory):
    folder = tmp_path_factory.mktemp("history")
    dates = generate_history(folder, enterprises=150, periods=3, churn=0.3, seed=11)
    return dates, [load_dataset(folder / day) for day in dates]


def expected_runs(dates, present: list[bool]) -> list[list]:
    runs = []
    for i, here in enumerate(present):
        if not here:
            continue
        stop = dates[i + 1] if i + 1 < len(dates) else None
        if runs and runs[-1][1] == dates[i]:
            runs[-1][1] = stop
        else:
            runs.append([dates[i], stop])
    return runs


def test_every_node_and_edge_carries_the_periods_it_is_in(history, tmp_path, neo4j_store):
    dates, datas = history
    # A unit present in the first and last quarter only: two runs.
    gap = next(iter(datas[0].nodes["Enterprise"]))
    datas[1].nodes["Enterprise"].pop(gap, None)
    for kind, source, target in list(datas[1].rels):
        if node_key("Enterprise", gap) in (source, target):
            del datas[1].rels[(kind, source, target)]
    embedded = EmbeddedStore(tmp_path / "s.pgstore")
    for store in (embedded, neo4j_store):
        for day, data in zip(dates, datas):
            store.load(data, day)
    written = {}
    for name, store in (("embedded", embedded), ("neo4j", neo4j_store)):
        (tmp_path / name).mkdir()
        for fmt, out in (("gexf", "h.gexf"), ("graphml", "h.graphml"), ("json", "h.json"), ("csv", "h")):
            export(store, fmt, tmp_path / name / out, key=KEY, history=True)
            target = tmp_path / name / out
            written[(name, fmt)] = (target / "nodes.csv").read_bytes() if fmt == "csv" else target.read_bytes()
    for fmt in ("gexf", "graphml", "json", "csv"):
        assert written[("embedded", fmt)] == written[("neo4j", fmt)], fmt

    # Expected, from the registers themselves (members are pseudonymized: compared by what is not).
    plain_nodes = {node_key(label, node_id) for data in datas for label, by_id in data.nodes.items()
                   for node_id in by_id if label != "Member"}
    want = {key: expected_runs(dates, [key in set(data.keys()) for data in datas]) for key in plain_nodes}
    assert want[node_key("Enterprise", gap)] == [[dates[0], dates[1]], [dates[2], None]]

    gexf = nx.read_gexf(tmp_path / "embedded" / "h.gexf")
    assert gexf.graph["mode"] == "dynamic"
    for key, runs in want.items():
        spells = gexf.nodes[key]["spells"]
        assert spells == [(start, (dt.date.fromisoformat(stop) - dt.timedelta(days=1)).isoformat() if stop else "None")
                          for start, stop in runs], key
    linked = nx.node_link_graph(json.loads((tmp_path / "embedded" / "h.json").read_text(encoding="utf-8")), edges="edges")
    graphml = nx.read_graphml(tmp_path / "embedded" / "h.graphml")
    with open(tmp_path / "embedded" / "h" / "nodes.csv", encoding="utf-8-sig", newline="") as handle:
        rows = {row["id"]: row for row in csv.DictReader(handle)}
    for key, runs in want.items():
        assert linked.nodes[key]["periods"] == runs
        assert json.loads(graphml.nodes[key]["periods"]) == runs
        assert json.loads(rows[key]["periods"]) == runs
    # Every edge's periods too, for those between records that are not members.
    for (kind, source, target) in {rel for data in datas for rel in data.rels}:
        if source.startswith("Member:") or target.startswith("Member:"):
            continue
        runs = expected_runs(dates, [(kind, source, target) in data.rels for data in datas])
        assert linked.edges[source, target, kind]["periods"] == runs
    # Members are pseudonyms in every period.
    text = written[("embedded", "json")].decode("utf-8")
    assert not any(member in text for data in datas for member in data.nodes["Member"])
    assert sum(1 for key in linked.nodes if key.startswith("Member:")) >= len(datas[-1].nodes["Member"])
