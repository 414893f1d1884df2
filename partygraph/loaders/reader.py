"""Reading a dataset's tables from a folder of CSV files or one XLSX workbook.

A table keeps each row's number as Excel shows it (the header is row 1), so that every
message can point the user at the cell to fix.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

from .spec import FileSpec, file_lookup


@dataclass
class Table:
    spec: FileSpec
    source: str                                  # "members.csv" or "city.xlsx, sheet members"
    headers: list[str]
    rows: list[tuple[int, list[object]]] = field(default_factory=list)


@dataclass
class ReadResult:
    tables: dict[str, Table]
    problems: list[tuple[str, str, str]]         # (source, severity, message) about whole files


def decode(raw: bytes) -> tuple[str, str]:
    """Text and the encoding used: UTF-8 (BOM or not), else GB18030 (a superset of GBK).

    >>> decode("编号".encode("gbk"))
    ('编号', 'gb18030')
    """
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8"), "utf-8-sig"
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return raw.decode("gb18030"), "gb18030"


def _is_blank(cells: list[object]) -> bool:
    return all(cell is None or str(cell).strip() == "" for cell in cells)


def _table(spec: FileSpec, source: str, records: list[tuple[int, list[object]]]) -> Table | None:
    records = [(n, cells) for n, cells in records if not _is_blank(cells)]
    if not records:
        return None
    header_row, headers = records[0]
    # Rows before the header would shift numbering; the header is where the data starts.
    return Table(spec, source, [str(h or "") for h in headers], records[1:]) if header_row else None


def read_csv(path: Path, spec: FileSpec) -> Table | None:
    text, _ = decode(path.read_bytes())
    records = [(number, list(cells)) for number, cells in enumerate(csv.reader(io.StringIO(text)), start=1)]
    return _table(spec, path.name, records)


def read_folder(folder: Path) -> ReadResult:
    specs = file_lookup()
    tables: dict[str, Table] = {}
    problems: list[tuple[str, str, str]] = []
    for path in sorted(folder.iterdir()):
        if path.suffix.lower() != ".csv":
            continue
        spec = specs.get(path.stem.casefold())
        if spec is None:
            problems.append((path.name, "warning", "not a file partygraph reads; ignored"))
        elif spec.name in tables:
            problems.append((path.name, "error", f"a second file for {spec.name} (first: {tables[spec.name].source})"))
        else:
            try:
                table = read_csv(path, spec)
            except (OSError, UnicodeDecodeError, csv.Error) as exc:
                problems.append((path.name, "error", f"cannot be read: {exc}"))
                continue
            if table is not None:
                tables[spec.name] = table
    return ReadResult(tables, problems)


def read_workbook(path: Path) -> ReadResult:
    from openpyxl import load_workbook

    specs = file_lookup()
    tables: dict[str, Table] = {}
    problems: list[tuple[str, str, str]] = []
    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a damaged or non-XLSX file
        return ReadResult({}, [(path.name, "error", f"cannot be read as an XLSX workbook: {exc}")])
    try:
        for sheet in workbook.worksheets:
            source = f"{path.name}, sheet {sheet.title}"
            spec = specs.get(sheet.title.strip().removesuffix(".csv").casefold())
            if spec is None:
                problems.append((source, "warning", "not a sheet partygraph reads; ignored"))
                continue
            first = sheet.min_row or 1
            records = [(first + i, list(row)) for i, row in enumerate(sheet.iter_rows(values_only=True))]
            table = _table(spec, source, records)
            if table is not None:
                tables[spec.name] = table
    finally:
        workbook.close()
    return ReadResult(tables, problems)


def read_dataset(path: Path) -> ReadResult:
    """Tables of a dataset: a folder of CSV files or an ``.xlsx`` workbook."""
    if path.is_dir():
        return read_folder(path)
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        return read_workbook(path)
    if not path.exists():
        return ReadResult({}, [(str(path), "error", "no such file or folder")])
    return ReadResult({}, [(path.name, "error", "expected a folder of CSV files or an .xlsx workbook")])
