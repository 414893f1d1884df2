-- The embedded twin of gaps_pairings.cypher (read it for the rules): organizations of two-new
-- units without a co-construction partner, with unpaired candidates of the nearest area that has any.
WITH RECURSIVE paired AS (
  SELECT src AS id FROM "PAIRED_WITH" UNION SELECT dst FROM "PAIRED_WITH"
),
two_new AS (
  SELECT DISTINCT c.src AS id FROM "COVERS" c JOIN "Enterprise" e ON e.id = c.dst
  WHERE list_contains($two_new_kinds::VARCHAR[], e.kind)
),
-- An organization's area: the area it is based in; else its building's area; else the smallest
-- area of the enterprises it covers (their building's area, or their own).
area_of AS (
  SELECT o.id,
         coalesce((SELECT min(b.dst) FROM "BASED_IN" b WHERE b.src = o.id AND b.dst_label = 'Area'),
                  (SELECT min(p.dst) FROM "BASED_IN" b JOIN "PART_OF" p ON p.src = b.dst AND p.src_label = 'Building'
                   WHERE b.src = o.id AND b.dst_label = 'Building'),
                  (SELECT min(CASE WHEN l.dst_label = 'Area' THEN l.dst ELSE p.dst END)
                   FROM "COVERS" c JOIN "LOCATED_IN" l ON l.src = c.dst
                        LEFT JOIN "PART_OF" p ON l.dst_label = 'Building' AND p.src_label = 'Building' AND p.src = l.dst
                   WHERE c.src = o.id)) AS area_id
  FROM "Organization" o
),
candidates AS (
  SELECT a.area_id, list(o.id ORDER BY o.id) AS ids
  FROM "Organization" o JOIN area_of a ON a.id = o.id
  WHERE list_contains($candidate_levels::VARCHAR[], o.level) AND o.id NOT IN (SELECT id FROM paired)
    AND o.id NOT IN (SELECT id FROM two_new) AND a.area_id IS NOT NULL
  GROUP BY a.area_id
),
unpaired AS (
  SELECT o.id, o.name, a.area_id FROM "Organization" o JOIN area_of a ON a.id = o.id
  WHERE o.id IN (SELECT id FROM two_new) AND o.id NOT IN (SELECT id FROM paired)
),
above(start, area, distance) AS (      -- each area and those enclosing it, nearest first
  SELECT DISTINCT area_id, area_id, 0 FROM unpaired WHERE area_id IS NOT NULL
  UNION
  SELECT a.start, p.dst, a.distance + 1
  FROM above a JOIN "PART_OF" p ON p.src = a.area AND p.src_label = 'Area' AND p.dst_label = 'Area'
  WHERE a.distance < (SELECT count(*) FROM "Area")
),
nearest AS (
  SELECT a.start, first(c.ids ORDER BY a.distance) AS ids
  FROM above a JOIN candidates c ON c.area_id = a.area
  GROUP BY a.start
)
SELECT u.id, u.name, u.area_id, coalesce(n.ids, []::VARCHAR[]) AS candidates, $rule AS rule
FROM unpaired u LEFT JOIN nearest n ON n.start = u.area_id
