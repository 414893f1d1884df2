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

import datetime as dt
import itertools
import os
import re
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Iterator

from ..errors import StoreError
from ..files import atomic_path
from ..gcpause import paused_gc
from ..i18n import _
from ..progress import Progress, Tally
from .data import GraphData
from .model import LABELS, RELATIONSHIPS, node_key

if TYPE_CHECKING:
    import duckdb

FORMAT = "partygraph-store"
VERSION = 3         # raised with every change of the model's tables
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


def schema() -> list[str]:
    """The statements that create an empty store."""
    statements = ["CREATE TABLE partygraph (format VARCHAR, version INTEGER)",
                  f"INSERT INTO partygraph VALUES ('{FORMAT}', {VERSION})"]
    for label, spec in LABELS.items():
        columns = ", ".join(f"{q(name)} {SQL_TYPES[kind]}" for name, kind in spec.properties.items())
        statements.append(f"CREATE TABLE {q(label)} ({columns})")
    for rel_type, spec in RELATIONSHIPS.items():
        extra = "".join(f", {q(name)} {SQL_TYPES[kind]}" for name, kind in spec.properties.items())
        statements.append(f"CREATE TABLE {q(rel_type)} (src_label VARCHAR, src VARCHAR, dst_label VARCHAR, dst VARCHAR{extra})")
    return statements


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


def write_database(path: Path, data: GraphData, counter: Tally) -> None:
    import duckdb

    folder = path.parent
    connection = duckdb.connect(str(path))
    try:
        for statement in schema():
            connection.execute(statement)
        for label, spec in LABELS.items():
            names = ", ".join(q(c) for c in spec.properties)
            _bulk(connection, folder, label, list(data.nodes[label].values()),
                  f"INSERT INTO {q(label)} SELECT {names} FROM {{source}}", _json_columns(spec.properties))
            counter.add(1, label)
        # Relationships without properties go in as their keys, split into columns by DuckDB.
        _bulk(connection, folder, "relationships", list(data.rels),
              "CREATE TEMPORARY TABLE keys AS SELECT k[1] AS type, k[2] AS src, k[3] AS dst FROM {source}",
              "{'k': 'VARCHAR[]'}", records=False)
        for rel_type, spec in RELATIONSHIPS.items():
            if spec.properties:
                rows = [{"src": source, "dst": target, **props}
                        for (kind, source, target), props in data.rels.items() if kind == rel_type]
                extra = "".join(f", {q(c)}" for c in spec.properties)
                _bulk(connection, folder, rel_type, rows,
                      f"INSERT INTO {q(rel_type)} SELECT {_split('src')}, {_split('dst')}{extra} FROM {{source}}",
                      _json_columns({"src": "str", "dst": "str", **spec.properties}))
            else:
                connection.execute(f"INSERT INTO {q(rel_type)} SELECT {_split('src')}, {_split('dst')} "
                                   "FROM keys WHERE type = ?", [rel_type])
            counter.add(1, rel_type)
        connection.execute("DROP TABLE keys")
        connection.execute("CHECKPOINT")
    finally:
        connection.close()


def _is_old_json_store(path: Path) -> bool:
    try:
        with open(path, "rb") as handle:
            return handle.read(64).lstrip().startswith(b'{"format":"partygraph-store"')
    except OSError:
        return False


def _value(value: object) -> object:
    return value.isoformat() if isinstance(value, dt.date) else value


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

    def __init__(self, path: str | os.PathLike = DEFAULT_PATH) -> None:
        self.path = Path(path)
        refused = sorted(set(str(self.path.absolute())) & UNUSABLE)
        if refused:
            raise StoreError(_("the store's path {path} holds {characters}, which the database cannot use in a file "
                               "name; choose a path without it").format(path=self.path, characters=" ".join(refused)))
        self._connection: "duckdb.DuckDBPyConnection | None" = None
        self._identity: tuple[int, int, int] | None = None

    def describe(self) -> str:
        return _("embedded store {path}").format(path=self.path)

    def replace(self, data: GraphData, progress: Progress = None) -> None:
        """Write the graph in place of the store's content, all at once or not at all."""
        counter = Tally(progress, len(LABELS) + len(RELATIONSHIPS))
        self._release()
        import duckdb

        with atomic_path(self.path) as temporary, paused_gc():      # millions of rows, none of them cyclic
            try:
                write_database(temporary, data, counter)
            except duckdb.IOException as exc:           # a full disk, a file size limit
                raise StoreError(_("cannot write the store {path}: {reason}; nothing was changed").format(
                    path=self.path, reason=str(exc).splitlines()[0])) from exc
            except duckdb.Error as exc:
                raise StoreError(_("the database refused the data for {path}: {reason}; nothing was changed").format(
                    path=self.path, reason=str(exc).splitlines()[0])) from exc

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
        return self._connection

    def _open(self) -> "duckdb.DuckDBPyConnection":
        import duckdb

        if _is_old_json_store(self.path):
            raise StoreError(_("{path} was written by an earlier version of partygraph; load the registers again "
                               "('partygraph load DATASET') to make a store this version reads").format(path=self.path))
        try:
            connection = duckdb.connect(str(self.path), read_only=True)
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
        rows = self.sql(f"SELECT {', '.join(q(c) for c in columns)} FROM {q(label)}{where}", {"ids": ids})
        return {row[0]: {c: _value(v) for c, v in zip(columns, row) if v is not None} for row in rows}

    def relationships(self, rel_type: str, among: list[str] | None = None) -> dict:
        """The relationships of a type (those between the given ``Label:id`` keys), as ``GraphData`` holds them."""
        columns = list(RELATIONSHIPS[rel_type].properties)
        selected = ", ".join(q(c) for c in [*ENDPOINTS, *columns])
        where = (" WHERE src_label || ':' || src IN (SELECT unnest($keys::VARCHAR[]))"
                 " AND dst_label || ':' || dst IN (SELECT unnest($keys::VARCHAR[]))") if among is not None else ""
        rows = self.sql(f"SELECT {selected} FROM {q(rel_type)}{where}", {"keys": among})
        return {(rel_type, node_key(row[0], row[1]), node_key(row[2], row[3])):
                {c: _value(v) for c, v in zip(columns, row[4:]) if v is not None} for row in rows}

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

    def place_ids(self, place: str, label: str) -> tuple[int, int, list[str]]:
        from .reads import PLACE_SQL

        (areas, buildings, ids), = self.sql(PLACE_SQL, {"place": place, "label": label})
        return areas, buildings, ids

    def subgraph(self, view: str, scope: str | None, depth: int, max_nodes: int):
        from .embedded_subgraph import from_database

        return from_database(self, view, scope, depth, max_nodes)

    def pairing_orgs(self) -> list[tuple[str, str, list[str]]]:
        from .reads import PAIRING_SQL

        return [(id_, name, partners) for id_, name, partners in self.sql(PAIRING_SQL)]
