"""Validation names file, Excel row and column of every problem, all at once."""

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import Workbook

from partygraph.errors import DatasetError
from partygraph.loaders import load_dataset, validate_dataset
from tests.conftest import write_csv


def where(report, severity="error"):
    """(source, row, column, value) of each problem of a severity."""
    return {(p.source, p.row, p.column, p.value) for p in report.problems if p.severity == severity}


def test_a_valid_dataset_becomes_the_graph_it_describes(minimal):
    data = load_dataset(minimal)
    assert data.nodes["Member"]["M1"] == {"id": "M1", "name": "王秋香", "status": "full", "mobile": False}
    assert data.nodes["Organization"]["O1"]["level"] == "working_committee"
    assert ("COVERS", "Organization:O2", "Enterprise:E1") in data.rels
    assert ("PART_OF", "Building:B1", "Area:A1") in data.rels
    assert ("SUBORDINATE_TO", "Organization:O2", "Organization:O1") in data.rels
    assert data.counts()["MEMBER_OF"] == 3


def test_every_error_of_every_file_is_reported_together(minimal):
    write_csv(minimal, "organizations.csv", [
        ["id", "name", "level", "parent_id", "founded", "enterprise_ids"],
        ["O1", "街道党工委", "党工委", "", "2013-06-20", ""],
        ["O2", "支部", "platoon", "O1", "2013-02-30", "E1;E9"],
        ["O1", "重复", "党支部", "O7", "", ""],
    ])
    write_csv(minimal, "members.csv", [
        ["id", "name", "status", "org_id", "employer_id", "mobile", "joined"],
        ["M1", "王秋香", "正式党员", "O2", "E1", "否", "2001/7/1"],
        ["M2", "", "retired", "O2", "E5", "maybe", "soon"],
    ])
    write_csv(minimal, "enterprises.csv", [["id", "name", "building_id", "employees"],
                                           ["E1", "宁夏星浩建设集团", "B1", "2000+"]])
    report = validate_dataset(minimal)
    assert report.data is None
    assert where(report) == {
        ("organizations.csv", 3, "level", "platoon"),
        ("organizations.csv", 3, "founded", "2013-02-30"),
        ("organizations.csv", 3, "enterprise_ids", "E9"),
        ("organizations.csv", 4, "id", "O1"),
        ("organizations.csv", 4, "parent_id", "O7"),
        ("members.csv", 3, "name", None),
        ("members.csv", 3, "status", "retired"),
        ("members.csv", 3, "employer_id", "E5"),
        ("members.csv", 3, "mobile", "maybe"),
        ("members.csv", 3, "joined", "soon"),
        ("enterprises.csv", 2, "employees", "2000+"),
    }
    by_column = {p.column: p.message for p in report.errors}
    assert "first on row 2" in by_column["id"]
    assert "expected an id or a name from organizations.csv" in by_column["parent_id"]
    assert "expected one of committee" in by_column["level"]
    assert "a value is required" in by_column["name"]
    assert "expected a whole number" in by_column["employees"]


def test_missing_required_files_and_columns_are_errors(tmp_path):
    write_csv(tmp_path, "organizations.csv", [["id", "name"], ["O1", "党委"]])
    report = validate_dataset(tmp_path)
    assert ("organizations.csv", 1, "level", None) in where(report)
    assert any(p.source == tmp_path.name and "no members table" in p.message for p in report.errors)


def test_unknown_columns_and_files_are_warnings_only(minimal):
    write_csv(minimal, "areas.csv", [["id", "name", "kind", "备注"], ["A1", "上海西路街道", "street", "x"]])
    write_csv(minimal, "notes.csv", [["a"], ["b"]])
    report = validate_dataset(minimal)
    assert report.ok
    assert where(report, "warning") == {("areas.csv", 1, "备注", None), ("notes.csv", None, None, None)}


def test_references_name_the_header_as_the_user_wrote_it(minimal):
    write_csv(minimal, "members.csv", [["编号", "姓名", "所属党组织"], ["M1", "阮晓", "O404"]])
    report = validate_dataset(minimal)
    assert where(report) == {("members.csv", 2, "所属党组织", "O404")}


def test_an_empty_org_id_is_allowed_for_a_member_registered_elsewhere(minimal):
    write_csv(minimal, "members.csv", [["id", "name", "org_id", "mobile", "registered_at"],
                                       ["M1", "阮晓", "", "是", "四川阆中 某大学"]])
    member = load_dataset(minimal).nodes["Member"]["M1"]
    assert member["mobile"] is True and member["registered_at"] == "四川阆中 某大学"


