"""A plan as a workbook a committee can discuss: a summary sheet with the coverage rates now and
after, one sheet per street (or other area below the district level) with its proposals grouped by
building — the units by name with their full members —, a sheet of the instructors needed per area
and the rules cited. Written through the one file-writing helper (no cell runs as a formula).
"""

from __future__ import annotations

import os
import re

from ..files import save_workbook
from ..i18n import N_, _, language
from ..words import value_word

SUMMARY_COLUMNS = [("place", N_("area")), ("units", N_("units")), ("org_rate", N_("organizational coverage rate now")),
                   ("org_rate_after", N_("organizational coverage rate after")),
                   ("work_rate", N_("work coverage rate now")), ("work_rate_after", N_("work coverage rate after"))]
PROPOSAL_COLUMNS = [N_("building"), N_("proposal"), N_("organization"), N_("unit"), N_("full members"),
                    N_("instructor"), N_("rule")]
#: Characters a sheet's name may not hold, and its longest length (Excel's rules).
_NOT_IN_SHEET_NAMES = re.compile(r"[\[\]:*?/\\]")
SHEET_NAME_MAX = 31


def write_plan(plan, rates: list[dict], path: str | os.PathLike) -> None:
    """Write ``plan`` and its rates (:func:`partygraph.queries.plan_figures.compared`) to ``path``."""
    from openpyxl import Workbook

    book = Workbook()
    _summary(book.active, plan, rates)
    names = plan.places.names
    by_region: dict[str | None, list[dict]] = {}
    for proposal in plan.proposals:
        by_region.setdefault(proposal["region_id"], []).append(proposal)
    used: set[str] = {book.active.title}
    for region in sorted(by_region, key=lambda r: (r is None, r or "")):
        title = names.get(f"Area:{region}") or region or _("no street")
        _proposals(book.create_sheet(_sheet_name(title, used)), title, by_region[region], plan)
    _instructors(book.create_sheet(_sheet_name(_("instructors needed"), used)), plan)
    save_workbook(book, path)


def _sheet_name(title: str, used: set[str]) -> str:
    base = _NOT_IN_SHEET_NAMES.sub("_", title)[:SHEET_NAME_MAX] or "_"
    name, n = base, 1
    while name.casefold() in {u.casefold() for u in used}:
        n += 1
        name = f"{base[:SHEET_NAME_MAX - len(str(n)) - 1]}-{n}"
    used.add(name)
    return name


def _title(sheet, text: str, width: int) -> None:
    from openpyxl.styles import Alignment, Font

    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
    sheet.cell(1, 1, text).font = Font(bold=True, size=14)
    sheet.cell(1, 1).alignment = Alignment(horizontal="center")


def _header(sheet, row: int, titles: list[str]) -> None:
    from openpyxl.styles import Font

    for number, title in enumerate(titles, start=1):
        sheet.cell(row, number, _(title)).font = Font(bold=True)


def _summary(sheet, plan, rates: list[dict]) -> None:
    sheet.title = _("summary")
    _title(sheet, _("Plan to close the gaps (as of {date})").format(date=plan.as_of), len(SUMMARY_COLUMNS))
    summary = plan.summary()
    facts = [(_("units without an organization"), summary["gap_units"]), (_("units the plan covers"), summary["units_covered"]),
             (_("new branches"), summary["found_branch"]), (_("new joint branches"), summary["new_joint_branch"]),
             (_("units joining an existing joint branch"), summary["units_joining"]),
             (_("units given an instructor there now"), summary["instructors_existing"]),
             (_("new instructors needed"), summary["instructors_needed"]),
             (_("most units per joint branch"), plan.max_units), (_("most units per instructor"), plan.instructor_load)]
    for offset, (label, value) in enumerate(facts, start=3):
        sheet.cell(offset, 1, label)
        sheet.cell(offset, 2, value)
    start = 4 + len(facts)
    _header(sheet, start, [title for _key, title in SUMMARY_COLUMNS])
    for offset, row in enumerate(rates, start=start + 1):
        for number, (key, _title_) in enumerate(SUMMARY_COLUMNS, start=1):
            value = row["place_name"] or row["place_id"] or _("whole register") if key == "place" else row[key]
            cell = sheet.cell(offset, number, value)
            if key.startswith(("org_rate", "work_rate")) and value is not None:
                cell.number_format = "0.0%"
    note = start + len(rates) + 2
    sheet.cell(note, 1, _("base: every non-public enterprise, social organization and individual business of the place "
                          "(rates count them all)"))
    for offset, rule in enumerate(sorted({p["rule"] for p in plan.proposals}), start=note + 1):
        sheet.cell(offset, 1, _("rule: {rule}").format(rule=rule))
    sheet.column_dimensions["A"].width = 36


def _proposals(sheet, title: str, proposals: list[dict], plan) -> None:
    from openpyxl.styles import Alignment

    names, lang = plan.places.names, language()
    _title(sheet, title, len(PROPOSAL_COLUMNS))
    _header(sheet, 3, PROPOSAL_COLUMNS)
    row, last_building = 4, object()
    for proposal in proposals:
        building = proposal["building_id"]
        if building != last_building:
            sheet.cell(row, 1, names.get(f"Building:{building}") or building or _("several buildings or none"))
            last_building = building
        instructor = ""
        if proposal["proposal"] == "send_instructor":
            instructor = proposal["instructor_id"] or _("new instructor needed")
        for offset, (unit_id, name) in enumerate(zip(proposal["enterprise_ids"], proposal["enterprise_names"])):
            if offset == 0:
                sheet.cell(row, 2, value_word("proposal", proposal["proposal"], lang))
                sheet.cell(row, 3, proposal["org_id"] or "")
                sheet.cell(row, 6, instructor)
                sheet.cell(row, 7, proposal["rule"]).alignment = Alignment(wrap_text=True)
            sheet.cell(row, 4, name)
            sheet.cell(row, 5, plan.units[unit_id]["full_members"])
            row += 1
    for letter, width in zip("ABCDEFG", (28, 18, 14, 36, 10, 16, 60)):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = "A4"


def _instructors(sheet, plan) -> None:
    from ..queries.plan import new_instructors

    _title(sheet, _("instructors needed"), 3)
    _header(sheet, 3, [N_("area"), N_("units"), N_("instructors")])
    for offset, row in enumerate(new_instructors(plan), start=4):
        sheet.cell(offset, 1, row["place_name"] or row["place_id"] or _("no area"))
        sheet.cell(offset, 2, row["units"])
        sheet.cell(offset, 3, row["instructors"])
    sheet.column_dimensions["A"].width = 30
