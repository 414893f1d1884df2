-- The embedded twin of members_judged.cypher: each member judged isolated mobile or out of contact.
WITH
-- include members_flagged.sql
SELECT id, name,
       list_concat(CASE WHEN isolated THEN ['isolated_mobile'] ELSE []::VARCHAR[] END,
                   CASE WHEN lost THEN ['lost_contact'] ELSE []::VARCHAR[] END) AS reasons,
       CAST(last_contact AS VARCHAR) AS last_contact
FROM flagged WHERE isolated OR lost
