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
from bisect import bisect_left

from . import rules
from .gaps_members import iso_date, lost_cutoff, months_before

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
    only the members out of contact are counted now, from the months of last contact kept
    (:func:`lost_counts`); the answer is the same."""
    from ..errors import UsageError
    from ..i18n import _
    from . import run_analysis

    if area is not None and not store.place_ids(area, "Enterprise")[0]:
        raise UsageError(_("no area has the id {given!r}; statistics are reported per area").format(given=area))
    day = iso_date(as_of)
    kept = store.kept(KEPT)
    if kept is None or CONTACT not in kept or day < kept["valid_from"]:
        return [as_reported(row) for row in run_analysis(store, "statistics", as_of=as_of, area=area)
                if members or row["table"] == "units"]
    rows = [row for row in kept["rows"] if area is None or row["place_id"] == area]
    if not members:
        return [row for row in rows if row["table"] == "units"]
    lost = lost_counts(store, kept[CONTACT], day, area)
    return [row if row["table"] == "units" else {**row, **lost.get(row["place_id"], dict.fromkeys(LOST_COLUMNS, 0))}
            for row in rows]


#: What a store keeps of a period's statistics; under it, the months of last contact; the columns that
#: move with the date.
KEPT = "statistics"
CONTACT = "contact_months"
LOST_COLUMNS = ("lost_contact", "lost_6m_1y", "lost_1y_5y", "lost_5y_10y", "lost_10y_plus")


def thresholds(day: str) -> list[str]:
    """The days that split a report's members out of contact at ``day``: last contact before the
    first is out of contact; on or after the second, out for less than a year; the third, less than
    five; the fourth, less than ten (the buckets of ``statistics.cypher``, as its date arithmetic).

    >>> thresholds("2026-08-31")
    ['2026-02-28', '2025-09-01', '2021-09-01', '2016-09-01']
    """
    as_of = dt.date.fromisoformat(day)
    one_day = dt.timedelta(days=1)
    return [lost_cutoff(day),
            *((months_before(as_of, years * 12) + one_day).isoformat() for years in (1, 5, 10))]


def lost_counts(store, kept: dict, day: str, area: str | None) -> dict:
    """The members out of contact at ``day`` per place, by time since their last contact: the kept
    counts per month of last contact (:func:`contact_months`) before each threshold's month, and the
    members of that month contacted before the threshold's day, counted now ("statistics contact"
    over a month at most for each threshold)."""
    from . import run_analysis

    cuts = thresholds(day)
    ranges = [(cut[:8] + "01", cut) for cut in cuts if not cut.endswith("-01")]
    partial = {(row["place_id"], row["month"]): row["members"]
               for row in run_analysis(store, "statistics contact", as_of=day, area=area, ranges=ranges)}
    ends = [bisect_left(kept["months"], cut[:7]) for cut in cuts]
    lost = {}
    for place_id, counts in kept["places"]:
        if area is None or place_id == area:
            before = [sum(counts[:end]) + partial.get((place_id, cut[:7]), 0) for cut, end in zip(cuts, ends)]
            lost[place_id] = dict(zip(LOST_COLUMNS, (before[0], before[0] - before[1], before[1] - before[2],
                                                     before[2] - before[3], before[3])))
    return lost


def contact_months(rows: list[dict]) -> dict:
    """"statistics contact" rows as a period keeps them: every month found, in order, and for each
    place the members of each month (a city's quarter: 412 places, 37 months).

    >>> contact_months([{"place_id": None, "month": "2026-05", "members": 3},
    ...                 {"place_id": "D0", "month": "2026-03", "members": 1}])
    {'months': ['2026-03', '2026-05'], 'places': [[None, [0, 3]], ['D0', [1, 0]]]}
    """
    months = sorted({row["month"] for row in rows})
    column = {month: i for i, month in enumerate(months)}
    places: dict = {}
    for row in rows:
        places.setdefault(row["place_id"], [0] * len(months))[column[row["month"]]] = row["members"]
    return {"months": months, "places": [[place_id, counts] for place_id, counts in places.items()]}


def valid_from(data, as_of: str) -> str:
    """The first day a period's kept statistics hold: its date, or its latest founding or joining
    date where one is later (before it, an organization or a member would have to be left out)."""
    dates = [props[name] for label, name in (("Organization", "founded"), ("Member", "joined"))
             for props in data.nodes[label].values() if props.get(name)]
    return max([as_of, *map(str, dates)])


def keep_statistics(store, as_of: str, data) -> None:
    """Keep the statistics of the period ``as_of`` (loaded from ``data``) with it: every place's rows
    at :func:`valid_from`, and its members' months of last contact ("statistics contact")."""
    from . import run_analysis, side_by_side

    start = valid_from(data, as_of)
    try:
        store.use(as_of)
        found, contact = side_by_side(store, [lambda: run_analysis(store, "statistics", as_of=start),
                                              lambda: run_analysis(store, "statistics contact", as_of=start)])
        rows = [as_reported(row) for row in found]
        months = contact_months(contact)
        store.keep(KEPT, {"valid_from": start, "rows": rows, CONTACT: months})
    finally:
        store.use(None)
