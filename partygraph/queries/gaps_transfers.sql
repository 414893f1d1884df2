-- The embedded twin of gaps_transfers.cypher (read it for the rules).
WITH RECURSIVE movers AS (
  SELECT m.id, m.name, m.registered_at, m.works_since, w.dst AS employer
  FROM "Member" m JOIN "WORKS_AT" w ON w.src = m.id
  WHERE m.registered_at IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "MEMBER_OF" x WHERE x.src = m.id)
    AND ($ids::VARCHAR[] IS NULL OR list_contains($ids::VARCHAR[], m.id))
),
employers AS (SELECT DISTINCT employer FROM movers),
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
  FROM placed p JOIN "LOCATED_IN" l ON l.dst = p.place AND l.dst_label = 'Building'
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
SELECT m.id, m.name, m.employer AS employer_id, e.name AS employer_name, m.registered_at,
       coalesce(c.org, p.org, j.org, a.org) AS suggested_org_id, CAST(m.works_since AS VARCHAR) AS works_since,
       CASE WHEN m.works_since IS NULL OR m.works_since > CAST($as_of AS DATE) THEN NULL
            ELSE (year(CAST($as_of AS DATE)) - year(m.works_since)) * 12 + month(CAST($as_of AS DATE)) - month(m.works_since)
                 - CASE WHEN day(CAST($as_of AS DATE)) < day(m.works_since) THEN 1 ELSE 0 END END AS months_at_employer
FROM movers m JOIN "Enterprise" e ON e.id = m.employer
LEFT JOIN by_employer c ON c.employer = m.employer
LEFT JOIN by_place p ON p.employer = m.employer
LEFT JOIN by_joint_branch j ON j.employer = m.employer
LEFT JOIN by_area a ON a.employer = m.employer
ORDER BY coalesce(months_at_employer, -1) DESC, id, employer_id
