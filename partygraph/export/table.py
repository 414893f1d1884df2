"""The graph as export rows: nodes and edges, pseudonymized, typed and cleaned, in a stable order.

Cleaning, the one documented way: absent values are left out of a node or edge; a list becomes
its items joined with ";"; characters XML cannot hold (controls other than tab and newline) are
dropped from text. Dates stay ISO text (years when pseudonymized).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..graph.data import GraphData
from ..graph.model import LABELS, RELATIONSHIPS, node_key
from ..viz.style import LABEL_STYLE, REL_STYLE, rgb
from .pseudonym import Pseudonymizer

FORMAT_VERSION = 1
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
#: Attribute types per export column (model types, dates as text).
NODE_COLUMNS: dict[str, str] = {"type": "str", "label": "str", "node_id": "str"}
for _label in LABELS.values():
    for _name, _type in _label.properties.items():
        if _name != "id":
            NODE_COLUMNS.setdefault(_name, "str" if _type == "date" else _type)
EDGE_COLUMNS: dict[str, str] = {"type": "str", "label": "str"}
for _rel in RELATIONSHIPS.values():
    for _name, _type in _rel.properties.items():
        EDGE_COLUMNS.setdefault(_name, "str" if _type == "date" else _type)


def clean(value: object) -> object:
    if isinstance(value, (list, tuple)):
        value = ";".join(map(str, value))
    if isinstance(value, str):
        return _XML_INVALID.sub("", value)
    return value


@dataclass
class ExportGraph:
    nodes: list[tuple[str, dict]]                       # (key, attributes), sorted by key
    edges: list[tuple[str, str, str, dict]]             # (source, target, type, attributes), sorted
    info: dict                                          # what was done: format version, pseudonymization
    node_columns: dict[str, str] = field(default_factory=lambda: dict(NODE_COLUMNS))
    edge_columns: dict[str, str] = field(default_factory=lambda: dict(EDGE_COLUMNS))
    dynamic: bool = False                               # each node and edge has "periods": [[from, to), ...]

    def color(self, node_type: str) -> tuple[int, int, int]:
        return rgb(node_type)


def export_graph(data: GraphData, pseudonymizer: Pseudonymizer | None) -> ExportGraph:
    """Rows in one order whatever the source: nodes and edges sorted, attributes in column order."""
    keys: dict[str, str] = {}
    nodes = []
    for label, by_id in data.nodes.items():
        for node_id, props in by_id.items():
            if pseudonymizer is not None:
                props = pseudonymizer.node(label, props)
            key = node_key(label, props["id"])
            keys[node_key(label, node_id)] = key
            attrs = {"type": label, "label": clean(props.get("name", props["id"])), "node_id": clean(props["id"])}
            attrs.update((k, clean(props[k])) for k in NODE_COLUMNS if k in props and k != "id" and props[k] is not None)
            nodes.append((key, attrs))
    edges = []
    for (rel_type, source, target), props in data.rels.items():
        attrs = {"type": rel_type, "label": f"{rel_type} {REL_STYLE[rel_type]['zh']}"}
        attrs.update((k, clean(props[k])) for k in EDGE_COLUMNS if k in props and props[k] is not None)
        edges.append((keys[source], keys[target], rel_type, attrs))
    nodes.sort(key=lambda n: n[0])
    edges.sort(key=lambda e: (e[0], e[1], e[2]))
    info = {"format": "partygraph-export", "version": FORMAT_VERSION,
            "pseudonymization": pseudonymizer.record() if pseudonymizer else {"pseudonymized": False},
            "cleaning": "absent values left out; lists joined with ';'; XML-invalid control characters dropped",
            "colors": {label: style["color"] for label, style in LABEL_STYLE.items()}}
    return ExportGraph(nodes, edges, info)


def history_graph(periods: list[tuple[str, GraphData]], pseudonymizer: Pseudonymizer | None) -> ExportGraph:
    """Every period at once: each node and edge once, with the attributes of the latest period it is
    in and ``periods``, the ``[from, to)`` runs of periods it is in (``to`` null: still in force)."""
    dates = [day for day, _data in periods]
    nodes: dict[str, tuple[dict, list[int]]] = {}
    edges: dict[tuple, tuple[dict, list[int]]] = {}
    info = None
    for index, (_day, data) in enumerate(periods):
        graph = export_graph(data, pseudonymizer)
        info = graph.info
        for key, attrs in graph.nodes:
            nodes.setdefault(key, ({}, []))[1].append(index)
            nodes[key] = (attrs, nodes[key][1])
        for source, target, rel_type, attrs in graph.edges:
            edges.setdefault((source, target, rel_type), ({}, []))[1].append(index)
            edges[(source, target, rel_type)] = (attrs, edges[(source, target, rel_type)][1])
    found = ExportGraph(
        sorted((key, {**attrs, "periods": runs(present, dates)}) for key, (attrs, present) in nodes.items()),
        sorted(((s, t, k, {**attrs, "periods": runs(present, dates)}) for (s, t, k), (attrs, present) in edges.items()),
               key=lambda e: (e[0], e[1], e[2])),
        {**(info or {}), "periods": dates}, dynamic=True)
    found.node_columns["periods"] = found.edge_columns["periods"] = "periods"
    return found


def runs(present: list[int], dates: list[str]) -> list[list[str | None]]:
    """The ``[from, to)`` runs of consecutive periods (indices into ``dates``).

    >>> runs([0, 1, 3], ["2026-03-31", "2026-06-30", "2026-09-30", "2026-12-31"])
    [['2026-03-31', '2026-09-30'], ['2026-12-31', None]]
    """
    found: list[list[str | None]] = []
    for index in present:
        if found and found[-1][1] == dates[index]:
            found[-1][1] = dates[index + 1] if index + 1 < len(dates) else None
        else:
            found.append([dates[index], dates[index + 1] if index + 1 < len(dates) else None])
    return found
