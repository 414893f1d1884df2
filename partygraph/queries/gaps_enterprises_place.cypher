// gaps_enterprises.cypher for the enterprises of one place, $within: found from it, through the
// areas below it and their buildings (or in the building), not by a scan of every enterprise.
CALL () {
  MATCH (:Area:Partygraph {id: $within})<-[:PART_OF*0..]-()<-[:LOCATED_IN]-(e:Enterprise) RETURN DISTINCT e
  UNION
  MATCH (:Building:Partygraph {id: $within})<-[:LOCATED_IN]-(e:Enterprise) RETURN e
}
WITH e WHERE NOT EXISTS { ()-[:COVERS]->(e) }
// include gaps_enterprises_rows.cypher
