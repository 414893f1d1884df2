-- The embedded twin of statistics.cypher (read it for the definitions).
WITH RECURSIVE
-- include areas_below.sql
founded AS (SELECT id, level FROM "Organization" WHERE founded IS NULL OR founded <= CAST($as_of AS DATE)),
joined AS (SELECT * FROM "Member" WHERE joined IS NULL OR joined <= CAST($as_of AS DATE)),
units AS (
  SELECT e.id, e.kind, coalesce(e.above_scale, false) AS above_scale,
         EXISTS (SELECT 1 FROM "COVERS" c JOIN founded o ON o.id = c.src WHERE c.dst = e.id) AS covered,
         EXISTS (SELECT 1 FROM "COVERS" c JOIN founded o ON o.id = c.src
                 WHERE c.dst = e.id AND coalesce(o.level, '') <> 'joint_branch'
                   AND (SELECT count(*) FROM "COVERS" x WHERE x.src = o.id) = 1) AS single,
         (SELECT count(*) FROM "WORKS_AT" w JOIN joined m ON m.id = w.src WHERE w.dst = e.id AND m.status = 'full')
           AS full_members,
         EXISTS (SELECT 1 FROM "GUIDES" g JOIN joined m ON m.id = g.src WHERE g.dst = e.id) AS guided,
         EXISTS (SELECT 1 FROM "LOCATED_IN" l JOIN "BASED_IN" b ON b.dst = l.dst AND b.dst_label = 'Building'
                 JOIN founded o ON o.id = b.src
                 WHERE l.src = e.id AND l.dst_label = 'Building') AS based
  FROM "Enterprise" e
  WHERE list_contains($unit_kinds::VARCHAR[], e.kind)
),
-- include unit_places.sql
unit_rows AS (
  SELECT u.*, r.row FROM units u,
       unnest(list_concat([u.kind], CASE WHEN u.kind = 'non_public' AND u.above_scale THEN ['above_scale'] ELSE []::VARCHAR[] END,
                          ['total'])) AS r(row)
),
unit_figures AS (
  SELECT 'units' AS "table", r.row, p.place_id, count(*) AS units,
         count(*) FILTER (WHERE r.covered) AS org_covered,
         count(*) FILTER (WHERE r.single) AS org_single,
         count(*) FILTER (WHERE NOT r.covered AND r.full_members >= $found_branch_at) AS uncovered_3plus,
         count(*) FILTER (WHERE NOT r.covered AND r.full_members >= 1 AND r.full_members < $found_branch_at) AS uncovered_1_2,
         count(*) FILTER (WHERE NOT r.covered AND r.full_members = 0) AS uncovered_none,
         count(*) FILTER (WHERE NOT r.covered AND r.guided) AS uncovered_guided,
         count(*) FILTER (WHERE NOT r.covered AND NOT r.guided AND r.based) AS uncovered_based_in,
         0 AS members, 0 AS "full", 0 AS probationary, 0 AS mobile, 0 AS not_transferred, 0 AS lost_contact,
         0 AS lost_6m_1y, 0 AS lost_1y_5y, 0 AS lost_5y_10y, 0 AS lost_10y_plus
  FROM unit_rows r JOIN places p ON p.unit = r.id
  GROUP BY r.row, p.place_id
),
workers AS (
  SELECT m.status, w.dst AS unit,
         NOT EXISTS (SELECT 1 FROM "MEMBER_OF" x WHERE x.src = m.id) AND m.registered_at IS NOT NULL AS not_transferred,
         coalesce(m.mobile, false) AS mobile,
         CASE WHEN m.last_contact IS NULL
                OR NOT m.last_contact < CAST(CAST($as_of AS DATE) - to_months($lost_after_months) AS DATE) THEN NULL
              WHEN m.last_contact > CAST(CAST($as_of AS DATE) - INTERVAL 1 YEAR AS DATE) THEN 'lost_6m_1y'
              WHEN m.last_contact > CAST(CAST($as_of AS DATE) - INTERVAL 5 YEAR AS DATE) THEN 'lost_1y_5y'
              WHEN m.last_contact > CAST(CAST($as_of AS DATE) - INTERVAL 10 YEAR AS DATE) THEN 'lost_5y_10y'
              ELSE 'lost_10y_plus' END AS lost
  FROM joined m JOIN "WORKS_AT" w ON w.src = m.id JOIN units u ON u.id = w.dst
),
member_figures AS (
  SELECT 'members' AS "table", 'members' AS row, p.place_id, 0 AS units, 0 AS org_covered, 0 AS org_single,
         0 AS uncovered_3plus, 0 AS uncovered_1_2, 0 AS uncovered_none, 0 AS uncovered_guided, 0 AS uncovered_based_in,
         count(*) AS members, count(*) FILTER (WHERE w.status = 'full') AS "full",
         count(*) FILTER (WHERE w.status = 'probationary') AS probationary,
         count(*) FILTER (WHERE w.mobile OR w.not_transferred) AS mobile,
         count(*) FILTER (WHERE w.not_transferred) AS not_transferred,
         count(*) FILTER (WHERE w.lost IS NOT NULL) AS lost_contact,
         count(*) FILTER (WHERE w.lost = 'lost_6m_1y') AS lost_6m_1y,
         count(*) FILTER (WHERE w.lost = 'lost_1y_5y') AS lost_1y_5y,
         count(*) FILTER (WHERE w.lost = 'lost_5y_10y') AS lost_5y_10y,
         count(*) FILTER (WHERE w.lost = 'lost_10y_plus') AS lost_10y_plus
  FROM workers w JOIN places p ON p.unit = w.unit
  GROUP BY p.place_id
),
every_row AS (        -- every row of every place, so that a place without units still shows its zeros
  SELECT CASE WHEN r.row = 'members' THEN 'members' ELSE 'units' END AS "table", r.row, a.place_id
  FROM (SELECT NULL::VARCHAR AS place_id UNION ALL SELECT id FROM "Area") a,
       unnest(list_concat($unit_rows::VARCHAR[], ['members'])) AS r(row)
),
figures AS (
  SELECT * FROM unit_figures UNION ALL BY NAME SELECT * FROM member_figures
)
SELECT e."table", e.row, e.place_id, a.name AS place_name,
       coalesce(f.units, 0) AS units, coalesce(f.org_covered, 0) AS org_covered, coalesce(f.org_single, 0) AS org_single,
       coalesce(f.uncovered_3plus, 0) AS uncovered_3plus, coalesce(f.uncovered_1_2, 0) AS uncovered_1_2,
       coalesce(f.uncovered_none, 0) AS uncovered_none, coalesce(f.uncovered_guided, 0) AS uncovered_guided,
       coalesce(f.uncovered_based_in, 0) AS uncovered_based_in, coalesce(f.members, 0) AS members,
       coalesce(f."full", 0) AS "full", coalesce(f.probationary, 0) AS probationary, coalesce(f.mobile, 0) AS mobile,
       coalesce(f.not_transferred, 0) AS not_transferred, coalesce(f.lost_contact, 0) AS lost_contact,
       coalesce(f.lost_6m_1y, 0) AS lost_6m_1y, coalesce(f.lost_1y_5y, 0) AS lost_1y_5y,
       coalesce(f.lost_5y_10y, 0) AS lost_5y_10y, coalesce(f.lost_10y_plus, 0) AS lost_10y_plus
FROM every_row e
LEFT JOIN figures f ON f."table" = e."table" AND f.row = e.row AND f.place_id IS NOT DISTINCT FROM e.place_id
LEFT JOIN "Area" a ON a.id = e.place_id
WHERE $place::VARCHAR IS NULL OR e.place_id = $place::VARCHAR
