"""What `partygraph cypher NAME` prints runs in Neo4j as it stands: its :param lines set every
parameter the query takes, and the query then gives the command's rows."""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner

from partygraph.cli import main
from partygraph.loaders import load_dataset
from partygraph.queries import ANALYSES, run_analysis
from tests.conftest import SEED_CASES


def _split(printed: str) -> tuple[dict[str, str], str]:
    literals, body = {}, []
    for line in printed.splitlines():
        if line.startswith(":param "):
            key, _arrow, literal = line[len(":param "):].rstrip().removesuffix(";").partition(" => ")
            literals[key] = literal
        else:
            body.append(line)
    return literals, "\n".join(body)


@pytest.mark.parametrize("name", sorted(ANALYSES))
def test_every_parameter_the_query_names_has_a_param_line(name):
    printed = CliRunner().invoke(main, ["cypher", name]).stdout
    literals, body = _split(printed)
    assert set(re.findall(r"\$([A-Za-z_]\w*)", body)) <= set(literals)


@pytest.mark.neo4j
def test_the_printed_queries_run_with_their_param_lines_and_give_the_commands_rows(neo4j_store):
    neo4j_store.replace(load_dataset(SEED_CASES))
    for name, analysis in sorted(ANALYSES.items()):
        literals, body = _split(CliRunner().invoke(main, ["cypher", name]).stdout)
        parameters = {key: neo4j_store.run_value(f"RETURN {literal} AS v") for key, literal in literals.items()}
        rows = [{column: row[column] for column in analysis.columns} for row in neo4j_store.run(body, **parameters)]
        rows.sort(key=analysis.sort_key)
        assert rows == run_analysis(neo4j_store, name), name
