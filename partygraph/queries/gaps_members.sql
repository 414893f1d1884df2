-- The embedded twin of gaps_members.cypher (read it for the rules): isolated mobile and
-- lost-contact members, each isolated one with a suggested home organization.
WITH RECURSIVE flagged AS (
  SELECT m.id, m.name, m.registered_at, m.last_contact,
         (coalesce(m.mobile, false)
            OR (NOT EXISTS (SELECT 1 FROM "MEMBER_OF" x WHERE x.src = m.id) AND m.registered_at IS NOT NULL))
           AND NOT EXISTS (SELECT 1 FROM "PARTICIPATES_IN" p WHERE p.src = m.id) AS isolated,
         m.last_contact IS NOT NULL
           AND m.last_contact < CAST(CAST($as_of AS DATE) - to_months($lost_after_months) AS DATE) AS lost
  FROM "Member" m
  WHERE ($ids::VARCHAR[] IS NULL OR list_contains($ids::VARCHAR[], m.id))
),
hits AS (
  SELECT f.*, (SELECT min(w.dst) FROM "WORKS_AT" w WHERE w.src = f.id) AS employer
  FROM flagged f WHERE f.isolated OR f.lost
),
employers AS (SELECT DISTINCT employer FROM hits WHERE isolated AND employer IS NOT NULL),
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
)
SELECT h.id, h.name,
       list_concat(CASE WHEN h.isolated THEN ['isolated_mobile'] ELSE []::VARCHAR[] END,
                   CASE WHEN h.lost THEN ['lost_contact'] ELSE []::VARCHAR[] END) AS reasons,
       h.employer AS employer_id,
       CASE WHEN h.isolated THEN coalesce(e.org, p.org, j.org, a.org) END AS suggested_org_id,
       h.registered_at, CAST(h.last_contact AS VARCHAR) AS last_contact
FROM hits h
LEFT JOIN by_employer e ON e.employer = h.employer
LEFT JOIN by_place p ON p.employer = h.employer
LEFT JOIN by_joint_branch j ON j.employer = h.employer
LEFT JOIN by_area a ON a.employer = h.employer
ORDER BY id
