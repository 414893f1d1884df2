// Coverage rates per building and per area (rolled up through PART_OF), over the enterprises of
// the chosen base: $base = 'all', 'with_members' (at least one member works there) or
// 'min_employees' (employees >= $min_employees). Organizational coverage: an organization COVERS
// the enterprise. Work coverage: that, or an instructor GUIDES it, or an organization is BASED_IN
// its building. Rates are null where no enterprise is counted.
// In Neo4j Browser: :param base => 'all'; :param min_employees => 0; :param base_label => 'all'
CALL () {
  MATCH (place:Building:Partygraph)
  OPTIONAL MATCH (e:Enterprise)-[:LOCATED_IN]->(place)
  RETURN place, e
  UNION ALL
  MATCH (place:Area:Partygraph)
  OPTIONAL MATCH (e:Enterprise)-[:LOCATED_IN]->(:Building)-[:PART_OF]->(:Area)-[:PART_OF*0..]->(place)
  RETURN place, e
}
WITH DISTINCT place, e
WITH place, CASE WHEN $base = 'all'
                   OR ($base = 'with_members' AND EXISTS { (:Member)-[:WORKS_AT]->(e) })
                   OR ($base = 'min_employees' AND coalesce(e.employees, 0) >= $min_employees)
                 THEN e END AS e
WITH place, e,
     e IS NOT NULL AND EXISTS { (:Organization)-[:COVERS]->(e) } AS org,
     e IS NOT NULL AND (EXISTS { (:Organization)-[:COVERS]->(e) } OR EXISTS { (:Member)-[:GUIDES]->(e) }
                        OR EXISTS { (e)-[:LOCATED_IN]->(:Building)<-[:BASED_IN]-(:Organization) }) AS work
WITH place, count(e) AS enterprises, sum(CASE WHEN org THEN 1 ELSE 0 END) AS org_covered,
     sum(CASE WHEN work THEN 1 ELSE 0 END) AS work_covered
RETURN place.id AS place_id, place.name AS place_name,
       CASE WHEN place:Area THEN 'Area' ELSE 'Building' END AS place_label, place.kind AS place_kind,
       enterprises, org_covered, work_covered,
       CASE WHEN enterprises = 0 THEN null ELSE toFloat(org_covered) / enterprises END AS org_coverage_rate,
       CASE WHEN enterprises = 0 THEN null ELSE toFloat(work_covered) / enterprises END AS work_coverage_rate,
       $base_label AS base
ORDER BY place_label, place_id
