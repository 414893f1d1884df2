"""The embedded store: the graph in one DuckDB database file, answered by SQL.

One table per label (``"Member"``: its properties as columns) and one per relationship type
(``"WORKS_AT"``: ``src_label, src, dst_label, dst`` and the relationship's properties), mirroring
:mod:`partygraph.graph.model`, plus a ``partygraph`` table naming the format and its version.
Opening a store takes milliseconds; every analysis is one SQL query (``queries/<name>.sql``,
the twin of the Cypher file). Loading writes a new database beside the old one and renames it
over, so a rejected dataset, a crash or a kill leaves the previous store as it was.

>>> import tempfile, os
>>> store = EmbeddedStore(os.path.join(tempfile.mkdtemp(), "s.pgstore"))
>>> data = GraphData()
>>> data.add_node("Area", {"id": "A1", "name": "上海西路街道", "kind": "street"})
>>> store.replace(data)
>>> store.read().nodes["Area"]
{'A1': {'id': 'A1', 'name': '上海西路街道', 'kind': 'street'}}
>>> store.close()
"""

from __future__ import annotations

import itertools
import os
import re
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Iterator

from ..errors import StoreError, WriteError
from ..files import atomic_path
from ..gcpause import paused_gc
from ..i18n import _
from ..progress import Progress, Tally
from .data import GraphData
from .model import LABELS, RELATIONSHIPS, ids_by_label, node_key
from .periods import Period, PeriodChoice, in_force, today

if TYPE_CHECKING:
    import duckdb

FORMAT = "partygraph-store"
VERSION = 5         # raised with every change of the model's tables (4: periods; 5: figures kept with them)
DEFAULT_PATH = "partygraph.pgstore"
SQL_TYPES = {"str": "VARCHAR", "int": "BIGINT", "bool": "BOOLEAN", "date": "DATE"}
ENDPOINTS = ("src_label", "src", "dst_label", "dst")
#: Characters DuckDB cannot have in a database's path: what follows '?' it reads as connection
#: options (its write-ahead log then goes elsewhere), and '\\' it takes for a folder separator.
#: Windows allows neither in a file name.
UNUSABLE = frozenset("?\\")


def q(name: str) -> str:
    """A table or column name as an SQL identifier."""
    return '"' + name.replace('"', '""') + '"'


HISTORY = "pg_history"      # the schema holding every row version with the periods it is in
#: The name a store is attached by: fixed, so that no file name can make a name in SQL ambiguous.
CATALOG = "pg_store"
#: The connection variable naming the bit of the period that reads answer from.
SELECTED = "partygraph_period"


def schema() -> list[str]:
    """The statements that create an empty store's tables: each table's row versions in
    ``pg_history`` with their ``periods`` (bit i: the period of ``pg_history.period`` with that bit).
    :func:`views` then names each table in ``main`` for the rows of one period, so that every query
    reads one register unchanged."""
    statements = ["CREATE TABLE partygraph (format VARCHAR, version INTEGER)",
                  f"INSERT INTO partygraph VALUES ('{FORMAT}', {VERSION})",
                  f"CREATE SCHEMA {HISTORY}",
                  f"CREATE TABLE {HISTORY}.period (bit INTEGER, as_of DATE, counts VARCHAR)",
                  f"CREATE TABLE {HISTORY}.kept (as_of DATE, name VARCHAR, value VARCHAR)"]
    for name, columns in table_columns().items():
        defined = ", ".join(f"{q(column)} {kind}" for column, kind in columns.items())
        statements.append(f"CREATE TABLE {HISTORY}.{q(name)} ({defined}, periods UBIGINT)")
    return statements


def views(latest: int) -> list[str]:
    """A view named for each table showing the rows of the period chosen for the connection, else of
    the latest one (bit ``latest``), so that DuckDB opened by hand reads today's register."""
    return [f"CREATE VIEW {q(name)} AS SELECT {', '.join(q(c) for c in columns)} FROM {HISTORY}.{q(name)} "
            f"WHERE periods & coalesce(getvariable('{SELECTED}'), {latest}::UBIGINT) <> 0"
            for name, columns in table_columns().items()]


def table_columns() -> dict[str, dict[str, str]]:
    """Each table's columns and SQL types: a label's properties; a relationship's ends and properties."""
    tables = {label: {name: SQL_TYPES[kind] for name, kind in spec.properties.items()} for label, spec in LABELS.items()}
    for rel_type, spec in RELATIONSHIPS.items():
        tables[rel_type] = {**{end: "VARCHAR" for end in ENDPOINTS},
                            **{name: SQL_TYPES[kind] for name, kind in spec.properties.items()}}
    return tables


