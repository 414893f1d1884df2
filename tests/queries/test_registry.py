import re

from partygraph.queries import ANALYSES


def test_every_analysis_has_a_cypher_form_and_an_embedded_form():
    for analysis in ANALYSES.values():
        code = analysis.code()
        assert callable(code.run) and callable(code.sort_key) and code.COLUMNS
        assert "MATCH" in analysis.cypher()


def test_every_cypher_parameter_is_supplied_by_its_twin():
    for analysis in ANALYSES.values():
        code = analysis.code()
        supplied = set(code.PARAMETERS)
        if hasattr(code, "options"):
            supplied |= set(code.options())
        used = set(re.findall(r"\$(\w+)", analysis.cypher()))
        assert used <= supplied, (analysis.name, used - supplied)


def test_every_column_is_returned_by_the_cypher():
    for analysis in ANALYSES.values():
        text = analysis.cypher()
        for column in analysis.columns:
            assert re.search(rf"\bAS {column}\b|\b{column},|\b{column}\s*$|RETURN {column}\b|, {column}\b", text, re.M), \
                (analysis.name, column)


def test_derived_columns_are_the_last_ones_so_rows_keep_the_column_order():
    for analysis in ANALYSES.values():
        derived = list(getattr(analysis.code(), "DERIVED", {}))
        assert analysis.columns[len(analysis.columns) - len(derived):] == derived, analysis.name
