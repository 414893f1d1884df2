"""Members to transfer in (转入组织关系): the program's side of ``gaps_transfers.cypher`` and
``gaps_transfers.sql``. A member who works in a unit of the register but whose organizational
relationship is elsewhere (``registered_at`` given, no organization in the register) should move
it to the organization there (《中国共产党党员教育管理工作条例》第二十五条)."""

from __future__ import annotations

import datetime as dt
from typing import Iterable

from . import rules
from .gaps_members import iso_date
from .ids import id_list

PARAMETERS = {"rule": rules.TRANSFER}
COLUMNS = ["id", "name", "employer_id", "employer_name", "registered_at", "suggested_org_id", "works_since",
           "months_at_employer", "rule"]
#: The rows' order, most urgent first, in words both query languages read (the order of ``sort_key``).
ORDER_BY = 'coalesce(months_at_employer, -1) DESC, id, employer_id'
SUBJECT = "Member"
DERIVED = {"rule": lambda row: rules.TRANSFER}


def options(as_of: str | dt.date | None = None, ids: Iterable[str] | None = None) -> dict:
    """``as_of``: the day months at the employer are counted to (default today); ``ids``: only these members."""
    return {"as_of": iso_date(as_of), "ids": id_list(ids)}


def sort_key(row: dict) -> tuple:
    """Longest at the employer first (they should have moved long ago), then by id."""
    months = row["months_at_employer"]
    return -(months if months is not None else -1), row["id"], row["employer_id"]
