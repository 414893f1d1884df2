"""Instructors who could guide one more unit (the program's side of ``plan_instructors.cypher``):
members who GUIDE fewer enterprises than an instructor's load, with where those enterprises lie."""

from __future__ import annotations

PARAMETERS: dict = {}
COLUMNS = ["id", "guided", "building_ids", "area_ids"]
ORDER_BY = "id"
SUBJECT = None
DERIVED: dict = {}
#: Units an instructor guides at most, unless the planner says otherwise.
LOAD = 5


def options(instructor_load: int = LOAD) -> dict:
    """``instructor_load``: the most units an instructor guides; only those below it have room."""
    return {"instructor_load": instructor_load}


def sort_key(row: dict) -> tuple:
    return (row["id"],)
