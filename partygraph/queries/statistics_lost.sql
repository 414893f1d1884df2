-- The embedded twin of statistics_lost.cypher (read it for the definitions).
WITH RECURSIVE
-- include areas_below.sql
lost AS (
  SELECT w.dst AS unit,
         CASE WHEN m.last_contact > CAST(CAST($as_of AS DATE) - INTERVAL 1 YEAR AS DATE) THEN 'lost_6m_1y'
              WHEN m.last_contact > CAST(CAST($as_of AS DATE) - INTERVAL 5 YEAR AS DATE) THEN 'lost_1y_5y'
              WHEN m.last_contact > CAST(CAST($as_of AS DATE) - INTERVAL 10 YEAR AS DATE) THEN 'lost_5y_10y'
              ELSE 'lost_10y_plus' END AS bucket
  FROM "Member" m JOIN "WORKS_AT" w ON w.src = m.id JOIN "Enterprise" e ON e.id = w.dst
  WHERE list_contains($unit_kinds::VARCHAR[], e.kind)
    AND (m.joined IS NULL OR m.joined <= CAST($as_of AS DATE))
    AND m.last_contact < CAST(CAST($as_of AS DATE) - to_months($lost_after_months) AS DATE)
),
units AS (SELECT DISTINCT unit AS id FROM lost),
-- include unit_places.sql
placed AS (
  SELECT p.place_id, l.bucket FROM lost l JOIN places p ON p.unit = l.unit
  WHERE $place IS NULL OR p.place_id = $place
)
SELECT place_id, count(*) AS lost_contact,
       count(*) FILTER (WHERE bucket = 'lost_6m_1y') AS lost_6m_1y,
       count(*) FILTER (WHERE bucket = 'lost_1y_5y') AS lost_1y_5y,
       count(*) FILTER (WHERE bucket = 'lost_5y_10y') AS lost_5y_10y,
       count(*) FILTER (WHERE bucket = 'lost_10y_plus') AS lost_10y_plus
FROM placed
GROUP BY place_id
