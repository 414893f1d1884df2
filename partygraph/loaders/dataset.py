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

import difflib
import hashlib
import hmac
import re
import unicodedata
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Callable

from ..errors import DatasetError
from ..gcpause import paused_gc
from ..graph.data import GraphData
from ..graph.model import LABELS, node_key
from ..i18n import N_, _
from .reader import DEFAULT_MAX_BYTES, Table, read_dataset
from .spec import (DEFAULTS, FILES, Column, FileSpec, column_lookup, is_ignored_header, normalize_header,
                   vocabulary_lookup)
from .values import (ExcelDamage, credit_code_problem, id_text, identity_number_ok, parse_bool, parse_date, parse_int,
                     parse_list, parse_month, text)

_PARSERS: dict[str, Callable[[object], object]] = {
    "str": text, "int": parse_int, "bool": parse_bool, "date": parse_date, "list": parse_list,
}
#: Columns holding ids or codes: read as text, checked for what Excel does to numbers.
_ID_COLUMNS = ("id", "credit_code")
#: What Excel makes of an id typed as a number, one value per line: 1001.0, 3.30303E+11.
_EXCEL_NUMBER = re.compile(r"^(?:\d+\.0+|[+-]?\d+(?:\.\d+)?[eE][+-]?\d+)$", re.MULTILINE)
_REQUIRED = object()        # a required column has no value for an empty cell
_ZERO_LED = re.compile(r"^[^\S\n]*0", re.MULTILINE)     # a text (one per line) that starts with 0
#: How many unknown columns of one table are named one by one before the rest are counted.
UNKNOWN_SHOWN = 20
SEVERITIES = ("note", "warning", "error")
SEVERITY_WORDS = {"note": N_("note"), "warning": N_("warning"), "error": N_("error")}


@dataclass(frozen=True)
class Problem:
    """One thing wrong (``error``), doubtful (``warning``) or worth knowing (``note``) in a dataset."""

    severity: str
    source: str
    row: int | None
    column: str | None
    value: str | None
    message: str

    def __str__(self) -> str:
        where = self.source
        if self.row is not None:
            where += _(", row {row}").format(row=self.row)
        if self.column:
            where += _(", column {column}").format(column=self.column)
        shown = f' "{self.value}"' if self.value not in (None, "") else ""
        return f"{_(SEVERITY_WORDS[self.severity])}: {where}:{shown} {self.message}"

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class Report:
    problems: list[Problem]
    data: GraphData | None
    stated_date: str | None = None      # the register's date as its title rows state it (截至日期), ISO

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "warning"]

    @property
    def notes(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "note"]

    @property
    def ok(self) -> bool:
        return not self.errors


@dataclass
class _Row:
    number: int
    values: dict[str, object]                   # canonical column -> parsed value (None if empty)
    table: Table
    raw_names: dict[str, str] = field(default_factory=dict)


def _transposed(rows: list[list[object]], width: int) -> list[tuple[object, ...]]:
    """The cells of ``rows`` column by column, the first ``width`` columns; short rows padded with None."""
    if not rows:
        return [()] * width
    if min(map(len, rows)) < width:
        rows = [cells if len(cells) >= width else [*cells, *[None] * (width - len(cells))] for cells in rows]
    return list(zip(*rows))[:width]


def name_key(name: object) -> str:
    """A name as references match it: full-width folded, spaces dropped.

    >>> name_key("恒达物流　有限公司"), name_key("ＡＢＣ党支部")
    ('恒达物流有限公司', 'ABC党支部')
    """
    return _SPACES.sub("", unicodedata.normalize("NFKC", text(name)))


_SPACES = re.compile(r"\s+")


def _ranges(numbers: list[int]) -> str:
    """``2, 5–7, 9`` for [2, 5, 6, 7, 9]."""
    parts, start = [], None
    for i, n in enumerate(numbers):
        if start is None:
            start = n
        if i + 1 == len(numbers) or numbers[i + 1] != n + 1:
            parts.append(str(start) if start == n else f"{start}–{n}")
            start = None
    return ", ".join(parts)


