"""Whole commands as a planner types them, on a city in Neo4j and in the embedded store.

    eval "$(tools/neo4j-local/neo4j-local env)"
    python bench/commands.py [--enterprises 300000] [--runs 3] [--skip-neo4j]

Each command runs in a fresh process (``python -m partygraph ...``, output to a file), best of
``--runs`` after one warm-up run. EMPTIES the Neo4j database it is given.

Targets (issue: speed and structure): on Neo4j for the city, every analysis's default table
≤ 1.5 s, ``gaps enterprises --place`` a district ≤ 1.0 s, every row of ``gaps enterprises`` as
JSON ≤ 5 s; embedded, every analysis ≤ 2.0 s with the default table.
"""

from __future__ import annotations

import argparse
import compileall
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import ROOT, neo4j_store

sys.path.insert(0, str(ROOT))

from partygraph.graph.embedded import EmbeddedStore  # noqa: E402
from partygraph.loaders import load_dataset  # noqa: E402
from partygraph.loaders.generate import generate_city  # noqa: E402

COMMANDS = [
    (["gaps", "enterprises"], "1.5"), (["gaps", "members", "--as-of", "2026-06-30"], "1.5"),
    (["gaps", "transfers", "--as-of", "2026-06-30"], "1.5"), (["gaps", "pairings"], "1.5"),
    (["coverage"], "1.5"), (["check"], "1.5"), (["statistics", "--as-of", "2026-06-30"], "1.5"),
    (["gaps", "enterprises", "--place", "D0"], "1.0"),
    (["gaps", "enterprises", "--format", "json"], "5.0"),
]


def whole(argv: list[str], runs: int, out: Path) -> float:
    times = []
    for _ in range(runs + 1):
        start = time.perf_counter()
        with open(out, "wb") as handle:
            subprocess.run([sys.executable, "-m", "partygraph", *argv], stdout=handle, check=True, cwd=ROOT,
                           env={**os.environ, "PARTYGRAPH_LANG": "en"})
        times.append(time.perf_counter() - start)
    return min(times[1:])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--enterprises", type=int, default=300_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--skip-neo4j", action="store_true")
    options = parser.parse_args()
    neo4j = neo4j_store(options.skip_neo4j)
    compileall.compile_dir(ROOT / "partygraph", quiet=1)      # as pip installs it (see embedded_peers.py)
    with tempfile.TemporaryDirectory() as workdir:
        folder = Path(workdir)
        generate_city(folder / "city", enterprises=options.enterprises, seed=1)
        data = load_dataset(folder / "city")
        EmbeddedStore(folder / "city.pgstore").replace(data)
        if neo4j is not None:
            neo4j.replace(data)
        print(f"city: {options.enterprises:,} enterprises; best of {options.runs} after a warm-up, fresh process each")
        print(f"  {'command':<52} {'embedded':>9} {'Neo4j':>9}  target (Neo4j)")
        for argv, target in COMMANDS:
            embedded = whole([*argv, "--store", str(folder / "city.pgstore")], options.runs, folder / "out")
            on_neo4j = whole([*argv, "--neo4j", neo4j.uri], options.runs, folder / "out") if neo4j else float("nan")
            print(f"  {' '.join(argv):<52} {embedded:7.2f} s {on_neo4j:7.2f} s  ≤ {target} s", flush=True)


if __name__ == "__main__":
    main()
