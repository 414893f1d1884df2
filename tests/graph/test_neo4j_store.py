"""The Neo4j store against a real server (see tests/conftest.py for how one is found)."""

from importlib import resources

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from partygraph.errors import Neo4jConnectionError, StoreError
from partygraph.graph import neo4j_store
from partygraph.graph.data import GraphData
from partygraph.graph.embedded import EmbeddedStore
from partygraph.graph.neo4j_store import Neo4jStore
from partygraph.loaders import load_dataset
from partygraph.loaders.generate import generate_city
from tests.killing import kill_at, steps_of
from tests.conftest import SEED_CASES, city_in_both_stores

pytestmark = pytest.mark.neo4j


def assert_same_graph(a: GraphData, b: GraphData) -> None:
    assert a.nodes == b.nodes
    assert a.rels == b.rels


def test_the_seed_cases_are_the_same_graph_in_neo4j_and_the_embedded_store(neo4j_store, tmp_path):
    data = load_dataset(SEED_CASES)
    embedded = EmbeddedStore(tmp_path / "s.pgstore")
    embedded.replace(data)
    neo4j_store.replace(data)
    assert_same_graph(neo4j_store.read(), embedded.read())
    assert neo4j_store.counts() == embedded.counts()


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(enterprises=st.integers(1, 800), seed=st.integers(0, 2**32))
def test_generated_cities_are_the_same_graph_in_both_stores(neo4j_store, tmp_path_factory, enterprises, seed):
    embedded, _ = city_in_both_stores(tmp_path_factory.mktemp("city"), neo4j_store, enterprises, seed)
    assert_same_graph(neo4j_store.read(), embedded.read())


def test_loading_twice_gives_the_same_graph_and_a_smaller_dataset_replaces_it(neo4j_store, tmp_path, minimal):
    big = tmp_path / "big"
    generate_city(big, enterprises=500, seed=4)
    neo4j_store.replace(load_dataset(big))
    neo4j_store.replace(load_dataset(big))
    assert_same_graph(neo4j_store.read(), load_dataset(big))
    small = load_dataset(minimal)
    neo4j_store.replace(small)
    assert_same_graph(neo4j_store.read(), small)


def test_nodes_partygraph_did_not_write_are_never_touched(neo4j_store, minimal):
    neo4j_store._write("CREATE (:Person {name: '外部数据', id: 'M1'})-[:KNOWS]->(:Person {name: 'other'})")
    neo4j_store.replace(load_dataset(minimal))
    neo4j_store.replace(load_dataset(minimal))
    rows = neo4j_store.run("MATCH (p:Person) OPTIONAL MATCH (p)-[k:KNOWS]->() "
                           "RETURN p.name AS name, labels(p) AS labels, count(k) AS knows ORDER BY name")
    assert rows == [{"name": "other", "labels": ["Person"], "knows": 0},
                    {"name": "外部数据", "labels": ["Person"], "knows": 1}]


def test_a_database_with_foreign_nodes_under_partygraph_labels_is_refused_and_left_alone(neo4j_store, minimal):
    neo4j_store._write("CREATE (:Member {id: 'M1', name: '别人的数据'})")
    with pytest.raises(StoreError, match="did not write"):
        neo4j_store.replace(load_dataset(minimal))
    assert neo4j_store.run("MATCH (n) RETURN n.name AS name, labels(n) AS labels") == [
        {"name": "别人的数据", "labels": ["Member"]}]


def test_chinese_text_round_trips_through_neo4j(neo4j_store, minimal):
    data = load_dataset(minimal)
    data.add_node("Member", {"id": "M9", "name": "阮晓𠀀", "registered_at": "四川阆中 某大学（组织关系留在学校）"})
    neo4j_store.replace(data)
    assert neo4j_store.read().nodes["Member"]["M9"] == data.nodes["Member"]["M9"]
    assert neo4j_store.run("MATCH (m:Member {name: $name}) RETURN m.id AS id", name="阮晓𠀀") == [{"id": "M9"}]


