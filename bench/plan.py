"""The plan to close the gaps (issue: closing the gaps) on a city, as a planner types it.

    eval "$(tools/neo4j-local/neo4j-local env)"
    python bench/plan.py [--enterprises 300000] [--runs 2] [--skip-neo4j] [--keep FOLDER]

Each command runs in a fresh process (``python -m partygraph plan ...``, output to a file), best of
``--runs`` after one warm-up run; it prints the plan's figures (units covered, new organizations,
groups spanning buildings) too. EMPTIES the Neo4j database it is given.

Targets: the city's plan ≤ 10 s embedded, ≤ 20 s on Neo4j; a district's (``--place D0``) ≤ 2 s.
"""

from __future__ import annotations

import argparse
import compileall
import sys
import tempfile
import time
from pathlib import Path

from common import ROOT, neo4j_store
from commands import whole

sys.path.insert(0, str(ROOT))

from partygraph.graph.embedded import EmbeddedStore  # noqa: E402
from partygraph.loaders import load_dataset  # noqa: E402
from partygraph.loaders.generate import generate_city  # noqa: E402
from partygraph.graph.periods import today  # noqa: E402
from partygraph.queries.plan import make_plan  # noqa: E402
from partygraph.queries.statistics import KEPT  # noqa: E402
from partygraph.registers import keep_register  # noqa: E402

COMMANDS = [(["plan"], "10 / 20"), (["plan", "--place", "D0"], "2 / 2"), (["plan", "--format", "json"], "10 / 20")]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--enterprises", type=int, default=300_000)
    parser.add_argument("--runs", type=int, default=2)
    parser.add_argument("--skip-neo4j", action="store_true")
    parser.add_argument("--keep", type=Path, metavar="FOLDER", help="generate and load into FOLDER once, reuse it after")
    options = parser.parse_args()
    neo4j = neo4j_store(options.skip_neo4j)
    compileall.compile_dir(ROOT / "partygraph", quiet=1)
    with tempfile.TemporaryDirectory() as workdir:
        folder = options.keep or Path(workdir)
        store_path = folder / "city.pgstore"
        # Loaded as ``partygraph load`` loads: the register of today, with its statistics kept.
        if not (folder / "city").exists():
            generate_city(folder / "city", enterprises=options.enterprises, seed=1)
        data = load_dataset(folder / "city")
        if not store_path.exists() or EmbeddedStore(store_path).kept(KEPT) is None:
            store_path.unlink(missing_ok=True)
            keep_register(EmbeddedStore(store_path), data, today())
        if neo4j is not None:
            keep_register(neo4j, data, today())
        started = time.perf_counter()
        plan = make_plan(EmbeddedStore(store_path))
        inside = time.perf_counter() - started
        summary = plan.summary()
        print(f"city: {options.enterprises:,} enterprises, {summary['gap_units']:,} without an organization: "
              f"{summary['units_covered']:,} covered, {summary['new_organizations']:,} new organizations "
              f"({summary['new_joint_branch']:,} joint), {summary['units_joining']:,} joining; groups spanning "
              f"buildings {plan.solution['beyond_building']:,}, communities {plan.solution['beyond_community']:,}; "
              f"make_plan in this process {inside:.2f} s")
        print(f"best of {options.runs} after a warm-up, fresh process each")
        print(f"  {'command':<40} {'embedded':>9} {'Neo4j':>9}  target (embedded / Neo4j)")
        for argv, target in COMMANDS:
            embedded = whole([*argv, "--store", str(store_path)], options.runs, folder / "out")
            on_neo4j = whole([*argv, "--neo4j", neo4j.uri], options.runs, folder / "out") if neo4j else float("nan")
            print(f"  {' '.join(argv):<40} {embedded:7.2f} s {on_neo4j:7.2f} s  ≤ {target} s", flush=True)


if __name__ == "__main__":
    main()
