"""Two-new organizations without a co-construction partner, with candidate partners (the
program's side of ``gaps_pairings.cypher``)."""

from __future__ import annotations

from . import rules

CANDIDATE_LEVELS = ("branch", "general_branch")
PARAMETERS = {"two_new_kinds": rules.TWO_NEW_KINDS, "candidate_levels": CANDIDATE_LEVELS, "rule": rules.UNPAIRED}
COLUMNS = ["id", "name", "area_id", "candidates", "rule"]
#: The rows' order, most urgent first, in words both query languages read (the order of ``sort_key``).
ORDER_BY = 'id'
SUBJECT = None                    # it judges no enterprises or members, so --place does not narrow it
DERIVED: dict = {}


def options() -> dict:
    """It takes no options."""
    return {}


def sort_key(row: dict) -> tuple:
    return (row["id"],)
