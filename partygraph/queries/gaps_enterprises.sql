-- The embedded twin of gaps_enterprises.cypher (read it for the rules): enterprises no
-- organization COVERS, their coverage, full members, action and the joint branches of their
-- building with room. Tables mirror the graph model (see graph/embedded.py).
WITH uncovered AS (
  SELECT e.id, e.name, e.employees, e.kind, e.above_scale,
         (SELECT min(l.dst) FROM "LOCATED_IN" l WHERE l.src = e.id AND l.dst_label = 'Building') AS building_id,
         (SELECT min(l.dst) FROM "LOCATED_IN" l WHERE l.src = e.id AND l.dst_label = 'Area') AS own_area
  FROM "Enterprise" e
  WHERE ($ids::VARCHAR[] IS NULL OR list_contains($ids::VARCHAR[], e.id))
    AND NOT EXISTS (SELECT 1 FROM "COVERS" c WHERE c.dst = e.id)
),
full_members AS (
  SELECT w.dst AS id, count(*) AS n
  FROM "WORKS_AT" w JOIN "Member" m ON m.id = w.src
  WHERE m.status = 'full' AND w.dst IN (SELECT id FROM uncovered)
  GROUP BY w.dst
),
joint AS (
  SELECT o.id FROM "Organization" o
  WHERE o.level = 'joint_branch' AND (SELECT count(*) FROM "COVERS" c WHERE c.src = o.id) < $joint_max_units
),
room AS (
  SELECT l.dst AS building_id, list(DISTINCT c.src ORDER BY c.src) AS ids
  FROM "LOCATED_IN" l JOIN "COVERS" c ON c.dst = l.src
  WHERE l.dst_label = 'Building' AND c.src IN (SELECT id FROM joint)
  GROUP BY l.dst
),
judged AS (
  SELECT u.*, coalesce(f.n, 0) AS full_members,
         coalesce((SELECT list(g.src ORDER BY g.src) FROM "GUIDES" g WHERE g.dst = u.id), []::VARCHAR[]) AS instructor_ids,
         CASE WHEN u.building_id IS NULL THEN u.own_area
              ELSE (SELECT min(p.dst) FROM "PART_OF" p
                    WHERE p.src = u.building_id AND p.src_label = 'Building' AND p.dst_label = 'Area') END AS area_id,
         CASE WHEN EXISTS (SELECT 1 FROM "GUIDES" g WHERE g.dst = u.id)
                OR EXISTS (SELECT 1 FROM "BASED_IN" b WHERE b.dst = u.building_id AND b.dst_label = 'Building')
              THEN 'work' ELSE 'none' END AS coverage
  FROM uncovered u LEFT JOIN full_members f ON f.id = u.id
),
acted AS (
  SELECT j.*, CASE WHEN full_members >= $found_branch_at THEN 'found_branch'
                   WHEN full_members >= 1 THEN 'joint_branch' ELSE 'send_instructor' END AS action
  FROM judged j
)
SELECT a.id, a.name, a.building_id, a.coverage, a.full_members, a.employees, a.action,
       a.kind, a.above_scale, a.area_id, a.instructor_ids,
       CASE WHEN a.action = 'joint_branch' THEN coalesce(r.ids, []::VARCHAR[]) ELSE []::VARCHAR[] END
         AS joint_branches_with_room,
       CASE a.action WHEN 'found_branch' THEN $rule_found WHEN 'joint_branch' THEN $rule_joint ELSE $rule_instructor END
         AS rule
FROM acted a LEFT JOIN room r ON r.building_id = a.building_id
