// The rows of gaps_members.cypher and gaps_members_first.cypher, from the members m they judged
// (isolated, lost): each one's employer and, for the isolated, a suggested home.
OPTIONAL MATCH (m)-[:WORKS_AT]->(e)
OPTIONAL MATCH (e)-[:LOCATED_IN]->(b)
// The building's steps of the suggestion depend only on the building: found once per building,
// each only when the steps before it found nothing (aggregations keep one row each).
// (A joint branch covering *another* enterprise: the step is reached only when nothing covers
// the employer, so any joint branch covering an enterprise of the building covers another one.)
WITH b, collect({m: m, e: e, isolated: isolated, lost: lost}) AS flagged
CALL (b) {
  OPTIONAL MATCH (o)-[:BASED_IN]->(b)
  RETURN min(o.id) AS by_building
}
CALL (b, by_building) {
  WITH b WHERE by_building IS NULL AND b:Building
  OPTIONAL MATCH (j:Organization {level: 'joint_branch'})-[:COVERS]->(x)-[:LOCATED_IN]->(b)
  WHERE EXISTS { ()-[:COVERS]->(x) }
  RETURN min(j.id) AS by_joint_branch
}
CALL (b, by_building, by_joint_branch) {
  WITH b WHERE by_building IS NULL AND by_joint_branch IS NULL
  OPTIONAL MATCH p = (b)-[:PART_OF*1..]->(:Area)<-[:BASED_IN]-(o)
  WITH o, length(p) AS distance ORDER BY distance, o.id
  RETURN head(collect(o.id)) AS by_area
}
UNWIND flagged AS f
WITH f.m AS m, f.e AS e, f.isolated AS isolated, f.lost AS lost, by_building, by_joint_branch, by_area
CALL (e, isolated) {
  WITH e WHERE isolated AND e IS NOT NULL
  OPTIONAL MATCH (o)-[:COVERS]->(e)
  RETURN min(o.id) AS by_employer
}
WITH m, e, isolated, lost,
     CASE WHEN isolated AND e IS NOT NULL THEN coalesce(by_employer, by_building, by_joint_branch, by_area) END AS suggestion
RETURN m.id AS id, m.name AS name,
       [reason IN [CASE WHEN isolated THEN 'isolated_mobile' END, CASE WHEN lost THEN 'lost_contact' END]
        WHERE reason IS NOT NULL] AS reasons,
       e.id AS employer_id, suggestion AS suggested_org_id,
       m.registered_at AS registered_at, toString(m.last_contact) AS last_contact,
       CASE WHEN isolated AND lost THEN $rule_isolated + $separator + $rule_lost
            WHEN isolated THEN $rule_isolated ELSE $rule_lost END AS rule
