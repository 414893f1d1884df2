"""Office-style copies of a clean dataset: the same records laid out as a street office keeps its
台账 — a merged title row, a 填报单位 line, a blank row, headers with units and notes, a 序号
column, references written as names, √ for yes, dates typed every which way, a 合计 row and
注： lines below, an instructions sheet, the 党员花名册 split over several sheets; or as GBK CSV
files named for their content. partygraph must read each to exactly the clean dataset's graph
(tests/loaders/test_office.py); the benchmarks time them against the clean files.

>>> import tempfile, os
>>> from partygraph.demo import seed_cases_path
>>> from partygraph.loaders import load_dataset
>>> out = os.path.join(tempfile.mkdtemp(), "台账.xlsx")
>>> _ = office_copy(seed_cases_path(), out)
>>> load_dataset(out) == load_dataset(seed_cases_path())
True
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import random
from pathlib import Path

from ..files import atomic_write, make_folder, save_workbook
from .reader import decode
from .values import parse_bool
from .spec import DEFAULTS, FILES, VOCABULARY
from .template import SHEETS, column_header

#: Headers as people write them: units, notes, line breaks, full-width letters, 时间 for 日期.
MESSY_HEADERS = {
    ("enterprises", "name"): "企业名称\n（全称）", ("enterprises", "employees"): "职工人数（人）",
    ("enterprises", "id"): "企业编号*", ("organizations", "name"): "党组织名称（必填）",
    ("organizations", "level"): "党组织类别*", ("organizations", "founded"): "成立时间",
    ("members", "joined"): "入党时间", ("members", "last_contact"): "最近联系时间",
    ("members", "name"): "姓　名", ("members", "mobile"): "是否流动党员\n（是打√）",
    ("areas", "id"): "区域ＩＤ", ("buildings", "name"): "楼宇名称【全称】",
}
TITLES = {"areas": "区域情况表", "buildings": "楼宇情况表", "enterprises": "两新组织（企业）名录",
          "organizations": "党组织设置情况表", "members": "党员花名册", "pairings": "结对共建情况表"}
_CHINESE_NUMBERS = "一二三四五六七八九十"


def _read_clean(folder: Path) -> dict[str, list[dict[str, str]]]:
    tables = {}
    for name in FILES:
        path = folder / f"{name}.csv"
        if path.exists():
            text, _ = decode(path.read_bytes())
            tables[name] = list(csv.DictReader(io.StringIO(text)))
    return tables


def _unique_names(rows: list[dict[str, str]]) -> dict[str, str]:
    """id -> name, for the records whose name no other record of the kind shares."""
    count: dict[str, int] = {}
    for row in rows:
        count[row["name"]] = count.get(row["name"], 0) + 1
    return {row["id"]: row["name"] for row in rows if count[row["name"]] == 1}


class _Mess:
    def __init__(self, tables: dict[str, list[dict[str, str]]], seed: int, excel_dates: bool) -> None:
        self.rng = random.Random(seed)
        self.excel_dates = excel_dates
        self.names = {name: _unique_names(rows) for name, rows in tables.items() if FILES[name].label}
        # A name may stand for a building or an area in based_in only where it is unique across both.
        shared = set(self.names.get("buildings", {}).values()) & set(self.names.get("areas", {}).values())
        self.ambiguous_places = shared

    def ref(self, column, value: str) -> str:
        for ref in column.refs:
            name = self.names.get(ref, {}).get(value)
            if name is not None and not (len(column.refs) > 1 and name in self.ambiguous_places):
                return name
        return value

    def cell(self, name: str, column, value: str) -> object:
        if value == "":
            return None
        if column.type == "list":
            parts = [self.ref(column, part) for part in value.split(";")]
            return self.rng.choice(["\n", "、", "；"]).join(parts)
        if column.refs:
            return self.ref(column, value)
        if column.type == "bool":
            if parse_bool(value):
                return "√"
            return None if DEFAULTS.get((FILES[name].label, column.name)) is False else "否"
        if column.type == "date":
            day = dt.date.fromisoformat(value)
            shapes = [f"{day.year}.{day.month:02d}.{day.day:02d}", f"{day.year}年{day.month}月{day.day}日",
                      f"{day.year}/{day.month}/{day.day}"]
            if self.excel_dates:
                shapes.append(dt.datetime(day.year, day.month, day.day))
            return self.rng.choice(shapes)
        if column.type == "int":
            return int(value) if self.excel_dates else value
        label = FILES[name].label
        words = VOCABULARY.get((label, column.name)) if label else None
        if words and value in words:
            return words[value][0]
        return value

    def rows(self, name: str, records: list[dict[str, str]]) -> tuple[list[str], list[list[object]]]:
        spec = FILES[name]
        columns = [c for c in spec.columns if c.name in records[0]] if records else list(spec.columns)
        header = ["序号"] + [MESSY_HEADERS.get((name, c.name)) or column_header(name, c) for c in columns]
        body = [[number] + [self.cell(name, c, record.get(c.name, "")) for c in columns]
                for number, record in enumerate(records, start=1)]
        return header, body


#: Sheets whose header an office splits over two rows: the first columns keep their text in the
#: upper row (merged down), the rest sit under one group heading (merged across).
TWO_ROW_HEADERS = {"organizations": (5, "组建及覆盖情况")}


def _header_rows(name: str, header: list[str]) -> list[list[object]]:
    """The header as one row after a blank one, or as two rows (see :data:`TWO_ROW_HEADERS`)."""
    width = len(header)
    if name not in TWO_ROW_HEADERS or width <= TWO_ROW_HEADERS[name][0]:
        return [[None] * width, header]
    single, group = TWO_ROW_HEADERS[name]
    upper = header[:single] + [group] + [None] * (width - single - 1)
    lower = [None] * single + header[single:]
    return [upper, lower]


def _layout(name: str, header: list[str], body: list[list[object]], part: str = "") -> list[list[object]]:
    """The rows of one sheet as an office lays it out: title, 填报单位 line, header ending on row 4,
    the data, a 合计 row and notes."""
    width = len(header)
    rows: list[list[object]] = [[f"城东街道{TITLES[name]}{part}"] + [None] * (width - 1),
                                ["填报单位：城东街道党工委（盖章）", None, None, "填报日期：2026年10月31日"] + [None] * (width - 4),
                                *_header_rows(name, header)]
    rows += body
    rows.append(["合计", f"{len(body)}"] + [None] * (width - 2))
    rows.append(["注：1. 本表由各社区党组织填报，街道党工委汇总。"] + [None] * (width - 1))
    rows.append(["    2. 联系电话：略。"] + [None] * (width - 1))
    return rows


def _sheets(tables: dict[str, list[dict[str, str]]], mess: _Mess, split_members: int):
    for name, records in tables.items():
        header, body = mess.rows(name, records)
        if name == "members" and split_members > 1 and len(body) >= split_members:
            size = -(-len(body) // split_members)
            for part in range(split_members):
                chunk = body[part * size:(part + 1) * size]
                label = f"（{_CHINESE_NUMBERS[part % 10]}）"
                yield name, f"{SHEETS[name]}{label}", _layout(name, header, chunk, label)
        else:
            yield name, SHEETS[name], _layout(name, header, body)


def office_copy(clean: str | Path, out: str | Path, fmt: str | None = None, seed: int = 0,
                split_members: int = 2) -> Path:
    """Write the clean CSV dataset ``clean`` as an office-style ``.xlsx`` workbook, or (``fmt="csv"``
    or ``out`` without ``.xlsx``) as a folder of GBK CSV files named for their content."""
    out = Path(out)
    fmt = fmt or ("xlsx" if out.suffix.lower() == ".xlsx" else "csv")
    tables = _read_clean(Path(clean))
    mess = _Mess(tables, seed, excel_dates=fmt == "xlsx")
    if fmt == "xlsx":
        _write_workbook(out, _sheets(tables, mess, split_members))
    else:
        folder = make_folder(out)
        for _, title, rows in _sheets(tables, mess, split_members):
            with atomic_write(folder / f"{title}.csv", encoding="gb18030", newline="") as handle:
                csv.writer(handle).writerows([["" if v is None else v for v in row] for row in rows])
    return out


def _write_workbook(out: Path, sheets) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment

    workbook = Workbook(write_only=False)
    workbook.remove(workbook.active)
    instructions = workbook.create_sheet("填表说明")
    instructions.append(["填表说明：请按表头填写，所属党组织、工作单位填全称。"])
    for _, title, rows in sheets:
        sheet = workbook.create_sheet(title)
        for row in rows:
            sheet.append(row)
        width = len(rows[3])
        sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
        sheet.cell(row=1, column=1).alignment = Alignment(horizontal="center")
        if rows[2][0] is not None:                       # a two-row header: merge as offices do
            single = next(i for i, v in enumerate(rows[3]) if v is not None)
            for column in range(1, single + 1):
                sheet.merge_cells(start_row=3, start_column=column, end_row=4, end_column=column)
            sheet.merge_cells(start_row=3, start_column=single + 1, end_row=3, end_column=width)
        for column in range(1, width + 1):
            sheet.cell(row=4, column=column).alignment = Alignment(wrap_text=True)
    save_workbook(workbook, out)
