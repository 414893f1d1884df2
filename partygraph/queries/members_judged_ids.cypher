// members_judged.cypher for the members $ids alone (those whose judgement a change of register could
// move): each looked up by its id, not found among every candidate (a city's quarter: 89,000 members
// instead of 181,000 candidates a side, both sides compared in 1.5 s instead of 3.7 s).
WITH date($as_of) - duration({months: $lost_after_months}) AS cutoff
UNWIND $ids AS id
MATCH (m:Member:Partygraph {id: id})
// include members_judging.cypher
// include members_judged_row.cypher
