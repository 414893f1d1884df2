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
from partygraph.graph.pages import collected, query_parameters  # noqa: E402
from partygraph.queries import ANALYSES  # noqa: E402

NODE = r"\((\w*)(:[\w:]+)?(\s*\{[^}]*\})?\)"
RUNS = (("gaps enterprises", {}), ("coverage", {"base": "all"}), ("gaps members", {"as_of": "2026-06-30"}))


def labelled(cypher: str, label: str = "P7") -> str:
    """Every node pattern with the period's label: after MATCH, before or after a relationship."""
    add = lambda m: f"({m.group(1)}{m.group(2) or ''}:{label}{m.group(3) or ''})"  # noqa: E731
    cypher = re.sub(r"(?<=MATCH )" + NODE, add, cypher)
    cypher = re.sub(NODE + r"(?=\s*<?-\[)", add, cypher)
    cypher = re.sub(r"(?<=\]->)" + NODE, add, cypher)
    cypher = re.sub(r"(?<=\]-)" + NODE, add, cypher)
    # A variable-length path's inner nodes have no pattern of their own: each must be of the period.
    cypher = re.sub(r"^(\s*(?:OPTIONAL )?MATCH (\w+) = [^\n]*\*[^\n]*)$",
                    lambda m: f"{m.group(1)}\n  WHERE all(n IN nodes({m.group(2)}) WHERE n:{label})", cypher, flags=re.M)
    return cypher.replace(f":{label}:{label}", f":{label}")


def main() -> None:
    store = Neo4jStore.from_environment(os.environ["PARTYGRAPH_TEST_NEO4J_URI"])
    if sys.argv[1] == "label":
        started = time.perf_counter()
        store._autocommit("MATCH (n:Partygraph) CALL (n) { SET n:P7 } IN TRANSACTIONS OF 50000 ROWS")
        print("labelled in", round(time.perf_counter() - started, 1), "s")
        return
    for name, options in RUNS:
        analysis = ANALYSES[name]
        parameters = query_parameters(analysis, analysis.options(**options))
        fetched = [c for c in analysis.columns if c not in analysis.derived]
        results = {}
        for how, query in (("plain", collected(analysis.cypher(), fetched)),
                           ("period label", collected(labelled(analysis.cypher()), fetched))):
            store.run_value(query, **parameters)          # warm
            times = []
            for _ in range(3):
                started = time.perf_counter()
                rows = store.run_value(query, **parameters)
                times.append(time.perf_counter() - started)
            results[how] = (min(times), len(rows))
        print(name, {k: (round(v[0], 2), v[1]) for k, v in results.items()},
              f"{results['period label'][0] / results['plain'][0]:.2f}x")


if __name__ == "__main__":
    main()
