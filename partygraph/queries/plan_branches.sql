-- The embedded twin of plan_branches.cypher (read it for the rule): joint branches with room and
-- the buildings where a unit may join them.
WITH joint AS (
  SELECT o.id, o.name, (SELECT count(*) FROM "COVERS" c WHERE c.src = o.id) AS units
  FROM "Organization" o WHERE o.level = 'joint_branch'
),
places AS (
  SELECT c.src AS id, l.dst AS building
  FROM "COVERS" c JOIN "LOCATED_IN" l ON l.src = c.dst AND l.dst_label = 'Building'
  UNION
  SELECT b.src, b.dst FROM "BASED_IN" b WHERE b.dst_label = 'Building'
)
SELECT j.id, j.name, j.units,
       coalesce((SELECT list(p.building ORDER BY p.building) FROM places p WHERE p.id = j.id), []::VARCHAR[]) AS building_ids
FROM joint j
WHERE j.units < $max_units
