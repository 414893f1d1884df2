"""Plans on generated cities: every proposal keeps the rules, every gap unit is in exactly one,
the register carried out (``--apply``) gives exactly the projected statistics and leaves only units
waiting for an instructor, and both stores make the same plan."""

from collections import Counter

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from partygraph.export.dataset import write_dataset
from partygraph.graph.embedded import EmbeddedStore
from partygraph.loaders import load_dataset
from partygraph.loaders.generate import generate_city
from partygraph.queries import run_analysis
from partygraph.queries.plan import GROUP_AREAS, Places, make_plan
from partygraph.queries.plan_apply import applied
from partygraph.queries.plan_figures import figures
from partygraph.queries.statistics import statistics
from partygraph.queries.plan_solver import BUILDING, WIDER
from tests.conftest import SEED_CASES, city_in_both_stores
from tests.queries.test_plan_solver import brute_force

AS_OF = "2026-06-30"


def city(folder, enterprises: int, seed: int) -> EmbeddedStore:
    generate_city(folder / "city", enterprises=enterprises, seed=seed)
    store = EmbeddedStore(folder / "s.pgstore")
    store.replace(load_dataset(folder / "city"), as_of=AS_OF)
    return store


def check_rules(plan, data) -> None:
    """Every §4c rule, from the register itself rather than from the plan's own reading of it."""
    places = Places(data)
    full = Counter(dst.split(":", 1)[1] for (rel, src, dst) in data.rels
                   if rel == "WORKS_AT" and data.nodes["Member"][src.split(":", 1)[1]].get("status") == "full")
    covers = Counter(src.split(":", 1)[1] for (rel, src, _) in data.rels if rel == "COVERS")
    guides = Counter(src.split(":", 1)[1] for (rel, src, _) in data.rels if rel == "GUIDES")
    uncovered = {e for e in data.nodes["Enterprise"]} - {dst.split(":", 1)[1] for (rel, _, dst) in data.rels if rel == "COVERS"}
    seen = Counter(unit for p in plan.proposals for unit in p["enterprise_ids"])
    assert set(seen) == uncovered and set(seen.values()) <= {1}, "every gap unit in exactly one proposal"
    joined = Counter()
    sent = Counter()
    for p in plan.proposals:
        units = [plan.units[u] for u in p["enterprise_ids"]]
        members = [full[u] for u in p["enterprise_ids"]]
        assert p["full_members"] == sum(members)
        if p["proposal"] == "found_branch":
            assert len(units) == 1 and members[0] >= 3
        elif p["proposal"] in ("join_branch", "new_joint_branch"):
            assert all(1 <= m <= 2 for m in members)
            if p["proposal"] == "new_joint_branch":
                assert sum(members) >= 3 and len(units) <= plan.max_units
            else:
                org = data.nodes["Organization"][p["org_id"]]
                assert org["level"] == "joint_branch"
                joined[p["org_id"]] += len(units)
                building = f"Building:{p['building_id']}"
                assert (any(("COVERS", f"Organization:{p['org_id']}", f"Enterprise:{e}") in data.rels and
                             ("LOCATED_IN", f"Enterprise:{e}", building) in data.rels for e in data.nodes["Enterprise"])
                        or ("BASED_IN", f"Organization:{p['org_id']}", building) in data.rels)
            buildings = {u["building_id"] for u in units}
            if len(buildings) > 1 or None in buildings:
                assert p["building_id"] is None and p["place_id"] is not None
                assert places.kind[p["place_id"]] in GROUP_AREAS
                assert all(p["place_id"] in places.chain(u["area_id"]) for u in units)
            else:
                assert p["building_id"] == units[0]["building_id"]
        else:
            assert len(units) == 1 and (members[0] < 3)
            if p["instructor_id"] is not None and not p["guided_now"]:
                sent[p["instructor_id"]] += 1
    for org, count in joined.items():
        assert covers[org] + count <= plan.max_units
    for member, count in sent.items():
        assert guides[member] + count <= plan.instructor_load


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(enterprises=st.integers(1, 1500), seed=st.integers(0, 2**32), max_units=st.integers(2, 7),
       load=st.integers(1, 6))
def test_every_proposal_keeps_the_rules_and_the_register_carried_out_gives_the_projected_figures(
        tmp_path_factory, enterprises, seed, max_units, load):
    folder = tmp_path_factory.mktemp("plan")
    store = city(folder, enterprises, seed)
    plan = make_plan(store, as_of=AS_OF, max_units=max_units, instructor_load=load)
    data = store.read()
    check_rules(plan, data)
    now, after = figures(store, plan)
    write_dataset(applied(store.read(), plan), folder / "applied")
    carried = EmbeddedStore(folder / "applied.pgstore")
    carried.replace(load_dataset(folder / "applied"), as_of=AS_OF)
    assert [row for row in statistics(carried, as_of=AS_OF) if row["table"] == "units"] == after
    assert [row for row in statistics(carried, as_of=AS_OF) if row["table"] == "members"] == \
        [row for row in statistics(store, as_of=AS_OF) if row["table"] == "members"]
    left = run_analysis(carried, "gaps enterprises")
    waiting = {p["enterprise_ids"][0] for p in plan.proposals if p["proposal"] == "send_instructor"}
    assert {row["id"] for row in left} == waiting
    assert all(row["coverage"] == "work" for row in left if row["id"] in waiting)


