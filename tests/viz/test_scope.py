"""The scoped subgraph of a drawing is the same fetched from Neo4j as cut from the embedded store."""

import pytest

from partygraph.graph.embedded import EmbeddedStore
from partygraph.loaders import load_dataset
from partygraph.errors import UsageError
from partygraph.graph.subgraph import TooLarge
from tests.conftest import SEED_CASES

CASES = [("structure", "CBD-FIN", 2), ("structure", "YK-C", 1), ("structure", "Enterprise:NW-JJJ", 3),
         ("hierarchy", "YK-C", 2), ("hierarchy", "TL-W", 5), ("pairings", "YXY-GB", 1), ("pairings", None, 0),
         ("hierarchy", None, 0)]


@pytest.mark.neo4j
def test_neo4j_fetches_exactly_the_scoped_part(neo4j_store, tmp_path):
    data = load_dataset(SEED_CASES)
    embedded = EmbeddedStore(tmp_path / "s.pgstore")
    embedded.replace(data)
    neo4j_store.replace(data)
    for view, scope, depth in CASES:
        ours = embedded.subgraph(view, scope, depth, 5000)
        theirs = neo4j_store.subgraph(view, scope, depth, 5000)
        assert ours.data.nodes == theirs.data.nodes, (view, scope, depth)
        assert ours.data.rels == theirs.data.rels, (view, scope, depth)
        assert ours.members == theirs.members and ours.center == theirs.center
    for store in (neo4j_store, embedded):
        with pytest.raises(TooLarge, match="more than 10 nodes"):
            store.subgraph("structure", "CBD-FIN", 2, 10)
        with pytest.raises(UsageError, match="Building:CBD-FIN is not part of the pairings view"):
            store.subgraph("pairings", "CBD-FIN", 1, 5000)


def test_depth_counts_steps_out_from_the_scope(tmp_path):
    embedded = EmbeddedStore(tmp_path / "s.pgstore")
    embedded.replace(load_dataset(SEED_CASES))
    zero = embedded.subgraph("hierarchy", "YK-C", 0, 5000)
    one = embedded.subgraph("hierarchy", "YK-C", 1, 5000)
    assert [k for k, v in zero.data.nodes.items() if v] == ["Organization"] and len(zero.data.nodes["Organization"]) == 1
    assert set(one.data.nodes["Organization"]) == {"YK-C", "YK-B1-GB", "YK-B2-GB", "YK-B3-GB", "YK-B4-GB", "YK-O01", "YK-O06"}
