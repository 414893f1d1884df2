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
from typing import Iterator

from .i18n import N_, _

#: Table column titles of the analyses' own columns; a column that is a model property takes the
#: model's title (JSON keys and CSV columns stay as they are: scripts read them).
TITLES = {
    "name": N_("name"), "building_id": N_("building_id"), "coverage": N_("coverage"),
    "full_members": N_("full_members"), "action": N_("action"),
    "joint_branches_with_room": N_("joint_branches_with_room"), "reasons": N_("reasons"),
    "employer_id": N_("employer_id"), "suggested_org_id": N_("suggested_org_id"),
    "place_label": N_("place_label"), "place_id": N_("place_id"), "place_name": N_("place_name"),
    "enterprises": N_("enterprises"), "org_covered": N_("org_covered"), "work_covered": N_("work_covered"),
    "org_coverage_rate": N_("org_coverage_rate"), "work_coverage_rate": N_("work_coverage_rate"),
    "check": N_("check"), "label": N_("label"), "count": N_("count"), "related": N_("related"),
    "area_id": N_("area_id"), "candidates": N_("candidates"),
    "component": N_("component"), "degree": N_("degree"), "betweenness": N_("betweenness"),
    "bridges": N_("bridges"), "cut_point": N_("cut_point"), "betweenness_exact": N_("betweenness_exact"),
    "component_size": N_("component_size"), "bridge_partners": N_("bridge_partners"), "severity": N_("severity"),
    "source": N_("source"), "row": N_("row"), "column": N_("column"), "value": N_("value"),
    "message": N_("message"),
    "table": N_("table"), "due": N_("due"), "employer_name": N_("employer_name"),
    "months_at_employer": N_("months_at_employer"), "place": N_("place"), "category": N_("category"), "units": N_("units"), "org_single": N_("org_single"),
    "org_joint": N_("org_joint"), "uncovered": N_("uncovered"), "uncovered_3plus": N_("uncovered_3plus"),
    "uncovered_1_2": N_("uncovered_1_2"), "uncovered_none": N_("uncovered_none"),
    "uncovered_guided": N_("uncovered_guided"), "uncovered_based_in": N_("uncovered_based_in"),
    "org_rate": N_("org_rate"), "work_rate": N_("work_rate"), "members": N_("members"), "full": N_("full"),
    "probationary": N_("probationary"), "mobile": N_("mobile"), "not_transferred": N_("not_transferred"),
    "lost_contact": N_("lost_contact"), "lost_6m_1y": N_("lost_6m_1y"), "lost_1y_5y": N_("lost_1y_5y"),
    "lost_5y_10y": N_("lost_5y_10y"), "lost_10y_plus": N_("lost_10y_plus"),
    "period": N_("period"), "as_of": N_("as_of"), "change": N_("change"), "before": N_("before"),
    "after": N_("after"), "compare_as_of": N_("compare_as_of"),
    "proposal": N_("proposal"), "street": N_("street"), "building": N_("building"), "unit_names": N_("unit_names"),
    "org_id": N_("org_id"), "instructor_id": N_("instructor_id"), "org_rate_after": N_("org_rate_after"),
    "work_rate_after": N_("work_rate_after"), "org_covered_after": N_("org_covered_after"),
    "work_covered_after": N_("work_covered_after"), "instructors": N_("instructors"),
}
#: Node labels and relationship types as reports name them.
LABEL_WORDS = {
    "Area": N_("Area"), "Building": N_("Building"), "Enterprise": N_("Enterprise"),
    "Organization": N_("Organization"), "Member": N_("Member"), "PART_OF": N_("PART_OF"),
    "LOCATED_IN": N_("LOCATED_IN"), "SUBORDINATE_TO": N_("SUBORDINATE_TO"), "COVERS": N_("COVERS"),
    "BASED_IN": N_("BASED_IN"), "MEMBER_OF": N_("MEMBER_OF"), "PARTICIPATES_IN": N_("PARTICIPATES_IN"),
    "WORKS_AT": N_("WORKS_AT"), "GUIDES": N_("GUIDES"), "SECRETARY_OF": N_("SECRETARY_OF"),
    "PAIRED_WITH": N_("PAIRED_WITH"),
}


