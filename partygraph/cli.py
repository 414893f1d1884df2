"""The command line: each command parses options, calls one library function, formats the result.

Library errors (``PartygraphError``) become one message on stderr and exit status 1; ``--debug``
shows the traceback. Usage errors exit with 2 (click's convention).
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
import sys
import traceback
from contextlib import contextmanager
from pathlib import Path

import click

from . import __version__
from .errors import PartygraphError
from .graph.subgraph import DEFAULT_MAX_NODES
from .queries import ANALYSES
from .i18n import N_, _, language_from, pgettext, set_language

# Help texts are made when the commands are defined, so the language is chosen first.
set_language(language_from())
# The Neo4j driver logs what it retries ("Unable to retrieve routing information"); what fails
# reaches the user once, as partygraph's own message.
logging.getLogger("neo4j").addHandler(logging.NullHandler())
logging.getLogger("neo4j").propagate = False

FORMATS = click.Choice(["table", "json", "csv"])


class DateType(click.ParamType):
    """A YYYY-MM-DD date, checked before any work (a bad one is a usage error, exit 2)."""

    name = "YYYY-MM-DD"

    def convert(self, value, param, ctx):
        try:
            return dt.date.fromisoformat(str(value)).isoformat()
        except ValueError:
            self.fail(_("expected a date such as 2026-11-22, not {given!r}").format(given=value), param, ctx)


class TermType(click.ParamType):
    """LEVEL=YEARS (the level in English or Chinese: branch=2, 党支部=2), checked before any work."""

    name = "LEVEL=YEARS"

    def convert(self, value, param, ctx):
        from .loaders.spec import vocabulary_lookup

        level, _eq, years = str(value).partition("=")
        found = vocabulary_lookup("Organization", "level").get(level.strip().casefold())
        if found is None or not years.strip().isdigit() or not 1 <= int(years) <= 10:
            self.fail(_("expected LEVEL=YEARS such as branch=3 or 党支部=3, not {given!r}").format(given=value), param, ctx)
        return found, int(years)


class BaseType(click.ParamType):
    """all, with_members or min_employees:N, checked before any work."""

    name = "all|with_members|min_employees:N"

    def convert(self, value, param, ctx):
        from .errors import UsageError
        from .queries.coverage import options

        try:
            options(value)
        except UsageError as exc:
            self.fail(str(exc), param, ctx)
        return value


DATE = DateType()
#: ``--format``, declared once for every command that prints rows.
FORMAT_OPTION = click.option("--format", "fmt", type=FORMATS, default="table", show_default=True,
                             help=_("table for people; json or csv for programs."))


class _Group(click.Group):
    """Every failure one message on stderr and exit status 1, whatever layer raised it; the
    traceback only with --debug. Usage errors stay click's (exit 2)."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except (click.exceptions.ClickException, click.exceptions.Exit, click.exceptions.Abort):
            raise
        except BrokenPipeError:             # the reader stopped (| head): nothing more to say to it
            import os

            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            ctx.exit(0)
        except Exception as exc:            # noqa: BLE001 - every failure ends here, as one message
            message = _message(exc)
            if ctx.params.get("debug"):
                traceback.print_exception(exc)
        click.echo(f"partygraph: {message}", err=True)
        ctx.exit(1)


def _message(exc: Exception) -> str:
    """What the user reads of a failure: the library's own message, a file the system refused,
    or, for a fault in partygraph, what it was and how to report it."""
    if isinstance(exc, PartygraphError):
        return str(exc)
    if isinstance(exc, OSError):
        return (f"{exc.filename}: " if exc.filename else "") + (exc.strerror or str(exc))
    return _("unexpected error ({kind}: {reason}); this is a fault in partygraph: run the command again "
             "with --debug and report what it shows").format(kind=type(exc).__name__,
                                                             reason=str(exc).splitlines()[0] if str(exc) else "")


