// The first $limit rows of gaps_enterprises.cypher in its order (gaps_enterprises.py's ORDER_BY): the
// order's keys are found for every enterprise without coverage, the rest of a row only for the first
// (the city's 226,000: the joint branches with room of every building were found before the cut,
// 1.1-1.2 s on the server).
MATCH (e:Enterprise:Partygraph)
WHERE ($ids IS NULL OR e.id IN $ids) AND NOT EXISTS { ()-[:COVERS]->(e) }
WITH e, CASE WHEN EXISTS { ()-[:WORKS_AT]->(e) }
             THEN COUNT { (m)-[:WORKS_AT]->(e) WHERE m.status = 'full' } ELSE 0 END AS full_members
ORDER BY full_members DESC, coalesce(e.employees, -1) DESC, e.id
LIMIT $limit
WITH e
// include gaps_enterprises_rows.cypher
