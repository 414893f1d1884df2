// Rule checks: one row per finding, with the rule it comes from.
MATCH (o:Organization:Partygraph {level: 'joint_branch'})
WITH o, COUNT { (o)-[:COVERS]->() } AS units
WHERE units > $joint_max_units
RETURN 'joint_branch_over_five' AS check, 'Organization' AS label, o.id AS id, o.name AS name, units AS count,
       [] AS related, null AS due, $rule_joint_over_five AS rule
UNION ALL
MATCH (o:Organization:Partygraph)
WHERE o.level IN $branch_levels
WITH o, COUNT { ()-[:MEMBER_OF]->(o) } AS members
WHERE members > $branch_max_members
RETURN 'branch_over_50' AS check, 'Organization' AS label, o.id AS id, o.name AS name, members AS count,
       [] AS related, null AS due, $rule_branch_over_50 AS rule
UNION ALL
MATCH (o:Organization:Partygraph)
WHERE NOT EXISTS { ()-[:SECRETARY_OF]->(o) }
RETURN 'no_secretary' AS check, 'Organization' AS label, o.id AS id, o.name AS name, null AS count,
       [] AS related, null AS due, $rule_no_secretary AS rule
UNION ALL
MATCH (o:Organization:Partygraph)
WHERE NOT o.level IN $top_levels AND NOT EXISTS { (o)-[:SUBORDINATE_TO]->() }
RETURN 'no_superior' AS check, 'Organization' AS label, o.id AS id, o.name AS name, null AS count,
       [] AS related, null AS due, $rule_no_superior AS rule
UNION ALL
MATCH (o:Organization:Partygraph)
WHERE EXISTS { (o)-[:SUBORDINATE_TO*1..]->(o) }
RETURN 'hierarchy_cycle' AS check, 'Organization' AS label, o.id AS id, o.name AS name, null AS count,
       [] AS related, null AS due, $rule_cycle AS rule
UNION ALL
MATCH (a:Area:Partygraph)
WHERE EXISTS { (a)-[:PART_OF*1..]->(a) }
RETURN 'hierarchy_cycle' AS check, 'Area' AS label, a.id AS id, a.name AS name, null AS count,
       [] AS related, null AS due, $rule_cycle AS rule
UNION ALL
MATCH (m:Member:Partygraph)
WHERE NOT EXISTS { (m)-[:MEMBER_OF]->() } AND m.registered_at IS NULL
RETURN 'member_without_organization' AS check, 'Member' AS label, m.id AS id, m.name AS name, null AS count,
       [] AS related, null AS due, $rule_member_nowhere AS rule
UNION ALL
MATCH (o:Organization:Partygraph)-[:PAIRED_WITH]->(o)
RETURN 'self_pairing' AS check, 'Organization' AS label, o.id AS id, o.name AS name, null AS count,
       [] AS related, null AS due, $rule_pairing AS rule
UNION ALL
MATCH (a:Organization:Partygraph)-[:PAIRED_WITH]->(b:Organization)-[:PAIRED_WITH]->(a)
WHERE a.id < b.id
RETURN 'duplicate_pairing' AS check, 'Organization' AS label, a.id AS id, a.name AS name, null AS count,
       [b.id] AS related, null AS due, $rule_pairing AS rule
UNION ALL
// Terms of office (换届): a term ends its length after the election; $term_levels/$term_years give
// the default length by level (an organization's own term_years wins), organizations based in a
// community serve $community_term_years. Expired, or ending within $due_within_days of $as_of.
MATCH (o:Organization:Partygraph) WHERE o.elected IS NOT NULL
WITH o, coalesce(o.term_years,
       CASE WHEN o.level IN $term_levels
            THEN CASE WHEN EXISTS { (o)-[:BASED_IN]->(:Area {kind: 'community'}) } THEN $community_term_years
                      ELSE $term_years[[i IN range(0, size($term_levels) - 1) WHERE $term_levels[i] = o.level][0]] END
       END) AS years
WHERE years IS NOT NULL
WITH o, o.elected + duration({years: years}) AS ends
WITH o, ends, duration.inDays(ends, date($as_of)).days AS overdue
WHERE overdue > 0 OR overdue >= -$due_within_days
RETURN CASE WHEN overdue > 0 THEN 'term_expired' ELSE 'term_due' END AS check, 'Organization' AS label, o.id AS id,
       o.name AS name, abs(overdue) AS count, [] AS related, toString(ends) AS due,
       CASE WHEN overdue > 0 THEN $rule_term_expired ELSE $rule_term_due END AS rule
UNION ALL
MATCH (o:Organization:Partygraph)
WHERE o.level IN $branch_levels AND coalesce(o.committee, false) = false
WITH o, COUNT { (m:Member)-[:MEMBER_OF]->(o) WHERE m.status = 'full' } AS full_members
WHERE full_members >= $committee_at
RETURN 'committee_missing' AS check, 'Organization' AS label, o.id AS id, o.name AS name, full_members AS count,
       [] AS related, null AS due, $rule_committee_missing AS rule
