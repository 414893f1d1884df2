"""The analyses: each a Cypher file for Neo4j and its SQL twin for the embedded store, registered
under one name with its columns, parameters and order, so both stores answer the same question the
same way (the differential tests hold them to it).

>>> sorted(ANALYSES)[:2]
['check', 'coverage']
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import import_module, resources
from types import ModuleType
from typing import Iterator

from ..errors import UsageError
from ..graph.pages import Page, query_parameters
from ..i18n import _


@dataclass(frozen=True)
class Analysis:
    """One analysis under one name: its Cypher file (``<module>.cypher``), its SQL twin
    (``<module>.sql``) and ``<module>.py``: ``COLUMNS``, ``PARAMETERS`` of both queries,
    ``options(**given)`` that checks and completes the options, ``sort_key`` and ``ORDER_BY`` —
    the rows' order as Python and as both query languages say it (the files hold none: a page is
    composed around them, :mod:`partygraph.graph.pages`) — ``SUBJECT``, the label ``--place``
    narrows it to, or None, and ``DERIVED``: columns computed from a row's others rather than
    fetched, while the Cypher still returns them for people."""

    name: str
    module: str

    def code(self) -> ModuleType:
        return import_module(f"{__name__}.{self.module}")

    def cypher(self, place: bool = False, ids: bool = False, first: bool = False) -> str:
        """The Cypher text (its parameters set apart: :func:`browser_text` sets them for Neo4j Browser);
        with ``place``, the text that starts from the place ``$within`` instead of every enterprise
        (``<module>_place.cypher``, for a store that narrows to a place itself); with ``ids``, the
        one that starts from the records ``$ids`` (``<module>_ids.cypher``); with ``first``, the one
        that makes only the first ``$limit`` rows in the analysis's order (``<module>_first.cypher``)
        — each where the analysis has one, else its text; the lines they share written in where a
        line ``// include FILE.cypher`` asks for them (in included files too)."""
        name = f"{self.module}.cypher"
        if place:
            name = f"{self.module}_place.cypher"
        elif ids and _has(f"{self.module}_ids.cypher"):
            name = f"{self.module}_ids.cypher"
        elif first and _has(f"{self.module}_first.cypher"):
            name = f"{self.module}_first.cypher"
        return _included(name)

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
    def order_by(self) -> str | None:
        """The rows' order in words SQL and Cypher both read, or None where they are sorted in Python."""
        return self.code().ORDER_BY

    @property
    def total(self) -> str | None:
        """A Cypher count of the rows (``<module>_total.cypher``), where one is much cheaper than the
        rows themselves, else None."""
        name = f"{self.module}_total.cypher"
        return _included(name) if _has(name) else None

    def options(self, **given) -> dict:
        return self.code().options(**given)

    @property
    def takes_as_of(self) -> bool:
        """Whether the analysis judges dates (and so takes the day it reads the register at)."""
        import inspect

        return "as_of" in inspect.signature(self.code().options).parameters

    @property
    def sort_key(self):
        """The function that orders rows most urgent first (looked up once, then called per row)."""
        return self.code().sort_key


INCLUDE = re.compile(r"^-- include ([a-z_]+\.sql)$", re.MULTILINE)
CYPHER_INCLUDE = re.compile(r"^// include ([a-z_]+\.cypher)$", re.MULTILINE)


@cache
def _read(name: str) -> str:
    return resources.files(__name__).joinpath(name).read_text(encoding="utf-8")


@cache
def _has(name: str) -> bool:
    return resources.files(__name__).joinpath(name).is_file()


def _included(name: str) -> str:
    """A Cypher file with each ``// include FILE.cypher`` line replaced by that file, included likewise."""
    return CYPHER_INCLUDE.sub(lambda found: _included(found.group(1)).rstrip(), _read(name))


ANALYSES: dict[str, Analysis] = {a.name: a for a in (
    Analysis("gaps enterprises", "gaps_enterprises"),
    Analysis("gaps members", "gaps_members"),
    Analysis("members judged", "members_judged"),
    Analysis("gaps transfers", "gaps_transfers"),
    Analysis("coverage", "coverage"),
    Analysis("check", "checks"),
    Analysis("gaps pairings", "gaps_pairings"),
    Analysis("statistics", "statistics"),
    Analysis("statistics contact", "statistics_contact"),
    Analysis("plan branches", "plan_branches"),
    Analysis("plan instructors", "plan_instructors"),
)}


