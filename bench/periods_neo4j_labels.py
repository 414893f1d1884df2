"""Design measurement for periods on Neo4j: what every analysis pays when each node pattern must
carry the label of the period it reads (a version graph where each node version has the label of
each period it is in force, ``P7`` here), against the same query on the plain graph.

    eval "$(tools/neo4j-local/neo4j-local env)"
    partygraph load CITY_REGISTER --neo4j "$PARTYGRAPH_TEST_NEO4J_URI"     # e.g. a generated city's last quarter
    python bench/periods_neo4j_labels.py label                             # gives every node the label P7
    python bench/periods_neo4j_labels.py run                               # plain and labelled, best of three

The graph is one period's, so both answers must be the same rows; only the cost of the label checks
(in place of the degree checks the plain queries rely on) is measured.
"""

import os
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from partygraph.graph.neo4j_store import Neo4jStore  # noqa: E402
from partygraph.graph.pages import _parameters, collected  # noqa: E402
from partygraph.queries import ANALYSES  # noqa: E402

store = Neo4jStore.from_environment(os.environ["PARTYGRAPH_TEST_NEO4J_URI"])
if sys.argv[1] == "label":
    t = time.perf_counter()
    store._autocommit("MATCH (n:Partygraph) CALL (n) { SET n:P7 } IN TRANSACTIONS OF 50000 ROWS")
    print("labelled in", round(time.perf_counter() - t, 1), "s")
    sys.exit()

NODE = r"\((\w*)(:[\w:]+)?(\s*\{[^}]*\})?\)"


def labelled(cypher: str) -> str:
    """Every node pattern with the period's label: after MATCH, before or after a relationship."""
    add = lambda m: f"({m.group(1)}{m.group(2) or ''}:P7{m.group(3) or ''})"
    cypher = re.sub(r"(?<=MATCH )" + NODE, add, cypher)
    cypher = re.sub(NODE + r"(?=\s*<?-\[)", add, cypher)
    cypher = re.sub(r"(?<=\]->)" + NODE, add, cypher)
    cypher = re.sub(r"(?<=\]-)" + NODE, add, cypher)
    return cypher.replace(":P7:P7", ":P7")


for name, options in (("gaps enterprises", {}), ("coverage", {"base": "all"}), ("gaps members", {"as_of": "2026-06-30"})):
    a = ANALYSES[name]
    params = _parameters(a, a.options(**options))
    fetched = [c for c in a.columns if c not in a.derived]
    plain = collected(a.cypher(), fetched)
    period = collected(labelled(a.cypher()), fetched)
    results = {}
    for label, query in (("plain", plain), ("period label", period)):
        store.run_value(query, **params)          # warm
        times = []
        for _ in range(3):
            t = time.perf_counter(); rows = store.run_value(query, **params); times.append(time.perf_counter() - t)
        results[label] = (min(times), len(rows))
    print(name, {k: (round(v[0], 2), v[1]) for k, v in results.items()},
          f"{results['period label'][0] / results['plain'][0]:.2f}x")
