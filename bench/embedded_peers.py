"""The embedded store beside what a user would pick instead, on the same generated city.

    python bench/embedded_peers.py [--enterprises 300000] [--runs 3] [--workdir DIR]

The question: "which enterprises have no organization, with their full members", every row as
JSON. Each contestant runs in a fresh process, as a command does (best of ``--runs``):

- partygraph: ``partygraph gaps enterprises --format json`` on its store (the whole command: it
  also finds each enterprise's coverage, action and joint branches with room);
- DuckDB from CSV: a script that asks DuckDB straight from the register files;
- DuckDB file: the same script on a DuckDB file loaded from them beforehand;
- LadybugDB (``real_ladybug``, the embedded Cypher database that continues Kùzu), when installed:
  load, open and answer in Cypher.

Target: partygraph ≥ 1.0× the DuckDB-file peer (its time no longer than the peer's).
"""

from __future__ import annotations

import argparse
import compileall
import csv
import importlib.util
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import ROOT, measure, row

sys.path.insert(0, str(ROOT))
from partygraph.queries import rules  # noqa: E402  (the rule texts the peer writes too)

PEER_SQL = """
WITH covered AS (
  SELECT DISTINCT unnest(string_split(enterprise_ids, ';')) AS id FROM {organizations} WHERE enterprise_ids IS NOT NULL
),
guided AS (SELECT DISTINCT unnest(string_split(guides, ';')) AS id FROM {members}),
based AS (SELECT DISTINCT based_in AS id FROM {organizations} WHERE based_in IS NOT NULL),
full_members AS (SELECT employer_id AS id, count(*) AS n FROM {members} WHERE status = 'full' GROUP BY 1),
judged AS (
  SELECT e.id, e.name, e.building_id, coalesce(f.n, 0) AS full_members, e.employees,
         CASE WHEN g.id IS NOT NULL OR x.id IS NOT NULL THEN 'work' ELSE 'none' END AS coverage
  FROM {enterprises} e LEFT JOIN full_members f ON f.id = e.id LEFT JOIN guided g ON g.id = e.id
       LEFT JOIN based x ON x.id = e.building_id
  WHERE e.id NOT IN (SELECT id FROM covered)
)
SELECT id, name, building_id, coverage, full_members, employees,
       CASE WHEN full_members >= 3 THEN 'found_branch' WHEN full_members >= 1 THEN 'joint_branch'
            ELSE 'send_instructor' END AS action, []::VARCHAR[] AS joint_branches_with_room,
       CASE WHEN full_members >= 3 THEN '{rule_found}' WHEN full_members >= 1 THEN '{rule_joint}'
            ELSE '{rule_instructor}' END AS rule
FROM judged
ORDER BY full_members DESC, coalesce(employees, -1) DESC, id
"""
#: The keys every row of ``gaps enterprises --format json`` has, with the rules' texts: the peer
#: writes as much as partygraph does (joint branches with room left empty, which favours it).
RULES = {"rule_found": rules.FOUND_BRANCH, "rule_joint": rules.JOINT_BRANCH, "rule_instructor": rules.SEND_INSTRUCTOR}
PEER_MEMBERS_SQL = """
SELECT id, name,
       list_concat(CASE WHEN isolated THEN ['isolated_mobile'] ELSE [] END,
                   CASE WHEN lost THEN ['lost_contact'] ELSE [] END) AS reasons, employer_id
FROM (SELECT *, (coalesce(mobile, '') <> '' OR (org_id IS NULL AND registered_at IS NOT NULL))
                  AND participates_org_id IS NULL AS isolated,
             last_contact < DATE '2026-06-30' - INTERVAL 6 MONTH AS lost
      FROM {members})
WHERE isolated OR lost
ORDER BY id
"""
PEER_COVERAGE_SQL = """
WITH RECURSIVE below(above, area) AS (
  SELECT id, id FROM {areas}
  UNION SELECT a.parent_id, b.area FROM below b JOIN {areas} a ON a.id = b.above WHERE a.parent_id IS NOT NULL
),
covered AS (SELECT DISTINCT unnest(string_split(enterprise_ids, ';')) AS id FROM {organizations}),
guided AS (SELECT DISTINCT unnest(string_split(guides, ';')) AS id FROM {members}),
based AS (SELECT DISTINCT based_in AS id FROM {organizations} WHERE based_in IS NOT NULL),
judged AS (
  SELECT e.id, coalesce(e.area_id, b.area_id) AS area, c.id IS NOT NULL AS org,
         c.id IS NOT NULL OR g.id IS NOT NULL OR (e.building_id IS NOT NULL AND x.id IS NOT NULL) AS work
  FROM {enterprises} e LEFT JOIN {buildings} b ON b.id = e.building_id LEFT JOIN covered c ON c.id = e.id
       LEFT JOIN guided g ON g.id = e.id LEFT JOIN based x ON x.id = e.building_id
)
SELECT a.id AS place_id, a.name AS place_name, count(j.id) AS enterprises, count(j.id) FILTER (WHERE j.org) AS org_covered,
       count(j.id) FILTER (WHERE j.work) AS work_covered
FROM {areas} a LEFT JOIN below w ON w.above = a.id LEFT JOIN judged j ON j.area = w.area
GROUP BY a.id, a.name ORDER BY a.id
"""
PEER = """
import duckdb, json, sys
connection = duckdb.connect(args["database"], read_only=args["database"] != ":memory:")
query = args["sql"]
cursor = connection.execute(query)
columns = [d[0] for d in cursor.description]
rows = cursor.fetchall()
with open(args["out"], "w", encoding="utf-8") as out:
    json.dump([dict(zip(columns, r)) for r in rows], out, ensure_ascii=False)
result = len(rows)
"""
PEER_LOAD = """
import duckdb
connection = duckdb.connect(args["database"])
for table in ("enterprises", "organizations", "members"):
    connection.execute(f"CREATE TABLE {table} AS SELECT * FROM read_csv('{args['dataset']}/{table}.csv', all_varchar=false)")
connection.close()
result = None
"""
LOAD = """
from partygraph.loaders import load_dataset
from partygraph.graph.embedded import EmbeddedStore
EmbeddedStore(args["store"]).replace(load_dataset(args["dataset"]))
result = None
"""
LADYBUG_SCHEMA = [
    "CREATE NODE TABLE Enterprise(id STRING PRIMARY KEY, name STRING, building_id STRING, employees INT64)",
    "CREATE NODE TABLE Organization(id STRING PRIMARY KEY, name STRING)",
    "CREATE NODE TABLE Member(id STRING PRIMARY KEY, name STRING, status STRING)",
    "CREATE REL TABLE COVERS(FROM Organization TO Enterprise)",
    "CREATE REL TABLE WORKS_AT(FROM Member TO Enterprise)",
]
LADYBUG_LOAD = """
import real_ladybug as lb
db = lb.Database(args["database"])
connection = lb.Connection(db)
for statement in args["schema"]:
    connection.execute(statement)
for table, path in args["files"]:
    connection.execute(f"COPY {table} FROM '{path}' (header=true)")
result = None
"""
LADYBUG_QUERY = """
import json, time
import real_ladybug as lb
db = lb.Database(args["database"], read_only=True)
connection = lb.Connection(db)
opened = time.perf_counter() - start
answer = connection.execute(
    "MATCH (e:Enterprise) WHERE NOT EXISTS { MATCH (:Organization)-[:COVERS]->(e) } "
    "OPTIONAL MATCH (m:Member)-[:WORKS_AT]->(e) WHERE m.status = 'full' "
    "RETURN e.id AS id, e.name AS name, e.building_id AS building_id, count(m) AS full_members, e.employees AS employees "
    "ORDER BY full_members DESC, coalesce(employees, -1) DESC, id")
columns = answer.get_column_names()
rows = answer.get_all()
with open(args["out"], "w", encoding="utf-8") as out:
    json.dump([dict(zip(columns, r)) for r in rows], out, ensure_ascii=False)
result = [len(rows), opened]
"""


