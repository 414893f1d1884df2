"""``GraphData``: a whole graph as plain Python values, what loaders produce and stores accept."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterator

from .model import LABELS, RELATIONSHIPS, check_endpoints, node_key

#: A relationship's identity: (type, from key, to key); at most one of each.
RelKey = tuple[str, str, str]


@dataclass
class GraphData:
    """Nodes by label and id (properties without ``None``), relationships by identity.

    >>> g = GraphData()
    >>> g.add_node("Area", {"id": "A1", "name": "上海西路街道", "kind": "street"})
    >>> g.add_node("Building", {"id": "B1", "name": "悦海新天地1号楼"})
    >>> g.add_rel("PART_OF", "Building", "B1", "Area", "A1")
    >>> g.counts()["PART_OF"]
    1
    """

    nodes: dict[str, dict[str, dict]] = field(default_factory=lambda: {label: {} for label in LABELS})
    rels: dict[RelKey, dict] = field(default_factory=dict)

    def add_node(self, label: str, props: dict) -> None:
        self.nodes[label][props["id"]] = {k: v for k, v in props.items() if v is not None}

    def add_rel(self, rel_type: str, from_label: str, from_id: str, to_label: str, to_id: str,
                props: dict | None = None) -> None:
        check_endpoints(rel_type, from_label, to_label)
        key = (rel_type, node_key(from_label, from_id), node_key(to_label, to_id))
        self.rels[key] = {k: v for k, v in (props or {}).items() if v is not None}

    def iter_nodes(self) -> Iterator[tuple[str, dict]]:
        for label, by_id in self.nodes.items():
            for props in by_id.values():
                yield label, props

    def keys(self) -> list[str]:
        """Every node's ``Label:id`` key, label by label."""
        return [node_key(label, node_id) for label, by_id in self.nodes.items() for node_id in by_id]

    def counts(self) -> dict[str, int]:
        """Nodes per label and relationships per type, every name of the model present."""
        result = {label: len(self.nodes[label]) for label in LABELS}
        result.update({rel_type: 0 for rel_type in RELATIONSHIPS})
        for rel_type, _, _ in self.rels:
            result[rel_type] += 1
        return result


#: Characters from U+E000 up: where UTF-16 order (Java's, so Neo4j's) and code point order
#: (Python's and DuckDB's) can disagree.
_ORDER_SENSITIVE = re.compile("[\ue000-\U0010ffff]")


def text_order_differs(data: GraphData) -> bool:
    """Whether any id holds a character Neo4j and Python may order differently.

    >>> data = GraphData(); data.add_node("Area", {"id": "A\U00020000", "name": "x", "kind": "street"})
    >>> text_order_differs(data), text_order_differs(GraphData())
    (True, False)
    """
    return any(_ORDER_SENSITIVE.search("".join(by_id)) for by_id in data.nodes.values())
