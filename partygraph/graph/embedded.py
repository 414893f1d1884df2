"""The embedded store: the whole graph in one JSON file, opened into networkx for analyses.

Format (documented in the README, ``version`` 1)::

    {"format": "partygraph-store", "version": 1,
     "nodes": {"Member": {"columns": ["id", "name", ...], "rows": [["M1", "阮晓", ...], ...]}, ...},
     "relationships": {"MEMBER_OF": {"columns": ["from", "to"], "rows": [["Member:M1", "Organization:O1"]]}, ...}}

Absent properties are ``null`` in a row. The file is plain JSON (safe to open: no pickle),
written to a temporary file beside it and moved into place, so a rejected dataset, a crash or
a kill in the middle of a write leaves the previous store as it was.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import StoreError
from ..files import atomic_write
from ..gcpause import paused_gc
from ..i18n import _
from ..progress import Progress, Tally
from .data import GraphData
from .model import LABELS, RELATIONSHIPS

if TYPE_CHECKING:      # imported where a graph is built, so that opening a Neo4j store never loads it
    import networkx as nx

FORMAT = "partygraph-store"
VERSION = 1
DEFAULT_PATH = "partygraph.pgstore"


def to_document(data: GraphData) -> dict:
    """The JSON document of a graph (columns from the model, so every file has the same shape)."""
    nodes = {}
    for label, spec in LABELS.items():
        columns = list(spec.properties)
        nodes[label] = {"columns": columns,
                        "rows": [[props.get(c) for c in columns] for props in data.nodes[label].values()]}
    rels: dict[str, dict] = {}
    for rel_type, spec in RELATIONSHIPS.items():
        rels[rel_type] = {"columns": ["from", "to", *spec.properties], "rows": []}
    for (rel_type, source, target), props in data.rels.items():
        extra = [props.get(c) for c in RELATIONSHIPS[rel_type].properties]
        rels[rel_type]["rows"].append([source, target, *extra])
    return {"format": FORMAT, "version": VERSION, "nodes": nodes, "relationships": rels}


def check_document(doc: object, where: str) -> None:
    """Refuse what is not a store this version of partygraph reads."""
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise StoreError(_("{where} is not a partygraph store").format(where=where))
    if doc.get("version") != VERSION:
        raise StoreError(_("{where} is a partygraph store of version {found}; this partygraph reads version "
                           "{version}").format(where=where, found=doc.get("version"), version=VERSION))


def from_document(doc: dict) -> GraphData:
    data = GraphData()
    for label, table in doc["nodes"].items():
        columns = table["columns"]
        target = data.nodes[label]
        for row in table["rows"]:
            target[row[0]] = {c: v for c, v in zip(columns, row) if v is not None}
    for rel_type, table in doc["relationships"].items():
        columns = table["columns"][2:]
        for row in table["rows"]:
            data.rels[(rel_type, row[0], row[1])] = {c: v for c, v in zip(columns, row[2:]) if v is not None}
    return data


def to_networkx(data: GraphData) -> "nx.MultiDiGraph":
    """A MultiDiGraph keyed ``Label:id``; node attribute ``label``; edge key = relationship type."""
    import networkx as nx

    graph = nx.MultiDiGraph()
    graph.add_nodes_from((f"{label}:{node_id}", {"label": label, **props})
                         for label, by_id in data.nodes.items() for node_id, props in by_id.items())
    graph.add_edges_from((source, target, rel_type, props)
                         for (rel_type, source, target), props in data.rels.items())
    return graph


def document_to_networkx(doc: dict) -> "nx.MultiDiGraph":
    """The graph :func:`to_networkx` builds, straight from a store document.

    Opening a store is on every analysis's path, so this fills networkx's adjacency dicts
    (``_node``, ``_succ``, ``_pred``, stable since networkx 2.0) directly: about 2.7 times
    faster than ``add_edges_from``. A test proves both build the same graph.
    """
    import networkx as nx

    graph = nx.MultiDiGraph()
    node, succ, pred = graph._node, graph._succ, graph._pred
    for label, table in doc["nodes"].items():
        columns = table["columns"]
        for row in table["rows"]:
            key = f"{label}:{row[0]}"
            attrs = {"label": label}
            attrs.update((c, v) for c, v in zip(columns, row) if v is not None)
            node[key], succ[key], pred[key] = attrs, {}, {}
    for rel_type, table in doc["relationships"].items():
        columns = table["columns"][2:]
        for row in table["rows"]:
            source, target = row[0], row[1]
            keys = succ[source].get(target)
            if keys is None:
                keys = succ[source][target] = pred[target][source] = {}
            keys[rel_type] = {c: v for c, v in zip(columns, row[2:]) if v is not None}
    return graph


class EmbeddedStore:
    """The default store: ``EmbeddedStore(path).replace(data)``, ``.read()``, ``.networkx()``."""

    kind = "embedded"

    def __init__(self, path: str | os.PathLike = DEFAULT_PATH) -> None:
        self.path = Path(path)
        self._opened: tuple[tuple[int, int, int], "nx.MultiDiGraph"] | None = None

    def describe(self) -> str:
        return _("embedded store {path}").format(path=self.path)

    def replace(self, data: GraphData, progress: Progress = None) -> None:
        """Write the graph in place of the store's content, all at once or not at all."""
        counter = Tally(progress, 2)
        document = to_document(data)
        counter.add(1, "document")
        with atomic_write(self.path) as handle:
            json.dump(document, handle, ensure_ascii=False, separators=(",", ":"))
        counter.add(1, str(self.path.name))
        self._opened = None

    def _document(self) -> dict:
        if not self.path.exists():
            raise StoreError(_("there is no store at {path}; run 'partygraph load DATASET' first").format(path=self.path))
        try:
            with open(self.path, encoding="utf-8") as handle:
                doc = json.load(handle)
        except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
            raise StoreError(_("{path} is not a partygraph store, or damaged: {reason}").format(
                path=self.path, reason=type(exc).__name__)) from exc
        except OSError as exc:
            raise StoreError(_("cannot read the store {path}: {reason}").format(path=self.path, reason=exc)) from exc
        check_document(doc, str(self.path))
        return doc

    def _convert(self, convert, doc: dict):
        try:
            return convert(doc)
        except (KeyError, TypeError, IndexError, ValueError, AttributeError, RecursionError) as exc:
            raise StoreError(_("{path} is not a partygraph store, or damaged: {reason}").format(
                path=self.path, reason=repr(exc))) from exc

    def read(self) -> GraphData:
        with paused_gc():
            return self._convert(from_document, self._document())

    def networkx(self) -> "nx.MultiDiGraph":
        """The store as a networkx graph, opened once while the file stays the same (a drawing runs
        two analyses besides its own read; a stored city takes seconds to open). Callers read it only."""
        try:
            stat = self.path.stat()
            identity = (stat.st_ino, stat.st_mtime_ns, stat.st_size)
        except OSError:
            identity = None
        if self._opened is not None and self._opened[0] == identity:
            return self._opened[1]
        with paused_gc():
            graph = self._convert(document_to_networkx, self._document())
        self._opened = (identity, graph) if identity else None
        return graph

    def counts(self) -> dict[str, int]:
        return self.read().counts()

    def close(self) -> None:
        """Nothing to release: the file is read whole and closed (the Neo4j store closes its driver)."""

    # -- the Store interface's questions, answered from the networkx graph ---------------------

    def analysis_page(self, analysis, options: dict, limit: int | None):
        from ..queries import embedded_page

        return embedded_page(analysis, self.networkx(), options, limit)

    def place_ids(self, place: str, label: str) -> tuple[int, int, list[str]]:
        from ..queries.places import embedded_place_ids
        from ..queries.view import View

        return embedded_place_ids(View(self.networkx()), place, label)

    def subgraph(self, view: str, scope: str | None, depth: int, max_nodes: int):
        from .subgraph import from_networkx

        return from_networkx(self.networkx(), view, scope, depth, max_nodes)

    def pairing_orgs(self) -> list[tuple[str, str, list[str]]]:
        from ..queries.pairing_network import embedded_orgs

        return embedded_orgs(self.networkx())


