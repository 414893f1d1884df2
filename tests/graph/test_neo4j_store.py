"""The Neo4j store against a real server (see tests/conftest.py for how one is found)."""

from importlib import resources

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from partygraph.errors import Neo4jConnectionError, StoreError
from partygraph.graph import neo4j_store
from partygraph.graph.data import GraphData
from partygraph.graph.embedded import EmbeddedStore
from partygraph.graph.model import LABELS, RELATIONSHIPS
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
#: "Deprecations, additions and compatibility"): dynamic labels and types $( ) in 5.26, the variable
#: scope clause CALL (x) { } in 5.23, COLLECT { } subqueries in 5.6, COUNT { } and full EXISTS { }
#: subqueries in 5.0, IN TRANSACTIONS in 4.4.
FEATURES = {"$(": (5, 26), "CALL (": (5, 23), "COLLECT {": (5, 6), "COUNT {": (5, 0), "EXISTS {": (5, 0),
            "IN TRANSACTIONS": (4, 4)}


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


def _touching(rels: dict, records: set[str]) -> set:
    """The relationships (keys of ``_relationship_ids``) with an end among ``records`` (model ids)."""
    return {key for key in rels if key[1] in records or key[2] in records}


@pytest.mark.neo4j
def test_an_unchanged_reload_recreates_no_relationship_and_a_change_touches_only_its_own(neo4j_store):
    """A record whose state changed is a new version, so a new node in today's graph with its
    relationships made again; every other node and relationship stays as it was."""
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
    assert changed == _touching(before, {split(pairing[1]), split(gone[1])})
    assert (gone[0], split(gone[1]), split(gone[2])) not in after
    assert neo4j_store.read() == data


def _node_ids(store) -> dict:
    return {(tuple(sorted(row["l"])), row["id"]): row["e"] for row in store.run(
        "MATCH (n:Partygraph) RETURN [l IN labels(n) WHERE l IN $model] AS l, n.id AS id, elementId(n) AS e",
        model=list(LABELS))}


def test_a_later_period_changes_todays_graph_only_where_its_records_changed(neo4j_store):
    """Today's graph takes a later period by what changed: the other records keep their nodes and
    relationships as they were; a record whose state changed (a property, an outgoing relationship)
    is a new node with its relationships; a member who lost every employer and every organization
    they took part in loses those relationships; a record gone goes, a new one comes."""
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
    neo4j_store.load(later, "2026-06-30")
    assert neo4j_store.read() == later
    after, now = _node_ids(neo4j_store), _relationship_ids(neo4j_store)
    # Only the records whose state changed are new nodes: the member, and the organization whose
    # pairing (one of its outgoing relationships) changed.
    assert {key[1] for key in nodes if after.get(key) != nodes[key]} == {split(member), split(pairing[1]), gone}
    assert {key for key in rels if now.get(key) != rels[key]} == _touching(rels, {split(member), split(pairing[1])})
    assert (("Building",), gone) not in after and (("Building",), "B-新") in after
    neo4j_store.load(data, "2025-12-31")          # an earlier period: today's graph stays
    assert neo4j_store.read() == later
    assert _node_ids(neo4j_store) == after and _relationship_ids(neo4j_store) == now


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
    _cut_at_relationships(neo4j_store, monkeypatch, made=1)   # the versions' second type of relationships is never made
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
    leave_live = neo4j_store._leave_live

    def cut(*args, **kwargs):            # the members have left today's graph, none has come in
        leave_live(*args, **kwargs)
        raise ZeroDivisionError

    monkeypatch.setattr(neo4j_store, "_leave_live", cut)
    with pytest.raises(ZeroDivisionError):
        neo4j_store.load(second, "2026-06-30")
    assert not neo4j_store.run("MATCH (m:Member:Partygraph) RETURN m.id AS id")
    monkeypatch.undo()
    neo4j_store.load(second, "2025-12-31")
    assert neo4j_store.read() == first


def _cut_at_relationships(store, monkeypatch, made: int = 0) -> None:
    """The next load is cut short once its versions are made and ``made`` of their types of
    relationships (``made`` 0: before any of them)."""
    write_batches = store._write_batches
    types = []

    def cut(query, rows, bar, what):
        if "CREATE (a)-[r:" in query:
            types.append(what)
            if len(types) > made:
                raise RuntimeError("cut short")
        return write_batches(query, rows, bar, what)

    monkeypatch.setattr(store, "_write_batches", cut)


