"""The hostile inputs the adversarial tests feed partygraph, made here rather than stored."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

#: Store files from elsewhere: each must be one message, never a traceback.
DAMAGED = {
    "empty": b"",
    "truncated": b'{"format": "partygraph-store", "version": 1, "nodes": {"Area": {"col',
    "binary": bytes(range(256)) * 4,
    "deeply nested": b"[" * 100_000 + b"]" * 100_000,
    "wrongly typed": json.dumps({"format": "partygraph-store", "version": 1, "nodes": [], "relationships": 3}).encode(),
    "rows of the wrong shape": json.dumps({"format": "partygraph-store", "version": 1,
                                           "nodes": {"Area": {"columns": ["id"], "rows": [7]}},
                                           "relationships": {}}).encode(),
}


def zip_bomb(path: Path, inflated_mib: int, part: str = "xl/worksheets/sheet1.xml") -> Path:
    """An .xlsx-shaped archive whose ``part`` (a sheet, or the shared strings) inflates to
    ``inflated_mib`` MiB of blanks (the file itself stays tiny)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        out.writestr("[Content_Types].xml", "<Types/>")
        with out.open(part, "w", force_zip64=True) as sheet:
            chunk = b" " * (1 << 20)
            for _ in range(inflated_mib):
                sheet.write(chunk)
    return path


def damaged_workbook(source: Path, out: Path, part: str, change) -> Path:
    """A copy of the workbook ``source`` with ``part`` rewritten by ``change(bytes) -> bytes``."""
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as copy:
        for name in original.namelist():
            data = original.read(name)
            copy.writestr(name, change(data) if name == part else data)
    return out
