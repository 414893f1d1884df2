"""The scoped part of the embedded store (``EmbeddedStore.subgraph``), as ``neo4j_subgraph`` fetches
it from Neo4j: one query per relationship type and step outwards from the scope, then the
relationships among the chosen nodes and their member counts. A scoped drawing of a city reads
only its part of the database."""

from __future__ import annotations

from .data import GraphData
from .embedded import q
from .model import LABELS, node_key, split_key
from .subgraph import Subgraph, TooLarge, check_view, resolve_scope, walk_out


def from_database(store, view: str, scope: str | None, depth: int, max_nodes: int) -> Subgraph:
    labels, types = check_view(view)

    def has(key: str) -> bool:
        label, node_id = split_key(key)
        return label in LABELS and bool(store.sql(f"SELECT 1 FROM {q(label)} WHERE id = $id", {"id": node_id}))

    center = resolve_scope(scope, has) if scope else None
    data = GraphData()
    if center is None:
        counts = store.counts()
        total = sum(counts[label] for label in labels)
        if total > max_nodes:
            raise TooLarge(total, max_nodes, scope)
        for label in labels:
            data.nodes[label].update(store.nodes(label))
    else:
        walk_out(data, center, view, depth, max_nodes, scope,
                 lambda label, node_id: data.nodes[label].update(store.nodes(label, [node_id])),
                 lambda frontier: _step(store, frontier, labels, types, data))
    keys = data.keys()
    for rel_type in types:
        data.rels.update(store.relationships(rel_type, keys))
    return Subgraph(data, _member_counts(store, data), center)


def _step(store, frontier: list[str], labels, types, data: GraphData) -> list[str]:
    """Add the neighbours of ``frontier`` (in the view) to ``data``; return the new ones."""
    found: set[tuple[str, str]] = set()
    for rel_type in types:
        found.update(store.sql(
            f"SELECT dst_label, dst FROM {q(rel_type)} WHERE src_label || ':' || src IN (SELECT unnest($keys::VARCHAR[])) "
            f"UNION SELECT src_label, src FROM {q(rel_type)} WHERE dst_label || ':' || dst IN (SELECT unnest($keys::VARCHAR[]))",
            {"keys": frontier}))
    new: dict[str, list[str]] = {}
    for label, node_id in found:
        if label in labels and node_id not in data.nodes[label]:
            new.setdefault(label, []).append(node_id)
    for label, ids in new.items():
        data.nodes[label].update(store.nodes(label, ids))
    return sorted(node_key(label, node_id) for label, ids in new.items() for node_id in ids)


def _member_counts(store, data: GraphData) -> dict[str, int]:
    counts = {}
    for label, rel in (("Organization", "MEMBER_OF"), ("Enterprise", "WORKS_AT")):
        ids = sorted(data.nodes[label])
        if ids:
            found = dict(store.sql(f"SELECT dst, count(*) FROM {q(rel)} WHERE dst IN (SELECT unnest($ids::VARCHAR[])) "
                                   "GROUP BY dst", {"ids": ids}))
            counts.update({node_key(label, node_id): found.get(node_id, 0) for node_id in ids})
    return counts