class _Validator:
    def __init__(self, id_key: Callable[[], object] | None = None) -> None:
        self.problems: list[Problem] = []
        self.rows: dict[str, list[_Row]] = {name: [] for name in FILES}
        self.ids: dict[str, dict[str, _Row]] = {name: {} for name in FILES}
        self._names: dict[str, dict[str, list[str]]] = {}
        self.written: dict[str, dict[str, str]] = {}       # source -> column -> header as written
        self.sources: dict[str, list[str]] = {name: [] for name in FILES}
        self.resolved: dict[tuple[str, str], int] = {}     # (source, header) -> references resolved by name
        self._id_key_source = id_key
        self._id_key = None

    def problem(self, severity: str, table: Table | str, row: int | None, column: str | None,
                value: object, message: str) -> None:
        source = table.source if isinstance(table, Table) else table
        self.problems.append(Problem(severity, source, row, column, None if value is None else text(value), message))

    # -- headers ---------------------------------------------------------------------------

    def columns(self, table: Table) -> dict[int, Column]:
        """Header positions to columns; unknown, duplicate and missing headers reported."""
        lookup = column_lookup(table.spec)
        found: dict[int, Column] = {}
        seen: dict[str, str] = {}
        unknown = 0
        row = table.header_rows[-1]
        for position, header in enumerate(table.headers):
            if not header.strip() or is_ignored_header(header):
                continue
            column = lookup.get(normalize_header(header))
            if column is None:
                unknown += 1
                if unknown <= UNKNOWN_SHOWN:
                    self.problem("warning", table, row, header, None, self._unknown_message(header, lookup))
            elif column.name in seen:
                self.problem("error", table, row, header, None,
                             _("a second column for {field} (first: {first})").format(field=column.name, first=seen[column.name]))
            else:
                seen[column.name] = header
                found[position] = column
        if unknown > UNKNOWN_SHOWN:
            self.problem("warning", table, row, None, None,
                         _("{count} more unknown columns; ignored").format(count=unknown - UNKNOWN_SHOWN))
        for column in table.spec.columns:
            if column.required and column.name not in seen and not self._derivable(table.spec, column.name, seen):
                self.problem("error", table, row, column.name, None, _("required column is missing"))
        return found

    @staticmethod
    def _unknown_message(header: str, lookup: dict[str, Column]) -> str:
        key = normalize_header(header)
        inside = [k for k in lookup if len(k) >= 2 and k in key]
        close = inside and [max(inside, key=len)] or difflib.get_close_matches(key, list(lookup), n=1, cutoff=0.6)
        if close:
            return _("unknown column; ignored (did you mean {header}, i.e. {field}?)").format(
                header=close[0], field=lookup[close[0]].name)
        return _("unknown column; ignored")

    @staticmethod
    def _derivable(spec: FileSpec, name: str, seen: dict[str, str]) -> bool:
        """A kind without an id column takes ids from what it has (see :meth:`derive_id`)."""
        return name == "id" and spec.label is not None and "name" in seen

    # -- cells -----------------------------------------------------------------------------

    def parse_cell(self, table: Table, number: int, column: Column, header: str, raw: object,
                   months: set[str]) -> object:
        label = table.spec.label
        if text(raw) == "":
            if column.required and not (column.name == "id" and label):
                self.problem("error", table, number, header, None, _("a value is required"))
            return DEFAULTS.get((label, column.name)) if label else None
        if column.name == "identity_number":
            return text(raw)
        try:
            if column.name in _ID_COLUMNS or (column.refs and column.type != "list"):
                value = id_text(raw)
            else:
                value = _PARSERS[column.type](raw)
        except ExcelDamage as exc:
            self.problem("error", table, number, header, raw, _("{why}; format the column as text in Excel "
                                                                "(设置单元格格式 → 文本) and enter it again").format(why=exc))
            return None
        except ValueError as exc:
            month = parse_month(raw, last_day=column.name == "last_contact") if column.type == "date" else None
            if month is None:
                self.problem("error", table, number, header, raw, _(str(exc)))
                return None
            if header not in months:
                months.add(header)
                day = _("the month's last day") if column.name == "last_contact" else _("the month's first day")
                self.problem("warning", table, number, header, raw,
                             _("dates given as a month only are read as {day}").format(day=day))
            value = month
        if label and column.name in LABELS[label].vocabulary:
            words = vocabulary_lookup(label, column.name)
            word = words.get(value) or words.get(name_key(value).casefold())
            if word is None:
                allowed = ", ".join(LABELS[label].vocabulary[column.name])
                self.problem("error", table, number, header, raw,
                             _("expected one of {allowed} (or its Chinese name)").format(allowed=allowed))
                return None
            value = word
        if column.name == "credit_code" and (why := credit_code_problem(str(value))):
            self.problem("warning", table, number, header, raw, why)
        return value

    def read_table(self, table: Table) -> None:
        name = table.spec.name
        self.sources[name].append(table.source)
        columns = self.columns(table)
        headers = {pos: table.headers[pos] for pos in columns}
        self.written[table.source] = {column.name: headers[pos] for pos, column in columns.items()}
        self.report_layout(table)
        label = table.spec.label
        months: set[str] = set()
        has_id = "id" in self.written[table.source]
        defaults = {c.name: DEFAULTS.get((label, c.name)) if label else None for c in table.spec.columns}
        first_problem = len(self.problems)
        # Column by column: a column is one kind of value, and most columns can be read whole.
        numbers = [number for number, _cells in table.rows]
        by_position = _transposed([cells for _number, cells in table.rows], len(table.headers))
        read = [self.read_column(table, column, headers[position], numbers, by_position[position], months)
                for position, column in columns.items()]
        cell_problems = len(self.problems)
        names = [column.name for column in columns.values()]
        for number, cells in zip(numbers, zip(*read)):
            values = defaults.copy()
            values.update(zip(names, cells))
            row = _Row(number, values, table)
            if label is not None and not has_id:
                values["id"] = self.derive_id(row)
            elif label == "Enterprise" and not values["id"]:
                values["id"] = values.get("credit_code")
            values.pop("identity_number", None)
            self.rows[name].append(row)
            self.note_id(row, derived=not has_id)
        self.in_reading_order(first_problem, cell_problems, list(headers.values()))
        self.check_lost_zeros(table, columns, headers, numbers, by_position)

    def read_column(self, table: Table, column: Column, header: str, numbers: list[int], raws: tuple[object, ...],
                    months: set[str]) -> list[object]:
        """The values of one column's cells (``raws``, on rows ``numbers``), their problems reported."""
        blank = (self.parse_cell(table, 0, column, header, None, months) if not column.required else _REQUIRED)
        plain = self.plain_column(table, column, raws, blank)
        if plain is not None:
            return plain
        # Registers repeat most values (kinds, yes/no, dates, references): a value read once without a
        # problem is read the same again. Ids are unique and lists are mutable: those are not kept.
        known: dict | None = {} if column.type != "list" and column.name not in _ID_COLUMNS else None
        values = []
        for number, raw in zip(numbers, raws):
            if (raw is None or raw == "") and blank is not _REQUIRED:     # what an empty optional cell gives
                values.append(blank)
                continue
            key = (raw.__class__, raw)
            if known is not None and key in known:
                values.append(known[key])
                continue
            problems = len(self.problems)
            value = self.parse_cell(table, number, column, header, raw, months)
            if known is not None and len(self.problems) == problems:
                known[key] = value
            values.append(value)
        return values

    @staticmethod
    def plain_column(table: Table, column: Column, raws: tuple[object, ...], blank: object) -> list[object] | None:
        """A column of text cells that need only their spaces stripped, read in one pass, or None.

        Names, addresses and ids typed as text (every CSV column, most of a workbook's) are the bulk
        of a register: a city's 3 million cells take 6 s one by one and under a second this way.
        """
        label = table.spec.label
        ids = column.name in _ID_COLUMNS or (column.refs and column.type != "list")
        if column.type != "str" or column.name == "credit_code" or (label and column.name in LABELS[label].vocabulary):
            return None
        if set(map(type, raws)) - {str}:
            return None
        values = [raw.strip() for raw in raws]
        if any(value[:1] == "'" for value in values):
            return None                             # '=… kept from running as a formula: read as text() reads it
        if ids and _EXCEL_NUMBER.search("\n".join(values)):
            return None                             # 1001.0, 3.3E+11: read cell by cell, Excel's damage reported
        if "" in values:
            if blank is _REQUIRED:
                return None                         # each empty cell is an error of its own
            values = [value or blank for value in values]
        return values

    def in_reading_order(self, start: int, rows_from: int, headers: list[str]) -> None:
        """The problems since ``start`` as a reader meets them: row by row, each cell's from left to
        right before the row's own (from ``rows_from`` on)."""
        order = {header: i for i, header in reversed(list(enumerate(headers)))}
        found = self.problems[start:]
        keyed = sorted(range(len(found)), key=lambda i: (found[i].row or 0, start + i >= rows_from,
                                                          order.get(found[i].column, len(order)), i))
        self.problems[start:] = [found[i] for i in keyed]

    def report_layout(self, table: Table) -> None:
        rows = table.header_rows
        where = str(rows[0]) if len(rows) == 1 else f"{rows[0]}–{rows[-1]}"
        self.problem("note", table, rows[0], None, None, _("header: row {rows}").format(rows=where))
        reasons = {"blank": _("blank"), "total": _("totals (合计/小计)"), "note": _("notes below the data")}
        parts = []
        for reason, label in reasons.items():
            numbers = [n for n, why in table.skipped if why == reason]
            if numbers:
                parts.append(f"{label}: {_ranges(numbers)}")
        if parts:
            self.problem("warning", table, None, None, None, _("rows left out — {parts}").format(parts="; ".join(parts)))

    def header(self, row: _Row, column: str) -> str:
        """The column's header as the user wrote it in the row's table."""
        return self.written.get(row.table.source, {}).get(column, column)

    # -- ids -------------------------------------------------------------------------------

    def id_key(self) -> bytes:
        if self._id_key is None:
            from ..keys import kept_key

            key = kept_key("id", "PARTYGRAPH_ID_KEY") if self._id_key_source is None else self._id_key_source()
            self._id_key = key
            if key.created:
                self.problem("note", "", None, None, None,
                             _("made a new key for members' ids in {where}; keep it (and keep it secret) so that "
                               "next quarter's register gives the same ids").format(where=key.where))
        return self._id_key.secret

    def derive_id(self, row: _Row) -> str | None:
        """The id of a row in a table with no id column: a member's from the keyed hash of the
        公民身份号码 (else of name, organization and employer), an enterprise's credit code or
        name, any other record's name."""
        values, label = row.values, row.table.spec.label
        if label == "Member":
            number = values.get("identity_number")
            if number:
                if not identity_number_ok(number):
                    self.problem("error", row.table, row.number, self.header(row, "identity_number"), None,
                                 _("not a valid 公民身份号码 (its check character is wrong); the number is not shown"))
                    return None
                basis = "id:" + number.upper()
            elif values.get("name"):
                basis = "\x1f".join(text(values.get(c)) for c in ("name", "org_id", "employer_id"))
            else:
                return None
            return "M" + hmac.new(self.id_key(), basis.encode("utf-8"), hashlib.sha256).hexdigest()[:15].upper()
        if label == "Enterprise" and values.get("credit_code"):
            return str(values["credit_code"])
        return name_key(values.get("name")) or None

    def note_id(self, row: _Row, derived: bool) -> None:
        node_id = row.values.get("id")
        name = row.table.spec.name
        if row.table.spec.label is None or not node_id:
            return
        first = self.ids[name].setdefault(str(node_id), row)
        if first is not row:
            where = first.table.source if first.table is not row.table else ""
            if derived and name == "members":
                self.problem("error", row.table, row.number, self.header(row, "name"), row.values.get("name"),
                             _("the same person as row {first} {where}(same 公民身份号码, or same name, organization and "
                               "employer); add an id column (党员编号) to tell them apart").format(first=first.number, where=where))
            else:
                column = "id" if not derived else ("credit_code" if name == "enterprises" and row.values.get("credit_code") else "name")
                self.problem("error", row.table, row.number, self.header(row, column), node_id,
                             _("duplicate id (first on row {first}{where})").format(
                                 first=first.number, where=f", {where}" if where else ""))

    def names(self, name: str) -> dict[str, list[str]]:
        """The ids of a file's records by their names' keys, made when a reference first needs it
        (most registers refer by id: a city's 600,000 names need no folding then)."""
        if name not in self._names:
            index: dict[str, list[str]] = {}
            for node_id, row in self.ids[name].items():
                index.setdefault(name_key(row.values.get("name")), []).append(node_id)
            self._names[name] = index
        return self._names[name]

    def check_lost_zeros(self, table: Table, columns: dict[int, Column], headers: dict[int, str],
                         numbers: list[int], by_position: list[tuple[object, ...]]) -> None:
        """Numeric ids shorter than the column's zero-led ones: Excel dropped the leading zeros.
        ``by_position``: the table's cells column by column, on rows ``numbers``."""
        for position, column in columns.items():
            if not (column.name in _ID_COLUMNS or column.refs):
                continue
            raws = by_position[position]
            if not _ZERO_LED.search("\n".join([raw for raw in raws if raw.__class__ is str])):
                continue            # no id of the column starts with 0: none can have lost one (numbers never do)
            values = [(number, text(raw)) for number, raw in zip(numbers, raws) if raw is not None]
            led = {len(v) for _, v in values if v.isdigit() and v.startswith("0")}
            if len(led) != 1 or sum(1 for _, v in values if v.isdigit() and v.startswith("0")) < 2:
                continue
            size = led.pop()
            for number, value in values:
                if value.isdigit() and not value.startswith("0") and len(value) < size:
                    self.problem("error", table, number, headers[position], value,
                                 _("has {digits} digits where this column's others have {size} starting with 0: "
                                   "Excel dropped its leading zeros; format the column as text (设置单元格格式 → 文本) "
                                   "and enter it again").format(digits=len(value), size=size))

    # -- references ------------------------------------------------------------------------

    def resolve(self, column: Column, target: str) -> tuple[str | None, str | None, list[str]]:
        """(file, id) of a reference given by id or by name, and the ids a shared name points to."""
        for ref in column.refs:
            if target in self.ids[ref]:
                return ref, target, []
        found = [(ref, node_id) for ref in column.refs for node_id in self.names(ref).get(name_key(target), [])]
        if len(found) == 1:
            return found[0][0], found[0][1], []
        return None, None, [node_id for _, node_id in found]

    def check_references(self) -> None:
        for name, spec in FILES.items():
            for row in self.rows[name]:
                for column in spec.columns:
                    if column.refs and row.values[column.name] is not None:
                        self.check_reference(row, column)
        for (source, header), count in sorted(self.resolved.items()):
            self.problem("note", source, None, header, None,
                         _("{count} references given by name and resolved to ids").format(count=count))

    def check_reference(self, row: _Row, column: Column) -> None:
        targets = row.values[column.name]
        resolved = []
        for target in targets if isinstance(targets, list) else [targets]:
            ref, node_id, shared = self.resolve(column, str(target))
            header = self.header(row, column.name)
            if node_id is not None:
                if node_id != target:
                    key = (row.table.source, header)
                    self.resolved[key] = self.resolved.get(key, 0) + 1
                resolved.append(node_id)
            elif shared:
                self.problem("error", row.table, row.number, header, target,
                             _("this name is shared by {ids}; write the id instead").format(ids=", ".join(shared)))
            else:
                where = _(" or ").join(", ".join(self.sources[ref]) or f"{ref}.csv" for ref in column.refs)
                names = [n for ref in column.refs for n in self.names(ref)]
                close = difflib.get_close_matches(name_key(target), names, n=3, cutoff=0.5)
                hint = _("; closest names: {names}").format(names=", ".join(close)) if close else ""
                self.problem("error", row.table, row.number, header, target,
                             _("expected an id or a name from {where}; there is none such{hint}").format(where=where, hint=hint))
        row.values[column.name] = resolved if isinstance(targets, list) else (resolved[0] if resolved else None)

    def check_places(self) -> None:
        """An enterprise is placed by its building, else by its area; one in no place at all
        counts in no place's coverage, and the user is told which (one warning)."""
        if not (self.ids["buildings"] or self.ids["areas"]):
            return
        nowhere = []
        for row in self.rows["enterprises"]:
            values = row.values
            if values.get("building_id") and values.get("area_id"):
                self.problem("warning", row.table, row.number, self.header(row, "area_id"), values["area_id"],
                             _("the enterprise has a building; the building places it and the area is not used"))
                values["area_id"] = None
            elif not values.get("building_id") and not values.get("area_id") and values.get("id"):
                nowhere.append(str(values["id"]))
        if nowhere:
            shown = ", ".join(nowhere[:10]) + (" …" if len(nowhere) > 10 else "")
            self.problem("warning", ", ".join(self.sources["enterprises"]), None, None, None,
                         _("{count} enterprises have neither a building nor an area, so no place's coverage counts "
                           "them: {ids}").format(count=len(nowhere), ids=shown))

    # -- building --------------------------------------------------------------------------

    def build(self) -> GraphData:
        data = GraphData()
        for name, spec in FILES.items():
            if spec.label is None:
                for row in self.rows[name]:
                    self.add_pairing(data, row)
                continue
            properties = LABELS[spec.label].properties
            nodes = data.nodes[spec.label]
            # The spec's references are the model's endpoints (tests/graph/test_model.py holds them to it).
            references = [(column.name, column.rel, [(FILES[ref].label, self.ids[ref]) for ref in column.refs])
                          for column in spec.columns if column.rel is not None]
            for row in self.rows[name]:
                values = row.values
                nodes[values["id"]] = {k: v for k, v in values.items() if v is not None and k in properties}
                source = node_key(spec.label, values["id"])
                for column, rel, refs in references:
                    targets = values[column]
                    if targets is None:
                        continue
                    for target in targets if isinstance(targets, list) else (targets,):
                        label = refs[0][0] if len(refs) == 1 else next(label for label, ids in refs if target in ids)
                        data.rels[(rel, source, node_key(label, target))] = {}
        return data

    def add_pairing(self, data: GraphData, row: _Row) -> None:
        a, b = row.values["org_a"], row.values["org_b"]
        if ("PAIRED_WITH", f"Organization:{a}", f"Organization:{b}") in data.rels:
            self.problem("warning", row.table, row.number, self.header(row, "org_b"), b,
                         _("the pairing {a}–{b} is listed twice; kept once").format(a=a, b=b))
        data.add_rel("PAIRED_WITH", "Organization", a, "Organization", b,
                     {"kind": row.values["kind"], "since": row.values["since"]})


