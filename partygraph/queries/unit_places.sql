-- Included after areas_below.sql and a CTE "units" (column id) by statistics.sql and
-- statistics_contact.sql: each unit's places, the whole register (NULL) and every area it lies in
-- through its building or its own area, at any depth.
places AS (
  SELECT id AS unit, NULL::VARCHAR AS place_id FROM units
  UNION ALL
  SELECT DISTINCT u.id, b.above
  FROM units u JOIN "LOCATED_IN" l ON l.src = u.id
       LEFT JOIN "PART_OF" p ON l.dst_label = 'Building' AND p.src = l.dst AND p.src_label = 'Building' AND p.dst_label = 'Area'
       JOIN below b ON b.area = CASE WHEN l.dst_label = 'Area' THEN l.dst ELSE p.dst END
),
