"""A register written as the input format's CSV files reads back as the same graph."""

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from partygraph.export.dataset import write_dataset
from partygraph.graph.data import GraphData
from partygraph.loaders import load_dataset
from partygraph.loaders.generate import generate_city
from tests.conftest import SEED_CASES


def test_the_seed_cases_round_trip(tmp_path):
    data = load_dataset(SEED_CASES)
    write_dataset(data, tmp_path / "out")
    again = load_dataset(tmp_path / "out")
    assert (again.nodes, again.rels) == (data.nodes, data.rels)


@settings(max_examples=5, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(enterprises=st.integers(1, 800), seed=st.integers(0, 2**32))
def test_generated_cities_round_trip(tmp_path_factory, enterprises, seed):
    folder = tmp_path_factory.mktemp("city")
    generate_city(folder / "in", enterprises=enterprises, seed=seed)
    data = load_dataset(folder / "in")
    write_dataset(data, folder / "out")
    again = load_dataset(folder / "out")
    assert (again.nodes, again.rels) == (data.nodes, data.rels)


def test_text_that_looks_like_a_formula_is_kept_from_running_and_reads_back(tmp_path):
    data = load_dataset(SEED_CASES)
    enterprise = next(iter(data.nodes["Enterprise"].values()))
    enterprise["name"] = "=HYPERLINK(\"http://x\")"
    write_dataset(data, tmp_path / "out")
    assert "'=HYPERLINK" in (tmp_path / "out" / "enterprises.csv").read_text(encoding="utf-8")
    assert load_dataset(tmp_path / "out").nodes["Enterprise"][enterprise["id"]]["name"] == enterprise["name"]


def test_a_file_where_the_folder_should_be_is_refused(tmp_path):
    from partygraph.errors import WriteError

    (tmp_path / "out").write_text("x")
    with pytest.raises(WriteError):
        write_dataset(GraphData(), tmp_path / "out")
