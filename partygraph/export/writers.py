"""Writing an ``ExportGraph`` as GraphML, GEXF, node-link JSON or two CSV files.

The XML writers stream (a city does not fit comfortably in an ElementTree) and declare typed
attributes; colours follow the drawings: GraphML ``r``/``g``/``b`` (what Gephi's importer reads),
GEXF ``viz:color``. Everything is UTF-8; the CSV files carry a BOM so Excel reads Chinese.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from .. import __version__
from ..files import atomic_write, make_folder, write_text
from ..output import neutralize
from .table import ExportGraph

_GRAPHML_TYPES = {"str": "string", "int": "long", "bool": "boolean", "periods": "string"}
_GEXF_TYPES = {"str": "string", "int": "long", "bool": "boolean"}


def _xml_value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):                 # a history's periods: JSON text, [[from, to], ...]
        return escape(json.dumps(value))
    return escape(str(value))


def _attribute_value(value: object) -> str:
    """A value for an XML attribute, unescaped (``quoteattr`` escapes it once).

    >>> quoteattr(_attribute_value("A&B<C>")), quoteattr(_attribute_value(True))
    ('"A&amp;B&lt;C&gt;"', '"true"')
    """
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def write_graphml(graph: ExportGraph, path: Path) -> None:
    with atomic_write(path, newline="\n") as out:
        out.write('<?xml version="1.0" encoding="UTF-8"?>\n'
                  '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
                  'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
                  'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns '
                  'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n')
        out.write('  <key id="g_partygraph" for="graph" attr.name="partygraph" attr.type="string"/>\n')
        for name, kind in graph.node_columns.items():
            out.write(f'  <key id="n_{name}" for="node" attr.name="{name}" attr.type="{_GRAPHML_TYPES[kind]}"/>\n')
        for channel in "rgb":
            out.write(f'  <key id="n_{channel}" for="node" attr.name="{channel}" attr.type="int"/>\n')
        for name, kind in graph.edge_columns.items():
            out.write(f'  <key id="e_{name}" for="edge" attr.name="{name}" attr.type="{_GRAPHML_TYPES[kind]}"/>\n')
        out.write('  <graph id="partygraph" edgedefault="directed">\n')
        out.write(f'    <data key="g_partygraph">{escape(json.dumps(graph.info, ensure_ascii=False))}</data>\n')
        for key, attrs in graph.nodes:
            parts = [f'<data key="n_{k}">{_xml_value(v)}</data>' for k, v in attrs.items()]
            parts += [f'<data key="n_{c}">{v}</data>' for c, v in zip("rgb", graph.color(attrs["type"]))]
            out.write(f'    <node id={quoteattr(key)}>{"".join(parts)}</node>\n')
        for number, (source, target, _, attrs) in enumerate(graph.edges):
            parts = "".join(f'<data key="e_{k}">{_xml_value(v)}</data>' for k, v in attrs.items())
            out.write(f'    <edge id="e{number}" source={quoteattr(source)} target={quoteattr(target)}>{parts}</edge>\n')
        out.write("  </graph>\n</graphml>\n")


def _spells(attrs: dict) -> str:
    """A history's periods as GEXF spells: [from, to) as from to the day before to (GEXF's ends are
    inclusive), open where still in force, so that Gephi's timeline shows each period alone."""
    import datetime as dt

    parts = []
    for start, stop in attrs.get("periods", ()):
        end = f' end="{(dt.date.fromisoformat(stop) - dt.timedelta(days=1)).isoformat()}"' if stop else ""
        parts.append(f'<spell start="{start}"{end}/>')
    return f"<spells>{''.join(parts)}</spells>" if parts else ""