def test_a_load_killed_halfway_is_refused_for_reading_and_a_rerun_completes_it(neo4j_store, neo4j_env, tmp_path):
    city = tmp_path / "city"
    generate_city(city, enterprises=3000, seed=5)
    data = load_dataset(city)
    steps = steps_of(neo4j_store, data)
    neo4j_store._autocommit("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS")
    assert kill_at(city, neo4j_env, steps // 2)
    with pytest.raises(StoreError, match="did not finish"):
        neo4j_store.read()
    data = load_dataset(city)
    neo4j_store.replace(data)
    assert_same_graph(neo4j_store.read(), data)


def test_an_empty_database_says_to_load_first(neo4j_store):
    with pytest.raises(StoreError, match="partygraph load"):
        neo4j_store.counts()


def _message(store: Neo4jStore) -> str:
    with pytest.raises(Neo4jConnectionError) as caught:
        store.counts()
    return str(caught.value)


def test_an_unreachable_server_is_one_clear_message():
    message = _message(Neo4jStore("neo4j://127.0.0.1:9", ("neo4j", "secret-pw")))
    assert message.startswith("cannot reach Neo4j at neo4j://127.0.0.1:9")
    assert "secret-pw" not in message


def test_a_wrong_password_is_named_without_showing_it(neo4j_env):
    message = _message(Neo4jStore(neo4j_env, ("neo4j", "wrong-pw-1234")))
    assert f"Neo4j at {neo4j_env} refused the credentials (user neo4j" in message
    assert "wrong-pw-1234" not in message


def test_a_missing_database_is_named(neo4j_env, monkeypatch):
    monkeypatch.setenv("NEO4J_DATABASE", "nosuchdb")
    message = _message(Neo4jStore.from_environment(neo4j_env))
    assert message == f"Neo4j at {neo4j_env} has no database named nosuchdb (set by NEO4J_DATABASE)"


def test_a_too_old_server_is_named_with_its_version(neo4j_env, monkeypatch):
    monkeypatch.setattr(neo4j_store, "MIN_VERSION", (99, 0))
    message = _message(Neo4jStore.from_environment(neo4j_env))
    assert message.startswith(f"Neo4j at {neo4j_env} is version 5.") and message.endswith("needs 99.0 or newer")


def test_a_uri_that_is_not_neo4j_is_named():
    assert "is not a Neo4j URI" in _message(Neo4jStore("http://127.0.0.1:7474", None))


#: The Neo4j release that first understood each construct partygraph's Cypher uses (Cypher manual,
#: "Deprecations, additions and compatibility"): the variable scope clause CALL (x) { } in 5.23,
#: COLLECT { } subqueries in 5.6, COUNT { } and full EXISTS { } subqueries in 5.0, IN TRANSACTIONS in 4.4.
FEATURES = {"CALL (": (5, 23), "COLLECT {": (5, 6), "COUNT {": (5, 0), "EXISTS {": (5, 0), "IN TRANSACTIONS": (4, 4)}


def test_the_oldest_server_accepted_is_the_oldest_that_understands_every_query():
    import inspect

    from partygraph.graph.pages import collected
    from partygraph.graph.reads import PLACE_CYPHER as CYPHER
    from partygraph.queries import ANALYSES

    texts = [analysis.cypher(place=place, ids=ids) for analysis in ANALYSES.values()
             for place, ids in ((False, False), (False, True), (True, False))
             if not place or resources.files("partygraph.queries").joinpath(f"{analysis.module}_place.cypher").is_file()] + [collected("RETURN 1 AS one", ["one"]), CYPHER,
                                                                     inspect.getsource(neo4j_store)]
    needed = max(version for feature, version in FEATURES.items() if any(feature in text for text in texts))
    assert neo4j_store.MIN_VERSION == needed

def _relationship_ids(store) -> dict:
    return {(row["t"], row["a"], row["b"]): row["e"] for row in store.run(
        "MATCH (a:Partygraph)-[r]->(b:Partygraph) RETURN type(r) AS t, a.id AS a, b.id AS b, elementId(r) AS e")}


@pytest.mark.neo4j
def test_an_unchanged_reload_recreates_no_relationship_and_a_change_touches_only_its_own(neo4j_store):
    from partygraph.loaders import load_dataset
    from tests.conftest import SEED_CASES

    data = load_dataset(SEED_CASES)
    neo4j_store.replace(data)
    before = _relationship_ids(neo4j_store)
    neo4j_store.replace(data)
    assert _relationship_ids(neo4j_store) == before
    pairing = next(key for key in data.rels if key[0] == "PAIRED_WITH")
    data.rels[pairing] = {"kind": "联建", "since": "2020-02-02"}
    gone = next(key for key in data.rels if key[0] == "WORKS_AT")
    del data.rels[gone]
    neo4j_store.replace(data)
    after = _relationship_ids(neo4j_store)
    changed = {key for key in before if after.get(key) != before[key]}
    assert changed == {(pairing[0], pairing[1].split(":", 1)[1], pairing[2].split(":", 1)[1]),
                       (gone[0], gone[1].split(":", 1)[1], gone[2].split(":", 1)[1])}
    assert neo4j_store.read() == data


def _node_ids(store) -> dict:
    return {(tuple(sorted(row["l"])), row["id"]): row["e"] for row in store.run(
        "MATCH (n:Partygraph) RETURN labels(n) AS l, n.id AS id, elementId(n) AS e")}


def test_a_later_period_changes_todays_graph_only_where_its_records_changed(neo4j_store, monkeypatch):
    """Today's graph takes a later period by what changed: the other records keep their nodes and
    relationships as they were; a member who lost every employer and every organization they took
    part in loses those relationships; a record gone goes, a new one comes."""
    import copy

    data = load_dataset(SEED_CASES)
    data.add_node("Building", {"id": "B-旧", "name": "旧楼宇"})
    neo4j_store.load(data, "2026-03-31")
    nodes, rels = _node_ids(neo4j_store), _relationship_ids(neo4j_store)
    later = copy.deepcopy(data)
    member = next(source for kind, source, _ in data.rels if kind == "PARTICIPATES_IN")
    dropped = [key for key in data.rels if key[1] == member and key[0] in ("WORKS_AT", "PARTICIPATES_IN")]
    for key in dropped:
        del later.rels[key]
    later.nodes["Member"][split(member)]["name"] = "改名"
    pairing = next(key for key in data.rels if key[0] == "PAIRED_WITH")
    later.rels[pairing] = {"kind": "联建", "since": "2020-02-02"}
    gone = "B-旧"
    del later.nodes["Building"][gone]
    later.add_node("Building", {"id": "B-新", "name": "新楼宇"})
    written = []
    write_batches = neo4j_store._write_batches
    def recording(query, rows, bar, what):
        if "SET n = row" in query and "MATCH (n:" in query:        # today's graph: a node rewritten
            written.extend(row["id"] for row in rows)
        return write_batches(query, rows, bar, what)
    monkeypatch.setattr(neo4j_store, "_write_batches", recording)
    neo4j_store.load(later, "2026-06-30")
    assert neo4j_store.read() == later
    # Only the records whose state changed are written: the member, and the organization whose
    # pairing (one of its outgoing relationships) changed.
    assert sorted(written) == sorted([split(member), split(pairing[1])])
    now = _relationship_ids(neo4j_store)
    assert {key for key in rels if now.get(key) != rels[key]} == \
        {(kind, split(source), split(target)) for kind, source, target in [*dropped, pairing]}
    building = (("Building", "Partygraph"), gone)
    after = _node_ids(neo4j_store)
    assert {key: nodes[key] for key in nodes if key != building} == {key: after[key] for key in after if key[1] != "B-新"}
    assert building not in after and (("Building", "Partygraph"), "B-新") in after
    neo4j_store.load(data, "2025-12-31")          # an earlier period: today's graph stays
    assert neo4j_store.read() == later


def split(key: str) -> str:
    return key.split(":", 1)[1]


def _two_registers() -> tuple[GraphData, GraphData]:
    """The seed cases, and the same with every member renamed (each member a new version)."""
    import copy

    first = load_dataset(SEED_CASES)
    second = copy.deepcopy(first)
    for props in second.nodes["Member"].values():
        props["name"] += "乙"
    return first, second


@pytest.mark.parametrize("again", [False, True], ids=["new period", "period loaded again"])
def test_a_load_cut_short_in_the_versions_is_undone_by_the_next_write(neo4j_store, monkeypatch, again):
    """A load cut short leaves versions half labelled and relationships half made: the next write
    removes that period first, or it would take two such versions for versions that co-exist (whose
    relationships are there). The cut register loaded again comes back whole, read as the latest
    period and, once a later one is loaded, through its versions; the period before is untouched."""
    first, second = _two_registers()
    neo4j_store.load(first, "2026-03-31")
    day = "2026-03-31" if again else "2026-06-30"
    if not again:
        neo4j_store.load(first, "2025-12-31")
    made = []
    write_batches = neo4j_store._write_batches

    def cut(query, rows, bar, what):
        if "CREATE (a)-[r:" in query:            # the versions' second type of relationships is never made
            made.append(what)
            if len(made) == 2:
                raise RuntimeError("cut short")
        return write_batches(query, rows, bar, what)

    monkeypatch.setattr(neo4j_store, "_write_batches", cut)
    with pytest.raises(RuntimeError):
        neo4j_store.load(second, day)
    monkeypatch.undo()
    with pytest.raises(StoreError, match="did not finish"):
        neo4j_store.read()
    neo4j_store.load(second, day)
    assert neo4j_store.read() == second
    neo4j_store.load(first, "2026-09-30")
    neo4j_store.use(day)
    assert neo4j_store.read() == second
    if not again:
        neo4j_store.use("2025-12-31")
        assert neo4j_store.read() == first


def test_a_write_after_a_cut_load_makes_todays_graph_the_latest_period_again(neo4j_store, monkeypatch):
    """A load of the latest period cut short while it rewrote today's graph, then a load of an earlier
    one: today's graph is the latest period again, not what the cut load left."""
    first, second = _two_registers()
    neo4j_store.load(first, "2026-03-31")
    monkeypatch.setattr(neo4j_store, "_sync_relationships", lambda *args, **kwargs: 1 / 0)
    with pytest.raises(ZeroDivisionError):
        neo4j_store.load(second, "2026-06-30")
    monkeypatch.undo()
    neo4j_store.load(second, "2025-12-31")
    assert neo4j_store.read() == first


def test_a_period_load_cut_short_in_todays_graph_is_undone_by_the_next(neo4j_store, monkeypatch):
    """A load cut short while it rewrote today's graph leaves it neither register: the next load must
    not trust the period today's graph last held whole (the first register again, loaded as the later
    date, must come back whole, not as the cut load left it)."""
    first, second = _two_registers()
    neo4j_store.load(first, "2026-03-31")

    def cut(*args, **kwargs):
        raise RuntimeError("cut short")

    monkeypatch.setattr(neo4j_store, "_sync_relationships", cut)
    with pytest.raises(RuntimeError):
        neo4j_store.load(second, "2026-06-30")
    monkeypatch.undo()
    assert {row["name"] for row in neo4j_store.run("MATCH (m:Member:Partygraph) RETURN m.name AS name")} == \
        {props["name"] for props in second.nodes["Member"].values()}       # the cut load's names, read raw
    neo4j_store.load(first, "2026-06-30")
    assert neo4j_store.read() == first
