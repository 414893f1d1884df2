// The annual-report coverage statistics of two-new units (两新组织党组织覆盖情况): for the whole
// register (place_id null) and for each area with every area below it, a row per unit kind
// ($unit_rows: non_public, above_scale of them, social_org, individual, total) and a row of the
// members working in those units. As of $as_of (the report's 截至日期): organizations founded and
// members who joined after it are left out, and lost contact is judged at it. $place: only that
// area's rows. The rates and the columns derived from others (org_joint, uncovered, work_covered)
// are computed at the end.
WITH date($as_of) AS as_of
CALL (as_of) {
  MATCH (e:Enterprise:Partygraph) WHERE e.kind IN $unit_kinds
  // Most units have no organization, no member and no instructor: a degree check answers for them
  // without expanding anything (city: 5.7 s without these checks).
  WITH e, as_of, EXISTS { ()-[:COVERS]->(e) }
                 AND EXISTS { (o)-[:COVERS]->(e) WHERE o.founded IS NULL OR o.founded <= as_of } AS covered
  WITH e, as_of, covered,
       covered AND EXISTS { (o)-[:COVERS]->(e) WHERE (o.founded IS NULL OR o.founded <= as_of)
                                                AND coalesce(o.level, '') <> 'joint_branch' AND COUNT { (o)-[:COVERS]->() } = 1 } AS single
  WITH e, covered, single,
       CASE WHEN EXISTS { ()-[:WORKS_AT]->(e) }
            THEN COUNT { (m)-[:WORKS_AT]->(e) WHERE m.status = 'full' AND (m.joined IS NULL OR m.joined <= as_of) }
            ELSE 0 END AS full_members,
       EXISTS { ()-[:GUIDES]->(e) } AND EXISTS { (m)-[:GUIDES]->(e) WHERE m.joined IS NULL OR m.joined <= as_of } AS guided
  OPTIONAL MATCH (e)-[:LOCATED_IN]->(place)
  UNWIND [e.kind] + CASE WHEN e.kind = 'non_public' AND e.above_scale THEN ['above_scale'] ELSE [] END + ['total'] AS row
  // Added up per building (or area) first; then, once per building, whether an organization is
  // based in it (work coverage of the units neither covered nor guided) and the areas above it.
  WITH place, row, count(*) AS units,
       sum(CASE WHEN covered THEN 1 ELSE 0 END) AS org_covered,
       sum(CASE WHEN single THEN 1 ELSE 0 END) AS org_single,
       sum(CASE WHEN NOT covered AND full_members >= $found_branch_at THEN 1 ELSE 0 END) AS uncovered_3plus,
       sum(CASE WHEN NOT covered AND full_members >= 1 AND full_members < $found_branch_at THEN 1 ELSE 0 END) AS uncovered_1_2,
       sum(CASE WHEN NOT covered AND full_members = 0 THEN 1 ELSE 0 END) AS uncovered_none,
       sum(CASE WHEN NOT covered AND guided THEN 1 ELSE 0 END) AS uncovered_guided,
       sum(CASE WHEN NOT covered AND NOT guided THEN 1 ELSE 0 END) AS unreached
  WITH place, collect([row, units, org_covered, org_single, uncovered_3plus, uncovered_1_2, uncovered_none,
                       uncovered_guided, unreached]) AS figures
  CALL (place, as_of) {
    OPTIONAL MATCH (place)-[:PART_OF*0..]->(a:Area)
    RETURN [null] + collect(DISTINCT a.id) AS places,
           place IS NOT NULL AND place:Building
             AND EXISTS { (place)<-[:BASED_IN]-(o:Organization) WHERE o.founded IS NULL OR o.founded <= as_of } AS based
  }
  UNWIND figures AS f
  UNWIND [p IN places WHERE $place IS NULL OR p = $place] AS place_id
  RETURN 'units' AS table, f[0] AS row, place_id, f[1] AS units, f[2] AS org_covered, f[3] AS org_single,
         f[4] AS uncovered_3plus, f[5] AS uncovered_1_2, f[6] AS uncovered_none, f[7] AS uncovered_guided,
         CASE WHEN based THEN f[8] ELSE 0 END AS uncovered_based_in, 0 AS members, 0 AS full, 0 AS probationary, 0 AS mobile, 0 AS not_transferred, 0 AS lost_contact,
         0 AS lost_6m_1y, 0 AS lost_1y_5y, 0 AS lost_5y_10y, 0 AS lost_10y_plus
  UNION ALL
  MATCH (m:Member:Partygraph)-[:WORKS_AT]->(e:Enterprise)
  WHERE e.kind IN $unit_kinds AND (m.joined IS NULL OR m.joined <= as_of)
  WITH m, e, NOT EXISTS { (m)-[:MEMBER_OF]->() } AND m.registered_at IS NOT NULL AS not_transferred,
       CASE WHEN m.last_contact IS NULL OR NOT m.last_contact < as_of - duration({months: $lost_after_months}) THEN null
            WHEN m.last_contact > as_of - duration({years: 1}) THEN 'lost_6m_1y'
            WHEN m.last_contact > as_of - duration({years: 5}) THEN 'lost_1y_5y'
            WHEN m.last_contact > as_of - duration({years: 10}) THEN 'lost_5y_10y'
            ELSE 'lost_10y_plus' END AS lost
  OPTIONAL MATCH (e)-[:LOCATED_IN]->(place)
  WITH place, count(*) AS members, sum(CASE WHEN m.status = 'full' THEN 1 ELSE 0 END) AS full,
       sum(CASE WHEN m.status = 'probationary' THEN 1 ELSE 0 END) AS probationary,
       sum(CASE WHEN coalesce(m.mobile, false) OR not_transferred THEN 1 ELSE 0 END) AS mobile,
       sum(CASE WHEN not_transferred THEN 1 ELSE 0 END) AS not_transferred,
       sum(CASE WHEN lost IS NOT NULL THEN 1 ELSE 0 END) AS lost_contact,
       sum(CASE WHEN lost = 'lost_6m_1y' THEN 1 ELSE 0 END) AS lost_6m_1y,
       sum(CASE WHEN lost = 'lost_1y_5y' THEN 1 ELSE 0 END) AS lost_1y_5y,
       sum(CASE WHEN lost = 'lost_5y_10y' THEN 1 ELSE 0 END) AS lost_5y_10y,
       sum(CASE WHEN lost = 'lost_10y_plus' THEN 1 ELSE 0 END) AS lost_10y_plus
  CALL (place) {
    OPTIONAL MATCH (place)-[:PART_OF*0..]->(a:Area)
    RETURN [null] + collect(DISTINCT a.id) AS places
  }
  UNWIND [p IN places WHERE $place IS NULL OR p = $place] AS place_id
  RETURN 'members' AS table, 'members' AS row, place_id, 0 AS units, 0 AS org_covered, 0 AS org_single,
         0 AS uncovered_3plus, 0 AS uncovered_1_2, 0 AS uncovered_none, 0 AS uncovered_guided, 0 AS uncovered_based_in,
         members, full, probationary, mobile, not_transferred, lost_contact, lost_6m_1y, lost_1y_5y, lost_5y_10y,
         lost_10y_plus
  UNION ALL
  // Every row of every place, so that a place without units still shows its zeros.
  UNWIND [p IN [null] + COLLECT { MATCH (a:Area:Partygraph) RETURN a.id AS id } WHERE $place IS NULL OR p = $place] AS place_id
  UNWIND $unit_rows + ['members'] AS row
  RETURN CASE WHEN row = 'members' THEN 'members' ELSE 'units' END AS table, row, place_id, 0 AS units,
         0 AS org_covered, 0 AS org_single, 0 AS uncovered_3plus, 0 AS uncovered_1_2, 0 AS uncovered_none,
         0 AS uncovered_guided, 0 AS uncovered_based_in, 0 AS members, 0 AS full, 0 AS probationary, 0 AS mobile,
         0 AS not_transferred, 0 AS lost_contact, 0 AS lost_6m_1y, 0 AS lost_1y_5y, 0 AS lost_5y_10y, 0 AS lost_10y_plus
}
WITH table, row, place_id, sum(units) AS units, sum(org_covered) AS org_covered, sum(org_single) AS org_single,
     sum(uncovered_3plus) AS uncovered_3plus, sum(uncovered_1_2) AS uncovered_1_2, sum(uncovered_none) AS uncovered_none,
     sum(uncovered_guided) AS uncovered_guided, sum(uncovered_based_in) AS uncovered_based_in,
     sum(members) AS members, sum(full) AS full, sum(probationary) AS probationary, sum(mobile) AS mobile,
     sum(not_transferred) AS not_transferred, sum(lost_contact) AS lost_contact, sum(lost_6m_1y) AS lost_6m_1y,
     sum(lost_1y_5y) AS lost_1y_5y, sum(lost_5y_10y) AS lost_5y_10y, sum(lost_10y_plus) AS lost_10y_plus
OPTIONAL MATCH (p:Area:Partygraph {id: place_id})
WITH table, row, place_id, p.name AS place_name, units, org_covered, org_single, uncovered_3plus, uncovered_1_2,
     uncovered_none, uncovered_guided, uncovered_based_in, members, full, probationary, mobile, not_transferred,
     lost_contact, lost_6m_1y, lost_1y_5y, lost_5y_10y, lost_10y_plus,
     org_covered + uncovered_guided + uncovered_based_in AS work_covered
RETURN table, row, place_id, place_name, units, org_covered, org_single, uncovered_3plus, uncovered_1_2, uncovered_none,
       uncovered_guided, uncovered_based_in, members, full, probationary, mobile, not_transferred, lost_contact,
       lost_6m_1y, lost_1y_5y, lost_5y_10y, lost_10y_plus,
       org_covered - org_single AS org_joint, units - org_covered AS uncovered, work_covered,
       CASE WHEN units = 0 THEN null ELSE toFloat(org_covered) / units END AS org_rate,
       CASE WHEN units = 0 THEN null ELSE toFloat(work_covered) / units END AS work_rate
