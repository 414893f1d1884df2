"""The coverage statistics as a workbook laid out like the official forms: a title, 填报单位 and
截至日期 lines, a two-level header with merged cells, numbers right-aligned, rates as percentages,
one sheet per table and a sheet of notes stating the definitions and the base. Written with
openpyxl through the one file-writing helper.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from ..files import save_workbook
from ..i18n import N_, _

ROW_WORDS = {"non_public": N_("non-public enterprises"), "above_scale": N_("of which above designated size"),
             "social_org": N_("social organizations"), "individual": N_("individual businesses"),
             "total": N_("total"), "members": N_("members")}


@dataclass(frozen=True)
class Column:
    key: str
    title: str
    group: str | None = None          # the merged heading above it, if any


UNIT_SHEET = [
    Column("place", N_("area")), Column("row", N_("category")), Column("units", N_("units")),
    Column("org_covered", N_("subtotal"), N_("with a party organization")),
    Column("org_single", N_("their own"), N_("with a party organization")),
    Column("org_joint", N_("joint"), N_("with a party organization")),
    Column("uncovered", N_("subtotal"), N_("without a party organization")),
    Column("uncovered_3plus", N_("3 or more full members"), N_("without a party organization")),
    Column("uncovered_1_2", N_("1–2 full members"), N_("without a party organization")),
    Column("uncovered_none", N_("no full member"), N_("without a party organization")),
    Column("uncovered_guided", N_("instructor sent"), N_("work coverage")),
    Column("uncovered_based_in", N_("organization in the building"), N_("work coverage")),
    Column("work_covered", N_("subtotal"), N_("work coverage")),
    Column("org_rate", N_("organizational coverage rate")), Column("work_rate", N_("work coverage rate")),
]
MEMBER_SHEET = [
    Column("place", N_("area")), Column("members", N_("members")), Column("full", N_("full")),
    Column("probationary", N_("probationary")), Column("mobile", N_("mobile")),
    Column("not_transferred", N_("relationship not transferred in")),
    Column("lost_contact", N_("subtotal"), N_("out of contact")),
    Column("lost_6m_1y", N_("6 months to 1 year"), N_("out of contact")),
    Column("lost_1y_5y", N_("1 to 5 years"), N_("out of contact")),
    Column("lost_5y_10y", N_("5 to 10 years"), N_("out of contact")),
    Column("lost_10y_plus", N_("10 years or more"), N_("out of contact")),
]
NOTES = [
    N_("Units: enterprises of kind non_public, social_org and individual located in the area or any area below it "
       "(state-owned enterprises and public institutions are reported in other tables)."),
    N_("With a party organization: some organization covers the unit. Their own: at least one organization that is "
       "not a joint branch covers this unit alone; joint: the rest."),
    N_("Without a party organization: split by the full members working there (probationary members do not count)."),
    N_("Work coverage: with a party organization, or an instructor (党建指导员) guides the unit, or an organization "
       "is based in its building."),
    N_("Rates: of all units counted (the base is every unit of the kinds above); empty where there are none."),
    N_("Members: members working in those units. Mobile: marked mobile, or their organizational relationship is "
       "elsewhere; relationship not transferred in: no organization in the register, registered_at given."),
    N_("Out of contact: no contact for more than six months before the report date, by time since the last contact."),
    N_("Organizations founded and members who joined after the report date are left out."),
]


def write_statistics(rows: list[dict], path: str | os.PathLike, as_of: str, reporting_unit: str) -> None:
    """Write the report's rows (from :func:`partygraph.queries.statistics.statistics`) as a workbook."""
    from openpyxl import Workbook

    book = Workbook()
    compared = next((row["compare_as_of"] for row in rows if row.get("compare_as_of")), None)
    if compared:
        as_of = _("{date} (previous period: {before})").format(date=as_of, before=compared)
    units = book.active
    units.title = _("units")
    _sheet(units, _("Party organization coverage of non-public enterprises and social organizations"),
           _with_changes(UNIT_SHEET, compared), [r for r in rows if r["table"] == "units"], as_of, reporting_unit)
    members = book.create_sheet(_("members"))
    _sheet(members, _("Party members in non-public enterprises and social organizations"),
           _with_changes(MEMBER_SHEET, compared), [r for r in rows if r["table"] == "members"], as_of, reporting_unit)
    notes = book.create_sheet(_("notes"))
    notes.column_dimensions["A"].width = 120
    for number, note in enumerate([_("Definitions"), *(_(n) for n in NOTES)], start=1):
        notes.cell(number, 1, note)
    save_workbook(book, path)


def _with_changes(columns: list[Column], compared: str | None) -> list[Column]:
    """With a comparison, each figure followed by its 上期 and 增减 columns under the same heading."""
    if not compared:
        return columns
    found = []
    for column in columns:
        found.append(column)
        if column.key not in ("place", "row"):
            title = _(column.title)
            found += [Column(f"{column.key}_before", _("{title}: previous").format(title=title), column.group),
                      Column(f"{column.key}_change", _("{title}: change").format(title=title), column.group)]
    return found


def _sheet(sheet, title: str, columns: list[Column], rows: list[dict], as_of: str, reporting_unit: str) -> None:
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    last = len(columns)
    centre = Alignment(horizontal="center", vertical="center", wrap_text=True)
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=last)
    sheet.cell(1, 1, title).font = Font(bold=True, size=14)
    sheet.cell(1, 1).alignment = centre
    sheet.cell(2, 1, _("Reporting unit: {unit}").format(unit=reporting_unit))
    sheet.cell(2, last, _("As of: {date}").format(date=as_of)).alignment = Alignment(horizontal="right")
    groups: dict[str, list[int]] = {}
    for number, column in enumerate(columns, start=1):
        if column.group is None:
            sheet.merge_cells(start_row=4, start_column=number, end_row=5, end_column=number)
            sheet.cell(4, number, _(column.title)).alignment = centre
        else:
            groups.setdefault(column.group, []).append(number)
            sheet.cell(5, number, _(column.title)).alignment = centre
        sheet.column_dimensions[get_column_letter(number)].width = 24 if number == 1 else 14
    for group, numbers in groups.items():
        sheet.merge_cells(start_row=4, start_column=numbers[0], end_row=4, end_column=numbers[-1])
        sheet.cell(4, numbers[0], _(group)).alignment = centre
    for offset, row in enumerate(rows):
        for number, column in enumerate(columns, start=1):
            value = _value(row, column.key)
            cell = sheet.cell(6 + offset, number, value)
            if isinstance(value, (int, float)):
                cell.alignment = Alignment(horizontal="right")
            if column.key.split("_rate")[0] != column.key and value is not None:
                cell.number_format = "0.0%"
    sheet.freeze_panes = "B6"
    # Printed as the forms are: landscape, one page wide, the header repeated on every page.
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    sheet.print_title_rows = "4:5"


def _value(row: dict, key: str) -> object:
    if key == "place":
        return row["place_name"] or row["place_id"] or _("whole register")
    if key == "row":
        return _(ROW_WORDS[row["row"]])
    return row[key]
