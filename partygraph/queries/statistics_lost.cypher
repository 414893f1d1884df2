// Members out of contact at $as_of (last contact more than $lost_after_months months before it) who
// joined by then and work in a two-new unit ($unit_kinds), counted for the whole register (place_id
// null) and each area above their unit, by time since the last contact: the part of statistics that
// moves with the date. $place: only that area's row.
WITH date($as_of) AS as_of
MATCH (m:Member:Partygraph) WHERE m.last_contact < as_of - duration({months: $lost_after_months})
  AND (m.joined IS NULL OR m.joined <= as_of)
MATCH (m)-[:WORKS_AT]->(e:Enterprise) WHERE e.kind IN $unit_kinds
WITH e, CASE WHEN m.last_contact > as_of - duration({years: 1}) THEN 'lost_6m_1y'
             WHEN m.last_contact > as_of - duration({years: 5}) THEN 'lost_1y_5y'
             WHEN m.last_contact > as_of - duration({years: 10}) THEN 'lost_5y_10y'
             ELSE 'lost_10y_plus' END AS lost
OPTIONAL MATCH (e)-[:LOCATED_IN]->(place)
WITH place, lost, count(*) AS n
CALL (place) {
  OPTIONAL MATCH (place)-[:PART_OF*0..]->(a:Area)
  RETURN [null] + collect(DISTINCT a.id) AS places
}
UNWIND [p IN places WHERE $place IS NULL OR p = $place] AS place_id
RETURN place_id, sum(n) AS lost_contact,
       sum(CASE WHEN lost = 'lost_6m_1y' THEN n ELSE 0 END) AS lost_6m_1y,
       sum(CASE WHEN lost = 'lost_1y_5y' THEN n ELSE 0 END) AS lost_1y_5y,
       sum(CASE WHEN lost = 'lost_5y_10y' THEN n ELSE 0 END) AS lost_5y_10y,
       sum(CASE WHEN lost = 'lost_10y_plus' THEN n ELSE 0 END) AS lost_10y_plus
