"""The optimisation at the heart of a plan: which units with one or two full members join an
existing joint branch and which form new joint branches.

Units with the same number of full members placed in the same building are interchangeable for the
objective, so the model counts them instead of naming them. Within one area below the district
level (a *region*) any units may group, so the first two aims — the most units covered, then the
fewest new organizations — depend only on how many units of each building join which branch and on
how many units with one and with two full members the region's new groups take: ``g`` groups of
``o`` units with one full member and ``t`` with two, at most ``k`` units each, exist exactly when
``3g <= o + 2t``, ``2g <= o + t`` and ``o + t <= k*g`` (:func:`feasible`; the tests check it
exhaustively). HiGHS solves that integer program to proof (no gap: its objective is a whole number).
The third aim — groups within one building, then one community, before wider ones — is met by
:func:`arrange`: innermost places first, it forms each group there that still leaves the proved
optimum reachable, so it never costs a unit or adds an organization (it is a preference, not proved
optimal).

>>> places = [Place("B:1", None, 0, ones=2, twos=1), Place("B:2", None, 0, ones=1, twos=0)]
>>> solution = solve(places, {}, max_units=5)
>>> solution.groups["B:1"], solution.covered, solution.organizations
([(2, 1)], 3, 1)
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field

from ..errors import PlanError
from ..i18n import _
from ..progress import Progress, Tally

#: Scope of the place a group forms in: within one building, one community, or wider.
BUILDING, COMMUNITY, WIDER = 0, 1, 2
#: Full members a group needs together, and the full members of the two kinds of small unit.
GROUP_AT = 3


@dataclass(frozen=True)
class Place:
    """A building or area where a group may form. ``parent``: the enclosing place where units left
    here may still group (None at a building with no such area or at the area below the district
    level); ``ones``/``twos``: the units placed directly here; ``branches``: existing joint branches
    with room that a unit here may join (at buildings)."""

    key: str
    parent: str | None
    scope: int
    ones: int = 0
    twos: int = 0
    branches: tuple[str, ...] = ()


@dataclass
class Solution:
    """``joins[(place, branch)] = (ones, twos)``, ``groups[place]`` = the groups formed there, each
    as (units with one full member, units with two); and the objective's values."""

    joins: dict[tuple[str, str], tuple[int, int]] = field(default_factory=dict)
    groups: dict[str, list[tuple[int, int]]] = field(default_factory=dict)
    covered: int = 0
    organizations: int = 0


def feasible(ones: int, twos: int, groups: int, max_units: int) -> bool:
    """Whether ``ones`` units with one full member and ``twos`` with two make exactly ``groups``
    groups of at least three full members and at most ``max_units`` units.

    >>> feasible(0, 3, 2, 5), feasible(1, 3, 2, 5), feasible(7, 0, 2, 3), feasible(0, 0, 0, 5)
    (False, True, False, True)
    """
    used = ones + twos
    return GROUP_AT * groups <= ones + 2 * twos and 2 * groups <= used <= max_units * groups


def solve(places: list[Place], capacity: dict[str, int], max_units: int, progress: Progress = None) -> Solution:
    """The optimal joins and groups: each set of regions linked by a branch their units may join is
    one model, solved to proof; the groups are then arranged innermost first (:func:`arrange`)."""
    from concurrent.futures import ThreadPoolExecutor

    solution = Solution()
    _banner_once()
    roots = _roots(places)
    components = _components(places, roots)
    tally = Tally(progress, len(components))
    # Each component is a model of its own: solved side by side (HiGHS leaves Python while it works:
    # a city's 100 regions 0.8 s so, 1.2 s one after another), each on one thread, so the answer
    # does not depend on how many run at once.
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        solved = pool.map(lambda component: _solve_component(component, roots, capacity, max_units), components)
        for component, (joins, covered, organizations, totals) in zip(components, solved):
            solution.joins.update(joins)
            solution.covered += covered
            solution.organizations += organizations
            for root, (groups, ones, twos) in totals.items():
                arrange([p for p in component if roots[p.key] == root], solution, groups, ones, twos, max_units)
            tally.add(1, component[-1].key)
    return solution


