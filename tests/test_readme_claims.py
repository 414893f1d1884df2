"""What the README says a newcomer can run, and the defaults it states, are what happens."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import click

from tests.conftest import ROOT
from tests.test_readme import commands

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _block(heading: str) -> list[str]:
    section = README.split(f"## {heading}\n", 1)[1]
    return re.search(r"```\n(.*?)```", section, re.S).group(1).strip().splitlines()


def test_the_quick_start_runs_as_written_and_makes_what_it_says(tmp_path):
    assert _block("Quick start") == ["pip install .", "partygraph demo"]
    env = {**os.environ, "PARTYGRAPH_HOME": str(tmp_path / "home")}
    done = subprocess.run([sys.executable, "-m", "partygraph", "demo"], cwd=tmp_path, capture_output=True,
                          text=True, env=env, timeout=300)
    assert done.returncode == 0, done.stderr
    said = re.findall(r"`(partygraph-demo\.[a-z]+)`", README.split("## Testing")[0])
    assert set(said) == {"partygraph-demo.pgstore", "partygraph-demo.html", "partygraph-demo.gexf"}
    assert all((tmp_path / name).is_file() for name in said)


def test_the_test_command_is_the_one_ci_runs():
    [command] = _block("Testing")
    assert command in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def _options():
    return [(flag, path, param) for path, command in commands() for param in command.params
            if isinstance(param, click.Option) for flag in param.opts]


#: "`--depth K` (steps out, default 2)", "`--max-nodes` (default 80,000)", "`--store PATH` (…; default `x`"
DOCUMENTED = re.compile(r"`(--[a-z][a-z-]*)(?: [A-Z.]+)?` \((?:[^()]*?[;,] )?default\s+`?([^;,)`\s]+(?:,\d{3})*)`?")


def _none(param: click.Option) -> bool:
    """No default of its own (click 8.2+ marks it with a sentinel, earlier ones with None)."""
    return param.default is None or type(param.default).__name__ == "Sentinel"


def test_every_default_the_readme_states_is_the_commands_default():
    from partygraph.graph.embedded import DEFAULT_PATH

    stated = DOCUMENTED.findall(README)
    assert {flag for flag, _value in stated} >= {"--max-nodes", "--depth", "--max-input-mb", "--as-of", "--store"}
    options = _options()
    for flag, value in stated:
        found = [(command, param) for name, command, param in options if name == flag]
        assert found, flag
        for command, param in found:
            if value == "today":
                assert _none(param), (command, flag)
            elif flag == "--store":
                assert _none(param) and value == DEFAULT_PATH, (command, flag)
            else:
                assert param.default == int(value.replace(",", "")), (command, flag, param.default, value)


def test_the_duckdb_example_reads_the_latest_register(tmp_path):
    """The README's own-questions snippet, run in a folder whose store holds two registers."""
    from partygraph.graph.embedded import EmbeddedStore
    from tests.queries.conftest import Build

    line = next(line for line in README.splitlines() if line.startswith("python -c \"import duckdb"))
    store = EmbeddedStore(tmp_path / "partygraph.pgstore")
    store.load(Build().org("O1").org("O2", level="joint_branch").data, "2026-03-31")
    store.load(Build().org("O1").data, "2026-06-30")
    store.close()
    code = line[len('python -c "'):-1].replace('\\"', '"')
    done = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "branch" in done.stdout and "joint_branch" not in done.stdout
