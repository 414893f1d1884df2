"""Time to write a scoped drawing (one building, one community) from a city, on both stores.

    eval "$(tools/neo4j-local/neo4j-local env)"
    python bench/draw_scoped.py [--city 300000] [--skip-neo4j]

What an analyst waits for after `partygraph draw --scope ID`: the scoped part fetched, the gaps of
its nodes judged, laid out and written (browser time: bench/draw.py). Embedded times are a fresh
process, opening the store included, as the command runs; Neo4j times are the best of three with a
warm server. Members are judged as of 2026-06-30, the generator's fixed day. EMPTIES the Neo4j
database it is given.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from common import measure, neo4j_store

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from partygraph.graph.embedded import EmbeddedStore  # noqa: E402
from partygraph.graph.model import node_key  # noqa: E402
from partygraph.loaders import load_dataset  # noqa: E402
from partygraph.loaders.generate import generate_city  # noqa: E402
from partygraph.viz import draw  # noqa: E402

EMBEDDED = """
from partygraph.graph.embedded import EmbeddedStore
from partygraph.viz import draw
result = draw(EmbeddedStore(args["store"]), args["out"], scope=args["scope"], depth=args["depth"],
              as_of="2026-06-30").nodes
"""


def scopes(data) -> list[tuple[str, str, int]]:
    """The first building, and the area holding it (a community), of the generated city."""
    building = min(data.nodes["Building"])
    area = next(target for (rel, source, target) in data.rels if rel == "PART_OF" and source == node_key("Building", building))
    return [("a building", building, 2), ("a community", area.split(":", 1)[1], 2)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--city", type=int, default=300_000)
    parser.add_argument("--skip-neo4j", action="store_true")
    options = parser.parse_args()
    neo4j = neo4j_store(options.skip_neo4j)
    with tempfile.TemporaryDirectory() as workdir:
        folder = Path(workdir)
        generate_city(folder / "city", enterprises=options.city, seed=1)
        data = load_dataset(folder / "city")
        store = EmbeddedStore(folder / "city.pgstore")
        store.replace(data)
        if neo4j is not None:
            neo4j.replace(data)
        print(f"city: {options.city:,} enterprises, {len(data.nodes['Member']):,} members")
        for what, scope, depth in scopes(data):
            out = str(folder / "drawing.html")
            embedded = measure(EMBEDDED, store=str(store.path), out=out, scope=scope, depth=depth)
            seconds = float("nan")
            if neo4j is not None:
                draw(neo4j, out, scope=scope, depth=depth, as_of="2026-06-30")
                seconds = min(timed(lambda: draw(neo4j, out, scope=scope, depth=depth, as_of="2026-06-30"))
                              for _ in range(3))
            print(f"  {what} ({scope}, depth {depth}, {embedded['result']:,} nodes): "
                  f"embedded {embedded['seconds']:.2f} s (opening included), Neo4j {seconds:.2f} s", flush=True)


def timed(step) -> float:
    start = time.perf_counter()
    step()
    return time.perf_counter() - start


if __name__ == "__main__":
    main()
