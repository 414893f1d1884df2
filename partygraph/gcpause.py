"""Pausing Python's cyclic garbage collector while building large object graphs.

Reading a city creates millions of dicts and lists that all stay alive; the collector keeps
scanning them for cycles for nothing. Pausing it halves the time to open a stored city
(bench/embedded_load.py). Reference counting still frees everything as usual.
"""

from __future__ import annotations

import gc
from contextlib import contextmanager
from typing import Iterator


@contextmanager
def paused_gc() -> Iterator[None]:
    """Disable the cyclic collector inside the block, restoring its previous state after.

    >>> with paused_gc():
    ...     gc.isenabled()
    False
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def keep_until_exit() -> None:
    """Leave every object alive now out of the collector's later passes (``gc.freeze``): for a
    command's process that has just built what it keeps until it ends — a plan's proposals and the
    units they were made for — so that no later collection scans them all again (0.15 s of a
    district's plan). Reference counting still frees them."""
    gc.freeze()
