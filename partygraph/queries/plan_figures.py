"""What a plan would do to the coverage statistics: the rows of ``statistics`` (the annual report's
tables) of the register with the plan carried out, derived from today's rows and the units the plan
reaches — the same figures ``statistics`` gives on the register ``plan --apply`` writes (tested).
Only the two-new units count, so a state-owned unit the plan covers changes no figure."""

from __future__ import annotations

from ..gcpause import paused_gc
from . import rules
from .statistics import DERIVED, UNIT_KINDS

#: The coverage figures shown now and after, per place.
SHOWN = ("units", "org_covered", "work_covered", "org_rate", "work_rate")


def projected(plan, now: list[dict]) -> list[dict]:
    """The statistics rows after ``plan`` (same order and keys as ``now``)."""
    after = [dict(row) for row in now]
    index = {(row["table"], row["row"], row["place_id"]): row for row in after}
    moves: dict[tuple, int] = {}              # units that move alike, counted once: a city's 230k in thousands
    changes: dict[tuple, tuple] = {}
    for proposal in plan.proposals:
        for unit_id in proposal["enterprise_ids"]:
            unit = plan.units[unit_id]
            if unit["kind"] not in UNIT_KINDS:
                continue
            alike = (proposal["proposal"], bool(unit["instructor_ids"]), unit["coverage"], unit["full_members"])
            change = changes.get(alike)
            if change is None:
                change = changes[alike] = tuple(sorted(_change(*alike).items()))
            if change:
                above = unit["kind"] == "non_public" and bool(unit["above_scale"])
                key = (change, unit["kind"], above, unit["building_id"], unit["area_id"])
                moves[key] = moves.get(key, 0) + 1
    for (change, kind, above, building, area), count in moves.items():
        rows = (kind, "total", "above_scale") if above else (kind, "total")
        for place in (None, *plan.places.unit_areas({"building_id": building, "area_id": area})):
            for name in rows:
                row = index.get(("units", name, place))
                if row is not None:
                    for column, amount in change:
                        row[column] += amount * count
    for row in after:
        if row["table"] == "units":
            for key, derive in DERIVED.items():
                row[key] = derive(row)
    return after


def _change(proposal: str, guided: bool, coverage: str, members: int) -> dict[str, int]:
    """How a unit moves between the report's columns: by the kind of the proposal that reaches it,
    whether an instructor guides it, its coverage and its full members."""
    based = coverage == "work" and not guided
    if proposal == "send_instructor":
        if guided:
            return {}
        return {"uncovered_guided": 1, **({"uncovered_based_in": -1} if based else {})}
    bucket = ("uncovered_3plus" if members >= rules.FOUND_BRANCH_AT else "uncovered_1_2" if members >= 1
              else "uncovered_none")
    change = {"org_covered": 1, bucket: -1}
    if proposal == "found_branch":
        change["org_single"] = 1
    if guided:
        change["uncovered_guided"] = -1
    elif based:
        change["uncovered_based_in"] = -1
    return change


def compared(now: list[dict], after: list[dict]) -> list[dict]:
    """Per place, the total row's coverage figures now and after: ``org_rate``, ``org_rate_after`` …"""
    result = []
    for before, later in zip(now, after):
        if before["table"] == "units" and before["row"] == "total":
            row = {"place_id": before["place_id"], "place_name": before["place_name"]}
            for key in SHOWN:
                row[key] = before[key]
                if key != "units":
                    row[f"{key}_after"] = later[key]
            result.append(row)
    return result


def figures(store, plan) -> tuple[list[dict], list[dict]]:
    """The units table of the statistics of the register the plan was made from, and after it (a
    plan moves no member: the members table stays as it is)."""
    from .statistics import statistics

    now = statistics(store, as_of=plan.as_of, members=False)
    with paused_gc():                   # the collector would scan the plan's objects again for nothing
        return now, projected(plan, now)
