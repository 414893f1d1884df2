"""Periods: a store keeps every register it was given, each as it stood on its date.

A period is a register and its date (its 截至日期). The register *in force at* a date is the latest
period on or before it; a date before every period reads the earliest one (and says so). Both
stores keep what changed between periods, not copies: see ``docs/periods.md``.

>>> in_force(["2026-03-31", "2026-06-30"], "2026-05-01")
PeriodChoice(period='2026-03-31', as_of='2026-05-01', before_all=False)
>>> in_force(["2026-03-31", "2026-06-30"], "2025-12-31").before_all
True
"""

from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass, field

from ..errors import StoreError
from ..i18n import _

#: Periods one store can hold: 16 years of quarters (the embedded store's bit set is 64 bits).
MAX_PERIODS = 64


@dataclass(frozen=True)
class PeriodChoice:
    """Which period a read answers from: ``period``, the register in force at ``as_of``."""

    period: str
    as_of: str
    before_all: bool = False


@dataclass
class Period:
    """A stored period: its date and its counts per label and relationship type."""

    as_of: str
    counts: dict[str, int] = field(default_factory=dict)


def today() -> str:
    return dt.date.today().isoformat()


def in_force(dates: list[str], as_of: str | None) -> PeriodChoice:
    """The period in force at ``as_of`` (default today) among ``dates`` (ISO dates)."""
    as_of = as_of or today()
    ordered = sorted(dates)
    if not ordered:
        raise StoreError(_("the store holds no register; run 'partygraph load DATASET' first"))
    at = bisect.bisect_right(ordered, as_of)
    if at == 0:
        return PeriodChoice(ordered[0], as_of, before_all=True)
    return PeriodChoice(ordered[at - 1], as_of)


def check_room(dates: list[str], adding: str) -> None:
    """Refuse a period beyond :data:`MAX_PERIODS` (forgetting older ones makes room)."""
    if adding not in dates and len(dates) >= MAX_PERIODS:
        raise StoreError(_("the store already holds {count} periods, as many as it can; forget the oldest ones "
                           "first").format(count=len(dates)))


def period_token(as_of: str) -> str:
    """A Neo4j label for a period, made from a date checked here, never from text a user typed.

    >>> period_token("2026-06-30")
    'P20260630'
    """
    return "P" + dt.date.fromisoformat(as_of).strftime("%Y%m%d")


def warning_text(choice: PeriodChoice) -> str:
    """What a read says when its date is before every period."""
    return _("{as_of} is before the earliest register in the store; answering from the earliest one, "
             "{period}").format(as_of=choice.as_of, period=choice.period)
