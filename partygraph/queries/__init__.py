"""The analyses: each a Cypher file for Neo4j and its SQL twin for the embedded store, registered
under one name with its columns, parameters and order, so both stores answer the same question the
same way (the differential tests hold them to it).

>>> sorted(ANALYSES)[:2]
['check', 'coverage']
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import import_module, resources
from itertools import repeat
from types import ModuleType
from typing import Iterator

from ..errors import UsageError
from ..gcpause import paused_gc
from ..i18n import _


@dataclass(frozen=True)
class Analysis:
    """One analysis under one name: its Cypher file (``<module>.cypher``), its SQL twin
    (``<module>.sql``) and ``<module>.py``: ``COLUMNS``, ``PARAMETERS`` of both queries,
    ``options(**given)`` that checks and completes the options, ``sort_key``, ``SUBJECT`` — the
    label ``--place`` narrows it to, or None — and ``DERIVED``: columns computed from a row's others
    rather than fetched, while the Cypher still returns them for people)."""

    name: str
    module: str

    def code(self) -> ModuleType:
        return import_module(f"{__name__}.{self.module}")

    def cypher(self) -> str:
        """The Cypher text (its parameters set apart: :func:`browser_text` sets them for Neo4j Browser)."""
        return resources.files(__name__).joinpath(f"{self.module}.cypher").read_text(encoding="utf-8")

    def sql(self) -> str:
        """The SQL twin the embedded store runs (``<module>.sql``), with the CTEs it shares with
        another analysis written in where a line ``-- include FILE.sql`` asks for them."""
        return INCLUDE.sub(lambda found: _read(found.group(1)).rstrip(), _read(f"{self.module}.sql"))

    @property
    def columns(self) -> list[str]:
        return self.code().COLUMNS

    @property
    def parameters(self) -> dict:
        return self.code().PARAMETERS

    @property
    def subject(self) -> str | None:
        return self.code().SUBJECT

    @property
    def derived(self) -> dict:
        return self.code().DERIVED

    @property
    def total(self) -> str | None:
        """A Cypher count of the rows, where one is much cheaper than the rows themselves."""
        return self.code().TOTAL

    def options(self, **given) -> dict:
        return self.code().options(**given)

    @property
    def sort_key(self):
        """The function that orders rows most urgent first (looked up once, then called per row)."""
        return self.code().sort_key


INCLUDE = re.compile(r"^-- include ([a-z_]+\.sql)$", re.MULTILINE)


def _read(name: str) -> str:
    return resources.files(__name__).joinpath(name).read_text(encoding="utf-8")


ANALYSES: dict[str, Analysis] = {a.name: a for a in (
    Analysis("gaps enterprises", "gaps_enterprises"),
    Analysis("gaps members", "gaps_members"),
    Analysis("gaps transfers", "gaps_transfers"),
    Analysis("coverage", "coverage"),
    Analysis("check", "checks"),
    Analysis("gaps pairings", "gaps_pairings"),
    Analysis("statistics", "statistics"),
)}


def run_analysis(store, name: str, place: str | None = None, **options) -> list[dict]:
    """Rows of analysis ``name`` from either store; the same rows, in the same order, from both.
    ``place`` (an area or building id) narrows the analyses that judge enterprises or members to
    those located or working there."""
    options["place"] = place
    return analysis_page(store, name, None, **options).rows


@dataclass
class Page:
    """The first rows of an analysis, most urgent first, and how many rows it has in all."""

    rows: list[dict]
    total: int


def analysis_page(store, name: str, limit: int | None, place: str | None = None, **options) -> Page:
    """The first ``limit`` rows of analysis ``name`` (all of them with ``None``) and the total.
    Neo4j sorts and cuts on the server and sends only those rows, with the count, in one query."""
    analysis, options = _prepared(store, name, place, options)
    return store.analysis_page(analysis, analysis.options(**options), limit)


def _prepared(store, name: str, place: str | None, options: dict) -> tuple[Analysis, dict]:
    analysis = ANALYSES.get(name)
    if analysis is None:
        raise UsageError(_("no analysis named {name!r}; there are: {names}").format(name=name, names=", ".join(sorted(ANALYSES))))
    if place is not None:
        options = {**options, "ids": _ids_in_place(store, analysis, place, options)}
    return analysis, options


def analysis_json(store, name: str, place: str | None = None, **options) -> Iterator[bytes]:
    """Every row of analysis ``name`` as one JSON array, in chunks of UTF-8 bytes, in the order
    of :func:`analysis_page`'s rows (the embedded store has DuckDB write them: a city's 231k rows
    without a Python object each)."""
    analysis, options = _prepared(store, name, place, options)
    return store.analysis_json(analysis, analysis.options(**options))


def sql_json(analysis: "Analysis", runner, options: dict) -> Iterator[bytes]:
    """An analysis's rows as JSON from the embedded store (``runner.copy_json``): its SQL returns
    every column, the derived ones too (tests/queries/test_json.py holds them to ``DERIVED``)."""
    text = analysis.sql().strip()
    order = FINAL_ORDER_BY.search(text)
    if order is None:                       # sorted in Python: written from the rows
        from ..output import json_chunks

        return json_chunks(sql_page(analysis, runner, options, None).rows)
    parameters = {key: _cypher_value(value) for key, value in {**analysis.parameters, **options}.items()}
    selected = ", ".join(f'"{column}"' for column in analysis.columns)
    body = FINAL_ORDER_BY.sub("", text)
    return runner.copy_json(f"SELECT {selected} FROM (\n{body}\n)\n{order.group(0).strip()}", parameters)


def sql_page(analysis: "Analysis", runner, options: dict, limit: int | None) -> Page:
    """An analysis's page from the embedded store (its SQL twin, through ``runner.sql``), sorted
    and cut by the database when limited, the total counted in the same query. A file's final
    ORDER BY is the order of ``sort_key`` (DuckDB compares text by code point, as Python does;
    tests/queries/test_registry.py holds every file to it), so its rows are not sorted again."""
    derived = analysis.derived
    fetched = [column for column in analysis.columns if column not in derived]
    parameters = {key: _cypher_value(value) for key, value in {**analysis.parameters, **options}.items()}
    selected = ", ".join(f'"{column}"' for column in fetched)
    text = analysis.sql().strip()
    order = FINAL_ORDER_BY.search(text)
    body = FINAL_ORDER_BY.sub("", text)
    with paused_gc():
        if limit is None or order is None:
            ordered = f"\n{order.group(0).strip()}" if order else ""
            values = runner.sql(f"SELECT {selected} FROM (\n{body}\n){ordered}", parameters)
            total = len(values)
        else:       # the file's final ORDER BY names output columns: applied here, around the window
            values = runner.sql(f"SELECT {selected}, count(*) OVER () FROM (\n{body}\n)\n{order.group(0).strip()} "
                               f"LIMIT {int(limit)}", parameters)
            total = values[0][-1] if values else _count(runner, body, parameters)
        rows = _rows(fetched, derived, values)
        if order is None:
            rows.sort(key=analysis.sort_key)
    return Page(rows if limit is None else rows[:limit], total)


def _count(runner, body: str, parameters: dict) -> int:
    """The rows of an analysis when a page of ``LIMIT 0`` shows none of them."""
    return runner.sql(f"SELECT count(*) FROM (\n{body}\n)", parameters)[0][0]


def neo4j_page(analysis: "Analysis", runner, options: dict, limit: int | None) -> Page:
    """An analysis's page from Neo4j (its Cypher, through ``runner.run_value``), sorted and cut on
    the server when limited."""
    derived = analysis.derived
    fetched = [column for column in analysis.columns if column not in derived]
    cypher = analysis.cypher()
    parameters = {key: _cypher_value(value) for key, value in {**analysis.parameters, **options}.items()}
    with paused_gc():      # decoding a city's rows makes millions of objects, none of them cyclic
        if limit is not None and FINAL_ORDER_BY.search(cypher.strip()):
            query = first_rows(cypher, fetched, analysis.total)
            total, values = runner.run_value(query, limit=limit, **parameters)
        else:
            values = runner.run_value(collected(cypher, fetched), **parameters)
            total = len(values)
        rows = _rows(fetched, derived, values)
        # Python's order, not the Cypher's: both stores then agree even where Java and Python
        # order unusual characters differently.
        rows.sort(key=analysis.sort_key)
    return Page(rows if limit is None else rows[:limit], total)


def _ids_in_place(store, analysis: Analysis, place: str, options: dict) -> list[str]:
    from .places import ids_in

    if analysis.subject is None:
        raise UsageError(_("{name} cannot be narrowed to a place").format(name=analysis.name))
    if options.get("ids") is not None:
        raise UsageError(_("give ids or a place, not both"))
    return ids_in(store, place, analysis.subject)


def cypher_parameters(name: str, **options) -> dict:
    """The parameters analysis ``name``'s Cypher takes, for the given options.

    >>> cypher_parameters("coverage", base="min_employees:10")["min_employees"]
    10
    """
    analysis = ANALYSES[name]
    return {key: _cypher_value(value) for key, value in {**analysis.parameters, **analysis.options(**options)}.items()}


def _rows(fetched: list[str], derived: dict, values: list) -> list[dict]:
    """Rows as dicts of the fetched columns, then the derived ones (the last columns,
    tests/queries/test_registry.py); made by ``map`` in C, a city's 231k rows in 0.1 s."""
    rows = list(map(dict, map(zip, repeat(fetched), values)))
    for column, derive in derived.items():
        for row, value in zip(rows, map(derive, rows)):
            row[column] = value
    return rows


