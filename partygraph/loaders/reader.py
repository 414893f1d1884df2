"""Reading a dataset's tables from a folder of CSV files or a workbook (.xlsx, .xls), as registers
are really kept: title rows and a 填报单位 line above the header, a two-row header, a 序号
column, blank rows, a 合计 row and 注： lines below the data, sheets named for their content.

A table keeps each row's number as Excel shows it, so every message points at the cell to fix.
"""

from __future__ import annotations

import csv
import io
import itertools
import re
import zipfile
import zlib
import unicodedata
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Iterable, Iterator

from ..i18n import _
from .spec import FILES, FileSpec, column_lookup, is_ignored_header, is_instructions, kinds_named, normalize_header

#: The largest input read by default: a CSV file's size, or what a workbook's parts inflate to.
DEFAULT_MAX_BYTES = 2 << 30
#: How many rows from the top a header is looked for in.
HEADER_SEARCH_ROWS = 20
_TOTAL = re.compile(r"^(合计|小计|总计|共计|总数)")
_TOTAL_FIRST = frozenset("合小总共")
_NOTE = re.compile(r"^(注[:：]|注\d|说明[:：]|填表说明|备注[:：])")


@dataclass
class Table:
    spec: FileSpec
    source: str                                  # "members.csv" or "city.xlsx, sheet members"
    headers: list[str]
    rows: list[tuple[int, list[object]]] = field(default_factory=list)
    header_rows: tuple[int, ...] = (1,)           # the header's row numbers, as Excel shows them
    skipped: list[tuple[int, str]] = field(default_factory=list)   # (row, "blank" | "total" | "note")
    stated_date: str | None = None               # the 截至/填报日期 of the title rows, ISO


@dataclass
class ReadResult:
    tables: dict[str, list[Table]]
    problems: list[tuple[str, str, str]]         # (source, severity, message) about whole files


class ReadError(Exception):
    """A file cannot be read; the message says why."""


def decode(raw: bytes, encoding: str | None = None) -> tuple[str, str]:
    """Text and the encoding used: ``encoding`` if given, else UTF-8 (BOM or not) when the whole
    file decodes as UTF-8, else GB18030 (a superset of GBK) when it decodes as that.

    >>> decode("编号".encode("gbk"))
    ('编号', 'gb18030')
    """
    if encoding:
        return raw.decode(encoding), encoding
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8"), "utf-8-sig"
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as utf8_error:
        # UTF-8 with a character cut somewhere (more valid multi-byte characters than broken ones)
        # stays UTF-8 and is an error; GBK text forms almost no valid UTF-8 sequences.
        replaced = raw.decode("utf-8", errors="replace")
        broken = replaced.count("\ufffd")
        if sum(1 for ch in replaced if ord(ch) > 127) - broken > broken:
            raise
        try:
            return raw.decode("gb18030"), "gb18030"
        except UnicodeDecodeError:
            raise utf8_error from None


def _cell_text(cell: object) -> str:
    return "" if cell is None else str(cell).strip()


def is_blank(cells: list[object]) -> bool:
    return all(_cell_text(cell) == "" for cell in cells)


def header_score(spec: FileSpec, cells: Iterable[object]) -> int:
    """How many of the spec's columns a row names (a header row names several)."""
    lookup = column_lookup(spec)
    return len({lookup[key].name for key in map(normalize_header, cells) if key in lookup})


def _merged(upper: list[object], lower: list[object]) -> list[object]:
    """A two-row header read as one: the lower row's cell, or the upper's where the lower is empty
    (a header merged across both rows keeps its text in the upper cell)."""
    size = max(len(upper), len(lower))
    upper, lower = upper + [None] * (size - len(upper)), lower + [None] * (size - len(lower))
    return [low if _cell_text(low) else up for up, low in zip(upper, lower)]


