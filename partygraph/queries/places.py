"""What lies in a place, for analyses narrowed to it (``--place``): the enterprises located in a
building, or in an area (directly, or through its buildings) and every area below it, or the members working
at those enterprises. Both stores answer the same; Neo4j starts from the place's id, not a scan.
"""

from __future__ import annotations

from ..errors import UsageError
from ..i18n import _
from ..graph.model import node_key
from .view import View

#: The ids of the place's enterprises ($label 'Enterprise') or of the members working there
#: ('Member'). A place is looked up as an area and as a building; ``areas`` and ``buildings``
#: say which it was.
CYPHER = """
OPTIONAL MATCH (a:Area:Partygraph {id: $place})
OPTIONAL MATCH (b:Building:Partygraph {id: $place})
WITH a, b, COLLECT {
  MATCH (a)<-[:PART_OF*0..]-(:Area)<-[:PART_OF]-(:Building)<-[:LOCATED_IN]-(e:Enterprise) RETURN e
  UNION
  MATCH (a)<-[:PART_OF*0..]-(:Area)<-[:LOCATED_IN]-(e:Enterprise) RETURN e
  UNION
  MATCH (b)<-[:LOCATED_IN]-(e:Enterprise) RETURN e
} AS enterprises
RETURN CASE WHEN a IS NULL THEN 0 ELSE 1 END AS areas, CASE WHEN b IS NULL THEN 0 ELSE 1 END AS buildings,
       CASE $label WHEN 'Enterprise' THEN [e IN enterprises | e.id]
            ELSE COLLECT { UNWIND enterprises AS e MATCH (m:Member)-[:WORKS_AT]->(e) RETURN m.id } END AS ids
"""


def ids_in(store, place: str, label: str) -> list[str]:
    """Ids of the enterprises (``label="Enterprise"``) or members (``"Member"``) in ``place``."""
    areas, buildings, ids = store.place_ids(place, label)
    if areas + buildings == 0:
        raise UsageError(_("no area or building has the id {given!r}").format(given=place))
    if areas and buildings:
        raise UsageError(_("{given!r} is the id of an area and of a building; partygraph cannot tell which is meant").format(
            given=place))
    return sorted(set(ids))


def embedded_place_ids(view: View, place: str, label: str) -> tuple[int, int, list[str]]:
    """(is an area, is a building, ids in it) from the embedded store's graph, as :data:`CYPHER` answers."""
    area, building = node_key("Area", place), node_key("Building", place)
    is_area, is_building = int(area in view.graph), int(building in view.graph)
    seen = level = {area} if is_area else set()
    while level:                                      # downwards through PART_OF; a cycle ends it
        level = {a for parent in level for a in view.into(parent, "PART_OF")
                 if view.props(a)["label"] == "Area"} - seen
        seen = seen | level
    buildings = [building] if is_building else []
    buildings += [b for a in seen for b in view.into(a, "PART_OF") if view.props(b)["label"] == "Building"]
    found = [e for place in buildings + sorted(seen) for e in view.into(place, "LOCATED_IN")]
    if label == "Member":
        found = [m for e in found for m in view.into(e, "WORKS_AT")]
    return is_area, is_building, [view.id(key) for key in found]
