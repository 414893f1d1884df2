"""Isolated mobile and lost-contact members, each with a suggested home organization (the
embedded twin of ``gaps_members.cypher``)."""

from __future__ import annotations

import calendar
import datetime as dt
from typing import Iterable

from ..errors import UsageError
from ..i18n import _
from . import rules
from .view import View, id_list

PARAMETERS = {"lost_after_months": rules.LOST_AFTER_MONTHS, "rule_isolated": rules.ISOLATED_MOBILE,
              "rule_lost": rules.LOST_CONTACT, "separator": rules.SEPARATOR}
COLUMNS = ["id", "name", "reasons", "employer_id", "suggested_org_id", "registered_at", "last_contact", "rule"]
TOTAL = None                      # no cheaper count than the analysis itself
SUBJECT = "Member"
RULES = {"isolated_mobile": rules.ISOLATED_MOBILE, "lost_contact": rules.LOST_CONTACT}


def rule(row: dict) -> str:
    """The rules behind a row's reasons (the same text the Cypher's ``rule`` column gives)."""
    return rules.SEPARATOR.join(RULES[reason] for reason in row["reasons"])


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


def months_before(day: dt.date, months: int) -> dt.date:
    """``day`` minus whole months, the day clamped to the month's end (as Neo4j's ``date - duration``).

    >>> months_before(dt.date(2026, 8, 31), 6)
    datetime.date(2026, 2, 28)
    """
    month_index = day.year * 12 + day.month - 1 - months
    year, month = divmod(month_index, 12)
    return dt.date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def suggested_home(view: View, employer: str | None) -> str | None:
    if employer is None:
        return None
    covering = view.into(employer, "COVERS")
    if covering:
        return view.id(min(covering, key=view.id))
    place = view.first(view.out(employer, "LOCATED_IN"))      # a building, or an area when none is known
    if place is None:
        return None
    based = view.into(place, "BASED_IN")
    if based:
        return view.id(min(based, key=view.id))
    if view.props(place)["label"] == "Building":
        joint = [org for other in view.into(place, "LOCATED_IN") if other != employer
                 for org in view.into(other, "COVERS") if view.props(org).get("level") == "joint_branch"]
        if joint:
            return min(view.id(org) for org in joint)
    for area in view.ancestors(place, "PART_OF"):
        based = view.into(area, "BASED_IN")
        if based:
            return min(view.id(org) for org in based)
    return None


def run(view: View, as_of: str, ids: list[str] | None = None) -> list[dict]:
    cutoff = months_before(dt.date.fromisoformat(as_of), rules.LOST_AFTER_MONTHS).isoformat()
    rows = []
    for member in view.nodes("Member", ids):
        props = view.props(member)
        mobile = bool(props.get("mobile")) or (not view.has_out(member, "MEMBER_OF") and "registered_at" in props)
        isolated = mobile and not view.has_out(member, "PARTICIPATES_IN")
        lost = "last_contact" in props and props["last_contact"] < cutoff
        if not (isolated or lost):
            continue
        employer = view.first(view.out(member, "WORKS_AT"))
        row = {"id": props["id"], "name": props["name"],
               "reasons": [r for r, on in (("isolated_mobile", isolated), ("lost_contact", lost)) if on],
               "employer_id": view.id(employer),
               "suggested_org_id": suggested_home(view, employer) if isolated else None,
               "registered_at": props.get("registered_at"), "last_contact": props.get("last_contact")}
        rows.append({**row, "rule": rule(row)})
    rows.sort(key=sort_key)
    return rows


def sort_key(row: dict) -> tuple:
    return (row["id"],)
