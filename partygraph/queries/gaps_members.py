"""Isolated mobile and lost-contact members, each with a suggested home organization (the
program's side of ``gaps_members.cypher``)."""

from __future__ import annotations

import calendar
import datetime as dt
from functools import cache
from typing import Iterable

from ..errors import UsageError
from ..i18n import _
from . import rules
from .ids import id_list

PARAMETERS = {"lost_after_months": rules.LOST_AFTER_MONTHS, "rule_isolated": rules.ISOLATED_MOBILE,
              "rule_lost": rules.LOST_CONTACT, "separator": rules.SEPARATOR}
COLUMNS = ["id", "name", "reasons", "employer_id", "suggested_org_id", "registered_at", "last_contact", "rule"]
#: The rows' order, most urgent first, in words both query languages read (the order of ``sort_key``).
ORDER_BY = 'id'
SUBJECT = "Member"
RULES = {"isolated_mobile": rules.ISOLATED_MOBILE, "lost_contact": rules.LOST_CONTACT}


def rule(row: dict) -> str:
    """The rules behind a row's reasons (the same text the Cypher's ``rule`` column gives)."""
    return _rules(tuple(row["reasons"]))


@cache
def _rules(reasons: tuple[str, ...]) -> str:
    return rules.SEPARATOR.join(RULES[reason] for reason in reasons)


DERIVED = {"rule": rule}


def options(as_of: str | dt.date | None = None, ids: Iterable[str] | None = None) -> dict:
    """``as_of`` as an ISO date (default today); ``ids``: judge only these members, or every one."""
    return {"as_of": iso_date(as_of), "ids": id_list(ids)}


def iso_date(day: str | dt.date | None) -> str:
    if day is None:
        return dt.date.today().isoformat()
    try:
        return dt.date.fromisoformat(str(day)).isoformat()
    except ValueError as exc:
        raise UsageError(_("--as-of expects a date such as 2026-11-22, not {given!r}").format(given=day)) from exc


def lost_cutoff(day: str) -> str:
    """The first day of contact that is not lost at ``day`` (ISO dates): the cutoff of
    ``members_judging.cypher``, ``rules.LOST_AFTER_MONTHS`` months before, as its date arithmetic.

    >>> lost_cutoff("2026-08-31")
    '2026-02-28'
    """
    return months_before(dt.date.fromisoformat(day), rules.LOST_AFTER_MONTHS).isoformat()


def months_before(day: dt.date, months: int) -> dt.date:
    """``day`` minus whole months, the day clamped to the month's end (as Neo4j's ``date - duration``).

    >>> months_before(dt.date(2026, 8, 31), 6)
    datetime.date(2026, 2, 28)
    """
    month_index = day.year * 12 + day.month - 1 - months
    year, month = divmod(month_index, 12)
    return dt.date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def sort_key(row: dict) -> tuple:
    return (row["id"],)
