"""Research exports: Gephi-ready GraphML and GEXF, node-link JSON, CSV; members pseudonymized by default."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..errors import UsageError
from ..i18n import _
from .pseudonym import Pseudonymizer, key_from_environment
from .table import export_graph
from .writers import WRITERS

FORMATS = tuple(WRITERS)


@dataclass
class Export:
    path: Path
    nodes: int
    edges: int
    pseudonymized: bool
    new_key: str | None                  # a generated key, to show the user once


def scoped_data(store, scope: str | None, depth: int):
    """The whole graph, or what is within ``depth`` steps of ``scope`` (every label and relationship)."""
    if scope is None:
        return store.read()
    from ..viz.scope import from_neo4j, from_networkx

    if store.kind == "embedded":
        return from_networkx(store.networkx(), "structure", scope, depth, max_nodes=10**9).data
    return from_neo4j(store, "structure", scope, depth, max_nodes=10**9).data


def export(store, fmt: str, out: str | Path, pseudonymize: bool = True, scope: str | None = None,
           depth: int = 2, key: bytes | None = None) -> Export:
    """Write the store's graph (or a scoped part) in ``fmt``; members pseudonymized unless told not to."""
    if fmt not in WRITERS:
        raise UsageError(_("--format expects one of {allowed}, not {given!r}").format(allowed=", ".join(FORMATS), given=fmt))
    new_key = None
    pseudonymizer = None
    if pseudonymize:
        if key is None:
            key, generated = key_from_environment()
            new_key = key.decode("ascii") if generated else None
        pseudonymizer = Pseudonymizer(key)
    graph = export_graph(scoped_data(store, scope, depth), pseudonymizer)
    path = Path(out)
    WRITERS[fmt](graph, path)
    return Export(path, len(graph.nodes), len(graph.edges), pseudonymize, new_key)