def _set_language(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value:
        set_language(value)
    return value


def _choose_store(store_path: str | None, neo4j_uri: str | None) -> tuple[str | None, str | None]:
    """What the command line says beats the environment; both on the command line is a usage error."""
    if not (store_path and neo4j_uri):
        return store_path, neo4j_uri
    ctx = click.get_current_context()
    from_line = {name: ctx.get_parameter_source(name) == click.core.ParameterSource.COMMANDLINE
                 for name in ("store_path", "neo4j_uri")}
    if all(from_line.values()):
        raise click.UsageError(_("give --store or --neo4j, not both"))
    return (store_path, None) if from_line["store_path"] else (None, neo4j_uri)


def store_options(command):
    """``--store PATH`` / ``PARTYGRAPH_STORE`` and ``--neo4j URI`` / ``PARTYGRAPH_NEO4J_URI``."""
    original = command

    @functools.wraps(original)
    def command(*args, **kwargs):
        kwargs["store_path"], kwargs["neo4j_uri"] = _choose_store(kwargs["store_path"], kwargs["neo4j_uri"])
        return original(*args, **kwargs)

    command = click.option("--neo4j", "neo4j_uri", envvar="PARTYGRAPH_NEO4J_URI", metavar="URI",
                           help=_("Use Neo4j at URI (credentials from NEO4J_USERNAME/NEO4J_PASSWORD, "
                                  "database from NEO4J_DATABASE)."))(command)
    return click.option("--store", "store_path", envvar="PARTYGRAPH_STORE", metavar="PATH",
                        help=_("The embedded store file [default: partygraph.pgstore]."))(command)


@contextmanager
def progress_bar(label: str):
    """A callback for the library's progress, drawn with ``click.progressbar`` on stderr when it
    is a terminal; ``None`` (nothing drawn, nothing computed for it) otherwise."""
    if not sys.stderr.isatty():
        yield None
        return
    bars: list = []

    def report(done: int, total: int, what: str) -> None:
        if not bars:
            bars.append(click.progressbar(length=total, label=label, file=sys.stderr, show_pos=True).__enter__())
        bar = bars[0]
        bar.label = f"{label} {what}"
        bar.update(done - bar.pos)

    try:
        yield report
    finally:
        if bars:
            bars[0].__exit__(None, None, None)


def _open(store_path: str | None, neo4j_uri: str | None, as_of: str | None = None, reading: bool = True):
    """The store, closed (its driver with it) when the command ends, whatever way it ends; a command
    that reads answers from the register in force at ``as_of`` (default today)."""
    from .graph.periods import warning_text
    from .graph.store import open_store

    store = open_store(store_path=store_path, neo4j_uri=neo4j_uri)
    click.get_current_context().call_on_close(store.close)
    if reading:
        choice = store.use(as_of)
        if choice.before_all:
            click.echo(_("partygraph: warning: {text}").format(text=warning_text(choice)), err=True)
    return store


def as_of_option(command):
    """``--as-of DATE``: the register in force then, and the day dates are judged at."""
    return click.option("--as-of", "as_of", type=DATE, metavar="YYYY-MM-DD",
                        help=_("Answer from the register in force on this date (the latest loaded on or before it) "
                               "and judge dates (lost contact, terms) at it [default: today]."))(command)


def _counts_rows(counts: dict[str, int], for_people: bool = False) -> list[dict]:
    """Nodes per label and relationships per type; ``for_people``: in the user's language."""
    from .graph.model import LABELS
    from .output import LABEL_WORDS

    kinds = {True: N_("node"), False: N_("relationship")}
    if for_people:
        return [{"kind": _(kinds[name in LABELS]), "name": _(LABEL_WORDS[name]), "count": count}
                for name, count in counts.items()]
    return [{"kind": kinds[name in LABELS], "name": name, "count": count} for name, count in counts.items()]


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]},
             help=_("Party organizations, members and enterprises as a graph: load, find gaps, draw, export."))
@click.option("--debug", is_flag=True, help=_("Show tracebacks of errors."))
@click.option("--lang", type=click.Choice(["zh", "en"]), is_eager=True, expose_value=False, callback=_set_language,
              envvar="PARTYGRAPH_LANG", help=_("Language of messages and reports [default: zh]."))
@click.version_option(__version__, prog_name="partygraph")
def main(debug: bool) -> None:
    pass


def reading_options(command):
    """``--header-row N`` and ``--encoding NAME``: where guessing a register's layout fails."""
    command = click.option("--encoding", metavar="NAME",
                           help=_("Encoding of the CSV files (e.g. gbk, utf-8) [default: detected].")
                           )(command)
    command = click.option("--max-input-mb", "max_input_mb", type=click.IntRange(1), default=2048, show_default=True,
                           help=_("Refuse files (and workbooks whose parts inflate) beyond this many MiB."))(command)
    return click.option("--header-row", "header_row", type=click.IntRange(1), metavar="N",
                        help=_("The header's row number, as Excel shows it [default: found].")
                        )(command)


@main.command(help=_("Check DATASET (a folder of CSV files or an .xlsx/.xls workbook) without loading it."))
@click.argument("dataset", type=click.Path(path_type=Path))
@reading_options
@FORMAT_OPTION
def validate(dataset: Path, header_row: int | None, encoding: str | None, max_input_mb: int, fmt: str) -> None:
    from .loaders import validate_dataset
    from .output import render

    report = validate_dataset(dataset, header_row=header_row, encoding=encoding, max_bytes=max_input_mb << 20)
    if fmt == "table":
        click.echo(validation_text(report), err=not report.ok)
    else:
        click.echo(render([p.to_dict() for p in report.problems], fmt,
                          ["severity", "source", "row", "column", "value", "message"]))
    sys.exit(0 if report.ok else 1)


def validation_text(report) -> str:
    """What ``validate`` prints: how each table was read, then errors, then warnings, then the verdict."""
    lines = []
    for title, problems in ((_("How the register was read"), report.notes), (_("Errors"), report.errors),
                            (_("Warnings"), report.warnings)):
        if problems:
            lines.append(f"== {title} ==")
            lines += [str(p) for p in problems]
    summary = _("{errors} error(s), {warnings} warning(s)").format(errors=len(report.errors),
                                                                 warnings=len(report.warnings))
    lines.append((_("OK: ") if report.ok else _("Not loadable: ")) + summary)
    return "\n".join(lines)


@main.command(help=_("Keep DATASET as the register of a date (all of it, or nothing if it has errors); the registers "
                     "of other dates stay, one of the same date is replaced."))
@click.argument("dataset", type=click.Path(path_type=Path))
@click.option("--as-of", "as_of", type=DATE, metavar="YYYY-MM-DD",
              help=_("The register's date (截至日期) [default: the date its title rows state (截至…, 填报日期…), "
                     "else today]."))
@reading_options
@store_options
def load(dataset: Path, as_of: str | None, header_row: int | None, encoding: str | None, max_input_mb: int,
         store_path: str | None, neo4j_uri: str | None) -> None:
    from .loaders import validate_dataset
    from .errors import DatasetError

    from .output import LABEL_WORDS

    report = validate_dataset(dataset, header_row=header_row, encoding=encoding, max_bytes=max_input_mb << 20)
    if report.data is None:
        raise DatasetError(report.problems)
    for problem in report.warnings:
        click.echo(str(problem), err=True)
    from .graph.periods import today

    day = as_of or report.stated_date or today()
    store = _open(store_path, neo4j_uri, reading=False)
    from .registers import keep_register

    with progress_bar(_("loading")) as progress:
        keep_register(store, report.data, day, progress=progress)
    counts = report.data.counts()
    click.echo(_("Loaded {dataset} into {store} as the register of {date}: ").format(
        dataset=dataset, store=store.describe(), date=day)
               + ", ".join(f"{counts[k]} {_(LABEL_WORDS[k])}" for k in ("Organization", "Member", "Enterprise", "Building", "Area")))


