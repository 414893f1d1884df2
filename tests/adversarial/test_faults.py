"""A load killed 20 times on each store, each time at another step of its work (the step its own
progress reports, so no kill depends on how fast this machine is): what is left is the previous
store or the new one whole (embedded), or a store that refuses to be read until a reload converges
(Neo4j) — never a mixed graph; and no temporary file outlives the next command."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from partygraph.errors import StoreError
from partygraph.files import SUFFIX
from partygraph.graph.embedded import EmbeddedStore
from partygraph.loaders import load_dataset
from partygraph.loaders.generate import generate_city
from tests.killing import kill_at, steps_of

KILLS = 20


def start_load(dataset: Path, *store_args: str) -> subprocess.Popen:
    env = {**os.environ, "PARTYGRAPH_LANG": "en"}
    return subprocess.Popen([sys.executable, "-m", "partygraph", "load", str(dataset), *store_args],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)


@pytest.fixture(scope="module")
def datasets(tmp_path_factory):
    folder = tmp_path_factory.mktemp("faults")
    generate_city(folder / "old", enterprises=300, seed=1)
    generate_city(folder / "new", enterprises=3000, seed=2)
    return folder / "old", folder / "new", load_dataset(folder / "old"), load_dataset(folder / "new")


def holds(path, data) -> bool:
    store = EmbeddedStore(path)
    try:
        back = store.read()
    finally:
        store.close()
    return back.nodes == data.nodes and back.rels == data.rels


def test_a_killed_embedded_load_leaves_the_old_store_or_the_new_one(tmp_path, datasets):
    old, new, old_data, new_data = datasets
    path = tmp_path / "s.pgstore"
    steps = steps_of(EmbeddedStore(tmp_path / "count.pgstore"), new_data)
    EmbeddedStore(path).replace(old_data)
    before = path.read_bytes()
    killed = 0
    for attempt in range(KILLS):
        path.write_bytes(before)
        killed += kill_at(new, str(path), 1 + attempt * steps // KILLS)
        assert path.read_bytes() == before                                # killed before the rename
        assert EmbeddedStore(path).read().nodes == old_data.nodes
        assert start_load(new, "--store", str(path)).wait() == 0          # the next command converges
        assert holds(path, new_data)
        assert not [p for p in tmp_path.iterdir() if p.name.endswith(SUFFIX)]
    assert killed == KILLS


@pytest.mark.neo4j
def test_a_killed_neo4j_load_is_never_read_half_done_and_a_reload_converges(neo4j_store, neo4j_env, datasets):
    old, new, old_data, new_data = datasets
    steps = steps_of(neo4j_store, new_data)
    killed = 0
    for attempt in range(KILLS):
        neo4j_store.replace(old_data)
        killed += kill_at(new, neo4j_env, 1 + attempt * steps // KILLS)
        with pytest.raises(StoreError, match="did not finish"):           # refused, not read half done
            neo4j_store.read()
        reload = start_load(new, "--neo4j", neo4j_env)
        assert reload.wait() == 0, reload.stderr.read()
        assert neo4j_store.read() == new_data
    assert killed == KILLS
