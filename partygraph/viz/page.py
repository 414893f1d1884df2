"""Rendering a subgraph as one self-contained HTML page: the explorer.

pyvis's own template fetches Bootstrap and vis-network from CDNs in every mode, prints its
heading unescaped and switches to an ``innerHTML`` popup when a title contains "href"
(pyvis 0.3.2's templates). The page takes vis-network's script and stylesheet from the pyvis
package and uses its own template: the data as JSON in a data block that no browser runs, every
text from it set as text by the explorer's script (explorer.js), a Content-Security-Policy that
loads nothing and allows the page's two scripts and its stylesheet by hash only (no
'unsafe-inline'), and the file written as UTF-8 whatever the locale.
"""

from __future__ import annotations

import base64
import hashlib
from functools import lru_cache
from importlib import resources
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup

from ..files import write_text
from ..graph.subgraph import Subgraph
from .explorer import Verdicts, page_data
from .style import FONT_FACES


@lru_cache(maxsize=1)
def _vis_assets() -> tuple[str, str]:
    base = resources.files("pyvis") / "templates" / "lib" / "vis-9.1.2"
    return ((base / "vis-network.min.js").read_text(encoding="utf-8"),
            (base / "vis-network.css").read_text(encoding="utf-8"))


def _hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


@lru_cache(maxsize=1)
def _page_assets() -> tuple[str, str, str]:
    """(vis-network's script, the explorer's script, the page's stylesheet)."""
    vis_js, vis_css = _vis_assets()
    here = resources.files(__package__)
    css = (here / "templates" / "page.css").read_text(encoding="utf-8").replace("FONT_FACES", FONT_FACES)
    return vis_js, (here / "explorer.js").read_text(encoding="utf-8"), vis_css + "\n" + css


#: What must not appear in a script data block as itself: it could end the block or start markup.
_UNSAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "'": "\\u0027",
                         "\u2028": "\\u2028", "\u2029": "\\u2029"})


def json_block(data: dict) -> Markup:
    """``data`` as JSON for a ``<script type="application/json">`` block: UTF-8 as it is (a
    district's page is 40% smaller than with every Chinese character escaped), markup characters
    escaped, encoded by orjson (5x the standard library's encoder).

    >>> print(json_block({"name": "</script><b>宝湖"}))
    {"name":"\\u003c/script\\u003e\\u003cb\\u003e宝湖"}
    """
    import orjson

    return Markup(orjson.dumps(data).decode("utf-8").translate(_UNSAFE))


def render(sub: Subgraph, positions: dict, verdicts: Verdicts, gaps: dict[str, str], heading: str,
           summary: str, changes_heading: str | None = None) -> str:
    """The page: its data as JSON in a data block, its scripts and style allowed by hash only."""
    vis_js, explorer_js, css = _page_assets()
    data = page_data(sub, positions, verdicts, gaps)
    data["fontFaces"] = FONT_FACES
    csp = (f"default-src 'none'; script-src {_hash(vis_js)} {_hash(explorer_js)}; style-src {_hash(css)}; "
           "img-src data: blob:; font-src data:")
    env = Environment(loader=FileSystemLoader(str(Path(__file__).parent / "templates")),
                      autoescape=select_autoescape(default=True, default_for_string=True))
    return env.get_template("page.html").render(
        csp=csp, css=css, vis_js=vis_js, explorer_js=explorer_js, data=json_block(data), heading=heading, summary=summary,
        lang_tag="zh-CN" if data["lang"] == "zh" else "en", gap_count=sum(1 for n in data["nodes"] if n["gap"]),
        words=data["text"], changes_heading=changes_heading)


def write_page(path: Path, html: str) -> None:
    """Write as UTF-8 (pyvis's own writer uses the locale's encoding), replacing the file at once."""
    write_text(path, html)
