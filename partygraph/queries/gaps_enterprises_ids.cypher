// gaps_enterprises.cypher for the enterprises $ids alone (a drawing's, the units whose coverage a change
// could move): each looked up by its id, not found by a scan of every enterprise (the city's
// 3,500 such units: 2 s by the scan).
UNWIND $ids AS id
MATCH (e:Enterprise:Partygraph {id: id})
WITH DISTINCT e WHERE NOT EXISTS { ()-[:COVERS]->(e) }
// include gaps_enterprises_rows.cypher
