// Organizations of non-public enterprises and social organizations without a co-construction
// partner, with candidates: unpaired government or community organizations (levels $candidate_levels,
// covering no such enterprise) in the nearest enclosing area that has any.
// An organization's area: the area it is BASED_IN; else the area of the building it is BASED_IN;
// else the smallest-id area of the enterprises it covers (their building's area, or their own area
// when they have no building).
CALL () {
  MATCH (c:Organization:Partygraph)
  WHERE c.level IN $candidate_levels AND NOT EXISTS { (c)-[:PAIRED_WITH]-() }
    AND NOT EXISTS { (c)-[:COVERS]->(x:Enterprise) WHERE x.kind IN $two_new_kinds }
  CALL (c) {
    OPTIONAL MATCH (c)-[:BASED_IN]->(a1:Area)
    OPTIONAL MATCH (c)-[:BASED_IN]->(:Building)-[:PART_OF]->(a2:Area)
    OPTIONAL MATCH (c)-[:COVERS]->(:Enterprise)-[:LOCATED_IN]->(:Building)-[:PART_OF]->(a3:Area)
    OPTIONAL MATCH (c)-[:COVERS]->(:Enterprise)-[:LOCATED_IN]->(a4:Area)
    WITH min(a1.id) AS a1, min(a2.id) AS a2, min(a3.id) AS a3, min(a4.id) AS a4
    RETURN coalesce(a1, a2, CASE WHEN a4 IS NULL OR a3 < a4 THEN a3 ELSE a4 END) AS area_id
  }
  WITH area_id, c.id AS candidate WHERE area_id IS NOT NULL
  WITH area_id, candidate ORDER BY candidate
  WITH area_id, collect(candidate) AS candidates
  RETURN collect([area_id, candidates]) AS by_area
}
MATCH (o:Organization:Partygraph)
WHERE EXISTS { (o)-[:COVERS]->(x:Enterprise) WHERE x.kind IN $two_new_kinds }
  AND NOT EXISTS { (o)-[:PAIRED_WITH]-() }
CALL (o) {
  OPTIONAL MATCH (o)-[:BASED_IN]->(a1:Area)
  OPTIONAL MATCH (o)-[:BASED_IN]->(:Building)-[:PART_OF]->(a2:Area)
  OPTIONAL MATCH (o)-[:COVERS]->(:Enterprise)-[:LOCATED_IN]->(:Building)-[:PART_OF]->(a3:Area)
  OPTIONAL MATCH (o)-[:COVERS]->(:Enterprise)-[:LOCATED_IN]->(a4:Area)
  WITH min(a1.id) AS a1, min(a2.id) AS a2, min(a3.id) AS a3, min(a4.id) AS a4
  RETURN coalesce(a1, a2, CASE WHEN a4 IS NULL OR a3 < a4 THEN a3 ELSE a4 END) AS area_id
}
// Candidates depend only on the area: looked up once per area.
WITH by_area, area_id, collect(o) AS unpaired
CALL (area_id, by_area) {
  OPTIONAL MATCH p = (:Area {id: area_id})-[:PART_OF*0..]->(enclosing:Area)
  WITH length(p) AS distance, enclosing.id AS enclosing_id, by_area
  WITH distance, [pair IN by_area WHERE pair[0] = enclosing_id | pair[1]][0] AS found
  WITH distance, found WHERE found IS NOT NULL
  WITH found ORDER BY distance
  RETURN coalesce(head(collect(found)), []) AS candidates
}
UNWIND unpaired AS o
RETURN o.id AS id, o.name AS name, area_id, candidates, $rule AS rule