def run_analysis(store, name: str, place: str | None = None, **options) -> list[dict]:
    """Rows of analysis ``name`` from either store; the same rows, in the same order, from both.
    ``place`` (an area or building id) narrows the analyses that judge enterprises or members to
    those located or working there."""
    options["place"] = place
    return analysis_page(store, name, None, **options).rows


def side_by_side(store, reads: list) -> list:
    """The results of ``reads`` (functions of no arguments, reading one period), side by side where
    the store allows it: on Neo4j a district's four reads for a plan take about the time of the
    longest instead of their sum."""
    if not store.concurrent_reads:
        return [read() for read in reads]
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(len(reads)) as pool:
        return [future.result() for future in [pool.submit(read) for read in reads]]


def analysis_page(store, name: str, limit: int | None, place: str | None = None, **options) -> Page:
    """The first ``limit`` rows of analysis ``name`` (all of them with ``None``) and the total.
    Neo4j sorts and cuts on the server and sends only those rows, with the count, in one query."""
    analysis, options = _prepared(store, name, place, options)
    return store.analysis_page(analysis, options, limit)


def analysis_apart(store, name: str, sides: list[tuple[str, dict]], columns: list[str], shown: list[str]) -> list[tuple]:
    """The rows of analysis ``name`` that differ in ``columns`` between two periods, each side given
    as ``(period, options)``, paired by id (``None`` where a side does not list it); a row holds
    ``id``, ``columns`` and ``shown``."""
    checked = tuple((period, _prepared(store, name, None, dict(options))[1]) for period, options in sides)
    return store.analysis_apart(ANALYSES[name], checked, columns, shown)


def _prepared(store, name: str, place: str | None, options: dict) -> tuple[Analysis, dict]:
    """The analysis and its checked options, narrowed to ``place`` as the store narrows: by the ids
    it finds there, or (``{"within": place}``, set after the check) from the place itself."""
    analysis = ANALYSES.get(name)
    if analysis is None:
        raise UsageError(_("no analysis named {name!r}; there are: {names}").format(name=name, names=", ".join(sorted(ANALYSES))))
    narrowed = _narrowing(store, analysis, place, options) if place is not None else {}
    ids = narrowed.pop("ids", None)
    checked = analysis.options(**(options if ids is None else {**options, "ids": ids}))
    return analysis, {**checked, **narrowed}


def analysis_json(store, name: str, place: str | None = None, **options) -> Iterator[bytes]:
    """Every row of analysis ``name`` as one JSON array, in chunks of UTF-8 bytes, in the order
    of :func:`analysis_page`'s rows (the embedded store has DuckDB write them: a city's 231k rows
    without a Python object each)."""
    analysis, options = _prepared(store, name, place, options)
    return store.analysis_json(analysis, options)


def _narrowing(store, analysis: Analysis, place: str, options: dict) -> dict:
    if analysis.subject is None:
        raise UsageError(_("{name} cannot be narrowed to a place").format(name=analysis.name))
    if options.get("ids") is not None:
        raise UsageError(_("give ids or a place, not both"))
    return store.narrowing(place, analysis.subject)


def cypher_parameters(name: str, **options) -> dict:
    """The parameters analysis ``name``'s Cypher takes, for the given options.

    >>> cypher_parameters("coverage", base="min_employees:10")["min_employees"]
    10
    """
    analysis = ANALYSES[name]
    return query_parameters(analysis, analysis.options(**options))


def browser_text(name: str, **options) -> str:
    """Analysis ``name`` as Neo4j Browser runs it: a ``:param`` line for every parameter with the
    value the command would use for these options (today's date where it takes one), then the query.

    >>> print(browser_text("coverage").splitlines()[0])
    :param base => 'all';
    """
    parameters = cypher_parameters(name, **options)
    lines = [f":param {key} => {cypher_literal(value)};" for key, value in parameters.items()]
    analysis = ANALYSES[name]
    order = f"ORDER BY {analysis.order_by}\n" if analysis.order_by else ""
    return "\n".join(lines) + "\n" + analysis.cypher().rstrip("\n") + "\n" + order


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
