"""What lies in a place, for analyses narrowed to it (``--place``): the enterprises located in a
building, or in an area through its buildings and every area below it, and the members working
at those enterprises. Both stores answer the same; Neo4j starts from the place's id, not a scan.
"""

from __future__ import annotations

from ..errors import UsageError
from ..graph.model import node_key
from .view import View

#: The ids of the place's enterprises and of the members working there. A place is looked up as an
#: area and as a building; ``areas`` and ``buildings`` say which it was.
CYPHER = """
OPTIONAL MATCH (a:Area:Partygraph {id: $place})
OPTIONAL MATCH (b:Building:Partygraph {id: $place})
WITH a, b, COLLECT {
  MATCH (a)<-[:PART_OF*0..]-(:Area)<-[:PART_OF]-(:Building)<-[:LOCATED_IN]-(e:Enterprise) RETURN e
  UNION
  MATCH (b)<-[:LOCATED_IN]-(e:Enterprise) RETURN e
} AS enterprises
RETURN CASE WHEN a IS NULL THEN 0 ELSE 1 END AS areas, CASE WHEN b IS NULL THEN 0 ELSE 1 END AS buildings,
       [e IN enterprises | e.id] AS enterprises,
       COLLECT { UNWIND enterprises AS e MATCH (m:Member)-[:WORKS_AT]->(e) RETURN m.id } AS members
"""


def ids_in(store, place: str, label: str) -> list[str]:
    """Ids of the enterprises (``label="Enterprise"``) or members (``"Member"``) in ``place``."""
    if store.kind == "embedded":
        found = _embedded(View(store.networkx()), place)
    else:
        store.check_complete()
        row = store.run(CYPHER, place=place)[0]
        found = (row["areas"], row["buildings"], row["enterprises"], row["members"])
    areas, buildings, enterprises, members = found
    if areas + buildings == 0:
        raise UsageError(f"no area or building has the id {place!r}")
    if areas and buildings:
        raise UsageError(f"{place!r} is the id of an area and of a building; partygraph cannot tell which is meant")
    return sorted(set(enterprises if label == "Enterprise" else members))


def _embedded(view: View, place: str) -> tuple[int, int, list[str], list[str]]:
    area, building = node_key("Area", place), node_key("Building", place)
    areas = [area] if area in view.graph else []
    buildings = [building] if building in view.graph else []
    seen = set(areas)
    while areas:                                      # downwards through PART_OF; a cycle ends it
        below = [a for parent in areas for a in view.into(parent, "PART_OF")
                 if view.props(a)["label"] == "Area" and a not in seen]
        seen.update(below)
        areas = below
    found_area = int(area in view.graph)
    buildings += [b for a in seen for b in view.into(a, "PART_OF") if view.props(b)["label"] == "Building"]
    enterprises = [e for b in buildings for e in view.into(b, "LOCATED_IN")]
    members = [m for e in enterprises for m in view.into(e, "WORKS_AT")]
    return found_area, int(building in view.graph), [view.id(e) for e in enterprises], [view.id(m) for m in members]
