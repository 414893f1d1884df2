import json
import os
import signal
import subprocess
import sys
import time

import pytest

from partygraph.errors import StoreError
from partygraph.files import SUFFIX
from partygraph.graph.embedded import EmbeddedStore
from partygraph.loaders import load_dataset
from partygraph.loaders.generate import generate_city
from tests.conftest import SEED_CASES


def test_a_store_reads_back_exactly_the_graph_written(tmp_path):
    data = load_dataset(SEED_CASES)
    store = EmbeddedStore(tmp_path / "s.pgstore")
    store.replace(data)
    back = store.read()
    assert back.nodes == data.nodes and back.rels == data.rels


def test_networkx_view_holds_every_node_and_relationship(tmp_path, minimal):
    store = EmbeddedStore(tmp_path / "s.pgstore")
    data = load_dataset(minimal)
    store.replace(data)
    graph = store.networkx()
    assert graph.number_of_nodes() == sum(data.counts()[label] for label in data.nodes)
    assert graph.number_of_edges() == len(data.rels)
    assert graph.nodes["Member:M1"] == {"label": "Member", "id": "M1", "name": "王秋香", "status": "full", "mobile": False}
    assert graph.has_edge("Organization:O2", "Enterprise:E1", key="COVERS")


def test_the_file_is_plain_versioned_utf8_json_with_chinese_as_written(tmp_path, minimal):
    path = tmp_path / "s.pgstore"
    EmbeddedStore(path).replace(load_dataset(minimal))
    raw = path.read_bytes()
    assert "王秋香".encode("utf-8") in raw
    doc = json.loads(raw)
    assert (doc["format"], doc["version"]) == ("partygraph-store", 1)


@pytest.mark.parametrize("content,message", [
    ('{"format": "partygraph-store", "version": 99}', "version 99"),
    ('{"format": "something-else"}', "not a partygraph store"),
    ("not json", "not a partygraph store, or damaged"),
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
    generate_city(city, enterprises=60000, seed=2)
    child = subprocess.Popen([sys.executable, "-c", (
        "import sys; from partygraph.loaders import load_dataset; from partygraph.graph.embedded import EmbeddedStore;"
        "d = load_dataset(sys.argv[1]); print('writing', flush=True); EmbeddedStore(sys.argv[2]).replace(d)"),
        str(city), str(path)], stdout=subprocess.PIPE, text=True)
    assert child.stdout.readline().strip() == "writing"
    deadline = time.time() + 30
    while not any(p.name.endswith(SUFFIX) for p in tmp_path.iterdir()):
        assert time.time() < deadline and child.poll() is None, "the write finished before it could be killed"
        time.sleep(0.001)
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    assert path.read_bytes() == before
    assert EmbeddedStore(path).read().nodes == old.nodes


def test_opening_a_store_builds_the_same_networkx_graph_as_the_public_api(tmp_path):
    import networkx as nx

    from partygraph.graph.embedded import to_networkx

    folder = tmp_path / "city"
    generate_city(folder, enterprises=2000, seed=9)
    data = load_dataset(folder)
    store = EmbeddedStore(tmp_path / "s.pgstore")
    store.replace(data)
    fast, reference = store.networkx(), to_networkx(data)
    assert nx.utils.graphs_equal(fast, reference)
    assert sorted(fast.edges(keys=True, data=True)) == sorted(reference.edges(keys=True, data=True))
    assert list(fast.predecessors("Enterprise:E1")) == list(reference.predecessors("Enterprise:E1"))
    assert fast.number_of_edges() == reference.number_of_edges() == len(data.rels)


def test_a_damaged_store_is_refused_with_a_reason(tmp_path):
    path = tmp_path / "s.pgstore"
    path.write_text('{"format": "partygraph-store", "version": 1, "nodes": {}, '
                    '"relationships": {"COVERS": {"columns": ["from", "to"], "rows": [["Organization:O1", "Enterprise:E1"]]}}}')
    with pytest.raises(StoreError, match="damaged"):
        EmbeddedStore(path).networkx()


def test_an_opened_store_is_reused_until_the_file_changes(tmp_path, minimal):
    store = EmbeddedStore(tmp_path / "s.pgstore")
    store.replace(load_dataset(minimal))
    first = store.networkx()
    assert store.networkx() is first
    other = EmbeddedStore(tmp_path / "s.pgstore")          # another process's write, seen through the file
    data = load_dataset(minimal)
    data.add_node("Area", {"id": "A9", "name": "新区", "kind": "district"})
    other.replace(data)
    assert store.networkx() is not first and "Area:A9" in store.networkx()
    store.replace(load_dataset(minimal))
    assert "Area:A9" not in store.networkx()
