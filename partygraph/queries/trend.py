"""The coverage statistics over time: every period's figures (``trend``), and one date's figures
beside another's (``compare``, the 上期/增减 columns of a quarterly report).

Each period is judged at its own date, as the report of that quarter was.
"""

from __future__ import annotations

from .statistics import MEMBER_COLUMNS, UNIT_COLUMNS, statistics

#: The figures a comparison pairs with their earlier value and change.
FIGURES = UNIT_COLUMNS + MEMBER_COLUMNS


def trend(store, area: str | None = None, start: str | None = None, end: str | None = None) -> list[dict]:
    """The statistics' rows of every period from ``start`` to ``end`` (dates, inclusive), each with
    its ``period``, earliest first; the store reads the latest period again afterwards."""
    rows: list[dict] = []
    try:
        for period in store.periods():
            if (start and period.as_of < start) or (end and period.as_of > end):
                continue
            store.use(period.as_of)
            rows += [{"period": period.as_of, **row} for row in statistics(store, as_of=period.as_of, area=area)]
    finally:
        store.use(None)
    return rows


def compare(store, as_of: str | None, before: str, area: str | None = None) -> list[dict]:
    """The statistics at ``as_of`` with, for each figure, its value in the register in force at
    ``before`` (``<key>_before``) and the change (``<key>_change``); ``compare_as_of`` names that
    register's date. A row the earlier register lacks (an area since added) has nulls there."""
    earlier_choice = store.use(before)
    earlier = {_key(row): row for row in statistics(store, as_of=before, area=area)}
    store.use(as_of)
    rows = []
    for row in statistics(store, as_of=as_of, area=area):
        was = earlier.get(_key(row), {})
        combined = {**row, "compare_as_of": earlier_choice.period}
        for key in FIGURES:
            if key in row:
                combined[f"{key}_before"] = was.get(key)
                combined[f"{key}_change"] = _change(row[key], was.get(key))
        rows.append(combined)
    return rows


def _key(row: dict) -> tuple:
    return row["table"], row["row"], row["place_id"]


def _change(now, before):
    if now is None or before is None:
        return None
    return round(now - before, 10) if isinstance(now, float) or isinstance(before, float) else now - before