def find_header(spec: FileSpec, records: list[tuple[int, list[object]]],
                header_row: int | None = None) -> tuple[int, tuple[int, ...], list[object]]:
    """(index in ``records`` where data starts, the header's row numbers, the header cells).

    The header is the row, or pair of adjacent rows, naming the most of the spec's columns among
    the first rows; ``header_row`` (an Excel row number) overrides. Raises :class:`ReadError` when
    nothing looks like a header or two separate rows look equally like one.
    """
    if header_row is not None:
        for index, (number, cells) in enumerate(records):
            if number == header_row:
                return index + 1, (number,), cells
        raise ReadError(_("row {row} does not exist").format(row=header_row))
    candidates: list[tuple[int, int, int, tuple[int, ...], list[object]]] = []
    top = [(i, n, c) for i, (n, c) in enumerate(records[:HEADER_SEARCH_ROWS * 2]) if not is_blank(c)]
    top = top[:HEADER_SEARCH_ROWS]
    for position, (index, number, cells) in enumerate(top):
        candidates.append((header_score(spec, cells), 0, index, (number,), cells))
        if position + 1 < len(top) and top[position + 1][0] == index + 1:
            lower_index, lower_number, lower = top[position + 1]
            merged = _merged(cells, lower)
            candidates.append((header_score(spec, merged), -1, lower_index, (number, lower_number), merged))
    if not candidates or max(c[0] for c in candidates) == 0:
        raise ReadError(_("no header row found in the first {count} rows; name the header's row "
                          "(the header row option) or use the column names of the README").format(count=HEADER_SEARCH_ROWS))
    best = max(c[0] for c in candidates)
    top_rows = [c for c in candidates if c[0] == best]
    top_rows.sort(key=lambda c: (c[1] != 0, c[2]))
    chosen = top_rows[0]
    rivals = [c for c in top_rows if c[1] == 0 and c[2] != chosen[2] and not set(c[3]) & set(chosen[3])
              and best >= 2]
    if rivals:
        raise ReadError(_("rows {first} and {second} both look like the header; say which one is "
                          "(the header row option)").format(first=chosen[3][-1], second=rivals[0][3][-1]))
    return chosen[2] + 1, chosen[3], chosen[4]


def _first_text(cells: list[object]) -> str:
    for cell in cells:
        text = _cell_text(cell)
        if text:
            return unicodedata.normalize("NFKC", text).replace(" ", "")
    return ""


def _is_total(cell: object) -> bool:
    """A cell that opens a totals row (合计, 小计 …); most cells are ruled out by their first letter."""
    text = _cell_text(cell)
    return bool(text) and text[0] in _TOTAL_FIRST and bool(_TOTAL.match(_first_text([cell])))


Records = Iterable[tuple[int, list[object]]]


def _top(records: Records, header_row: int | None = None) -> tuple[list[tuple[int, list[object]]], Iterator]:
    """The rows a header is looked for in (down to ``header_row`` where one is named) and an
    iterator over the rest: a sheet is read a row at a time, never held whole."""
    rest = iter(records)
    head = list(itertools.islice(rest, HEADER_SEARCH_ROWS * 2))
    while header_row is not None and head and head[-1][0] < header_row:
        following = next(rest, None)
        if following is None:
            break
        head.append(following)
    return head, rest


def _all_blank(head: list, rest: Iterator) -> tuple[bool, Iterator]:
    """Whether every row is blank, looking past ``head`` only when it is; the rest, unconsumed."""
    if not all(is_blank(cells) for _, cells in head):
        return False, rest
    for number, cells in rest:
        if not is_blank(cells):
            return False, itertools.chain([(number, cells)], rest)
    return True, iter(())


