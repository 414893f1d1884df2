"""Keeping a register as a period: the store keeps it (see ``docs/periods.md``), and the figures a
store keeps beside a period are made from it at once.

>>> import tempfile, os
>>> from partygraph.graph.embedded import EmbeddedStore
>>> from partygraph.loaders import load_dataset
>>> store = EmbeddedStore(os.path.join(tempfile.mkdtemp(), "s.pgstore"))
>>> keep_register(store, load_dataset("examples/seed-cases"), "2026-06-30")
>>> [p.as_of for p in store.periods()]
['2026-06-30']
"""

from __future__ import annotations

from .graph.data import GraphData
from .progress import Progress


def keep_register(store, data: GraphData, as_of: str, progress: Progress = None) -> None:
    """Keep ``data`` as the register of ``as_of`` (replacing one of that date), with its statistics
    (a report then counts only who is out of contact: ``trend`` and ``--compare`` read a period each)."""
    from .queries.statistics import keep_statistics

    store.load(data, as_of, progress=progress)
    keep_statistics(store, as_of, data)
