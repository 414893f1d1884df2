"""Commands load only what they use: a Neo4j command never imports networkx (0.2-0.4 s of start-up),
nor pandas, which the driver imports when it is installed (0.5 s)."""

import os
import subprocess
import sys

import pytest

RUN = ("import sys; from partygraph.cli import main\n"
       "try:\n    main(sys.argv[2:], standalone_mode=False)\nexcept SystemExit:\n    pass\n"
       "found = any(m.split('.')[0] == sys.argv[1] for m in sys.modules)\n"
       "print(sys.argv[1].upper() if found else 'CLEAN', file=sys.stderr)")


def modules_after(*args: str, env: dict | None = None, module: str = "networkx") -> str:
    """CLEAN, or the name of ``module`` in capitals if the command imported it."""
    done = subprocess.run([sys.executable, "-c", RUN, module, *args], capture_output=True, text=True,
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


@pytest.mark.neo4j
def test_a_neo4j_command_imports_no_pandas_and_pandas_still_imports(neo4j_store, neo4j_env):
    pytest.importorskip("pandas")                # installed with the tests' extras (OR-Tools needs it)
    from partygraph.demo import seed_cases_path
    from partygraph.loaders import load_dataset

    neo4j_store.replace(load_dataset(seed_cases_path()))
    assert modules_after("gaps", "enterprises", "--limit", "3", "--neo4j", neo4j_env, module="pandas") == "CLEAN"
    after = ("import sys; from partygraph.graph.neo4j_store import import_driver; import_driver(); "
             "print('pandas' in sys.modules, 'neo4j' in sys.modules); import pandas; print(pandas.DataFrame({'a': [1]}).shape)")
    assert subprocess.run([sys.executable, "-c", after], capture_output=True, text=True,
                          check=True).stdout.split() == ["False", "True", "(1,", "1)"]


def test_the_check_sees_networkx_where_it_is_used(tmp_path):
    from partygraph.demo import seed_cases_path
    from partygraph.graph.embedded import EmbeddedStore
    from partygraph.loaders import load_dataset

    EmbeddedStore(tmp_path / "s.pgstore").replace(load_dataset(seed_cases_path()))
    assert modules_after("analyze", "pairings", "--store", str(tmp_path / "s.pgstore")) == "NETWORKX"
    assert modules_after("--help") == "CLEAN"
