"""Validating a dataset and turning it into a ``GraphData``.

Every problem is collected (file, row as Excel numbers it, column, value, what was expected)
before anything is built, so a user fixes a whole spreadsheet in one pass and a dataset with
errors never reaches a store.

>>> from partygraph.demo import seed_cases_path
>>> report = validate_dataset(seed_cases_path())
>>> report.ok, report.data.counts()["Organization"]
(True, 342)
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Callable

from ..errors import DatasetError
from ..gcpause import paused_gc
from ..graph.data import GraphData
from ..graph.model import LABELS
from .reader import Table, read_dataset
from .spec import DEFAULTS, FILES, Column, column_lookup, normalize_header, vocabulary_lookup
from .values import credit_code_problem, parse_bool, parse_date, parse_int, parse_list, text

_PARSERS: dict[str, Callable[[object], object]] = {
    "str": text, "int": parse_int, "bool": parse_bool, "date": parse_date, "list": parse_list,
}


@dataclass(frozen=True)
class Problem:
    """One thing wrong (``error``) or doubtful (``warning``) in a dataset."""

    severity: str
    source: str
    row: int | None
    column: str | None
    value: str | None
    message: str

    def __str__(self) -> str:
        where = self.source
        if self.row is not None:
            where += f", row {self.row}"
        if self.column:
            where += f", column {self.column}"
        shown = f' "{self.value}"' if self.value not in (None, "") else ""
        return f"{self.severity}: {where}:{shown} {self.message}"

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class Report:
    problems: list[Problem]
    data: GraphData | None

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def ok(self) -> bool:
        return not self.errors


@dataclass
class _Row:
    number: int
    values: dict[str, object]                   # canonical column -> parsed value (None if empty)


class _Validator:
    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self.rows: dict[str, list[_Row]] = {name: [] for name in FILES}
        self.sources: dict[str, str] = {}
        self.ids: dict[str, dict[str, int]] = {name: {} for name in FILES}
        self.headers: dict[str, dict[str, str]] = {name: {} for name in FILES}

    def problem(self, severity: str, table: Table | str, row: int | None, column: str | None,
                value: object, message: str) -> None:
        source = table.source if isinstance(table, Table) else table
        self.problems.append(Problem(severity, source, row, column, None if value is None else text(value), message))

    def columns(self, table: Table) -> dict[int, Column]:
        """Header positions to columns; unknown, duplicate and missing headers reported."""
        lookup = column_lookup(table.spec)
        found: dict[int, Column] = {}
        seen: dict[str, str] = {}
        for position, header in enumerate(table.headers):
            if not header.strip():
                continue
            column = lookup.get(normalize_header(header))
            if column is None:
                self.problem("warning", table, 1, header, None, "unknown column; ignored")
            elif column.name in seen:
                self.problem("error", table, 1, header, None,
                             f"a second column for {column.name} (first: {seen[column.name]})")
            else:
                seen[column.name] = header
                found[position] = column
        for column in table.spec.columns:
            if column.required and column.name not in seen and not self._id_from_credit_code(table, column, seen):
                self.problem("error", table, 1, column.name, None, "required column is missing")
        return found

    @staticmethod
    def _id_from_credit_code(table: Table, column: Column, columns: dict[str, str]) -> bool:
        """An enterprise's 统一社会信用代码 stands in for its id when there is no id column."""
        return table.spec.label == "Enterprise" and column.name == "id" and "credit_code" in columns

    def parse_cell(self, table: Table, number: int, column: Column, header: str, raw: object) -> object:
        label = table.spec.label
        if text(raw) == "":
            if column.required:
                self.problem("error", table, number, header, None, "a value is required")
            return DEFAULTS.get((label, column.name)) if label else None
        try:
            value = _PARSERS[column.type](raw)
        except ValueError as exc:
            self.problem("error", table, number, header, raw, str(exc))
            return None
        if label and column.name in LABELS[label].vocabulary:
            words = vocabulary_lookup(label, column.name)
            if str(value).casefold() not in words:
                allowed = ", ".join(LABELS[label].vocabulary[column.name])
                self.problem("error", table, number, header, raw, f"expected one of {allowed} (or its Chinese name)")
                return None
            value = words[str(value).casefold()]
        if column.name == "credit_code" and (why := credit_code_problem(str(value))):
            self.problem("warning", table, number, header, raw, why)
        return value

    def read_table(self, table: Table) -> None:
        self.sources[table.spec.name] = table.source
        columns = self.columns(table)
        headers = {pos: table.headers[pos] for pos in columns}
        self.headers[table.spec.name] = {column.name: headers[pos] for pos, column in columns.items()}
        label = table.spec.label
        for number, cells in table.rows:
            values = {c.name: DEFAULTS.get((label, c.name)) if label else None for c in table.spec.columns}
            for position, column in columns.items():
                raw = cells[position] if position < len(cells) else None
                values[column.name] = self.parse_cell(table, number, column, headers[position], raw)
            if label == "Enterprise" and not values["id"]:
                values["id"] = values["credit_code"]
                if not values["id"] and "id" not in self.headers[table.spec.name]:
                    self.problem("error", table, number, self.header(table.spec.name, "credit_code"), None,
                                 "a value is required (it is the enterprise's id)")
            self.rows[table.spec.name].append(_Row(number, values))
            self.note_id(table, number, values.get("id"))

    def header(self, name: str, column: str) -> str:
        """The column's header as the user wrote it."""
        return self.headers[name].get(column, column)

    def note_id(self, table: Table, number: int, node_id: object) -> None:
        if table.spec.label is None or not node_id:
            return
        first = self.ids[table.spec.name].setdefault(str(node_id), number)
        if first != number:
            header = self.header(table.spec.name, "id" if "id" in self.headers[table.spec.name] else "credit_code")
            self.problem("error", table, number, header, node_id, f"duplicate id (first on row {first})")

    def check_references(self) -> None:
        for name, spec in FILES.items():
            source = self.sources.get(name)
            for row in self.rows[name]:
                for column in spec.columns:
                    if not column.refs or row.values[column.name] is None:
                        continue
                    targets = row.values[column.name]
                    for target in targets if isinstance(targets, list) else [targets]:
                        if not any(target in self.ids[ref] for ref in column.refs):
                            where = " or ".join(self.sources.get(ref, f"{ref}.csv") for ref in column.refs)
                            self.problem("error", source, row.number, self.header(name, column.name), target,
                                         f"expected an id from {where}; there is none such")

    def build(self) -> GraphData:
        data = GraphData()
        for name, spec in FILES.items():
            for row in self.rows[name]:
                if spec.label is None:
                    self.add_pairing(data, row)
                    continue
                props = {k: v for k, v in row.values.items() if k in LABELS[spec.label].properties}
                data.add_node(spec.label, props)
                for column in spec.columns:
                    self.add_references(data, spec.label, row, column)
        return data

    def add_references(self, data: GraphData, label: str, row: _Row, column: Column) -> None:
        if column.rel is None or row.values[column.name] is None:
            return
        targets = row.values[column.name]
        for target in targets if isinstance(targets, list) else [targets]:
            ref = next(r for r in column.refs if target in self.ids[r])
            data.add_rel(column.rel, label, row.values["id"], FILES[ref].label, target)

    def add_pairing(self, data: GraphData, row: _Row) -> None:
        a, b = row.values["org_a"], row.values["org_b"]
        if ("PAIRED_WITH", f"Organization:{a}", f"Organization:{b}") in data.rels:
            self.problem("warning", self.sources["pairings"], row.number, self.header("pairings", "org_b"), b,
                         f"the pairing {a}–{b} is listed twice; kept once")
        data.add_rel("PAIRED_WITH", "Organization", a, "Organization", b,
                     {"kind": row.values["kind"], "since": row.values["since"]})


def validate_dataset(path: str | Path) -> Report:
    """Every problem of a dataset, and its graph when there is no error."""
    with paused_gc():
        return _validate(Path(path))


def _validate(path: Path) -> Report:
    result = read_dataset(path)
    validator = _Validator()
    for source, severity, message in result.problems:
        validator.problem(severity, source, None, None, None, message)
    for name, spec in FILES.items():
        if name in result.tables:
            validator.read_table(result.tables[name])
        elif spec.required and path.exists():
            where = path.name
            validator.problem("error", where, None, None, None,
                              f"no {name} table ({name}.csv or a sheet named {name}); it is required")
    validator.check_references()
    if any(p.severity == "error" for p in validator.problems):
        return Report(validator.problems, None)
    return Report(validator.problems, validator.build())


def load_dataset(path: str | Path) -> GraphData:
    """The graph of a dataset; raises :class:`DatasetError` listing every problem if any is an error."""
    report = validate_dataset(path)
    if report.data is None:
        raise DatasetError(report.problems)
    return report.data
