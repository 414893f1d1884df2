"""Every format round-trips: export, read back with networkx (GraphML also with igraph), compare."""

import csv
import json
from dataclasses import dataclass

import igraph
import networkx as nx
import pytest

from partygraph.export import export
from partygraph.graph.embedded import EmbeddedStore
from partygraph.loaders import load_dataset
from partygraph.viz.style import rgb
from tests.conftest import SEED_CASES


@pytest.fixture(scope="module")
def seed(tmp_path_factory):
    store = EmbeddedStore(tmp_path_factory.mktemp("s") / "s.pgstore")
    data = load_dataset(SEED_CASES)
    store.replace(data)
    return store, data


@dataclass
class Expected:
    nodes: list            # (key, attributes)
    edges: list            # (source, target, type, attributes)


#: Edge labels as the export documents them: the type and its Chinese word.
REL_WORDS = {"PART_OF": "属于", "LOCATED_IN": "位于", "SUBORDINATE_TO": "隶属", "COVERS": "覆盖", "BASED_IN": "依托",
             "MEMBER_OF": "组织关系", "PARTICIPATES_IN": "参加组织生活", "WORKS_AT": "工作单位", "GUIDES": "党建指导员",
             "SECRETARY_OF": "书记", "PAIRED_WITH": "结对共建"}


def expected(data):
    """What an unpseudonymized export should hold, written out from the store's data by hand (not
    by the export code): a node per record keyed Label:id, its name as label, every property given;
    an edge per relationship with its type, its label and its properties."""
    nodes = [(f"{label}:{node_id}", {"type": label, "label": props.get("name", node_id), "node_id": node_id,
                                     **{k: v for k, v in props.items() if k != "id" and v is not None}})
             for label, by_id in data.nodes.items() for node_id, props in by_id.items()]
    edges = [(source, target, rel_type, {"type": rel_type, "label": f"{rel_type} {REL_WORDS[rel_type]}", **props})
             for (rel_type, source, target), props in data.rels.items()]
    return Expected(nodes, edges)


def _node_attrs(graph):
    return {n: {k: v for k, v in a.items() if k not in ("r", "g", "b", "viz", "id")} for n, a in graph.nodes(data=True)}


def _edge_set(graph):
    return sorted((s, t, a["type"], tuple(sorted((k, v) for k, v in a.items() if k not in ("id", "key"))))
                  for s, t, a in graph.edges(data=True))


def _expected_edges(graph):
    return sorted((s, t, k, tuple(sorted(a.items()))) for s, t, k, a in graph.edges)


def _read_back_whole(seed, fmt, path, read):
    """Export the seed cases unpseudonymized, read the file back with ``read`` and check that every
    node and edge came back with its attributes; the graph read, for format-specific checks."""
    store, data = seed
    export(store, fmt, path, pseudonymize=False)
    back = read(path)
    want = expected(data)
    assert _node_attrs(back) == dict(want.nodes)
    assert _edge_set(back) == _expected_edges(want)
    return back


def test_graphml_reads_back_in_networkx_with_types_and_colours(seed, tmp_path):
    back = _read_back_whole(seed, "graphml", tmp_path / "g.graphml", nx.read_graphml)
    jjj = back.nodes["Enterprise:NW-JJJ"]
    assert jjj["label"] == "金积嘉电子工业有限公司" and jjj["employees"] == 2000 and jjj["above_scale"] is True
    assert (jjj["r"], jjj["g"], jjj["b"]) == rgb("Enterprise")
    info = json.loads(back.graph["partygraph"])
    assert info["version"] == 1 and info["pseudonymization"] == {"pseudonymized": False}


def test_graphml_reads_back_in_igraph_too(seed, tmp_path):
    store, data = seed
    export(store, "graphml", tmp_path / "g.graphml", pseudonymize=False)
    back = igraph.Graph.Read_GraphML(str(tmp_path / "g.graphml"))
    want = expected(data)
    assert back.vcount() == len(want.nodes) and back.ecount() == len(want.edges)
    by_id = {v["id"]: v for v in back.vs}
    assert by_id["Organization:YK-C"]["label"] == "中共永康总部中心委员会"
    assert by_id["Organization:YK-C"]["founded"] == "2013-06-20"
    edges = sorted((back.vs[e.source]["id"], back.vs[e.target]["id"], e["type"]) for e in back.es)
    assert edges == sorted((s, t, k) for s, t, k, _ in want.edges)


