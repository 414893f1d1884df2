-- Included right after WITH RECURSIVE by the analyses that add figures up the area hierarchy
-- (coverage.sql, statistics.sql, statistics_contact.sql): "below" pairs every area with itself and
-- each area under it, at any depth (a cycle of PART_OF ends it).
below(above, area) AS (
  SELECT id, id FROM "Area"
  UNION
  SELECT p.dst, b.area FROM below b JOIN "PART_OF" p
    ON p.src = b.above AND p.src_label = 'Area' AND p.dst_label = 'Area'
),
