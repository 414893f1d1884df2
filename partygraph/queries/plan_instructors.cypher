// Party-building instructors with room: members who GUIDE at least one and fewer than
// $instructor_load enterprises, with the buildings of those enterprises and, for enterprises known
// only by their area, those areas (an instructor is "of" the places where the units guided lie).
MATCH (m:Member:Partygraph)
WHERE EXISTS { (m)-[:GUIDES]->() }
WITH m, COUNT { (m)-[:GUIDES]->() } AS guided
WHERE guided < $instructor_load
RETURN m.id AS id, guided,
       COLLECT { MATCH (m)-[:GUIDES]->()-[:LOCATED_IN]->(b:Building) RETURN DISTINCT b.id AS b ORDER BY b } AS building_ids,
       COLLECT { MATCH (m)-[:GUIDES]->()-[:LOCATED_IN]->(a:Area) RETURN DISTINCT a.id AS a ORDER BY a } AS area_ids
