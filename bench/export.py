"""Export time and peak memory for each format on a generated city.

    python bench/export.py [--enterprises 300000]

Each export runs in a fresh process from the stored city (opening the store included), with
members pseudonymized, as the CLI runs it. Targets (issue: research export): JSON and CSV ≤ 30 s,
GraphML and GEXF ≤ 120 s, peak memory ≤ 4 GB.
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from common import measure, row

GENERATE = """
from partygraph.loaders import load_dataset
from partygraph.loaders.generate import generate_city
from partygraph.graph.embedded import EmbeddedStore
generate_city(args["folder"], enterprises=args["n"], seed=1)
EmbeddedStore(args["store"]).replace(load_dataset(args["folder"]))
"""
EXPORT = """
from partygraph.export import export
from partygraph.graph.embedded import EmbeddedStore
done = export(EmbeddedStore(args["store"]), args["fmt"], args["out"], key=b"bench")
result = [done.nodes, done.edges]
"""
TARGETS = {"json": "≤ 30 s", "csv": "≤ 30 s", "graphml": "≤ 120 s", "gexf": "≤ 120 s"}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--enterprises", type=int, default=300_000)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        store = folder / "city.pgstore"
        measure(GENERATE, folder=str(folder / "city"), n=options.enterprises, store=str(store))
        print(f"city of {options.enterprises:,} enterprises")
        for fmt in ("json", "csv", "graphml", "gexf"):
            out = folder / (f"out.{fmt}" if fmt != "csv" else "csv")
            figures = measure(EXPORT, store=str(store), fmt=fmt, out=str(out))
            size = sum(p.stat().st_size for p in out.iterdir()) if out.is_dir() else out.stat().st_size
            nodes, edges = figures["result"]
            row(f"{fmt} ({nodes:,} nodes, {edges:,} edges, {size / 2**20:.0f} MiB)", figures,
                f"target {TARGETS[fmt]}, ≤ 4 GB")


if __name__ == "__main__":
    main()
