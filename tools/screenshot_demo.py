"""Screenshot of the demo drawing for the README: runs ``partygraph demo`` in a temporary folder,
opens the explorer in headless Chromium (Debian's ``chromium``, with ``fonts-wqy-microhei`` so
Chinese renders), selects an enterprise no organization covers so that the details panel shows
its verdict and rule, and photographs the page.

    python tools/screenshot_demo.py [docs/demo.png]
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from partygraph.demo import run_demo  # noqa: E402
from tests.viz.conftest import CHROMIUM_ARGS, chromium_path  # noqa: E402


def main() -> None:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "demo.png"
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as folder:
        page_path = run_demo(folder).drawing.path
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            page.goto(page_path.resolve().as_uri())
            page.evaluate("window.partygraph.ready")
            page.evaluate("""() => {
                const gap = nodes.get({filter: n => n.gap && n.id.startsWith('Enterprise:')})[0];
                window.partygraph.search(gap.id.split(':').slice(1).join(':'));
                network.fit({animation: false});
            }""")
            page.wait_for_timeout(500)
            page.screenshot(path=str(out))
            browser.close()
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
