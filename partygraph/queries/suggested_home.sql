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
-- The first joint branch covering an enterprise of each building. ("Another enterprise" than the
-- employer needs no test here: an employer a joint branch covers is suggested its coverer first.)
joint_in_building AS (
  SELECT l.dst AS building, min(c.src) AS org
  FROM "Organization" o JOIN "COVERS" c ON c.src = o.id JOIN "LOCATED_IN" l ON l.src = c.dst AND l.dst_label = 'Building'
  WHERE o.level = 'joint_branch'
  GROUP BY l.dst
),
by_joint_branch AS (
  SELECT p.employer, j.org
  FROM placed p JOIN joint_in_building j ON j.building = p.place
  WHERE p.place_label = 'Building'
),
-- The places the employers lie in, and the areas enclosing each, nearest first (a cycle ends the walk).
places AS (SELECT DISTINCT place_label, place FROM placed),
above(place_label, place, area, distance) AS (
  SELECT p.place_label, p.place, x.dst, 1
  FROM places p JOIN "PART_OF" x ON x.src = p.place AND x.src_label = p.place_label AND x.dst_label = 'Area'
  UNION
  SELECT a.place_label, a.place, x.dst, a.distance + 1
  FROM above a JOIN "PART_OF" x ON x.src = a.area AND x.src_label = 'Area' AND x.dst_label = 'Area'
  WHERE a.distance < (SELECT count(*) FROM "Area")
),
by_area AS (
  SELECT p.employer, o.org
  FROM placed p JOIN (SELECT a.place_label, a.place, first(b.src ORDER BY a.distance, b.src) AS org
                      FROM above a JOIN "BASED_IN" b ON b.dst = a.area AND b.dst_label = 'Area'
                      GROUP BY a.place_label, a.place) o ON o.place = p.place AND o.place_label = p.place_label
),
suggested AS (
  SELECT e.employer, coalesce(c.org, p.org, j.org, a.org) AS org
  FROM employers e
  LEFT JOIN by_employer c ON c.employer = e.employer
  LEFT JOIN by_place p ON p.employer = e.employer
  LEFT JOIN by_joint_branch j ON j.employer = e.employer
  LEFT JOIN by_area a ON a.employer = e.employer
)
