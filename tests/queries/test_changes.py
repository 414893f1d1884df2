"""`changes`: each kind on a hand-made pair of registers (both stores), an id-less register whose
member moved branch, and a round trip: the changes from P1 to P2, applied to P1, give P2."""

from __future__ import annotations

import pytest

from partygraph.graph.data import GraphData
from partygraph.graph.embedded import EmbeddedStore
from partygraph.graph.model import split_key
from partygraph.loaders import load_dataset
from partygraph.loaders.history import generate_history
from partygraph.queries.changes import AS_PROPERTIES, changes
from tests.conftest import write_csv
from tests.queries.conftest import Build

FIRST, SECOND = "2026-03-31", "2026-06-30"


@pytest.fixture(params=["embedded", "neo4j"])
def two_registers(request, tmp_path):
    def load(first: GraphData, second: GraphData):
        store = (EmbeddedStore(tmp_path / "s.pgstore") if request.param == "embedded"
                 else request.getfixturevalue("neo4j_store"))
        store.load(second, SECOND)
        store.load(first, FIRST)
        return store
    return load


def register(second: bool) -> GraphData:
    b = (Build().area("C", kind="city").area("S1", "C").area("K1", "S1", kind="community").building("B1", "K1")
         .enterprise("E1", "B1").enterprise("E2", "B1").enterprise("E3", "B1").enterprise("E4", "B1", employees=20 if second else 10))
    b.enterprise("E5" if second else "E6", "B1")
    b.org("P", level="committee")
    if not second:
        b.org("O1", covers=["E1"])
    else:
        b.org("O2", covers=["E2"])
    b.org("O3").org("O4").org("O5")
    b.member("M1", org="O4" if second else "O3", employer="E4")
    b.member("M2", org="O3", employer="E2" if second else "E1")
    b.member("M3", mobile=True, registered_at="外省某党支部", participates="O3" if second else None)
    b.member("M6", org="O3", last_contact="2025-10-15")
    if second:
        b.member("M5", org="O3", guides=["E3"])
        b.data.add_rel("PAIRED_WITH", "Organization", "O5", "Organization", "O3", {"kind": "区域化党建"})
    else:
        b.member("M5", org="O3")
        b.data.add_rel("PAIRED_WITH", "Organization", "O3", "Organization", "O4", {"kind": "区域化党建"})
    return b.data


def test_each_kind_of_change_found_as_derived_by_hand(two_registers):
    store = two_registers(register(False), register(True))
    found = changes(store)
    assert (found.first, found.second) == (FIRST, SECOND)
    got = {(r["change"], r["label"], r["id"]): (r["before"], r["after"]) for r in found.rows}
    expected = {
        ("org_coverage_lost", "Enterprise", "E1"): (["O1"], []),
        ("org_coverage_gained", "Enterprise", "E2"): ([], ["O2"]),
        ("work_coverage_gained", "Enterprise", "E3"): ("none", "work"),
        ("removed", "Organization", "O1"): (None, None),
        ("added", "Organization", "O2"): (None, None),
        ("removed", "Enterprise", "E6"): (None, None),
        ("added", "Enterprise", "E5"): (None, None),
        ("transferred", "Member", "M1"): ("O3", "O4"),
        ("employer_changed", "Member", "M2"): ("E1", "E2"),
        ("found_home", "Member", "M3"): ([], ["O3"]),
        ("contact_lost", "Member", "M6"): ("2025-10-15", "2025-10-15"),
        ("unpaired", "Pairing", "O3|O4"): ({"kind": "区域化党建"}, None),
        ("paired", "Pairing", "O3|O5"): (None, {"kind": "区域化党建"}),
        ("property_changed", "Enterprise", "E4"): ({"employees": 10}, {"employees": 20}),
        ("property_changed", "Member", "M5"): ({"GUIDES": None}, {"GUIDES": ["E3"]}),
        ("property_changed", "Member", "M3"): ({"PARTICIPATES_IN": None}, {"PARTICIPATES_IN": ["O3"]}),
        ("property_changed", "Organization", "O3"): ({"PAIRED_WITH": None}, {"PAIRED_WITH": None}),
    }
    del expected[("property_changed", "Organization", "O3")]        # PAIRED_WITH is a kind of its own
    assert got == expected
    kinds = [r["change"] for r in found.rows]
    assert kinds.index("removed") < kinds.index("added") and kinds[0] == "org_coverage_lost"   # losses first
    assert {r["place_id"] for r in found.rows if r["label"] == "Enterprise"} == {"B1"}
    placed = [r for r in found.rows if r["place_id"]]          # records with no building or area lie in no place
    assert placed and len(placed) < len(found.rows)
    assert changes(store, place="K1").rows == placed == changes(store, place="S1").rows
    assert changes(store, place="B1").rows == [r for r in placed if r["place_id"] == "B1"]
    # The first rows asked for are the whole answer's first, placed alike; the counts count them all.
    first = changes(store, limit=5)
    assert first.rows == found.rows[:5] and first.total == len(found.rows) == found.total
    assert first.counts() == found.counts() == {kind: sum(r["change"] == kind for r in found.rows)
                                                for kind in dict.fromkeys(kinds)}
    assert changes(store, place="K1", limit=2).rows == placed[:2]


def _identity(serial: int) -> str:
    body = f"11010519491231{serial:03d}"
    weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    return body + "10X98765432"[sum(int(d) * w for d, w in zip(body, weights)) % 11]


