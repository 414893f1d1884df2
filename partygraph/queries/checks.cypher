// Rule checks: one row per finding, with the rule it comes from.
// In Neo4j Browser set the parameters listed in queries/checks.py (:param joint_max_units => 5 ...).
MATCH (o:Organization:Partygraph {level: 'joint_branch'})
WITH o, COUNT { (o)-[:COVERS]->(:Enterprise) } AS units
WHERE units > $joint_max_units
RETURN 'joint_branch_over_five' AS check, 'Organization' AS label, o.id AS id, o.name AS name, units AS count,
       [] AS related, $rule_joint_over_five AS rule
UNION ALL
MATCH (o:Organization:Partygraph)
WHERE o.level IN $branch_levels
WITH o, COUNT { (:Member)-[:MEMBER_OF]->(o) } AS members
WHERE members > $branch_max_members
RETURN 'branch_over_50' AS check, 'Organization' AS label, o.id AS id, o.name AS name, members AS count,
       [] AS related, $rule_branch_over_50 AS rule
UNION ALL
MATCH (o:Organization:Partygraph)
WHERE NOT EXISTS { (:Member)-[:SECRETARY_OF]->(o) }
RETURN 'no_secretary' AS check, 'Organization' AS label, o.id AS id, o.name AS name, null AS count,
       [] AS related, $rule_no_secretary AS rule
UNION ALL
MATCH (o:Organization:Partygraph)
WHERE NOT o.level IN $top_levels AND NOT EXISTS { (o)-[:SUBORDINATE_TO]->(:Organization) }
RETURN 'no_superior' AS check, 'Organization' AS label, o.id AS id, o.name AS name, null AS count,
       [] AS related, $rule_no_superior AS rule
UNION ALL
MATCH (o:Organization:Partygraph)
WHERE EXISTS { (o)-[:SUBORDINATE_TO*1..]->(o) }
RETURN 'hierarchy_cycle' AS check, 'Organization' AS label, o.id AS id, o.name AS name, null AS count,
       [] AS related, $rule_cycle AS rule
UNION ALL
MATCH (a:Area:Partygraph)
WHERE EXISTS { (a)-[:PART_OF*1..]->(a) }
RETURN 'hierarchy_cycle' AS check, 'Area' AS label, a.id AS id, a.name AS name, null AS count,
       [] AS related, $rule_cycle AS rule
UNION ALL
MATCH (m:Member:Partygraph)
WHERE NOT EXISTS { (m)-[:MEMBER_OF]->(:Organization) } AND m.registered_at IS NULL
RETURN 'member_without_organization' AS check, 'Member' AS label, m.id AS id, m.name AS name, null AS count,
       [] AS related, $rule_member_nowhere AS rule
UNION ALL
MATCH (o:Organization:Partygraph)-[:PAIRED_WITH]->(o)
RETURN 'self_pairing' AS check, 'Organization' AS label, o.id AS id, o.name AS name, null AS count,
       [] AS related, $rule_pairing AS rule
UNION ALL
MATCH (a:Organization:Partygraph)-[:PAIRED_WITH]->(b:Organization)-[:PAIRED_WITH]->(a)
WHERE a.id < b.id
RETURN 'duplicate_pairing' AS check, 'Organization' AS label, a.id AS id, a.name AS name, null AS count,
       [b.id] AS related, $rule_pairing AS rule
