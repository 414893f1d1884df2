-- The embedded twin of coverage.cypher (read it for the rules): coverage rates per building
-- and per area, rolled up through PART_OF; enterprises known only by their area count in it
-- and every area above it.
WITH RECURSIVE
-- include areas_below.sql
counted AS (
  SELECT e.id, c.dst IS NOT NULL AS org, g.dst IS NOT NULL AS guided
  FROM "Enterprise" e
  LEFT JOIN (SELECT DISTINCT dst FROM "COVERS") c ON c.dst = e.id
  LEFT JOIN (SELECT DISTINCT dst FROM "GUIDES") g ON g.dst = e.id
  WHERE $base = 'all'
     OR ($base = 'with_members' AND e.id IN (SELECT dst FROM "WORKS_AT"))
     OR ($base = 'min_employees' AND coalesce(e.employees, 0) >= $min_employees)
),
-- Added up per building (and per area for the enterprises known only by their area) first, then
-- rolled up: the areas hold thousands of buildings, not hundreds of thousands of enterprises.
in_building AS (
  SELECT l.dst AS building, count(*) AS enterprises, count(*) FILTER (WHERE c.org) AS org_covered,
         count(*) FILTER (WHERE c.org OR c.guided OR b.dst IS NOT NULL) AS work_covered
  FROM "LOCATED_IN" l JOIN counted c ON c.id = l.src
       LEFT JOIN (SELECT DISTINCT dst FROM "BASED_IN" WHERE dst_label = 'Building') b ON b.dst = l.dst
  WHERE l.dst_label = 'Building'
  GROUP BY l.dst
),
in_smallest_area AS (
  SELECT p.dst AS area, x.enterprises, x.org_covered, x.work_covered
  FROM "PART_OF" p JOIN in_building x ON x.building = p.src
  WHERE p.src_label = 'Building' AND p.dst_label = 'Area'
  UNION ALL
  SELECT l.dst, count(*), count(*) FILTER (WHERE c.org), count(*) FILTER (WHERE c.org OR c.guided)
  FROM "LOCATED_IN" l JOIN counted c ON c.id = l.src
  WHERE l.dst_label = 'Area'
  GROUP BY l.dst
),
in_area AS (
  SELECT b.above AS area, sum(x.enterprises) AS enterprises, sum(x.org_covered) AS org_covered,
         sum(x.work_covered) AS work_covered
  FROM below b JOIN in_smallest_area x ON x.area = b.area
  GROUP BY b.above
),
figures AS (
  SELECT b.id AS place_id, b.name AS place_name, 'Building' AS place_label, NULL::VARCHAR AS place_kind,
         coalesce(x.enterprises, 0) AS enterprises, coalesce(x.org_covered, 0) AS org_covered,
         coalesce(x.work_covered, 0) AS work_covered
  FROM "Building" b LEFT JOIN in_building x ON x.building = b.id
  UNION ALL
  SELECT a.id, a.name, 'Area', a.kind, CAST(coalesce(x.enterprises, 0) AS BIGINT),
         CAST(coalesce(x.org_covered, 0) AS BIGINT), CAST(coalesce(x.work_covered, 0) AS BIGINT)
  FROM "Area" a LEFT JOIN in_area x ON x.area = a.id
)
SELECT place_id, place_name, place_label, place_kind, enterprises, org_covered, work_covered,
       CASE WHEN enterprises = 0 THEN NULL ELSE org_covered / enterprises END AS org_coverage_rate,
       CASE WHEN enterprises = 0 THEN NULL ELSE work_covered / enterprises END AS work_coverage_rate,
       $base_label AS base
FROM figures
