"""Loads that kill themselves at a chosen step of their own progress: fault tests that do not
depend on how fast the machine is."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

#: A load that kills itself (SIGKILL, as a power cut or the OOM killer would) at its Nth progress report.
KILLER = """
import os, signal, sys
from partygraph.graph.store import open_store
from partygraph.loaders import load_dataset

dataset, where, at = sys.argv[1], sys.argv[2], int(sys.argv[3])
data = load_dataset(dataset)
seen = []

def progress(done, total, what):
    seen.append(what)
    if len(seen) == at:
        os.kill(os.getpid(), signal.SIGKILL)

store = open_store(neo4j_uri=where) if where.startswith("neo4j") else open_store(store_path=where)
store.replace(data, progress=progress)
"""


def steps_of(store, data) -> int:
    """How many progress reports a load of ``data`` into ``store`` makes."""
    seen = []
    store.replace(data, progress=lambda *report: seen.append(report))
    return len(seen)


def kill_at(dataset: Path, where: str, step: int) -> bool:
    """Load ``dataset`` into ``where`` in a process that kills itself at progress report ``step``;
    True if it was killed."""
    child = subprocess.run([sys.executable, "-c", KILLER, str(dataset), where, str(step)], env=os.environ.copy(),
                           capture_output=True, text=True)
    assert child.returncode in (0, -signal.SIGKILL), child.stderr
    return child.returncode == -signal.SIGKILL
