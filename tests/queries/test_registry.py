import re
from importlib import resources

from partygraph.queries import ANALYSES


def test_every_analysis_has_a_cypher_form_and_an_sql_form_and_says_all_it_needs():
    for analysis in ANALYSES.values():
        code = analysis.code()
        assert callable(code.sort_key) and callable(code.options) and code.COLUMNS
        assert "SELECT" in analysis.sql()
        assert code.SUBJECT in (None, "Enterprise", "Member") and isinstance(code.DERIVED, dict)
        assert not hasattr(code, "TOTAL")          # a count is a file of its own: <module>_total.cypher
        assert analysis.total is None or returned_columns(analysis.total) == ["total"]
        assert "MATCH" in analysis.cypher()


def place_forms() -> list:
    """The analyses with a Cypher form that starts from a place (``<module>_place.cypher``)."""
    return [a for a in ANALYSES.values() if analysis_has(a, "_place.cypher")]


def test_every_parameter_of_both_forms_is_supplied():
    for analysis in ANALYSES.values():
        supplied = set(analysis.parameters) | set(analysis.options())
        for text in (analysis.cypher(), analysis.sql()):
            used = set(re.findall(r"\$(\w+)", text))
            assert used <= supplied, (analysis.name, used - supplied)
    assert [a.name for a in place_forms()] == ["gaps enterprises"]
    for analysis in place_forms():
        used = set(re.findall(r"\$(\w+)", analysis.cypher(place=True)))
        assert "within" in used and used - {"within"} <= set(analysis.parameters) | set(analysis.options())
        assert "// include" not in analysis.cypher(place=True) + analysis.cypher()
    ids_forms = [a for a in ANALYSES.values() if analysis_has(a, "_ids.cypher")]
    assert [a.name for a in ids_forms] == ["gaps enterprises", "members judged"]
    for analysis in ids_forms:
        used = set(re.findall(r"\$(\w+)", analysis.cypher(ids=True)))
        assert "ids" in used and used <= set(analysis.parameters) | set(analysis.options())
        assert "// include" not in analysis.cypher(ids=True)
    assert ANALYSES["coverage"].cypher(ids=True) == ANALYSES["coverage"].cypher()     # no form of its own
    for suffix in ("_first.cypher", "_total.cypher"):
        forms = [a for a in ANALYSES.values() if analysis_has(a, suffix)]
        assert forms and all(a.order_by for a in forms), suffix     # a page cut on the server needs an order
        for analysis in forms:
            text = analysis.cypher(first=True) if suffix == "_first.cypher" else analysis.total
            used = set(re.findall(r"\$(\w+)", text))
            assert used <= set(analysis.parameters) | set(analysis.options()) | {"limit"}, (analysis.name, suffix)
            assert "// include" not in text
    assert [a.name for a in ANALYSES.values() if analysis_has(a, "_first.cypher")] == ["gaps enterprises", "gaps members"]


def analysis_has(analysis, suffix: str) -> bool:
    return resources.files("partygraph.queries").joinpath(f"{analysis.module}{suffix}").is_file()


def returned_columns(cypher: str) -> list[str]:
    r"""The names the final RETURN gives its columns, in order: ``x AS name``, or a bare ``name``.

    >>> returned_columns("MATCH (n)\nRETURN n.id AS id, coalesce(a, [b, c]) AS x, base\nORDER BY id")
    ['id', 'x', 'base']
    """
    body = cypher[cypher.rindex("\nRETURN ") + len("\nRETURN "):]
    body = re.split(r"\n(?:ORDER BY|SKIP|LIMIT)\b", body)[0]
    parts, depth, current = [], 0, ""
    for ch in body:
        depth += ch in "([{"
        depth -= ch in ")]}"
        if ch == "," and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += ch
    parts.append(current)
    names = []
    for part in parts:
        alias = re.search(r"\bAS\s+(\w+)\s*$", part.strip())
        names.append(alias.group(1) if alias else part.strip())
    return names


def test_every_column_is_returned_by_the_cypher_in_order():
    for analysis in ANALYSES.values():
        assert returned_columns(analysis.cypher()) == analysis.columns, analysis.name
    for analysis in place_forms():
        assert returned_columns(analysis.cypher(place=True)) == analysis.columns, analysis.name
        assert returned_columns(analysis.cypher(ids=True)) == analysis.columns, analysis.name
    for analysis in ANALYSES.values():
        if analysis_has(analysis, "_first.cypher"):
            assert returned_columns(analysis.cypher(first=True)) == analysis.columns, analysis.name


def test_derived_columns_are_the_last_ones_so_rows_keep_the_column_order():
    for analysis in ANALYSES.values():
        derived = list(getattr(analysis.code(), "DERIVED", {}))
        assert analysis.columns[len(analysis.columns) - len(derived):] == derived, analysis.name


def test_an_analysis_order_by_is_the_order_of_its_sort_key(tmp_path):
    """The embedded store keeps the database's order where an analysis gives one; it must be Python's."""
    from partygraph.graph.embedded import EmbeddedStore
    from partygraph.loaders import load_dataset
    from partygraph.loaders.generate import generate_city
    from partygraph.queries import run_analysis

    generate_city(tmp_path / "city", enterprises=800, seed=3)
    store = EmbeddedStore(tmp_path / "s.pgstore")
    store.replace(load_dataset(tmp_path / "city"))
    ordered = [a for a in ANALYSES.values() if a.order_by]
    assert {a.name for a in ordered} >= {"gaps enterprises", "gaps members", "coverage", "gaps transfers"}
    wide = {"plan branches": {"max_units": 50}, "plan instructors": {"instructor_load": 50}}   # every one, not those with room
    for analysis in ordered:
        options = {"as_of": "2026-06-30"} if "as_of" in analysis.options() else wide.get(analysis.name, {})
        rows = run_analysis(store, analysis.name, **options)
        assert len(rows) > 10 and rows == sorted(rows, key=analysis.sort_key), analysis.name
