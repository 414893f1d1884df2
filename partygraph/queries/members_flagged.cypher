// Each member (of $ids, or every one) judged at $as_of, isolated mobile or lost contact (the rules:
// gaps_members.cypher), as m, isolated, lost. Included by gaps_members.cypher and members_judged.cypher.
WITH date($as_of) - duration({months: $lost_after_months}) AS cutoff
CALL (cutoff) {
  MATCH (m:Member:Partygraph) WHERE m.mobile = true RETURN m
  UNION
  MATCH (m:Member:Partygraph) WHERE m.registered_at IS NOT NULL RETURN m
  UNION
  MATCH (m:Member:Partygraph) WHERE m.last_contact < cutoff RETURN m
}
WITH m, cutoff,
     (coalesce(m.mobile, false) OR (NOT EXISTS { (m)-[:MEMBER_OF]->() } AND m.registered_at IS NOT NULL))
       AND NOT EXISTS { (m)-[:PARTICIPATES_IN]->() } AS isolated,
     m.last_contact IS NOT NULL AND m.last_contact < cutoff AS lost
WHERE (isolated OR lost) AND ($ids IS NULL OR m.id IN $ids)
