"""Rule checks (the program's side of ``checks.cypher`` and ``checks.sql``): joint branches over
five units, branches over 50 members, organizations without a secretary or (below the top)
without a superior, cycles in the hierarchies, members with neither an organization nor a
``registered_at``, self-pairings and pairings listed in both directions, terms of office expired
or due within 90 days (换届), and branches of seven or more full members without a committee."""

from __future__ import annotations

import datetime as dt
from typing import Mapping

from ..errors import UsageError
from ..i18n import _
from . import rules
from .gaps_members import iso_date

BRANCH_LEVELS = ("branch", "joint_branch", "temporary_branch")
PARAMETERS = {"joint_max_units": rules.JOINT_BRANCH_MAX_UNITS, "branch_max_members": rules.BRANCH_MAX_MEMBERS,
              "branch_levels": BRANCH_LEVELS, "top_levels": rules.TOP_LEVELS,
              "community_term_years": rules.COMMUNITY_TERM_YEARS, "due_within_days": rules.TERM_DUE_DAYS,
              "committee_at": rules.COMMITTEE_AT,
              "rule_joint_over_five": rules.JOINT_OVER_FIVE, "rule_branch_over_50": rules.BRANCH_OVER_50,
              "rule_no_secretary": rules.NO_SECRETARY, "rule_no_superior": rules.NO_SUPERIOR,
              "rule_cycle": rules.CYCLE, "rule_member_nowhere": rules.MEMBER_NOWHERE, "rule_pairing": rules.PAIRING,
              "rule_term_expired": rules.TERM_EXPIRED, "rule_term_due": rules.TERM_DUE,
              "rule_committee_missing": rules.COMMITTEE_MISSING}
#: ``count`` is the units, members or full members behind a finding, or for a term the days since
#: it ended (term_expired) or until it ends (term_due); ``due`` is the day the term ends.
COLUMNS = ["check", "label", "id", "name", "count", "related", "due", "rule"]
ORDER_BY = None                   # sorted in Python: no order both languages can say
SUBJECT = None                    # it judges no enterprises or members, so --place does not narrow it
DERIVED: dict = {}


def options(as_of: str | dt.date | None = None, terms: Mapping[str, int] | None = None) -> dict:
    """``as_of``: the day terms are judged at (default today); ``terms``: term lengths in years by
    level, over the defaults (``{"branch": 2}``).

    >>> options("2026-01-01", {"branch": 2})["term_years"]
    [5, 3, 2, 3]
    """
    years = dict(rules.TERM_YEARS)
    for level, length in (terms or {}).items():
        if level not in rules.TERM_YEARS and level not in ("working_committee", "temporary_branch"):
            raise UsageError(_("--term expects LEVEL=YEARS with a level of {levels}, not {given!r}").format(
                levels=", ".join(rules.TERM_YEARS), given=level))
        years[level] = int(length)
    return {"as_of": iso_date(as_of), "term_levels": list(years), "term_years": list(years.values())}


ORDER = ["joint_branch_over_five", "branch_over_50", "committee_missing", "no_secretary", "no_superior",
         "term_expired", "term_due", "hierarchy_cycle", "member_without_organization", "self_pairing",
         "duplicate_pairing"]


def sort_key(row: dict) -> tuple:
    return ORDER.index(row["check"]), row["label"], row["id"], row["related"]