def test_gexf_reads_back_in_networkx_with_viz_colours(seed, tmp_path):
    back = _read_back_whole(seed, "gexf", tmp_path / "g.gexf", nx.read_gexf)
    color = back.nodes["Organization:YK-C"]["viz"]["color"]
    assert (color["r"], color["g"], color["b"]) == rgb("Organization")


def test_json_is_node_link_with_edges_named_and_a_version(seed, tmp_path):
    store, data = seed
    export(store, "json", tmp_path / "g.json", pseudonymize=False)
    doc = json.loads((tmp_path / "g.json").read_text(encoding="utf-8"))
    assert doc["graph"]["format"] == "partygraph-export" and doc["graph"]["version"] == 1
    back = nx.node_link_graph(doc, edges="edges")
    want = expected(data)
    assert _node_attrs(back) == dict(want.nodes)
    assert sorted((s, t, k, tuple(sorted((x, y) for x, y in a.items()))) for s, t, k, a in back.edges(keys=True, data=True)) \
        == _expected_edges(want)


def test_csv_has_a_bom_and_every_node_and_edge(seed, tmp_path):
    store, data = seed
    export(store, "csv", tmp_path / "out", pseudonymize=False)
    raw = (tmp_path / "out" / "nodes.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    with open(tmp_path / "out" / "nodes.csv", encoding="utf-8-sig", newline="") as handle:
        nodes = {row["id"]: row for row in csv.DictReader(handle)}
    with open(tmp_path / "out" / "edges.csv", encoding="utf-8-sig", newline="") as handle:
        edges = sorted((r["source"], r["target"], r["type"]) for r in csv.DictReader(handle))
    want = expected(data)
    assert set(nodes) == {key for key, _ in want.nodes}
    assert edges == sorted((s, t, k) for s, t, k, _ in want.edges)
    assert nodes["Member:M0001"]["label"] == "应军" and nodes["Enterprise:NW-JJJ"]["employees"] == "2000"
    assert json.loads((tmp_path / "out" / "export-info.json").read_text(encoding="utf-8"))["version"] == 1


def test_text_xml_cannot_hold_is_cleaned_not_fatal(tmp_path):
    from partygraph.graph.data import GraphData

    data = GraphData()
    data.add_node("Organization", {"id": "O1", "name": "党支部\x00\x07<&>\"'", "level": "branch"})
    store = EmbeddedStore(tmp_path / "s.pgstore")
    store.replace(data)
    for fmt in ("graphml", "gexf"):
        export(store, fmt, tmp_path / f"g.{fmt}", pseudonymize=False)
    assert nx.read_graphml(tmp_path / "g.graphml").nodes["Organization:O1"]["label"] == "党支部<&>\"'"
    assert nx.read_gexf(tmp_path / "g.gexf").nodes["Organization:O1"]["label"] == "党支部<&>\"'"


@pytest.mark.neo4j
def test_the_same_export_comes_from_neo4j_and_the_embedded_store(seed, neo4j_store, tmp_path):
    store, data = seed
    neo4j_store.replace(data)
    (tmp_path / "a").mkdir(), (tmp_path / "b").mkdir()
    for fmt, name in (("graphml", "g.graphml"), ("gexf", "g.gexf"), ("json", "g.json"), ("csv", "csv")):
        export(store, fmt, tmp_path / "a" / name, key=b"same")
        export(neo4j_store, fmt, tmp_path / "b" / name, key=b"same")
        parts = ("nodes.csv", "edges.csv") if fmt == "csv" else ("",)
        for part in parts:
            assert (tmp_path / "a" / name / part).read_bytes() == (tmp_path / "b" / name / part).read_bytes(), fmt
    export(store, "json", tmp_path / "a" / "scoped.json", key=b"k", scope="CBD-FIN", depth=2)
    export(neo4j_store, "json", tmp_path / "b" / "scoped.json", key=b"k", scope="CBD-FIN", depth=2)
    assert (tmp_path / "a" / "scoped.json").read_bytes() == (tmp_path / "b" / "scoped.json").read_bytes()
