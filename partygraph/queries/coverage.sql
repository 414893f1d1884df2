-- The embedded twin of coverage.cypher (read it for the rules): coverage rates per building
-- and per area, rolled up through PART_OF; enterprises known only by their area count in it
-- and every area above it.
WITH RECURSIVE below(above, area) AS (        -- every area with itself and each area under it
  SELECT id, id FROM "Area"
  UNION
  SELECT p.dst, b.area FROM below b JOIN "PART_OF" p
    ON p.src = b.above AND p.src_label = 'Area' AND p.dst_label = 'Area'
),
counted AS (
  SELECT e.id,
         EXISTS (SELECT 1 FROM "COVERS" c WHERE c.dst = e.id) AS org,
         EXISTS (SELECT 1 FROM "GUIDES" g WHERE g.dst = e.id) AS guided
  FROM "Enterprise" e
  WHERE $base = 'all'
     OR ($base = 'with_members' AND EXISTS (SELECT 1 FROM "WORKS_AT" w WHERE w.dst = e.id))
     OR ($base = 'min_employees' AND coalesce(e.employees, 0) >= $min_employees)
),
in_building AS (
  SELECT l.dst AS building, c.org,
         c.org OR c.guided OR EXISTS (SELECT 1 FROM "BASED_IN" b WHERE b.dst = l.dst AND b.dst_label = 'Building') AS work
  FROM "LOCATED_IN" l JOIN counted c ON c.id = l.src
  WHERE l.dst_label = 'Building'
),
in_area AS (
  SELECT b.above AS area, x.org, x.work
  FROM below b JOIN "PART_OF" p ON p.dst = b.area AND p.src_label = 'Building' AND p.dst_label = 'Area'
       JOIN in_building x ON x.building = p.src
  UNION ALL
  SELECT b.above, c.org, c.org OR c.guided
  FROM below b JOIN "LOCATED_IN" l ON l.dst = b.area AND l.dst_label = 'Area' JOIN counted c ON c.id = l.src
),
figures AS (
  SELECT b.id AS place_id, b.name AS place_name, 'Building' AS place_label, NULL::VARCHAR AS place_kind,
         count(x.building) AS enterprises, count(x.building) FILTER (WHERE x.org) AS org_covered,
         count(x.building) FILTER (WHERE x.work) AS work_covered
  FROM "Building" b LEFT JOIN in_building x ON x.building = b.id
  GROUP BY b.id, b.name
  UNION ALL
  SELECT a.id, a.name, 'Area', a.kind,
         count(x.area), count(x.area) FILTER (WHERE x.org), count(x.area) FILTER (WHERE x.work)
  FROM "Area" a LEFT JOIN in_area x ON x.area = a.id
  GROUP BY a.id, a.name, a.kind
)
SELECT place_id, place_name, place_label, place_kind, enterprises, org_covered, work_covered,
       CASE WHEN enterprises = 0 THEN NULL ELSE org_covered / enterprises END AS org_coverage_rate,
       CASE WHEN enterprises = 0 THEN NULL ELSE work_covered / enterprises END AS work_coverage_rate,
       $base_label AS base
FROM figures
ORDER BY place_label, place_id
