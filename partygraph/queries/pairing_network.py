"""The co-construction network (结对共建): components, degree, betweenness, bridges and cut points.

Network measures need the whole pairing graph at once, so both stores give the same small
subgraph (organizations and PAIRED_WITH, undirected; Neo4j sends only that, in one query) and
networkx computes on it. Self-pairings are left out (``partygraph check`` reports them).
"""

from __future__ import annotations

import networkx as nx

COLUMNS = ["id", "name", "component", "component_size", "degree", "betweenness", "betweenness_exact", "cut_point",
           "bridge_partners"]
#: Components up to this size get exact betweenness; larger ones a sample of SAMPLE sources,
#: always the same (SEED), so two runs agree. Paths never cross components, so computing each
#: on its own gives the whole network's values (168 s for 100k enterprises at once).
EXACT_UP_TO = 2_000
SAMPLE, SEED = 256, 0


def pairing_graph(orgs: list[tuple[str, str, list[str]]]) -> nx.Graph:
    """Undirected, nodes and edges added in sorted order (so floating-point sums come out the same)."""
    graph = nx.Graph()
    for org_id, name, _ in sorted(orgs):
        graph.add_node(org_id, name=name)
    edges = sorted({tuple(sorted((a, b))) for a, _, partners in orgs for b in partners if a != b})
    graph.add_edges_from(edges)
    return graph


def analyze(graph: nx.Graph) -> list[dict]:
    """One row per organization, the network's brokers first (betweenness, then degree)."""
    paired = graph.subgraph([n for n in graph if graph.degree(n)])
    components = sorted(nx.connected_components(paired), key=lambda c: (-len(c), min(c)))
    component_of = {n: (i + 1, len(c)) for i, c in enumerate(components) for n in c}
    betweenness, exact = component_betweenness(graph, components)
    cut_points = set(nx.articulation_points(graph))
    bridge_partners: dict[str, list[str]] = {}
    for a, b in nx.bridges(graph):
        bridge_partners.setdefault(a, []).append(b)
        bridge_partners.setdefault(b, []).append(a)
    rows = []
    for node in graph:
        component, size = component_of.get(node, (None, 1))
        rows.append({"id": node, "name": graph.nodes[node]["name"], "component": component, "component_size": size,
                     "degree": graph.degree(node), "betweenness": round(betweenness.get(node, 0.0), 12),
                     "betweenness_exact": exact.get(node, True),
                     "cut_point": node in cut_points, "bridge_partners": sorted(bridge_partners.get(node, []))})
    rows.sort(key=lambda r: (-r["betweenness"], -r["degree"], r["id"]))
    return rows


def component_betweenness(graph: nx.Graph, components: list[set]) -> tuple[dict, dict]:
    """Betweenness of every node, normalized over the whole graph as networkx normalizes it, computed
    one component at a time; and whether each value is exact (else sampled)."""
    n = graph.number_of_nodes()
    scale = 2 / ((n - 1) * (n - 2)) if n > 2 else 1.0
    values: dict[str, float] = {}
    exact: dict[str, bool] = {}
    for component in components:
        sub = graph.subgraph(sorted(component))
        sample = None if len(component) <= EXACT_UP_TO else min(SAMPLE, len(component))
        raw = nx.betweenness_centrality(sub, k=sample, normalized=False, seed=SEED if sample else None)
        for node, value in raw.items():
            values[node] = value * scale
            exact[node] = sample is None
    return values, exact


def pairing_network(store) -> list[dict]:
    return analyze(pairing_graph(store.pairing_orgs()))
