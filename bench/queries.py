"""Each analysis's time on both stores, for a district and a city.

    eval "$(tools/neo4j-local/neo4j-local env)"
    python bench/queries.py [--district 30000] [--city 300000] [--skip-neo4j]

Members are judged as of 2026-06-30, the generator's fixed day. Embedded times include opening the store (a fresh process per analysis, as the CLI runs it).
Neo4j times are the query and fetching every row, in a fresh process as the CLI runs it, after
one warm-up run (query plans and pages cached), best of three. EMPTIES the Neo4j database it is given.

Targets (issue: the analyses): each analysis ≤ 1 s on Neo4j for the city; ≤ 2 s on the embedded
store for a district, including opening the store.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from common import measure, neo4j_store

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from partygraph.graph.embedded import EmbeddedStore  # noqa: E402
from partygraph.graph.neo4j_store import Neo4jStore  # noqa: E402
from partygraph.loaders import load_dataset  # noqa: E402
from partygraph.loaders.generate import generate_city  # noqa: E402

RUNS = [("gaps enterprises", {}), ("gaps members", {"as_of": "2026-06-30"}), ("coverage", {"base": "all"}),
        ("coverage", {"base": "with_members"}), ("check", {}), ("gaps pairings", {}),
        # what a district's or a street's planner asks (--place): the generator names them D0 and D0S0
        ("gaps enterprises", {"place": "D0"}), ("gaps enterprises", {"place": "D0S0"}),
        ("gaps members", {"as_of": "2026-06-30", "place": "D0S0"}),
        # the annual report's statistics (targets: city ≤ 1.5 s on Neo4j, ≤ 3 s embedded)
        ("statistics", {"as_of": "2026-06-30"}), ("statistics", {"as_of": "2026-06-30", "area": "D0S0"})]
EMBEDDED = """
from partygraph.graph.embedded import EmbeddedStore
from partygraph.queries import run_analysis
result = len(run_analysis(EmbeddedStore(args["store"]), args["name"], **args["options"]))
"""


NEO4J = """
from partygraph.graph.neo4j_store import Neo4jStore
from partygraph.queries import run_analysis
store = Neo4jStore.from_environment(args["uri"])
rows = run_analysis(store, args["name"], **args["options"])
best = float("inf")
for _ in range(3):
    start = time.perf_counter()
    rows = run_analysis(store, args["name"], **args["options"])
    best = min(best, time.perf_counter() - start)
result = [best, len(rows)]
"""


def neo4j_time(uri: str, name: str, options: dict) -> tuple[float, int]:
    best, count = measure(NEO4J, uri=uri, name=name, options=options)["result"]
    return best, count


def bench(name: str, enterprises: int, workdir: Path, neo4j: Neo4jStore | None, only: list[str]) -> None:
    generate_city(workdir / name, enterprises=enterprises, seed=1)
    data = load_dataset(workdir / name)
    store = EmbeddedStore(workdir / f"{name}.pgstore")
    store.replace(data)
    if neo4j is not None:
        neo4j.replace(data)
    print(f"\n{name}: {enterprises:,} enterprises, {len(data.nodes['Member']):,} members")
    print(f"  {'analysis':<34} {'embedded (with open)':>21} {'Neo4j':>10} {'rows':>9}")
    for analysis, options in RUNS:
        if only and analysis not in only:
            continue
        label = analysis + "".join(f" {k}={v}" for k, v in options.items() if k != "as_of")
        embedded = measure(EMBEDDED, store=str(store.path), name=analysis, options=options)
        seconds, count = neo4j_time(neo4j.uri, analysis, options) if neo4j else (float("nan"), embedded["result"])
        print(f"  {label:<34} {embedded['seconds']:19.2f} s {seconds:8.2f} s {count:9,}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--district", type=int, default=30_000)
    parser.add_argument("--city", type=int, default=300_000)
    parser.add_argument("--skip-neo4j", action="store_true")
    parser.add_argument("--only", action="append", default=[], metavar="ANALYSIS", help="run only these analyses")
    options = parser.parse_args()
    neo4j = neo4j_store(options.skip_neo4j)
    with tempfile.TemporaryDirectory() as workdir:
        for name, size in (("district", options.district), ("city", options.city)):
            if size:
                bench(name, size, Path(workdir), neo4j, options.only)
    print("\ntargets: each analysis ≤ 1 s on Neo4j for the city; ≤ 2 s embedded for a district, opening included")


if __name__ == "__main__":
    main()
