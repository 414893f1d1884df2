"""The command line: each command parses options, calls one library function, formats the result.

Library errors (``PartygraphError``) become one message on stderr and exit status 1; ``--debug``
shows the traceback. Usage errors exit with 2 (click's convention).
"""

from __future__ import annotations

import sys
import traceback
from pathlib import Path

import click

from . import __version__
from .errors import PartygraphError

FORMATS = click.Choice(["table", "json", "csv"])


class _Group(click.Group):
    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except PartygraphError as exc:
            if ctx.params.get("debug"):
                traceback.print_exc()
            click.echo(f"partygraph: {exc}", err=True)
            ctx.exit(1)


def store_options(command):
    """``--store PATH`` / ``PARTYGRAPH_STORE`` and ``--neo4j URI`` / ``PARTYGRAPH_NEO4J_URI``."""
    command = click.option("--neo4j", "neo4j_uri", envvar="PARTYGRAPH_NEO4J_URI", metavar="URI",
                           help="Use Neo4j at URI (credentials from NEO4J_USERNAME/NEO4J_PASSWORD, "
                                "database from NEO4J_DATABASE).")(command)
    return click.option("--store", "store_path", envvar="PARTYGRAPH_STORE", metavar="PATH",
                        help="The embedded store file [default: partygraph.pgstore].")(command)


def _open(store_path: str | None, neo4j_uri: str | None):
    from .graph.store import open_store

    return open_store(store_path=store_path, neo4j_uri=neo4j_uri)


def _counts_rows(counts: dict[str, int]) -> list[dict]:
    from .graph.model import LABELS

    return [{"kind": "node" if name in LABELS else "relationship", "name": name, "count": count}
            for name, count in counts.items()]


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--debug", is_flag=True, help="Show tracebacks of errors.")
@click.version_option(__version__, prog_name="partygraph")
def main(debug: bool) -> None:
    """Party organizations, members and enterprises as a graph: load, find gaps, draw, export."""


@main.command()
@click.argument("dataset", type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=FORMATS, default="table", show_default=True)
def validate(dataset: Path, fmt: str) -> None:
    """Check DATASET (a folder of CSV files or an .xlsx workbook) without loading it."""
    from .loaders import validate_dataset
    from .output import render

    report = validate_dataset(dataset)
    if fmt == "table":
        for problem in report.problems:
            click.echo(str(problem), err=not report.ok)
        summary = f"{len(report.errors)} error(s), {len(report.problems) - len(report.errors)} warning(s)"
        click.echo(("OK: " if report.ok else "Not loadable: ") + summary, err=not report.ok)
    else:
        click.echo(render([p.to_dict() for p in report.problems], fmt,
                          ["severity", "source", "row", "column", "value", "message"]))
    sys.exit(0 if report.ok else 1)


@main.command()
@click.argument("dataset", type=click.Path(path_type=Path))
@store_options
def load(dataset: Path, store_path: str | None, neo4j_uri: str | None) -> None:
    """Replace the store's content with DATASET (all of it, or nothing if it has errors)."""
    from .loaders import validate_dataset
    from .errors import DatasetError

    report = validate_dataset(dataset)
    if report.data is None:
        raise DatasetError(report.problems)
    for problem in report.problems:
        click.echo(str(problem), err=True)
    store = _open(store_path, neo4j_uri)
    store.replace(report.data, progress=True)
    counts = report.data.counts()
    click.echo(f"Loaded {dataset} into {store.describe()}: "
               + ", ".join(f"{counts[k]} {k}" for k in ("Organization", "Member", "Enterprise", "Building", "Area")))


@main.command()
@store_options
@click.option("--format", "fmt", type=FORMATS, default="table", show_default=True)
def stats(store_path: str | None, neo4j_uri: str | None, fmt: str) -> None:
    """Count nodes per label and relationships per type."""
    from .output import render

    click.echo(render(_counts_rows(_open(store_path, neo4j_uri).counts()), fmt))


@main.command()
@click.argument("out", type=click.Path(path_type=Path))
@click.option("--enterprises", type=click.IntRange(1), default=1000, show_default=True)
@click.option("--seed", type=int, default=0, show_default=True)
def generate(out: Path, enterprises: int, seed: int) -> None:
    """Write a synthetic city dataset (CSV files in OUT); the same seed gives the same bytes."""
    from .loaders.generate import generate_city

    counts = generate_city(out, enterprises=enterprises, seed=seed)
    click.echo(f"Wrote {out}: " + ", ".join(f"{v} {k}" for k, v in counts.items() if k[0].isupper() and v))


@main.command()
def demo() -> None:
    """Load the bundled seed-case dataset (five places from the source articles) and report on it."""
    from .demo import run_demo
    from .output import table

    result = run_demo(Path.cwd())
    click.echo(f"Loaded the seed-case dataset into {result.store.path}")
    click.echo(table(_counts_rows(result.counts)))
    click.echo(f"\nExplore it: partygraph stats --store {result.store.path}")


if __name__ == "__main__":
    main()
