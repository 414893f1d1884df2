"""A store that answers from canned data and records every question it is asked, so the CLI and the
drawing are tested without a database (as the Neo4j Graph Data Science client tests its
QueryRunner). The real stores are held to the same answers by the differential tests."""

from __future__ import annotations

from partygraph.graph.data import GraphData
from collections import deque

from partygraph.errors import UsageError
from partygraph.i18n import _
from partygraph.graph.model import node_key
from partygraph.graph.subgraph import Subgraph, TooLarge, check_view, resolve_scope
from partygraph.graph.pages import Page


class RecordingStore:
    kind = "fake"
    concurrent_reads = False

    def __init__(self, data: GraphData, rows: dict[str, list[dict]] | None = None) -> None:
        self.data, self.rows, self.calls = data, rows or {}, []

    def describe(self) -> str:
        return "fake store"

    def replace(self, data, progress=None, as_of=None) -> None:
        self.calls.append(("replace", data.counts()["Member"]))
        self.data = data

    def load(self, data, as_of: str, progress=None) -> None:
        self.calls.append(("load", data.counts()["Member"], as_of))
        self.data = data

    def periods(self):
        from partygraph.graph.periods import Period

        return [Period("2026-06-30", self.data.counts())]

    def use(self, as_of):
        from partygraph.graph.periods import in_force

        self.calls.append(("use", as_of))
        return in_force([p.as_of for p in self.periods()], as_of)

    def read(self) -> GraphData:
        self.calls.append(("read",))
        return self.data

    def counts(self) -> dict[str, int]:
        self.calls.append(("counts",))
        return self.data.counts()

    def analysis_page(self, analysis, options: dict, limit: int | None) -> Page:
        self.calls.append(("analysis_page", analysis.name, dict(options), limit))
        rows = self._rows(analysis, options)
        return Page(rows if limit is None else rows[:limit], len(rows))

    def _rows(self, analysis, options: dict) -> list[dict]:
        rows = self.rows.get(analysis.name, [])
        if options.get("ids") is not None:
            rows = [row for row in rows if row["id"] in options["ids"]]
        return rows

    def analysis_json(self, analysis, options: dict):
        from partygraph.output import json_chunks

        self.calls.append(("analysis_json", analysis.name, dict(options)))
        return json_chunks(self._rows(analysis, options))

    def narrowing(self, place: str, label: str) -> dict:
        from partygraph.graph.reads import ids_in

        return {"ids": ids_in(self, place, label)}

    def place_ids(self, place: str, label: str):
        self.calls.append(("place_ids", place, label))
        return 1, 0, [row["id"] for row in self.rows.get("gaps enterprises", [])][:1]

    def subgraph(self, view: str, scope, depth: int, max_nodes: int):
        self.calls.append(("subgraph", view, scope, depth, max_nodes))
        return from_networkx(to_networkx(self.data), view, scope, depth, max_nodes)

    def pairing_orgs(self):
        self.calls.append(("pairing_orgs",))
        return []

    def close(self) -> None:
        self.calls.append(("close",))


def to_networkx(data: GraphData):
    """(For the fake's subgraph.) A MultiDiGraph keyed ``Label:id``; node attribute ``label``; edge key = relationship type."""
    import networkx as nx

    graph = nx.MultiDiGraph()
    graph.add_nodes_from((node_key(label, node_id), {"label": label, **props})
                         for label, by_id in data.nodes.items() for node_id, props in by_id.items())
    graph.add_edges_from((source, target, rel_type, props)
                         for (rel_type, source, target), props in data.rels.items())
    return graph


def from_networkx(graph, view: str, scope: str | None, depth: int, max_nodes: int) -> Subgraph:
    """The scoped part cut from a networkx graph, as the real stores fetch it."""
    labels, types = check_view(view)
    center = resolve_scope(scope, graph.has_node) if scope else None
    if center is not None and graph.nodes[center]["label"] not in labels:
        raise UsageError(_("{center} is not part of the {view} view; try --view structure").format(center=center, view=view))

    def neighbours(key: str):
        for other, keys in list(graph._succ[key].items()) + list(graph._pred[key].items()):
            if graph.nodes[other]["label"] in labels and any(t in keys for t in types):
                yield other

    if center is None:
        keys = [k for k, a in graph.nodes(data=True) if a["label"] in labels]
        if len(keys) > max_nodes:
            raise TooLarge(len(keys), max_nodes, scope)
    else:
        keys, seen, queue = [center], {center: 0}, deque([center])
        while queue:
            key = queue.popleft()
            if seen[key] >= depth:
                continue
            for other in neighbours(key):
                if other not in seen:
                    seen[other] = seen[key] + 1
                    keys.append(other)
                    queue.append(other)
                    if len(keys) > max_nodes:
                        raise TooLarge(len(keys), max_nodes, scope)
    chosen = set(keys)
    data = GraphData()
    for key in keys:
        attrs = dict(graph.nodes[key])
        data.add_node(attrs.pop("label"), attrs)
    for key in keys:
        for other, rels in graph._succ[key].items():
            if other in chosen:
                for rel_type, props in rels.items():
                    if rel_type in types:
                        data.rels[(rel_type, key, other)] = dict(props)
    members = {}
    for key in keys:
        rel = {"Organization": "MEMBER_OF", "Enterprise": "WORKS_AT"}.get(graph.nodes[key]["label"])
        if rel:
            members[key] = sum(rel in k for k in graph._pred[key].values())
    return Subgraph(data, members, center)
