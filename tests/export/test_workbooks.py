"""Every workbook partygraph writes stores register text as text, never as a formula; the template
formats as text the rows its drop-downs cover; import.txt survives paths a shell would split."""

from __future__ import annotations

import shlex

import pytest
from openpyxl import load_workbook

from partygraph.export.neo4j_admin import write_admin
from partygraph.export.statistics_xlsx import write_statistics
from partygraph.graph.data import GraphData
from partygraph.loaders.template import write_template
from partygraph.queries.statistics import MEMBER_COLUMNS, UNIT_COLUMNS

DANGEROUS = ["=HYPERLINK(\"http://x\",\"点\")", "+1+1", "-2+3", "@SUM(A1)", "=1+1"]


def _cells(path):
    book = load_workbook(path)
    return [cell for sheet in book.worksheets for row in sheet.iter_rows() for cell in row]


def test_the_statistics_workbook_writes_a_formula_like_place_name_as_text(tmp_path):
    rows = [{"table": table, "row": row, "place_id": name, "place_name": name,
             **{key: 1 for key in UNIT_COLUMNS + MEMBER_COLUMNS}}
            for name in DANGEROUS for table, row in (("units", "total"), ("members", "members"))]
    write_statistics(rows, tmp_path / "s.xlsx", "2026-11-01", DANGEROUS[0])
    cells = _cells(tmp_path / "s.xlsx")
    assert [c for c in cells if c.data_type == "f"] == []
    assert {c.value for c in cells} >= {DANGEROUS[0]}


def test_office_copies_write_formula_like_cells_as_text(tmp_path):
    from openpyxl import Workbook

    from partygraph.files import save_workbook

    book = Workbook()
    for value in DANGEROUS:
        book.active.append([value])
    save_workbook(book, tmp_path / "o.xlsx")
    cells = _cells(tmp_path / "o.xlsx")
    assert [c.value for c in cells] == DANGEROUS and {c.data_type for c in cells} == {"s"}


def test_the_template_formats_as_text_every_row_its_drop_downs_cover(tmp_path):
    book = load_workbook(write_template(tmp_path / "t.xlsx"))
    sheet = book["党员花名册"]
    checked = {str(rng) for check in sheet.data_validations.dataValidation for rng in check.sqref.ranges}
    last = max(int(rng.split(":")[1].lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ")) for rng in checked)
    assert last >= 5000
    id_column = next(c.column for c in sheet[1] if c.value.startswith("党员编号"))
    assert sheet.cell(row=last, column=id_column).number_format == "@"
    assert sheet.cell(row=2, column=id_column).number_format == "@"


@pytest.mark.parametrize("folder", ["bulk files", "o'brien", "导出 \"数据\""])
def test_import_txt_quotes_its_paths(tmp_path, folder):
    data = GraphData()
    data.add_node("Area", {"id": "A1", "name": "上海西路街道", "kind": "street"})
    done = write_admin(data, tmp_path / folder)
    words = shlex.split((done.folder / "import.txt").read_text(encoding="utf-8"))
    given = [w.partition("=")[2] for w in words if w.startswith("--nodes=")]
    assert given == [str(p) for p in done.nodes]
