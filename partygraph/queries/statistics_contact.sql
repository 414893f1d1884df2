-- The embedded twin of statistics_contact.cypher (read it for the definitions).
WITH RECURSIVE
-- include areas_below.sql
ranges AS (
  SELECT CAST(r[1] AS DATE) AS since, CAST(r[2] AS DATE) AS before FROM (SELECT unnest($ranges::VARCHAR[][]) AS r)
),
contact AS (
  SELECT w.dst AS unit, strftime(m.last_contact, '%Y-%m') AS month
  FROM "Member" m JOIN ranges r ON m.last_contact >= r.since AND m.last_contact < r.before
       JOIN "WORKS_AT" w ON w.src = m.id JOIN "Enterprise" e ON e.id = w.dst
  WHERE list_contains($unit_kinds::VARCHAR[], e.kind)
    AND (m.joined IS NULL OR m.joined <= CAST($as_of AS DATE))
),
units AS (SELECT DISTINCT unit AS id FROM contact),
-- include unit_places.sql
placed AS (
  SELECT p.place_id, c.month FROM contact c JOIN places p ON p.unit = c.unit
  WHERE $place IS NULL OR p.place_id = $place
)
SELECT place_id, month, count(*) AS members
FROM placed
GROUP BY place_id, month
