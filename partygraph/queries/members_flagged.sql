-- Each member (of $ids, or every one) judged at $as_of: isolated mobile, lost contact (the rules:
-- gaps_members.cypher). Included by gaps_members.sql and members_judged.sql.
flagged AS (
  SELECT m.id, m.name, m.registered_at, m.last_contact,
         (coalesce(m.mobile, false) OR (r.src IS NULL AND m.registered_at IS NOT NULL)) AND p.src IS NULL AS isolated,
         m.last_contact IS NOT NULL
           AND m.last_contact < CAST(CAST($as_of AS DATE) - to_months($lost_after_months) AS DATE) AS lost
  FROM "Member" m
  LEFT JOIN (SELECT DISTINCT src FROM "MEMBER_OF") r ON r.src = m.id
  LEFT JOIN (SELECT DISTINCT src FROM "PARTICIPATES_IN") p ON p.src = m.id
  WHERE ($ids::VARCHAR[] IS NULL OR m.id IN (SELECT unnest($ids::VARCHAR[])))
)
