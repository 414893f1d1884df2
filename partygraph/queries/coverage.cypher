// Coverage rates per building and per area (rolled up through PART_OF), over the enterprises of
// the chosen base: $base = 'all', 'with_members' (at least one member works there) or
// 'min_employees' (employees >= $min_employees). Organizational coverage: an organization COVERS
// the enterprise. Work coverage: that, or an instructor GUIDES it, or an organization is BASED_IN
// its building. Rates are null where no enterprise is counted. Each building's figures are
// computed once, then added to the building itself and to every area above it.
CALL () {
  MATCH (b:Building:Partygraph)
  CALL (b) {
    OPTIONAL MATCH (e)-[:LOCATED_IN]->(b)
    WITH CASE WHEN $base = 'all'
                OR ($base = 'with_members' AND EXISTS { ()-[:WORKS_AT]->(e) })
                OR ($base = 'min_employees' AND coalesce(e.employees, 0) >= $min_employees)
              THEN e END AS e,
         EXISTS { ()-[:BASED_IN]->(b) } AS building_reached
    WITH e, e IS NOT NULL AND EXISTS { ()-[:COVERS]->(e) } AS org, building_reached
    RETURN count(e) AS n,
           sum(CASE WHEN org THEN 1 ELSE 0 END) AS org,
           sum(CASE WHEN e IS NOT NULL AND (org OR building_reached OR EXISTS { ()-[:GUIDES]->(e) })
                    THEN 1 ELSE 0 END) AS work
  }
  OPTIONAL MATCH (b)-[:PART_OF]->(:Area)-[:PART_OF*0..]->(a:Area)
  WITH b, n, org, work, collect(DISTINCT a) AS areas
  UNWIND [b] + areas AS place
  RETURN place, n, org, work
  UNION ALL
  // Enterprises known only by their area (no building): counted in it and every area above it;
  // an organization based in an area does not by itself reach them (no work coverage from it).
  MATCH (x:Area:Partygraph)
  CALL (x) {
    OPTIONAL MATCH (e:Enterprise)-[:LOCATED_IN]->(x)
    WITH CASE WHEN $base = 'all'
                OR ($base = 'with_members' AND EXISTS { ()-[:WORKS_AT]->(e) })
                OR ($base = 'min_employees' AND coalesce(e.employees, 0) >= $min_employees)
              THEN e END AS e
    WITH e, e IS NOT NULL AND EXISTS { ()-[:COVERS]->(e) } AS org
    RETURN count(e) AS n,
           sum(CASE WHEN org THEN 1 ELSE 0 END) AS org,
           sum(CASE WHEN e IS NOT NULL AND (org OR EXISTS { ()-[:GUIDES]->(e) }) THEN 1 ELSE 0 END) AS work
  }
  WITH x, n, org, work WHERE n > 0
  MATCH (x)-[:PART_OF*0..]->(place:Area)
  WITH DISTINCT place, x, n, org, work
  RETURN place, n, org, work
  UNION ALL
  MATCH (place:Area:Partygraph)
  RETURN place, 0 AS n, 0 AS org, 0 AS work
}
WITH place, sum(n) AS enterprises, sum(org) AS org_covered, sum(work) AS work_covered
RETURN place.id AS place_id, place.name AS place_name,
       CASE WHEN place:Area THEN 'Area' ELSE 'Building' END AS place_label, place.kind AS place_kind,
       enterprises, org_covered, work_covered,
       CASE WHEN enterprises = 0 THEN null ELSE toFloat(org_covered) / enterprises END AS org_coverage_rate,
       CASE WHEN enterprises = 0 THEN null ELSE toFloat(work_covered) / enterprises END AS work_coverage_rate,
       $base_label AS base
