"""The coverage statistics planners file each year (两新组织党组织覆盖情况, as in the party's
statistical annual report): the program's side of ``statistics.cypher`` and ``statistics.sql``.

Units are the enterprises of kind ``non_public``, ``social_org`` and ``individual`` (state-owned
enterprises and public institutions are counted in other tables). Rows come for the whole
register (``place_id`` None) and for each area with every area below it: one per unit kind
(``non_public``, ``above_scale`` — the non-public units above designated size —, ``social_org``,
``individual``) and ``total``, and one ``members`` row of the members working in those units.
"""

from __future__ import annotations

import datetime as dt

from . import rules
from .gaps_members import iso_date

UNIT_KINDS = ("non_public", "social_org", "individual")
UNIT_ROWS = ("non_public", "above_scale", "social_org", "individual", "total")
#: The columns of the units table (JSON keys), in the order of the official form.
UNIT_COLUMNS = ["units", "org_covered", "org_single", "org_joint", "uncovered", "uncovered_3plus", "uncovered_1_2",
                "uncovered_none", "uncovered_guided", "uncovered_based_in", "work_covered", "org_rate", "work_rate"]
#: The columns of the members table.
MEMBER_COLUMNS = ["members", "full", "probationary", "mobile", "not_transferred", "lost_contact", "lost_6m_1y",
                  "lost_1y_5y", "lost_5y_10y", "lost_10y_plus"]
KEYS = ["table", "row", "place_id", "place_name"]
PARAMETERS = {"unit_kinds": UNIT_KINDS, "unit_rows": UNIT_ROWS, "found_branch_at": rules.FOUND_BRANCH_AT,
              "lost_after_months": rules.LOST_AFTER_MONTHS}
ORDER_BY = None                   # sorted in Python: no order both languages can say
SUBJECT = None                    # its place is an option of its own (an area's rows), not a narrowing


def _rate(part: str):
    def rate(row: dict) -> float | None:
        return row[part] / row["units"] if row["units"] else None
    return rate


#: Columns computed from the others (the Cypher returns them too, for people).
DERIVED = {
    "org_joint": lambda row: row["org_covered"] - row["org_single"],
    "uncovered": lambda row: row["units"] - row["org_covered"],
    "work_covered": lambda row: row["org_covered"] + row["uncovered_guided"] + row["uncovered_based_in"],
    "org_rate": _rate("org_covered"),
    "work_rate": _rate("work_covered"),
}
_FETCHED_UNITS = [c for c in UNIT_COLUMNS if c not in DERIVED]
COLUMNS = KEYS + _FETCHED_UNITS + MEMBER_COLUMNS + list(DERIVED)


def options(as_of: str | dt.date | None = None, area: str | None = None) -> dict:
    """``as_of``: the report's 截至日期 (default today); ``area``: only this area's rows."""
    return {"as_of": iso_date(as_of), "place": area}


def sort_key(row: dict) -> tuple:
    """The whole register first, then areas by id; units before members; rows in the form's order."""
    order = (*UNIT_ROWS, "members")
    return row["place_id"] is not None, row["place_id"] or "", order.index(row["row"])


def as_reported(row: dict) -> dict:
    """A row with only its table's keys (the JSON objects of the report)."""
    columns = UNIT_COLUMNS if row["table"] == "units" else MEMBER_COLUMNS
    return {key: row[key] for key in KEYS + columns}


def statistics(store, as_of: str | dt.date | None = None, area: str | None = None, members: bool = True) -> list[dict]:
    """The report's rows (:func:`as_reported`), the whole register's first; ``area`` must be an area's id;
    ``members=False``: the units table alone (from what the store kept, nothing is counted then).

    Where the store kept the period's figures when it was loaded (:func:`keep_statistics`) and
    ``as_of`` is on or after every founding and joining date of the period (so none is left out),
    only the members out of contact are counted now ("statistics lost"); the answer is the same."""
    from ..errors import UsageError
    from ..i18n import _
    from . import run_analysis

    if area is not None and not store.place_ids(area, "Enterprise")[0]:
        raise UsageError(_("no area has the id {given!r}; statistics are reported per area").format(given=area))
    day = iso_date(as_of)
    kept = store.kept(KEPT)
    if kept is None or day < kept["valid_from"]:
        return [as_reported(row) for row in run_analysis(store, "statistics", as_of=as_of, area=area)
                if members or row["table"] == "units"]
    rows = [row for row in kept["rows"] if area is None or row["place_id"] == area]
    if not members:
        return [row for row in rows if row["table"] == "units"]
    lost = {row["place_id"]: row for row in run_analysis(store, "statistics lost", as_of=day, area=area)}
    return [row if row["table"] == "units" else
            {**row, **{key: lost.get(row["place_id"], {}).get(key, 0) for key in LOST_COLUMNS}} for row in rows]


#: What a store keeps of a period's statistics, and the columns that move with the date.
KEPT = "statistics"
LOST_COLUMNS = ("lost_contact", "lost_6m_1y", "lost_1y_5y", "lost_5y_10y", "lost_10y_plus")


def valid_from(data, as_of: str) -> str:
    """The first day a period's kept statistics hold: its date, or its latest founding or joining
    date where one is later (before it, an organization or a member would have to be left out)."""
    dates = [props[name] for label, name in (("Organization", "founded"), ("Member", "joined"))
             for props in data.nodes[label].values() if props.get(name)]
    return max([as_of, *map(str, dates)])


def keep_statistics(store, as_of: str, data) -> None:
    """Keep the statistics of the period ``as_of`` (loaded from ``data``) with it: every place's rows
    at :func:`valid_from`."""
    start = valid_from(data, as_of)
    try:
        store.use(as_of)
        rows = [as_reported(row) for row in _every_row(store, start)]
        store.keep(KEPT, {"valid_from": start, "rows": rows})
    finally:
        store.use(None)


def _every_row(store, day: str) -> list[dict]:
    from . import run_analysis

    return run_analysis(store, "statistics", as_of=day)