def test_a_member_of_a_register_without_ids_who_moved_branch_is_transferred(tmp_path, monkeypatch, two_registers):
    monkeypatch.setenv("PARTYGRAPH_ID_KEY", "k" * 40)
    folders = []
    for quarter, branch in (("q1", "甲党支部"), ("q2", "乙党支部")):
        folder = tmp_path / quarter
        write_csv(folder, "areas.csv", [["name", "kind"], ["上海西路街道", "街道"]])
        write_csv(folder, "organizations.csv", [["name", "level"], ["甲党支部", "党支部"], ["乙党支部", "党支部"]])
        write_csv(folder, "members.csv", [["姓名", "公民身份号码", "所在党组织"], ["张三", _identity(1), branch],
                                          ["李四", _identity(2), "甲党支部"]])
        folders.append(folder)
    store = two_registers(load_dataset(folders[0]), load_dataset(folders[1]))
    rows = changes(store).rows
    assert [(r["change"], r["name"]) for r in rows] == [("transferred", "张三")]


def apply(first: GraphData, rows: list[dict], second_nodes: dict) -> tuple[dict, dict]:
    """P1's ids and, for each record in both, its properties and its relationships' targets, changed
    by the rows; the added records' properties are taken as P2 states them (rows name them only)."""
    nodes = {label: {i: dict(p) for i, p in by_id.items()} for label, by_id in first.nodes.items()}
    targets: dict[tuple[str, str], set[str]] = {}
    for (kind, source, target) in first.rels:
        targets.setdefault((kind, source), set()).add(target)
    pairs = {tuple(sorted((split_key(s)[1], split_key(t)[1]))) for (k, s, t) in first.rels if k == "PAIRED_WITH"}
    for row in rows:
        label, node_id, key = row["label"], row["id"], f"{row['label']}:{row['id']}"
        change = row["change"]
        if change == "added":
            nodes[label][node_id] = dict(second_nodes[label][node_id])
        elif change == "removed":
            del nodes[label][node_id]
        elif change in ("transferred", "employer_changed"):
            kind, to = ("MEMBER_OF", "Organization") if change == "transferred" else ("WORKS_AT", "Enterprise")
            targets[(kind, key)] = {f"{to}:{row['after']}"} if row["after"] else set()
        elif change == "paired":
            pairs.add(tuple(node_id.split("|")))
        elif change == "unpaired":
            pairs.discard(tuple(node_id.split("|")))
        elif change == "property_changed":
            for name, value in row["after"].items():
                if name in AS_PROPERTIES:
                    to = {t for t in targets.get((name, key), set())}
                    prefix = {split_key(t)[1]: t.split(":")[0] for t in to}
                    targets[(name, key)] = {f"{prefix.get(v, _label_of(name, v, second_nodes))}:{v}" for v in value or []}
                elif value is None:
                    nodes[label][node_id].pop(name, None)
                else:
                    nodes[label][node_id][name] = value
    return nodes, pairs, targets


def _label_of(rel_type: str, target_id: str, nodes: dict) -> str:
    for label in ("Building", "Area", "Organization", "Enterprise"):
        if target_id in nodes[label]:
            return label
    raise AssertionError((rel_type, target_id))


def test_changes_applied_to_the_first_register_give_the_second(tmp_path, two_registers):
    dates = generate_history(tmp_path / "h", enterprises=300, periods=2, churn=0.3, seed=5)
    first, second = (load_dataset(tmp_path / "h" / day) for day in dates)
    store = two_registers(first, second)
    found = changes(store, FIRST, SECOND)
    assert len(found.rows) > 50
    nodes, pairs, targets = apply(first, found.rows, second.nodes)
    assert nodes == second.nodes
    assert pairs == {tuple(sorted((split_key(s)[1], split_key(t)[1]))) for (k, s, t) in second.rels if k == "PAIRED_WITH"}
    kept = {label: set(by_id) for label, by_id in second.nodes.items()}
    for (kind, source), found_targets in targets.items():
        label, node_id = split_key(source)
        if node_id not in kept[label] or kind == "PAIRED_WITH":
            continue
        want = {t for (k, s, t) in second.rels if k == kind and s == source}
        assert found_targets == want, (kind, source)


def test_a_records_place_is_its_first_building_or_area_and_a_members_is_their_first_employers(two_registers):
    """What ``place_id`` reads (``Store.places_of``): with two of each, the first by id; a record
    with none has no place; one not in the register is left out."""
    b = (Build().area("C", kind="city").area("S1", "C").area("K1", "S1", kind="community").building("B1", "K1")
         .building("B2", "K1").building("B3", "K1").enterprise("E1", "B3").enterprise("E2", "B1").enterprise("E9"))
    b.data.add_rel("LOCATED_IN", "Enterprise", "E1", "Building", "B2")
    b.org("O1", based_in="B3")
    b.data.add_rel("BASED_IN", "Organization", "O1", "Building", "B2")
    b.member("M1", employer="E2")
    b.data.add_rel("WORKS_AT", "Member", "M1", "Enterprise", "E1")
    b.member("M2")
    store = two_registers(b.data, b.data)
    keys = ["Member:M1", "Member:M2", "Enterprise:E1", "Enterprise:E9", "Organization:O1", "Building:B2", "Area:K1",
            "Area:C", "Member:M404"]
    for day in (FIRST, SECOND):
        store.use(day)
        assert store.places_of(keys) == {"Member:M1": "B2", "Member:M2": None, "Enterprise:E1": "B2",
                                         "Enterprise:E9": None, "Organization:O1": "B2", "Building:B2": "K1",
                                         "Area:K1": "S1", "Area:C": None}
