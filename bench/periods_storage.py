"""Design measurement for periods (issue: registers over time): how a store could keep every loaded
quarter as what changed, not copies, and what every analysis pays to read a period through it.

    python bench/periods_storage.py [--enterprises 300000] [--periods 8] [--churn 0.05] [--workdir DIR]

The layout measured: each table of the embedded store keeps every distinct version of a row once,
with ``periods``, a bit set of the periods it is in (bit i: the i-th period by date). Adding or
dropping a period only sets or clears bits (rows left in no period are deleted), so periods load in
any order and give the same store. An analysis reads period i through CTEs named like the tables,
each selecting the rows whose bit i is set, around its unchanged SQL.

Printed: the bytes of one period's store and of the history store (target ≤ 1.5×), as built and
written compactly into a fresh file, the time to build the history, and for each period the gaps-enterprises query on its own store and through
the history (the rows must be equal).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import duckdb  # noqa: E402

from partygraph.graph.embedded import EmbeddedStore, _named, q  # noqa: E402
from partygraph.graph.model import LABELS, RELATIONSHIPS  # noqa: E402
from partygraph.graph.pages import query_parameters  # noqa: E402
from partygraph.loaders import load_dataset  # noqa: E402
from partygraph.loaders.history import generate_history  # noqa: E402
from partygraph.queries import ANALYSES  # noqa: E402

TABLES = [*LABELS, *RELATIONSHIPS]


def build_history(stores: list[Path], target: Path) -> float:
    """The history store from one store per period (period i = stores[i]); seconds taken."""
    started = time.perf_counter()
    db = duckdb.connect(str(target))
    for i, path in enumerate(stores):
        db.execute(f"ATTACH '{path}' AS p{i} (READ_ONLY)")
    for table in TABLES:
        union = " UNION ALL ".join(f"SELECT *, {i} AS period FROM p{i}.{q(table)}" for i in range(len(stores)))
        db.execute(f"CREATE TABLE {q(table + '@h')} AS SELECT * EXCLUDE (period), bit_or(1::UBIGINT << period) "
                   f"AS periods FROM ({union}) GROUP BY ALL")
    db.execute("CREATE TABLE partygraph AS SELECT * FROM p0.partygraph")
    for i in range(len(stores)):
        db.execute(f"DETACH p{i}")
    db.execute("CHECKPOINT")
    db.close()
    return time.perf_counter() - started


def compacted(history: Path, target: Path) -> float:
    """The history written again into a fresh file (no blocks freed while it was built); seconds."""
    started = time.perf_counter()
    db = duckdb.connect()
    db.execute(f"ATTACH '{history}' AS h (READ_ONLY)")
    db.execute(f"ATTACH '{target}' AS c")
    db.execute("COPY FROM DATABASE h TO c")
    db.close()
    return time.perf_counter() - started


def through_period(sql: str, period: int) -> str:
    """The analysis's SQL, unchanged, reading period ``period`` of the history store."""
    views = ", ".join(f"{q(t)} AS (SELECT * EXCLUDE (periods) FROM {q(t + '@h')} "
                      f"WHERE periods & {1 << period}::UBIGINT <> 0)" for t in TABLES)
    return f"WITH {views}\nSELECT * FROM (\n{sql}\n)"


def best(connection, sql: str, parameters: dict, runs: int = 3) -> tuple[float, list]:
    times, rows = [], None
    for _ in range(runs):
        started = time.perf_counter()
        rows = connection.execute(sql, _named(sql, parameters)).fetchall()
        times.append(time.perf_counter() - started)
    return min(times), rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--enterprises", type=int, default=300_000)
    parser.add_argument("--periods", type=int, default=8)
    parser.add_argument("--churn", type=float, default=0.05)
    parser.add_argument("--workdir", type=Path)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as temporary:
        work = options.workdir or Path(temporary)
        work.mkdir(parents=True, exist_ok=True)
        started = time.perf_counter()
        dates = generate_history(work / "history", enterprises=options.enterprises, periods=options.periods,
                                 churn=options.churn, seed=1)
        print(f"{options.periods} quarterly registers of {options.enterprises:,} enterprises at churn "
              f"{options.churn:.0%}: generated in {time.perf_counter() - started:.1f} s")
        stores, loads = [], []
        for day in dates:
            path = work / f"{day}.pgstore"
            started = time.perf_counter()
            EmbeddedStore(path).replace(load_dataset(work / "history" / day))
            loads.append(time.perf_counter() - started)
            stores.append(path)
        history = work / "history.pgstore"
        built = build_history(stores, history)
        one = stores[-1].stat().st_size
        print(f"one period's store {one / 2**20:8.1f} MiB (plain load {min(loads):.1f}-{max(loads):.1f} s)")
        print(f"history store      {history.stat().st_size / 2**20:8.1f} MiB = {history.stat().st_size / one:.2f}x "
              f"one period, as built from the periods' stores in {built:.1f} s")
        compact = work / "history-compact.pgstore"
        copied = compacted(history, compact)
        print(f"written compactly  {compact.stat().st_size / 2**20:8.1f} MiB = {compact.stat().st_size / one:.2f}x "
              f"one period (target ≤ 1.5x), in {copied:.1f} s")
        connection = duckdb.connect(str(history), read_only=True)
        rows_per = {t: connection.execute(f"SELECT count(*) FROM {q(t + '@h')}").fetchone()[0] for t in TABLES}
        print("row versions kept:", ", ".join(f"{t} {n:,}" for t, n in rows_per.items() if n))
        analysis = ANALYSES["gaps enterprises"]
        parameters = query_parameters(analysis, analysis.options())
        columns = ", ".join(f'"{c}"' for c in analysis.columns)
        sql = f"SELECT {columns} FROM (\n{analysis.sql()}\n) ORDER BY {analysis.order_by}"
        for i, (day, path) in enumerate(zip(dates, stores)):
            alone_connection = duckdb.connect(str(path), read_only=True)
            alone, expected = best(alone_connection, sql, parameters)
            alone_connection.close()
            through, got = best(connection, through_period(sql, i), parameters)
            assert got == expected, day
            print(f"period {day}: gaps enterprises {len(got):,} rows, alone {alone:.3f} s, "
                  f"through the history {through:.3f} s ({through / alone:.2f}x)")


if __name__ == "__main__":
    main()