def _json_columns(properties: dict[str, str]) -> str:
    return "{" + ", ".join(f"{q(name)}: '{SQL_TYPES[kind]}'" for name, kind in properties.items()) + "}"


def _bulk(connection: "duckdb.DuckDBPyConnection", folder: Path, name: str, rows: list, select: str,
          columns: str, records: bool = True) -> None:
    """Insert ``rows`` (dicts, or lists with ``records=False``) through a JSON file that DuckDB
    reads in bulk: orjson encodes in C what a row-by-row writer would loop over in Python (the
    city's 1.5 million rows: 0.6 s, where CSV rows built in Python took 2.5 s)."""
    import orjson

    path = folder / f"{name}.json"
    with open(path, "wb") as handle:
        handle.write(orjson.dumps(rows))
    source = f"read_json($path, format = 'array', records = {str(records).lower()}, columns = {columns})"
    with _unglobbed(path) as name:
        connection.execute(select.format(source=source), {"path": name})
    path.unlink()


#: Characters DuckDB's file readers take as a glob pattern in a path.
_GLOB = re.compile(r"[*?\[\]{}]")


@contextmanager
def _unglobbed(path: Path) -> Iterator[str]:
    """A name DuckDB reads ``path`` by, never as a pattern: where the path holds glob characters
    (a folder named ``**``), the file's open descriptor, ``/dev/fd/N`` (POSIX; Windows allows
    none of ``*?`` in names)."""
    if not _GLOB.search(str(path)) or not os.path.isdir("/dev/fd"):
        yield path.as_posix()
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        yield f"/dev/fd/{fd}"
    finally:
        os.close(fd)


def _split(key: str) -> str:
    """SQL for the label and the id of a ``Label:id`` key column (labels hold no colon)."""
    return f"substr({key}, 1, strpos({key}, ':') - 1), substr({key}, strpos({key}, ':') + 1)"


def _stage(connection: "duckdb.DuckDBPyConnection", folder: Path, data: GraphData, counter: Tally) -> None:
    """``data`` in the tables of the attached database ``stage``, as one period's rows."""
    for name, columns in table_columns().items():
        defined = ", ".join(f"{q(column)} {kind}" for column, kind in columns.items())
        connection.execute(f"CREATE TABLE pg_stage.{q(name)} ({defined})")
    for label, spec in LABELS.items():
        names = ", ".join(q(c) for c in spec.properties)
        _bulk(connection, folder, label, list(data.nodes[label].values()),
              f"INSERT INTO pg_stage.{q(label)} SELECT {names} FROM {{source}}", _json_columns(spec.properties))
        counter.add(1, label)
    # Relationships without properties go in as their keys, split into columns by DuckDB.
    _bulk(connection, folder, "relationships", list(data.rels),
          "CREATE TABLE pg_stage.keys AS SELECT k[1] AS type, k[2] AS src, k[3] AS dst FROM {source}",
          "{'k': 'VARCHAR[]'}", records=False)
    for rel_type, spec in RELATIONSHIPS.items():
        if spec.properties:
            rows = [{"src": source, "dst": target, **props}
                    for (kind, source, target), props in data.rels.items() if kind == rel_type]
            extra = "".join(f", {q(c)}" for c in spec.properties)
            _bulk(connection, folder, rel_type, rows,
                  f"INSERT INTO pg_stage.{q(rel_type)} SELECT {_split('src')}, {_split('dst')}{extra} FROM {{source}}",
                  _json_columns({"src": "str", "dst": "str", **spec.properties}))
        else:
            connection.execute(f"INSERT INTO pg_stage.{q(rel_type)} SELECT {_split('src')}, {_split('dst')} "
                               "FROM pg_stage.keys WHERE type = ?", [rel_type])
        counter.add(1, rel_type)


