// Members judged isolated mobile or out of contact at $as_of, without what gaps_members.cypher adds
// for people (the employer, a suggested home): what comparing two registers' judgements needs.
// include members_flagged.cypher
RETURN m.id AS id, m.name AS name,
       [reason IN [CASE WHEN isolated THEN 'isolated_mobile' END, CASE WHEN lost THEN 'lost_contact' END]
        WHERE reason IS NOT NULL] AS reasons,
       toString(m.last_contact) AS last_contact
