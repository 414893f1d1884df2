"""A plan that closes the gaps: for every enterprise no organization covers, what to do, chosen so
that the most units gain organizational coverage with the fewest new organizations, groups kept as
close together as the rules allow, and what the coverage figures would be once it is done.

Rules (cited in each proposal): a unit with three or more full members founds its own branch
(党章第三十条, 支部工作条例第四条); units with one or two join an existing joint branch of their
building that covers fewer than ``max_units`` units, or form a new joint branch of at least three
full members and at most ``max_units`` units, all in one building or within one area below the
district level (支部工作条例第五条); every unit left gets a party-building instructor (中办发〔2012〕11号):
one who already guides a unit of its building, else of its community, else of its street, guiding at
most ``instructor_load`` units, or a new one. The grouping is solved exactly
(:mod:`partygraph.queries.plan_solver`, HiGHS); instructors are sent biggest employers first.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ..gcpause import paused_gc
from ..graph.model import split_key
from ..progress import Progress
from . import rules
from .gaps_members import iso_date
from .plan_instructors import LOAD
from .plan_solver import BUILDING, COMMUNITY, WIDER, Place, innermost_first, solve

PROPOSALS = ("found_branch", "join_branch", "new_joint_branch", "send_instructor")
COLUMNS = ["proposal", "org_id", "enterprise_ids", "enterprise_names", "building_id", "place_id", "region_id",
           "full_members", "instructor_id", "guided_now", "rule"]
#: Areas a group may span: below the district level (a district or a city is too wide).
GROUP_AREAS = ("community", "street", "park", "business_district", "commercial_area")
RULES = {"found_branch": rules.FOUND_BRANCH, "join_branch": rules.JOINT_BRANCH, "new_joint_branch": rules.JOINT_BRANCH,
         "send_instructor": rules.SEND_INSTRUCTOR}
#: The id of an organization the plan founds, and of an instructor it needs: ``PLAN-3``, ``PLAN-I2``.
NEW_ORG, NEW_INSTRUCTOR = "PLAN-{n}", "PLAN-I{n}"


@dataclass
class Plan:
    """The proposals (JSON objects of ``COLUMNS``), the gap units they were made for (rows of
    ``gaps enterprises`` by id), and the options."""

    as_of: str
    max_units: int
    instructor_load: int
    proposals: list[dict]
    units: dict[str, dict]
    places: "Places"
    solution: dict = field(default_factory=dict)

    def areas(self) -> set[str | None]:
        """The whole register (None) and every area a unit of the plan lies in."""
        places = {(u["building_id"], u["area_id"]) for u in self.units.values()}
        return {None}.union(*(self.places.unit_areas({"building_id": b, "area_id": a}) for b, a in places))

    def summary(self) -> dict:
        """Units to be covered, new organizations, instructors sent and needed."""
        counts = {kind: 0 for kind in PROPOSALS}
        units = {kind: 0 for kind in PROPOSALS}
        existing = 0
        for proposal in self.proposals:
            kind = proposal["proposal"]
            counts[kind] += 1
            units[kind] += len(proposal["enterprise_ids"])
            existing += kind == "send_instructor" and proposal["instructor_id"] is not None
        return {"gap_units": len(self.units), "units_covered": len(self.units) - units["send_instructor"],
                "new_organizations": counts["found_branch"] + counts["new_joint_branch"],
                "found_branch": counts["found_branch"], "new_joint_branch": counts["new_joint_branch"],
                "join_branch": counts["join_branch"], "units_joining": units["join_branch"],
                "instructors_existing": existing,
                "instructors_needed": sum(row["instructors"] for row in new_instructors(self))}


class Places:
    """The area hierarchy and buildings of the register read: parents, kinds, names."""

    def __init__(self, data) -> None:
        self.kind = {aid: props.get("kind") for aid, props in data.nodes["Area"].items()}
        self.names = {**{f"Area:{i}": p.get("name") for i, p in data.nodes["Area"].items()},
                      **{f"Building:{i}": p.get("name") for i, p in data.nodes["Building"].items()}}
        self.parents: dict[str, list[str]] = {}
        for rel_type, src, dst in data.rels:
            if rel_type == "PART_OF":
                self.parents.setdefault(src, []).append(split_key(dst)[1])
        for parents in self.parents.values():
            parents.sort()
        self.building_area = {key.split(":", 1)[1]: parents[0] for key, parents in self.parents.items()
                              if key.startswith("Building:")}
        self._ancestors: dict[str, frozenset[str]] = {}
        self._chains: dict[str | None, list[str]] = {}

    def area_of_building(self, building: str) -> str | None:
        return self.building_area.get(building)

    def parent(self, area: str) -> str | None:
        parents = self.parents.get(f"Area:{area}")
        return parents[0] if parents else None

    def chain(self, area: str | None) -> list[str]:
        """The area and those enclosing it where a group may still form (first parents only),
        innermost first; empty for a district, a city or no area."""
        found = self._chains.get(area)
        if found is None:
            found, start = [], area
            while area is not None and area not in found and self.kind.get(area) in GROUP_AREAS:
                found.append(area)
                area = self.parent(area)
            self._chains[start] = found
        return found

    def ancestors(self, area: str) -> frozenset[str]:
        """The area and every area above it, through every parent (as the statistics count places)."""
        found = self._ancestors.get(area)
        if found is None:
            seen, todo = set(), [area]
            while todo:
                current = todo.pop()
                if current not in seen:
                    seen.add(current)
                    todo += self.parents.get(f"Area:{current}", [])
            found = self._ancestors[area] = frozenset(seen)
        return found

    def unit_areas(self, unit: dict) -> frozenset[str]:
        """Every area a unit lies in, through every parent of its building (or its own area)."""
        if unit["building_id"] is not None:
            direct = self.parents.get(f"Building:{unit['building_id']}", [])
        else:
            direct = [unit["area_id"]] if unit["area_id"] is not None else []
        return frozenset().union(*(self.ancestors(area) for area in direct))


def make_plan(store, as_of: str | dt.date | None = None, place: str | None = None,
              max_units: int = rules.JOINT_BRANCH_MAX_UNITS, instructor_load: int = LOAD,
              progress: Progress = None) -> Plan:
    """The plan for the register the store reads (its period chosen by the caller), for the gap
    units of ``place`` (an area or building id) or of the whole register."""
    from . import run_analysis, side_by_side

    with paused_gc():                          # a city's 230k proposals and their units, none of them cyclic
        gaps, branches, instructors, places = side_by_side(store, [
            lambda: run_analysis(store, "gaps enterprises", place=place),
            lambda: run_analysis(store, "plan branches", max_units=max_units),
            lambda: run_analysis(store, "plan instructors", instructor_load=instructor_load),
            lambda: Places(store.places())])
        units = {row["id"]: row for row in gaps}
        plan = Plan(iso_date(as_of), max_units, instructor_load, [], units, places)
        covered = _groupings(plan, branches, progress)
        _instructors(plan, covered, instructors)
        _number(plan)
    return plan


def _region(places: Places, unit: dict) -> str | None:
    """The widest area a group with this unit may span (the area below the district level), or None."""
    chain = places.chain(unit["area_id"])
    return chain[-1] if chain else None


def _groupings(plan: Plan, branches: list[dict], progress: Progress) -> set[str]:
    """Found, join and new joint branch proposals; returns the units they cover."""
    places, units = plan.places, plan.units
    covered: set[str] = set()
    for unit in units.values():
        if unit["full_members"] >= rules.FOUND_BRANCH_AT:
            plan.proposals.append(_proposal(plan, "found_branch", [unit["id"]]))
            covered.add(unit["id"])
    nodes: dict[str, dict] = {}

    def node(key: str, parent: str | None, scope: int) -> dict:
        return nodes.setdefault(key, {"parent": parent, "scope": scope, "ones": [], "twos": [], "branches": []})

    def area_node(area: str) -> str:
        chain = places.chain(area)
        for inner, outer in zip(chain, chain[1:] + [None]):
            node(f"Area:{inner}", f"Area:{outer}" if outer else None,
                 COMMUNITY if places.kind.get(inner) == "community" else WIDER)
        return f"Area:{area}"

    for unit in sorted(units.values(), key=lambda u: u["id"]):
        if not 1 <= unit["full_members"] < rules.FOUND_BRANCH_AT:
            continue
        if unit["building_id"] is not None:
            area = places.area_of_building(unit["building_id"])
            parent = area_node(area) if places.chain(area) else None
            key = f"Building:{unit['building_id']}"
            node(key, parent, BUILDING)
        elif places.chain(unit["area_id"]):
            key = area_node(unit["area_id"])
        else:
            continue                         # no building and no area a group may span: an instructor
        nodes[key]["ones" if unit["full_members"] == 1 else "twos"].append(unit["id"])
    capacity = {row["id"]: plan.max_units - row["units"] for row in branches}
    for row in branches:
        for building in row["building_ids"]:
            if f"Building:{building}" in nodes:
                nodes[f"Building:{building}"]["branches"].append(row["id"])
    model = [Place(key, n["parent"], n["scope"], len(n["ones"]), len(n["twos"]), tuple(sorted(n["branches"])))
             for key, n in sorted(nodes.items())]
    solution = solve(model, capacity, plan.max_units, progress)
    plan.solution = {"covered": solution.covered, "organizations": solution.organizations,
                     "beyond_building": sum(len(g) for k, g in solution.groups.items() if nodes[k]["scope"] > BUILDING),
                     "beyond_community": sum(len(g) for k, g in solution.groups.items() if nodes[k]["scope"] > COMMUNITY)}
    _carry_out(plan, nodes, solution, covered)
    return covered


def _carry_out(plan: Plan, nodes: dict[str, dict], solution, covered: set[str]) -> None:
    """Name the units the solution counts: innermost places first, joins, then groups from the units
    placed there and those left below, the rest passed up."""
    passed: dict[str, tuple[list[str], list[str]]] = {}
    for key in innermost_first({key: n["parent"] for key, n in nodes.items()}):
        n = nodes[key]
        ones, twos = list(n["ones"]), list(n["twos"])
        for branch in sorted(n["branches"]):
            j1, j2 = solution.joins.get((key, branch), (0, 0))
            joining = sorted(ones[:j1] + twos[:j2])
            del ones[:j1], twos[:j2]
            if joining:
                plan.proposals.append(_proposal(plan, "join_branch", joining, org_id=branch))
                covered.update(joining)
        more1, more2 = passed.pop(key, ([], []))
        ones, twos = sorted(ones + more1), sorted(twos + more2)
        for a, b in solution.groups.get(key, []):
            group = sorted(ones[:a] + twos[:b])
            del ones[:a], twos[:b]
            plan.proposals.append(_proposal(plan, "new_joint_branch", group))
            covered.update(group)
        if n["parent"] is not None:
            up = passed.setdefault(n["parent"], ([], []))
            up[0].extend(ones)
            up[1].extend(twos)


def _instructors(plan: Plan, covered: set[str], instructors: list[dict]) -> None:
    """An instructor for every unit left, biggest employers first: the one it has, else one with
    room of its building, then of each area enclosing it up to the area below the district level."""
    places = plan.places
    load = {row["id"]: row["guided"] for row in instructors}
    at: dict[str, list[str]] = {}
    for row in instructors:
        where = {f"Building:{b}" for b in row["building_ids"]}
        areas = [places.area_of_building(b) for b in row["building_ids"]] + list(row["area_ids"])
        where |= {f"Area:{a}" for area in areas for a in places.chain(area)}
        for key in where:
            at.setdefault(key, []).append(row["id"])
    for ids in at.values():
        ids.sort(reverse=True)                 # the lowest id last: taken first, popped when full
    nearest: dict[tuple, list[list[str]]] = {}  # (building, area) -> the candidates of each place, nearest first
    left = [u for u in plan.units.values() if u["id"] not in covered]
    for unit in sorted(left, key=lambda u: (-(u["employees"] if u["employees"] is not None else -1), u["id"])):
        if unit["instructor_ids"]:
            plan.proposals.append(_proposal(plan, "send_instructor", [unit["id"]], instructor=unit["instructor_ids"][0],
                                            guided_now=True))
            continue
        where = (unit["building_id"], unit["area_id"])
        lists = nearest.get(where)
        if lists is None:
            keys = ([f"Building:{where[0]}"] if where[0] is not None else []) + [f"Area:{a}" for a in places.chain(where[1])]
            lists = nearest[where] = [at[key] for key in keys if key in at]
        chosen = None
        for candidates in lists:
            while candidates and load[candidates[-1]] >= plan.instructor_load:
                candidates.pop()
            if candidates:
                chosen = candidates[-1]
                load[chosen] += 1
                break
        plan.proposals.append(_proposal(plan, "send_instructor", [unit["id"]], instructor=chosen))


def _proposal(plan: Plan, kind: str, ids: list[str], org_id: str | None = None, instructor: str | None = None,
              guided_now: bool = False) -> dict:
    first = plan.units[ids[0]]
    if len(ids) == 1:                        # most proposals: the fast way
        units, building, members = [first], first["building_id"], first["full_members"]
    else:
        units = [plan.units[i] for i in ids]
        buildings = {u["building_id"] for u in units}
        building = buildings.pop() if len(buildings) == 1 else None
        members = sum(u["full_members"] for u in units)
    if building is not None:
        place = plan.places.area_of_building(building)
    else:
        place = _smallest_common_area(plan.places, units)
    return {"proposal": kind, "org_id": org_id, "enterprise_ids": ids, "enterprise_names": [u["name"] for u in units],
            "building_id": building, "place_id": place, "region_id": _region(plan.places, first),
            "full_members": members, "instructor_id": instructor, "guided_now": guided_now, "rule": RULES[kind]}


def _smallest_common_area(places: Places, units: list[dict]) -> str | None:
    chains = [places.chain(u["area_id"]) or ([u["area_id"]] if u["area_id"] else []) for u in units]
    if not chains or not all(chains):
        return None
    shared = set(chains[0]).intersection(*chains[1:])
    return next((area for area in chains[0] if area in shared), None)


def _number(plan: Plan) -> None:
    """Proposals by region, building and kind; each organization the plan founds numbered in that order."""
    order = {kind: i for i, kind in enumerate(PROPOSALS)}
    plan.proposals.sort(key=lambda p: (p["region_id"] or "\uffff", p["building_id"] or "\uffff", order[p["proposal"]],
                                       p["enterprise_ids"][0]))
    n = 0
    for proposal in plan.proposals:
        if proposal["proposal"] in ("found_branch", "new_joint_branch"):
            n += 1
            proposal["org_id"] = NEW_ORG.format(n=n)


def new_instructors(plan: Plan) -> list[dict]:
    """Per area (the unit's building's area, or its own), the units left without an instructor (their
    ids, in the plan's order) and the new instructors they need (each guiding at most the plan's
    instructor load)."""
    per_place: dict[str | None, list[str]] = {}
    for proposal in plan.proposals:
        if proposal["proposal"] == "send_instructor" and proposal["instructor_id"] is None:
            per_place.setdefault(proposal["place_id"], []).append(proposal["enterprise_ids"][0])
    return [{"place_id": place, "place_name": plan.places.names.get(f"Area:{place}") if place else None,
             "enterprise_ids": ids, "units": len(ids), "instructors": -(-len(ids) // plan.instructor_load)}
            for place, ids in sorted(per_place.items(), key=lambda item: (item[0] is None, item[0] or ""))]