def write_database(path: Path, data: GraphData | None, as_of: str | None, old: Path | None,
                   dropping: frozenset[str], counter: Tally) -> list[str]:
    """Write a store at ``path``: the periods of the store ``old`` (if any) but those ``dropping``,
    with ``data`` as the period ``as_of`` (replacing a period of that date). A row equal in every
    column to one kept is not stored again: its bit is set. Returns the dates of the periods written.
    The file is new, so it holds no block of what was left out (``forget`` relies on it)."""
    connection = attached(path)
    try:
        for statement in schema():
            connection.execute(statement)
        kept: dict[str, int] = {}
        if old is not None:
            connection.execute("ATTACH $old AS pg_old (READ_ONLY)", {"old": old.as_posix()})
            kept = {day.isoformat(): bit for bit, day in connection.execute(f"SELECT bit, as_of FROM pg_old.{HISTORY}.period").fetchall()
                    if day.isoformat() not in dropping}
        bit = None
        if data is not None:
            from .periods import check_room

            check_room(list(kept), as_of)
            bit = kept.pop(as_of, None)
            bit = bit if bit is not None else min(set(range(64)) - set(kept.values()))
            connection.execute("ATTACH ':memory:' AS pg_stage")
            _stage(connection, path.parent, data, counter)
        keep_mask = sum(1 << b for b in kept.values())
        for name, columns in table_columns().items():
            _merge(connection, name, list(columns), old is not None, keep_mask, bit)
        periods = {**kept, **({as_of: bit} if bit is not None else {})}
        _write_periods(connection, periods)
        if old is not None:                 # what was kept with the periods that stay as they were
            connection.execute(f"INSERT INTO {HISTORY}.kept SELECT * FROM pg_old.{HISTORY}.kept "
                               "WHERE strftime(as_of, '%Y-%m-%d') IN (SELECT unnest($days::VARCHAR[]))",
                               {"days": sorted(kept)})
        for statement in views(1 << periods[max(periods)] if periods else 0):
            connection.execute(statement)
        connection.execute("CHECKPOINT")
        return sorted(periods)
    finally:
        connection.close()


def _merge(connection, name: str, columns: list[str], from_old: bool, keep_mask: int, bit: int | None) -> None:
    """One table's row versions: the old store's with the kept periods' bits, and the staged rows with
    ``bit``; equal rows (every column, NULL equal to NULL) become one row with both."""
    names = ", ".join(q(c) for c in columns)
    parts = []
    if from_old:
        parts.append(f"SELECT {names}, periods & {keep_mask}::UBIGINT AS periods FROM pg_old.{HISTORY}.{q(name)}")
    if bit is not None:
        parts.append(f"SELECT {names}, {1 << bit}::UBIGINT AS periods FROM pg_stage.{q(name)}")
    if not parts:
        return
    if len(parts) == 1 and not from_old:             # one register alone: its rows as they are
        connection.execute(f"INSERT INTO {HISTORY}.{q(name)} {parts[0]}")
        return
    order = "id" if name in LABELS else "src_label, src, dst_label, dst"
    connection.execute(f"INSERT INTO {HISTORY}.{q(name)} SELECT {names}, bit_or(periods) AS periods "
                       f"FROM ({' UNION ALL '.join(parts)}) GROUP BY ALL HAVING bit_or(periods) <> 0 "
                       f"ORDER BY {order}, periods")


def _write_periods(connection, periods: dict[str, int]) -> None:
    """Each period's bit and date, and its counts per table (kept: ``periods`` lists them at once)."""
    import json

    counts: dict[str, dict[str, int]] = {day: {} for day in periods}
    for name in table_columns():
        by_set = dict(connection.execute(f"SELECT periods, count(*) FROM {HISTORY}.{q(name)} GROUP BY periods").fetchall())
        for day, bit in periods.items():
            counts[day][name] = sum(n for mask, n in by_set.items() if mask >> bit & 1)
    for day, bit in periods.items():
        connection.execute(f"INSERT INTO {HISTORY}.period VALUES (?, ?, ?)", [bit, day, json.dumps(counts[day])])


def attached(path: Path, read_only: bool = False) -> "duckdb.DuckDBPyConnection":
    """A connection whose default database is the store at ``path``, attached as :data:`CATALOG`
    (opened directly, a file named ``pg_history.pgstore`` would be a catalog named like the schema)."""
    import duckdb

    connection = duckdb.connect(config={"python_enable_replacements": False})   # no Python variable is a table
    try:
        connection.execute(f"ATTACH $path AS {CATALOG}{' (READ_ONLY)' if read_only else ''}", {"path": str(path)})
        connection.execute(f"USE {CATALOG}")
    except BaseException:
        connection.close()
        raise
    return connection


def _is_old_json_store(path: Path) -> bool:
    try:
        with open(path, "rb") as handle:
            return handle.read(64).lstrip().startswith(b'{"format":"partygraph-store"')
    except OSError:
        return False


def _selected(properties: dict[str, str], prefix: tuple[str, ...] = ()) -> str:
    """A select list of columns, dates as ISO text (``CAST`` gives ``date.isoformat()``'s text):
    converting a city's values in Python took a second."""
    return ", ".join([*(q(c) for c in prefix),
                      *(f"CAST({q(c)} AS VARCHAR)" if kind == "date" else q(c) for c, kind in properties.items())])


