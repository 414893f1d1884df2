"""An empty register to fill (``partygraph template``): one sheet per kind with the Chinese
headers partygraph reads, id columns formatted as text (so Excel keeps long ids and leading
zeros), drop-down lists for the vocabularies and yes/no columns, and an instructions sheet.

>>> import tempfile, os
>>> from partygraph.loaders import validate_dataset
>>> path = write_template(os.path.join(tempfile.mkdtemp(), "台账.xlsx"))
>>> validate_dataset(path).ok
True
"""

from __future__ import annotations

from pathlib import Path

from ..files import save_workbook
from ..graph.model import LABELS
from .spec import FILES, VOCABULARY

#: Rows to fill below the header: drop-downs and text formats cover the same ones.
ROWS = 5000
#: Sheet names, in the order a register is filled.
SHEETS = {"areas": "区域", "buildings": "楼宇", "enterprises": "企业名录", "organizations": "党组织设置情况",
          "members": "党员花名册", "pairings": "结对共建情况"}
#: The header written for each column that is no property of the model (references, and the
#: identity number read only to derive an id); a property's header is the model's. Every one is
#: among the spellings the loader reads.
REFERENCE_HEADERS = {
    "areas": {"parent_id": "上级区域"},
    "buildings": {"area_id": "所在区域"},
    "enterprises": {"building_id": "所在楼宇", "area_id": "所在区域（无楼宇时填）"},
    "organizations": {"parent_id": "上级党组织", "enterprise_ids": "覆盖单位", "based_in": "依托楼宇或区域"},
    "members": {"org_id": "所属党组织", "employer_id": "工作单位", "participates_org_id": "参加活动党组织",
                "secretary_of": "担任书记的党组织", "guides": "联系指导企业", "identity_number": "公民身份号码"},
    "pairings": {"org_a": "甲方党组织", "org_b": "乙方党组织", "kind": "结对类型", "since": "结对日期"},
}


def column_header(name: str, column) -> str:
    """The header the template writes for a column of file ``name``."""
    label = FILES[name].label
    prop = LABELS[label].props.get(column.name) if label else None
    if prop is not None:
        return prop.header or prop.zh
    return REFERENCE_HEADERS[name][column.name]


INSTRUCTIONS = (
    "填表说明",
    "1. 每类信息一张表，表头勿改；带 * 的列必填。可在表头上方加标题行，partygraph 会自动找到表头。",
    "2. 编号列已设为文本格式：长编号、以 0 开头的编号不会被 Excel 改坏。没有编号时可不填，partygraph 以名称（党员以公民身份号码）区分。",
    "3. 所属党组织、工作单位、上级党组织、覆盖单位等可填编号，也可填对方表中的完整名称；多个单位用分号或换行（Alt+Enter）分隔。",
    "4. 是/否列可填 是、否、√ 或留空（视为否）。日期写作 2026-03-01、2026/3/1 或 2026年3月1日。",
    "5. 公民身份号码只用于生成稳定的党员编号，不会被保存或显示。",
)


def _header(name: str, column) -> str:
    return column_header(name, column) + ("*" if column.required else "")


def write_template(out: str | Path) -> Path:
    """Write the empty register to ``out`` (through the one safe way of writing files)."""
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.worksheet.datavalidation import DataValidation

    workbook = Workbook()
    workbook.remove(workbook.active)
    notes = workbook.create_sheet(INSTRUCTIONS[0])
    for row, line in enumerate(INSTRUCTIONS, start=1):
        notes.cell(row=row, column=1, value=line).font = Font(bold=row == 1)
    notes.column_dimensions["A"].width = 110
    for name, title in SHEETS.items():
        spec = FILES[name]
        sheet = workbook.create_sheet(title)
        for position, column in enumerate(spec.columns, start=1):
            cell = sheet.cell(row=1, column=position, value=_header(name, column))
            cell.font = Font(bold=True)
            letter = cell.column_letter
            sheet.column_dimensions[letter].width = max(12, 2 * len(cell.value) + 4)
            cells = f"{letter}2:{letter}{ROWS + 1}"
            if column.name in ("id", "credit_code", "identity_number") or column.refs:
                for row in range(2, ROWS + 2):         # the rows the drop-downs cover
                    sheet.cell(row=row, column=position).number_format = "@"
            choices = _choices(spec.label, column)
            if choices:
                check = DataValidation(type="list", formula1='"' + ",".join(choices) + '"', allow_blank=True)
                check.add(cells)
                sheet.add_data_validation(check)
        sheet.freeze_panes = "A2"
    path = Path(out)
    save_workbook(workbook, path)
    return path


def _choices(label: str | None, column) -> list[str]:
    if label and column.name in LABELS[label].vocabulary:
        return [VOCABULARY[(label, column.name)][value][0] for value in LABELS[label].vocabulary[column.name]]
    if column.type == "bool":
        return ["是", "否"]
    return []



