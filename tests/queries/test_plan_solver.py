"""The plan's optimisation against brute force and against an independent exact model that names
every unit (OR-Tools CP-SAT, one binary per unit and group), on small generated places."""

import itertools

import pytest
from hypothesis import given, settings, strategies as st

from partygraph.queries.plan_solver import BUILDING, COMMUNITY, WIDER, Place, feasible, solve


def groups_exist(ones: int, twos: int, groups: int, k: int) -> bool:
    """By enumeration: ``ones`` and ``twos`` split into exactly ``groups`` groups of at least three
    full members and at most ``k`` units."""
    units = [1] * ones + [2] * twos
    if groups == 0:
        return not units
    for labels in itertools.product(range(groups), repeat=len(units)):
        sizes, members = [0] * groups, [0] * groups
        for unit, label in zip(units, labels):
            sizes[label] += 1
            members[label] += unit
        if all(2 <= s <= k for s in sizes) and all(m >= 3 for m in members):
            return True
    return False


def test_the_counting_condition_is_exactly_when_groups_exist():
    for ones, twos, k in itertools.product(range(7), range(5), range(1, 6)):
        for groups in range(0, (ones + twos + 3) // 2):
            if ones + twos > 6:
                continue
            assert feasible(ones, twos, groups, k) == groups_exist(ones, twos, groups, k), (ones, twos, groups, k)


def split_groups(ones: list, twos: list, groups: int, max_units: int) -> list[list]:
    """Groups built for what :func:`feasible` allows, at sizes enumeration cannot reach (the plan
    relies on the condition at any size): each group first gets three full members with as few
    units as it can (two and one, two and two, then one, one and one), then the rest go round the
    groups that have room, twos first.

    >>> split_groups(["a", "b", "c", "d"], ["X"], 2, 5)
    [['X', 'a'], ['b', 'c', 'd']]
    """
    if not feasible(len(ones), len(twos), groups, max_units):
        raise ValueError(f"{len(ones)} ones and {len(twos)} twos make no {groups} groups of at most {max_units}")
    ones, twos = list(ones), list(twos)
    mixed = min(groups, len(ones), len(twos))
    pairs = min(groups - mixed, (len(twos) - mixed) // 2)
    result = [[twos.pop(0), ones.pop(0)] for _ in range(mixed)]
    result += [[twos.pop(0), twos.pop(0)] for _ in range(pairs)]
    result += [[ones.pop(0), ones.pop(0), ones.pop(0)] for _ in range(groups - mixed - pairs)]
    rest = twos + ones
    while rest:
        for group in result:
            if rest and len(group) < max_units:
                group.append(rest.pop(0))
    return result


def test_split_groups_builds_what_the_condition_allows():
    for ones, twos, k in itertools.product(range(14), range(10), range(2, 7)):
        for groups in range(1, ones + twos + 1):
            if feasible(ones, twos, groups, k):
                made = split_groups(list(range(ones)), [f"t{i}" for i in range(twos)], groups, k)
                assert len(made) == groups
                assert sorted(map(str, itertools.chain(*made))) == sorted(map(str, [*range(ones), *(f"t{i}" for i in range(twos))]))
                assert all(len(g) <= k and sum(2 if str(u).startswith("t") else 1 for u in g) >= 3 for g in made)


@st.composite
def regions(draw, most_units=7):
    """Buildings in communities in streets (some buildings in no area), units with one or two full
    members, existing joint branches with room in some buildings."""
    places, units, branches = [], [], {}
    for s in range(draw(st.integers(1, 2))):
        street = f"A:S{s}"
        places.append({"key": street, "parent": None, "scope": WIDER})
        for c in range(draw(st.integers(0, 2))):
            places.append({"key": f"A:S{s}C{c}", "parent": street, "scope": COMMUNITY})
    areas = [p["key"] for p in places] + [None]
    for b in range(draw(st.integers(1, 4))):
        key = f"B:{b}"
        places.append({"key": key, "parent": draw(st.sampled_from(areas)), "scope": BUILDING, "branches": []})
        if draw(st.booleans()):
            branch = f"J{b}"
            branches[branch] = draw(st.integers(1, 3))
            places[-1]["branches"].append(branch)
    buildings = [p for p in places if p["scope"] == BUILDING]
    if len(buildings) > 1 and branches and draw(st.booleans()):   # a branch whose units sit in two buildings
        shared = sorted(branches)[0]
        other = draw(st.sampled_from([p for p in buildings if shared not in p["branches"]]))
        other["branches"].append(shared)
    for u in range(draw(st.integers(0, most_units))):
        units.append((f"U{u}", draw(st.sampled_from([p["key"] for p in places])), draw(st.sampled_from([1, 2]))))
    return places, units, branches


def as_places(places, units):
    return [Place(p["key"], p["parent"], p["scope"], sum(1 for _, at, m in units if at == p["key"] and m == 1),
                  sum(1 for _, at, m in units if at == p["key"] and m == 2), tuple(sorted(p.get("branches", []))))
            for p in places]


def region_of(places, key):
    by_key = {p["key"]: p for p in places}
    while by_key[key]["parent"] is not None:
        key = by_key[key]["parent"]
    return key


def brute_force(places, units, branches, k):
    """(most units covered, then fewest groups) over every way to put each unit nowhere, into a
    branch its building may join, or into a group of units of its region."""
    region = {u: region_of(places, at) for u, at, _ in units}
    allowed = {p["key"]: p.get("branches", []) for p in places}
    best = (0, 0)

    def walk(i, groups, room):
        nonlocal best
        if i == len(units):
            if all(len(g) <= k and sum(m for _, m in g) >= 3 for g in groups):
                covered = sum(len(g) for g in groups) + sum(branches[b] - room[b] for b in branches)
                best = max(best, (covered, -len(groups)))
            return
        unit, at, members = units[i]
        walk(i + 1, groups, room)
        for branch in allowed[at]:
            if room[branch]:
                walk(i + 1, groups, {**room, branch: room[branch] - 1})
        for g, group in enumerate(groups):
            if len(group) < k and region[group[0][0]] == region[unit]:
                walk(i + 1, groups[:g] + [group + [(unit, members)]] + groups[g + 1:], room)
        walk(i + 1, groups + [[(unit, members)]], room)

    walk(0, [], dict(branches))
    return best[0], -best[1]


@settings(max_examples=150, deadline=None)
@given(regions(), st.integers(2, 5))
def test_the_solver_finds_what_brute_force_finds(drawn, k):
    places, units, branches = drawn
    solution = solve(as_places(places, units), branches, k)
    assert (solution.covered, solution.organizations) == brute_force(places, units, branches, k)
    formed = [g for groups in solution.groups.values() for g in groups]
    assert len(formed) == solution.organizations
    assert all(a + b <= k and a + 2 * b >= 3 for a, b in formed)
    assert sum(a + b for a, b in formed) + sum(j1 + j2 for j1, j2 in solution.joins.values()) == solution.covered


def unit_model_optimum(places, units, branches, k):
    """An independent exact model: one binary per unit and possible group, per unit and branch."""
    from ortools.sat.python import cp_model

    model = cp_model.CpModel()
    region = {u: region_of(places, at) for u, at, _ in units}
    allowed = {p["key"]: p.get("branches", []) for p in places}
    slots = len(units) // 2
    x = {(u, g): model.new_bool_var(f"x{u},{g}") for u, _, _ in units for g in range(slots)}
    y = [model.new_bool_var(f"y{g}") for g in range(slots)]
    z = {(u, b): model.new_bool_var(f"z{u},{b}") for u, at, _ in units for b in allowed[at]}
    r = {(name, g): model.new_bool_var(f"r{name},{g}") for name in set(region.values()) for g in range(slots)}
    for u, at, _ in units:
        model.add(sum(x[u, g] for g in range(slots)) + sum(z[u, b] for b in allowed[at]) <= 1)
        for g in range(slots):
            model.add_implication(x[u, g], r[region[u], g])
    for g in range(slots):
        model.add(sum(r[name, g] for name in set(region.values())) <= 1)
        model.add(sum(x[u, g] for u, _, _ in units) <= k * y[g])
        model.add(sum(m * x[u, g] for u, _, m in units) >= 3 * y[g])
        for u, _, _ in units:
            model.add_implication(x[u, g], y[g])
        if g:                                   # groups are interchangeable: the used ones first, larger first
            model.add(y[g] <= y[g - 1])
            model.add(sum(x[u, g] for u, _, _ in units) <= sum(x[u, g - 1] for u, _, _ in units))
    for b, room in branches.items():
        model.add(sum(var for (u, branch), var in z.items() if branch == b) <= room)
    covered = sum(x.values()) + sum(z.values())
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 2
    solver.parameters.max_time_in_seconds = 60
    model.maximize(covered)
    assert solver.solve(model) == cp_model.OPTIMAL
    best = round(solver.objective_value)
    model.add(covered == best)
    model.minimize(sum(y))
    assert solver.solve(model) == cp_model.OPTIMAL
    return best, round(solver.objective_value)


@settings(max_examples=40, deadline=None)
@given(regions(most_units=16), st.integers(2, 6))
def test_the_solver_finds_what_a_model_naming_every_unit_finds(drawn, k):
    places, units, branches = drawn
    solution = solve(as_places(places, units), branches, k)
    assert (solution.covered, solution.organizations) == unit_model_optimum(places, units, branches, k)


def test_groups_form_in_their_building_before_their_street():
    places = [Place("A:S", None, WIDER), Place("B:1", "A:S", BUILDING, ones=3), Place("B:2", "A:S", BUILDING, ones=3)]
    solution = solve(places, {}, 5)
    assert solution.groups == {"B:1": [(3, 0)], "B:2": [(3, 0)]}
    # Four and one: a group of four in the first building would leave the fifth unit out; covering
    # all five comes first, so the group spans the street.
    places = [Place("A:S", None, WIDER), Place("B:1", "A:S", BUILDING, ones=4), Place("B:2", "A:S", BUILDING, ones=1)]
    solution = solve(places, {}, 5)
    assert (solution.covered, solution.organizations) == (5, 1)
    assert solution.groups == {"A:S": [(5, 0)]}


@pytest.mark.parametrize("k", [1, 2])
def test_tiny_groups_are_no_groups(k):
    solution = solve([Place("B:1", None, BUILDING, ones=5)], {}, k)
    assert (solution.covered, solution.organizations) == (0, 0)
