"""The bulk path for a nation's register: generate → export --format neo4j-admin → neo4j-admin
database import (the launcher's jars, into a fresh home), in rows per second, beside
`partygraph load` into the running Neo4j on the same data.

    eval "$(tools/neo4j-local/neo4j-local env)"; python bench/neo4j_admin.py [--enterprises 1000000] [--skip-load]
"""

from __future__ import annotations

import argparse
import os
import shlex
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import ROOT, neo4j_store

sys.path.insert(0, str(ROOT))

from partygraph.export.neo4j_admin import write_admin  # noqa: E402
from partygraph.loaders import load_dataset  # noqa: E402
from partygraph.loaders.generate import generate_city  # noqa: E402

LAUNCHER = ROOT / "tools" / "neo4j-local" / "target" / "lib"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--enterprises", type=int, default=1_000_000)
    parser.add_argument("--skip-load", action="store_true", help="do not time `load` into the running Neo4j")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        started = time.perf_counter()
        generate_city(folder / "data", enterprises=options.enterprises, seed=1)
        data = load_dataset(folder / "data")
        rows = sum(data.counts().values())
        print(f"{options.enterprises:,} enterprises: {rows:,} rows (nodes + relationships); "
              f"generated and validated in {time.perf_counter() - started:.1f} s", flush=True)
        started = time.perf_counter()
        files = write_admin(data, folder / "bulk")
        written = time.perf_counter() - started
        print(f"export --format neo4j-admin   {written:8.1f} s  {rows / written:10,.0f} rows/s", flush=True)
        home = folder / "home"
        home.mkdir()
        started = time.perf_counter()
        done = subprocess.run(["java", "-cp", f"{LAUNCHER}/*", "org.neo4j.cli.AdminTool",
                               *shlex.split(files.command)[1:]], capture_output=True, text=True,
                              env={**os.environ, "NEO4J_HOME": str(home)})
        imported = time.perf_counter() - started
        if done.returncode != 0:
            sys.exit(done.stdout[-2000:] + done.stderr[-2000:])
        print(f"neo4j-admin database import    {imported:8.1f} s  {rows / imported:10,.0f} rows/s", flush=True)
        print(f"export + import                {written + imported:8.1f} s  {rows / (written + imported):10,.0f} rows/s")
        if not options.skip_load:
            store = neo4j_store(False)
            started = time.perf_counter()
            store.replace(data)
            loaded = time.perf_counter() - started
            store.close()
            print(f"partygraph load (online)       {loaded:8.1f} s  {rows / loaded:10,.0f} rows/s")
            print(f"bulk path / load: {loaded / (written + imported):.2f}x")


if __name__ == "__main__":
    main()
