// Members whose organizational relationship is elsewhere (registered_at given, no MEMBER_OF in the
// data) though they work in a unit of the data: the people a 转入组织关系 drive is about. Each with
// the organization that should receive them (the suggested home, found as gaps_members.cypher
// finds it) and, when works_since is known, the whole months they have worked there at $as_of.
// $ids: only these members, or null for every one.
MATCH (m:Member:Partygraph)-[:WORKS_AT]->(e:Enterprise)
WHERE m.registered_at IS NOT NULL AND NOT EXISTS { (m)-[:MEMBER_OF]->() } AND ($ids IS NULL OR m.id IN $ids)
OPTIONAL MATCH (e)-[:LOCATED_IN]->(b)
WITH b, collect({m: m, e: e}) AS movers
CALL (b) {
  OPTIONAL MATCH (o)-[:BASED_IN]->(b)
  RETURN min(o.id) AS by_building
}
CALL (b, by_building) {
  WITH b WHERE by_building IS NULL AND b:Building
  OPTIONAL MATCH (j:Organization {level: 'joint_branch'})-[:COVERS]->(x)-[:LOCATED_IN]->(b)
  RETURN min(j.id) AS by_joint_branch
}
CALL (b, by_building, by_joint_branch) {
  WITH b WHERE by_building IS NULL AND by_joint_branch IS NULL
  OPTIONAL MATCH p = (b)-[:PART_OF*1..]->(:Area)<-[:BASED_IN]-(o)
  WITH o, length(p) AS distance ORDER BY distance, o.id
  RETURN head(collect(o.id)) AS by_area
}
UNWIND movers AS mover
WITH mover.m AS m, mover.e AS e, by_building, by_joint_branch, by_area, date($as_of) AS as_of
CALL (e) {
  OPTIONAL MATCH (o)-[:COVERS]->(e)
  RETURN min(o.id) AS by_employer
}
RETURN m.id AS id, m.name AS name, e.id AS employer_id, e.name AS employer_name, m.registered_at AS registered_at,
       coalesce(by_employer, by_building, by_joint_branch, by_area) AS suggested_org_id,
       toString(m.works_since) AS works_since,
       CASE WHEN m.works_since IS NULL OR m.works_since > as_of THEN null
            ELSE (as_of.year - m.works_since.year) * 12 + as_of.month - m.works_since.month
                 - CASE WHEN as_of.day < m.works_since.day THEN 1 ELSE 0 END END AS months_at_employer,
       $rule AS rule