def _named(query: str, parameters: dict | None) -> dict:
    """The parameters a query names (DuckDB refuses any other)."""
    return {key: value for key, value in (parameters or {}).items() if re.search(rf"\${key}\b", query)}


#: A control character DuckDB escapes with capital hex digits (``\u001F``) where orjson writes small
#: ones; an escaped backslash is matched first so that ``\\u001F`` (text, not an escape) is left.
_ESCAPE = re.compile(rb"\\\\|\\u00[01][0-9A-F]")


def _small_hex(found: re.Match) -> bytes:
    return found.group(0).lower()


def _orjson_escapes(lines: bytes) -> bytes:
    return _ESCAPE.sub(_small_hex, lines) if b"\\u00" in lines else lines


def compact_lines(chunks: Iterator[bytes]) -> Iterator[bytes]:
    """DuckDB's JSON lines (one object a line) as one compact array, as orjson writes it.

    >>> lines = b'{"a":1}' + bytes([10]) + b'{"a":"' + bytes([92]) + b'u001F"}' + bytes([10])
    >>> b"".join(compact_lines(iter([lines[:9], lines[9:]]))) == b'[{"a":1},{"a":"' + bytes([92]) + b'u001f"}]' + bytes([10])
    True
    >>> b"".join(compact_lines(iter([])))
    b'[]\\n'
    """
    yield b"["
    carry = b""
    first = True
    for chunk in chunks:
        data = carry + chunk
        cut = data.rfind(b"\n")             # whole lines only: no escape is cut in two
        if cut < 0:
            carry = data
            continue
        lines, carry = data[:cut], data[cut + 1:]
        yield (b"" if first else b",") + _orjson_escapes(lines).replace(b"\n", b",")
        first = False
    if carry:
        yield (b"" if first else b",") + _orjson_escapes(carry)
    yield b"]\n"


def _widen(pipe: int) -> None:
    """A pipe of 1 MiB instead of 64 KiB, where the system allows it (Linux's F_SETPIPE_SZ): the
    writer then waits for the reader far less often."""
    try:
        import fcntl

        fcntl.fcntl(pipe, getattr(fcntl, "F_SETPIPE_SZ", 1031), 1 << 20)
    except (ImportError, OSError):
        pass