CHINESE = {
    "区域.csv": [["编号", "名称", "类型", "上级编号"], ["A0", "金凤区", "区", ""], ["A1", "阅海湾中央商务区", "CBD", "A0"]],
    "楼宇.csv": [["编号", "名称", "所在区域", "地址"], ["B1", "CBD金融中心", "A1", "银川市金凤区"]],
    "企业.csv": [["统一社会信用代码", "名称", "类型", "所在楼宇", "职工人数", "是否规上"],
               ["91350100M000100Y43", "金积嘉电子工业有限公司", "非公企业", "B1", "2,000", "是"],
               ["91110000600037341M", "银帝物业", "非公企业", "B1", "60", "否"]],
    "党组织.csv": [["编号", "名称", "层级", "上级编号", "覆盖企业", "所在楼宇或区域", "成立日期"],
                ["O1", "阅海湾中央商务区党工委", "党工委", "", "", "A1", "2013年6月20日"],
                ["O2", "CBD金融中心联合党支部", "联合党支部", "O1", "91350100M000100Y43、91110000600037341M", "B1", "2015/7/1"]],
    "党员.csv": [["编号", "姓名", "状态", "所属党组织", "工作单位", "是否流动党员", "参加活动党组织", "组织关系所在地", "入党日期",
                "最近联系日期"],
               ["M1", "阮晓", "预备党员", "", "91350100M000100Y43", "是", "O2", "四川阆中 某大学", "2009年5月4日", "2026/1/2"]],
    "结对共建.csv": [["党组织A", "党组织B", "共建类型", "结对日期"], ["O1", "O2", "联建", "2017-05-10"]],
}


def _check_chinese_dataset(data):
    assert data.nodes["Area"]["A1"]["kind"] == "business_district"
    assert data.nodes["Enterprise"]["91350100M000100Y43"]["employees"] == 2000
    assert data.nodes["Organization"]["O2"] == {"id": "O2", "name": "CBD金融中心联合党支部", "level": "joint_branch",
                                                "establishment": True, "founded": "2015-07-01"}
    assert data.nodes["Member"]["M1"]["status"] == "probationary"
    assert data.nodes["Member"]["M1"]["last_contact"] == "2026-01-02"
    assert ("BASED_IN", "Organization:O1", "Area:A1") in data.rels
    assert ("BASED_IN", "Organization:O2", "Building:B1") in data.rels
    assert data.rels[("PAIRED_WITH", "Organization:O1", "Organization:O2")] == {"kind": "联建", "since": "2017-05-10"}
    assert data.counts()["COVERS"] == 2


@pytest.mark.parametrize("encoding", ["gb18030", "gbk", "utf-8-sig", "utf-8"])
def test_chinese_headers_and_words_in_every_encoding_excel_writes(tmp_path, encoding):
    for name, rows in CHINESE.items():
        write_csv(tmp_path, name, rows, encoding=encoding)
    report = validate_dataset(tmp_path)
    assert report.ok, [str(p) for p in report.problems]
    _check_chinese_dataset(report.data)
    assert where(report, "warning") == {("企业.csv", 3, "统一社会信用代码", "91110000600037341M")}


def _workbook(path: Path, sheets: dict[str, list[list[object]]]) -> Path:
    book = Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
    book.save(path)
    return path


def test_an_xlsx_workbook_reads_like_the_folder_of_csv_files(tmp_path):
    sheets = {name.removesuffix(".csv"): rows for name, rows in CHINESE.items()}
    sheets["党员"][1][8] = dt.datetime(2009, 5, 4)          # a real Excel date cell
    data = load_dataset(_workbook(tmp_path / "city.xlsx", sheets))
    _check_chinese_dataset(data)
    assert data.nodes["Member"]["M1"]["joined"] == "2009-05-04"


def test_xlsx_errors_name_the_sheet_and_its_row(tmp_path):
    sheets = {"organizations": [["id", "name", "level"], ["O1", "党委", "党委"], [None, None, None],
                                ["O2", "支部", "squad"]],
              "members": [["id", "name", "org_id"], ["M1", "x", "O1"]]}
    report = validate_dataset(_workbook(tmp_path / "bad.xlsx", sheets))
    assert where(report) == {("bad.xlsx, sheet organizations", 4, "level", "squad")}


def test_load_dataset_raises_with_every_problem(minimal):
    write_csv(minimal, "members.csv", [["id", "name", "org_id"], ["M1", "a", "X"], ["M2", "b", "Y"]])
    with pytest.raises(DatasetError) as caught:
        load_dataset(minimal)
    assert [p.row for p in caught.value.problems if p.severity == "error"] == [2, 3]
    assert "members.csv, row 3, column org_id" in str(caught.value)


def test_a_pairing_listed_twice_is_kept_once_with_a_warning(minimal):
    write_csv(minimal, "pairings.csv", [["org_a", "org_b"], ["O1", "O2"], ["O1", "O2"]])
    report = validate_dataset(minimal)
    assert report.data.counts()["PAIRED_WITH"] == 1
    assert where(report, "warning") == {("pairings.csv", 3, "org_b", "O2")}


def test_a_path_that_is_neither_folder_nor_workbook_is_an_error(tmp_path):
    (tmp_path / "x.txt").write_text("hello")
    assert not validate_dataset(tmp_path / "x.txt").ok
    assert not validate_dataset(tmp_path / "missing").ok


def test_without_an_id_column_an_enterprise_is_known_by_its_credit_code_else_its_name(minimal):
    write_csv(minimal, "enterprises.csv", [["统一社会信用代码", "名称"], ["91350100M000100Y43", "甲"], ["", "乙"]])
    write_csv(minimal, "organizations.csv", [["id", "name", "level"], ["O1", "党委", "党委"]])
    write_csv(minimal, "members.csv", [["id", "name"], ["M1", "a"]])
    report = validate_dataset(minimal)
    assert report.ok
    assert set(report.data.nodes["Enterprise"]) == {"91350100M000100Y43", "乙"}
