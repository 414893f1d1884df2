-- The embedded twin of gaps_members.cypher (read it for the rules): isolated mobile and
-- lost-contact members, each isolated one with a suggested home organization.
WITH RECURSIVE
-- include members_flagged.sql
,
hits AS (
  SELECT f.*, w.employer
  FROM flagged f
  LEFT JOIN (SELECT src, min(dst) AS employer FROM "WORKS_AT"
             WHERE src IN (SELECT id FROM flagged WHERE isolated OR lost) GROUP BY src) w ON w.src = f.id
  WHERE f.isolated OR f.lost
),
employers AS (SELECT DISTINCT employer FROM hits WHERE isolated AND employer IS NOT NULL),
-- include suggested_home.sql
SELECT h.id, h.name,
       list_concat(CASE WHEN h.isolated THEN ['isolated_mobile'] ELSE []::VARCHAR[] END,
                   CASE WHEN h.lost THEN ['lost_contact'] ELSE []::VARCHAR[] END) AS reasons,
       h.employer AS employer_id,
       CASE WHEN h.isolated THEN s.org END AS suggested_org_id,
       h.registered_at, CAST(h.last_contact AS VARCHAR) AS last_contact,
       CASE WHEN h.isolated AND h.lost THEN $rule_isolated || $separator || $rule_lost
            WHEN h.isolated THEN $rule_isolated ELSE $rule_lost END AS rule
FROM hits h LEFT JOIN suggested s ON s.employer = h.employer
