
import pytest

from partygraph.errors import StoreError
from partygraph.graph.embedded import VERSION, EmbeddedStore
from partygraph.loaders import load_dataset
from partygraph.loaders.generate import generate_city
from tests.killing import kill_at, steps_of
from tests.conftest import SEED_CASES


def test_a_store_reads_back_exactly_the_graph_written(tmp_path):
    data = load_dataset(SEED_CASES)
    store = EmbeddedStore(tmp_path / "s.pgstore")
    store.replace(data)
    back = store.read()
    assert back.nodes == data.nodes and back.rels == data.rels


def test_the_file_is_a_database_with_one_table_per_label_and_relationship_type(tmp_path, minimal):
    import datetime as dt

    import duckdb

    TODAY = dt.date.today().isoformat()
    from partygraph.graph.model import LABELS, RELATIONSHIPS

    path = tmp_path / "s.pgstore"
    EmbeddedStore(path).replace(load_dataset(minimal))
    assert oct(path.stat().st_mode & 0o777) == "0o600"
    with duckdb.connect(str(path), read_only=True) as db:
        tables = set(db.execute("SELECT table_schema, table_name, table_type FROM information_schema.tables").fetchall())
        # Each table's row versions with the periods they are in; a view of the period read beside it.
        assert tables == {("main", "partygraph", "BASE TABLE"), ("pg_history", "period", "BASE TABLE"),
                          ("pg_history", "kept", "BASE TABLE"),
                          *(("pg_history", name, "BASE TABLE") for name in [*LABELS, *RELATIONSHIPS]),
                          *(("main", name, "VIEW") for name in [*LABELS, *RELATIONSHIPS])}
        assert db.execute("SELECT format, version FROM partygraph").fetchall() == [("partygraph-store", VERSION)]
        assert db.execute("SELECT bit, strftime(as_of, '%Y-%m-%d') FROM pg_history.period").fetchall() == [(0, TODAY)]
        assert db.execute('SELECT name, status, mobile, periods FROM pg_history."Member" WHERE id = \'M1\'').fetchall() \
            == [("王秋香", "full", False, 1)]
        assert db.execute('SELECT * FROM pg_history."COVERS"').fetchall() == [("Organization", "O2", "Enterprise", "E1", 1)]
        db.execute("SET VARIABLE partygraph_period = 1::UBIGINT")
        assert db.execute('SELECT * FROM "COVERS"').fetchall() == [("Organization", "O2", "Enterprise", "E1")]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["minimal", "s.pgstore"]


def test_text_that_looks_like_csv_syntax_or_null_survives_the_bulk_copy(tmp_path):
    from partygraph.graph.data import GraphData

    data = GraphData()
    names = ['逗号,引号"与\n换行', " 前后空格 ", "\\N", "NULL", "=1+1", "true", "1,000"]
    for i, name in enumerate(names):
        data.add_node("Building", {"id": f"B{i}", "name": name, "address": "," if i else None})
    store = EmbeddedStore(tmp_path / "s.pgstore")
    store.replace(data)
    assert store.read().nodes == data.nodes


@pytest.mark.parametrize("content,message", [
    ('{"format":"partygraph-store","version":1,"nodes":{}}', "earlier version of partygraph; load the registers again"),
    ('{"format": "something-else"}', "not a partygraph store"),
    ("not a database", "not a partygraph store, or damaged"),
])
def test_foreign_or_future_files_are_refused_with_a_reason(tmp_path, content, message):
    path = tmp_path / "s.pgstore"
    path.write_text(content)
    with pytest.raises(StoreError, match=message):
        EmbeddedStore(path).read()


def test_a_missing_store_says_how_to_make_one(tmp_path):
    with pytest.raises(StoreError, match="partygraph load"):
        EmbeddedStore(tmp_path / "none.pgstore").read()


def test_a_write_killed_halfway_leaves_the_previous_store_intact(tmp_path, minimal):
    path = tmp_path / "s.pgstore"
    old = load_dataset(minimal)
    EmbeddedStore(path).replace(old)
    before = path.read_bytes()
    city = tmp_path / "city"
    generate_city(city, enterprises=3000, seed=2)
    assert kill_at(city, str(path), steps_of(EmbeddedStore(tmp_path / "count.pgstore"), load_dataset(city)) // 2)
    assert path.read_bytes() == before
    assert EmbeddedStore(path).read().nodes == old.nodes


def test_databases_that_are_not_stores_of_this_version_are_refused(tmp_path):
    import duckdb

    foreign, future = tmp_path / "foreign.pgstore", tmp_path / "future.pgstore"
    with duckdb.connect(str(foreign)) as db:
        db.execute("CREATE TABLE t (a INTEGER)")
    with duckdb.connect(str(future)) as db:
        db.execute("CREATE TABLE partygraph (format VARCHAR, version INTEGER)")
        db.execute("INSERT INTO partygraph VALUES ('partygraph-store', 99)")
    with pytest.raises(StoreError, match="not a partygraph store"):
        EmbeddedStore(foreign).read()
    with pytest.raises(StoreError, match="version 99"):
        EmbeddedStore(future).counts()


def test_an_opened_store_is_reused_until_the_file_changes(tmp_path, minimal):
    store = EmbeddedStore(tmp_path / "s.pgstore")
    store.replace(load_dataset(minimal))
    first = store.connection()
    assert store.connection() is first
    other = EmbeddedStore(tmp_path / "s.pgstore")          # another process's write, seen through the file
    data = load_dataset(minimal)
    data.add_node("Area", {"id": "A9", "name": "新区", "kind": "district"})
    other.replace(data)
    assert store.connection() is not first and "A9" in store.read().nodes["Area"]
    store.replace(load_dataset(minimal))
    assert "A9" not in store.read().nodes["Area"]


def test_keeping_a_periods_figures_leaves_no_free_block_in_the_file(tmp_path):
    """A figure kept in place rewrites the figures kept before it; the blocks they held are given
    back (the file written anew), so a history is no larger than what it holds."""
    import duckdb

    from partygraph.loaders.history import generate_history
    from partygraph.registers import keep_register

    dates = generate_history(tmp_path / "h", enterprises=300, periods=3, churn=0.1, seed=2)
    store = EmbeddedStore(tmp_path / "s.pgstore")
    for day in dates:
        keep_register(store, load_dataset(tmp_path / "h" / day), day)
    store.close()
    connection = duckdb.connect()
    connection.execute("ATTACH $p AS s (READ_ONLY)", {"p": str(store.path)})
    (free,), = connection.execute("SELECT free_blocks FROM pragma_database_size() WHERE database_name = 's'").fetchall()
    connection.close()
    assert free == 0
    for day in dates:
        store.use(day)
        assert store.kept("statistics")["valid_from"] <= day