@main.command(help=_("Write an empty register to fill: one sheet per kind, Chinese headers, drop-down lists "
                     "and an instructions sheet."))
@click.option("--out", required=True, type=click.Path(path_type=Path), help=_("The .xlsx file to write."))
def template(out: Path) -> None:
    from .loaders.template import write_template

    click.echo(_("Wrote {path}").format(path=write_template(out)))


@main.command(help=_("Count nodes per label and relationships per type."))
@store_options
@as_of_option
@FORMAT_OPTION
def stats(store_path: str | None, neo4j_uri: str | None, as_of: str | None, fmt: str) -> None:
    from .output import render

    click.echo(render(_counts_rows(_open(store_path, neo4j_uri, as_of).counts(), for_people=fmt == "table"), fmt))


@main.command(help=_("The registers the store keeps, one a date, with their counts; --drop removes one."))
@store_options
@click.option("--drop", type=DATE, metavar="YYYY-MM-DD", help=_("Remove the register of this date."))
@FORMAT_OPTION
def periods(store_path: str | None, neo4j_uri: str | None, drop: str | None, fmt: str) -> None:
    from .output import LABEL_WORDS, render

    store = _open(store_path, neo4j_uri, reading=False)
    if drop:
        store.drop(drop)
        click.echo(_("Removed the register of {date} from {store}").format(date=drop, store=store.describe()), err=fmt != "table")
    names = ("Organization", "Member", "Enterprise", "Building", "Area", "PAIRED_WITH")
    rows = [{"as_of": p.as_of, **{name: p.counts.get(name, 0) for name in names}} for p in store.periods()]
    if fmt == "table":
        headers = {"as_of": _("date")} | {name: _(LABEL_WORDS[name]) for name in names}
        click.echo(render([{headers[k]: v for k, v in row.items()} for row in rows], "table") if rows
                   else _("the store holds no register; run 'partygraph load DATASET' first"))
    else:
        click.echo(render(rows, fmt, ["as_of", *names]))


@main.command(help=_("Remove the registers of the dates before DATE, and every trace of anyone found only in them "
                     "(the store is written anew, so nothing of them stays in its file)."))
@store_options
@click.option("--before", required=True, type=DATE, metavar="YYYY-MM-DD", help=_("Keep the registers of this date and later."))
def forget(store_path: str | None, neo4j_uri: str | None, before: str) -> None:
    store = _open(store_path, neo4j_uri, reading=False)
    gone = store.forget(before)
    click.echo(_("Removed {count} register(s) from {store}: {dates}").format(
        count=len(gone), store=store.describe(), dates=", ".join(gone) or "-"))


@main.command(help=_("Write a synthetic city dataset (CSV files in OUT); the same seed gives the same bytes. With "
                     "--periods N, N quarterly registers of one city changing over time, each in OUT/<date>/."))
@click.argument("out", type=click.Path(path_type=Path))
@click.option("--enterprises", type=click.IntRange(1), default=1000, show_default=True)
@click.option("--seed", type=int, default=0, show_default=True)
@click.option("--periods", type=click.IntRange(1, 64), default=1, show_default=True,
              help=_("How many quarterly registers to write (the last one at 2026-06-30)."))
@click.option("--churn", type=click.FloatRange(0, 1), default=0.05, show_default=True,
              help=_("With --periods: the share of the city that changes each quarter."))
def generate(out: Path, enterprises: int, seed: int, periods: int, churn: float) -> None:
    from .output import LABEL_WORDS

    if periods > 1:
        from .loaders.history import generate_history

        dates = generate_history(out, enterprises=enterprises, periods=periods, churn=churn, seed=seed)
        click.echo(_("Wrote {count} quarterly registers in {path}: {first} … {last}").format(
            count=len(dates), path=out, first=dates[0], last=dates[-1]))
        return
    from .loaders.generate import generate_city

    counts = generate_city(out, enterprises=enterprises, seed=seed)
    click.echo(_("Wrote {path}").format(path=out) + ": "
               + ", ".join(f"{v} {_(LABEL_WORDS.get(k, k))}" for k, v in counts.items() if k[0].isupper() and v))


#: Columns shown in tables (JSON and CSV carry every column); rule texts are listed below the table.
TABLE_COLUMNS = {
    "gaps enterprises": ["id", "name", "building_id", "coverage", "full_members", "employees", "action",
                         "joint_branches_with_room"],
    "gaps members": ["id", "name", "reasons", "employer_id", "suggested_org_id", "registered_at", "last_contact"],
    "coverage": ["place_label", "place_id", "place_name", "enterprises", "org_covered", "work_covered",
                 "org_coverage_rate", "work_coverage_rate"],
    "check": ["check", "label", "id", "name", "count", "related", "due"],
    "gaps pairings": ["id", "name", "area_id", "candidates"],
    "gaps transfers": ["id", "name", "employer_name", "registered_at", "suggested_org_id", "months_at_employer"],
}


#: Rows a table shows unless --limit or --all says otherwise; nobody reads a city's 231k rows.
TABLE_ROWS = 50


