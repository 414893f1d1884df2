-- The embedded twin of gaps_members.cypher (read it for the rules): isolated mobile and
-- lost-contact members, each isolated one with a suggested home organization.
WITH RECURSIVE flagged AS (
  SELECT m.id, m.name, m.registered_at, m.last_contact,
         (coalesce(m.mobile, false)
            OR (NOT EXISTS (SELECT 1 FROM "MEMBER_OF" x WHERE x.src = m.id) AND m.registered_at IS NOT NULL))
           AND NOT EXISTS (SELECT 1 FROM "PARTICIPATES_IN" p WHERE p.src = m.id) AS isolated,
         m.last_contact IS NOT NULL
           AND m.last_contact < CAST(CAST($as_of AS DATE) - to_months($lost_after_months) AS DATE) AS lost
  FROM "Member" m
  WHERE ($ids::VARCHAR[] IS NULL OR list_contains($ids::VARCHAR[], m.id))
),
hits AS (
  SELECT f.*, (SELECT min(w.dst) FROM "WORKS_AT" w WHERE w.src = f.id) AS employer
  FROM flagged f WHERE f.isolated OR f.lost
),
employers AS (SELECT DISTINCT employer FROM hits WHERE isolated AND employer IS NOT NULL),
-- include suggested_home.sql
SELECT h.id, h.name,
       list_concat(CASE WHEN h.isolated THEN ['isolated_mobile'] ELSE []::VARCHAR[] END,
                   CASE WHEN h.lost THEN ['lost_contact'] ELSE []::VARCHAR[] END) AS reasons,
       h.employer AS employer_id,
       CASE WHEN h.isolated THEN s.org END AS suggested_org_id,
       h.registered_at, CAST(h.last_contact AS VARCHAR) AS last_contact
FROM hits h LEFT JOIN suggested s ON s.employer = h.employer
ORDER BY id
