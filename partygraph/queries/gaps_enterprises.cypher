// Enterprises without organizational coverage (no organization COVERS them), most urgent first.
// coverage: "work" when an instructor GUIDES the enterprise or an organization is BASED_IN its
// building, else "none". action by full members (probationary ones do not count):
// >= 3 found_branch, 1-2 joint_branch (with the joint branches of its building that have room),
// 0 send_instructor. Parameters: $found_branch_at (3), $joint_max_units (5), and the rules' texts.
MATCH (e:Enterprise:Partygraph)
WHERE NOT EXISTS { (:Organization)-[:COVERS]->(e) }
OPTIONAL MATCH (e)-[:LOCATED_IN]->(b:Building)
WITH e, b,
     COUNT { (m:Member)-[:WORKS_AT]->(e) WHERE m.status = 'full' } AS full_members,
     EXISTS { (:Member)-[:GUIDES]->(e) } OR (b IS NOT NULL AND EXISTS { (:Organization)-[:BASED_IN]->(b) }) AS work
WITH e, b, full_members, work,
     CASE WHEN full_members >= $found_branch_at THEN 'found_branch'
          WHEN full_members >= 1 THEN 'joint_branch'
          ELSE 'send_instructor' END AS action
CALL (b, action) {
  OPTIONAL MATCH (j:Organization {level: 'joint_branch'})-[:COVERS]->(:Enterprise)-[:LOCATED_IN]->(b)
  WHERE action = 'joint_branch' AND COUNT { (j)-[:COVERS]->() } < $joint_max_units
  WITH DISTINCT j ORDER BY j.id
  RETURN collect(j.id) AS room
}
RETURN e.id AS id, e.name AS name, b.id AS building_id,
       CASE WHEN work THEN 'work' ELSE 'none' END AS coverage,
       full_members, e.employees AS employees, action,
       CASE action WHEN 'found_branch' THEN $rule_found WHEN 'joint_branch' THEN $rule_joint ELSE $rule_instructor END AS rule,
       room AS joint_branches_with_room
ORDER BY full_members DESC, coalesce(e.employees, -1) DESC, id
