// The count of gaps_enterprises.cypher's rows (of $ids, or every one), without making them: the
// enterprises no organization covers. A limited page on Neo4j asks for the first rows (a top-N, no
// full sort) and this count (city: 1.1 s instead of 2.0).
MATCH (e:Enterprise:Partygraph)
WHERE ($ids IS NULL OR e.id IN $ids) AND NOT EXISTS { ()-[:COVERS]->(e) }
RETURN count(e) AS total
