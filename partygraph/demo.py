"""The bundled seed-case dataset and ``partygraph demo``'s main job."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from .graph.embedded import EmbeddedStore
from .loaders import load_dataset

DEMO_STORE = "partygraph-demo.pgstore"


def seed_cases_path() -> Path:
    """The seed-case dataset: inside the installed package, or in a checkout's ``examples/``."""
    packaged = Path(str(resources.files("partygraph"))) / "examples" / "seed-cases"
    if packaged.is_dir():
        return packaged
    checkout = Path(__file__).resolve().parent.parent / "examples" / "seed-cases"
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError("the seed-case dataset is missing from this installation")


@dataclass
class DemoResult:
    store: EmbeddedStore
    counts: dict[str, int]


def run_demo(directory: str | Path = ".") -> DemoResult:
    """Load the seed-case dataset into an embedded store in ``directory``."""
    data = load_dataset(seed_cases_path())
    store = EmbeddedStore(Path(directory) / DEMO_STORE)
    store.replace(data)
    return DemoResult(store, data.counts())
