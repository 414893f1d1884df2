"""Enterprises without organizational coverage and what to do about each (the embedded twin of
``gaps_enterprises.cypher``)."""

from __future__ import annotations

from typing import Iterable

from . import rules
from .view import View, id_list

PARAMETERS = {"found_branch_at": rules.FOUND_BRANCH_AT, "joint_max_units": rules.JOINT_BRANCH_MAX_UNITS,
              "rule_found": rules.FOUND_BRANCH, "rule_joint": rules.JOINT_BRANCH, "rule_instructor": rules.SEND_INSTRUCTOR}
COLUMNS = ["id", "name", "building_id", "coverage", "full_members", "employees", "action",
           "joint_branches_with_room", "rule"]
SUBJECT = "Enterprise"
#: The number of rows, far cheaper than the rows (one per uncovered enterprise): a limited page on
#: Neo4j asks for the first rows (a top-N, no full sort) and this count (city: 1.1 s instead of 2.0).
TOTAL = """
MATCH (e:Enterprise:Partygraph)
WHERE ($ids IS NULL OR e.id IN $ids) AND NOT EXISTS { ()-[:COVERS]->(e) }
RETURN count(e) AS total
"""
RULES = {"found_branch": rules.FOUND_BRANCH, "joint_branch": rules.JOINT_BRANCH, "send_instructor": rules.SEND_INSTRUCTOR}


def rule(row: dict) -> str:
    """The rule an action comes from (the same text the Cypher's ``rule`` column gives)."""
    return RULES[row["action"]]


DERIVED = {"rule": rule}


def options(ids: Iterable[str] | None = None) -> dict:
    """``ids``: judge only these enterprises (a drawing's), or every one."""
    return {"ids": id_list(ids)}


def full_members(view: View, enterprise: str) -> int:
    return sum(view.props(m).get("status") == "full" for m in view.into(enterprise, "WORKS_AT"))


def action_for(members: int) -> str:
    if members >= rules.FOUND_BRANCH_AT:
        return "found_branch"
    if members >= 1:
        return "joint_branch"
    return "send_instructor"


def joint_branches_with_room(view: View, building: str | None) -> list[str]:
    if building is None:
        return []
    found = {org for enterprise in view.into(building, "LOCATED_IN") for org in view.into(enterprise, "COVERS")
             if view.props(org).get("level") == "joint_branch"
             and len(view.out(org, "COVERS")) < rules.JOINT_BRANCH_MAX_UNITS}
    return sorted(view.id(org) for org in found)


def run(view: View, ids: list[str] | None = None) -> list[dict]:
    rows = []
    for enterprise in view.nodes("Enterprise", ids):
        if view.has_in(enterprise, "COVERS"):
            continue
        building = view.building(enterprise)
        work = view.has_in(enterprise, "GUIDES") or (building is not None and view.has_in(building, "BASED_IN"))
        members = full_members(view, enterprise)
        action = action_for(members)
        props = view.props(enterprise)
        rows.append({"id": props["id"], "name": props["name"], "building_id": view.id(building),
                     "coverage": "work" if work else "none", "full_members": members,
                     "employees": props.get("employees"), "action": action,
                     "joint_branches_with_room": joint_branches_with_room(view, building) if action == "joint_branch" else [],
                     "rule": RULES[action]})
    rows.sort(key=sort_key)
    return rows


def sort_key(row: dict) -> tuple:
    """Most urgent first: most full members, then most employees."""
    employees = row["employees"] if row["employees"] is not None else -1
    return -row["full_members"], -employees, row["id"]
