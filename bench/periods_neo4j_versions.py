"""Design measurement for periods on Neo4j, the version graph itself: every quarter of a generated
history in one graph, a node per version of a record (its properties and its outgoing
relationships), labelled with each period it is in force; a relationship from a version to the
version of its target in force in the same period. Reading period i: every node pattern carries the
label of period i (the same queries as today otherwise).

    eval "$(tools/neo4j-local/neo4j-local env)"
    python bench/periods_neo4j_versions.py [--enterprises 30000] [--periods 8] [--churn 0.05]

EMPTIES the Neo4j database it is given. Printed: nodes and relationships of one period and of the
version graph, the time to write it, and for the earliest and the latest period the analyses'
every-row answers read through the version graph against the same period loaded alone (the rows
must be equal).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from periods_neo4j_labels import labelled  # noqa: E402

from partygraph.graph.model import LABELS, RELATIONSHIPS  # noqa: E402
from partygraph.graph.neo4j_store import MARKER, Neo4jStore, _date_sets  # noqa: E402
from partygraph.graph.pages import collected, query_parameters  # noqa: E402
from partygraph.loaders import load_dataset  # noqa: E402
from partygraph.loaders.history import generate_history  # noqa: E402
from partygraph.queries import ANALYSES  # noqa: E402

RUNS = [("gaps enterprises", {}), ("coverage", {"base": "all"}), ("gaps members", {"as_of": "2026-06-30"})]


def versions(periods: list) -> tuple[dict, dict]:
    """(node versions: vid -> [label, props, period set], version relationships: (type, from vid,
    to vid) -> [props, period set])."""
    state_vid: dict[tuple, str] = {}
    nodes: dict[str, list] = {}
    in_force: list[dict[str, str]] = []
    for p, data in enumerate(periods):
        out = defaultdict(list)
        for (rel_type, source, target), props in data.rels.items():
            out[source].append((rel_type, target, tuple(sorted(props.items()))))
        current = {}
        for label, by_id in data.nodes.items():
            for node_id, props in by_id.items():
                key = f"{label}:{node_id}"
                state = (key, tuple(sorted(props.items())), tuple(sorted(out.get(key, ()))))
                vid = state_vid.setdefault(state, f"{key}#{len(state_vid)}")
                nodes.setdefault(vid, [label, props, set()])[2].add(p)
                current[key] = vid
        in_force.append(current)
    rels: dict[tuple, list] = {}
    for p, data in enumerate(periods):
        for (rel_type, source, target), props in data.rels.items():
            key = (rel_type, in_force[p][source], in_force[p][target])
            rels.setdefault(key, [props, set()])[1].add(p)
    return nodes, rels


def write(store: Neo4jStore, nodes: dict, rels: dict) -> float:
    started = time.perf_counter()
    empty(store)
    for (name,) in store.run_value("SHOW CONSTRAINTS YIELD name RETURN collect([name])"):
        store._autocommit(f"DROP CONSTRAINT `{name}`")         # ids repeat across versions
    store._autocommit("CREATE CONSTRAINT version_id IF NOT EXISTS FOR (n:Version) REQUIRE n.vid IS UNIQUE")
    groups = defaultdict(list)
    for vid, (label, props, periods) in nodes.items():
        groups[(label, tuple(sorted(periods)))].append({"vid": vid, "props": props})
    for (label, periods), rows in groups.items():
        tokens = ":".join([label, MARKER, "Version", *(f"P{p}" for p in periods)])   # model labels, period numbers
        dates = _date_sets("n", "row.props", LABELS[label].properties)      # as the store writes them
        for start in range(0, len(rows), 20000):
            store._write(f"UNWIND $rows AS row CREATE (n:{tokens}) SET n = row.props, n.vid = row.vid{dates}",
                         rows=rows[start:start + 20000])
    by_type = defaultdict(list)
    for (rel_type, source, target), (props, _periods) in rels.items():
        by_type[rel_type].append({"s": source, "t": target, "props": props})
    for rel_type, rows in by_type.items():
        for start in range(0, len(rows), 20000):
            dates = _date_sets("r", "row.props", RELATIONSHIPS[rel_type].properties)
            store._write(f"UNWIND $rows AS row MATCH (a:Version {{vid: row.s}}), (b:Version {{vid: row.t}}) "
                         f"CREATE (a)-[r:{rel_type}]->(b) SET r = row.props{dates}", rows=rows[start:start + 20000])
    store._autocommit("MERGE (m:PartygraphMeta {id: 'store'}) SET m.state = 'complete'")
    return time.perf_counter() - started


def empty(store: Neo4jStore) -> None:
    store._autocommit("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS")


def answers(store: Neo4jStore, period: int | None) -> dict[str, tuple[float, list]]:
    """Each analysis's every-row answer (best of three after a warm-up), read at ``period`` through
    the period's label, or plainly (``None``)."""
    found = {}
    for name, options in RUNS:
        analysis = ANALYSES[name]
        fetched = [c for c in analysis.columns if c not in analysis.derived]
        cypher = analysis.cypher() if period is None else labelled(analysis.cypher(), f"P{period}")
        query = collected(cypher, fetched)
        parameters = query_parameters(analysis, analysis.options(**options))
        store.run_value(query, **parameters)
        times = []
        for _ in range(3):
            started = time.perf_counter()
            rows = store.run_value(query, **parameters)
            times.append(time.perf_counter() - started)
        found[name] = (min(times), sorted(map(tuple, (map(repr, row) for row in rows))))
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--enterprises", type=int, default=30_000)
    parser.add_argument("--periods", type=int, default=8)
    parser.add_argument("--churn", type=float, default=0.05)
    options = parser.parse_args()
    store = Neo4jStore.from_environment(os.environ["PARTYGRAPH_TEST_NEO4J_URI"])
    with tempfile.TemporaryDirectory() as work:
        dates = generate_history(Path(work), enterprises=options.enterprises, periods=options.periods,
                                 churn=options.churn, seed=1)
        periods = [load_dataset(Path(work) / day) for day in dates]
    nodes, rels = versions(periods)
    one = periods[-1]
    print(f"{options.periods} quarters of {options.enterprises:,} enterprises at churn {options.churn:.0%}")
    print(f"one period: {sum(len(v) for v in one.nodes.values()):,} nodes, {len(one.rels):,} relationships")
    print(f"version graph: {len(nodes):,} nodes, {len(rels):,} relationships "
          f"({len(nodes) / sum(len(v) for v in one.nodes.values()):.2f}x, {len(rels) / len(one.rels):.2f}x)")
    print(f"written in {write(store, nodes, rels):.1f} s")
    through = {p: answers(store, p) for p in (0, len(periods) - 1)}
    for p in (0, len(periods) - 1):
        empty(store)
        store._autocommit("DROP CONSTRAINT version_id IF EXISTS")
        store.replace(periods[p])
        alone = answers(store, None)
        for name, _options in RUNS:
            assert through[p][name][1] == alone[name][1], (dates[p], name)
            print(f"{dates[p]} {name:<17} alone {alone[name][0]:6.2f} s  through the versions "
                  f"{through[p][name][0]:6.2f} s ({through[p][name][0] / alone[name][0]:.2f}x)")


if __name__ == "__main__":
    main()
