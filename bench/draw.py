"""Time for a drawing to be laid out and still in headless Chromium: whole generated cities of
500 and 2,000 nodes, and a whole district.

    python bench/draw.py [--sizes 500 2000] [--district 30000]

Opens each page in Debian's Chromium and measures from navigation to ``window.partygraph.ready``
(the first drawing), then checks that no node moves over the next second (positions come from
Python; physics is off). For the district (members counted on their employer until expanded) it
also times ``search`` and prints the page's size and where the time went in the page.
Targets: a 2,000-node view still within 3 s; the district ready within 5 s, search ≤ 300 ms.
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


def city_of_size(target: int, folder: Path) -> tuple[int, Path]:
    """A whole generated city drawn in one page, sized to about ``target`` nodes."""
    enterprises = max(1, target // 2)
    while True:
        generate_city(folder / f"city{target}", enterprises=enterprises, seed=1)
        store = EmbeddedStore(folder / f"city{target}.pgstore")
        store.replace(load_dataset(folder / f"city{target}"))
        count = sum(store.counts()[label] for label in ("Area", "Building", "Enterprise", "Organization", "Member"))
        if count >= target or enterprises > target:
            drawing = draw(store, folder / f"city{target}.html", max_nodes=count)
            return drawing.nodes, drawing.path
        enterprises = int(enterprises * target / count) + 1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[500, 2000])
    parser.add_argument("--district", type=int, default=30_000, help="enterprises of the whole district (0: none)")
    options = parser.parse_args()
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
            for size in options.sizes:
                nodes, path = city_of_size(size, folder)
                page = browser.new_page(viewport={"width": 1400, "height": 900})
                start = time.perf_counter()
                page.goto(path.resolve().as_uri())
                page.wait_for_function("window.partygraphDrawn === true", timeout=60000)
                drawn = time.perf_counter() - start
                still = page.evaluate(STILL)
                edges = page.evaluate("edges.length")
                print(f"{nodes:6,} nodes, {edges:6,} edges (a whole generated city): drawn {drawn:.2f} s after opening, "
                      f"{'still' if still else 'STILL MOVING'} a second later  (target: ≤ 3 s)")
                page.close()
            if options.district:
                district(browser, folder, options.district)
            browser.close()


def district(browser, folder: Path, enterprises: int) -> None:
    generate_city(folder / "district", enterprises=enterprises, seed=1)
    store = EmbeddedStore(folder / "district.pgstore")
    store.replace(load_dataset(folder / "district"))
    start = time.perf_counter()
    drawing = draw(store, folder / "district.html", max_nodes=10**6)
    written = time.perf_counter() - start
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    start = time.perf_counter()
    page.goto(drawing.path.resolve().as_uri(), timeout=120000)
    page.wait_for_function("window.partygraphDrawn === true", timeout=120000, polling=50)
    ready = time.perf_counter() - start
    still = page.evaluate(STILL)
    searches = []
    for text in ("E2999", "党支部", "D0S1"):
        start = time.perf_counter()
        page.evaluate(f"window.partygraph.search({text!r}).length")
        searches.append(time.perf_counter() - start)
    times = page.evaluate("window.partygraphTimes")
    print(f"district, {enterprises:,} enterprises whole: {drawing.nodes:,} nodes ({page.evaluate('nodes.length'):,} drawn "
          f"until expanded), page {drawing.path.stat().st_size / 2**20:.1f} MiB written in {written:.1f} s; ready "
          f"{ready:.2f} s after navigation ({'still' if still else 'STILL MOVING'} a second later; target ≤ 5 s), "
          f"search {', '.join(f'{t * 1000:.0f}' for t in searches)} ms (target ≤ 300 ms)")
    print("  in the page: " + ", ".join(f"{name} {times[name] - times['start']:.0f} ms"
                                        for name in ("parsed", "datasets", "network", "drawn")))
    page.close()


if __name__ == "__main__":
    main()
