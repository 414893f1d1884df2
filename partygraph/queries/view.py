"""Reading the embedded store's networkx graph the way the Cypher queries read Neo4j.

Nodes are keyed ``Label:id`` with a ``label`` attribute; an edge's key is its relationship type.
"""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING, Iterable, Iterator

from ..errors import UsageError
from ..i18n import _
from ..graph.model import node_key

if TYPE_CHECKING:      # networkx is imported only where a graph is built: Neo4j commands never load it
    import networkx as nx


class View:
    def __init__(self, graph: "nx.MultiDiGraph") -> None:
        self.graph = graph

    @cached_property
    def by_label(self) -> dict[str, list[str]]:
        """Every node by label: built on first use, as analyses narrowed to some ids never need it."""
        by_label: dict[str, list[str]] = {}
        for key, attrs in self.graph.nodes(data=True):
            by_label.setdefault(attrs["label"], []).append(key)
        return by_label

    def nodes(self, label: str, ids: Iterable[str] | None = None) -> list[str]:
        """The nodes of ``label``: all of them, or those of the given ids that exist."""
        if ids is None:
            return self.by_label.get(label, [])
        return [key for key in (node_key(label, node_id) for node_id in ids) if key in self.graph]

    def props(self, key: str) -> dict:
        return self.graph.nodes[key]

    def out(self, key: str, rel: str) -> list[str]:
        """Targets of ``(key)-[:rel]->``, sorted for determinism."""
        return sorted(target for target, keys in self.graph._succ[key].items() if rel in keys)

    def into(self, key: str, rel: str) -> list[str]:
        """Sources of ``()-[:rel]->(key)``, sorted."""
        return sorted(source for source, keys in self.graph._pred[key].items() if rel in keys)

    def has_in(self, key: str, rel: str) -> bool:
        return any(rel in keys for keys in self.graph._pred[key].values())

    def has_out(self, key: str, rel: str) -> bool:
        return any(rel in keys for keys in self.graph._succ[key].values())

    def building(self, enterprise: str) -> str | None:
        """The building an enterprise is located in (``None`` when it is known only by its area)."""
        return self.first([p for p in self.out(enterprise, "LOCATED_IN") if self.graph.nodes[p]["label"] == "Building"])

    def id(self, key: str | None) -> str | None:
        return None if key is None else self.graph.nodes[key]["id"]

    def first(self, keys: list[str]) -> str | None:
        return keys[0] if keys else None

    def ancestors(self, key: str, rel: str) -> Iterator[str]:
        """Following ``rel`` upwards (``PART_OF``, ``SUBORDINATE_TO``), nearest first; stops on a cycle."""
        seen = {key}
        current = self.first(self.out(key, rel))
        while current is not None and current not in seen:
            yield current
            seen.add(current)
            current = self.first(self.out(current, rel))


def id_list(ids: Iterable[str] | None) -> list[str] | None:
    """An analysis's ``ids`` option (judge only these nodes, as a drawing does) as both forms take it.

    >>> id_list(["E2", "E1", "E2"]), id_list(None)
    (['E1', 'E2'], None)
    """
    if ids is None:
        return None
    if isinstance(ids, str):
        raise UsageError(_("ids expects a list of ids, not the text {given!r}").format(given=ids))
    return sorted(set(ids))
