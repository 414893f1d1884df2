"""Helpers for the benchmark scripts: run a step in a fresh process and report its time and peak memory."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

_WRAPPER = """
import json, resource, sys, time
sys.path.insert(0, {root!r})
args = json.loads(sys.argv[1])
start = time.perf_counter()
{body}
elapsed = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
print(json.dumps({{"seconds": elapsed, "peak_bytes": peak, "result": locals().get("result")}}))
"""


def measure(body: str, **args) -> dict:
    """Run ``body`` (Python, with ``args`` in scope, may set ``result``) in a new interpreter."""
    code = _WRAPPER.format(root=str(ROOT), body=textwrap.dedent(body))
    done = subprocess.run([sys.executable, "-c", code, json.dumps(args)], capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(done.stderr)
    return json.loads(done.stdout.strip().splitlines()[-1])


def gib(value: float) -> str:
    return f"{value / 2**30:.2f} GiB"


def row(what: str, figures: dict, target: str = "") -> None:
    print(f"{what:<44} {figures['seconds']:8.2f} s  peak {gib(figures['peak_bytes']):>10}  {target}", flush=True)


def neo4j_store(skip: bool):
    """The Neo4j the benchmarks use (PARTYGRAPH_TEST_NEO4J_URI, as the tests), or None with --skip-neo4j."""
    import os

    from partygraph.graph.neo4j_store import Neo4jStore

    if skip:
        return None
    uri = os.environ.get("PARTYGRAPH_TEST_NEO4J_URI")
    if not uri:
        sys.exit("set PARTYGRAPH_TEST_NEO4J_URI (tools/neo4j-local/neo4j-local env), or pass --skip-neo4j")
    return Neo4jStore.from_environment(uri)
