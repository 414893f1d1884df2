"""Registers as offices keep them load to exactly the graph of the clean dataset (both stores),
and every mess that cannot be resolved is one message naming file, row as Excel numbers it, and column."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st
from openpyxl import Workbook, load_workbook

from partygraph.graph.embedded import EmbeddedStore
from partygraph.loaders import load_dataset, validate_dataset
from partygraph.loaders.generate import generate_city
from partygraph.loaders.office import office_copy
from partygraph.loaders.template import write_template
from tests.conftest import SEED_CASES

SLOW = settings(max_examples=4, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@pytest.fixture(autouse=True)
def own_key_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("PARTYGRAPH_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("PARTYGRAPH_ID_KEY", raising=False)


def csv_folder(tmp_path: Path, **files: str) -> Path:
    """A folder of small UTF-8 CSV files: ``csv_folder(tmp_path, members="id,name\\nM1,a\\n")``."""
    folder = tmp_path / "d"
    folder.mkdir()
    for name, content in files.items():
        (folder / f"{name}.csv").write_text(content, encoding="utf-8")
    return folder


@pytest.fixture
def refused(tmp_path, minimal):
    """``refused(dataset, *texts)``: loading ``dataset`` into a store that holds ``minimal`` fails with
    exit 1, one message holding each text and no traceback, and leaves the store byte-identical."""
    from click.testing import CliRunner

    from partygraph.cli import main

    store = tmp_path / "existing.pgstore"
    EmbeddedStore(store).replace(load_dataset(minimal))
    before = store.read_bytes()

    def check(dataset: Path, *texts: str) -> None:
        result = CliRunner().invoke(main, ["load", str(dataset), "--store", str(store)])
        assert result.exit_code == 1 and "Traceback" not in result.output
        for text in texts:
            assert text in result.output
        assert store.read_bytes() == before
    return check


def errors(report):
    return {(p.source, p.row, p.column, p.value) for p in report.errors}


@SLOW
@given(seed=st.integers(0, 10_000), enterprises=st.integers(20, 150), fmt=st.sampled_from(["xlsx", "csv"]))
def test_an_office_copy_of_a_generated_city_loads_to_the_same_graph(tmp_path_factory, seed, enterprises, fmt):
    folder = tmp_path_factory.mktemp("city")
    generate_city(folder / "clean", enterprises=enterprises, seed=seed)
    out = office_copy(folder / "clean", folder / ("台账.xlsx" if fmt == "xlsx" else "台账"), seed=seed)
    messy = validate_dataset(out)
    assert messy.ok, [str(p) for p in messy.errors][:5]
    assert messy.data == load_dataset(folder / "clean")
    assert any("header: row 4" in p.message for p in messy.notes)
    assert any("resolved to ids" in p.message for p in messy.notes)


@pytest.mark.parametrize("store_kind", ["embedded", "neo4j"])
@settings(max_examples=3, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(seed=st.integers(0, 10_000), fmt=st.sampled_from(["xlsx", "csv"]))
def test_an_office_copy_reaches_each_store_as_the_clean_one(tmp_path_factory, request, store_kind, seed, fmt):
    folder = tmp_path_factory.mktemp("city")
    generate_city(folder / "clean", enterprises=80, seed=seed)
    out = office_copy(folder / "clean", folder / ("台账.xlsx" if fmt == "xlsx" else "台账"), seed=seed)
    clean = load_dataset(folder / "clean")
    store = EmbeddedStore(folder / "s.pgstore") if store_kind == "embedded" else request.getfixturevalue("neo4j_store")
    store.replace(load_dataset(out))
    assert store.read() == clean


def test_the_shipped_seed_register_is_the_seed_cases():
    assert load_dataset(SEED_CASES / "台账.xlsx") == load_dataset(SEED_CASES)


def test_an_xls_workbook_reads_like_an_xlsx(tmp_path):
    import xlwt

    office_copy(SEED_CASES, tmp_path / "台账.xlsx")
    source = load_workbook(tmp_path / "台账.xlsx")
    book = xlwt.Workbook(encoding="utf-8")
    dates = xlwt.easyxf(num_format_str="YYYY-MM-DD")
    for sheet in source.worksheets:
        target = book.add_sheet(sheet.title)
        for r, row in enumerate(sheet.iter_rows(values_only=True)):
            for c, value in enumerate(row):
                if value is not None:
                    target.write(r, c, value, dates) if hasattr(value, "year") else target.write(r, c, value)
    book.save(str(tmp_path / "台账.xls"))
    assert load_dataset(tmp_path / "台账.xls") == load_dataset(SEED_CASES)


def test_a_filled_template_loads_exactly(tmp_path):
    path = write_template(tmp_path / "台账.xlsx")
    book = load_workbook(path)
    book["党组织设置情况"].append(["O1", "城东街道党工委", "党工委", None, "是", "2013-06-20", None, None, None, None, None])
    book["党组织设置情况"].append(["O2", "恒达物流有限公司党支部", "党支部", "城东街道党工委", None, None, "2024年3月8日", 3,
                                 "否", "恒达物流有限公司"])
    book["企业名录"].append(["E1", "恒达物流有限公司", "非公企业", None, None, 120, "√", None])
    book["党员花名册"].append(["M1", "王秋香", "正式党员", "恒达物流有限公司党支部", "恒达物流有限公司", None, None,
                          None, "2001年7月1日", None, "2026.10.15", "恒达物流有限公司党支部"])
    book.save(path)
    data = load_dataset(path)
    assert data.nodes["Member"]["M1"] == {"id": "M1", "name": "王秋香", "status": "full", "mobile": False,
                                          "joined": "2001-07-01", "last_contact": "2026-10-15"}
    assert data.nodes["Enterprise"]["E1"]["above_scale"] is True
    assert {k: data.nodes["Organization"]["O2"][k] for k in ("elected", "term_years", "committee")} == {
        "elected": "2024-03-08", "term_years": 3, "committee": False}
    assert {k for k in data.rels if k[0] in ("COVERS", "SUBORDINATE_TO", "SECRETARY_OF", "WORKS_AT")} == {
        ("COVERS", "Organization:O2", "Enterprise:E1"), ("SUBORDINATE_TO", "Organization:O2", "Organization:O1"),
        ("SECRETARY_OF", "Member:M1", "Organization:O2"), ("WORKS_AT", "Member:M1", "Enterprise:E1")}
    assert book["企业名录"]["A2"].number_format == "@"
    assert any(v.formula1 == '"党委,党工委,党总支,党支部,联合党支部,临时党支部"'
               for v in book["党组织设置情况"].data_validations.dataValidation)


def _register(folder: Path, members: list[list[object]], orgs: list[list[object]] | None = None) -> Path:
    """A small register as an office keeps it: title row, 填报单位 line, then the header on row 3."""
    book = Workbook()
    book.remove(book.active)
    sheet = book.create_sheet("党组织设置情况")
    sheet.append(["城东街道党组织设置情况"])
    sheet.append(["填报单位：城东街道"])
    sheet.append(["序号", "党组织名称（必填）", "党组织类别*", "上级党组织"])
    for row in orgs or [[1, "城东街道党工委", "党工委", None], [2, "恒达党支部", "党支部", "城东街道党工委"],
                        [3, "恒达党支部", "党支部", "城东街道党工委"]]:
        sheet.append(row)
    sheet = book.create_sheet("党员花名册")
    sheet.append(["城东街道党员花名册"])
    sheet.append([None])
    sheet.append(["序号", "党员编号", "姓  名", "所属党组织", "入党时间"])
    for row in members:
        sheet.append(row)
    sheet.append(["合计", len(members)])
    path = folder / "花名册.xlsx"
    book.save(path)
    return path


def test_a_name_two_records_share_is_an_error_naming_both_and_nothing_changes(tmp_path, refused):
    orgs = [[1, "城东街道党工委", "党工委", None], [2, "恒达党支部", "党支部", "城东街道党工委"],
            [3, "恒达党支部", "党支部", "城东街道党工委"]]
    path = _register(tmp_path, [[1, "M1", "王秋香", "恒达党支部", "2001-07-01"]], orgs)
    report = validate_dataset(path)
    # Organizations without an id column take their name: the second 恒达党支部 repeats it.
    assert ("花名册.xlsx, sheet 党组织设置情况", 6, "党组织名称（必填）", "恒达党支部") in errors(report)
    refused(path, "sheet 党组织设置情况, row 6, column 党组织名称（必填）")


def test_a_reference_by_a_shared_name_lists_the_ids(tmp_path):
    folder = csv_folder(tmp_path, organizations="id,name,level\nO1,恒达党支部,党支部\nO2,恒达党支部,党支部\n",
                        members="id,name,所属党组织\nM1,王秋香,恒达党支部\nM2,吴平,恒达党支部 \n")
    report = validate_dataset(folder)
    assert errors(report) == {("members.csv", 2, "所属党组织", "恒达党支部"), ("members.csv", 3, "所属党组织", "恒达党支部")}
    assert all("O1, O2" in p.message for p in report.errors)


def test_an_unknown_name_suggests_the_closest(tmp_path):
    path = _register(tmp_path, [[1, "M1", "王秋香", "恒达党支布", "2001-07-01"]],
                     [[1, "城东街道党工委", "党工委", None], [2, "恒达党支部", "党支部", "城东街道党工委"]])
    report = validate_dataset(path)
    [problem] = report.errors
    assert (problem.source, problem.row, problem.column) == ("花名册.xlsx, sheet 党员花名册", 4, "所属党组织")
    assert "closest names: 恒达党支部" in problem.message


def test_two_header_candidates_are_an_error_naming_both_rows(tmp_path, refused):
    folder = csv_folder(tmp_path, organizations="id,name,level\nO1,党委,党委\n",
                        members="id,name,org_id\nM1,a,O1\n\nid,name,org_id\nM2,b,O1\n")
    report = validate_dataset(folder)
    [problem] = [p for p in report.errors if p.source == "members.csv"]
    assert "rows 1 and 4 both look like the header" in problem.message
    refused(folder, "members.csv", "rows 1 and 4 both look like the header")
    assert validate_dataset(folder, header_row=1).ok is False      # row 4 is then data: "id" is not an org


@pytest.mark.parametrize("bad, why", [("3.30303E+11", "scientific notation"), (3.30303198702123e17, "kept only 15")])
def test_ids_excel_damaged_are_errors_saying_how_to_keep_them(tmp_path, refused, bad, why):
    path = _register(tmp_path, [[1, bad, "王秋香", "恒达党支部", "2001-07-01"]],
                     [[1, "城东街道党工委", "党工委", None], [2, "恒达党支部", "党支部", "城东街道党工委"]])
    report = validate_dataset(path)
    [problem] = report.errors
    assert (problem.source, problem.row, problem.column) == ("花名册.xlsx, sheet 党员花名册", 4, "党员编号")
    assert why in problem.message and "format the column as text" in problem.message
    refused(path, "花名册.xlsx, sheet 党员花名册, row 4, column 党员编号", why)


def test_ids_that_lost_their_leading_zeros_are_errors(tmp_path, refused):
    rows = [[1, "0012", "a", "恒达党支部", None], [2, "0013", "b", "恒达党支部", None], [3, 14, "c", "恒达党支部", None]]
    path = _register(tmp_path, rows, [[1, "城东街道党工委", "党工委", None], [2, "恒达党支部", "党支部", "城东街道党工委"]])
    [problem] = validate_dataset(path).errors
    assert (problem.row, problem.column, problem.value) == (6, "党员编号", "14") and "leading zeros" in problem.message
    refused(path, "row 6, column 党员编号", "leading zeros")


def test_members_without_ids_take_a_keyed_id_from_the_identity_number(tmp_path, monkeypatch):
    folder = csv_folder(tmp_path, organizations="name,level\n恒达党支部,党支部\n",
                        members="序号,姓名,公民身份号码,所属党组织\n1,王秋香,11010519491231002X,恒达党支部\n"
                                        "2,吴平,,恒达党支部\n")
    first = validate_dataset(folder)
    ids = sorted(first.data.nodes["Member"])
    assert validate_dataset(folder).data.nodes["Member"].keys() == set(ids)      # the same next quarter
    assert any("id.key" in p.message for p in first.notes)
    assert (tmp_path / "home" / "id.key").stat().st_mode & 0o777 == 0o600
    store = EmbeddedStore(tmp_path / "s.pgstore")
    store.replace(first.data)
    assert b"11010519491231002X" not in store.path.read_bytes()
    monkeypatch.setenv("PARTYGRAPH_ID_KEY", "another-key-of-enough-length")
    assert set(validate_dataset(folder).data.nodes["Member"]) != set(ids)


def test_a_wrong_identity_number_is_an_error_that_does_not_show_it(tmp_path, refused):
    folder = csv_folder(tmp_path, organizations="name,level\n恒达党支部,党支部\n",
                        members="姓名,身份证号\n王秋香,110105194912310021\n")
    [problem] = validate_dataset(folder).errors
    assert (problem.row, problem.column, problem.value) == (2, "身份证号", None)
    assert "110105194912310021" not in str(problem)
    refused(folder, "members.csv, row 2, column 身份证号", "check character")


def test_month_only_dates_and_line_broken_lists(tmp_path):
    folder = tmp_path / "d"
    folder.mkdir()
    with open(folder / "organizations.csv", "w", encoding="utf-8", newline="") as out:
        csv.writer(out).writerows([["编号", "名称", "层级", "覆盖单位"], ["O1", "联合党支部", "联合党支部", "E1\nE2"]])
    (folder / "enterprises.csv").write_text("编号,名称\nE1,甲\nE2,乙\n", encoding="utf-8")
    (folder / "members.csv").write_text("编号,姓名,入党时间,最近联系时间\nM1,a,2026年3月,2026.02\n", encoding="utf-8")
    report = validate_dataset(folder)
    assert report.data.nodes["Member"]["M1"]["joined"] == "2026-03-01"
    assert report.data.nodes["Member"]["M1"]["last_contact"] == "2026-02-28"
    assert len([p for p in report.warnings if "month only" in p.message]) == 2
    assert report.data.counts()["COVERS"] == 2


def test_validate_speaks_chinese_by_default(tmp_path):
    import os
    import subprocess
    import sys

    office_copy(SEED_CASES, tmp_path / "台账.xlsx")
    env = {k: v for k, v in os.environ.items() if k != "PARTYGRAPH_LANG"}
    env["PARTYGRAPH_HOME"] = str(tmp_path)
    done = subprocess.run([sys.executable, "-m", "partygraph", "validate", str(tmp_path / "台账.xlsx")],
                          capture_output=True, text=True, env=env)
    assert done.returncode == 0
    assert "表头：第 4 行" in done.stdout and "按名称填写的引用已对应到编号" in done.stdout
    assert "未读取的行 — 合计行" in done.stdout and "可以载入" in done.stdout
    english = subprocess.run([sys.executable, "-m", "partygraph", "--lang", "en", "validate", str(tmp_path / "台账.xlsx")],
                             capture_output=True, text=True, env=env)
    assert "header: row 4" in english.stdout


def test_enterprises_placed_by_area_and_those_in_no_place(tmp_path):
    folder = csv_folder(tmp_path, areas="id,name,kind\nC,城东社区,社区\n",
                        buildings="id,name,area_id\nB1,一号楼,C\n",
                        enterprises="id,name,所在楼宇,所在社区\nE1,甲,B1,\nE2,乙,,城东社区\nE3,丙,B1,C\nE4,丁,,\n",
                        organizations="id,name,level\nO1,党委,党委\n", members="id,name\nM1,a\n")
    report = validate_dataset(folder)
    assert ("LOCATED_IN", "Enterprise:E2", "Area:C") in report.data.rels
    assert ("LOCATED_IN", "Enterprise:E3", "Area:C") not in report.data.rels
    warnings = {(p.row, p.column): p.message for p in report.warnings}
    assert "the building places it" in warnings[(4, "所在社区")]
    assert "1 enterprises have neither a building nor an area" in warnings[(None, None)]
    assert warnings[(None, None)].endswith(": E4")


def test_sheets_are_read_a_row_at_a_time_numbered_as_excel_numbers_them(tmp_path):
    """The reader takes a sheet's rows one at a time (calamine's iter_rows) instead of the whole
    sheet as Python lists; the rows and their numbers are what the whole-sheet read gives."""
    from collections.abc import Iterator

    from openpyxl import Workbook
    from python_calamine import CalamineWorkbook

    from partygraph.loaders.office import office_copy
    from partygraph.loaders.reader import _workbook_sheets, numbered_rows
    from tests.conftest import SEED_CASES

    offset = Workbook()
    offset.active["C10"], offset.active["E12"] = "党员花名册", 3
    offset.create_sheet("空表")
    offset.save(tmp_path / "offset.xlsx")
    for path in (tmp_path / "offset.xlsx", office_copy(SEED_CASES, tmp_path / "台账.xlsx"),
                 SEED_CASES / "台账.xlsx"):
        workbook = CalamineWorkbook.from_path(str(path))
        for name in workbook.sheet_names:
            sheet = workbook.get_sheet_by_name(name)
            whole = list(enumerate(sheet.to_python(skip_empty_area=False), start=1))
            assert list(numbered_rows(sheet)) == whole, (path.name, name)
        assert all(isinstance(rows, Iterator) for _name, rows in _workbook_sheets(path))
