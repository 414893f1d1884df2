"""Periods as built (issue: registers over time): a generated city history loaded quarter by quarter,
then whole commands as a planner types them at the latest and the earliest period.

    eval "$(tools/neo4j-local/neo4j-local env)"
    python bench/periods.py [--enterprises 300000] [--periods 8] [--churn 0.05] [--runs 3] [--skip-neo4j]

EMPTIES the Neo4j database it is given. Printed: the bytes of the history store against one period's
(target ≤ 1.5×), each period's load against a plain load of it into a new store (target ≤ 1.3×), and
for each command its time at the latest and the earliest period, fresh process each, best of
``--runs`` after a warm-up. Targets: embedded city ≤ 2 s every analysis, `changes` ≤ 3 s, `trend` over
8 periods ≤ 3 s; Neo4j city default tables ≤ 1.5 s latest, ≤ 3 s earlier, `changes` ≤ 5 s,
`statistics` ≤ 1.5 s.
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
from partygraph.loaders.history import generate_history  # noqa: E402
from partygraph.registers import keep_register  # noqa: E402

#: A plain load of the city into an empty Neo4j with the code before periods (6a1a376), seconds.
PLAIN_BEFORE = 26.3
READS = [["gaps", "enterprises"], ["gaps", "members"], ["gaps", "transfers"], ["gaps", "pairings"], ["coverage"],
         ["check"], ["statistics"], ["gaps", "enterprises", "--place", "D0"]]


def load_all(store, folder: Path, dates: list[str]) -> list[float]:
    """Each period kept as ``partygraph load`` keeps it (with its statistics, where the store keeps them)."""
    times = []
    for day in dates:
        data = load_dataset(folder / day)
        started = time.perf_counter()
        keep_register(store, data, day)
        times.append(time.perf_counter() - started)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--enterprises", type=int, default=300_000)
    parser.add_argument("--periods", type=int, default=8)
    parser.add_argument("--churn", type=float, default=0.05)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--skip-neo4j", action="store_true")
    parser.add_argument("--skip-embedded-reads", action="store_true")
    parser.add_argument("--reads-only", type=Path, metavar="FOLDER",
                        help="only the reads, on FOLDER/history.pgstore and the Neo4j as they are")
    options = parser.parse_args()
    neo4j = neo4j_store(options.skip_neo4j)
    if options.reads_only:
        reads_only(options.reads_only, options.runs, neo4j)
        return
    compileall.compile_dir(ROOT / "partygraph", quiet=1)
    with tempfile.TemporaryDirectory() as workdir:
        folder = Path(workdir)
        dates = generate_history(folder / "h", enterprises=options.enterprises, periods=options.periods,
                                 churn=options.churn, seed=1)
        print(f"{options.periods} quarters of {options.enterprises:,} enterprises at churn {options.churn:.0%}")
        one = EmbeddedStore(folder / "one.pgstore")
        data = load_dataset(folder / "h" / dates[-1])
        started = time.perf_counter()
        one.replace(data, as_of=dates[-1])
        plain = time.perf_counter() - started
        history = EmbeddedStore(folder / "history.pgstore")
        loads = load_all(history, folder / "h", dates)
        size, single = history.path.stat().st_size, one.path.stat().st_size
        whole_plain = whole(["load", str(folder / "h" / dates[-1]), "--store", str(folder / "plain.pgstore"),
                             "--as-of", dates[-1]], 1, folder / "out")
        whole_period = whole(["load", str(folder / "h" / dates[-1]), "--store", str(history.path),
                              "--as-of", dates[-1]], 1, folder / "out")
        print(f"embedded, whole 'partygraph load' of the last quarter: into a new store {whole_plain:.1f} s, "
              f"as the 8th period of the history {whole_period:.1f} s ({whole_period / whole_plain:.2f}x)", flush=True)
        print(f"embedded: history {size / 2**20:.1f} MiB = {size / single:.2f}x one period ({single / 2**20:.1f} MiB; "
              f"target ≤ 1.5x); a period's load {min(loads):.1f}-{max(loads):.1f} s against a plain load {plain:.1f} s "
              f"({max(loads) / plain:.2f}x at most; target ≤ 1.3x)", flush=True)
        stores = [] if options.skip_embedded_reads else [("embedded", ["--store", str(history.path)])]
        if neo4j is not None:
            neo4j._autocommit("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS")
            loads = load_all(neo4j, folder / "h", dates)
            later = loads[1:] or loads
            # The target's base is a plain load with the code before periods (no versions written):
            # measure it with a worktree of 6a1a376 (26.3 s on the city, on the machine of bench/README).
            print(f"Neo4j: the first period into an empty database {loads[0]:.1f} s, each later one "
                  f"{min(later):.1f}-{max(later):.1f} s", flush=True)
            if options.enterprises == 300_000:
                print(f"  against {PLAIN_BEFORE} s for the city's plain load before periods: the first "
                      f"{loads[0] / PLAIN_BEFORE:.2f}x, a later one {max(later) / PLAIN_BEFORE:.2f}x at most "
                      "(target ≤ 1.3x)", flush=True)
            stores.append(("Neo4j", ["--neo4j", neo4j.uri]))
        reads(stores, dates, options.runs, folder)


def reads(stores: list, dates: list[str], runs: int, folder: Path) -> None:
    """Each command at the latest period and at the earliest, on each store."""
    print(f"  {'command':<44} {'store':<9} {'latest':>8} {'earliest':>9}")
    for argv in [*READS, ["changes"], ["trend"]]:
        for name, where in stores:
            latest = whole([*argv, *where], runs, folder / "out")
            earliest = (whole([*argv, *where, "--as-of", dates[0]], runs, folder / "out")
                        if argv[0] not in ("changes", "trend") else float("nan"))
            print(f"  {' '.join(argv):<44} {name:<9} {latest:6.2f} s {earliest:7.2f} s", flush=True)


def reads_only(folder: Path, runs: int, neo4j) -> None:
    """The reads alone, on a history store and a Neo4j already loaded (a run cut short after its loads)."""
    store = EmbeddedStore(folder / "history.pgstore")
    stores = [("embedded", ["--store", str(store.path)])]
    if neo4j is not None:
        stores.append(("Neo4j", ["--neo4j", neo4j.uri]))
    for name, where in stores:
        dates = [p.as_of for p in (store if name == "embedded" else neo4j).periods()]
        print(f"{name}: {len(dates)} periods, {dates[0]} … {dates[-1]}")
        reads([(name, where)], dates, runs, folder)


if __name__ == "__main__":
    main()
