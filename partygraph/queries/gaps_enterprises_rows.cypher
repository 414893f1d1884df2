// The rows of gaps_enterprises.cypher and gaps_enterprises_place.cypher, from the uncovered
// enterprises e they find.
OPTIONAL MATCH (e)-[:LOCATED_IN]->(b:Building)
WITH b, collect(e) AS uncovered
// Joint branches with room depend only on the building: found once per building.
CALL (b) {
  OPTIONAL MATCH (b)<-[:LOCATED_IN]-()<-[:COVERS]-(j:Organization {level: 'joint_branch'})
  WHERE COUNT { (j)-[:COVERS]->() } < $joint_max_units
  WITH DISTINCT j ORDER BY j.id
  RETURN collect(j.id) AS room
}
// So is whether an organization is based in the building (work coverage for all its enterprises)
// and the building's area.
WITH b.id AS building_id, room, b IS NOT NULL AND EXISTS { ()-[:BASED_IN]->(b) } AS based, uncovered,
     COLLECT { MATCH (b)-[:PART_OF]->(a:Area) RETURN a.id ORDER BY a.id LIMIT 1 } AS building_area
UNWIND uncovered AS e
WITH e, building_id, room, based,
     CASE WHEN building_id IS NULL THEN COLLECT { MATCH (e)-[:LOCATED_IN]->(a:Area) RETURN a.id ORDER BY a.id LIMIT 1 }
          ELSE building_area END AS area,
     CASE WHEN EXISTS { ()-[:WORKS_AT]->(e) }
          THEN COUNT { (m)-[:WORKS_AT]->(e) WHERE m.status = 'full' } ELSE 0 END AS full_members
WITH e, building_id, room, full_members, area,
     CASE WHEN based OR EXISTS { ()-[:GUIDES]->(e) } THEN 'work' ELSE 'none' END AS coverage,
     CASE WHEN full_members >= $found_branch_at THEN 'found_branch'
          WHEN full_members >= 1 THEN 'joint_branch'
          ELSE 'send_instructor' END AS action
RETURN e.id AS id, e.name AS name, building_id, coverage, full_members, e.employees AS employees, action,
       e.kind AS kind, e.above_scale AS above_scale, area[0] AS area_id,
       COLLECT { MATCH (m)-[:GUIDES]->(e) RETURN m.id ORDER BY m.id } AS instructor_ids,
       CASE WHEN action = 'joint_branch' THEN room ELSE [] END AS joint_branches_with_room,
       CASE action WHEN 'found_branch' THEN $rule_found WHEN 'joint_branch' THEN $rule_joint ELSE $rule_instructor END AS rule