def validate_dataset(path: str | Path, header_row: int | None = None, encoding: str | None = None,
                     max_bytes: int = DEFAULT_MAX_BYTES) -> Report:
    """Every problem of a dataset, and its graph when there is no error.

    ``header_row`` names the header's row (as Excel numbers it) where the search for it would
    guess wrong; ``encoding`` overrides the detection of a CSV file's encoding; ``max_bytes`` bounds
    what is read (a file's size, a workbook's inflated parts).
    """
    with paused_gc():
        return _validate(Path(path), header_row, encoding, max_bytes)


def _validate(path: Path, header_row: int | None, encoding: str | None, max_bytes: int) -> Report:
    result = read_dataset(path, header_row, encoding, max_bytes)
    validator = _Validator()
    for source, severity, message in result.problems:
        validator.problem(severity, source, None, None, None, message)
    for name, spec in FILES.items():
        for table in result.tables.get(name, []):
            validator.read_table(table)
        unreadable = any(source == path.name and severity == "error" for source, severity, _m in result.problems)
        if spec.required and name not in result.tables and path.exists() and not unreadable:
            validator.problem("error", path.name, None, None, None,
                              _("no {name} table ({name}.csv, or a sheet or file named for it such as {example}); "
                                "it is required").format(name=name, example=spec.aliases[0]))
    validator.check_references()
    validator.check_places()
    failed = any(p.severity == "error" for p in validator.problems)
    data = None if failed else validator.build()
    stated = sorted({table.stated_date for tables in result.tables.values() for table in tables if table.stated_date})
    if len(stated) > 1:
        validator.problem("warning", path.name, None, None, None,
                          _("the tables state different dates ({dates}); the register is taken to stand on the "
                            "latest, {date}").format(dates=", ".join(stated), date=stated[-1]))
    return Report(sorted(validator.problems, key=lambda p: SEVERITIES.index(p.severity)), data,
                  stated[-1] if stated else None)


def load_dataset(path: str | Path, header_row: int | None = None, encoding: str | None = None,
                 max_bytes: int = DEFAULT_MAX_BYTES) -> GraphData:
    """The graph of a dataset; raises :class:`DatasetError` listing every problem if any is an error."""
    report = validate_dataset(path, header_row, encoding, max_bytes)
    if report.data is None:
        raise DatasetError(report.problems)
    return report.data
