// A row of members_judged.cypher: member m with its reasons. Included by members_judged.cypher and
// members_judged_ids.cypher.
RETURN m.id AS id, m.name AS name,
       [reason IN [CASE WHEN isolated THEN 'isolated_mobile' END, CASE WHEN lost THEN 'lost_contact' END]
        WHERE reason IS NOT NULL] AS reasons,
       toString(m.last_contact) AS last_contact
