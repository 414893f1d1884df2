"""The analyses (DOMAIN.md §4–5): each a Cypher file for Neo4j and its embedded twin over networkx,
registered under one name, so both stores answer the same question the same way.

>>> sorted(ANALYSES)[:2]
['check', 'coverage']
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import import_module, resources
from types import ModuleType

from ..errors import UsageError
from .view import View


@dataclass(frozen=True)
class Analysis:
    name: str
    module: str                      # partygraph.queries.<module>: run(view, **options), COLUMNS, PARAMETERS

    def code(self) -> ModuleType:
        return import_module(f"{__name__}.{self.module}")

    def cypher(self) -> str:
        """The Cypher text, as it can be pasted into Neo4j Browser."""
        return resources.files(__name__).joinpath(f"{self.module}.cypher").read_text(encoding="utf-8")

    @property
    def columns(self) -> list[str]:
        return self.code().COLUMNS


ANALYSES: dict[str, Analysis] = {a.name: a for a in (
    Analysis("gaps enterprises", "gaps_enterprises"),
    Analysis("gaps members", "gaps_members"),
    Analysis("coverage", "coverage"),
    Analysis("check", "checks"),
    Analysis("gaps pairings", "gaps_pairings"),
)}


def run_analysis(store, name: str, **options) -> list[dict]:
    """Rows of analysis ``name`` from either store; the same rows, in the same order, from both."""
    analysis = ANALYSES.get(name)
    if analysis is None:
        raise UsageError(f"no analysis named {name!r}; there are: {', '.join(sorted(ANALYSES))}")
    code = analysis.code()
    options = code.options(**options) if hasattr(code, "options") else options
    if store.kind == "embedded":
        return code.run(View(store.networkx()), **options)
    store.check_complete()
    params = {**code.PARAMETERS, **options}
    values = store.run_value(collected(analysis.cypher(), code.COLUMNS), **{k: _cypher_value(v) for k, v in params.items()})
    rows = [dict(zip(code.COLUMNS, row)) for row in values]
    # The Cypher orders its rows for people in Neo4j Browser; Python's order makes both stores equal
    # even where Java and Python order unusual characters differently.
    return sorted(rows, key=code.sort_key)


def collected(cypher: str, columns: list[str]) -> str:
    """The query wrapped to return its rows as one list: the driver takes seconds to stream a
    city's rows one record at a time (231k: 4-5 s), and a fraction of that to decode one list.

    >>> print(collected("MATCH (n) RETURN n.id AS id", ["id"]))
    CALL () {
    MATCH (n) RETURN n.id AS id
    }
    RETURN collect([id]) AS rows
    """
    return f"CALL () {{\n{cypher.strip()}\n}}\nRETURN collect([{', '.join(columns)}]) AS rows"


def _cypher_value(value: object) -> object:
    return list(value) if isinstance(value, tuple) else value