def make_table(spec: FileSpec, source: str, records: Records,
               header_row: int | None = None) -> Table | None:
    """The table in a sheet's rows: header found, then its data rows; blank, total and note rows
    set aside with their numbers. ``None`` for a sheet with no rows at all. The rows are read as
    they come (a list or an iterator)."""
    head, rest = _top(records, header_row)
    blank, rest = _all_blank(head, rest)
    if blank:
        return None
    start, header_rows, headers = find_header(spec, head, header_row)
    table = Table(spec, source, [_cell_text(h) for h in headers], header_rows=header_rows,
                  stated_date=stated_date(cells for number, cells in head if number < header_rows[0]))
    data_columns = [i for i, h in enumerate(table.headers) if not is_ignored_header(h)]
    notes_started = False
    blanks: list[int] = []          # blank rows kept back: trailing ones past the data are not worth a warning
    for number, cells in itertools.chain(head[start:], rest):
        first = _first_text(cells)
        if not first or (not notes_started and not _NOTE.match(first) and not _is_total_row(first, cells, data_columns)
                         and all(_cell_text(cells[i]) == "" for i in data_columns if i < len(cells))):
            blanks.append(number)
            continue
        table.skipped += [(blank, "blank") for blank in blanks]
        blanks.clear()
        if notes_started or _NOTE.match(first):
            notes_started = True
            table.skipped.append((number, "note"))
        elif _is_total_row(first, cells, data_columns):
            table.skipped.append((number, "total"))
        else:
            table.rows.append((number, cells))
    return table


#: A date a register states above its header: 截至2026年6月30日, 填报日期：2026-06-30, 统计时间 2026.6.30.
_STATED = re.compile(r"(截至|截止|填报日期|填表日期|统计日期|统计时间|报告期)[^0-9]{0,6}"
                     r"(\d{4})\s*[年./-]\s*(\d{1,2})\s*[月./-]\s*(\d{1,2})")


def stated_date(rows: Iterable[list[object]]) -> str | None:
    """The date the title rows state (截至 wins over 填报日期, the day the form was filled in).

    >>> stated_date([["党员花名册（截至2026年6月30日）"], ["填报单位：城东街道", None, "填报日期：2026年7月5日"]])
    '2026-06-30'
    >>> stated_date([["填报日期：2026.7.5"]]), stated_date([["党员花名册"]])
    ('2026-07-05', None)
    """
    import datetime as dt

    found: dict[str, str] = {}
    for cells in rows:
        for match in _STATED.finditer(" ".join(_cell_text(c) for c in cells)):
            try:
                day = dt.date(int(match.group(2)), int(match.group(3)), int(match.group(4))).isoformat()
            except ValueError:
                continue
            found.setdefault("as_of" if match.group(1) in ("截至", "截止", "报告期") else "filled", day)
    return found.get("as_of") or found.get("filled")


def _is_total_row(first: str, cells: list[object], data_columns: list[int]) -> bool:
    return bool(_TOTAL.match(first)) or any(_is_total(cells[i]) for i in data_columns[:3] if i < len(cells))


def classify(name: str, records: list[tuple[int, list[object]]]) -> tuple[list[FileSpec], str]:
    """The kinds a sheet or file may hold, and how that was decided (``name`` or ``headers``)."""
    named = kinds_named(name)
    if len(named) == 1:
        return named, "name"
    pool = named or list(FILES.values())
    scores: dict[str, int] = {}
    for spec in pool:
        distinctive = _distinctive(spec)
        best = 0
        for _number, cells in records[:HEADER_SEARCH_ROWS * 2]:
            keys = {normalize_header(c) for c in cells}
            best = max(best, len(keys & distinctive))
        scores[spec.name] = best
    top = max(scores.values(), default=0)
    if top == 0:
        return [], "headers"
    return [FILES[n] for n, s in scores.items() if s == top], "headers"


@cache
def _distinctive(spec: FileSpec) -> frozenset[str]:
    """Header spellings only this kind uses (名称 and 编号 fit every kind)."""
    mine = set(column_lookup(spec))
    others = set().union(*(column_lookup(s) for s in FILES.values() if s is not spec))
    return frozenset(mine - others)


def _add_sheet(result: ReadResult, name: str, source: str, records: Records, header_row: int | None) -> None:
    if is_instructions(name) and not kinds_named(name):
        result.problems.append((source, "note", _("instructions for filling the register; not read")))
        return
    head, rest = _top(records, header_row)
    kinds, how = classify(name, head)
    if not kinds:
        if not _all_blank(head, rest)[0]:
            result.problems.append((source, "warning", _("not a table partygraph reads (neither its name nor its "
                                                         "headers say what it holds); ignored")))
        return
    if len(kinds) > 1:
        names = ", ".join(spec.name for spec in kinds)
        result.problems.append((source, "error", _("it could hold {kinds}; rename it to say which "
                                                   "(e.g. 党员花名册, 企业名录)").format(kinds=names)))
        return
    try:
        table = make_table(kinds[0], source, itertools.chain(head, rest), header_row)
    except ReadError as exc:
        result.problems.append((source, "error", str(exc)))
        return
    if table is not None:
        result.tables.setdefault(kinds[0].name, []).append(table)