def report(name: str, rows: list[dict], total: int | None = None) -> str:
    """The table of an analysis's first rows, the rules they cite, and a closing line saying how
    many more there are and how to see them."""
    from .output import render
    from .queries.rules import SEPARATOR

    total = len(rows) if total is None else total
    lines = [render(rows, "table", TABLE_COLUMNS[name])]
    if total > len(rows):
        nouns = {"gaps enterprises": pgettext("count", "enterprises"), "gaps members": pgettext("count", "members"),
                 "gaps transfers": pgettext("count", "members")}
        lines.append(_("… {count} more {noun}; --all or --format json shows them all").format(
            count=f"{total - len(rows):,}", noun=nouns.get(name) or pgettext("count", "rows")))
    if name == "coverage" and rows:
        lines.append(_("base: {base} (rates count the enterprises of this base; see --base)").format(base=rows[0]["base"]))
    rules = sorted({part for row in rows for part in (row.get("rule") or "").split(SEPARATOR) if part})
    lines += [_("rule: {rule}").format(rule=rule) for rule in rules]
    return "\n".join(lines)


def report_options(command):
    """``--format``, ``--limit N`` and ``--all``, the same on every report."""
    command = click.option("--all", "show_all", is_flag=True,
                           help=_("Show every row in a table (tables show the first 50)."))(command)
    command = click.option("--limit", type=click.IntRange(1), metavar="N",
                           help=_("Only the first N rows, most urgent first (JSON and CSV give every row without it)."))(command)
    return FORMAT_OPTION(command)


def _rows_wanted(fmt: str, limit: int | None, show_all: bool) -> int | None:
    if show_all:
        return None
    return limit if limit is not None or fmt != "table" else TABLE_ROWS


def _write_json(chunks) -> None:
    """JSON on standard output as the UTF-8 bytes it is, whatever the console's code page."""
    click.get_text_stream("stdout").flush()
    binary = click.get_binary_stream("stdout")
    pending = iter(chunks)
    try:
        for chunk in pending:
            binary.write(chunk)
    finally:                                    # a failed write ends the rows' source too (its copy, its pipe)
        getattr(pending, "close", lambda: None)()
    binary.flush()


def _emit(rows: list[dict], fmt: str, columns: list[str]) -> None:
    """Every row as JSON or CSV on standard output."""
    from .output import json_chunks, stream

    if fmt == "json":
        _write_json(json_chunks(rows))
    else:
        stream(rows, fmt, columns, click.get_text_stream("stdout").write)


def _analysis(name: str, store_path: str | None, neo4j_uri: str | None, fmt: str, limit: int | None,
              show_all: bool, as_of: str | None = None, **options) -> None:
    from .queries import ANALYSES, analysis_json, analysis_page

    store = _open(store_path, neo4j_uri, as_of)
    if ANALYSES[name].takes_as_of:
        options["as_of"] = as_of
    wanted = _rows_wanted(fmt, limit, show_all)
    if fmt == "json" and wanted is None:
        _write_json(analysis_json(store, name, **options))
        return
    page = analysis_page(store, name, wanted, **options)
    if fmt == "table":
        click.echo(report(name, page.rows, page.total))
    else:
        _emit(page.rows, fmt, ANALYSES[name].columns)


@main.group(help=_("Where organizations do not reach: enterprises, members, pairings."))
def gaps() -> None:
    pass


PLACE = click.option("--place", metavar="ID", help=_("Only this building, or this area with every area below it."))


@gaps.command("enterprises", help=_("Enterprises without organizational coverage, most urgent first, with the action and its rule."))
@store_options
@as_of_option
@PLACE
@report_options
def gaps_enterprises(store_path: str | None, neo4j_uri: str | None, as_of: str | None, place: str | None, fmt: str,
                     limit: int | None, show_all: bool) -> None:
    _analysis("gaps enterprises", store_path, neo4j_uri, fmt, limit, show_all, as_of, place=place)


@gaps.command("members", help=_("Isolated mobile members and members out of contact for over six months, with a suggested home. With --place, the members working there (members with no employer are in no place)."))
@store_options
@as_of_option
@PLACE
@report_options
def gaps_members(store_path: str | None, neo4j_uri: str | None, as_of: str | None, place: str | None,
                 fmt: str, limit: int | None, show_all: bool) -> None:
    _analysis("gaps members", store_path, neo4j_uri, fmt, limit, show_all, as_of, place=place)


@gaps.command("transfers", help=_("Members who work in a unit of the register but whose organizational relationship is "
                                  "elsewhere: who should transfer it in, and to which organization."))
@store_options
@as_of_option
@PLACE
@report_options
def gaps_transfers(store_path: str | None, neo4j_uri: str | None, as_of: str | None, place: str | None,
                   fmt: str, limit: int | None, show_all: bool) -> None:
    _analysis("gaps transfers", store_path, neo4j_uri, fmt, limit, show_all, as_of, place=place)


@gaps.command("pairings", help=_("Two-new organizations without a co-construction partner, with candidate partners nearby."))
@store_options
@as_of_option
@report_options
def gaps_pairings(store_path: str | None, neo4j_uri: str | None, as_of: str | None, fmt: str, limit: int | None,
                  show_all: bool) -> None:
    _analysis("gaps pairings", store_path, neo4j_uri, fmt, limit, show_all, as_of)


@main.command(help=_("Organizational and work coverage rates per building and area."))
@store_options
@as_of_option
@click.option("--base", default="all", show_default=True, type=BaseType(),
              help=_("Which enterprises the rates count."))
@report_options
def coverage(store_path: str | None, neo4j_uri: str | None, as_of: str | None, base: str, fmt: str, limit: int | None,
             show_all: bool) -> None:
    _analysis("coverage", store_path, neo4j_uri, fmt, limit, show_all, as_of, base=base)


