"""Every row as JSON (``analysis_json``, written by DuckDB on the embedded store) is the whole page
of rows: the same rows, in the same order, the derived columns computed by the SQL as ``DERIVED``
computes them."""

import json

import pytest

from partygraph.graph.embedded import EmbeddedStore
from partygraph.loaders import load_dataset
from partygraph.loaders.generate import generate_city
from partygraph.queries import ANALYSES, analysis_json, analysis_page
from tests.conftest import SEED_CASES

OPTIONS = {"gaps members": {"as_of": "2026-11-01"}, "gaps transfers": {"as_of": "2026-11-01"},
           "statistics": {"as_of": "2026-11-01"}}


def as_json(store, name: str, **options) -> list:
    return json.loads(b"".join(analysis_json(store, name, **options)))


def page_as_json(store, name: str, **options) -> list:
    return json.loads(json.dumps(analysis_page(store, name, None, **options).rows, default=str))


@pytest.fixture(scope="module")
def seed_data():
    return load_dataset(SEED_CASES)


@pytest.mark.parametrize("name", sorted(ANALYSES))
def test_every_row_as_json_is_the_whole_page_on_both_stores(on_store, seed_data, name):
    store = on_store(seed_data)
    rows = as_json(store, name, **OPTIONS.get(name, {}))
    assert rows and rows == page_as_json(store, name, **OPTIONS.get(name, {}))


@pytest.fixture(scope="module")
def city(tmp_path_factory):
    folder = tmp_path_factory.mktemp("city")
    generate_city(folder, enterprises=2_000, seed=5)
    store = EmbeddedStore(folder / "s.pgstore")
    store.replace(load_dataset(folder))
    return store


@pytest.mark.parametrize("name", sorted(ANALYSES))
def test_a_generated_city_as_json_is_its_page(city, name):
    rows = as_json(city, name, **OPTIONS.get(name, {}))
    assert len(rows) > 1 and rows == page_as_json(city, name, **OPTIONS.get(name, {}))


def test_no_rows_is_an_empty_array(city):
    assert as_json(city, "gaps enterprises", ids=[]) == []


#: Names with what JSON must escape: controls (DuckDB writes their hex in capitals, orjson in small
#: letters), a backslash before a u, quotes, and characters beyond the basic plane.
ODD_NAMES = ["企业\x1f甲", "乙\\u001F", "丙\"引号\"", "丁\x0b\x0e", "戊𠀀😀"]


def test_both_stores_write_every_analysis_as_the_same_bytes(neo4j_store, seed_data, tmp_path):
    data = load_dataset(SEED_CASES)
    embedded = EmbeddedStore(tmp_path / "s.pgstore")
    embedded.replace(data)
    uncovered = [row["id"] for row in as_json(embedded, "gaps enterprises")]
    for enterprise, name in zip(uncovered, ODD_NAMES):            # names the gaps list shows
        data.nodes["Enterprise"][enterprise]["name"] = name
    embedded.replace(data)
    neo4j_store.replace(data)
    for name in sorted(ANALYSES):
        ours = b"".join(analysis_json(embedded, name, **OPTIONS.get(name, {})))
        theirs = b"".join(analysis_json(neo4j_store, name, **OPTIONS.get(name, {})))
        assert ours == theirs, name
        assert ours.startswith(b"[{") and ours.endswith(b"}]\n") and b"\n" not in ours[:-1]
    assert set(ODD_NAMES) <= {row["name"] for row in as_json(embedded, "gaps enterprises")}


def test_the_cli_writes_the_same_json_from_both_stores(neo4j_store, neo4j_env, seed_data, tmp_path):
    from click.testing import CliRunner

    from partygraph.cli import main

    EmbeddedStore(tmp_path / "s.pgstore").replace(seed_data)
    neo4j_store.replace(seed_data)
    runner = CliRunner()
    for argv in (["gaps", "enterprises"], ["gaps", "members", "--as-of", "2026-11-01"], ["coverage"],
                 ["gaps", "enterprises", "--limit", "5"], ["check", "--as-of", "2026-11-01"]):
        ours = runner.invoke(main, [*argv, "--format", "json", "--store", str(tmp_path / "s.pgstore")])
        theirs = runner.invoke(main, [*argv, "--format", "json", "--neo4j", neo4j_env])
        assert ours.exit_code == theirs.exit_code == 0
        assert ours.stdout_bytes == theirs.stdout_bytes, argv
