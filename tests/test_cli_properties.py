"""Whatever the paths and whatever the cells, a command ends in success or in one message (exit 1):
never a traceback. Paths carry quotes, spaces, Chinese and leading dashes; cells carry what
registers and mischief put in them."""

from __future__ import annotations

import csv
import os
import tempfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings, strategies as st

from partygraph.cli import main
from partygraph.graph.embedded import UNUSABLE
from tests.conftest import SEED_CASES

NAME_CHARACTERS = list("'\" -$;`\\&|*?()[]{}#%~=+@,!") + list("党支部楼宇中文") + list("aZ09_.")
folder_names = st.text(alphabet=NAME_CHARACTERS, min_size=1, max_size=12).filter(
    lambda name: name.strip(".") != "" and name.strip() == name)
CELLS = ["0000.01", "0000.01.01", "2026.13.40", "9999年99月", "3.30303E+11", "1001.0", "=HYPERLINK(\"x\")", "√",
         "-", "—", "\x00", "\x1b[31m", "🙂" * 3, "1e309", "nan", "-1", "99999999999999999999", "是否", "联合党支部；党支部",
         "a" * 300, "\n\n", "'", '"', "2026年2月30日", "00", "NULL"]
cell_values = st.one_of(st.sampled_from(CELLS), st.text(max_size=16))


def _ran_cleanly(result) -> None:
    assert result.exit_code in (0, 1), (result.exit_code, result.output, result.exception)
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.output
    if result.exit_code == 1:
        assert result.stderr.startswith("partygraph: ") or "错误" in result.stderr or "error" in result.stderr


@pytest.fixture(scope="module")
def base(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("paths")


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=folder_names)
def test_commands_on_any_path_succeed_or_say_why(base, name):
    folder = Path(tempfile.mkdtemp(dir=base)) / name
    folder.mkdir()
    store = str(folder / f"{name}.pgstore")
    runner = CliRunner()
    old_tmp = tempfile.tempdir
    tempfile.tempdir = str(folder)          # temporary files land under the odd path too
    try:
        for args in (["load", str(SEED_CASES), "--store", store],
                     ["gaps", "enterprises", "--store", store, "--format", "json"],
                     ["gaps", "members", "--store", store, "--limit", "3"],
                     ["statistics", "--store", store, "--out", str(folder / f"{name}.xlsx")],
                     ["draw", "--store", store, "--scope", "YK-C", "--out", str(folder / f"{name}.html")],
                     ["export", "--store", store, "--format", "csv", "--out", str(folder / f"{name}-csv")],
                     ["stats", "--store", str(folder / "missing" / f"{name}.pgstore")]):
            result = runner.invoke(main, args, env={"PARTYGRAPH_HOME": str(folder / "home")})
            _ran_cleanly(result)
            if args[0] != "stats" and not set(str(folder)) & UNUSABLE:   # what DuckDB cannot use: one message
                assert result.exit_code == 0, (args, result.output)
    finally:
        tempfile.tempdir = old_tmp


def test_the_demo_runs_in_a_folder_whose_name_has_a_quote(tmp_path):
    folder = tmp_path / "o'brien" / "党支部 -x"
    folder.mkdir(parents=True)
    here = os.getcwd()
    os.chdir(folder)
    try:
        result = CliRunner().invoke(main, ["demo"], env={"PARTYGRAPH_HOME": str(tmp_path / "home")})
    finally:
        os.chdir(here)
    assert result.exit_code == 0, result.output
    assert (folder / "partygraph-demo.pgstore").exists()


MINIMAL = {
    "enterprises": [["id", "name", "kind", "employees", "above_scale", "credit_code"],
                    ["E1", "恒达物流有限公司", "非公企业", "12", "√", ""]],
    "organizations": [["id", "name", "level", "parent_id", "establishment", "founded", "enterprise_ids", "elected",
                       "term_years"],
                      ["O1", "恒达物流有限公司党支部", "党支部", "", "是", "2013-06-20", "E1", "2024.03", "3"]],
    "members": [["id", "name", "status", "org_id", "employer_id", "mobile", "joined", "last_contact", "works_since",
                 "registered_at"],
                ["M1", "张三", "正式党员", "O1", "E1", "否", "2001年7月1日", "2026/9/1", "2019.03", "四川阆中"]],
}


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(file=st.sampled_from(sorted(MINIMAL)), column=st.integers(0, 9), value=cell_values)
def test_any_register_cell_gives_a_load_or_one_message(tmp_path_factory, file, column, value):
    folder = tmp_path_factory.mktemp("register")
    for name, rows in MINIMAL.items():
        rows = [list(row) for row in rows]
        if name == file:
            rows[1][column % len(rows[1])] = value
        with open(folder / f"{name}.csv", "w", encoding="utf-8", newline="") as handle:
            csv.writer(handle).writerows(rows)
    runner = CliRunner()
    for args in (["validate", str(folder)], ["load", str(folder), "--store", str(folder / "s.pgstore")]):
        _ran_cleanly(runner.invoke(main, args, env={"PARTYGRAPH_HOME": str(folder / "home")}))
