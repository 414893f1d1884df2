// Joint branches with room: level joint_branch, covering fewer than $max_units enterprises, with
// the buildings where a unit may join them (支部工作条例 第五条: neighbouring units): the buildings
// of the enterprises they cover and the building they are BASED_IN, sorted.
MATCH (j:Organization:Partygraph {level: 'joint_branch'})
WITH j, COUNT { (j)-[:COVERS]->() } AS units
WHERE units < $max_units
RETURN j.id AS id, j.name AS name, units,
       COLLECT {
         CALL (j) {
           MATCH (j)-[:COVERS]->()-[:LOCATED_IN]->(b:Building) RETURN b.id AS building
           UNION
           MATCH (j)-[:BASED_IN]->(b:Building) RETURN b.id AS building
         }
         RETURN building ORDER BY building
       } AS building_ids
