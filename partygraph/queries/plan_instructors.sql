-- The embedded twin of plan_instructors.cypher: instructors with room and where the units they guide lie.
WITH instructors AS (
  SELECT g.src AS id, count(*) AS guided FROM "GUIDES" g GROUP BY g.src HAVING count(*) < $instructor_load
)
SELECT i.id, i.guided,
       coalesce((SELECT list(DISTINCT l.dst ORDER BY l.dst) FROM "GUIDES" g JOIN "LOCATED_IN" l ON l.src = g.dst
                 WHERE g.src = i.id AND l.dst_label = 'Building'), []::VARCHAR[]) AS building_ids,
       coalesce((SELECT list(DISTINCT l.dst ORDER BY l.dst) FROM "GUIDES" g JOIN "LOCATED_IN" l ON l.src = g.dst
                 WHERE g.src = i.id AND l.dst_label = 'Area'), []::VARCHAR[]) AS area_ids
FROM instructors i