@main.command(help=_("The coverage statistics of the annual report (两新组织党组织覆盖情况): units by kind with and "
                     "without a party organization, and their members, for the whole register and each area."))
@store_options
@as_of_option
@click.option("--compare", type=DATE, metavar="YYYY-MM-DD",
              help=_("Also give each figure in the register in force on this date, and the change (上期, 增减)."))
@click.option("--place", metavar="ID", help=_("Only this area's rows (its figures count every area below it)."))
@click.option("--out", type=click.Path(path_type=Path), metavar="FILE.xlsx",
              help=_("Also write the tables as a workbook laid out like the official forms."))
@report_options
def statistics(store_path: str | None, neo4j_uri: str | None, as_of: str | None, compare: str | None, place: str | None,
               out: Path | None, fmt: str, limit: int | None, show_all: bool) -> None:
    from .queries.statistics import KEYS, MEMBER_COLUMNS, UNIT_COLUMNS, statistics as compute
    from .queries.gaps_members import iso_date

    store = _open(store_path, neo4j_uri, as_of)
    if compare:
        from .queries.trend import FIGURES, compare as compared

        rows = compared(store, as_of, compare, area=place)
        columns = KEYS + [f"{key}{end}" for key in FIGURES for end in ("", "_before", "_change")] + ["compare_as_of"]
    else:
        rows = compute(store, as_of=as_of, area=place)
        columns = KEYS + UNIT_COLUMNS + MEMBER_COLUMNS
    if out is not None:
        from .export.statistics_xlsx import write_statistics

        unit = next((r["place_name"] or r["place_id"] for r in rows), None) if place else None
        write_statistics(rows, out, iso_date(as_of), unit or _("whole register"))
        click.echo(_("Wrote {path}").format(path=out), err=fmt != "table")
    wanted = _rows_wanted(fmt, limit, show_all)
    shown = rows if wanted is None else rows[:wanted]
    if fmt == "table":
        click.echo(statistics_text(shown, len(rows)))
    else:
        _emit(shown, fmt, columns)


@main.command(help=_("The coverage statistics of every register the store keeps, period by period, each judged at "
                     "its own date; --out writes a workbook with a line chart of the two rates, or the chart as SVG."))
@store_options
@click.option("--place", metavar="ID", help=_("Only this area's rows (its figures count every area below it)."))
@click.option("--from", "start", type=DATE, metavar="YYYY-MM-DD", help=_("The first period shown [default: the earliest]."))
@click.option("--to", "end", type=DATE, metavar="YYYY-MM-DD", help=_("The last period shown [default: the latest]."))
@click.option("--out", type=click.Path(path_type=Path), metavar="FILE.xlsx|FILE.svg",
              help=_("Also write the trend: a workbook with its chart (.xlsx) or the chart alone (.svg)."))
@FORMAT_OPTION
def trend(store_path: str | None, neo4j_uri: str | None, place: str | None, start: str | None, end: str | None,
          out: Path | None, fmt: str) -> None:
    from .export.trend_chart import SUMMARY, summary
    from .output import render
    from .queries.statistics import KEYS, MEMBER_COLUMNS, UNIT_COLUMNS
    from .queries.trend import trend as compute

    if out is not None and out.suffix.lower() not in (".xlsx", ".svg"):
        raise click.BadParameter(_("expected a file ending in .xlsx or .svg, not {given!r}").format(given=out.name),
                                 param_hint="--out")
    rows = compute(_open(store_path, neo4j_uri), area=place, start=start, end=end)
    name = next((r["place_name"] or r["place_id"] for r in rows), None) if place else None
    if out is not None:
        from .export.trend_chart import write_trend_svg, write_trend_workbook

        (write_trend_svg if out.suffix.lower() == ".svg" else write_trend_workbook)(rows, out, name or _("whole register"))
        click.echo(_("Wrote {path}").format(path=out), err=fmt != "table")
    if fmt == "table":
        click.echo(render(summary(rows), "table", SUMMARY) if rows else _("the store holds no register in that time"))
    else:
        _emit(rows, fmt, ["period"] + KEYS + UNIT_COLUMNS + MEMBER_COLUMNS)


@main.command(help=_("A plan that closes the gaps: which units found a branch, join an existing joint branch or form a "
                     "new one, which get an instructor; the most units covered with the fewest new organizations "
                     "(proved optimal), and the coverage rates now and after."))
@store_options
@as_of_option
@PLACE
@click.option("--max-units", type=click.IntRange(1), default=5, show_default=True,
              help=_("The most units a joint branch covers, counting those it has."))
@click.option("--instructor-load", type=click.IntRange(1), default=5, show_default=True,
              help=_("The most units an instructor guides, counting those guided now."))
@click.option("--out", type=click.Path(path_type=Path), metavar="FILE.xlsx",
              help=_("Also write the plan as a workbook for the committee: a sheet per street, the rates before and after."))
@click.option("--apply", "apply_to", type=click.Path(path_type=Path), metavar="FOLDER",
              help=_("Also write the register with the plan carried out, as CSV files load reads."))
