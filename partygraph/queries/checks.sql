-- The embedded twin of checks.cypher (read it for the rules): one row per finding.
WITH RECURSIVE above_org(start, node) AS (      -- where each hierarchy leads, for cycles
  SELECT src, dst FROM "SUBORDINATE_TO"
  UNION
  SELECT r.start, s.dst FROM above_org r JOIN "SUBORDINATE_TO" s ON s.src = r.node
),
above_area(start, node) AS (
  SELECT src, dst FROM "PART_OF" WHERE src_label = 'Area' AND dst_label = 'Area'
  UNION
  SELECT r.start, p.dst FROM above_area r JOIN "PART_OF" p ON p.src = r.node AND p.src_label = 'Area' AND p.dst_label = 'Area'
),
org AS (
  SELECT o.*, (SELECT count(*) FROM "COVERS" c WHERE c.src = o.id) AS units,
         (SELECT count(*) FROM "MEMBER_OF" m WHERE m.dst = o.id) AS members
  FROM "Organization" o
)
SELECT 'joint_branch_over_five' AS "check", 'Organization' AS label, id, name, units AS count,
       []::VARCHAR[] AS related, NULL::VARCHAR AS due, $rule_joint_over_five AS rule
FROM org WHERE level = 'joint_branch' AND units > $joint_max_units
UNION ALL
SELECT 'branch_over_50', 'Organization', id, name, members, []::VARCHAR[], NULL, $rule_branch_over_50
FROM org WHERE list_contains($branch_levels::VARCHAR[], level) AND members > $branch_max_members
UNION ALL
SELECT 'no_secretary', 'Organization', id, name, NULL, []::VARCHAR[], NULL, $rule_no_secretary
FROM org WHERE NOT EXISTS (SELECT 1 FROM "SECRETARY_OF" s WHERE s.dst = org.id)
UNION ALL
SELECT 'no_superior', 'Organization', id, name, NULL, []::VARCHAR[], NULL, $rule_no_superior
FROM org WHERE NOT coalesce(list_contains($top_levels::VARCHAR[], level), false)
  AND NOT EXISTS (SELECT 1 FROM "SUBORDINATE_TO" s WHERE s.src = org.id)
UNION ALL
SELECT 'hierarchy_cycle', 'Organization', id, name, NULL, []::VARCHAR[], NULL, $rule_cycle
FROM org WHERE EXISTS (SELECT 1 FROM above_org r WHERE r.start = org.id AND r.node = org.id)
UNION ALL
SELECT 'hierarchy_cycle', 'Area', id, name, NULL, []::VARCHAR[], NULL, $rule_cycle
FROM "Area" a WHERE EXISTS (SELECT 1 FROM above_area r WHERE r.start = a.id AND r.node = a.id)
UNION ALL
SELECT 'member_without_organization', 'Member', id, name, NULL, []::VARCHAR[], NULL, $rule_member_nowhere
FROM "Member" m WHERE m.registered_at IS NULL AND NOT EXISTS (SELECT 1 FROM "MEMBER_OF" x WHERE x.src = m.id)
UNION ALL
SELECT 'self_pairing', 'Organization', o.id, o.name, NULL, []::VARCHAR[], NULL, $rule_pairing
FROM "Organization" o JOIN "PAIRED_WITH" p ON p.src = o.id AND p.dst = o.id
UNION ALL
SELECT 'duplicate_pairing', 'Organization', o.id, o.name, NULL, [b.src], NULL, $rule_pairing
FROM "Organization" o JOIN "PAIRED_WITH" a ON a.src = o.id JOIN "PAIRED_WITH" b ON b.src = a.dst AND b.dst = o.id
WHERE o.id < a.dst
UNION ALL
SELECT CASE WHEN t.overdue > 0 THEN 'term_expired' ELSE 'term_due' END, 'Organization', t.id, t.name, abs(t.overdue),
       []::VARCHAR[], CAST(t.ends AS VARCHAR), CASE WHEN t.overdue > 0 THEN $rule_term_expired ELSE $rule_term_due END
FROM (
  SELECT o.id, o.name, CAST(o.elected + to_years(y.years) AS DATE) AS ends,
         date_diff('day', CAST(o.elected + to_years(y.years) AS DATE), CAST($as_of AS DATE)) AS overdue
  FROM "Organization" o,
       LATERAL (SELECT coalesce(o.term_years,
                  CASE WHEN list_contains($term_levels::VARCHAR[], o.level)
                       THEN CASE WHEN EXISTS (SELECT 1 FROM "BASED_IN" b JOIN "Area" a ON a.id = b.dst
                                              WHERE b.src = o.id AND b.dst_label = 'Area' AND a.kind = 'community')
                                 THEN $community_term_years
                                 ELSE ($term_years::INTEGER[])[list_position($term_levels::VARCHAR[], o.level)] END
                  END) AS years) y
  WHERE o.elected IS NOT NULL AND y.years IS NOT NULL
) t
WHERE t.overdue > 0 OR t.overdue >= -$due_within_days
UNION ALL
SELECT 'committee_missing', 'Organization', o.id, o.name,
       (SELECT count(*) FROM "MEMBER_OF" x JOIN "Member" m ON m.id = x.src WHERE x.dst = o.id AND m.status = 'full'),
       []::VARCHAR[], NULL, $rule_committee_missing
FROM "Organization" o
WHERE list_contains($branch_levels::VARCHAR[], o.level) AND NOT coalesce(o.committee, false)
  AND (SELECT count(*) FROM "MEMBER_OF" x JOIN "Member" m ON m.id = x.src WHERE x.dst = o.id AND m.status = 'full') >= $committee_at
