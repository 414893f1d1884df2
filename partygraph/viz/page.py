"""Rendering a subgraph as one self-contained HTML page with pyvis.

pyvis's own template fetches Bootstrap and vis-network from CDNs in every mode, prints its
heading unescaped and switches to an ``innerHTML`` popup when a title contains "href"
(pyvis 0.3.2's templates). This page uses pyvis's ``Network`` for the data and its rendering step, but our
own template: vis-network's script and stylesheet inlined from the pyvis package, every text from
the data escaped or passed as JSON data (tooltips are plain text), a Content-Security-Policy that
forbids loading anything, and the file written as UTF-8 whatever the locale.
"""

from __future__ import annotations

import math
from functools import lru_cache
from importlib import resources
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape

from ..files import write_text
from ..graph.model import split_key
from ..graph.subgraph import Subgraph
from .style import FONT_FACES, GAP_COLOR, LABEL_STYLE, REL_STYLE


@lru_cache(maxsize=1)
def _vis_assets() -> tuple[str, str]:
    base = resources.files("pyvis") / "templates" / "lib" / "vis-9.1.2"
    return ((base / "vis-network.min.js").read_text(encoding="utf-8"),
            (base / "vis-network.css").read_text(encoding="utf-8"))


def _text(value: object) -> str:
    return ("yes" if value else "no") if isinstance(value, bool) else str(value)


def _tooltip(label: str, props: dict, members: int | None, gap: str | None) -> str:
    lines = [str(props.get("name", "")), f"{label} {LABEL_STYLE[label]['zh']} · {props['id']}"]
    lines += [f"{key}: {_text(value)}" for key, value in props.items() if key not in ("id", "name")]
    if members is not None:
        lines.append(f"members 党员: {members}")
    if gap:
        lines.append(f"gap 缺口: {gap}")
    return "\n".join(lines)


def vis_data(sub: Subgraph, positions: dict[str, tuple[float, float]], gaps: dict[str, str]) -> tuple[list, list]:
    """vis-network nodes and edges: label, shape, colour, size, position, plain-text tooltip."""
    nodes = []
    for label, by_id in sub.data.nodes.items():
        style = LABEL_STYLE[label]
        for node_id, props in by_id.items():
            key = f"{label}:{node_id}"
            members = sub.members.get(key)
            size = 8 if label == "Member" else min(60, 12 + 3 * math.sqrt(members or 0))
            x, y = positions.get(key, (0.0, 0.0))
            gap = gaps.get(key)
            node = {"id": key, "label": str(props.get("name", node_id)), "title": _tooltip(label, props, members, gap),
                    "shape": style["shape"], "size": size, "x": round(x, 1), "y": round(y, 1),
                    "baseColor": style["color"], "color": {"background": style["color"], "border": style["color"]},
                    "borderWidth": 1, "group": label, "gap": bool(gap)}
            if gap:
                node.update(borderWidth=5, color={"background": style["color"], "border": GAP_COLOR})
            nodes.append(node)
    edges = []
    for (rel_type, source, target), props in sub.data.rels.items():
        style = REL_STYLE[rel_type]
        title = f"{rel_type} {style['zh']}" + "".join(f"\n{k}: {_text(v)}" for k, v in props.items())
        edge = {"from": source, "to": target, "color": style["color"], "title": title, "width": 1.5}
        if rel_type == "PAIRED_WITH":
            edge.update(dashes=True, width=2.5)
        else:
            edge["arrows"] = "to"
        edges.append(edge)
    return nodes, edges


OPTIONS = {
    "physics": {"enabled": False},
    "interaction": {"hover": True, "tooltipDelay": 120, "hideEdgesOnDrag": True},
    "edges": {"smooth": False},
    "nodes": {"font": {"face": FONT_FACES, "size": 14}},
}


def render(sub: Subgraph, positions: dict, gaps: dict[str, str], heading: str, summary: str) -> str:
    from pyvis.network import Network

    net = Network(height="100vh", width="100%", directed=True, cdn_resources="in_line", heading=heading)
    net.nodes, net.edges = vis_data(sub, positions, gaps)      # whole lists: add_edge is quadratic
    net.options = OPTIONS
    env = Environment(loader=FileSystemLoader(str(Path(__file__).parent / "templates")),
                      autoescape=select_autoescape(default=True, default_for_string=True))
    js, css = _vis_assets()
    labels = sorted({split_key(n["id"])[0] for n in net.nodes}, key=list(LABEL_STYLE).index)
    env.globals.update(vis_js=js, vis_css=css, font_faces=FONT_FACES, gap_color=GAP_COLOR, summary=summary,
                       gap_count=sum(1 for n in net.nodes if n["gap"]),
                       legend=[{"name": label, **LABEL_STYLE[label]} for label in labels])
    net.templateEnv, net.path = env, "page.html"
    return net.generate_html()


def write_page(path: Path, html: str) -> None:
    """Write as UTF-8 (pyvis's own writer uses the locale's encoding), replacing the file at once."""
    write_text(path, html)
