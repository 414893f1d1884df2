"""Periods: a store holding a generated history answers every analysis at every period exactly as a
store holding that period alone — on both stores, whatever order the periods were loaded in."""

from __future__ import annotations

import datetime as dt
import random
import sys

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from partygraph.graph.embedded import EmbeddedStore
from partygraph.graph.periods import in_force
from partygraph.loaders import load_dataset
from partygraph.loaders.history import generate_history
from partygraph.queries import run_analysis
from partygraph.queries.pairing_network import pairing_network

pytestmark = pytest.mark.neo4j


PLACE = "D0"


def variants(as_of: str) -> list[tuple[str, dict]]:
    return [("gaps enterprises", {}), ("gaps members", {"as_of": as_of}), ("coverage", {"base": "all"}),
            ("coverage", {"base": "with_members"}), ("check", {"as_of": as_of}), ("gaps pairings", {}),
            ("statistics", {"as_of": as_of}), ("gaps transfers", {"as_of": as_of}),
            ("gaps enterprises", {"place": PLACE}), ("statistics", {"as_of": as_of, "area": PLACE})]


def answers(store, as_of: str) -> dict:
    """Every analysis, the whole graph, its counts and a drawing's subgraph, read at ``as_of``."""
    store.use(as_of)
    found = {(name, repr(sorted(options.items()))): run_analysis(store, name, **options)
             for name, options in variants(as_of)}
    data = store.read()
    found["read"] = (data.nodes, data.rels)
    found["counts"] = store.counts()
    found["pairings"] = sorted((org, name, sorted(partners)) for org, name, partners in store.pairing_orgs())
    found["analyze pairings"] = pairing_network(store)
    scoped = store.subgraph("structure", PLACE, 2, 100_000)
    found["subgraph"] = (scoped.data.nodes, scoped.data.rels, scoped.members)
    areas, buildings, ids = store.place_ids(PLACE, "Enterprise")
    found["place"] = (areas, buildings, sorted(ids))
    keys = [f"{label}:{node_id}" for label, by_id in data.nodes.items() for node_id in by_id] + ["Member:nobody"]
    found["places_of"] = store.places_of(keys)
    found["properties"] = store.properties("Member", sorted(data.nodes["Member"])[::3] + ["nobody"])
    found["contact between"] = sorted(store.ids_between("Member", "last_contact", "2025-06-01", as_of))
    return found


@pytest.fixture(scope="module")
def history(tmp_path_factory):
    folder = tmp_path_factory.mktemp("history")
    dates = generate_history(folder, enterprises=150, periods=3, churn=0.2, seed=3)
    return dates, [load_dataset(folder / day) for day in dates]


@pytest.fixture(scope="module")
def alone(history, tmp_path_factory):
    """Each period's answers from an embedded store holding it alone."""
    dates, datas = history
    found = {}
    for day, data in zip(dates, datas):
        store = EmbeddedStore(tmp_path_factory.mktemp("alone") / "s.pgstore")
        store.replace(data, as_of=day)
        found[day] = answers(store, day)
        store.close()
    return found


def check_every_period(store, dates, alone) -> None:
    for day in dates:
        got = answers(store, day)
        for key, expected in alone[day].items():
            assert got[key] == expected, (day, key)


