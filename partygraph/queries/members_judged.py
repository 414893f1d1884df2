"""Members judged isolated mobile or out of contact at a date, one row each with its reasons: the
judgement of ``gaps members`` alone (the same lines, included by both), without the employer and the
suggested home it adds for people. ``changes`` compares two registers' judgements with it."""

from __future__ import annotations

from .gaps_members import PARAMETERS as MEMBERS_PARAMETERS, options as members_options

PARAMETERS = {key: MEMBERS_PARAMETERS[key] for key in ("lost_after_months",)}
COLUMNS = ["id", "name", "reasons", "last_contact"]
ORDER_BY = "id"
SUBJECT = "Member"
DERIVED: dict = {}
options = members_options


def sort_key(row: dict) -> tuple:
    return (row["id"],)
