"""Coverage rates (组织覆盖率, 工作覆盖率) per building and area (the program's side of ``coverage.cypher``).

Which enterprises a rate counts differs between reports, so the base is a choice and every row
says which: ``all``, ``with_members`` or ``min_employees:N``.
"""

from __future__ import annotations

from ..errors import UsageError
from ..i18n import _

PARAMETERS: dict = {}
COLUMNS = ["place_id", "place_name", "place_label", "place_kind", "enterprises", "org_covered", "work_covered",
           "org_coverage_rate", "work_coverage_rate", "base"]
#: The rows' order, most urgent first, in words both query languages read (the order of ``sort_key``).
ORDER_BY = 'place_label, place_id'
SUBJECT = None                    # it judges no enterprises or members, so --place does not narrow it
DERIVED: dict = {}


def options(base: str = "all") -> dict:
    """``all``, ``with_members`` or ``min_employees:N`` as the parameters both forms take.

    >>> options("min_employees:10")
    {'base': 'min_employees', 'min_employees': 10, 'base_label': 'min_employees:10'}
    """
    kind, _colon, number = base.partition(":")
    if kind in ("all", "with_members") and not number:
        return {"base": kind, "min_employees": 0, "base_label": kind}
    if kind == "min_employees" and number.isdigit():
        return {"base": kind, "min_employees": int(number), "base_label": f"min_employees:{int(number)}"}
    raise UsageError(_("--base expects all, with_members or min_employees:N, not {given!r}").format(given=base))


def sort_key(row: dict) -> tuple:
    return row["place_label"], row["place_id"]
