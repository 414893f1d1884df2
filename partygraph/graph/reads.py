"""The query texts the stores run to answer the Store interface's own questions (what lies in a
place, the pairing network), beside the stores that run them: Cypher for Neo4j, its SQL twin for
the embedded store. The analyses (``partygraph.queries``) ask through the interface.
"""

from __future__ import annotations

from ..errors import UsageError
from ..i18n import _


def ids_in(store, place: str, label: str) -> list[str]:
    """Ids of the enterprises (``label="Enterprise"``) or members (``"Member"``) in ``place``."""
    areas, buildings, ids = store.place_ids(place, label)
    check_place(place, areas, buildings)
    return sorted(set(ids))


def check_place(place: str, areas: int, buildings: int) -> None:
    """Refuse a place that is no area or building, or both (areas and buildings found with its id)."""
    if areas + buildings == 0:
        raise UsageError(_("no area or building has the id {given!r}").format(given=place))
    if areas and buildings:
        raise UsageError(_("{given!r} is the id of an area and of a building; partygraph cannot tell which is meant").format(
            given=place))

#: The ids of the place's enterprises ($label 'Enterprise') or of the members working there
#: ('Member'). A place is looked up as an area and as a building; ``areas`` and ``buildings``
#: say which it was.
PLACE_CYPHER = """
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

#: Whether an area and a building have the id $place (as ``areas`` and ``buildings`` of :data:`PLACE_CYPHER`).
PLACE_KIND_CYPHER = """
RETURN COUNT { (a:Area:Partygraph {id: $place}) } AS areas, COUNT { (b:Building:Partygraph {id: $place}) } AS buildings
"""

#: :data:`PLACE_CYPHER` for the embedded store: downwards through PART_OF (a cycle ends it).
PLACE_SQL = """
WITH RECURSIVE inside(area) AS (
  SELECT id FROM "Area" WHERE id = $place
  UNION
  SELECT p.src FROM inside i JOIN "PART_OF" p ON p.dst = i.area AND p.src_label = 'Area' AND p.dst_label = 'Area'
),
enterprises AS (
  SELECT l.src AS id FROM "LOCATED_IN" l
  WHERE (l.dst_label = 'Building' AND l.dst = $place)
     OR (l.dst_label = 'Area' AND l.dst IN (SELECT area FROM inside))
     OR (l.dst_label = 'Building' AND l.dst IN (SELECT p.src FROM "PART_OF" p WHERE p.src_label = 'Building'
                                               AND p.dst IN (SELECT area FROM inside)))
)
SELECT (SELECT count(*) FROM "Area" WHERE id = $place), (SELECT count(*) FROM "Building" WHERE id = $place),
       CASE WHEN $label = 'Enterprise' THEN (SELECT coalesce(list(id), []::VARCHAR[]) FROM enterprises)
            ELSE (SELECT coalesce(list(w.src), []::VARCHAR[]) FROM "WORKS_AT" w WHERE w.dst IN (SELECT id FROM enterprises))
       END
"""

#: Organizations with the ids they are PAIRED_WITH: (id, name, partner ids).
PAIRING_CYPHER = """
MATCH (o:Organization:Partygraph)
OPTIONAL MATCH (o)-[:PAIRED_WITH]->(p:Organization)
WITH o, collect(p.id) AS partners
RETURN collect([o.id, o.name, partners]) AS rows
"""

#: :data:`PAIRING_CYPHER` for the embedded store.
PAIRING_SQL = """
SELECT o.id, o.name, coalesce(list(p.dst ORDER BY p.dst) FILTER (WHERE p.dst IS NOT NULL), []::VARCHAR[])
FROM "Organization" o LEFT JOIN "PAIRED_WITH" p ON p.src = o.id
GROUP BY o.id, o.name
"""

#: Where a record is: the target of this relationship of its own (the first by id), a member's
#: employer's (``WORKS_AT``, then the enterprise's ``LOCATED_IN``). Pairings name an organization's.
PLACED_BY = {"Area": "PART_OF", "Building": "PART_OF", "Enterprise": "LOCATED_IN", "Organization": "BASED_IN"}


def places_sql(label: str) -> str:
    """The place (:data:`PLACED_BY`) of each node of ``label`` with an id in ``$ids``, for the embedded store."""
    if label == "Member":
        return """
WITH m AS (SELECT n.id, min(w.dst) AS employer FROM "Member" n LEFT JOIN "WORKS_AT" w ON w.src = n.id
           WHERE n.id IN (SELECT unnest($ids::VARCHAR[])) GROUP BY n.id)
SELECT m.id, min(l.dst) FROM m LEFT JOIN "LOCATED_IN" l ON l.src = m.employer GROUP BY m.id
"""
    return f"""
SELECT n.id, min(r.dst) FROM "{label}" n LEFT JOIN "{PLACED_BY[label]}" r ON r.src_label = '{label}' AND r.src = n.id
WHERE n.id IN (SELECT unnest($ids::VARCHAR[])) GROUP BY n.id
"""


def places_cypher(label: str) -> str:
    """:func:`places_sql` for Neo4j, one collected value of ``[id, [[employer or '', place], …]]``
    (the first of each chosen by the caller, as the embedded store's ``min``)."""
    if label == "Member":
        steps = ("COLLECT { MATCH (n)-[:WORKS_AT]->(e:Enterprise:Partygraph) "
                 "OPTIONAL MATCH (e)-[:LOCATED_IN]->(p:Partygraph) RETURN [e.id, p.id] }")
    else:
        steps = f"COLLECT {{ MATCH (n)-[:{PLACED_BY[label]}]->(p:Partygraph) RETURN ['', p.id] }}"
    return (f"CALL () {{ UNWIND $ids AS id MATCH (n:{label}:Partygraph {{id: id}}) RETURN n.id AS id, {steps} AS found }} "
            "RETURN collect([id, found])")


def first_place(found: list[list]) -> str | None:
    """The place :func:`places_sql` gives, from :func:`places_cypher`'s pairs: the first employer's first place.

    >>> first_place([["E2", "B1"], ["E1", None], ["E1", "B3"]])
    'B3'
    >>> first_place([]) is None
    True
    """
    if not found:
        return None
    employer = min(pair[0] for pair in found)
    places = [pair[1] for pair in found if pair[0] == employer and pair[1] is not None]
    return min(places) if places else None
