// Members who joined by $as_of and work in a two-new unit ($unit_kinds), whose last contact falls in
// one of $ranges (disjoint [since, before) pairs of ISO dates), counted per month of their last
// contact (YYYY-MM) for the whole register (place_id null) and each area above their unit. $place:
// only that area's rows. What statistics keeps of a period to count who is out of contact at any
// later date (the thresholds of statistics.cypher) without reading every such member again.
WITH date($as_of) AS as_of
UNWIND $ranges AS range
MATCH (m:Member:Partygraph) WHERE m.last_contact >= date(range[0]) AND m.last_contact < date(range[1])
  AND (m.joined IS NULL OR m.joined <= as_of)
MATCH (m)-[:WORKS_AT]->(e:Enterprise) WHERE e.kind IN $unit_kinds
WITH e, substring(toString(m.last_contact), 0, 7) AS month, count(*) AS n
OPTIONAL MATCH (e)-[:LOCATED_IN]->(place)
WITH place, month, sum(n) AS n
CALL (place) {
  OPTIONAL MATCH (place)-[:PART_OF*0..]->(a:Area)
  RETURN [null] + collect(DISTINCT a.id) AS places
}
UNWIND [p IN places WHERE $place IS NULL OR p = $place] AS place_id
RETURN place_id, month, sum(n) AS members
