// Enterprises without organizational coverage (no organization COVERS them), most urgent first,
// with their kind, the area they lie in (their building's, else their own) and who GUIDES them.
// coverage: "work" when an instructor GUIDES the enterprise or an organization is BASED_IN its
// building, else "none". action by full members (probationary ones do not count):
// >= 3 found_branch, 1-2 joint_branch (with the joint branches of its building that have room),
// 0 send_instructor. Parameters: $found_branch_at (3), $joint_max_units (5), the rules' texts, and
// $ids: only these enterprises (a drawing's), or null for every one.
// An enterprise known only by its area (no building) has building_id null: an organization based in
// a whole area does not by itself reach it.
// Patterns leave out labels the model guarantees (only organizations COVER, only members GUIDE),
// so that Neo4j checks a node's degree instead of expanding its relationships.
MATCH (e:Enterprise:Partygraph)
WHERE ($ids IS NULL OR e.id IN $ids) AND NOT EXISTS { ()-[:COVERS]->(e) }
// include gaps_enterprises_rows.cypher
