"""The neo4j-admin bulk files, imported with Neo4j's own tool into a fresh database, give the same
graph and the same answers as `partygraph load`."""

from __future__ import annotations

import os
import secrets
import shlex
import socket
import subprocess
import time

import pytest

from partygraph.export import export
from partygraph.graph.embedded import EmbeddedStore
from partygraph.graph.neo4j_store import Neo4jStore
from partygraph.loaders import load_dataset
from partygraph.queries import ANALYSES, run_analysis
from tests.conftest import ROOT, SEED_CASES

LAUNCHER = ROOT / "tools" / "neo4j-local"
CLASSPATH = f"{LAUNCHER / 'target' / 'classes'}:{LAUNCHER / 'target' / 'lib' / '*'}"
OPTIONS = {"gaps members": {"as_of": "2026-11-01"}}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.mark.neo4j
def test_admin_import_gives_the_same_graph_and_answers_as_load(neo4j_settings, tmp_path):
    if not (LAUNCHER / "target" / "lib").is_dir():
        pytest.fail("the launcher's jars are missing: run tools/neo4j-local/neo4j-local start once")
    data = load_dataset(SEED_CASES)
    embedded = EmbeddedStore(tmp_path / "s.pgstore")
    embedded.replace(data)
    done = export(embedded, "neo4j-admin", tmp_path / "bulk")
    command = shlex.split((tmp_path / "bulk" / "import.txt").read_text())
    assert command[:5] == ["neo4j-admin", "database", "import", "full", "neo4j"]
    home = tmp_path / "home"
    home.mkdir()
    imported = subprocess.run(["java", "-cp", CLASSPATH, "org.neo4j.cli.AdminTool", *command[1:]],
                              capture_output=True, text=True, env={**os.environ, "NEO4J_HOME": str(home)},
                              cwd=tmp_path)           # its import.report lands here, not in the checkout
    assert imported.returncode == 0 and "IMPORT DONE" in imported.stdout, imported.stdout + imported.stderr
    password, port = tmp_path / "password", free_port()
    password.write_text(secrets.token_urlsafe(12))
    server = subprocess.Popen(["java", "-Xmx1g", "-cp", CLASSPATH, "partygraph.neo4jlocal.Main", str(home), str(port),
                               str(password)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.time() + 120
        while not (home / "ready").exists():
            assert server.poll() is None and time.time() < deadline, "the imported database did not start"
            time.sleep(0.5)
        store = Neo4jStore(f"neo4j://127.0.0.1:{port}", ("neo4j", password.read_text()))
        for statement in (tmp_path / "bulk" / "schema.cypher").read_text().split(";"):
            if statement.strip():
                store._autocommit(statement.strip())
        assert store.read() == data and store.orders_text_like_python()      # the marker's flag came along
        for name in ANALYSES:
            assert run_analysis(store, name, **OPTIONS.get(name, {})) == \
                run_analysis(embedded, name, **OPTIONS.get(name, {})), name
        assert done.nodes == sum(len(v) for v in data.nodes.values()) and done.edges == len(data.rels)
        store.close()
    finally:
        server.terminate()
        server.wait(timeout=60)