def width(text: str) -> int:
    """Columns a string takes in a terminal: wide (CJK) characters take two.

    >>> width("abc"), width("宝湖")
    (3, 4)
    """
    if text.isascii():
        return len(text)
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


#: Cell starts a spreadsheet reads as a formula (OWASP: CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralize(value: object) -> object:
    """A CSV cell a spreadsheet cannot execute: text starting like a formula gets a leading ``'``.

    >>> neutralize("=HYPERLINK(1)"), neutralize("-5"), neutralize(-5), neutralize("宝湖")
    ("'=HYPERLINK(1)", "'-5", -5, '宝湖')
    """
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _cell(value: object, column: str = "") -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:.1%}" if column.endswith(("rate", "rate_after")) else f"{value:.4f}"
    if isinstance(value, (list, tuple)):
        return "; ".join(map(str, value))
    return str(value)


def title(column: str) -> str:
    """A column's title in the user's language: the analysis's own, else the model property's."""
    from .graph.model import property_title
    from .i18n import language

    if column in TITLES:
        return _(TITLES[column])
    return property_title(column, language()) or column


def table(rows: list[dict], columns: list[str] | None = None) -> str:
    """An aligned plain-text table, codes in the user's words; numbers right-aligned."""
    from .i18n import language
    from .words import has_words, value_word

    if not rows:
        return "(none)"
    columns = columns or list(rows[0])
    lang = language()
    worded = [has_words(c) for c in columns]
    cells = [[_cell(value_word(c, row.get(c), lang) if w else row.get(c), c) for c, w in zip(columns, worded)]
             for row in rows]
    titles = [title(c) for c in columns]
    widths = [max(width(t), *(width(r[i]) for r in cells)) for i, t in enumerate(titles)]
    numeric = [all(isinstance(row.get(c), (int, float)) and not isinstance(row.get(c), bool)
                   for row in rows if row.get(c) is not None) for c in columns]

    def line(values: list[str]) -> str:
        parts = []
        for value, size, right in zip(values, widths, numeric):
            pad = " " * (size - width(value))
            parts.append(pad + value if right else value + pad)
        return "  ".join(parts).rstrip()

    header = line(titles)
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
        writer.writerow(_csv_row(row, columns))
    return out.getvalue()


JSON_CHUNK = 2000


def stream(rows, fmt: str, columns: list[str], write) -> None:
    """Write ``rows`` as JSON or CSV through ``write`` a chunk at a time, never as one string in
    memory (:func:`json_chunks` gives the JSON as bytes).

    >>> import io; out = io.StringIO(); stream([{"id": "E1", "n": 2}], "json", ["id", "n"], out.write)
    >>> json.loads(out.getvalue())
    [{'id': 'E1', 'n': 2}]
    """
    if fmt == "json":
        for chunk in json_chunks(rows):
            write(chunk.decode("utf-8"))
        return
    writer = csv.writer(_Writer(write), lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow(_csv_row(row, columns))


def json_chunks(rows) -> Iterator[bytes]:
    """Rows as one JSON array in chunks of UTF-8 bytes, encoded a chunk of rows at a time by
    orjson (a city's 231k rows in 0.06 s where the standard library's encoder takes 0.67 s).

    >>> b"".join(json_chunks([{"id": "E1"}, {"id": "E2"}]))
    b'[{"id":"E1"},{"id":"E2"}]\\n'
    """
    import orjson

    rows = list(rows) if not isinstance(rows, list) else rows
    yield b"["
    for start in range(0, len(rows), JSON_CHUNK):
        yield (b"," if start else b"") + orjson.dumps(rows[start:start + JSON_CHUNK])[1:-1]
    yield b"]\n"


class _Writer:
    def __init__(self, write) -> None:
        self.write = write


def _csv_row(row: dict, columns: list[str]) -> list:
    return [neutralize(";".join(map(str, v)) if isinstance(v, list) else ("" if v is None else v))
            for v in (row.get(c) for c in columns)]


def render(rows: list[dict], fmt: str, columns: list[str] | None = None) -> str:
    """``table``, ``json`` or ``csv``."""
    if fmt == "json":
        return to_json(rows)
    if fmt == "csv":
        return to_csv(rows, columns)
    return table(rows, columns)
