-- The embedded twin of gaps_transfers.cypher (read it for the rules).
WITH RECURSIVE movers AS (
  SELECT m.id, m.name, m.registered_at, m.works_since, w.dst AS employer
  FROM "Member" m JOIN "WORKS_AT" w ON w.src = m.id
  WHERE m.registered_at IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "MEMBER_OF" x WHERE x.src = m.id)
    AND ($ids::VARCHAR[] IS NULL OR list_contains($ids::VARCHAR[], m.id))
),
employers AS (SELECT DISTINCT employer FROM movers),
-- include suggested_home.sql
SELECT m.id, m.name, m.employer AS employer_id, e.name AS employer_name, m.registered_at,
       s.org AS suggested_org_id, CAST(m.works_since AS VARCHAR) AS works_since,
       CASE WHEN m.works_since IS NULL OR m.works_since > CAST($as_of AS DATE) THEN NULL
            ELSE (year(CAST($as_of AS DATE)) - year(m.works_since)) * 12 + month(CAST($as_of AS DATE)) - month(m.works_since)
                 - CASE WHEN day(CAST($as_of AS DATE)) < day(m.works_since) THEN 1 ELSE 0 END END AS months_at_employer,
       $rule AS rule
FROM movers m JOIN "Enterprise" e ON e.id = m.employer LEFT JOIN suggested s ON s.employer = m.employer
