"""Every analysis returns exactly the same rows from Neo4j and from the embedded store."""

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from partygraph.graph.embedded import EmbeddedStore
from partygraph.loaders import load_dataset
from partygraph.queries import ANALYSES, analysis_page, cypher_parameters, run_analysis
from tests.conftest import SEED_CASES, city_in_both_stores

pytestmark = pytest.mark.neo4j

VARIANTS = [("gaps enterprises", {}), ("gaps members", {"as_of": "2026-11-22"}), ("gaps members", {"as_of": "2026-08-31"}),
            ("coverage", {"base": "all"}), ("coverage", {"base": "with_members"}),
            ("coverage", {"base": "min_employees:50"}), ("check", {}), ("gaps pairings", {}),
            ("statistics", {"as_of": "2026-11-22"}), ("statistics", {"as_of": "2016-02-29"}),
            ("gaps transfers", {"as_of": "2026-11-22"}), ("check", {"as_of": "2025-02-28", "terms": {"branch": 2}}),
            ("statistics contact", {"as_of": "2026-11-22"}),
            ("statistics contact", {"as_of": "2026-11-22", "area": "YC-JF",
                                    "ranges": [("2025-11-01", "2025-11-02"), ("2026-06-02", "2026-06-04")]}),
            ("statistics contact", {"as_of": "2019-06-30"}),
            ("plan branches", {}), ("plan branches", {"max_units": 7}), ("plan instructors", {}),
            ("plan instructors", {"instructor_load": 2}), ("members judged", {"as_of": "2026-11-22"}),
            ("members judged", {"as_of": "2027-08-31", "ids": ["M0001", "M0002", "M9999"]})]


def test_the_variants_cover_every_analysis():
    assert {name for name, _ in VARIANTS} == set(ANALYSES)


def assert_same_everywhere(embedded, neo4j, variants=VARIANTS, limit=None):
    for name, options in variants:
        ours, theirs = run_analysis(embedded, name, **options), run_analysis(neo4j, name, **options)
        assert ours == theirs, (name, options)
        if limit is not None:         # a page (Neo4j: the first rows' own form and count, where there is one)
            for store in (embedded, neo4j):
                page = analysis_page(store, name, limit, **options)
                assert (page.rows, page.total) == (ours[:limit], len(ours)), (name, options, store.describe())
        # The file itself, as pasted into Neo4j Browser: every column (the program derives some,
        # such as the rules' texts, instead of fetching them) and, where it orders, that order.
        analysis = ANALYSES[name]
        cypher = analysis.cypher() + (f"\nORDER BY {analysis.order_by}" if analysis.order_by else "")
        as_pasted = neo4j.run(cypher, **cypher_parameters(name, **options))
        if not analysis.order_by:
            as_pasted.sort(key=analysis.sort_key)
        assert as_pasted == ours, (name, options)


def test_the_seed_cases_give_the_same_rows_from_both_stores(neo4j_store, tmp_path):
    data = load_dataset(SEED_CASES)
    embedded = EmbeddedStore(tmp_path / "s.pgstore")
    embedded.replace(data)
    neo4j_store.replace(data)
    assert_same_everywhere(embedded, neo4j_store)


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(enterprises=st.integers(1, 600), seed=st.integers(0, 2**32),
       as_of=st.dates(dt.date(2025, 6, 1), dt.date(2027, 6, 30)),
       base=st.sampled_from(["all", "with_members", "min_employees:0", "min_employees:20"]),
       limit=st.integers(1, 80))
def test_generated_cities_give_the_same_rows_from_both_stores(neo4j_store, tmp_path_factory, enterprises, seed,
                                                              as_of, base, limit):
    embedded, _ = city_in_both_stores(tmp_path_factory.mktemp("city"), neo4j_store, enterprises, seed)
    variants = [("gaps enterprises", {}), ("gaps members", {"as_of": as_of.isoformat()}), ("coverage", {"base": base}),
                ("check", {"as_of": as_of.isoformat()}), ("gaps pairings", {}), ("statistics", {"as_of": as_of.isoformat()}),
                ("gaps transfers", {"as_of": as_of.isoformat()}),
                ("statistics", {"as_of": as_of.isoformat(), "area": "D0"}),
                ("statistics contact", {"as_of": as_of.isoformat()}),
                ("statistics contact", {"as_of": as_of.isoformat(), "ranges": [(as_of.replace(day=1).isoformat(), as_of.isoformat())]}), ("plan branches", {"max_units": 6}),
                ("plan instructors", {})]
    assert_same_everywhere(embedded, neo4j_store, variants, limit)


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(enterprises=st.integers(1, 300), seed=st.integers(0, 2**32), data=st.data())
def test_judging_only_some_nodes_gives_the_whole_results_rows_for_them(neo4j_store, tmp_path_factory, enterprises,
                                                                       seed, data):
    embedded, graph = city_in_both_stores(tmp_path_factory.mktemp("city"), neo4j_store, enterprises, seed)
    for name, label, options in (("gaps enterprises", "Enterprise", {}),
                                 ("gaps members", "Member", {"as_of": "2026-06-30"}),
                                 ("gaps transfers", "Member", {"as_of": "2026-06-30"})):
        ids = data.draw(st.lists(st.sampled_from(sorted(graph.nodes[label]) + ["no-such-id"]), max_size=40))
        expected = [row for row in run_analysis(embedded, name, **options) if row["id"] in ids]
        limit = data.draw(st.integers(1, 30))
        for store in (embedded, neo4j_store):
            assert run_analysis(store, name, ids=ids, **options) == expected, (name, store.describe())
            page = analysis_page(store, name, limit, ids=ids, **options)
            assert (page.rows, page.total) == (expected[:limit], len(expected)), (name, store.describe())
