"""Commands load only what they use: a Neo4j command never imports networkx (0.2-0.4 s of start-up)."""

import os
import subprocess
import sys

import pytest

RUN = ("import sys; from partygraph.cli import main\n"
       "try:\n    main(sys.argv[1:], standalone_mode=False)\nexcept SystemExit:\n    pass\n"
       "print('NETWORKX' if any(m.startswith('networkx') for m in sys.modules) else 'CLEAN', file=sys.stderr)")


def modules_after(*args: str, env: dict | None = None) -> str:
    done = subprocess.run([sys.executable, "-c", RUN, *args], capture_output=True, text=True,
                          env={**os.environ, **(env or {})})
    return done.stderr.strip().splitlines()[-1]


@pytest.mark.neo4j
@pytest.mark.parametrize("args", [["stats"], ["gaps", "enterprises", "--limit", "3"], ["gaps", "members"],
                                  ["coverage"], ["check"], ["gaps", "pairings"]])
def test_a_neo4j_command_imports_no_networkx(neo4j_store, neo4j_env, args):
    from partygraph.demo import seed_cases_path
    from partygraph.loaders import load_dataset

    neo4j_store.replace(load_dataset(seed_cases_path()))
    assert modules_after(*args, "--neo4j", neo4j_env) == "CLEAN"


def test_the_check_sees_networkx_where_it_is_used(tmp_path):
    from partygraph.demo import seed_cases_path
    from partygraph.graph.embedded import EmbeddedStore
    from partygraph.loaders import load_dataset

    EmbeddedStore(tmp_path / "s.pgstore").replace(load_dataset(seed_cases_path()))
    assert modules_after("analyze", "pairings", "--store", str(tmp_path / "s.pgstore")) == "NETWORKX"
    assert modules_after("--help") == "CLEAN"
