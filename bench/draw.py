"""Time for a drawing to be laid out and still in headless Chromium, at 500 and 2,000 nodes.

    python bench/draw.py [--sizes 500 2000]

Draws scopes of a generated city with about the asked number of nodes, opens each page in
Debian's Chromium and measures from navigation to the first drawing, then checks that no node
moves over the next second (positions come from Python; physics is off). Target (issue: drawing):
a 2,000-node view laid out and still within 3 s of opening.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from partygraph.graph.embedded import EmbeddedStore  # noqa: E402
from partygraph.loaders import load_dataset  # noqa: E402
from partygraph.loaders.generate import generate_city  # noqa: E402
from partygraph.viz import draw  # noqa: E402
from tests.viz.conftest import CHROMIUM_ARGS, chromium_path  # noqa: E402

STILL = """() => new Promise(resolve => {
  const before = JSON.stringify(network.getPositions());
  setTimeout(() => resolve(before === JSON.stringify(network.getPositions())), 1000);
})"""


def scope_of_size(store: EmbeddedStore, target: int, folder: Path) -> tuple[str, int, Path]:
    """An area whose structure view at depth 2 has the node count nearest the target (below 1.5×)."""
    best = None
    for area in sorted(store.read().nodes["Area"]):
        try:
            drawing = draw(store, folder / f"{area}.html", scope=area, depth=2, max_nodes=int(target * 1.5))
        except Exception:
            continue
        if best is None or abs(drawing.nodes - target) < abs(best[1] - target):
            best = (area, drawing.nodes, drawing.path)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[500, 2000])
    options = parser.parse_args()
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        generate_city(folder / "city", enterprises=30000, seed=1)
        store = EmbeddedStore(folder / "city.pgstore")
        store.replace(load_dataset(folder / "city"))
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
            for size in options.sizes:
                area, nodes, path = scope_of_size(store, size, folder)
                page = browser.new_page(viewport={"width": 1400, "height": 900})
                start = time.perf_counter()
                page.goto(path.resolve().as_uri())
                page.wait_for_function("window.partygraphDrawn === true", timeout=60000)
                drawn = time.perf_counter() - start
                still = page.evaluate(STILL)
                edges = page.evaluate("edges.length")
                print(f"{nodes:6,} nodes, {edges:6,} edges (scope {area}, depth 2): drawn {drawn:.2f} s after opening, "
                      f"{'still' if still else 'STILL MOVING'} a second later  (target: ≤ 3 s)")
                page.close()
            browser.close()


if __name__ == "__main__":
    main()