def write_gexf(graph: ExportGraph, path: Path) -> None:
    node_columns = {k: v for k, v in graph.node_columns.items() if k != "periods"}
    edge_columns = {k: v for k, v in graph.edge_columns.items() if k != "periods"}
    node_ids = {name: str(i) for i, name in enumerate(node_columns)}
    edge_ids = {name: str(i) for i, name in enumerate(edge_columns)}
    mode = 'mode="dynamic" timeformat="date"' if graph.dynamic else 'mode="static"'
    with atomic_write(path, newline="\n") as out:
        out.write('<?xml version="1.0" encoding="UTF-8"?>\n'
                  '<gexf xmlns="http://www.gexf.net/1.2draft" xmlns:viz="http://www.gexf.net/1.2draft/viz" '
                  'version="1.2">\n')
        out.write(f'  <meta><creator>partygraph {__version__}</creator>'
                  f'<description>{escape(json.dumps(graph.info, ensure_ascii=False))}</description></meta>\n')
        out.write(f'  <graph defaultedgetype="directed" {mode}>\n    <attributes class="node">\n')
        for name, kind in node_columns.items():
            if name != "label":
                out.write(f'      <attribute id="{node_ids[name]}" title="{name}" type="{_GEXF_TYPES[kind]}"/>\n')
        out.write('    </attributes>\n    <attributes class="edge">\n')
        for name, kind in edge_columns.items():
            if name != "label":
                out.write(f'      <attribute id="{edge_ids[name]}" title="{name}" type="{_GEXF_TYPES[kind]}"/>\n')
        out.write("    </attributes>\n    <nodes>\n")
        for key, attrs in graph.nodes:
            values = "".join(f'<attvalue for="{node_ids[k]}" value={quoteattr(_attribute_value(v))}/>'
                             for k, v in attrs.items() if k in node_ids and k != "label")
            r, g, b = graph.color(attrs["type"])
            out.write(f'      <node id={quoteattr(key)} label={quoteattr(str(attrs["label"]))}><attvalues>{values}'
                      f'</attvalues>{_spells(attrs)}<viz:color r="{r}" g="{g}" b="{b}"/></node>\n')
        out.write("    </nodes>\n    <edges>\n")
        for number, (source, target, _, attrs) in enumerate(graph.edges):
            values = "".join(f'<attvalue for="{edge_ids[k]}" value={quoteattr(_attribute_value(v))}/>'
                             for k, v in attrs.items() if k in edge_ids and k != "label")
            out.write(f'      <edge id="{number}" source={quoteattr(source)} target={quoteattr(target)} '
                      f'label={quoteattr(attrs["label"])}><attvalues>{values}</attvalues>{_spells(attrs)}</edge>\n')
        out.write("    </edges>\n  </graph>\n</gexf>\n")


def write_json(graph: ExportGraph, path: Path) -> None:
    """networkx node-link data (``edges="edges"``), readable by ``nx.node_link_graph(d, edges="edges")``."""
    doc = {"directed": True, "multigraph": True, "graph": graph.info,
           "nodes": [{"id": key, **attrs} for key, attrs in graph.nodes],
           "edges": [{"source": s, "target": t, "key": k, **attrs} for s, t, k, attrs in graph.edges]}
    text = json.dumps(doc, ensure_ascii=False, separators=(",", ":"))    # dumps uses the C encoder; dump does not
    write_text(path, text)


def write_csv(graph: ExportGraph, folder: Path) -> None:
    """``nodes.csv`` and ``edges.csv`` (UTF-8 with BOM) and ``export-info.json`` in ``folder``."""
    make_folder(folder)
    with atomic_write(folder / "nodes.csv", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(["id", *graph.node_columns])
        for key, attrs in graph.nodes:
            writer.writerow([key, *(_csv_value(attrs.get(c)) for c in graph.node_columns)])
    with atomic_write(folder / "edges.csv", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(["source", "target", *graph.edge_columns])
        for source, target, _, attrs in graph.edges:
            writer.writerow([source, target, *(_csv_value(attrs.get(c)) for c in graph.edge_columns)])
    write_text(folder / "export-info.json", json.dumps(graph.info, ensure_ascii=False, indent=2))


def _csv_value(value: object) -> object:
    if value is None:
        return ""
    if isinstance(value, list):                 # a history's periods
        return json.dumps(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    return neutralize(value)


WRITERS = {"graphml": write_graphml, "gexf": write_gexf, "json": write_json, "csv": write_csv}
