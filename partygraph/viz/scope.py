"""The part of the graph a drawing shows: a view's labels and relationships, around a scope.

Both stores answer with the same ``Subgraph``; Neo4j is asked only for the scoped part (one
query per label and step outwards), never for the whole graph.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field

from ..errors import UsageError
from ..i18n import _
from ..graph.data import GraphData
from ..graph.model import node_key, split_key

VIEWS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "structure": (("Area", "Building", "Enterprise", "Organization", "Member"),
                  ("PART_OF", "LOCATED_IN", "SUBORDINATE_TO", "COVERS", "BASED_IN", "MEMBER_OF", "PARTICIPATES_IN",
                   "WORKS_AT", "GUIDES", "SECRETARY_OF", "PAIRED_WITH")),
    "hierarchy": (("Organization",), ("SUBORDINATE_TO",)),
    "pairings": (("Organization",), ("PAIRED_WITH",)),
}
SCOPE_LABELS = ("Area", "Building", "Organization", "Enterprise")


class TooLarge(UsageError):
    def __init__(self, count: int, limit: int, scope: str | None) -> None:
        hint = (_("pass --scope with an area, building, organization or enterprise id") if scope is None
                else _("choose a smaller --scope (a building or an organization), a smaller --depth"))
        super().__init__(_("the drawing would have more than {limit} nodes (at least {count}); {hint}, "
                           "a narrower --view (hierarchy, pairings), or raise --max-nodes").format(
                             limit=limit, count=count, hint=hint))


@dataclass
class Subgraph:
    data: GraphData
    members: dict[str, int] = field(default_factory=dict)     # node key -> members (organizations, enterprises)
    center: str | None = None


def _check_view(view: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    if view not in VIEWS:
        raise UsageError(_("--view expects one of {allowed}, not {given!r}").format(allowed=", ".join(VIEWS), given=view))
    return VIEWS[view]


def resolve_scope(scope: str, has: callable) -> str:
    """The node key of ``scope`` (an id, or ``Label:id``); ``has(key)`` says whether a node exists."""
    label, _colon, rest = scope.partition(":")
    if label in SCOPE_LABELS and rest and has(scope):
        return scope
    found = [node_key(label, scope) for label in SCOPE_LABELS if has(node_key(label, scope))]
    if not found:
        raise UsageError(_("no area, building, organization or enterprise has the id {given!r}").format(given=scope))
    if len(found) > 1:
        raise UsageError(_("{given!r} is the id of more than one node ({found}); say which, e.g. --scope {first}").format(
            given=scope, found=", ".join(found), first=found[0]))
    return found[0]


def from_networkx(graph, view: str, scope: str | None, depth: int, max_nodes: int) -> Subgraph:
    labels, types = _check_view(view)
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


def from_neo4j(store, view: str, scope: str | None, depth: int, max_nodes: int) -> Subgraph:
    from ..graph.neo4j_store import MARKER, _from_neo4j

    labels, types = _check_view(view)
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
        if split_key(center)[0] not in labels:
            raise UsageError(_("{center} is not part of the {view} view; try --view structure").format(center=center, view=view))
        label, node_id = split_key(center)
        data.add_node(label, _from_neo4j(store.run(f"MATCH (n:{label}:{MARKER} {{id: $id}}) RETURN properties(n) AS p",
                                                   id=node_id)[0]["p"]))
        frontier = [center]
        for _level in range(depth):
            found = _step(store, frontier, labels, types, data)
            count = sum(len(v) for v in data.nodes.values())
            if count > max_nodes:
                raise TooLarge(count, max_nodes, scope)
            frontier = found
            if not frontier:
                break
    _add_relationships(store, data, types)
    return Subgraph(data, _member_counts(store, data), center)


def _step(store, frontier: list[str], labels, types, data: GraphData) -> list[str]:
    """Add the neighbours of ``frontier`` (in the view) to ``data``; return the new ones."""
    from ..graph.neo4j_store import MARKER, _from_neo4j

    by_label: dict[str, list[str]] = {}
    for key in frontier:
        label, node_id = split_key(key)
        by_label.setdefault(label, []).append(node_id)
    new = []
    for label, ids in by_label.items():
        rows = store.run(
            f"UNWIND $ids AS id MATCH (n:{label}:{MARKER} {{id: id}})-[r]-(m:{MARKER}) "
            f"WHERE type(r) IN $types AND any(l IN labels(m) WHERE l IN $labels) "
            f"RETURN DISTINCT [l IN labels(m) WHERE l IN $labels][0] AS label, properties(m) AS p",
            ids=ids, types=list(types), labels=list(labels))
        for row in rows:
            props = _from_neo4j(row["p"])
            if props["id"] not in data.nodes[row["label"]]:
                data.add_node(row["label"], props)
                new.append(node_key(row["label"], props["id"]))
    return sorted(new)


def _add_relationships(store, data: GraphData, types) -> None:
    """Every relationship of the view among the chosen nodes."""
    from ..graph.neo4j_store import MARKER, _from_neo4j

    for label, by_id in data.nodes.items():
        if not by_id:
            continue
        rows = store.run(
            f"UNWIND $ids AS id MATCH (a:{label}:{MARKER} {{id: id}})-[r]->(b:{MARKER}) WHERE type(r) IN $types "
            f"RETURN a.id AS f, type(r) AS t, [l IN labels(b) WHERE l <> '{MARKER}'][0] AS label, b.id AS to, "
            f"properties(r) AS p", ids=sorted(by_id), types=list(types))
        for row in rows:
            if row["to"] in data.nodes.get(row["label"], {}):
                data.rels[(row["t"], node_key(label, row["f"]), node_key(row["label"], row["to"]))] = _from_neo4j(row["p"])


def _member_counts(store, data: GraphData) -> dict[str, int]:
    from ..graph.neo4j_store import MARKER

    counts = {}
    for label, rel in (("Organization", "MEMBER_OF"), ("Enterprise", "WORKS_AT")):
        ids = sorted(data.nodes[label])
        if ids:
            for row in store.run(f"UNWIND $ids AS id MATCH (n:{label}:{MARKER} {{id: id}}) "
                                 f"RETURN id, COUNT {{ (:Member)-[:{rel}]->(n) }} AS c", ids=ids):
                counts[node_key(label, row["id"])] = row["c"]
    return counts
