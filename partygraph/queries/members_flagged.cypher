// Each member (of $ids, or every one) judged at $as_of, isolated mobile or lost contact (the rules:
// gaps_members.cypher), as m, isolated, lost: the candidates found through the indexes on mobile,
// registered_at and last_contact. Included by gaps_members.cypher and members_judged.cypher.
WITH date($as_of) - duration({months: $lost_after_months}) AS cutoff
CALL (cutoff) {
// include members_mobile.cypher
  UNION
  MATCH (m:Member:Partygraph) WHERE m.last_contact < cutoff RETURN m
}
// include members_judging.cypher
