"""Enterprises without organizational coverage and what to do about each (the program's side of
``gaps_enterprises.cypher``)."""

from __future__ import annotations

from typing import Iterable

from . import rules
from .ids import id_list

PARAMETERS = {"found_branch_at": rules.FOUND_BRANCH_AT, "joint_max_units": rules.JOINT_BRANCH_MAX_UNITS,
              "rule_found": rules.FOUND_BRANCH, "rule_joint": rules.JOINT_BRANCH, "rule_instructor": rules.SEND_INSTRUCTOR}
COLUMNS = ["id", "name", "building_id", "coverage", "full_members", "employees", "action",
           "kind", "above_scale", "area_id", "instructor_ids", "joint_branches_with_room", "rule"]
SUBJECT = "Enterprise"
#: The rows' order, most urgent first, in words both query languages read (the order of ``sort_key``).
ORDER_BY = 'full_members DESC, coalesce(employees, -1) DESC, id'
RULES = {"found_branch": rules.FOUND_BRANCH, "joint_branch": rules.JOINT_BRANCH, "send_instructor": rules.SEND_INSTRUCTOR}


def rule(row: dict) -> str:
    """The rule an action comes from (the same text the Cypher's ``rule`` column gives)."""
    return RULES[row["action"]]


DERIVED = {"rule": rule}


def options(ids: Iterable[str] | None = None) -> dict:
    """``ids``: judge only these enterprises (a drawing's), or every one."""
    return {"ids": id_list(ids)}


def sort_key(row: dict) -> tuple:
    """Most urgent first: most full members, then most employees."""
    employees = row["employees"] if row["employees"] is not None else -1
    return -row["full_members"], -employees, row["id"]