@settings(max_examples=2, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(order_seed=st.integers(0, 2**16))
def test_every_period_answers_as_if_loaded_alone_in_any_order(history, alone, tmp_path_factory, neo4j_store, order_seed):
    dates, datas = history
    order = list(range(len(dates)))
    random.Random(order_seed).shuffle(order)
    embedded = EmbeddedStore(tmp_path_factory.mktemp("h") / "s.pgstore")
    for i in order:
        embedded.load(datas[i], dates[i])
        neo4j_store.load(datas[i], dates[i])
    for store in (embedded, neo4j_store):
        assert [p.as_of for p in store.periods()] == dates
        check_every_period(store, dates, alone)
    # Dropping one and loading it again changes nothing; loading a date again replaces that period only.
    dropped = dates[order[0]]
    for store in (embedded, neo4j_store):
        store.drop(dropped)
        assert dropped not in [p.as_of for p in store.periods()]
        check_every_period(store, [d for d in dates if d != dropped], alone)
        store.load(datas[dates.index(dropped)], dropped)
        store.load(datas[dates.index(dropped)], dropped)
        check_every_period(store, dates, alone)
    embedded.close()


def test_dropping_the_latest_period_makes_today_the_one_before(history, alone, tmp_path, neo4j_store):
    dates, datas = history
    embedded = EmbeddedStore(tmp_path / "s.pgstore")
    for store in (embedded, neo4j_store):
        for day, data in zip(dates, datas):
            store.load(data, day)
        store.drop(dates[-1])
        check_every_period(store, dates[:-1], alone)
        store.drop(dates[-2])
        check_every_period(store, dates[:-2], alone)
    embedded.close()


def test_records_a_comparison_read_are_not_kept_past_a_load_by_another_process(history, neo4j_store):
    from partygraph.graph.neo4j_store import Neo4jStore

    dates, datas = history
    for day, data in zip(dates[:2], datas[:2]):
        neo4j_store.load(data, day)
    gone, new = neo4j_store.difference(dates[0], dates[1])
    other = Neo4jStore(neo4j_store.uri, neo4j_store.auth, neo4j_store.database)
    other.load(datas[2], dates[1])                  # another process replaces the second register
    other.close()
    neo4j_store.use(dates[1])
    keys = sorted({source for (_kind, source, _target) in new.rels} | {f"Member:{i}" for i in new.nodes["Member"]})
    found = neo4j_store.records(keys)
    expected = {label: {i: datas[2].nodes[label][i] for i in found.nodes[label]} for label in found.nodes}
    assert keys and found.nodes == expected
    assert found.rels == {rel: props for rel, props in datas[2].rels.items() if rel[1] in set(keys)}


def test_the_period_in_force_is_the_latest_on_or_before_the_date(history, tmp_path, neo4j_store):
    dates, datas = history
    embedded = EmbeddedStore(tmp_path / "s.pgstore")
    for store in (embedded, neo4j_store):
        store.load(datas[0], dates[0])
        store.load(datas[2], dates[2])
        assert store.use("2025-12-31").period == dates[0]          # between the two: the earlier one
        assert store.read().nodes == datas[0].nodes
        assert store.use(None).period == dates[2]                  # today: the latest
        assert store.read().nodes == datas[2].nodes
        early = store.use("2020-01-01")
        assert early.before_all and early.period == dates[0]
        assert store.read().nodes == datas[0].nodes


def test_forgetting_removes_the_periods_before_a_date_and_who_was_only_in_them(history, tmp_path, neo4j_store):
    dates, datas = history
    first = datas[0]
    gone = dict(first.nodes["Member"])
    # A member of the first quarter only, with a name found nowhere else.
    gone_id = "FORGET0000000001"
    first.add_node("Member", {"id": gone_id, "name": "遗忘测试党员甲乙丙", "status": "full"})
    path = tmp_path / "s.pgstore"
    embedded = EmbeddedStore(path)
    for store in (embedded, neo4j_store):
        for day, data in zip(dates, datas):
            store.load(data, day)
    embedded.close()
    assert gone_id.encode() in path.read_bytes()                    # the check can see it before
    for store in (embedded, neo4j_store):
        assert store.forget(dates[2]) == dates[:2]
        assert [p.as_of for p in store.periods()] == dates[2:]
        store.use(dates[0])                                         # before every period: the earliest left
        assert gone_id not in store.read().nodes["Member"]
    embedded.close()
    raw = path.read_bytes()
    assert gone_id.encode() not in raw and "遗忘测试党员甲乙丙".encode() not in raw
    assert not neo4j_store.run("MATCH (n {id: $id}) RETURN n.id AS id", id=gone_id)
    del gone


def test_in_force_picks_the_latest_on_or_before():
    dates = ["2026-06-30", "2025-12-31", "2026-03-31"]
    assert in_force(dates, "2026-03-31").period == "2026-03-31"
    assert in_force(dates, "2026-04-01").period == "2026-03-31"
    assert in_force(dates, "2099-01-01").period == "2026-06-30"
    assert in_force(dates, "2025-01-01").before_all


def test_a_walk_up_the_areas_stays_in_its_period(tmp_path, neo4j_store, monkeypatch):
    """A street moved to another district: its building, unchanged, links to both of the street's
    versions; a walk up from it at the first period must not climb into the second's district."""
    from tests.queries.conftest import Build

    def register(district: str, street_name: str):
        b = (Build().area("C", kind="city").area("D1", "C", kind="district").area("D2", "C", kind="district")
             .area("S1", district).building("B1", "S1").enterprise("E1", "B1").enterprise("E2", "B1"))
        b.data.nodes["Area"]["S1"]["name"] = street_name
        b.org("O1", covers=["E1"], based_in="S1")
        return b.data

    monkeypatch.setattr(sys.modules[__name__], "PLACE", "D2")
    first, second = register("D1", "老街道"), register("D2", "新街道")
    alone = {}
    for day, data in (("2026-03-31", first), ("2026-06-30", second)):
        store = EmbeddedStore(tmp_path / f"{day}.pgstore")
        store.replace(data, as_of=day)
        alone[day] = answers(store, day)
    embedded = EmbeddedStore(tmp_path / "h.pgstore")
    for store in (embedded, neo4j_store):
        store.load(second, "2026-06-30")
        store.load(first, "2026-03-31")
        check_every_period(store, ["2026-03-31", "2026-06-30"], alone)


def test_statistics_kept_with_a_period_answer_as_computed_whole(history, tmp_path, neo4j_store):
    """Both stores keep each period's statistics when it is loaded; a report on or after the period's
    latest founding and joining date then counts only who is out of contact. Every such report, and
    one before that date, equals the statistics computed whole."""
    from partygraph.queries import run_analysis
    from partygraph.queries.gaps_members import months_before
    from partygraph.queries.statistics import as_reported, statistics, valid_from
    from partygraph.registers import keep_register

    dates, datas = history
    embedded = EmbeddedStore(tmp_path / "s.pgstore")
    for store in (embedded, neo4j_store):
        for day, data in zip(dates[::-1], datas[::-1]):
            keep_register(store, data, day)
    for day, data in zip(dates, datas):
        start = valid_from(data, day)
        for store in (embedded, neo4j_store):
            store.use(day)
            assert store.kept("statistics")["valid_from"] == start
        for as_of in (start, "2027-03-31", "2031-12-31", "2020-01-01"):
            for area in (None, "D0"):
                whole = [as_reported(row) for row in run_analysis(embedded, "statistics", as_of=as_of, area=area)]
                assert statistics(neo4j_store, as_of, area) == whole == statistics(embedded, as_of, area), (day, as_of)
    # The days a member crosses each line of contact (six months, one, five and ten years after the
    # last contact, and the day before each): the kept months of last contact, and the month each
    # line falls in counted to its day, give what the whole statistics give.
    contacts = sorted({str(p["last_contact"]) for p in datas[-1].nodes["Member"].values() if p.get("last_contact")})
    crossings = {months_before(dt.date.fromisoformat(last), -months) + dt.timedelta(days=shift)
                 for last in contacts[::max(1, len(contacts) // 6)] for months in (6, 12, 60, 120) for shift in (0, 1)}
    for store in (embedded, neo4j_store):
        store.use(dates[-1])
    for as_of in sorted(day.isoformat() for day in crossings if day.isoformat() >= valid_from(datas[-1], dates[-1])):
        whole = [as_reported(row) for row in run_analysis(embedded, "statistics", as_of=as_of)]
        assert statistics(neo4j_store, as_of) == whole == statistics(embedded, as_of), as_of
    # Loading a period again drops what was kept with it until it is kept anew; the others keep theirs.
    for store in (embedded, neo4j_store):
        store.load(datas[0], dates[0])
        store.use(dates[0])
        assert store.kept("statistics") is None
        store.use(dates[1])
        assert store.kept("statistics") is not None


def test_an_analysis_apart_in_two_periods_is_what_its_two_pages_differ_in(history, tmp_path, neo4j_store):
    """``analysis_apart`` (the embedded store compares in the database) pairs exactly the rows whose
    compared columns differ, derived here from the two pages read whole."""
    from partygraph.queries import analysis_apart

    dates, datas = history
    embedded = EmbeddedStore(tmp_path / "s.pgstore")
    for store in (embedded, neo4j_store):
        for day, data in zip(dates, datas):
            store.load(data, day)
    for first, second in zip(dates, dates[1:]):
        pages = []
        for day in (first, second):
            embedded.use(day)
            pages.append({row["id"]: row for row in run_analysis(embedded, "gaps members", as_of=day)})
        expected = sorted(
            (key, *(({c: page[key][c] for c in ("id", "reasons", "last_contact")} if key in page else None)
                    for page in pages))
            for key in pages[0].keys() | pages[1].keys()
            if key not in pages[0] or key not in pages[1] or pages[0][key]["reasons"] != pages[1][key]["reasons"])
        assert expected, "the generated history's members are judged alike in two quarters: nothing is tested"
        for store in (embedded, neo4j_store):
            found = analysis_apart(store, "gaps members", [(first, {"as_of": first}), (second, {"as_of": second})],
                                   ["reasons"], ["last_contact"])
            assert sorted(((a or b)["id"], a, b) for a, b in found) == expected, (store.describe(), first)