def collected(cypher: str, columns: list[str]) -> str:
    """The query wrapped to return the given columns of its rows as one list: the driver takes
    seconds to stream a city's rows one record at a time (231k: 4-5 s), and a fraction of that to
    decode one list. A final ORDER BY, there for people in Neo4j Browser, is left out: the rows
    are sorted in Python (sorting 231k rows in Cypher took 1 s).

    >>> print(collected("MATCH (n) RETURN n.id AS id, n.name AS name\\nORDER BY id", ["id"]))
    CALL () {
    MATCH (n) RETURN n.id AS id, n.name AS name
    }
    RETURN collect([id]) AS rows
    """
    body = FINAL_ORDER_BY.sub("", cypher.strip())
    return f"CALL () {{\n{body}\n}}\nRETURN collect([{', '.join(columns)}]) AS rows"


FINAL_ORDER_BY = re.compile(r"\nORDER BY [^\n]*$")


def first_rows(cypher: str, columns: list[str], total: str | None = None) -> str:
    r"""The query's first ``$limit`` rows in its own order and the count of all, in one answer.

    >>> print(first_rows("MATCH (n) RETURN n.id AS id\nORDER BY id", ["id"]))
    CALL () {
    MATCH (n) RETURN n.id AS id
    ORDER BY id
    }
    WITH collect([id]) AS rows
    RETURN [size(rows), rows[0..$limit]] AS page
    """
    if total:       # the first rows by a top-N (no full sort), the count by its own cheap query
        return (f"CALL () {{\n{cypher.strip()}\nLIMIT $limit\n}}\nWITH collect([{', '.join(columns)}]) AS rows\n"
                f"CALL () {{\n{total.strip()}\n}}\nRETURN [total, rows] AS page")
    return (f"CALL () {{\n{cypher.strip()}\n}}\nWITH collect([{', '.join(columns)}]) AS rows\n"
            "RETURN [size(rows), rows[0..$limit]] AS page")


