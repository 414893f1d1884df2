"""Shared fixtures: dataset writing helpers and a real Neo4j server when one is configured.

Neo4j tests use ``PARTYGRAPH_TEST_NEO4J_URI`` (with ``NEO4J_USERNAME``/``NEO4J_PASSWORD``), or
the server that ``tools/neo4j-local/neo4j-local start`` runs. They wipe that database. Without
a server they skip, saying how to start one; with ``PARTYGRAPH_REQUIRE_NEO4J=1`` (CI) they fail.
"""

from __future__ import annotations

import csv
import os
import shutil
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


def city_in_both_stores(folder: Path, neo4j_store, enterprises: int, seed: int):
    """Generate a city into ``folder`` and load it into a new embedded store and ``neo4j_store``."""
    from partygraph.graph.embedded import EmbeddedStore
    from partygraph.loaders import load_dataset
    from partygraph.loaders.generate import generate_city

    generate_city(folder, enterprises=enterprises, seed=seed)
    data = load_dataset(folder)
    embedded = EmbeddedStore(folder / "s.pgstore")
    embedded.replace(data)
    neo4j_store.replace(data)
    return embedded, data


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


_NEO4J_TESTS: set[str] = set()
_NEO4J_OUTCOMES: dict[str, int] = {"passed": 0, "failed": 0, "skipped": 0}


def pytest_collection_modifyitems(items) -> None:
    for item in items:
        # Tests that use the server through fixtures, and the [neo4j] side of tests run on both stores.
        if "neo4j_settings" in getattr(item, "fixturenames", ()) or "[neo4j" in item.nodeid:
            _NEO4J_TESTS.add(item.nodeid)


def pytest_runtest_logreport(report) -> None:
    if report.nodeid in _NEO4J_TESTS and (report.when == "call" or report.outcome != "passed"):
        _NEO4J_OUTCOMES[report.outcome] += 1


def pytest_terminal_summary(terminalreporter) -> None:
    """One line saying how many tests ran against the real Neo4j server, and where."""
    if _NEO4J_TESTS:
        settings = _neo4j_settings()
        where = settings[0] if settings else "no server"
        counts = ", ".join(f"{n} {outcome}" for outcome, n in _NEO4J_OUTCOMES.items())
        terminalreporter.write_line(f"Neo4j tests against {where}: {counts}")


@pytest.fixture(autouse=True)
def _language_kept():
    """A test that asks for another language (``--lang``) leaves the one it found."""
    from partygraph import i18n

    before = i18n.language()
    yield
    i18n.set_language(before)


#: A real headless Chromium (Debian's ``chromium``) driven by Playwright, for checking pages.
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def chromium_path() -> str | None:
    return os.environ.get("PARTYGRAPH_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture(scope="session")
def browser():
    path = chromium_path()
    if path is None:
        message = "no Chromium: apt-get install chromium fonts-wqy-microhei"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        yield browser
        browser.close()