@report_options
def plan(store_path: str | None, neo4j_uri: str | None, as_of: str | None, place: str | None, max_units: int,
         instructor_load: int, out: Path | None, apply_to: Path | None, fmt: str, limit: int | None,
         show_all: bool) -> None:
    from .gcpause import keep_until_exit
    from .queries.plan import COLUMNS, make_plan
    from .queries.plan_figures import compared, figures

    if out is not None and out.suffix.lower() != ".xlsx":
        raise click.BadParameter(_("expected a file ending in .xlsx, not {given!r}").format(given=out.name),
                                 param_hint="--out")
    store = _open(store_path, neo4j_uri, as_of)
    with progress_bar(_("planning")) as progress:
        made = make_plan(store, as_of=as_of, place=place, max_units=max_units, instructor_load=instructor_load,
                         progress=progress)
    keep_until_exit()
    rates = compared(*figures(store, made))
    err = fmt != "table"
    if out is not None:
        from .export.plan_xlsx import write_plan

        write_plan(made, rates, out)
        click.echo(_("Wrote {path}").format(path=out), err=err)
    if apply_to is not None:
        from .export.dataset import write_dataset
        from .queries.plan_apply import applied

        write_dataset(applied(store.read(), made), apply_to)
        click.echo(_("Wrote {path}").format(path=apply_to), err=err)
    wanted = _rows_wanted(fmt, limit, show_all)
    shown = made.proposals if wanted is None else made.proposals[:wanted]
    if fmt == "table":
        click.echo(plan_text(made, shown, rates))
    else:
        _emit(shown, fmt, COLUMNS)


#: Areas whose rates a plan's table shows before saying how to see the rest.
PLAN_FIGURE_ROWS = 20


def plan_text(made, shown: list[dict], rates: list[dict]) -> str:
    """The proposals by street and building, how many more, the summary and the rates now → after."""
    from .output import render

    names = made.places.names
    rows = [{"street": names.get(f"Area:{p['region_id']}") or p["region_id"] or "-",
             "building": names.get(f"Building:{p['building_id']}") or p["building_id"] or "-",
             "proposal": p["proposal"], "org_id": p["org_id"], "unit_names": "、".join(p["enterprise_names"]),
             "full_members": p["full_members"],
             "instructor_id": (p["instructor_id"] or _("new instructor needed")) if p["proposal"] == "send_instructor" else ""}
            for p in shown]
    lines = [render(rows, "table", ["street", "building", "proposal", "org_id", "unit_names", "full_members", "instructor_id"])
             if rows else _("no enterprise is without an organization")]
    if len(made.proposals) > len(shown):
        lines.append(_("… {count} more {noun}; --all or --format json shows them all").format(
            count=f"{len(made.proposals) - len(shown):,}", noun=pgettext("count", "proposals")))
    lines += ["", plan_summary_text(made, rates)]
    lines += [_("rule: {rule}").format(rule=rule) for rule in sorted({p["rule"] for p in made.proposals})]
    return "\n".join(lines)


def plan_summary_text(made, rates: list[dict], rows: int = PLAN_FIGURE_ROWS) -> str:
    """What the plan does in one line, the coverage rates now and after of the places it reaches
    (the first ``rows``), and the new instructors needed per area."""
    from .output import table
    from .queries.plan import new_instructors

    summary = made.summary()
    lines = [_("{units} units without an organization: {covered} covered by the plan with {new} new organizations "
                    "({own} branches, {joint} joint branches) and {joining} joining existing joint branches; "
                    "{existing} get an instructor who is there now, {needed} new instructors are needed").format(
        units=summary["gap_units"], covered=summary["units_covered"], new=summary["new_organizations"],
        own=summary["found_branch"], joint=summary["new_joint_branch"], joining=summary["units_joining"],
        existing=summary["instructors_existing"], needed=summary["instructors_needed"])]
    planned = made.areas()
    figures = [{**r, "place": r["place_name"] or r["place_id"] or _("whole register")} for r in rates if r["place_id"] in planned]
    lines += ["", table(figures[:rows], ["place", "units", "org_rate", "org_rate_after", "work_rate", "work_rate_after"])]
    if len(figures) > rows:
        lines.append(_("… {count} more areas; --out writes them all").format(count=f"{len(figures) - rows:,}"))
    lines.append(_("base: every non-public enterprise, social organization and individual business of the place "
                   "(rates count them all)"))
    needed = new_instructors(made)
    if needed:
        lines.append(_("new instructors needed: {places}").format(places="; ".join(
            f"{row['place_name'] or row['place_id'] or '-'} {row['instructors']}" for row in needed[:10])
            + (" …" if len(needed) > 10 else "")))
    return "\n".join(lines)


def statistics_text(rows: list[dict], total: int) -> str:
    """The units table and the members table, places by name, rows by their words."""
    from .export.statistics_xlsx import ROW_WORDS
    from .output import table

    def named(row: dict) -> dict:
        return {**row, "place": row["place_name"] or row["place_id"] or _("whole register"), "category": _(ROW_WORDS[row["row"]])}

    units = [named(r) for r in rows if r["table"] == "units"]
    members = [named(r) for r in rows if r["table"] == "members"]
    lines = [table(units, ["place", "category", "units", "org_covered", "org_single", "org_joint", "uncovered", "uncovered_3plus",
                           "uncovered_1_2", "uncovered_none", "work_covered", "org_rate", "work_rate"]), "",
             table(members, ["place", "members", "full", "probationary", "mobile", "not_transferred", "lost_contact",
                             "lost_6m_1y", "lost_1y_5y", "lost_5y_10y", "lost_10y_plus"])]
    if total > len(rows):
        lines.append(_("… {count} more {noun}; --all or --format json shows them all").format(
            count=f"{total - len(rows):,}", noun=pgettext("count", "rows")))
    lines.append(_("base: every non-public enterprise, social organization and individual business of the place "
                   "(rates count them all)"))
    return "\n".join(lines)


@main.command(help=_("What changed between two registers: records added and removed, coverage gained and lost, "
                     "transfers, members found or out of contact, pairings, changed properties; losses first."))
