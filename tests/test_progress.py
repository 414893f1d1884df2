"""Long work reports progress through a callback; the CLI draws a bar on a terminal only."""

import os
import pty
import subprocess
import sys

import pytest

from partygraph.graph.model import LABELS, RELATIONSHIPS

from partygraph.export import export
from partygraph.graph.embedded import EmbeddedStore
from partygraph.loaders import load_dataset
from partygraph.viz import draw
from tests.conftest import SEED_CASES


def recorder():
    seen = []
    return seen, lambda done, total, what: seen.append((done, total, what))


def assert_complete(seen):
    assert seen and [d for d, _t, _w in seen] == sorted(d for d, _t, _w in seen)
    assert seen[-1][0] == seen[-1][1] and len({t for _d, t, _w in seen}) == 1


@pytest.mark.parametrize("store_kind", ["embedded", "neo4j"])
def test_a_load_reports_progress_to_its_end(tmp_path, request, store_kind):
    store = EmbeddedStore(tmp_path / "s.pgstore") if store_kind == "embedded" else request.getfixturevalue("neo4j_store")
    seen, progress = recorder()
    store.replace(load_dataset(SEED_CASES), progress=progress)
    assert_complete(seen)
    if store_kind == "neo4j":
        # Every record once: its version, which is today's graph too.
        assert seen[-1][1] == sum(load_dataset(SEED_CASES).counts().values()) and len(seen) > 5


def test_exports_and_drawings_report_progress(tmp_path):
    store = EmbeddedStore(tmp_path / "s.pgstore")
    store.replace(load_dataset(SEED_CASES))
    for run in (lambda p: export(store, "json", tmp_path / "x.json", key=b"k" * 16, progress=p),
                lambda p: draw(store, tmp_path / "x.html", scope="CBD-FIN", progress=p)):
        seen, progress = recorder()
        run(progress)
        assert_complete(seen)


def test_the_cli_draws_a_bar_on_a_terminal_and_nothing_otherwise(tmp_path):
    env = {**os.environ, "PARTYGRAPH_LANG": "en", "COLUMNS": "100"}
    command = [sys.executable, "-m", "partygraph", "load", str(SEED_CASES), "--store", str(tmp_path / "s.pgstore")]
    piped = subprocess.run(command, capture_output=True, text=True, env=env)
    assert piped.returncode == 0 and "loading" not in piped.stderr
    leader, follower = pty.openpty()
    on_terminal = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=follower, env=env)
    os.close(follower)
    drawn = b""
    try:
        while chunk := os.read(leader, 65536):
            drawn += chunk
    except OSError:
        pass
    os.close(leader)
    steps = len(LABELS) + len(RELATIONSHIPS)           # the embedded store writes a table at a time
    assert on_terminal.returncode == 0 and b"loading" in drawn and f"{steps}/{steps}".encode() in drawn
