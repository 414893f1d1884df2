"""Formatting reports for people (aligned tables, Chinese counted as two columns) and for
programs (JSON, CSV).

>>> print(table([{"名称": "宝湖社区党支部", "members": 110}]))
名称            members
--------------  -------
宝湖社区党支部      110
"""

from __future__ import annotations

import csv
import io
import json
import unicodedata


def width(text: str) -> int:
    """Columns a string takes in a terminal: wide (CJK) characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _cell(value: object, column: str = "") -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:.1%}" if column.endswith("rate") else f"{value:.4f}"
    if isinstance(value, (list, tuple)):
        return "; ".join(map(str, value))
    return str(value)


def table(rows: list[dict], columns: list[str] | None = None) -> str:
    """An aligned plain-text table; numbers right-aligned."""
    if not rows:
        return "(none)"
    columns = columns or list(rows[0])
    cells = [[_cell(row.get(c), c) for c in columns] for row in rows]
    widths = [max(width(c), *(width(r[i]) for r in cells)) for i, c in enumerate(columns)]
    numeric = [all(isinstance(row.get(c), (int, float)) and not isinstance(row.get(c), bool)
                   for row in rows if row.get(c) is not None) for c in columns]

    def line(values: list[str]) -> str:
        parts = []
        for value, size, right in zip(values, widths, numeric):
            pad = " " * (size - width(value))
            parts.append(pad + value if right else value + pad)
        return "  ".join(parts).rstrip()

    header = line(columns)
    rule = "  ".join("-" * w for w in widths)
    return "\n".join([header, rule, *(line(r) for r in cells)])


def to_json(rows: list[dict]) -> str:
    return json.dumps(rows, ensure_ascii=False, indent=2)


def to_csv(rows: list[dict], columns: list[str] | None = None) -> str:
    columns = columns or (list(rows[0]) if rows else [])
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([";".join(map(str, v)) if isinstance(v, list) else ("" if v is None else v)
                         for v in (row.get(c) for c in columns)])
    return out.getvalue()


def render(rows: list[dict], fmt: str, columns: list[str] | None = None) -> str:
    """``table``, ``json`` or ``csv``."""
    if fmt == "json":
        return to_json(rows)
    if fmt == "csv":
        return to_csv(rows, columns)
    return table(rows, columns)
