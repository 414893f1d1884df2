"""``partygraph plan`` as a planner runs it: the table, JSON, the committee's workbook (read back,
no cell a formula), the register carried out (loaded back), and usage errors before any work."""

import json

from click.testing import CliRunner
from openpyxl import load_workbook

from partygraph.cli import main
from partygraph.loaders import load_dataset
from tests.conftest import SEED_CASES, write_csv


def loaded(tmp_path, folder=SEED_CASES):
    store = str(tmp_path / "s.pgstore")
    result = CliRunner().invoke(main, ["load", str(folder), "--store", store, "--as-of", "2026-06-30"])
    assert result.exit_code == 0, result.output
    return store


def test_json_gives_every_proposal_with_its_keys(tmp_path):
    store = loaded(tmp_path)
    result = CliRunner().invoke(main, ["plan", "--store", store, "--format", "json"])
    assert result.exit_code == 0, result.output
    proposals = json.loads(result.stdout)
    assert {"found_branch", "join_branch", "new_joint_branch", "send_instructor"} == {p["proposal"] for p in proposals}
    assert all(set(p) >= {"proposal", "org_id", "enterprise_ids", "building_id", "place_id", "full_members",
                          "instructor_id", "rule"} for p in proposals)
    gaps = json.loads(CliRunner().invoke(main, ["gaps", "enterprises", "--store", store, "--format", "json"]).stdout)
    assert sorted(u for p in proposals for u in p["enterprise_ids"]) == sorted(row["id"] for row in gaps)


def test_the_table_ends_with_the_summary_and_the_rates_now_and_after(tmp_path):
    store = loaded(tmp_path)
    result = CliRunner().invoke(main, ["--lang", "zh", "plan", "--store", store, "--limit", "3"])
    assert result.exit_code == 0, result.output
    assert "条方案" in result.output and "实施后党组织覆盖率" in result.output and "全部台账" in result.output
    assert "依据：" in result.output


def test_the_workbook_and_the_register_carried_out(tmp_path):
    folder = tmp_path / "data"
    folder.mkdir()
    for path in SEED_CASES.glob("*.csv"):
        (folder / path.name).write_bytes(path.read_bytes())
    data = load_dataset(folder)
    building = next(iter(data.nodes["Building"]))
    with open(folder / "enterprises.csv", "a", encoding="utf-8", newline="") as out:
        out.write(f'XLS-1,"=HYPERLINK(""http://x"",""点我"")",non_public,{building},,12,\n')
    with open(folder / "members.csv", encoding="utf-8") as handle:
        header = handle.readline().strip().split(",")
    with open(folder / "members.csv", "a", encoding="utf-8", newline="") as out:
        for n in range(3):
            row = {"id": f"XLS-M{n}", "name": f"测试{n}", "status": "full", "employer_id": "XLS-1"}
            out.write(",".join(row.get(column, "") for column in header) + "\n")
    store = loaded(tmp_path, folder)
    workbook, carried = tmp_path / "方案.xlsx", tmp_path / "carried"
    result = CliRunner().invoke(main, ["--lang", "zh", "plan", "--store", store, "--out", str(workbook), "--apply", str(carried),
                                       "--format", "json"])
    assert result.exit_code == 0, result.output
    book = load_workbook(workbook)
    assert book.sheetnames[0] == "概况" and "需新选派党建指导员" in book.sheetnames and len(book.sheetnames) > 3
    cells = [cell for sheet in book for row in sheet.iter_rows() for cell in row if cell.value is not None]
    assert not any(cell.data_type == "f" for cell in cells)
    assert any(cell.value == '=HYPERLINK("http://x","点我")' for cell in cells)
    again = load_dataset(carried)
    proposals = json.loads(result.stdout)
    founded = [p for p in proposals if p["proposal"] == "found_branch" and p["enterprise_ids"] == ["XLS-1"]]
    assert founded and again.nodes["Organization"][founded[0]["org_id"]]["level"] == "branch"
    assert ("COVERS", f"Organization:{founded[0]['org_id']}", "Enterprise:XLS-1") in again.rels


def test_a_workbook_that_is_not_xlsx_is_a_usage_error_before_any_work(tmp_path):
    result = CliRunner().invoke(main, ["plan", "--store", str(tmp_path / "none.pgstore"), "--out", str(tmp_path / "p.csv")])
    assert result.exit_code == 2 and not (tmp_path / "none.pgstore").exists()


def test_json_on_standard_output_is_json_alone(tmp_path):
    """HiGHS prints a banner on a process's first model whatever its options; it must not reach the JSON."""
    import subprocess
    import sys

    store = loaded(tmp_path)
    done = subprocess.run([sys.executable, "-m", "partygraph", "plan", "--store", store, "--format", "json", "--limit", "2"],
                          capture_output=True, check=True)
    assert len(json.loads(done.stdout)) == 2
