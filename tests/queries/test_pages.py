"""Bounded answers: the first rows and the total, the same from both stores as the whole answer's
first rows; the CLI's tables stop at 50 rows and say how many more there are."""

import json

import pytest
from click.testing import CliRunner

from partygraph.cli import main
from partygraph.graph.embedded import EmbeddedStore
from partygraph.loaders import load_dataset
from partygraph.queries import ANALYSES, analysis_page, run_analysis
from tests.conftest import SEED_CASES

OPTIONS = {"gaps members": {"as_of": "2026-11-01"}}


@pytest.fixture(scope="module")
def seed_data():
    return load_dataset(SEED_CASES)


@pytest.mark.parametrize("name", sorted(ANALYSES))
@pytest.mark.parametrize("limit", [1, 7, 100_000])
def test_a_page_is_the_first_rows_of_the_whole_answer_on_both_stores(on_store, seed_data, name, limit):
    store = on_store(seed_data)
    whole = run_analysis(store, name, **OPTIONS.get(name, {}))
    page = analysis_page(store, name, limit, **OPTIONS.get(name, {}))
    assert page.total == len(whole) and page.rows == whole[:limit]


@pytest.fixture
def demo_store(tmp_path, seed_data):
    path = tmp_path / "s.pgstore"
    EmbeddedStore(path).replace(seed_data)
    return path


def test_a_table_shows_fifty_rows_and_says_how_to_see_the_rest(demo_store):
    runner = CliRunner()
    whole = json.loads(runner.invoke(main, ["gaps", "enterprises", "--store", str(demo_store), "--format", "json"]).stdout)
    table = runner.invoke(main, ["--lang", "en", "gaps", "enterprises", "--store", str(demo_store)]).stdout
    lines = table.splitlines()
    assert lines[0].startswith("id") and len([l for l in lines[2:] if l and l.split()[0] in {r["id"] for r in whole}]) == 50
    assert f"… {len(whole) - 50:,} more enterprises; --all or --format json shows them all" in table
    everything = runner.invoke(main, ["gaps", "enterprises", "--store", str(demo_store), "--all"]).stdout
    assert all(row["id"] in everything for row in whole) and "more enterprises" not in everything
    chinese = runner.invoke(main, ["--lang", "zh", "gaps", "enterprises", "--store", str(demo_store)]).stdout
    assert f"……另有 {len(whole) - 50:,} 家，--all 或 --format json 查看全部" in chinese


def test_json_and_csv_give_every_row_unless_limited(demo_store):
    runner = CliRunner()
    whole = json.loads(runner.invoke(main, ["gaps", "members", "--store", str(demo_store), "--format", "json"]).stdout)
    three = json.loads(runner.invoke(main, ["gaps", "members", "--store", str(demo_store), "--format", "json",
                                            "--limit", "3"]).stdout)
    assert len(whole) > 3 and three == whole[:3]
    csv = runner.invoke(main, ["gaps", "members", "--store", str(demo_store), "--format", "csv"]).stdout
    assert len(csv.strip().splitlines()) == len(whole) + 1


@pytest.mark.parametrize("count", [0, 1, 1999, 2000, 2001, 4500])
def test_streamed_json_and_csv_hold_every_row_across_chunk_boundaries(count):
    import csv
    import io

    from partygraph.output import stream

    rows = [{"id": f"E{i}", "name": f"企业{i}", "n": i, "list": ["a", "b"]} for i in range(count)]
    out = io.StringIO()
    stream(rows, "json", ["id", "name", "n", "list"], out.write)
    assert json.loads(out.getvalue()) == rows
    out = io.StringIO()
    stream(rows, "csv", ["id", "name", "n", "list"], out.write)
    assert [r["id"] for r in csv.DictReader(io.StringIO(out.getvalue()))] == [r["id"] for r in rows]


#: Ids Java (UTF-16 units) and Python (code points) order differently: U+F900 comes before
#: U+20000 in Python, after it in Java.
ODD_IDS = ["E\uf900", "E\U00020000", "E\uffef", "E\U0001f600"]


@pytest.mark.parametrize("limit", [1, 2, 3])
def test_a_page_holds_pythons_first_rows_where_java_orders_ids_otherwise(on_store, limit):
    from tests.queries.conftest import Build

    b = Build().area("A").building("B", "A")
    for enterprise in ODD_IDS:
        b.enterprise(enterprise, building="B", employees=10)
    store = on_store(b.data)
    whole = run_analysis(store, "gaps enterprises")
    assert [row["id"] for row in whole] == sorted(ODD_IDS)
    page = analysis_page(store, "gaps enterprises", limit)
    assert page.rows == whole[:limit] and page.total == len(ODD_IDS)
    members = Build().area("A")
    for member in ODD_IDS:
        members.member(member.replace("E", "M"), mobile=True, registered_at="四川")
    store = on_store(members.data)
    assert [r["id"] for r in analysis_page(store, "gaps members", limit, as_of="2026-11-01").rows] == \
        sorted(m.replace("E", "M") for m in ODD_IDS)[:limit]