@store_options
@click.option("--from", "start", type=DATE, metavar="YYYY-MM-DD",
              help=_("The earlier register: the one in force on this date [default: the one before the later]."))
@click.option("--to", "end", type=DATE, metavar="YYYY-MM-DD",
              help=_("The later register: the one in force on this date [default: the latest]."))
@click.option("--place", metavar="ID", help=_("Only what lies in this area or building (with every area below it)."))
@report_options
def changes(store_path: str | None, neo4j_uri: str | None, start: str | None, end: str | None, place: str | None,
            fmt: str, limit: int | None, show_all: bool) -> None:
    from .output import render, table
    from .queries.changes import COLUMNS, changes as compute

    wanted = _rows_wanted(fmt, limit, show_all)
    found = compute(_open(store_path, neo4j_uri, end), start, end, place, wanted)
    shown = found.rows
    if fmt != "table":
        _emit(shown, fmt, COLUMNS)
        return
    click.echo(_("Changes from the register of {first} to the register of {second}{place}").format(
        first=found.first, second=found.second, place=f" ({place})" if place else ""))
    counts = [{"change": kind, "count": n} for kind, n in found.counts().items()]
    click.echo(table(counts, ["change", "count"]) if counts else _("no change"))
    if shown:
        click.echo("")
        click.echo(render(shown, "table", COLUMNS))
    if found.total > len(shown):
        click.echo(_("… {count} more {noun}; --all or --format json shows them all").format(
            count=f"{found.total - len(shown):,}", noun=pgettext("count", "rows")))


@main.command(help=_("Rule checks: oversized joint branches and branches, missing secretaries and superiors, cycles, pairings."))
@store_options
@as_of_option
@click.option("--term", "terms", multiple=True, type=TermType(), metavar="LEVEL=YEARS",
              help=_("A term of office other than the default for a level (committee 5 years; general_branch, "
                     "branch, joint_branch 3; organizations based in a community 5), e.g. --term branch=2; repeatable."))
@report_options
def check(store_path: str | None, neo4j_uri: str | None, as_of: str | None, terms: tuple, fmt: str,
          limit: int | None, show_all: bool) -> None:
    _analysis("check", store_path, neo4j_uri, fmt, limit, show_all, as_of, terms=dict(terms))


@main.command(help=_("Draw the structure as one HTML page that opens offline (pyvis, vis-network inlined)."))
@store_options
@click.option("--out", required=True, type=click.Path(path_type=Path), help=_("The HTML file to write."))
@click.option("--scope", metavar="ID", help=_("An area, building, organization or enterprise id (or Label:id)."))
@click.option("--depth", type=click.IntRange(0), default=2, show_default=True, help=_("Steps out from the scope."))
@click.option("--view", type=click.Choice(["structure", "hierarchy", "pairings"]), default="structure", show_default=True)
@click.option("--max-nodes", type=click.IntRange(1), default=DEFAULT_MAX_NODES, show_default=True,
              help=_("Refuse to draw more nodes than this (members beyond 1,500 nodes are counted, not drawn)."))
@as_of_option
@click.option("--changes-since", "changes_since", type=DATE, metavar="YYYY-MM-DD",
              help=_("Mark what was added, removed (drawn as ghosts) and changed since the register in force on this date."))
@click.option("--plan", "with_plan", is_flag=True,
              help=_("Also draw what the plan to close the gaps proposes: new organizations dashed, with their units."))
def draw(store_path, neo4j_uri, out: Path, scope, depth: int, view: str, max_nodes: int, as_of,
         changes_since: str | None, with_plan: bool) -> None:
    from .viz import draw as draw_page

    with progress_bar(_("drawing")) as progress:
        drawing = draw_page(_open(store_path, neo4j_uri, as_of), out, scope=scope, depth=depth, view=view,
                            max_nodes=max_nodes, as_of=as_of, progress=progress, changes_since=changes_since,
                            plan=with_plan)
    click.echo(_("Wrote {path}: {nodes} nodes, {edges} relationships, {gaps} gaps marked").format(
        path=drawing.path, nodes=drawing.nodes, edges=drawing.edges, gaps=drawing.gaps))


@main.command("export", help=_("Export for research (Gephi, networkx, R, igraph); members pseudonymized unless --no-pseudonymize. The pseudonym key comes from --key-file or PARTYGRAPH_PSEUDONYM_KEY; without them a new random key is kept in a file readable by you only, whose path is shown."))
@store_options
@click.option("--format", "fmt", type=click.Choice(["graphml", "gexf", "json", "csv", "neo4j-admin"]), required=True,
              help=_("graphml/gexf for Gephi, json for networkx, csv for R and spreadsheets, neo4j-admin for a bulk "
                     "import into Neo4j (a folder)."))
@click.option("--out", required=True, type=click.Path(path_type=Path), help=_("File to write (a folder for csv)."))
@click.option("--scope", metavar="ID", help=_("Only what is within --depth steps of this id."))
@click.option("--depth", type=click.IntRange(0), default=2, show_default=True)
@click.option("--no-pseudonymize", "real", is_flag=True, help=_("Export members' real names and ids."))
@click.option("--key-file", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help=_("The pseudonym key of an earlier export, to link this one to it."))
@click.option("--coarsen-dates/--exact-dates", default=True, show_default=True,
              help=_("Keep only the year of members' dates (joined, last contact, at the employer since)."))
@click.option("--history", is_flag=True, help=_("Every register the store keeps at once: each node and relationship "
                                              "with the periods it is in (GEXF: dynamic, for Gephi's timeline)."))
