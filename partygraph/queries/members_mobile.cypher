// The members isolation can apply to (mobile = true, or registered_at given: gaps_members.cypher),
// found through the indexes on mobile and registered_at, as m. Included by members_flagged.cypher and
// gaps_members_total.cypher.
MATCH (m:Member:Partygraph) WHERE m.mobile = true RETURN m
UNION
MATCH (m:Member:Partygraph) WHERE m.registered_at IS NOT NULL RETURN m
