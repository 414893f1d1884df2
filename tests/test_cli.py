import json
import subprocess
import sys

import pytest
from click.testing import CliRunner

from partygraph.cli import main
from tests.conftest import write_csv


@pytest.fixture
def run(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("PARTYGRAPH_STORE", raising=False)
    monkeypatch.delenv("PARTYGRAPH_NEO4J_URI", raising=False)
    runner = CliRunner()
    return lambda *args: runner.invoke(main, [str(a) for a in args])


def test_demo_in_an_empty_folder_loads_the_seed_cases_and_says_so(run, tmp_path):
    result = run("demo")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "partygraph-demo.pgstore").exists()
    assert "Loaded the seed-case dataset" in result.stdout
    stats = run("stats", "--store", "partygraph-demo.pgstore", "--format", "json")
    counts = {row["name"]: row["count"] for row in json.loads(stats.stdout)}
    assert counts["Member"] > 1000 and counts["PAIRED_WITH"] > 0


def test_gaps_of_a_place_the_cbd_lists_the_140_of_its_150_enterprises_without_an_organization(run):
    assert run("demo").exit_code == 0
    result = run("gaps", "enterprises", "--store", "partygraph-demo.pgstore", "--place", "YC-CBD", "--format", "json")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert len(rows) == 150 - 10                  # seed 003: 150 enterprises, 5 own branches + 1 joint of 5
    assert all(row["id"].startswith("CBD-") for row in rows)
    unknown = run("gaps", "enterprises", "--store", "partygraph-demo.pgstore", "--place", "nowhere")
    assert unknown.exit_code == 1 and "no area or building has the id 'nowhere'" in unknown.output


def test_load_then_stats_uses_the_default_store_and_the_environment_variable(run, minimal, tmp_path, monkeypatch):
    assert run("load", minimal).exit_code == 0
    assert (tmp_path / "partygraph.pgstore").exists()
    monkeypatch.setenv("PARTYGRAPH_STORE", str(tmp_path / "other.pgstore"))
    assert run("load", minimal).exit_code == 0
    assert (tmp_path / "other.pgstore").exists()
    rows = json.loads(run("stats", "--format", "json").stdout)
    assert {"kind": "node", "name": "Member", "count": 3} in rows


def test_a_rejected_dataset_exits_1_names_the_cell_and_changes_nothing(run, minimal, tmp_path):
    assert run("load", minimal).exit_code == 0
    before = (tmp_path / "partygraph.pgstore").read_bytes()
    write_csv(minimal, "members.csv", [["id", "name", "org_id"], ["M1", "阮晓", "O404"]])
    result = run("load", minimal)
    assert result.exit_code == 1
    assert 'members.csv, row 2, column org_id: "O404"' in result.stderr
    assert "Traceback" not in result.stderr and result.stdout == ""
    assert (tmp_path / "partygraph.pgstore").read_bytes() == before


def test_debug_adds_the_traceback(run, tmp_path):
    result = run("--debug", "stats", "--store", tmp_path / "missing.pgstore")
    assert result.exit_code == 1 and "Traceback" in result.stderr and "partygraph load" in result.stderr


def test_validate_reports_in_json_and_exits_by_errors(run, minimal):
    ok = run("validate", minimal, "--format", "json")
    assert ok.exit_code == 0 and [p for p in json.loads(ok.stdout) if p["severity"] != "note"] == []
    write_csv(minimal, "areas.csv", [["id", "name", "kind"], ["A1", "街道", "galaxy"]])
    bad = run("validate", minimal, "--format", "json")
    assert bad.exit_code == 1
    [problem] = [p for p in json.loads(bad.stdout) if p["severity"] != "note"]
    message = problem.pop("message")
    assert problem == {"severity": "error", "source": "areas.csv", "row": 2, "column": "kind", "value": "galaxy"}
    assert message.startswith("expected one of street, park")


def test_generate_writes_a_loadable_city(run, tmp_path):
    assert run("generate", "city", "--enterprises", 200, "--seed", 3).exit_code == 0
    assert run("load", tmp_path / "city").exit_code == 0


