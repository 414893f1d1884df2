"""The CLI and the drawing speak to a store only through the Store interface: tested with a
recording fake, and by the import layering (no module outside graph/ imports a store module)."""

from __future__ import annotations

import ast
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from partygraph.cli import main
from partygraph.graph.store import Store
from tests.fakes import RecordingStore
from tests.queries.conftest import Build

PACKAGE = Path(__file__).resolve().parent.parent / "partygraph"
STORE_MODULES = {"partygraph.graph.embedded", "partygraph.graph.neo4j_store", "partygraph.graph.neo4j_subgraph"}
ROWS = {"gaps enterprises": [
    {"id": f"E{i}", "name": f"企业{i}", "building_id": "B1", "coverage": "none", "full_members": 3, "employees": 10,
     "action": "found_branch", "joint_branches_with_room": [], "rule": "《中国共产党章程》第三十条"} for i in range(60)]}


@pytest.fixture
def fake(monkeypatch):
    b = Build().area("A1").building("B1", "A1").enterprise("E0", "B1").enterprise("E1", "B1")
    store = RecordingStore(b.data, ROWS)
    import partygraph.graph.store as stores

    monkeypatch.setattr(stores, "open_store", lambda **kwargs: store)
    return store


@pytest.mark.parametrize("args, limit", [([], 50), (["--limit", "2"], 2), (["--all"], None),
                                         (["--format", "json", "--limit", "3"], 3), (["--format", "csv", "--limit", "5"], 5)])
def test_a_report_asks_the_store_for_one_page(fake, args, limit):
    result = CliRunner().invoke(main, ["--lang", "en", "gaps", "enterprises", *args])
    assert result.exit_code == 0, result.output
    assert fake.calls == [("use", None), ("analysis_page", "gaps enterprises", {"ids": None}, limit), ("close",)]
    if not args:
        assert "E49" in result.stdout and "E50" not in result.stdout and "10 more enterprises" in result.stdout


def test_every_row_as_json_is_asked_of_the_store_as_json(fake):
    result = CliRunner().invoke(main, ["gaps", "enterprises", "--format", "json"])
    assert result.exit_code == 0, result.output
    assert fake.calls == [("use", None), ("analysis_json", "gaps enterprises", {"ids": None}), ("close",)]
    assert json.loads(result.stdout) == ROWS["gaps enterprises"]


def test_a_place_is_looked_up_through_the_store(fake):
    result = CliRunner().invoke(main, ["gaps", "enterprises", "--place", "A1", "--format", "json"])
    assert result.exit_code == 0
    assert fake.calls[1] == ("place_ids", "A1", "Enterprise")
    assert fake.calls[2] == ("analysis_json", "gaps enterprises", {"ids": ["E0"]})


def test_a_drawing_asks_for_the_scope_and_judges_only_what_it_draws(fake, tmp_path):
    from partygraph.viz import draw

    drawing = draw(fake, tmp_path / "d.html", scope="B1", depth=1, max_nodes=99)
    assert fake.calls[0] == ("subgraph", "structure", "B1", 1, 99)
    assert fake.calls[1] == ("analysis_page", "gaps enterprises", {"ids": ["E0", "E1"]}, None)
    assert drawing.gaps == 2 and drawing.path.exists()


def imports_of(path: Path, root: Path = PACKAGE) -> set[str]:
    """The modules a file of the package (laid out under ``root``) imports, relative imports resolved."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = "partygraph." + ".".join(path.relative_to(root).with_suffix("").parts[:-1])
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.rstrip(".").split(".")
                parts = parts[:len(parts) - node.level + 1]
                base = ".".join(parts + ([node.module] if node.module else []))
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)
    return found


def outside_graph():
    return [p for p in PACKAGE.rglob("*.py") if "graph" not in p.relative_to(PACKAGE).parts[:1]]


def test_no_module_outside_graph_imports_a_store_module():
    offenders = {str(p.relative_to(PACKAGE)): imports_of(p) & STORE_MODULES for p in outside_graph()}
    assert {k: v for k, v in offenders.items() if v} == {}


def test_viz_and_export_use_only_the_store_interface():
    interface = {name for name in vars(Store) if not name.startswith("_")}
    for path in [p for p in outside_graph() if p.relative_to(PACKAGE).parts[0] in ("viz", "export", "queries")]:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        used = {node.attr for node in ast.walk(tree)
                if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "store"}
        assert used <= interface, (path.name, used - interface)


def test_the_layering_check_sees_an_offender(tmp_path):
    bad = tmp_path / "viz" / "_layering_probe.py"          # laid out as in the package, outside it
    bad.parent.mkdir()
    bad.write_text("from ..graph.neo4j_store import MARKER\nfrom ..queries import ANALYSES\n", encoding="utf-8")
    assert imports_of(bad, root=tmp_path) & STORE_MODULES == {"partygraph.graph.neo4j_store"}
    assert "partygraph.queries" in imports_of(bad, root=tmp_path)


def test_graph_never_imports_the_analyses():
    """The analyses ask the stores; the stores never reach back into partygraph.queries."""
    inside = [p for p in PACKAGE.rglob("*.py") if p.relative_to(PACKAGE).parts[0] == "graph"]
    offenders = {p.name: sorted(m for m in imports_of(p) if m.startswith("partygraph.queries")) for p in inside}
    assert {name: found for name, found in offenders.items() if found} == {}