def test_a_period_load_cut_short_in_todays_graph_is_undone_by_the_next(neo4j_store, monkeypatch):
    """A load cut short while it rewrote today's graph leaves it neither register: the next load must
    not trust the period today's graph last held whole (the first register again, loaded as the later
    date, must come back whole, not as the cut load left it)."""
    first, second = _two_registers()
    neo4j_store.load(first, "2026-03-31")

    _cut_at_relationships(neo4j_store, monkeypatch)     # the new members are in today's graph, alone
    with pytest.raises(RuntimeError):
        neo4j_store.load(second, "2026-06-30")
    monkeypatch.undo()
    assert {row["name"] for row in neo4j_store.run("MATCH (m:Member:Partygraph) RETURN m.name AS name")} == \
        {props["name"] for props in second.nodes["Member"].values()}       # the cut load's names, read raw
    neo4j_store.load(first, "2026-06-30")
    assert neo4j_store.read() == first
    neo4j_store.load(second, "2026-09-30")
    neo4j_store.use("2026-06-30")
    assert neo4j_store.read() == first


def test_a_period_cut_short_leaves_no_trace_once_another_is_loaded(neo4j_store, monkeypatch):
    """A load of a new period cut short, then a load of another date: the cut period is nowhere
    (no version keeps its label), today's graph and the periods are those loaded whole."""
    first, second = _two_registers()
    neo4j_store.load(first, "2026-03-31")
    _cut_at_relationships(neo4j_store, monkeypatch)
    with pytest.raises(RuntimeError):
        neo4j_store.load(second, "2026-06-30")
    monkeypatch.undo()
    neo4j_store.load(first, "2026-09-30")
    assert not neo4j_store.run("MATCH (n:P20260630) RETURN n.id")
    assert neo4j_store.period_dates() == ["2026-03-31", "2026-09-30"]
    assert neo4j_store.read() == first


def _to_the_layout_before(store) -> None:
    """Rewrite a store as the code before its layout was named kept it: today's graph a copy beside
    the versions, every relationship of the versions with the model's type."""
    for label in LABELS:
        store._autocommit(f"MATCH (n:{label}:Partygraph:PartygraphVersion) CREATE (c:PgCopy) "
                          f"SET c = properties(n), c.pg_of = elementId(n), c.pg_label = '{label}' REMOVE c.pg_vkey")
    for rel_type in RELATIONSHIPS:
        store._autocommit(f"MATCH (a:Partygraph:PartygraphVersion)-[r:{rel_type}]->(b:Partygraph:PartygraphVersion) "
                          f"MATCH (ca:PgCopy {{pg_of: elementId(a)}}), (cb:PgCopy {{pg_of: elementId(b)}}) "
                          f"CREATE (ca)-[c:{rel_type}]->(cb) SET c = properties(r)")
    for label in LABELS:
        store._autocommit(f"MATCH (n:{label}:Partygraph:PartygraphVersion) REMOVE n:{label}:Partygraph")
    store._autocommit("MATCH (c:PgCopy) SET c:$(c.pg_label):Partygraph REMOVE c:PgCopy, c.pg_of, c.pg_label")
    for rel_type in RELATIONSHIPS:
        store._autocommit(f"MATCH (a)-[r:V_{rel_type}]->(b) CREATE (a)-[c:{rel_type}]->(b) "
                          "SET c = properties(r) DELETE r")
    store._autocommit("MATCH (m:PartygraphMeta {id: 'store'}) REMOVE m.layout")


def test_a_store_of_the_layout_before_is_converted_by_the_next_write(neo4j_store):
    """A store written when today's graph was a copy beside the versions is read as it is, and the
    next load makes it this layout, every period kept."""
    first, second = _two_registers()
    neo4j_store.load(first, "2026-03-31")
    neo4j_store.load(second, "2026-06-30")
    _to_the_layout_before(neo4j_store)
    assert neo4j_store.run("MATCH (n:Member:Partygraph) WHERE NOT n:PartygraphVersion RETURN count(n) AS c")[0]["c"]
    assert neo4j_store.read() == second
    neo4j_store.load(first, "2026-09-30")
    assert not neo4j_store.run("MATCH (n:Partygraph) WHERE NOT n:PartygraphVersion RETURN n.id")
    for day, data in (("2026-03-31", first), ("2026-06-30", second), ("2026-09-30", first)):
        neo4j_store.use(day)
        assert neo4j_store.read() == data, day
    neo4j_store.drop("2026-09-30")
    neo4j_store.use(None)
    assert neo4j_store.read() == second
