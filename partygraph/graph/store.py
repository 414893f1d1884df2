"""Choosing a store: the embedded default or Neo4j, by option or environment.

>>> open_store(store_path="city.pgstore").describe()
'embedded store city.pgstore'
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Iterator, Protocol

from .embedded import DEFAULT_PATH, EmbeddedStore

if TYPE_CHECKING:
    from ..progress import Progress
    from .periods import Period, PeriodChoice
    from .pages import Analysis, Page
    from .data import GraphData
    from .subgraph import Subgraph


class Store(Protocol):
    """What partygraph asks of a store; the embedded store and Neo4j answer alike (the differential
    tests hold them to it), and nothing outside ``graph/`` asks which one it has."""

    #: Whether reads may run from several threads at once (Neo4j's driver: yes; one DuckDB connection: no).
    concurrent_reads: bool = False

    def describe(self) -> str: ...

    def replace(self, data: "GraphData", progress: "Progress" = None, as_of: str | None = None) -> None:
        """Make the store hold ``data`` alone, as the register of ``as_of`` (default today); all of it
        or, on failure, a store that refuses to be read until loaded again (or, embedded, the old one)."""

    def load(self, data: "GraphData", as_of: str, progress: "Progress" = None) -> None:
        """Keep ``data`` as the register of ``as_of``, replacing one of that date; the others stay.
        The store answers alike whatever order its periods came in."""

    def drop(self, as_of: str) -> None:
        """Remove the register of ``as_of``."""

    def forget(self, before: str) -> list[str]:
        """Remove the registers before ``before`` and every record found only in them; their dates."""

    def periods(self) -> list["Period"]:
        """The registers kept, by date, with their counts per label and relationship type."""

    def use(self, as_of: str | None) -> "PeriodChoice":
        """Answer every read from now on from the register in force at ``as_of`` (default today)."""

    def difference(self, first: str, second: str) -> tuple["GraphData", "GraphData"]:
        """What the register of ``first`` holds and that of ``second`` does not, and the reverse:
        nodes whose properties differ or that one lacks, relationships one lacks."""

    def records(self, keys: list[str]) -> "GraphData":
        """The nodes of ``keys`` (``Label:id``) with their outgoing relationships, in the period read."""

    def places(self) -> "GraphData":
        """Every area and building of the period read, and the PART_OF between them."""

    def keep(self, name: str, value: dict) -> None:
        """Keep a figure derived from the period read, with it (gone when the period is replaced or
        dropped); a store that answers fast enough without may keep nothing."""

    def kept(self, name: str) -> dict | None:
        """What :meth:`keep` kept for the period read, or None."""

    def read(self) -> "GraphData": ...

    def counts(self) -> dict[str, int]: ...

    def analysis_page(self, analysis: "Analysis", options: dict, limit: int | None) -> "Page":
        """The first ``limit`` rows (all with ``None``) of an analysis, most urgent first, and the total."""

    def analysis_json(self, analysis: "Analysis", options: dict) -> Iterator[bytes]:
        """Every row of an analysis as one JSON array in chunks of UTF-8 bytes, in the page's order."""

    def place_ids(self, place: str, label: str) -> tuple[int, int, list[str]]:
        """(is an area, is a building, ids of the enterprises or members located there)."""

    def narrowing(self, place: str, label: str) -> dict:
        """The options that narrow an analysis of ``label`` (its subject) to ``place``: ``{"ids": [...]}``,
        or ``{"within": place}`` where the store's query starts from the place itself."""

    def places_of(self, keys: list[str]) -> dict[str, str | None]:
        """Where each record of ``keys`` (``Label:id``) in the period read is (``reads.PLACED_BY``): its
        building or area, a member's employer's; records not in the period are left out."""

    def properties(self, label: str, ids: list[str]) -> dict[str, dict]:
        """The properties of the nodes of ``label`` with these ids in the period read, by id."""

    def ids_between(self, label: str, prop: str, low: str, high: str) -> list[str]:
        """The ids of the nodes of ``label`` in the period read whose date ``prop`` lies in ``[low, high)``
        (ISO dates), found by the property's index."""

    def analysis_apart(self, analysis: "Analysis", sides: tuple, columns: list[str], shown: list[str]) -> list[tuple]:
        """The rows of an analysis in two periods (``(period, options)`` each) that differ in ``columns``,
        paired by ``id``: ``(row or None, row or None)``, each row holding ``id``, ``columns`` and
        ``shown``, in no particular order. Afterwards the period read is unspecified (``use`` again); where
        the store has ``concurrent_reads``, reads of another thread may run beside it."""

    def subgraph(self, view: str, scope: str | None, depth: int, max_nodes: int) -> "Subgraph":
        """What a drawing or a scoped export shows (see :mod:`partygraph.graph.subgraph`)."""

    def pairing_orgs(self) -> list[tuple[str, str, list[str]]]:
        """(id, name, ids it is PAIRED_WITH) of every organization."""

    def close(self) -> None: ...


def open_store(store_path: str | None = None, neo4j_uri: str | None = None) -> Store:
    """``--neo4j``/``PARTYGRAPH_NEO4J_URI`` wins over ``--store``/``PARTYGRAPH_STORE``."""
    uri = neo4j_uri or (None if store_path else os.environ.get("PARTYGRAPH_NEO4J_URI"))
    if uri:
        from .neo4j_store import Neo4jStore

        return Neo4jStore.from_environment(uri)
    return EmbeddedStore(store_path or os.environ.get("PARTYGRAPH_STORE") or DEFAULT_PATH)
