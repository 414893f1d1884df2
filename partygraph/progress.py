"""Progress of long work, reported through a callback the caller gives: ``progress(done, total,
what)`` with ``done`` growing to ``total``. The library never draws anything; the CLI shows a
``click.progressbar`` on a terminal.

>>> seen = []
>>> counter = Tally(lambda *a: seen.append(a), total=3)
>>> counter.add(2, "Member"); counter.add(1, "WORKS_AT")
>>> seen
[(2, 3, 'Member'), (3, 3, 'WORKS_AT')]
"""

from __future__ import annotations

from typing import Callable, Optional

#: ``progress(done, total, what)``.
Progress = Optional[Callable[[int, int, str], None]]


class Tally:
    """Counts work done towards a total and reports each step (nothing without a callback)."""

    def __init__(self, progress: Progress, total: int) -> None:
        self.progress, self.total, self.done = progress, total, 0

    def add(self, count: int, what: str) -> None:
        self.done += count
        if self.progress is not None:
            self.progress(min(self.done, self.total), self.total, what)