def check_input(path: Path, max_bytes: int) -> None:
    """Refuse at once what cannot be a register: a device, a pipe, a file or a workbook's inflated
    parts over ``max_bytes`` (zip bombs) — before anything is read."""
    import stat

    info = path.stat()
    if not stat.S_ISREG(info.st_mode):
        raise ReadError(_("not a regular file (a device, a pipe or a socket); give a file or a folder"))
    if info.st_size > max_bytes:
        raise ReadError(_("the file is larger than the limit of {limit} MiB; raise it with the input size option "
                          "if it really is a register").format(limit=max_bytes >> 20))
    if path.suffix.lower() in (".xlsx", ".xlsm") and zipfile.is_zipfile(path):
        try:
            _check_workbook(path, max_bytes)
        except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, ValueError) as exc:
            raise ReadError(_("it is not a readable Excel workbook, the file is damaged ({reason}); save it again "
                              "from Excel or WPS").format(reason=str(exc) or type(exc).__name__)) from exc


#: Apache POI's ``ZipSecureFile`` refuses an entry whose compressed size is below 1% of its inflated
#: size (the minimum inflate ratio 0.01); a real .xlsx part compresses 5-20 times.
MAX_INFLATE_RATIO = 100
#: Parts that inflate to no more than this are not held to the ratio (a small part of repeated
#: markup compresses very well and cannot hurt).
RATIO_FLOOR = 1 << 20


def _check_workbook(path: Path, max_bytes: int) -> None:
    with zipfile.ZipFile(path) as archive:
        parts = archive.infolist()
    inflated = sum(part.file_size for part in parts)
    if inflated > max_bytes:
        biggest = max(parts, key=lambda part: part.file_size)
        raise ReadError(_("its parts inflate to more than the limit of {limit} MiB ({part}: {size} MiB); "
                          "raise the input size option if it really is a register").format(
            limit=max_bytes >> 20, part=biggest.filename, size=biggest.file_size >> 20))
    for part in parts:
        if part.file_size > RATIO_FLOOR and part.file_size > MAX_INFLATE_RATIO * max(part.compress_size, 1):
            raise ReadError(_("its part {part} inflates {ratio} times ({size} MiB from {packed} KiB), more than any "
                              "spreadsheet writes: the file is damaged or built to exhaust memory (a zip bomb)").format(
                part=part.filename, ratio=part.file_size // max(part.compress_size, 1), size=part.file_size >> 20,
                packed=part.compress_size >> 10))
    from .xlsx_scan import MAX_CELLS, extent_problems

    for sheet, problem in extent_problems(path):
        kind, _colon, detail = problem.partition(":")
        if kind == "bad":
            raise ReadError(_("sheet {sheet} has a cell reference beyond Excel's limits ({reference}); the file "
                              "is damaged or was not made by a spreadsheet").format(sheet=sheet, reference=detail))
        rows, columns = detail.split(":")
        raise ReadError(_("sheet {sheet} uses {rows} rows by {columns} columns, more than {cells} cells; delete "
                          "the cells far beyond the table (Ctrl+End shows the last one)").format(
            sheet=sheet, rows=rows, columns=columns, cells=MAX_CELLS))


def read_csv_records(path: Path, encoding: str | None = None) -> list[tuple[int, list[object]]]:
    text, _used = decode(path.read_bytes(), encoding)
    return [(number, list(cells)) for number, cells in enumerate(csv.reader(io.StringIO(text)), start=1)]


