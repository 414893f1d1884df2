"""The query texts the stores run to answer the Store interface's own questions (what lies in a
place, the pairing network), beside the stores that run them: Cypher for Neo4j, its SQL twin for
the embedded store. The analyses (``partygraph.queries``) ask through the interface.
"""

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