def browser_text(name: str, **options) -> str:
    """Analysis ``name`` as Neo4j Browser runs it: a ``:param`` line for every parameter with the
    value the command would use for these options (today's date where it takes one), then the query.

    >>> print(browser_text("coverage").splitlines()[0])
    :param base => 'all';
    """
    parameters = cypher_parameters(name, **options)
    lines = [f":param {key} => {cypher_literal(value)};" for key, value in parameters.items()]
    return "\n".join(lines) + "\n" + ANALYSES[name].cypher()


def cypher_literal(value: object) -> str:
    """A value as a Cypher literal (what a ``:param`` line evaluates).

    >>> cypher_literal(["党支部", "o'brien"]), cypher_literal({"a": None, "b": True}), cypher_literal(2.5)
    ("['党支部', 'o\\\\'brien']", '{`a`: null, `b`: true}', '2.5')
    """
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        escaped = value.replace("\\", "\\\\").replace("'", "\\'").replace("\n", "\\n").replace("\r", "\\r")
        return f"'{escaped}'"
    if isinstance(value, dict):
        return "{" + ", ".join(f"`{key.replace('`', '``')}`: {cypher_literal(item)}" for key, item in value.items()) + "}"
    return "[" + ", ".join(cypher_literal(item) for item in value) + "]"


def _cypher_value(value: object) -> object:
    return list(value) if isinstance(value, tuple) else value
