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