def _roots(places: list[Place]) -> dict[str, str]:
    by_key = {place.key: place for place in places}
    roots = {}
    for place in places:
        key, seen = place.key, set()
        while by_key[key].parent in by_key and key not in seen:
            seen.add(key)
            key = by_key[key].parent
        roots[place.key] = key
    return roots


def _components(places: list[Place], roots: dict[str, str]) -> list[list[Place]]:
    """Places by region, regions whose units may join the same branch together."""
    parent = {root: root for root in roots.values()}

    def find(key: str) -> str:
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    first_at: dict[str, str] = {}
    for place in places:
        for branch in place.branches:
            parent[find(roots[place.key])] = find(roots[first_at.setdefault(branch, place.key)])
    components: dict[str, list[Place]] = {}
    for place in places:
        components.setdefault(find(roots[place.key]), []).append(place)
    return [components[key] for key in sorted(components)]


def _solve_component(places: list[Place], roots: dict[str, str], capacity: dict[str, int], max_units: int):
    """Joins, units covered, new organizations and, per region, (groups, ones, twos) grouped: most
    units covered, then fewest groups — one objective, ``covered * (most groups + 1) - groups``,
    whose optimum is the lexicographic one because no count of groups outweighs one unit."""
    import highspy

    model = _solver()
    joins = {}
    pool: dict[str, list] = {}
    for place in places:
        ones, twos = pool.setdefault(roots[place.key], [0, 0])
        pool[roots[place.key]] = [ones + place.ones, twos + place.twos]
        for branch in place.branches:
            joins[place.key, branch] = (model.addIntegral(lb=0, ub=place.ones), model.addIntegral(lb=0, ub=place.twos))
        if place.branches:
            model.addConstr(sum(joins[place.key, b][0] for b in place.branches) <= place.ones)
            model.addConstr(sum(joins[place.key, b][1] for b in place.branches) <= place.twos)
    for branch in sorted({b for p in places for b in p.branches}):
        model.addConstr(sum(joins[p.key, branch][0] + joins[p.key, branch][1] for p in places if branch in p.branches)
                        <= capacity.get(branch, 0))
    regions = {}
    for root, (ones, twos) in sorted(pool.items()):
        g = model.addIntegral(lb=0, ub=(ones + twos) // 2)
        o = model.addIntegral(lb=0, ub=ones)
        t = model.addIntegral(lb=0, ub=twos)
        joined = [joins[p.key, b] for p in places if roots[p.key] == root for b in p.branches]
        model.addConstr(o + sum(j1 for j1, _ in joined) <= ones)
        model.addConstr(t + sum(j2 for _, j2 in joined) <= twos)
        model.addConstr(GROUP_AT * g - o - 2 * t <= 0)
        model.addConstr(2 * g - o - t <= 0)
        model.addConstr(o + t - max_units * g <= 0)
        regions[root] = (g, o, t)
    covered = [v for pair in joins.values() for v in pair] + [v for _, o, t in regions.values() for v in (o, t)]
    groups = [g for g, _, _ in regions.values()]
    most_groups = sum(ones + twos for ones, twos in pool.values()) // 2
    model.maximize(sum(covered) * (most_groups + 1) - sum(groups))
    if model.getModelStatus() != highspy.HighsModelStatus.kOptimal:
        raise PlanError(_("the solver proved no plan optimal for the places around {place} ({status})").format(
            place=places[0].key.split(":", 1)[1], status=model.modelStatusToString(model.getModelStatus())))

    def value(variable) -> int:
        return round(model.val(variable))

    joined = {key: (value(j1), value(j2)) for key, (j1, j2) in joins.items() if value(j1) or value(j2)}
    return (joined, sum(map(value, covered)), sum(map(value, groups)),
            {root: tuple(value(v) for v in trio) for root, trio in regions.items()})


def arrange(places: list[Place], solution: Solution, groups: int, ones: int, twos: int, max_units: int) -> None:
    """Form a region's ``groups`` groups of ``ones`` and ``twos`` units, innermost places first:
    at each place, while some group of its units leaves the rest of the region able to make the
    remaining groups (:func:`feasible`), the largest such group forms there; what is left passes up."""
    by_key = {place.key: place for place in places}
    arriving: dict[str, list[int]] = {}
    for place in (by_key[key] for key in innermost_first({p.key: p.parent for p in places})):
        joined1 = sum(solution.joins.get((place.key, b), (0, 0))[0] for b in place.branches)
        joined2 = sum(solution.joins.get((place.key, b), (0, 0))[1] for b in place.branches)
        more = arriving.pop(place.key, [0, 0])
        have1, have2 = place.ones - joined1 + more[0], place.twos - joined2 + more[1]
        while groups:
            size = _largest_group(have1, have2, ones, twos, groups, max_units)
            if size is None:
                break
            solution.groups.setdefault(place.key, []).append(size)
            have1, have2, ones, twos, groups = have1 - size[0], have2 - size[1], ones - size[0], twos - size[1], groups - 1
        if place.parent in by_key:
            up = arriving.setdefault(place.parent, [0, 0])
            up[0] += have1
            up[1] += have2
    assert groups == ones == twos == 0, "the region's groups were not all formed"


def innermost_first(parents: dict[str, str | None]) -> list[str]:
    """Places (each with the one enclosing it, or None or one outside them), deepest first, then by
    key: each comes before the place enclosing it, so what it leaves can pass up.

    >>> innermost_first({"A:S": None, "B:2": "A:C", "A:C": "A:S", "B:1": "A:S"})
    ['B:2', 'A:C', 'B:1', 'A:S']
    """
    depth = {}
    for key, up in parents.items():
        d = 0
        while up in parents:
            d, up = d + 1, parents[up]
        depth[key] = d
    return sorted(parents, key=lambda key: (-depth[key], key))


def _largest_group(have1: int, have2: int, ones: int, twos: int, groups: int, max_units: int) -> tuple[int, int] | None:
    """The largest group (most units, then most with one full member) of the units at hand after
    which the region's remaining units can still make its remaining groups, or None."""
    for size in range(max_units, 1, -1):
        for a in range(min(size, have1, ones), -1, -1):
            b = size - a
            if b <= min(have2, twos) and a + 2 * b >= GROUP_AT and feasible(ones - a, twos - b, groups - 1, max_units):
                return a, b
    return None
_BANNER_SHOWN = False


def _banner_once() -> None:
    """Make a process's first HiGHS model with standard output closed: highspy prints its banner then,
    whatever its options say (ERGO-Code/HiGHS#2749), and standard output is where JSON goes."""
    global _BANNER_SHOWN
    if _BANNER_SHOWN:
        return
    import highspy

    sys.stdout.flush()
    saved, quiet = os.dup(1), os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(quiet, 1)
        highspy.Highs()
    finally:
        os.dup2(saved, 1)
        os.close(saved)
        os.close(quiet)
    _BANNER_SHOWN = True


def _solver():
    """A HiGHS model that proves its optimum exactly: no relative gap, an absolute gap below one (the
    objective is a whole number), quiet, one thread (the same model gives the same plan everywhere)."""
    import highspy

    model = highspy.Highs()
    for option, value in (("output_flag", False), ("log_to_console", False), ("mip_rel_gap", 0.0),
                          ("mip_abs_gap", 0.5), ("threads", 1), ("time_limit", 120.0), ("random_seed", 0)):
        model.setOptionValue(option, value)
    return model
