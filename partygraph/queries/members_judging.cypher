// Member m judged at cutoff (the day $lost_after_months months before $as_of), isolated mobile or
// out of contact (the rules: gaps_members.cypher), kept as m, isolated, lost when either holds and m
// is one of $ids (or $ids is null). Included by members_flagged.cypher, members_judged_ids.cypher,
// gaps_members_first.cypher and gaps_members_total.cypher. The judgement reads the member's own
// properties and relationships and the date alone: changes.py rejudges only the members whose record
// changed or whose last contact lies between two dates' cutoffs, and must widen that if a rule here
// comes to read anything else.
WITH m, cutoff,
     (coalesce(m.mobile, false) OR (NOT EXISTS { (m)-[:MEMBER_OF]->() } AND m.registered_at IS NOT NULL))
       AND NOT EXISTS { (m)-[:PARTICIPATES_IN]->() } AS isolated,
     m.last_contact IS NOT NULL AND m.last_contact < cutoff AS lost
WHERE (isolated OR lost) AND ($ids IS NULL OR m.id IN $ids)
