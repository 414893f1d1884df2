"""Joint branches a unit could still join (the program's side of ``plan_branches.cypher``): the
existing joint branches covering fewer than the most units a joint branch covers, with the
buildings where they can take a unit — those of the units they cover, and the one they are based in."""

from __future__ import annotations

from . import rules

PARAMETERS: dict = {}
COLUMNS = ["id", "name", "units", "building_ids"]
ORDER_BY = "id"
SUBJECT = None                    # the plan narrows its units to a place, not the branches they may join
DERIVED: dict = {}


def options(max_units: int = rules.JOINT_BRANCH_MAX_UNITS) -> dict:
    """``max_units``: the most units a joint branch covers; only branches below it have room."""
    return {"max_units": max_units}


def sort_key(row: dict) -> tuple:
    return (row["id"],)