@as_of_option
def export_command(store_path, neo4j_uri, fmt: str, out: Path, scope, depth: int, real: bool, key_file: Path | None,
                   coarsen_dates: bool, history: bool, as_of: str | None) -> None:
    from .export import export

    if real or fmt == "neo4j-admin":
        click.echo(_("partygraph: warning: exporting members' real names, ids and dates (--no-pseudonymize)"), err=True)
    with progress_bar(_("exporting")) as progress:
        done = export(_open(store_path, neo4j_uri, as_of), fmt, out, pseudonymize=not real, scope=scope, depth=depth,
                      key_file=key_file, coarsen_dates=coarsen_dates, progress=progress, history=history)
    if done.key_file:
        click.echo(_("partygraph: the pseudonym key is kept in {path} (readable by you only); give --key-file {path} "
                     "to link a later export to this one").format(path=done.key_file), err=True)
    if done.pseudonymized:
        click.echo(_("partygraph: {unique} of {members} pseudonymized members are the only one with their employer, "
                     "organization and dates: someone who knows those could tell who they are; share the export "
                     "accordingly").format(unique=done.unique_members, members=done.members), err=True)
    click.echo(_("Wrote {path}: {nodes} nodes, {edges} relationships").format(path=done.path, nodes=done.nodes,
                                                                             edges=done.edges)
               + (_(", members pseudonymized") if done.pseudonymized else _(", REAL member data")))
    if done.command:
        click.echo(_("With the database stopped, import them with:\n  {command}\nthen create the constraints and "
                     "indexes: cypher-shell -f {schema}").format(command=done.command,
                                                               schema=Path(done.path) / "schema.cypher"))


@main.group(help=_("Network analyses computed with networkx."))
def analyze() -> None:
    pass


@analyze.command("pairings", help=_("The co-construction network: components, degree, betweenness, bridges, cut points, the unpaired."))
@store_options
@as_of_option
@report_options
def analyze_pairings(store_path, neo4j_uri, as_of: str | None, fmt: str, limit: int | None, show_all: bool) -> None:
    from .output import render
    from .queries.pairing_network import COLUMNS, pairing_network

    rows = pairing_network(_open(store_path, neo4j_uri, as_of))
    wanted = _rows_wanted(fmt, limit, show_all)
    if fmt != "table":
        _emit(rows[:wanted] if wanted else rows, fmt, COLUMNS)
        return
    paired = [r for r in rows if r["degree"]]
    components = len({r["component"] for r in paired})
    click.echo(render(paired[:wanted] if wanted else paired, "table", COLUMNS))
    if wanted and len(paired) > wanted:
        click.echo(_("… {count} more {noun}; --all or --format json shows them all").format(
            count=f"{len(paired) - wanted:,}", noun=pgettext("count", "rows")))
    click.echo(_("{paired} paired organizations in {components} component(s); {cuts} cut point(s); {unpaired} "
                 "organizations with no partner (listed with --format json or csv)").format(
        paired=len(paired), components=components, cuts=sum(r["cut_point"] for r in rows),
        unpaired=len(rows) - len(paired)))
    sampled = sum(not r["betweenness_exact"] for r in rows)
    if sampled:
        from .queries.pairing_network import EXACT_UP_TO, SAMPLE, SEED

        click.echo(_("betweenness of the {count} organizations in components of more than {size} is estimated "
                     "from {sample} sources (seed {seed}); the rest is exact").format(
            count=sampled, size=f"{EXACT_UP_TO:,}", sample=SAMPLE, seed=SEED))


@main.command(help=_("Print the Cypher of analysis NAME, ready for Neo4j Browser (quote the name): a :param line "
                     "for every parameter, with the values the command uses today, then the query."))
@click.argument("name", type=click.Choice(list(ANALYSES)))
@click.option("--as-of", "as_of", type=DATE, metavar="YYYY-MM-DD", help=_("The date the parameters judge dates at "
                                                                       "[default: today]."))
def cypher(name: str, as_of: str | None) -> None:
    from .queries import browser_text

    click.echo(browser_text(name, **({"as_of": as_of} if as_of and ANALYSES[name].takes_as_of else {})))


@main.command(help=_("Load the bundled seed-case dataset (five places from the source articles) and report on it."))
def demo() -> None:
    from .demo import run_demo
    from .output import table

    result = run_demo(Path.cwd())
    click.echo(_("Loaded the seed-case dataset into {path}").format(path=result.store_path))
    click.echo(table(_counts_rows(result.counts, for_people=True)))
    store = f"--store {result.store_path.name}"
    for title, command, rows in result.reports:
        click.echo("\n== " + _("{title} (all of it: partygraph {command} {store})").format(
            title=_(title), command=command, store=store) + " ==")
        click.echo(report(command.split(" --")[0], rows[:10], len(rows)))
    click.echo("\n== " + _("Coverage statistics of the annual report, whole register (by area: partygraph statistics "
                           "{store}; as a workbook: --out 统计.xlsx)").format(store=store) + " ==")
    click.echo(statistics_text(result.statistics, len(result.statistics)))
    click.echo("\n== " + _("A plan to close the gaps (the proposals: partygraph plan {store}; for the committee: "
                           "--out 方案.xlsx)").format(store=store) + " ==")
    click.echo(plan_summary_text(result.plan, result.rates, rows=8))
    click.echo("\n" + _("For Gephi (members pseudonymized): {path}").format(path=result.gexf.path))
    click.echo(_("Drawing of {scope}: {path} (open it in a browser; it needs no internet)").format(
        scope=_(result.drawing_scope), path=result.drawing.path))
    click.echo(_("Explore further: {commands}").format(commands=f"partygraph check {store}; partygraph gaps pairings "
                                                               f"{store}; partygraph draw {store} --scope YK-C --out yongkang.html"))


if __name__ == "__main__":
    main()
