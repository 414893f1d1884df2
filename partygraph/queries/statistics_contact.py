"""Who was last contacted when, per place and month: the part of the statistics that moves with the
date (the program's side of ``statistics_contact.cypher``). A period keeps these counts when it is
loaded (:func:`partygraph.queries.statistics.keep_statistics`); at a later date the members out of
contact are added up from them, and only the months the date's thresholds fall in are counted again,
up to the thresholds' days (:func:`partygraph.queries.statistics.lost_counts`)."""

from __future__ import annotations

import datetime as dt

from .statistics import PARAMETERS as STATISTICS_PARAMETERS, options as statistics_options

PARAMETERS = {key: STATISTICS_PARAMETERS[key] for key in ("unit_kinds",)}
COLUMNS = ["place_id", "month", "members"]
ORDER_BY = None                   # sorted in Python: the whole register (null) first
SUBJECT = None
DERIVED: dict = {}
#: Every last contact a register can hold (the loaders read four-digit years).
EVERY_DAY = ("0001-01-01", "9999-12-31")


def options(as_of: str | dt.date | None = None, area: str | None = None,
            ranges: list[tuple[str, str]] | None = None) -> dict:
    """``as_of``: only members who joined by then (default today); ``area``: only this area's rows;
    ``ranges``: the last contacts counted, disjoint ``[since, before)`` pairs of ISO dates (default: all)."""
    ranges = [list(EVERY_DAY)] if ranges is None else [[str(since), str(before)] for since, before in ranges]
    return {**statistics_options(as_of, area), "ranges": ranges}


def sort_key(row: dict) -> tuple:
    return row["place_id"] is not None, row["place_id"] or "", row["month"]
