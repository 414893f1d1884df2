"""A store that answers from canned data and records every question it is asked, so the CLI and the
drawing are tested without a database (as the Neo4j Graph Data Science client tests its
QueryRunner). The real stores are held to the same answers by the differential tests."""

from __future__ import annotations

from partygraph.graph.data import GraphData
from partygraph.graph.subgraph import from_networkx
from partygraph.queries import Page


class RecordingStore:
    kind = "fake"

    def __init__(self, data: GraphData, rows: dict[str, list[dict]] | None = None) -> None:
        self.data, self.rows, self.calls = data, rows or {}, []

    def describe(self) -> str:
        return "fake store"

    def replace(self, data, progress=None) -> None:
        self.calls.append(("replace", data.counts()["Member"]))
        self.data = data

    def read(self) -> GraphData:
        self.calls.append(("read",))
        return self.data

    def counts(self) -> dict[str, int]:
        self.calls.append(("counts",))
        return self.data.counts()

    def analysis_page(self, analysis, options: dict, limit: int | None) -> Page:
        self.calls.append(("analysis_page", analysis.name, dict(options), limit))
        rows = self.rows.get(analysis.name, [])
        if options.get("ids") is not None:
            rows = [row for row in rows if row["id"] in options["ids"]]
        return Page(rows if limit is None else rows[:limit], len(rows))

    def place_ids(self, place: str, label: str):
        self.calls.append(("place_ids", place, label))
        return 1, 0, [row["id"] for row in self.rows.get("gaps enterprises", [])][:1]

    def subgraph(self, view: str, scope, depth: int, max_nodes: int):
        from partygraph.graph.embedded import to_networkx

        self.calls.append(("subgraph", view, scope, depth, max_nodes))
        return from_networkx(to_networkx(self.data), view, scope, depth, max_nodes)

    def pairing_orgs(self):
        self.calls.append(("pairing_orgs",))
        return []

    def close(self) -> None:
        self.calls.append(("close",))
