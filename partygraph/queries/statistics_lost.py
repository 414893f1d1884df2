"""The date-dependent part of the statistics: members out of contact at a date, per place, by time
since the last contact (the program's side of ``statistics_lost.cypher``). With the rest of the
statistics kept when a period is loaded (:func:`partygraph.queries.statistics.keep_statistics`),
this is all a report at another date needs to compute."""

from __future__ import annotations

import datetime as dt

from .statistics import PARAMETERS as STATISTICS_PARAMETERS, options as statistics_options

PARAMETERS = {key: STATISTICS_PARAMETERS[key] for key in ("unit_kinds", "lost_after_months")}
BUCKETS = ["lost_6m_1y", "lost_1y_5y", "lost_5y_10y", "lost_10y_plus"]
COLUMNS = ["place_id", "lost_contact", *BUCKETS]
ORDER_BY = None                   # sorted in Python: the whole register (null) first
SUBJECT = None
DERIVED: dict = {}


def options(as_of: str | dt.date | None = None, area: str | None = None) -> dict:
    """``as_of``: the day contact is judged at (default today); ``area``: only this area's row."""
    return statistics_options(as_of, area)


def sort_key(row: dict) -> tuple:
    return row["place_id"] is not None, row["place_id"] or ""
