"""Pages of an analysis's rows from either store: the first rows, most urgent first, and the total.

An analysis (``partygraph.queries.Analysis``) gives its query texts, its columns, the columns
derived from others, ``order_by`` — its order in words both SQL and Cypher read, or ``None`` where
rows are sorted in Python — and ``sort_key``, that order as Python's. A page is composed around
the query text, never by editing it: the query as a subquery, the order and the cut outside it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import repeat
from typing import Callable, Iterator, Protocol

from ..gcpause import paused_gc


class Analysis(Protocol):
    """What a page needs of an analysis (``partygraph.queries.Analysis`` is one)."""

    name: str
    columns: list[str]
    derived: dict[str, Callable[[dict], object]]
    parameters: dict
    order_by: str | None
    total: str | None
    sort_key: Callable[[dict], tuple]

    def sql(self) -> str: ...

    def cypher(self, place: bool = False, ids: bool = False, first: bool = False) -> str: ...


@dataclass
class Page:
    """The first rows of an analysis, most urgent first, and how many rows it has in all."""

    rows: list[dict]
    total: int


def plain(value: object) -> object:
    """A parameter as both drivers take it (tuples as lists)."""
    return list(value) if isinstance(value, tuple) else value


def query_parameters(analysis, options: dict) -> dict:
    """What an analysis's query takes: its fixed parameters and the checked options, as the drivers take them."""
    return {key: plain(value) for key, value in {**analysis.parameters, **options}.items()}


def sql_page(analysis, runner, options: dict, limit: int | None) -> Page:
    """An analysis's page from the embedded store (its SQL, through ``runner.sql``), sorted and cut
    by the database, the total counted in the same query. DuckDB compares text by code point, as
    Python does, so rows it orders are not sorted again."""
    derived = analysis.derived
    fetched = [column for column in analysis.columns if column not in derived]
    parameters = query_parameters(analysis, options)
    selected = ", ".join(f'"{column}"' for column in fetched)
    body = analysis.sql().strip()
    order = f"\nORDER BY {analysis.order_by}" if analysis.order_by else ""
    with paused_gc():
        if limit is None or not order:
            values = runner.sql(f"SELECT {selected} FROM (\n{body}\n){order}", parameters)
            total = len(values)
        else:
            values = runner.sql(f"SELECT {selected}, count(*) OVER () FROM (\n{body}\n){order} LIMIT {int(limit)}",
                                parameters)
            total = values[0][-1] if values else runner.sql(f"SELECT count(*) FROM (\n{body}\n)", parameters)[0][0]
        rows = _rows(fetched, derived, values)
        if not order:
            rows.sort(key=analysis.sort_key)
    return Page(rows if limit is None else rows[:limit], total)


def sql_json(analysis, runner, options: dict) -> Iterator[bytes]:
    """Every row as one JSON array from the embedded store (``runner.copy_json``: DuckDB writes
    them); its SQL returns every column, the derived ones too."""
    if not analysis.order_by:                       # sorted in Python: written from the rows
        from ..output import json_chunks

        return json_chunks(sql_page(analysis, runner, options, None).rows)
    selected = ", ".join(f'"{column}"' for column in analysis.columns)
    query = f"SELECT {selected} FROM (\n{analysis.sql().strip()}\n)\nORDER BY {analysis.order_by}"
    parameters, texts = _with_tokens(query_parameters(analysis, options))
    return _spliced(runner.copy_json(query, parameters), texts)


def _with_tokens(parameters: dict) -> tuple[dict, dict[bytes, bytes]]:
    """The parameters with each rule's text (the same long text on thousands of rows) replaced by
    a short token unique to this call, and each token's JSON bytes to the text's: DuckDB then
    writes a third of the bytes, and the texts are put back as the rows stream out."""
    import secrets

    import orjson

    nonce = secrets.token_hex(8)
    texts = {}
    swapped = dict(parameters)
    for key, value in parameters.items():
        if key.startswith("rule") and isinstance(value, str) and len(value) > 24:
            token = f"\uf8ff{nonce}:{key}\uf8ff"          # a private-use mark: written as it is, never escaped
            swapped[key] = token
            texts[orjson.dumps(token)[1:-1]] = orjson.dumps(value)[1:-1]
    return swapped, texts


def _spliced(chunks: Iterator[bytes], texts: dict[bytes, bytes]) -> Iterator[bytes]:
    """``chunks`` with each token's bytes replaced by its text's (tokens never span a chunk: the
    chunks end at whole rows)."""
    for chunk in chunks:
        for token, text in texts.items():
            chunk = chunk.replace(token, text)
        yield chunk