class EmbeddedStore:
    """The default store: ``EmbeddedStore(path).replace(data)``, ``.read()``, ``.sql(query)``."""

    concurrent_reads = False          # one DuckDB connection, with the period chosen on it

    def __init__(self, path: str | os.PathLike = DEFAULT_PATH) -> None:
        self.path = Path(path)
        refused = sorted(set(str(self.path.absolute())) & UNUSABLE)
        if refused:
            raise StoreError(_("the store's path {path} holds {characters}, which the database cannot use in a file "
                               "name; choose a path without it").format(path=self.path, characters=" ".join(refused)))
        self._connection: "duckdb.DuckDBPyConnection | None" = None
        self._identity: tuple[int, int, int] | None = None
        self._chosen: str | None = None

    def describe(self) -> str:
        return _("embedded store {path}").format(path=self.path)

    def replace(self, data: GraphData, progress: Progress = None, as_of: str | None = None) -> None:
        """Make the store hold ``data`` alone, as the register of ``as_of`` (default today)."""
        self._write(data, as_of or today(), keep=False, progress=progress)

    def load(self, data: GraphData, as_of: str, progress: Progress = None) -> None:
        """Keep ``data`` as the register of ``as_of``, replacing a period of that date; the others stay."""
        self._write(data, as_of, keep=True, progress=progress)

    def drop(self, as_of: str) -> None:
        """Remove the period of ``as_of`` (rows kept only for it go with it)."""
        self._require(as_of)
        self._write(None, None, keep=True, dropping=frozenset([as_of]))

    def forget(self, before: str) -> list[str]:
        """Remove every period before ``before`` and every row found only in them, in a new file."""
        gone = [day for day in self.period_dates() if day < before]
        if gone:
            self._write(None, None, keep=True, dropping=frozenset(gone))
        return gone

    def _require(self, as_of: str) -> None:
        if as_of not in self.period_dates():
            raise StoreError(_("{store} holds no register of {date}; 'partygraph periods' lists those it holds").format(
                store=self.describe(), date=as_of))

    def _write(self, data: GraphData | None, as_of: str | None, keep: bool, dropping: frozenset[str] = frozenset(),
               progress: Progress = None) -> None:
        """Write the store anew beside the old one and rename it over: all of it or nothing."""
        counter = Tally(progress, len(LABELS) + len(RELATIONSHIPS))
        old = None
        if keep and self.path.exists() and not self._earlier_version():
            self.connection()                   # refuses a file that is no store, or a damaged one
            old = self.path
        self._release()
        import duckdb

        with atomic_path(self.path) as temporary, paused_gc():      # millions of rows, none of them cyclic
            try:
                write_database(temporary, data, as_of, old, dropping, counter)
            except duckdb.IOException as exc:           # a full disk, a file size limit
                raise StoreError(_("cannot write the store {path}: {reason}; nothing was changed").format(
                    path=self.path, reason=str(exc).splitlines()[0])) from exc
            except duckdb.Error as exc:
                raise StoreError(_("the database refused the data for {path}: {reason}; nothing was changed").format(
                    path=self.path, reason=str(exc).splitlines()[0])) from exc

    # -- periods -----------------------------------------------------------------------------

    def periods(self) -> list[Period]:
        """Every period the store holds, by date, with its counts."""
        import json

        rows = self.sql(f"SELECT as_of, counts FROM {HISTORY}.period ORDER BY as_of")
        return [Period(day.isoformat(), json.loads(counts)) for day, counts in rows]

    def period_dates(self) -> list[str]:
        return [day.isoformat() for (day,) in self.sql(f"SELECT as_of FROM {HISTORY}.period ORDER BY as_of")]

    def use(self, as_of: str | None) -> PeriodChoice:
        """Answer every read from now on from the register in force at ``as_of`` (default today)."""
        choice = in_force(self.period_dates(), as_of)
        self._chosen = choice.period
        self._select(self.connection())
        return choice

    def difference(self, first: str, second: str) -> tuple[GraphData, GraphData]:
        """(what the register of ``first`` holds that the one of ``second`` does not, and the reverse):
        nodes whose properties differ or that one lacks, relationships one lacks (both stores alike)."""
        bits = dict(self.sql(f"SELECT strftime(as_of, '%Y-%m-%d'), bit FROM {HISTORY}.period"))
        one, two = bits[first], bits[second]
        sides = (GraphData(), GraphData())
        differs = f"(periods >> {one}) & 1 <> (periods >> {two}) & 1"
        for label, spec in LABELS.items():
            columns = list(spec.properties)
            for row in self.sql(f"SELECT {_selected(spec.properties)}, (periods >> {one}) & 1 "
                                f"FROM {HISTORY}.{q(label)} WHERE {differs}"):
                sides[0 if row[-1] else 1].nodes[label][row[0]] = {c: v for c, v in zip(columns, row) if v is not None}
        for rel_type, spec in RELATIONSHIPS.items():
            columns = list(spec.properties)
            selected = _selected(spec.properties, ENDPOINTS)
            for row in self.sql(f"SELECT {selected}, (periods >> {one}) & 1 FROM {HISTORY}.{q(rel_type)} WHERE {differs}"):
                sides[0 if row[-1] else 1].rels[(rel_type, node_key(row[0], row[1]), node_key(row[2], row[3]))] = {
                    c: v for c, v in zip(columns, row[4:-1]) if v is not None}
        return sides

    def records(self, keys: list[str]) -> GraphData:
        """The nodes of ``keys`` (``Label:id``) with their outgoing relationships, in the period read:
        a query for the nodes of a label, one for its relationships without properties (a city's
        15,000 changed records: 6 queries a register instead of 13), one for each type with some."""
        data = GraphData()
        for label, ids in ids_by_label(keys).items():
            data.nodes[label].update(self.nodes(label, ids))
            types = [rel_type for rel_type, spec in RELATIONSHIPS.items()
                     if any(source == label for source, _target in spec.endpoints)]
            plain = [rel_type for rel_type in types if not RELATIONSHIPS[rel_type].properties]
            where = "WHERE src_label = $label AND src IN (SELECT unnest($ids::VARCHAR[]))"
            if plain:
                query = " UNION ALL ".join(f"SELECT '{rel_type}', {', '.join(ENDPOINTS)} FROM {q(rel_type)} {where}"
                                           for rel_type in plain)
                for rel_type, *ends in self.sql(query, {"label": label, "ids": ids}):
                    data.rels[(rel_type, node_key(ends[0], ends[1]), node_key(ends[2], ends[3]))] = {}
            for rel_type in (rel_type for rel_type in types if rel_type not in plain):
                spec = RELATIONSHIPS[rel_type]
                columns = list(spec.properties)
                rows = self.sql(f"SELECT {_selected(spec.properties, ENDPOINTS)} FROM {q(rel_type)} {where}",
                                {"label": label, "ids": ids})
                for row in rows:
                    data.rels[(rel_type, node_key(row[0], row[1]), node_key(row[2], row[3]))] = {
                        c: v for c, v in zip(columns, row[4:]) if v is not None}
        return data

    def places(self) -> GraphData:
        """Every area and building of the period read, and the PART_OF between them."""
        data = GraphData()
        for label in ("Area", "Building"):
            data.nodes[label].update(self.nodes(label))
        data.rels.update(self.relationships("PART_OF"))
        return data

    def keep(self, name: str, value: dict) -> None:
        """Keep ``value`` with the period read, in the store's file: one transaction of the database
        (its write-ahead log makes it all or nothing); then, if that left blocks free (the figures kept
        before are written again beside the new ones: a city's history 1 MB), the file written anew."""
        import duckdb
        import orjson

        day = self._read_period()
        self._release()
        connection = attached(self.path)
        try:
            connection.execute("BEGIN")
            connection.execute(f"DELETE FROM {HISTORY}.kept WHERE as_of = CAST($day AS DATE) AND name = $name",
                               {"day": day, "name": name})
            connection.execute(f"INSERT INTO {HISTORY}.kept VALUES (CAST($day AS DATE), $name, $value)",
                               {"day": day, "name": name, "value": orjson.dumps(value).decode()})
            connection.execute("COMMIT")
            connection.execute("CHECKPOINT")
            (free,), = connection.execute(f"SELECT free_blocks FROM pragma_database_size() "
                                          f"WHERE database_name = '{CATALOG}'").fetchall()
        except duckdb.Error as exc:
            raise StoreError(_("cannot write the store {path}: {reason}; nothing was changed").format(
                path=self.path, reason=str(exc).splitlines()[0])) from exc
        finally:
            connection.close()
        if free:
            try:
                self._compact()
            except (duckdb.IOException, WriteError):    # a full disk: the figure is kept, the blocks stay free until the next write
                pass

    def _compact(self) -> None:
        """Write the store's file anew, without the blocks DuckDB keeps free for later writes (it never
        gives them back): a city's history of 8 quarters 32.0 MB -> 30.9 MB, in 3 s."""
        import duckdb

        with atomic_path(self.path) as temporary:
            connection = duckdb.connect(config={"python_enable_replacements": False})
            try:
                connection.execute("ATTACH $old AS pg_old (READ_ONLY)", {"old": self.path.as_posix()})
                connection.execute("ATTACH $new AS pg_new", {"new": temporary.as_posix()})
                connection.execute("COPY FROM DATABASE pg_old TO pg_new")
                connection.execute("CHECKPOINT pg_new")
            finally:
                connection.close()

    def kept(self, name: str) -> dict | None:
        import orjson

        rows = self.sql(f"SELECT value FROM {HISTORY}.kept WHERE as_of = CAST($day AS DATE) AND name = $name",
                        {"day": self._read_period(), "name": name})
        return orjson.loads(rows[0][0]) if rows else None

    def _read_period(self) -> str | None:
        """The date of the period reads answer from: the one ``use`` chose, else the latest."""
        dates = self.period_dates()
        return self._chosen if self._chosen in dates else max(dates, default=None)

    def _select(self, connection: "duckdb.DuckDBPyConnection") -> None:
        """Set the connection's period (the chosen one, else the latest) for the tables' views."""
        rows = connection.execute(f"SELECT as_of, bit FROM {HISTORY}.period ORDER BY as_of").fetchall()
        bits = {day.isoformat(): bit for day, bit in rows}
        chosen = self._chosen if self._chosen in bits else (rows[-1][0].isoformat() if rows else None)
        mask = 1 << bits[chosen] if chosen else 0           # a store whose every period was dropped: no rows
        connection.execute(f"SET VARIABLE {SELECTED} = {mask}::UBIGINT")

    # -- reading -----------------------------------------------------------------------------

    def connection(self) -> "duckdb.DuckDBPyConnection":
        """A read-only connection to the store, opened once while the file stays the same."""
        try:
            stat = self.path.stat()
        except FileNotFoundError:
            raise StoreError(_("there is no store at {path}; run 'partygraph load DATASET' first").format(path=self.path)) from None
        except OSError as exc:
            raise StoreError(_("cannot read the store {path}: {reason}").format(path=self.path, reason=exc)) from exc
        identity = (stat.st_ino, stat.st_mtime_ns, stat.st_size)
        if self._connection is not None and identity == self._identity:
            return self._connection
        self._release()
        self._connection, self._identity = self._open(), identity
        self._select(self._connection)
        return self._connection

    def _earlier_version(self) -> bool:
        """Whether the file is a store another version of partygraph wrote, which this one cannot
        read: a load replaces it (its registers must be loaded again), as loads always did."""
        if _is_old_json_store(self.path):
            return True
        import duckdb

        try:
            connection = attached(self.path, read_only=True)
        except (duckdb.Error, OSError):
            return False
        try:
            found = connection.execute("SELECT format, version FROM partygraph").fetchall()
        except duckdb.Error:
            return False
        finally:
            connection.close()
        return bool(found) and found[0][0] == FORMAT and found[0][1] != VERSION

    def _open(self) -> "duckdb.DuckDBPyConnection":
        import duckdb

        if _is_old_json_store(self.path):
            raise StoreError(_("{path} was written by an earlier version of partygraph; load the registers again "
                               "('partygraph load DATASET') to make a store this version reads").format(path=self.path))
        try:
            connection = attached(self.path, read_only=True)
        except (duckdb.Error, OSError) as exc:
            raise StoreError(_("{path} is not a partygraph store, or damaged: {reason}").format(
                path=self.path, reason=type(exc).__name__)) from exc
        try:
            found = connection.execute("SELECT format, version FROM partygraph").fetchall()
        except duckdb.Error:
            found = []
        if not found or found[0][0] != FORMAT:
            connection.close()
            raise StoreError(_("{where} is not a partygraph store").format(where=self.path))
        if found[0][1] != VERSION:
            connection.close()
            raise StoreError(_("{where} is a partygraph store of version {found}; this partygraph reads version "
                               "{version}: load the registers again ('partygraph load DATASET')").format(
                where=self.path, found=found[0][1], version=VERSION))
        return connection

    def sql(self, query: str, parameters: dict | None = None) -> list[tuple]:
        """Rows of an SQL query on the store; only the parameters the query names are passed."""
        import duckdb

        try:
            return self.connection().execute(query, _named(query, parameters)).fetchall()
        except duckdb.Error as exc:
            raise self._damaged(exc) from exc

    def _damaged(self, exc: Exception) -> StoreError:
        return StoreError(_("{path} is not a partygraph store, or damaged: {reason}").format(
            path=self.path, reason=str(exc).splitlines()[0]))

    def copy_json(self, query: str, parameters: dict | None = None) -> Iterator[bytes]:
        """The rows of an SQL query as one JSON array in chunks of bytes, the same bytes as
        :func:`partygraph.output.json_chunks` writes for the same rows (so both stores answer
        alike): written by DuckDB (in C++) one object a line into a pipe in a private temporary
        folder while this thread joins them into an array (:func:`compact_lines`) — or, where
        there are no named pipes (Windows), into a file read back afterwards."""
        with tempfile.TemporaryDirectory(prefix="partygraph-") as folder:
            target = Path(folder) / "rows.json"
            if hasattr(os, "mkfifo"):
                yield from self._through_pipe(query, parameters, target)
                return
            self._copy(self.connection(), query, parameters, target)
            with open(target, "rb") as handle:
                yield from compact_lines(iter(lambda: handle.read(1 << 20), b""))

    def _copy(self, connection, query: str, parameters: dict | None, target: Path) -> None:
        import duckdb

        try:
            connection.execute(f"COPY ({query}) TO $copy_target (FORMAT json)",
                               {**_named(query, parameters), "copy_target": target.as_posix()})
        except duckdb.IOException as exc:         # a full disk, a file size limit
            raise StoreError(_("cannot write the rows to a temporary file in {folder}: {reason}").format(
                folder=target.parent.parent, reason=str(exc).splitlines()[0])) from exc
        except duckdb.Error as exc:
            raise self._damaged(exc) from exc

    def _through_pipe(self, query: str, parameters: dict | None, target: Path) -> Iterator[bytes]:
        """DuckDB writes into a named pipe from a second thread while this one reads: the rows go
        out as they are made, never through the disk. This process holds the pipe's writing end
        too until the copy ends, so the end of the rows is the end of the copy, failed or not."""
        import threading

        os.mkfifo(target, 0o600)
        reader = os.open(target, os.O_RDONLY | os.O_NONBLOCK)
        holder = os.open(target, os.O_WRONLY)
        os.set_blocking(reader, True)
        _widen(reader)
        failed: list[BaseException] = []
        cursor = self.connection().cursor()
        cursor.execute(f"USE {CATALOG}")
        self._select(cursor)

        def copy() -> None:
            try:
                self._copy(cursor, query, parameters, target)
            except BaseException as exc:          # handed to the reading thread
                failed.append(exc)
            finally:
                os.close(holder)

        worker = threading.Thread(target=copy, name="partygraph-copy", daemon=True)
        worker.start()
        try:
            with os.fdopen(reader, "rb", buffering=0) as handle:
                chunks = iter(lambda: handle.read(1 << 20), b"")
                first = next(chunks, b"")             # a copy that fails at once says so before any output
                if not first:
                    worker.join()
                    if failed:
                        raise failed[0]
                yield from compact_lines(itertools.chain([first], chunks))
        finally:
            worker.join()
            cursor.close()
        if failed:
            raise failed[0]

    def read(self) -> GraphData:
        data = GraphData()
        for label in LABELS:
            data.nodes[label].update(self.nodes(label))
        for rel_type in RELATIONSHIPS:
            data.rels.update(self.relationships(rel_type))
        return data

    def nodes(self, label: str, ids: list[str] | None = None) -> dict[str, dict]:
        """The nodes of a label (those of the given ids), as ``GraphData`` holds them."""
        columns = list(LABELS[label].properties)
        where = " WHERE id IN (SELECT unnest($ids::VARCHAR[]))" if ids is not None else ""
        rows = self.sql(f"SELECT {_selected(LABELS[label].properties)} FROM {q(label)}{where}", {"ids": ids})
        return {row[0]: {c: v for c, v in zip(columns, row) if v is not None} for row in rows}

    def relationships(self, rel_type: str, among: list[str] | None = None) -> dict:
        """The relationships of a type (those between the given ``Label:id`` keys), as ``GraphData`` holds them."""
        columns = list(RELATIONSHIPS[rel_type].properties)
        selected = _selected(RELATIONSHIPS[rel_type].properties, ENDPOINTS)
        where = (" WHERE src_label || ':' || src IN (SELECT unnest($keys::VARCHAR[]))"
                 " AND dst_label || ':' || dst IN (SELECT unnest($keys::VARCHAR[]))") if among is not None else ""
        rows = self.sql(f"SELECT {selected} FROM {q(rel_type)}{where}", {"keys": among})
        return {(rel_type, node_key(row[0], row[1]), node_key(row[2], row[3])):
                {c: v for c, v in zip(columns, row[4:]) if v is not None} for row in rows}

    def counts(self) -> dict[str, int]:
        names = [*LABELS, *RELATIONSHIPS]
        query = " UNION ALL ".join(f"SELECT {i}, count(*) FROM {q(name)}" for i, name in enumerate(names))
        found = dict(self.sql(query))
        return {name: found[i] for i, name in enumerate(names)}

    def close(self) -> None:
        self._release()

    def _release(self) -> None:
        if self._connection is not None:
            self._connection.close()
        self._connection = self._identity = None

    # -- the Store interface's questions -----------------------------------------------------

    def analysis_page(self, analysis, options: dict, limit: int | None):
        from .pages import sql_page

        return sql_page(analysis, self, options, limit)

    def analysis_json(self, analysis, options: dict) -> Iterator[bytes]:
        from .pages import sql_json

        return sql_json(analysis, self, options)

    def narrowing(self, place: str, label: str) -> dict:
        from .reads import ids_in

        return {"ids": ids_in(self, place, label)}

    def place_ids(self, place: str, label: str) -> tuple[int, int, list[str]]:
        from .reads import PLACE_SQL

        (areas, buildings, ids), = self.sql(PLACE_SQL, {"place": place, "label": label})
        return areas, buildings, ids

    def places_of(self, keys: list[str]) -> dict[str, str | None]:
        from .reads import places_sql

        found = {}
        for label, ids in ids_by_label(keys).items():
            found.update((f"{label}:{node_id}", place) for node_id, place in self.sql(places_sql(label), {"ids": ids}))
        return found

    def properties(self, label: str, ids: list[str]) -> dict[str, dict]:
        return self.nodes(label, ids)

    def ids_between(self, label: str, prop: str, low: str, high: str) -> list[str]:
        return [row[0] for row in self.sql(f"SELECT id FROM {q(label)} WHERE {q(prop)} >= CAST($low AS DATE) "
                                           f"AND {q(prop)} < CAST($high AS DATE)", {"low": low, "high": high})]

    def analysis_apart(self, analysis, sides, columns: list[str], shown: list[str]):
        from .pages import sql_apart

        return sql_apart(analysis, self, sides, columns, shown)

    def subgraph(self, view: str, scope: str | None, depth: int, max_nodes: int):
        from .embedded_subgraph import from_database

        return from_database(self, view, scope, depth, max_nodes)

    def pairing_orgs(self) -> list[tuple[str, str, list[str]]]:
        from .reads import PAIRING_SQL

        return [(id_, name, partners) for id_, name, partners in self.sql(PAIRING_SQL)]
