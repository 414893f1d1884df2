-- Included by the analyses that suggest a home organization (gaps_members.sql, gaps_transfers.sql),
-- after their own CTE "employers" (one column, employer): for each employer, "suggested" gives the
-- organization covering it; else one based in its building; else a joint branch covering another
-- enterprise of that building; else the organization based in the nearest enclosing area
-- (the smallest id at each step). The twin of the same steps in their Cypher files.
-- The employer's place: its building, or its area when no building is known.
placed AS (
  SELECT l.src AS employer, arg_min(l.dst_label, l.dst_label || ':' || l.dst) AS place_label,
         arg_min(l.dst, l.dst_label || ':' || l.dst) AS place
  FROM "LOCATED_IN" l WHERE l.src IN (SELECT employer FROM employers)
  GROUP BY l.src
),
by_employer AS (
  SELECT c.dst AS employer, min(c.src) AS org FROM "COVERS" c
  WHERE c.dst IN (SELECT employer FROM employers) GROUP BY c.dst
),
by_place AS (
  SELECT p.employer, min(b.src) AS org
  FROM placed p JOIN "BASED_IN" b ON b.dst = p.place AND b.dst_label = p.place_label
  GROUP BY p.employer
),
by_joint_branch AS (
  SELECT p.employer, min(c.src) AS org
  FROM placed p JOIN "LOCATED_IN" l ON l.dst = p.place AND l.dst_label = 'Building' AND l.src <> p.employer
       JOIN "COVERS" c ON c.dst = l.src JOIN "Organization" o ON o.id = c.src AND o.level = 'joint_branch'
  WHERE p.place_label = 'Building'
  GROUP BY p.employer
),
above(employer, area, distance) AS (      -- enclosing areas, nearest first; a cycle ends the walk
  SELECT p.employer, x.dst, 1
  FROM placed p JOIN "PART_OF" x ON x.src = p.place AND x.src_label = p.place_label AND x.dst_label = 'Area'
  UNION
  SELECT a.employer, x.dst, a.distance + 1
  FROM above a JOIN "PART_OF" x ON x.src = a.area AND x.src_label = 'Area' AND x.dst_label = 'Area'
  WHERE a.distance < (SELECT count(*) FROM "Area")
),
by_area AS (
  SELECT a.employer, first(b.src ORDER BY a.distance, b.src) AS org
  FROM above a JOIN "BASED_IN" b ON b.dst = a.area AND b.dst_label = 'Area'
  GROUP BY a.employer
),
suggested AS (
  SELECT e.employer, coalesce(c.org, p.org, j.org, a.org) AS org
  FROM employers e
  LEFT JOIN by_employer c ON c.employer = e.employer
  LEFT JOIN by_place p ON p.employer = e.employer
  LEFT JOIN by_joint_branch j ON j.employer = e.employer
  LEFT JOIN by_area a ON a.employer = e.employer
)
