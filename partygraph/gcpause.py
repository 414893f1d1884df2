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
