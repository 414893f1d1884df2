"""The scoped part of a Neo4j store (``Neo4jStore.subgraph``): one query per label and step outwards
from the scope, then the relationships among the chosen nodes and their member counts."""

from __future__ import annotations

from .data import GraphData
from .model import ids_by_label, node_key, split_key
from .neo4j_periods import model_label, model_type
from .neo4j_store import MARKER, _from_neo4j
from .subgraph import Subgraph, TooLarge, check_view, resolve_scope, walk_out


def from_neo4j(store, view: str, scope: str | None, depth: int, max_nodes: int) -> Subgraph:
    labels, types = check_view(view)
    store.check_complete()

    def has(key: str) -> bool:
        label, node_id = split_key(key)
        return bool(store.run(f"MATCH (n:{label}:{MARKER} {{id: $id}}) RETURN 1 AS found", id=node_id))

    center = resolve_scope(scope, has) if scope else None
    data = GraphData()
    if center is None:
        total = sum(store.run(f"MATCH (n:{label}:{MARKER}) RETURN count(n) AS c")[0]["c"] for label in labels)
        if total > max_nodes:
            raise TooLarge(total, max_nodes, scope)
        for label in labels:
            for row in store.run(f"MATCH (n:{label}:{MARKER}) RETURN properties(n) AS p"):
                data.add_node(label, _from_neo4j(row["p"]))
    else:
        def first(label: str, node_id: str) -> None:
            query = f"MATCH (n:{label}:{MARKER} {{id: $id}}) RETURN properties(n) AS p"
            data.add_node(label, _from_neo4j(store.run(query, id=node_id)[0]["p"]))

        walk_out(data, center, view, depth, max_nodes, scope, first,
                 lambda frontier: _step(store, frontier, labels, types, data))
    _add_relationships(store, data, types)
    return Subgraph(data, _member_counts(store, data), center)


def _step(store, frontier: list[str], labels, types, data: GraphData) -> list[str]:
    """Add the neighbours of ``frontier`` (in the view) to ``data``; return the new ones."""
    new = []
    for label, ids in ids_by_label(frontier).items():
        rows = store.run(
            f"UNWIND $ids AS id MATCH (n:{label}:{MARKER} {{id: id}})-[r]-(m:{MARKER}) "
            f"WHERE {model_type('r')} IN $types AND any(l IN labels(m) WHERE l IN $labels) "
            f"RETURN DISTINCT [l IN labels(m) WHERE l IN $labels][0] AS label, properties(m) AS p",
            ids=ids, types=list(types), labels=store.label_names(labels))
        for row in rows:
            props, found = _from_neo4j(row["p"]), model_label(row["label"])
            if props["id"] not in data.nodes[found]:
                data.add_node(found, props)
                new.append(node_key(found, props["id"]))
    return sorted(new)


def _add_relationships(store, data: GraphData, types) -> None:
    """Every relationship of the view among the chosen nodes."""
    for label, by_id in data.nodes.items():
        if not by_id:
            continue
        rows = store.run(
            f"UNWIND $ids AS id MATCH (a:{label}:{MARKER} {{id: id}})-[r]->(b:{MARKER}) WHERE {model_type('r')} IN $types "
            f"RETURN a.id AS f, {model_type('r')} AS t, [l IN labels(b) WHERE l IN $labels][0] AS label, b.id AS to, "
            f"properties(r) AS p", ids=sorted(by_id), types=list(types), labels=store.label_names(data.nodes))
        for row in rows:
            found = model_label(row["label"] or "")
            if row["to"] in data.nodes.get(found, {}):
                data.rels[(row["t"], node_key(label, row["f"]), node_key(found, row["to"]))] = _from_neo4j(row["p"])


def _member_counts(store, data: GraphData) -> dict[str, int]:
    counts = {}
    for label, rel in (("Organization", "MEMBER_OF"), ("Enterprise", "WORKS_AT")):
        ids = sorted(data.nodes[label])
        if ids:
            for row in store.run(f"UNWIND $ids AS id MATCH (n:{label}:{MARKER} {{id: id}}) "
                                 f"RETURN id, COUNT {{ (:Member)-[:{rel}]->(n) }} AS c", ids=ids):
                counts[node_key(label, row["id"])] = row["c"]
    return counts