def test_usage_errors_exit_2(run):
    assert run("generate").exit_code == 2
    assert run("stats", "--format", "xml").exit_code == 2


def test_neo4j_errors_are_one_message_without_the_password(run, monkeypatch):
    monkeypatch.setenv("NEO4J_PASSWORD", "top-secret-9")
    result = run("stats", "--neo4j", "neo4j://127.0.0.1:9")
    assert result.exit_code == 1
    assert result.stderr.startswith("partygraph: cannot reach Neo4j at neo4j://127.0.0.1:9")
    assert "top-secret-9" not in result.stderr + result.stdout


def test_the_module_runs_as_a_program(tmp_path):
    result = subprocess.run([sys.executable, "-m", "partygraph", "--version"], capture_output=True, text=True)
    assert result.returncode == 0 and "partygraph" in result.stdout


def test_a_reader_that_stops_early_or_a_full_disk_ends_the_json_cleanly(tmp_path):
    """The embedded store streams JSON from a DuckDB copy through a pipe: a reader that stops
    (| head) ends it quietly, a full disk is one message, and neither leaves the copy running."""
    import subprocess
    import sys

    from partygraph.graph.embedded import EmbeddedStore
    from partygraph.loaders import load_dataset
    from tests.conftest import SEED_CASES

    EmbeddedStore(tmp_path / "s.pgstore").replace(load_dataset(SEED_CASES))
    command = [sys.executable, "-m", "partygraph", "--lang", "en", "gaps", "enterprises", "--store",
               str(tmp_path / "s.pgstore"), "--format", "json"]
    head = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert head.stdout.read(20).startswith(b'[{"id":')
    head.stdout.close()
    assert head.wait(timeout=60) == 0 and head.stderr.read() == b""
    with open("/dev/full", "wb") as full:
        done = subprocess.run(command, stdout=full, stderr=subprocess.PIPE, timeout=60)
    assert done.returncode == 1 and done.stderr.decode().strip() == "partygraph: No space left on device"


def test_load_takes_the_date_the_title_rows_state_keeps_other_periods_and_reads_at_as_of(tmp_path):
    """An office copy states 填报日期：2026年10月31日 above its header: that is its period unless
    --as-of says otherwise; loading another date keeps it; each read answers from the register in
    force at --as-of, warning once when the date is before every register."""
    import json as json_module

    from partygraph.loaders.office import office_copy
    from tests.conftest import SEED_CASES

    office_copy(SEED_CASES, tmp_path / "台账.xlsx")
    store = ["--store", str(tmp_path / "s.pgstore")]
    runner = CliRunner()
    done = runner.invoke(main, ["--lang", "en", "load", str(tmp_path / "台账.xlsx"), *store])
    assert done.exit_code == 0, done.output
    assert "as the register of 2026-10-31" in done.output
    minimal = tmp_path / "minimal"
    write_csv(minimal, "organizations.csv", [["id", "name", "level"], ["O1", "上海西路街道党工委", "党工委"]])
    write_csv(minimal, "members.csv", [["id", "name", "org_id"], ["M1", "王秋香", "O1"]])
    assert runner.invoke(main, ["load", str(minimal), "--as-of", "2026-12-31", *store]).exit_code == 0
    listed = json_module.loads(runner.invoke(main, ["periods", "--format", "json", *store]).output)
    assert [(p["as_of"], p["Member"]) for p in listed][0][0] == "2026-10-31"
    assert [p["as_of"] for p in listed] == ["2026-10-31", "2026-12-31"]
    members = {day: json_module.loads(runner.invoke(main, ["stats", "--format", "json", "--as-of", day, *store]).stdout)
               for day in ("2026-11-30", "2027-01-01")}
    count = {day: next(r["count"] for r in rows if r["name"] == "Member") for day, rows in members.items()}
    assert count["2027-01-01"] == 1 and count["2026-11-30"] > 100
    early = runner.invoke(main, ["--lang", "en", "stats", "--as-of", "2020-01-01", *store])
    assert early.exit_code == 0 and "before the earliest register" in early.output
