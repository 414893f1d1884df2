// Members judged isolated mobile or out of contact at $as_of, without what gaps_members.cypher adds
// for people (the employer, a suggested home): what comparing two registers' judgements needs.
// include members_flagged.cypher
// include members_judged_row.cypher