def test_a_state_owned_unit_the_plan_covers_changes_no_figure(tmp_path):
    store = city(tmp_path, 600, 7)
    plan = make_plan(store, as_of=AS_OF)
    state_owned = [p for p in plan.proposals if all(plan.units[u]["kind"] == "state_owned" for u in p["enterprise_ids"])]
    assert state_owned
    only = type(plan)(**{**plan.__dict__, "proposals": state_owned})
    now, after = figures(store, only)
    assert now == after
    assert after != figures(store, plan)[1]


def test_a_place_narrows_the_plan_to_its_units(tmp_path):
    store = city(tmp_path, 1200, 3)
    whole = make_plan(store, as_of=AS_OF)
    street = make_plan(store, as_of=AS_OF, place="D0S1")
    assert {u for p in street.proposals for u in p["enterprise_ids"]} == \
        {u for p in whole.proposals if p["region_id"] == "D0S1" for u in p["enterprise_ids"]}
    assert {p["region_id"] for p in street.proposals} <= {"D0S1", None}


def test_the_seed_cases_plan(tmp_path):
    store = EmbeddedStore(tmp_path / "s.pgstore")
    store.replace(load_dataset(SEED_CASES), as_of=AS_OF)
    plan = make_plan(store, as_of=AS_OF)
    check_rules(plan, store.read())
    assert plan.summary()["units_covered"] > 0


@pytest.mark.neo4j
@settings(max_examples=4, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(enterprises=st.integers(1, 900), seed=st.integers(0, 2**32))
def test_both_stores_make_the_same_plan_and_neo4j_carries_it_out_alike(neo4j_store, tmp_path_factory, enterprises, seed):
    folder = tmp_path_factory.mktemp("city")
    embedded, _ = city_in_both_stores(folder, neo4j_store, enterprises, seed)
    ours, theirs = make_plan(embedded, as_of=AS_OF), make_plan(neo4j_store, as_of=AS_OF)
    assert ours.proposals == theirs.proposals
    now, after = figures(neo4j_store, theirs)
    assert (now, after) == figures(embedded, ours)
    write_dataset(applied(neo4j_store.read(), theirs), folder / "applied")
    neo4j_store.replace(load_dataset(folder / "applied"), as_of=AS_OF)
    assert [row for row in statistics(neo4j_store, as_of=AS_OF) if row["table"] == "units"] == after


def small_units_of(data):
    """From the register itself: units no organization covers with one or two full members, the
    place each sits in (its building, or its own area) under its region, and the joint branches
    with room each building's units may join."""
    places = Places(data)
    full = Counter(dst.split(":", 1)[1] for (rel, src, dst) in data.rels
                   if rel == "WORKS_AT" and data.nodes["Member"][src.split(":", 1)[1]].get("status") == "full")
    covered = {dst.split(":", 1)[1] for (rel, _, dst) in data.rels if rel == "COVERS"}
    covers = Counter(src.split(":", 1)[1] for (rel, src, _) in data.rels if rel == "COVERS")
    located = {src.split(":", 1)[1]: dst for (rel, src, dst) in sorted(data.rels, reverse=True) if rel == "LOCATED_IN"}
    rows, units, branches = {}, [], {}
    for enterprise in sorted(data.nodes["Enterprise"]):
        if enterprise in covered or not 1 <= full[enterprise] <= 2 or enterprise not in located:
            continue
        label, place = located[enterprise].split(":", 1)
        area = places.area_of_building(place) if label == "Building" else place
        region = (places.chain(area) or [None])[-1]
        if label == "Area" and region is None:
            continue                           # known only by a district: no group, no branch
        top = f"A:{region}" if region else f"B:{place}"
        rows.setdefault(top, {"key": top, "parent": None, "scope": WIDER if region else BUILDING, "branches": []})
        key = f"B:{place}" if label == "Building" else top
        if key != top:
            rows.setdefault(key, {"key": key, "parent": top, "scope": BUILDING, "branches": []})
        units.append((enterprise, key, full[enterprise]))
    for org, props in data.nodes["Organization"].items():
        if props.get("level") != "joint_branch" or covers[org] >= 5:
            continue
        buildings = {located.get(e.split(":", 1)[1]) for (rel, src, e) in data.rels if rel == "COVERS" and src == f"Organization:{org}"}
        buildings |= {dst for (rel, src, dst) in data.rels if rel == "BASED_IN" and src == f"Organization:{org}"}
        for building in buildings:
            if building and building.startswith("Building:") and f"B:{building[9:]}" in rows:
                rows[f"B:{building[9:]}"]["branches"].append(org)
                branches[org] = 5 - covers[org]
    return list(rows.values()), units, branches


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(enterprises=st.integers(1, 60), seed=st.integers(0, 2**32))
def test_small_generated_cities_plan_what_brute_force_finds(tmp_path_factory, enterprises, seed):
    store = city(tmp_path_factory.mktemp("small"), enterprises, seed)
    places, units, branches = small_units_of(store.read())
    if len(units) > 9:
        return                                  # brute force would take too long; the solver tests go further
    plan = make_plan(store, as_of=AS_OF)
    grouped = [p for p in plan.proposals if p["proposal"] in ("join_branch", "new_joint_branch")]
    found = (sum(len(p["enterprise_ids"]) for p in grouped), sum(p["proposal"] == "new_joint_branch" for p in grouped))
    assert found == brute_force(places, units, branches, 5)
