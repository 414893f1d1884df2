// Isolated mobile members and lost-contact members, with a suggested home organization.
// Mobile: mobile = true, or no MEMBER_OF with registered_at given instead. Isolated: mobile and
// no PARTICIPATES_IN. Lost contact: last_contact more than $lost_after_months months before $as_of.
// Suggested home (isolated members): the organization covering the employer; else one based in
// the employer's building; else a joint branch covering another enterprise of that building;
// else the organization based in the nearest enclosing area. Ties go to the smallest id. An
// employer known only by its area (no building) starts at that area: based in it, else above it.
// Candidates are found through the indexes on mobile, registered_at and last_contact.
// $ids: only these members (a drawing's), or null for every one.
// include members_flagged.cypher
// include gaps_members_rows.cypher
