"""Embedded store at city scale: load time, store size, peak memory, time to open for a query.

    python bench/embedded_load.py [--enterprises 300000] [--district 30000] [--workdir DIR]

Targets: city load ≤ 15 s and ≤ 2 GiB. "Opening" is a fresh process connecting to the store's
database and counting every table (what every command does before its query).
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from common import gib, measure, row

LOAD = """
from partygraph.loaders import load_dataset
from partygraph.graph.embedded import EmbeddedStore
data = load_dataset(args["dataset"])
EmbeddedStore(args["store"]).replace(data)
result = data.counts()
"""
OPEN = """
from partygraph.graph.embedded import EmbeddedStore
from partygraph.graph.model import LABELS
counts = EmbeddedStore(args["store"]).counts()
result = [sum(counts[label] for label in LABELS), sum(v for k, v in counts.items() if k not in LABELS)]
"""
READ = """
from partygraph.loaders import load_dataset
result = load_dataset(args["dataset"]).counts()
"""
GENERATE = """
from partygraph.loaders.generate import generate_city
result = generate_city(args["out"], enterprises=args["n"], seed=1)
"""


def bench(name: str, enterprises: int, workdir: Path) -> dict:
    dataset, store = workdir / f"{name}-dataset", workdir / f"{name}.pgstore"
    generated = measure(GENERATE, out=str(dataset), n=enterprises)
    counts = generated["result"]
    print(f"\n{name}: {enterprises:,} enterprises, {counts['Member']:,} members, {counts['Organization']:,} organizations, "
          f"{sum(v for k, v in counts.items() if not k[0].isupper() or k.isupper()):,} relationships")
    row("generate the dataset (CSV)", generated)
    loaded = measure(LOAD, dataset=str(dataset), store=str(store))
    row("load: validate + build + write the store", loaded)
    split = measure(READ, dataset=str(dataset))
    row("  of which reading and validating the registers", split)
    print(f"{'store size':<44} {store.stat().st_size / 2**20:8.1f} MiB")
    opened = measure(OPEN, store=str(store))
    row("open the store and count its tables", opened, f"({opened['result'][0]:,} nodes, {opened['result'][1]:,} edges)")
    return {"load": loaded, "open": opened}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--enterprises", type=int, default=300_000)
    parser.add_argument("--district", type=int, default=30_000)
    parser.add_argument("--workdir", type=Path)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as temporary:
        workdir = options.workdir or Path(temporary)
        district = bench("district", options.district, workdir)
        city = bench("city", options.enterprises, workdir)
    print("\ntargets:")
    print(f"  city load {city['load']['seconds']:.1f} s (≤ 15 s), peak {gib(city['load']['peak_bytes'])} (≤ 2 GiB)")
    print(f"  city open {city['open']['seconds']:.2f} s; district open {district['open']['seconds']:.2f} s")


if __name__ == "__main__":
    main()
