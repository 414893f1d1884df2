"""Shared fixtures: dataset writing helpers and a real Neo4j server when one is configured.

Neo4j tests use ``PARTYGRAPH_TEST_NEO4J_URI`` (with ``NEO4J_USERNAME``/``NEO4J_PASSWORD``), or
the server that ``tools/neo4j-local/neo4j-local start`` runs. They wipe that database. Without
a server they skip, saying how to start one; with ``PARTYGRAPH_REQUIRE_NEO4J=1`` (CI) they fail.
"""

from __future__ import annotations

import csv
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED_CASES = ROOT / "examples" / "seed-cases"
LOCAL = ROOT / ".neo4j-local"


def write_csv(folder: Path, name: str, rows: list[list[object]], encoding: str = "utf-8") -> Path:
    """Write ``rows`` (the first is the header) as ``folder/name``."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    with open(path, "w", encoding=encoding, newline="") as handle:
        csv.writer(handle).writerows(rows)
    return path


@pytest.fixture
def minimal(tmp_path: Path) -> Path:
    """A small valid dataset: two organizations, three members, an enterprise in a building."""
    folder = tmp_path / "minimal"
    write_csv(folder, "areas.csv", [["id", "name", "kind"], ["A1", "上海西路街道", "街道"]])
    write_csv(folder, "buildings.csv", [["id", "name", "area_id"], ["B1", "悦海新天地1号楼", "A1"]])
    write_csv(folder, "enterprises.csv", [["id", "name", "building_id", "employees"], ["E1", "宁夏星浩建设集团", "B1", "120"]])
    write_csv(folder, "organizations.csv", [["id", "name", "level", "parent_id", "enterprise_ids"],
                                            ["O1", "上海西路街道党工委", "党工委", "", ""],
                                            ["O2", "宁夏星浩建设集团党支部", "党支部", "O1", "E1"]])
    write_csv(folder, "members.csv", [["id", "name", "org_id", "employer_id"],
                                      ["M1", "王秋香", "O2", "E1"], ["M2", "吴平", "O2", "E1"], ["M3", "童伟华", "O1", ""]])
    return folder


def _neo4j_settings() -> tuple[str, str, str] | None:
    uri = os.environ.get("PARTYGRAPH_TEST_NEO4J_URI")
    if uri:
        return uri, os.environ.get("NEO4J_USERNAME", "neo4j"), os.environ.get("NEO4J_PASSWORD", "")
    ready, password = LOCAL / "home" / "ready", LOCAL / "password"
    if ready.exists() and password.exists():
        return ready.read_text().strip(), "neo4j", password.read_text().strip()
    return None


@pytest.fixture(scope="session")
def neo4j_settings() -> tuple[str, str, str]:
    settings = _neo4j_settings()
    if settings is None:
        message = "no Neo4j server: start one with 'tools/neo4j-local/neo4j-local start'"
        if os.environ.get("PARTYGRAPH_REQUIRE_NEO4J") == "1":
            pytest.fail(message + " (PARTYGRAPH_REQUIRE_NEO4J=1: Neo4j tests may not skip)")
        pytest.skip(message)
    return settings


@pytest.fixture
def neo4j_env(neo4j_settings, monkeypatch) -> str:
    """The URI, with the credentials in the environment the way users give them."""
    uri, user, password = neo4j_settings
    monkeypatch.setenv("NEO4J_USERNAME", user)
    monkeypatch.setenv("NEO4J_PASSWORD", password)
    monkeypatch.delenv("NEO4J_DATABASE", raising=False)
    return uri


@pytest.fixture
def neo4j_store(neo4j_env):
    """A Neo4j store on an emptied database."""
    from partygraph.graph.neo4j_store import Neo4jStore

    store = Neo4jStore.from_environment(neo4j_env)
    store._autocommit("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS")
    yield store
    store.close()