def neo4j_page(analysis, runner, options: dict, limit: int | None) -> Page:
    """An analysis's page from Neo4j (its Cypher, through ``runner.run_value``), sorted and cut on
    the server when limited and the server orders the store's ids as Python does
    (``runner.orders_text_like_python()``); else every row, sorted in Python."""
    derived = analysis.derived
    fetched = [column for column in analysis.columns if column not in derived]
    within = options.get("within") is not None            # narrowed from the place itself: the count is the rows'
    ids = options.get("ids") is not None
    parameters = query_parameters(analysis, options)
    with paused_gc():      # decoding a city's rows makes millions of objects, none of them cyclic
        if limit is not None and analysis.order_by and runner.orders_text_like_python():
            total = None if within else analysis.total
            cypher = analysis.cypher(place=within, ids=ids, first=total is not None).strip()
            query = first_rows(f"{cypher}\nORDER BY {analysis.order_by}", fetched, total)
            total, values = runner.run_value(query, limit=limit, **parameters)
        else:
            cypher = analysis.cypher(place=within, ids=ids).strip()
            values = runner.run_value(collected(cypher, fetched), **parameters)
            total = len(values)
        rows = _rows(fetched, derived, values)
        rows.sort(key=analysis.sort_key)
    return Page(rows if limit is None else rows[:limit], total)


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
    decode one list. The rows are sorted in Python (sorting 231k rows in Cypher took 1 s).

    >>> print(collected("MATCH (n) RETURN n.id AS id, n.name AS name", ["id"]))
    CALL () {
    MATCH (n) RETURN n.id AS id, n.name AS name
    }
    RETURN collect([id]) AS rows
    """
    return f"CALL () {{\n{cypher.strip()}\n}}\nRETURN collect([{', '.join(columns)}]) AS rows"


def first_rows(cypher: str, columns: list[str], total: str | None = None) -> str:
    r"""The ordered query's first ``$limit`` rows and the count of all, in one answer.

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


#: One side of a comparison: the period read and the analysis's checked options there.
Side = tuple[str, dict]


def apart_columns(columns: list[str], shown: list[str]) -> list[str]:
    """The columns a compared row holds: ``id``, the compared ones, the ones shown."""
    return list(dict.fromkeys(["id", *columns, *shown]))


def sql_apart(analysis, store, sides: tuple[Side, Side], columns: list[str],
              shown: list[str]) -> list[tuple[dict | None, dict | None]]:
    """The rows of an analysis in two periods that differ in ``columns``, paired by ``id`` (a subject
    listed on one side only: ``None`` on the other), from the embedded store: each side's rows go into
    a temporary table, and only the pairs that differ are fetched (a city's members: 181,000 rows a
    side, 69,000 apart). Rows hold ``id``, ``columns`` and ``shown``."""
    fetched = apart_columns(columns, shown)
    selected = ", ".join(f'"{column}"' for column in fetched)
    body = analysis.sql().strip()
    names = ("pg_side_0", "pg_side_1")
    tables = tuple(f"temp.{name}" for name in names)
    try:
        for name, (period, options) in zip(names, sides):
            store.use(period)
            store.sql(f"CREATE OR REPLACE TEMPORARY TABLE {name} AS SELECT {selected} FROM (\n{body}\n)",
                      query_parameters(analysis, options))
        differs = " OR ".join(f'a."{column}" IS DISTINCT FROM b."{column}"' for column in columns)
        both = ", ".join([*(f'a."{c}"' for c in fetched), *(f'b."{c}"' for c in fetched)])
        with paused_gc():
            values = store.sql(f"SELECT {both}, a.id IS NOT NULL, b.id IS NOT NULL FROM {tables[0]} a "
                               f"FULL JOIN {tables[1]} b ON a.id = b.id WHERE a.id IS NULL OR b.id IS NULL OR {differs}")
            width = len(fetched)
            first = iter(_rows(fetched, {}, [v[:width] for v in values if v[-2]]))
            second = iter(_rows(fetched, {}, [v[width:2 * width] for v in values if v[-1]]))
            return [(next(first) if v[-2] else None, next(second) if v[-1] else None) for v in values]
    finally:
        for table in tables:
            store.sql(f"DROP TABLE IF EXISTS {table}")


def apart_cypher(texts: list[str], fetched: list[str], columns: list[str]) -> str:
    """One query making both sides' rows (each side's text, its parameters prefixed ``s0_`` and
    ``s1_``) and sending only the ids whose ``columns`` differ or that one side lacks, each with
    ``[side, values of fetched…]`` per side listing it: the server compares, and a city's 181,000
    rows a side never cross the wire."""
    parts = []
    for side, text in enumerate(texts):
        text = re.sub(r"\$([A-Za-z_]\w*)", rf"$s{side}_\1", text.strip())
        parts.append(f"CALL () {{\n{text}\n}}\nRETURN {side} AS side, {', '.join(fetched)}")
    differs = " OR ".join(f"coalesce(found[0][{i}] <> found[1][{i}], (found[0][{i}] IS NULL) <> (found[1][{i}] IS NULL))"
                          for i in (1 + fetched.index(column) for column in columns))
    return ("CALL () {\n" + "\nUNION ALL\n".join(parts) + "\n}\n"
            f"WITH id, collect([side, {', '.join(fetched)}]) AS found\n"
            f"WHERE size(found) = 1 OR {differs}\nRETURN collect(found)")


def apart_parameters(analysis, sides: tuple[Side, Side]) -> dict:
    """Both sides' parameters as :func:`apart_cypher` names them."""
    return {f"s{side}_{key}": value for side, (_period, options) in enumerate(sides)
            for key, value in query_parameters(analysis, options).items()}


def apart_pairs(found: list, fetched: list[str]) -> list[tuple[dict | None, dict | None]]:
    """:func:`apart_cypher`'s answer as pairs of rows."""
    pairs = []
    for listed in found:
        rows: list[dict | None] = [None, None]
        for side, *values in listed:
            rows[side] = dict(zip(fetched, values))
        pairs.append((rows[0], rows[1]))
    return pairs