def best(runs: int, body: str, **args) -> dict:
    return min((measure(body, **args) for _ in range(runs)), key=lambda figures: figures["seconds"])


def whole(runs: int, argv: list[str], out: Path) -> float:
    """A whole process, from start to exit, best of ``runs``."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        with open(out, "w") as handle:
            subprocess.run(argv, stdout=handle, check=True, cwd=ROOT)
        times.append(time.perf_counter() - start)
    return min(times)


#: The peer as the issue names it: DuckDB asked straight from the register files, its rows written
#: by DuckDB itself, one object a line, to standard output.
PEER_SCRIPT = """
import duckdb, sys
duckdb.connect().execute(f"COPY ({sys.argv[2]}) TO '/dev/stdout' (FORMAT json)")
"""


def questions(runs: int, store: Path, dataset: Path, out: Path) -> None:
    """Each question as a whole partygraph command and as a whole peer process reading the CSV files."""
    tables = {t: f"read_csv('{dataset}/{t}.csv')" for t in
              ("areas", "buildings", "enterprises", "organizations", "members")}
    asked = [(["gaps", "enterprises"], PEER_SQL), (["gaps", "members", "--as-of", "2026-06-30"], PEER_MEMBERS_SQL),
             (["coverage"], PEER_COVERAGE_SQL)]
    for argv, sql in asked:
        ours = whole(runs, [sys.executable, "-m", "partygraph", *argv, "--store", str(store), "--format", "json"], out)
        peer = whole(runs, [sys.executable, "-c", PEER_SCRIPT, ":memory:", sql.format(**tables, **RULES)], out)
        print(f"{'partygraph ' + ' '.join(argv) + ' --format json':<56} {ours:6.2f} s   DuckDB peer from CSV "
              f"{peer:6.2f} s   {peer / ours:.2f}x  (target ≥ 1.0x)")


def ladybug_files(dataset: Path, folder: Path) -> list[tuple[str, str]]:
    """The node and relationship files LadybugDB's COPY takes, from the register files."""
    def write(name: str, header: list[str], rows) -> tuple[str, str]:
        path = folder / f"{name}.csv"
        with open(path, "w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(header)
            writer.writerows(rows)
        return name, str(path)

    def read(name: str):
        with open(dataset / f"{name}.csv", encoding="utf-8") as handle:
            return list(csv.DictReader(handle))

    enterprises, organizations, members = read("enterprises"), read("organizations"), read("members")
    return [
        write("Enterprise", ["id", "name", "building_id", "employees"],
              ([e["id"], e["name"], e["building_id"], e["employees"]] for e in enterprises)),
        write("Organization", ["id", "name"], ([o["id"], o["name"]] for o in organizations)),
        write("Member", ["id", "name", "status"], ([m["id"], m["name"], m["status"]] for m in members)),
        write("COVERS", ["from", "to"], ([o["id"], e] for o in organizations
                                         for e in (o["enterprise_ids"] or "").split(";") if e)),
        write("WORKS_AT", ["from", "to"], ([m["id"], m["employer_id"]] for m in members if m["employer_id"])),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--enterprises", type=int, default=300_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--workdir", type=Path)
    options = parser.parse_args()
    # As installed: pip byte-compiles a package, and so does the first run of an editable one,
    # unless PYTHONDONTWRITEBYTECODE is set (as on the machine these figures come from); without
    # this, every partygraph command here compiled its sources again (25 ms) and DuckDB's not.
    compileall.compile_dir(ROOT / "partygraph", quiet=1)
    with tempfile.TemporaryDirectory() as temporary:
        work = options.workdir or Path(temporary)
        dataset, out = work / "dataset", work / "answer.json"
        measure("from partygraph.loaders.generate import generate_city\n"
                "result = generate_city(args['out'], enterprises=args['n'], seed=1)", out=str(dataset), n=options.enterprises)
        print(f"city: {options.enterprises:,} enterprises; best of {options.runs}, fresh process each\n")
        store = work / "city.pgstore"
        row("partygraph load (registers → store)", measure(LOAD, dataset=str(dataset), store=str(store)))
        questions(options.runs, store, dataset, out)
        ours = whole(options.runs, [sys.executable, "-m", "partygraph", "gaps", "enterprises", "--store", str(store),
                                    "--format", "json"], out)
        tables = {t: f"read_csv('{dataset}/{t}.csv')" for t in ("enterprises", "organizations", "members")}
        peer_sql = PEER_SQL.format(**tables, **RULES)
        from_csv = best(options.runs, PEER, database=":memory:", sql=peer_sql, out=str(out))
        row("DuckDB peer straight from the CSV files", from_csv, f"({from_csv['result']:,} rows)")
        database = work / "peer.duckdb"
        row("DuckDB peer: load a DuckDB file", measure(PEER_LOAD, database=str(database), dataset=str(dataset)))
        from_file = best(options.runs, PEER, database=str(database), out=str(out),
                         sql=PEER_SQL.format(enterprises="enterprises", organizations="organizations", members="members",
                                             **RULES))
        row("DuckDB peer: open the file and answer", from_file, f"({from_file['result']:,} rows)")
        if importlib.util.find_spec("real_ladybug"):
            files = ladybug_files(dataset, work)
            lbdb = str(work / "city.lbdb")
            row("LadybugDB: load", measure(LADYBUG_LOAD, database=lbdb, schema=LADYBUG_SCHEMA, files=files))
            answered = best(options.runs, LADYBUG_QUERY, database=lbdb, out=str(out))
            row("LadybugDB: open and answer", answered,
                f"({answered['result'][0]:,} rows; open {answered['result'][1]:.2f} s)")
        else:
            print("LadybugDB: not installed (pip install real_ladybug) — skipped")
        print(f"\ntarget: partygraph ≥ 1.0× the DuckDB-file peer: {from_file['seconds'] / ours:.2f}× "
              f"(from CSV: {from_csv['seconds'] / ours:.2f}×)")


if __name__ == "__main__":
    main()