def read_folder(folder: Path, header_row: int | None = None, encoding: str | None = None,
                max_bytes: int = DEFAULT_MAX_BYTES) -> ReadResult:
    result = ReadResult({}, [])
    for path in sorted(folder.iterdir()):
        if path.suffix.lower() != ".csv":
            continue
        try:
            check_input(path, max_bytes)
            records = read_csv_records(path, encoding)
        except ReadError as exc:
            result.problems.append((path.name, "error", str(exc)))
            continue
        except UnicodeDecodeError as exc:
            line = path.read_bytes()[:exc.start].count(b"\n") + 1
            result.problems.append((path.name, "error", _("row {row} is not valid text in {encoding} "
                                                          "(a character is cut or the encoding is another); "
                                                          "save the file as UTF-8 or GBK").format(row=line, encoding=exc.encoding)))
            continue
        except (OSError, LookupError, csv.Error) as exc:
            result.problems.append((path.name, "error", _("cannot be read: {reason}").format(reason=exc)))
            continue
        _add_sheet(result, path.stem, path.name, records, header_row)
    return result


def _workbook_sheets(path: Path) -> Iterable[tuple[str, Records | Exception]]:
    """(sheet name, numbered rows, or the error that sheet gave) of an .xlsx, .xlsm or .xls workbook.

    python-calamine (Rust's calamine) reads all three, about eight times faster than openpyxl's
    read-only mode on a city's register (bench/office_load.py); rows are numbered from row 1, the
    empty ones above the data included, as Excel shows them.
    """
    from python_calamine import CalamineWorkbook

    workbook = CalamineWorkbook.from_path(str(path))
    try:
        for name in workbook.sheet_names:
            try:
                sheet = workbook.get_sheet_by_name(name)
            except Exception as exc:  # calamine's errors for malformed XML, bad shared strings, references
                yield name, exc
                continue
            yield name, numbered_rows(sheet)
    finally:
        workbook.close()


def numbered_rows(sheet) -> Iterator[tuple[int, list[object]]]:
    """A sheet's rows as Excel numbers them, made into Python values one row at a time (calamine's
    ``iter_rows``): rows start at row 1, the empty ones above the data included, and each row is
    padded with the empty columns left of the data, as ``to_python(skip_empty_area=False)`` gives
    them (tests/loaders/test_office.py holds the two equal)."""
    if sheet.start is None:
        return
    padding = [""] * sheet.start[1]
    for number, row in enumerate(sheet.iter_rows(), start=1):
        yield number, padding + row if padding else row


def read_workbook(path: Path, header_row: int | None = None) -> ReadResult:
    result = ReadResult({}, [])
    try:
        for name, records in _workbook_sheets(path):
            source = _("{file}, sheet {sheet}").format(file=path.name, sheet=name)
            if isinstance(records, Exception):
                result.problems.append((source, "error", _("the sheet cannot be read, it is damaged: {reason}").format(
                    reason=records)))
                continue
            _add_sheet(result, name, source, records, header_row)
    except Exception as exc:  # calamine raises its own errors and OSError for a damaged or missing file
        return ReadResult({}, [(path.name, "error", _("cannot be read as an Excel workbook: {reason}").format(
            reason=exc))])
    return result


def read_dataset(path: Path, header_row: int | None = None, encoding: str | None = None,
                 max_bytes: int = DEFAULT_MAX_BYTES) -> ReadResult:
    """Tables of a dataset: a folder of CSV files, or an .xlsx/.xls workbook. Files over
    ``max_bytes`` (or workbooks whose parts inflate beyond it) are refused unread."""
    if path.is_dir():
        return read_folder(path, header_row, encoding, max_bytes)
    if not path.exists():
        return ReadResult({}, [(str(path), "error", _("no such file or folder"))])
    try:
        check_input(path, max_bytes)
    except ReadError as exc:
        return ReadResult({}, [(path.name, "error", str(exc))])
    if path.suffix.lower() in (".xlsx", ".xlsm", ".xls"):
        return read_workbook(path, header_row)
    return ReadResult({}, [(path.name, "error", _("expected a folder of CSV files or an Excel workbook (.xlsx, .xls)"))])
