"""A look at an .xlsx workbook's sheets before a reader builds them: every cell reference within
Excel's limits, and each sheet's used range small enough to hold in memory.

The reader (calamine) makes a dense grid from a sheet's highest row and column: one stray cell at
XFD1048576, or a forged reference beyond it, would ask for billions of cells and end the process
without a message. The references are read by streaming the sheet's XML, never inflating it whole.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import PurePosixPath
from xml.etree import ElementTree

MAX_ROWS, MAX_COLUMNS = 1_048_576, 16_384            # Excel 2007 and later
#: The most cells a sheet's used range (rows × columns) may span: a national register's
#: 花名册 of a million rows by twenty columns fits.
MAX_CELLS = 40_000_000
_REFERENCE = re.compile(rb' r="([A-Z]+)([0-9]+)"')       # a cell's; a row's r="5" has no letters
_CHUNK = 1 << 20


def column_number(letters: bytes) -> int:
    """``b"A"`` → 1, ``b"XFD"`` → 16384."""
    number = 0
    for letter in letters:
        number = number * 26 + letter - 64
    return number


def sheet_parts(archive: zipfile.ZipFile) -> dict[str, str]:
    """Each worksheet's part name to its sheet name, from the workbook and its relationships."""
    names = {}
    try:
        book = ElementTree.fromstring(archive.read("xl/workbook.xml"))
        rels = ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    except (KeyError, ElementTree.ParseError):
        return {}
    targets = {rel.get("Id"): rel.get("Target", "") for rel in rels}
    for sheet in book.iter("{http://schemas.openxmlformats.org/spreadsheetml/2006/main}sheet"):
        rid = sheet.get("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id")
        target = targets.get(rid, "")
        part = target.lstrip("/") if target.startswith("/") else str(PurePosixPath("xl") / target)
        names[part] = sheet.get("name", part)
    return names


def extent_problems(path) -> list[tuple[str, str]]:
    """(sheet name, what is wrong) for each sheet a reader cannot be given safely."""
    problems = []
    with zipfile.ZipFile(path) as archive:
        for part, sheet in sheet_parts(archive).items():
            try:
                rows, columns, bad = _extent(archive, part)
            except KeyError:
                continue
            if bad:
                problems.append((sheet, f"bad:{bad.decode('ascii', 'replace')}"))
            elif rows * columns > MAX_CELLS:
                problems.append((sheet, f"range:{rows}:{columns}"))
    return problems


def _extent(archive: zipfile.ZipFile, part: str) -> tuple[int, int, bytes | None]:
    """(highest row, highest column, the first reference beyond Excel's limits or None)."""
    rows = columns = 0
    tail = b""
    with archive.open(part) as stream:
        while chunk := stream.read(_CHUNK):
            text = tail + chunk
            cut = text.rfind(b" r=")                 # a reference cut by the chunk's end is read next time
            body, tail = (text[:cut], text[cut:]) if cut > 0 else (text, b"")
            rows, columns, bad = _widest(body, rows, columns)
            if bad:
                return rows, columns, bad
    return _widest(tail, rows, columns)


def _widest(text: bytes, rows: int, columns: int) -> tuple[int, int, bytes | None]:
    """The highest row and column referenced in ``text`` and before; a reference out of bounds."""
    references = _REFERENCE.findall(text)
    if not references:
        return rows, columns, None
    letters = {ref[0] for ref in references}
    widest = max(letters, key=lambda name: (len(name), name))
    highest = max(int(ref[1]) for ref in references)
    if highest > MAX_ROWS or len(widest) > 3 or column_number(widest) > MAX_COLUMNS:
        bad = next(a + b for a, b in references if int(b) > MAX_ROWS or a == widest)
        return rows, columns, bad
    return max(rows, highest), max(columns, column_number(widest)), None
