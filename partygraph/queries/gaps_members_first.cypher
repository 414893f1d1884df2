// The first $limit rows of gaps_members.cypher by id: members are judged in the order of the index
// on id until $limit are found, and only those get an employer and a suggested home (a city's
// 245,000 rows made whole and then cut took 4 s). The count of all rows: gaps_members.py's TOTAL.
WITH date($as_of) - duration({months: $lost_after_months}) AS cutoff
MATCH (m:Member:Partygraph) WHERE m.id IS NOT NULL
WITH m, cutoff ORDER BY m.id
// include members_judging.cypher
WITH m, isolated, lost ORDER BY m.id LIMIT $limit
// include gaps_members_rows.cypher
