"""The bundled seed-case dataset and ``partygraph demo``'s main job."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from .graph.store import Store, open_store
from .i18n import N_, _
from .loaders import load_dataset

DEMO_STORE = "partygraph-demo.pgstore"
DEMO_DRAWING = "partygraph-demo.html"
DEMO_GEXF = "partygraph-demo.gexf"
DEMO_SCOPE = "CBD-FIN"


def seed_cases_path() -> Path:
    """The seed-case dataset: inside the installed package, or in a checkout's ``examples/``."""
    packaged = Path(str(resources.files("partygraph"))) / "examples" / "seed-cases"
    if packaged.is_dir():
        return packaged
    checkout = Path(__file__).resolve().parent.parent / "examples" / "seed-cases"
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError(_("the seed-case dataset is missing from this installation"))


@dataclass
class DemoResult:
    store: Store
    store_path: Path
    counts: dict[str, int]
    reports: list[tuple[str, str, list[dict]]]      # (title, analysis name, rows)
    statistics: list[dict]                           # the whole register's rows of the annual report's tables
    drawing: object
    drawing_scope: str
    gexf: object
    plan: object                                     # the plan to close the gaps (queries.plan.Plan)
    rates: list[dict]                                # its coverage rates now and after, per place


def run_demo(directory: str | Path = ".") -> DemoResult:
    """Load the seed-case dataset into an embedded store in ``directory`` and run the headline analyses."""
    from .queries import run_analysis

    data = load_dataset(seed_cases_path())
    store_path = Path(directory) / DEMO_STORE
    store = open_store(store_path=str(store_path))
    store.replace(data)
    areas = [row for row in run_analysis(store, "coverage", base="with_members") if row["place_label"] == "Area"]
    reports = [
        (N_("Enterprises no organization covers, most urgent first"), "gaps enterprises",
         run_analysis(store, "gaps enterprises")),
        (N_("Isolated mobile and lost-contact members"), "gaps members", run_analysis(store, "gaps members")),
        (N_("Coverage per area, counting enterprises with members"), "coverage --base with_members", areas),
    ]
    from .queries.statistics import statistics

    figures = [row for row in statistics(store) if row["place_id"] is None]
    from .queries.plan import make_plan
    from .queries.plan_figures import compared, figures as plan_figures

    plan = make_plan(store)
    rates = compared(*plan_figures(store, plan))
    from .viz import draw

    from .export import export

    drawing = draw(store, Path(directory) / DEMO_DRAWING, scope=DEMO_SCOPE, depth=2)
    # The demo's export uses a fixed key: the seed cases' members are invented, and the demo must not print a secret.
    gexf = export(store, "gexf", Path(directory) / DEMO_GEXF, key=b"partygraph-demo")
    return DemoResult(store, store_path, data.counts(), reports, figures, drawing, N_("CBD金融中心 (CBD-FIN) in 阅海湾中央商务区, two steps out"),
                      gexf, plan, rates)
