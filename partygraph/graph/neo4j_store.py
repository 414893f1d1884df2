"""The Neo4j store: the same graph in a Neo4j database, written in ``UNWIND`` batches.

Every node partygraph writes also carries the label ``Partygraph``; a load replaces only those
nodes and the relationships between them, so other data in the database is never touched. A
marker node ``(:PartygraphMeta {id: "store"})`` records whether the last load finished: reads
refuse a store whose load was interrupted, and loading again (idempotent: ``MERGE`` by id)
completes it. Labels and relationship types in the Cypher text come from the model, never from
input; every value goes in as a parameter.
"""

from __future__ import annotations

import os
import re
import socket
import sys
import uuid

import orjson
from contextlib import contextmanager
from concurrent.futures import FIRST_COMPLETED, ThreadPoolExecutor, wait
from typing import Iterable, Iterator

from ..errors import Neo4jConnectionError, StoreError
from ..gcpause import paused_gc
from ..i18n import _
from ..progress import Progress, Tally
from .data import GraphData, text_order_differs
from .model import LABELS, RELATIONSHIPS, ids_by_label, split_key
from .neo4j_periods import PERIOD_LABEL_CYPHER, PREFIX, VERSION, model_type, states, version_label, version_rows
from .neo4j_schema import schema_statements
from .periods import Period, PeriodChoice, in_force, today

MARKER = "Partygraph"
#: The property naming a version node (see :mod:`partygraph.graph.neo4j_periods`); never a model property.
VERSION_KEY = "pg_vkey"
BATCH = 10_000
IN_FLIGHT = 2
MIN_VERSION = (5, 26)      # dynamic relationship types (CREATE ()-[:$(type)]->()) arrived in 5.26
#: The relationship types of today's graph, and their twins between versions not both in it.
LIVE_TYPES = "|".join(RELATIONSHIPS)
VERSION_TYPES = "|".join(PREFIX + name for name in RELATIONSHIPS)
#: In the versions' periods as read before a load (a bit set, bit i the i-th period): the version is
#: in today's graph (beyond the bits of the 64 periods a store holds).
LIVE = 1 << 64
#: How the store is laid out, kept on its marker: 2, today's graph made of the latest period's versions.
LAYOUT = 2
SCHEMES = ("neo4j", "neo4j+s", "neo4j+ssc", "bolt", "bolt+s", "bolt+ssc")


def _date_sets(variable: str, source: str, types: dict[str, str]) -> str:
    """Cypher that turns ISO date strings into Neo4j dates on the server (cheaper than in the driver).

    >>> _date_sets("n", "row", {"id": "str", "founded": "date"})
    ', n.founded = date(row.founded)'
    """
    return "".join(f", {variable}.{name} = date({source}.{name})" for name, kind in types.items() if kind == "date")


def server_version(text: str) -> tuple[int, ...]:
    """(major, minor) of a server's version string, Aura's included.

    >>> server_version("5.26.16"), server_version("5.27-aura"), server_version("2025.10.1")
    ((5, 26), (5, 27), (2025, 10))
    """
    return tuple(int(number) for number in re.findall(r"\d+", text)[:2])


def redact(uri: str) -> str:
    """A URI without the user name and password someone put in it.

    >>> redact("neo4j://neo4j:s3cret@db.example:7687"), redact("bolt://127.0.0.1:7687")
    ('neo4j://***@db.example:7687', 'bolt://127.0.0.1:7687')
    """
    scheme, sep, rest = uri.partition("://")
    if not sep:
        return uri
    authority, slash, path = rest.partition("/")
    if "@" in authority:
        authority = "***@" + authority.rpartition("@")[2]
    return f"{scheme}://{authority}{slash}{path}"


#: A lock held this long by a load on another machine is taken to be abandoned.
LOCK_EXPIRES_HOURS = 24


def _abandoned(host: str | None, pid: int | None, expired: bool | None) -> bool:
    """Whether a load lock's holder is gone: a process of this machine that no longer runs, or a
    lock older than :data:`LOCK_EXPIRES_HOURS` (a machine that cannot be asked)."""
    if host == socket.gethostname() and pid is not None and os.name != "nt":
        try:
            os.kill(int(pid), 0)
        except ProcessLookupError:
            return True
        except OSError:
            return False
        return False
    return bool(expired)


#: Libraries the driver imports when installed, to send their values and build data frames; partygraph
#: does neither, and importing pandas and pyarrow costs every command half a second.
UNUSED_BY_DRIVER = ("pandas", "pyarrow", "pyarrow.compute")


def import_driver():
    """The ``neo4j`` module, imported without the optional libraries of :data:`UNUSED_BY_DRIVER`
    (they stay importable for anything else in the process)."""
    if "neo4j" in sys.modules:
        return sys.modules["neo4j"]
    hidden = [name for name in UNUSED_BY_DRIVER if name not in sys.modules]
    sys.modules.update(dict.fromkeys(hidden))          # None in sys.modules: an import of it fails
    try:
        import neo4j
    finally:
        for name in hidden:
            if sys.modules.get(name, 0) is None:
                del sys.modules[name]
    return neo4j


def _from_neo4j(props: dict) -> dict:
    return {k: v.iso_format() if hasattr(v, "iso_format") else v for k, v in props.items() if k != VERSION_KEY}


def _projection(label: str, var: str = "n") -> str:
    """A node's model properties as a list, dates as ISO text: a city's quarter of changed versions
    decodes in 0.8 s so, 2.8 s as property maps (the driver makes a ``neo4j.time.Date`` of each date)."""
    return "[" + ", ".join(f"toString({var}.{name})" if kind == "date" else f"{var}.{name}"
                           for name, kind in LABELS[label].properties.items()) + "]"


def _from_values(label: str, values: list) -> dict:
    """:func:`_projection`'s list as the properties ``GraphData`` holds (no ``None``)."""
    return {name: value for name, value in zip(LABELS[label].properties, values) if value is not None}


#: The last characters of ids (and of version keys, hexadecimal) that put a record in the first of
#: two halves read side by side.
EVEN = list("02468acegikmoqsuwyACEGIKMOQSUWY")


def _batches(rows: list, size: int = BATCH) -> Iterator[list]:
    for start in range(0, len(rows), size):
        yield rows[start:start + size]


class Neo4jStore:
    """``Neo4jStore(uri, auth, database)``; ``from_environment(uri)`` reads the credentials."""

    kind = "neo4j"
    concurrent_reads = True           # a session per read; the server answers them side by side

    def __init__(self, uri: str, auth: tuple[str, str] | None = None, database: str | None = None) -> None:
        if redact(uri) != uri:
            raise Neo4jConnectionError(_("{uri} holds a user name and password; partygraph takes credentials only "
                                         "from NEO4J_USERNAME and NEO4J_PASSWORD (they stay out of shell history "
                                         "and logs): remove them from the address").format(uri=redact(uri)))
        self.uri, self.auth, self.database = uri, auth, database or "neo4j"
        self._driver = None
        # By period, the records difference() read whole, and when the store had last been written then.
        self._records_read: dict[str, dict] = {}
        self._records_read_at: str | None = None

    @classmethod
    def from_environment(cls, uri: str) -> "Neo4jStore":
        """Credentials from ``NEO4J_USERNAME``/``NEO4J_PASSWORD``, database from ``NEO4J_DATABASE``."""
        password = os.environ.get("NEO4J_PASSWORD")
        auth = (os.environ.get("NEO4J_USERNAME", "neo4j"), password) if password is not None else None
        return cls(uri, auth, os.environ.get("NEO4J_DATABASE"))

    def describe(self) -> str:
        return _("Neo4j {uri}, database {database}").format(uri=self.uri, database=self.database)

    # -- connection -------------------------------------------------------------------------

    def driver(self):
        if self._driver is None:
            self._driver = self._connect()
        return self._driver

    def _connect(self):
        neo4j = import_driver()
        ex = neo4j.exceptions

        where = _("Neo4j at {uri}").format(uri=self.uri)
        if self.uri.split("://")[0].lower() not in SCHEMES:
            raise Neo4jConnectionError(_("{uri} is not a Neo4j URI; expected neo4j://host:7687, "
                                         "neo4j+s://… (Aura) or bolt://host:7687").format(uri=self.uri))
        try:
            driver = neo4j.GraphDatabase.driver(self.uri, auth=self.auth, notifications_min_severity="OFF")
        except (ex.ConfigurationError, ValueError) as exc:
            raise Neo4jConnectionError(_("{uri} is not a Neo4j URI ({reason}); expected e.g. neo4j://host:7687").format(
                uri=self.uri, reason=exc)) from exc
        try:
            driver.verify_connectivity()
            records, _summary, _keys = driver.execute_query(
                "CALL dbms.components() YIELD name, versions RETURN versions[0] AS version",
                database_=self.database, routing_=neo4j.RoutingControl.READ)
        except ex.AuthError as exc:
            driver.close()
            user = self.auth[0] if self.auth else "(none)"
            raise Neo4jConnectionError(
                _("{where} refused the credentials (user {user}, password from NEO4J_PASSWORD)").format(
                    where=where, user=user)) from exc
        except ex.ClientError as exc:
            driver.close()
            if "DatabaseNotFound" in (exc.code or ""):
                raise Neo4jConnectionError(
                    _("{where} has no database named {database} (set by NEO4J_DATABASE)").format(
                        where=where, database=self.database)) from exc
            raise Neo4jConnectionError(f"{where}: {exc.message}") from exc
        except (ex.ServiceUnavailable, ex.DriverError, OSError) as exc:
            driver.close()
            raise Neo4jConnectionError(_("cannot reach {where}: is the server running and the address right? "
                                         "({reason})").format(where=where, reason=exc)) from exc
        version = records[0]["version"] if records else "0"
        self._check_version(version)
        return driver

    def _check_version(self, version: str) -> None:
        if server_version(version) < MIN_VERSION:
            self.close()
            needed = ".".join(map(str, MIN_VERSION))
            raise Neo4jConnectionError(_("Neo4j at {uri} is version {version}; partygraph needs {needed} or newer").format(
                uri=self.uri, version=version, needed=needed))

    def close(self) -> None:
        if self._driver is not None:
            self._driver.close()
            self._driver = None

    @contextmanager
    def _session(self):
        """A session whose failures of the server or the network become one message, not a traceback."""
        ex = import_driver().exceptions
        driver = self.driver()
        try:
            with driver.session(database=self.database) as session:
                yield session
        except (ex.ServiceUnavailable, ex.SessionExpired, ex.IncompleteCommit, OSError) as exc:
            self.close()
            raise Neo4jConnectionError(_("lost {where} in the middle of the work ({reason}); nothing partygraph "
                                         "reported was finished; run the command again").format(
                where=_("Neo4j at {uri}").format(uri=self.uri), reason=type(exc).__name__)) from exc
        except (ex.TransientError, ex.DatabaseError) as exc:
            raise StoreError(_("{where} could not finish the work ({reason}); nothing partygraph reported was "
                               "finished; run the command again").format(
                where=_("Neo4j at {uri}").format(uri=self.uri), reason=exc.code or type(exc).__name__)) from exc

    def _write(self, query: str, **params) -> list:
        def work(tx):
            return list(tx.run(query, **params))

        with self._session() as session:
            return session.execute_write(work)

    def run(self, query: str, **params) -> list[dict]:
        """A read query's rows as dicts, from the period chosen by :meth:`use` (default: the latest)."""
        return self._run(self._in_period(query), **params)

    def _in_period(self, query: str) -> str:
        from .neo4j_periods import versioned

        token = getattr(self, "_token", None)
        return versioned(query, token) if token else query

    def _run(self, query: str, **params) -> list[dict]:
        """A read query's rows as dicts (a managed read transaction: retried if transient)."""
        def work(tx):
            return [record.data() for record in tx.run(query, **params)]

        with self._session() as session:
            return session.execute_read(work)

    def run_value(self, query: str, **params) -> object:
        """The one value of a read query's one row, as the driver decodes it (no ``record.data()``
        walk: for a city's rows collected into one list that walk costs seconds), from the period chosen."""
        return self._run_value(self._in_period(query), **params)

    def _run_value(self, query: str, **params) -> object:
        def work(tx):
            return tx.run(query, **params).single(strict=True).value()

        with self._session() as session:
            return session.execute_read(work)

    def _autocommit(self, query: str, **params) -> None:
        with self._session() as session:
            session.run(query, **params).consume()

    # -- writing ----------------------------------------------------------------------------

    def replace(self, data: GraphData, progress: Progress = None, as_of: str | None = None) -> None:
        """Make partygraph's part of the database ``data`` alone, as the register of ``as_of`` (default
        today); idempotent, so a rerun completes an interrupted one."""
        as_of = as_of or today()
        self._change(lambda bar: self._put(data, as_of, bar, alone=True), data, progress,
                     sorted({*self.period_dates(), as_of}))

    def load(self, data: GraphData, as_of: str, progress: Progress = None) -> None:
        """Keep ``data`` as the register of ``as_of`` (replacing a period of that date); the others stay."""
        self._change(lambda bar: self._put(data, as_of, bar, alone=False), data, progress, [as_of])

    def drop(self, as_of: str) -> None:
        """Remove the period of ``as_of``; today's graph becomes the latest one left."""
        if as_of not in self.period_dates():
            raise StoreError(_("{store} holds no register of {date}; 'partygraph periods' lists those it holds").format(
                store=self.describe(), date=as_of))
        self._change(lambda bar: self._remove([as_of]), None, None, [as_of])

    def forget(self, before: str) -> list[str]:
        """Remove every period before ``before`` and the versions found only in them."""
        gone = [day for day in self.period_dates() if day < before]
        if gone:
            self._change(lambda bar: self._remove(gone), None, None, gone)
        return gone

    def _change(self, work, data: GraphData | None, progress: Progress, dates: list[str]) -> None:
        """Run ``work``, which writes the periods of ``dates``, under the load lock, the store marked as
        loading until it ends. A write cut short leaves those periods half written: the next one
        removes them first (a pair of versions half labelled would pass for one that co-exists, whose
        relationships are made) and makes today's graph the latest period again (it may have been
        half rewritten)."""
        self._records_read = {}
        self._refuse_foreign_nodes()
        self._ensure_schema()
        token, unfinished, layout = self._take_lock(dates)
        total = sum(len(v) for v in data.nodes.values()) + len(data.rels) if data else 0
        bar = Tally(progress, total)
        try:
            with paused_gc():     # a city's digests, rows and batches: millions of objects, none of them cyclic
                if layout != LAYOUT:
                    self._convert_layout()
                if unfinished:
                    self._remove(unfinished)
                work(bar)
            self._write("MATCH (m:PartygraphMeta {id: 'store'}) SET m.state = 'complete', m.loaded = datetime(), "
                        "m.layout = $layout REMOVE m.writing", layout=LAYOUT)
        except Neo4jConnectionError:
            raise                # the server is gone: the lock of this process is taken over once it ends
        except BaseException:
            self._release_lock(token)
            raise
        self._release_lock(token)

    def _convert_layout(self) -> None:
        """A store written before today's graph was made of the latest period's versions (it was a
        copy beside them, and the versions' relationships had the model's types) becomes this layout:
        the copy goes, the versions' relationships take their prefixed types, and the latest period's
        versions become today's graph. Written so that a conversion cut short is finished by the next."""
        self._autocommit(f"MATCH (n:{MARKER}) WHERE NOT n:{VERSION} CALL (n) {{ DETACH DELETE n }} "
                         "IN TRANSACTIONS OF 10000 ROWS")
        for rel_type in RELATIONSHIPS:
            self._autocommit(f"MATCH (a:{VERSION})-[r:{rel_type}]->(b:{VERSION}) WHERE NOT (a:{MARKER} AND b:{MARKER}) "
                             f"CALL (a, r, b) {{ CREATE (a)-[v:{PREFIX}{rel_type}]->(b) SET v = properties(r) DELETE r }} "
                             "IN TRANSACTIONS OF 10000 ROWS")
        self._settle_live()

    def _put(self, data: GraphData, as_of: str, bar: Tally, alone: bool) -> None:
        from .periods import check_room

        dates = self.period_dates()
        if alone:
            self._remove(dates, live=False)
            dates = []
        check_room(dates, as_of)
        if as_of in dates:
            self._remove([as_of], live=False)
            dates.remove(as_of)
        latest = as_of >= max(dates, default=as_of)
        self._add_versions(data, as_of, bar, dates, latest)
        differs = text_order_differs(data)
        self._write("MERGE (p:PartygraphMeta {id: $id}) SET p.as_of = $as_of, p.counts = $counts, "
                    "p.text_order_differs = $differs REMOVE p.kept "
                    "WITH p MATCH (m:PartygraphMeta {id: 'store'}) "
                    "SET m.versions_order_differs = coalesce(m.versions_order_differs, false) OR $differs, "
                    "m.live = CASE WHEN $latest THEN $as_of ELSE m.live END, "
                    "m.text_order_differs = CASE WHEN $latest THEN $differs ELSE m.text_order_differs END",
                    id=f"period:{as_of}", as_of=as_of, counts=orjson.dumps(data.counts()).decode(),
                    differs=differs, latest=latest)

    def _remove(self, dates: list[str], live: bool = True) -> None:
        """Remove periods from the versions (a version left in none goes, with its relationships, and
        a relationship between versions that no longer co-exist); with ``live``, today's graph becomes
        the latest period left. Without it today's graph stays as it is, its versions kept even when
        left in no period (the load that follows makes it its register)."""
        from .periods import period_token

        for day in dates:
            label = period_token(day)
            self._autocommit(f"MATCH (n:{VERSION}:{label}) CALL (n) {{ REMOVE n:{label} }} IN TRANSACTIONS OF 50000 ROWS")
            self._write("MATCH (p:PartygraphMeta {id: $id}) DELETE p", id=f"period:{day}")
        self._autocommit(f"MATCH (n:{VERSION}) WHERE NOT n:{MARKER} AND "
                         f"none(l IN labels(n) WHERE l =~ '{PERIOD_LABEL_CYPHER}') "
                         "CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS")
        self._autocommit(f"MATCH (a:{VERSION})-[r:{VERSION_TYPES}]->(b:{VERSION}) "
                         f"WHERE none(l IN labels(a) WHERE l =~ '{PERIOD_LABEL_CYPHER}' AND l IN labels(b)) "
                         "CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS")
        if live:
            self._settle_live()

    def _settle_live(self) -> None:
        """Make today's graph the versions of the latest period: the others leave it (those in no
        period go), the latest's join it. Only what differs is written."""
        from .periods import period_token

        left = self.period_dates()
        if not left:
            self._autocommit(f"MATCH (n:{VERSION}) CALL (n) {{ DETACH DELETE n }} IN TRANSACTIONS OF 10000 ROWS")
            self._write("MATCH (m:PartygraphMeta {id: 'store'}) SET m.live = null")
            return
        latest = period_token(left[-1])
        leaving = self._run_value(f"MATCH (n:{VERSION}:{MARKER}) WHERE NOT n:{latest} "
                                  f"RETURN collect([n.{VERSION_KEY}, elementId(n), "
                                  f"any(l IN labels(n) WHERE l =~ '{PERIOD_LABEL_CYPHER}')])")
        self._leave_live(leaving)
        joining = self._run_value(f"MATCH (n:{VERSION}:{latest}) WHERE NOT n:{MARKER} "
                                  f"RETURN collect([n.{VERSION_KEY}, elementId(n)])")
        self._join_live(joining)
        self._write("MATCH (m:PartygraphMeta {id: 'store'}), (p:PartygraphMeta {id: $id}) "
                    "SET m.live = p.as_of, m.text_order_differs = coalesce(p.text_order_differs, true)",
                    id=f"period:{left[-1]}")

    def _leave_live(self, versions: list[tuple[str, str, bool]]) -> None:
        """Versions (key, element id, whether it is in a period) leave today's graph: those in a period
        stay as versions, their relationships retyped to the versions' types (deleted where the other
        end no longer co-exists with them); the others go."""
        for batch in _batches([element for _vkey, element, kept in versions if not kept]):
            self._write("UNWIND $rows AS e MATCH (n) WHERE elementId(n) = e DETACH DELETE n", rows=batch)
        self._relabel([(vkey, element) for vkey, element, kept in versions if kept], "REMOVE", LIVE_TYPES, "()",
                      f"CALL (r, a, b) {{ WITH * WHERE any(l IN labels(a) WHERE l =~ '{PERIOD_LABEL_CYPHER}' "
                      f"AND l IN labels(b)) CREATE (a)-[v:$('{PREFIX}' + type(r))]->(b) SET v = properties(r) }}")

    def _join_live(self, versions: list[tuple[str, str]]) -> None:
        """Versions (key, element id) join today's graph: the model's labels, and the model's type on
        their relationships with versions in it."""
        self._relabel(versions, "SET", VERSION_TYPES, f"(:{MARKER})",
                      f"CREATE (a)-[t:$(substring(type(r), {len(PREFIX)}))]->(b) SET t = properties(r)")

    def _relabel(self, versions: list[tuple[str, str]], clause: str, types: str, other: str, make: str) -> None:
        """Versions (key, element id) given or stripped of the model's label and the marker (``clause``:
        SET or REMOVE) and, in the same transaction, their relationships of ``types`` with an ``other``
        end replaced by what ``make`` creates from ``r`` between ``a`` and ``b``: a batch cut short
        leaves no version half moved."""
        by_label: dict[str, list[str]] = {}
        for vkey, element in versions:
            by_label.setdefault(split_key(vkey)[0], []).append(element)
        for label, elements in by_label.items():
            for batch in _batches(elements):
                self._write(f"UNWIND $rows AS e MATCH (n) WHERE elementId(n) = e {clause} n:{label}:{MARKER} "
                            f"WITH collect(n) AS nodes UNWIND nodes AS n MATCH (n)-[r:{types}]-{other} "
                            f"WITH DISTINCT r WITH r, startNode(r) AS a, endNode(r) AS b {make} DELETE r", rows=batch)

    def _add_versions(self, data: GraphData, as_of: str, bar: Tally, dates: list[str], latest: bool) -> None:
        """The period ``as_of`` into the versions, beside the periods of ``dates``: versions already
        there take its label, new ones are created, and relationships only where the two versions did
        not co-exist before. When the period is the ``latest``, its versions become today's graph (the
        others leave it) before anything is created, so that each record is written once."""
        from .periods import period_token

        label = period_token(as_of)
        keys = states(data)
        existing, element = self._versions_found(dates)
        labelled, new, rels = version_rows(data, keys, existing)
        if latest:
            wanted = set(keys.values())
            self._leave_live([(vkey, element[vkey], bool(periods & ~LIVE)) for vkey, periods in existing.items()
                              if periods & LIVE and vkey not in wanted])
        self._write_batches(f"UNWIND $rows AS e MATCH (n) WHERE elementId(n) = e SET n:{label}",
                            [element[vkey] for vkey in labelled], bar, label)
        if latest:
            self._join_live([(vkey, element[vkey]) for vkey in labelled if not existing[vkey] & LIVE])
        for model, rows in new.items():
            dates = _date_sets("n", "row.props", LABELS[model].properties)
            live = f":{model}:{MARKER}" if latest else ""
            element.update(self._write_batches(
                f"UNWIND $rows AS row CREATE (n:{version_label(model)}:{VERSION}:{label}{live}) "
                f"SET n = row.props, n.{VERSION_KEY} = row.vkey{dates} RETURN collect([row.vkey, elementId(n)])",
                rows, bar, model))
        bar.add(len(data.rels) - len(rels), label)
        groups: dict[str, list] = {}
        for rel_type, _from, _to, row in rels:
            groups.setdefault(rel_type, []).append({"a": element[row["a"]], "b": element[row["b"]], "p": row["p"]})
        for rel_type, rows in groups.items():
            types = RELATIONSHIPS[rel_type].properties
            props = f" SET r = row.p{_date_sets('r', 'row.p', types)}" if types else ""
            # In the latest period both ends are in today's graph; else at least one is not (two
            # versions in it co-exist, so their relationship is there).
            made = rel_type if latest else PREFIX + rel_type
            self._write_batches(f"UNWIND $rows AS row MATCH (a) WHERE elementId(a) = row.a "
                                f"MATCH (b) WHERE elementId(b) = row.b CREATE (a)-[r:{made}]->(b){props}",
                                rows, bar, rel_type)

    def _versions_found(self, dates: list[str]) -> tuple[dict[str, int], dict[str, str]]:
        """Every version's periods, as a bit set (bit i: the i-th of ``dates``; :data:`LIVE`: in today's
        graph), and its element id, both by version key. Versions are found again by the element ids
        the server gives them: a seek by id, where a unique index on the 40-character version keys
        cost 6 s of the city's 27 s of versions. The periods come as numbers made by the server (as
        label lists a city's 1.2 million versions took 12 s to send and decode, as numbers 5 s) and
        the versions in two halves read side by side (4 s)."""
        from .periods import period_token

        tokens = [period_token(day) for day in dates]
        words = [list(range(start, min(start + 32, len(tokens)))) for start in range(0, len(tokens), 32)]
        query = (f"MATCH (n:{VERSION}) WHERE (right(n.{VERSION_KEY}, 1) IN $even) = $half WITH n, labels(n) AS l "
                 f"RETURN collect([n.{VERSION_KEY}, elementId(n), n:{MARKER}, "
                 "[w IN $words | reduce(b = 0, i IN w | b + CASE WHEN $tokens[i] IN l THEN $bits[i] ELSE 0 END)]])")
        bits = [1 << (index % 32) for index in range(len(tokens))]
        with ThreadPoolExecutor(max_workers=IN_FLIGHT) as pool:
            halves = list(pool.map(lambda half: self._run_value(query, even=EVEN, half=half, words=words,
                                                                tokens=tokens, bits=bits), (True, False)))
        existing, element = {}, {}
        for found in halves:
            for vkey, element_id, live, parts in found:
                periods = LIVE if live else 0
                for index, part in enumerate(parts):
                    periods |= part << (32 * index)
                existing[vkey], element[vkey] = periods, element_id
        return existing, element

    # -- periods -----------------------------------------------------------------------------

    def period_dates(self) -> list[str]:
        return sorted(row["d"] for row in self._run(
            "MATCH (p:PartygraphMeta) WHERE p.id STARTS WITH 'period:' RETURN p.as_of AS d"))

    def periods(self) -> list[Period]:
        self.check_complete()
        rows = self._run("MATCH (p:PartygraphMeta) WHERE p.id STARTS WITH 'period:' RETURN p.as_of AS d, p.counts AS c")
        return sorted((Period(row["d"], orjson.loads(row["c"])) for row in rows), key=lambda p: p.as_of)

    def use(self, as_of: str | None) -> PeriodChoice:
        """Answer every read from now on from the register in force at ``as_of`` (default today):
        today's graph for the latest period, the versions for an earlier one."""
        self.check_complete()
        choice, self._token = self._choice(as_of)
        self._period = choice.period
        return choice

    def _choice(self, as_of: str | None) -> tuple[PeriodChoice, str | None]:
        """The period in force at ``as_of`` and the label its versions are read by (None: today's graph)."""
        from .periods import period_token

        choice = in_force(self.period_dates(), as_of)
        live = self._run("MATCH (m:PartygraphMeta {id: 'store'}) RETURN m.live AS live")[0]["live"]
        return choice, (None if choice.period == live else period_token(choice.period))

    def difference(self, first: str, second: str) -> tuple[GraphData, GraphData]:
        """(what the register of ``first`` holds that the one of ``second`` does not, and the reverse),
        read from the versions in one or the other period only (see the embedded store's twin)."""
        from .neo4j_periods import model_label
        from .periods import period_token

        self.check_complete()
        one, two = period_token(first), period_token(second)
        states: tuple[dict, dict] = ({}, {})
        labels = [version_label(name) for name in LABELS]
        # Each label's versions in two halves by their id's last character, read side by side (the
        # server answers a query on one core); a record's relationships come only where its two
        # versions point to other versions or with other properties (a city's quarter: 56,000
        # members changed, 7,000 of them in their relationships). The versions are found by their
        # labels, and their ids read only then: reading the id of every member version (425,000 in
        # 8 quarters) to halve them took 0.5 s of a half's 1.5 s.
        parts = [(label, half) for label in sorted(LABELS, key=lambda name: name != "Member") for half in (True, False)]

        def read(part: tuple[str, bool]) -> None:
            label, half = part
            rows = self._run_value(
                f"CALL () {{ MATCH (n:{version_label(label)}:{one}) WHERE NOT n:{two} RETURN n, true AS in_one "
                f"UNION ALL MATCH (n:{version_label(label)}:{two}) WHERE NOT n:{one} RETURN n, false AS in_one }} "
                "WITH n, in_one WHERE (right(n.id, 1) IN $even) = $half "
                f"WITH n, in_one, COLLECT {{ MATCH (n)-[r]->(m:{VERSION}) WHERE CASE WHEN in_one THEN m:{one} ELSE m:{two} END "
                f"WITH m, r, {model_type('r')} AS t "
                "RETURN [elementId(m), t] + CASE WHEN t IN $with_properties THEN [properties(r)] ELSE [] END "
                "} AS targets "
                "WITH n.id AS id, collect([n, in_one, targets]) AS found "
                "WITH found, size(found) = 2 AND size(found[0][2]) = size(found[1][2]) "
                "AND all(t IN found[0][2] WHERE t IN found[1][2]) AS same "
                "UNWIND found AS f WITH f[0] AS n, f[1] AS in_one, same "
                f"RETURN collect([in_one, {_projection(label)}, CASE WHEN same THEN null ELSE "
                f"COLLECT {{ MATCH (n)-[r]->(m:{VERSION}) WHERE CASE WHEN in_one THEN m:{one} ELSE m:{two} END "
                f"RETURN [{model_type('r')}, [l IN labels(m) WHERE l IN $labels][0], m.id, properties(r)] }} END])",
                labels=labels, even=EVEN, half=half,
                with_properties=[name for name, rel in RELATIONSHIPS.items() if rel.properties])
            for in_one, values, out in rows:
                props = _from_values(label, values)
                key = f"{label}:{props['id']}"
                rels = None if out is None else {
                    (rel_type, key, f"{model_label(to_label)}:{to_id}"): _from_neo4j(rel_props)
                    for rel_type, to_label, to_id, rel_props in out}
                states[0 if in_one else 1][key] = (label, props, rels)

        with ThreadPoolExecutor(max_workers=IN_FLIGHT) as pool:
            list(pool.map(read, parts))
        # A record read here with its relationships is whole (its version in its period): records()
        # answers from those.
        self._records_read = {day: {key: state for key, state in side.items() if state[2] is not None}
                              for day, side in ((first, states[0]), (second, states[1]))}
        self._records_read_at = self._loaded
        sides = (GraphData(), GraphData())
        for this, other, side in ((states[0], states[1], sides[0]), (states[1], states[0], sides[1])):
            for key, (label, props, rels) in this.items():
                was = other.get(key)
                if was is None or was[1] != props:
                    side.add_node(label, props)
                for rel, rel_props in (rels or {}).items():
                    if was is None or rel not in was[2] or was[2][rel] != rel_props:
                        side.rels[rel] = rel_props
        return sides

    def records(self, keys: list[str]) -> GraphData:
        """The nodes of ``keys`` (``Label:id``) with their outgoing relationships, in the period read."""
        self.check_complete()
        return self._records(keys)

    def _records(self, keys: list[str]) -> GraphData:
        from .neo4j_periods import model_label

        data = GraphData()
        read = self._records_read.get(self._read_period(), {})
        for key in keys:
            if (found := read.get(key)) is not None:
                label, props, rels = found
                data.nodes[label][props["id"]] = props
                data.rels.update(rels)
        for label, ids in ids_by_label([key for key in keys if key not in read]).items():
            rows = self.run_value(f"CALL () {{ UNWIND $ids AS id MATCH (n:{label}:{MARKER} {{id: id}}) "
                                  f"RETURN {_projection(label)} AS p, COLLECT {{ MATCH (n)-[r]->(m:{MARKER}) "
                                  f"RETURN [{model_type('r')}, [l IN labels(m) WHERE l IN $labels][0], m.id, properties(r)] }} AS out }} "
                                  "RETURN collect([p, out])", ids=ids, labels=self.label_names(LABELS))
            for values, out in rows:
                props = _from_values(label, values)
                data.nodes[label][props["id"]] = props
                for rel_type, to_label, to_id, rel_props in out:
                    data.rels[(rel_type, f"{label}:{props['id']}", f"{model_label(to_label)}:{to_id}")] = _from_neo4j(rel_props)
        return data

    def places(self) -> GraphData:
        """Every area and building of the period read, and the PART_OF between them."""
        self.check_complete()
        data = GraphData()
        query = " UNION ALL ".join(
            f"MATCH (n:{label}:{MARKER}) RETURN '{label}' AS label, properties(n) AS p, "
            f"COLLECT {{ MATCH (n)-[:PART_OF]->(b:Area:{MARKER}) RETURN b.id }} AS up" for label in ("Area", "Building"))
        # One query, its rows collected into one value: a city's 5,400 places in 0.07 s (0.28 s as rows).
        for label, props, ups in self.run_value(f"CALL () {{ {query} }} RETURN collect([label, p, up])"):
            data.add_node(label, _from_neo4j(props))
            for up in ups:
                data.add_rel("PART_OF", label, props["id"], "Area", up)
        return data

    def keep(self, name: str, value: dict) -> None:
        """Keep ``value`` on the marker of the period read (``use``), as JSON; replacing or dropping
        the period removes it."""
        self._write("MATCH (p:PartygraphMeta {id: $id}) SET p.kept = $kept",
                    id=f"period:{self._read_period()}", kept=orjson.dumps({**self._kept_all(), name: value}).decode())

    def kept(self, name: str) -> dict | None:
        return self._kept_all().get(name)

    def _kept_all(self) -> dict:
        rows = self._run("MATCH (p:PartygraphMeta {id: $id}) RETURN p.kept AS kept", id=f"period:{self._read_period()}")
        return orjson.loads(rows[0]["kept"]) if rows and rows[0]["kept"] else {}

    def _read_period(self) -> str | None:
        """The date of the period reads answer from: the one ``use`` chose, else the latest."""
        chosen = getattr(self, "_period", None)
        return chosen or max(self.period_dates(), default=None)

    def label_names(self, labels) -> list[str]:
        """The names the model's labels have in the period read (the versions' names for an earlier one)."""
        return [version_label(label) if getattr(self, "_token", None) else label for label in labels]

    def _take_lock(self, dates: list[str]) -> tuple[str, list[str], int | None]:
        """Take the load lock and mark the store as loading the periods ``dates``, in one transaction:
        a second load that starts meanwhile waits on the lock node, then sees the first one's name and
        is refused. A lock left by a load that was killed (its process gone, on this machine) is taken
        over. Returns the lock's token, the periods a write before this one left unfinished (then
        today's graph is marked as holding no period: it may be half rewritten) and the store's layout
        (``LAYOUT`` for a new store, None for one written before layouts were named)."""
        token = f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex}"

        def take(tx):
            row = tx.run("MERGE (l:PartygraphMeta {id: 'lock'}) SET l.touched = datetime() "
                         "RETURN l.holder AS holder, l.host AS host, l.pid AS pid, toString(l.since) AS since, "
                         "l.since < datetime() - duration({hours: $hours}) AS expired", hours=LOCK_EXPIRES_HOURS).single()
            if row["holder"] and not _abandoned(row["host"], row["pid"], row["expired"]):
                return dict(row), [], None
            before = tx.run("OPTIONAL MATCH (m:PartygraphMeta {id: 'store'}) "
                            "RETURN CASE WHEN m IS NULL THEN $layout ELSE m.layout END AS layout, "
                            "CASE WHEN m.state = 'loading' THEN coalesce(m.writing, []) ELSE [] END AS cut",
                            layout=LAYOUT).single()
            tx.run("MATCH (l:PartygraphMeta {id: 'lock'}) "
                   "SET l.holder = $token, l.host = $host, l.pid = $pid, l.since = datetime() "
                   "MERGE (m:PartygraphMeta {id: 'store'}) "
                   "SET m.state = 'loading', m.started = datetime(), m.writing = $writing, "
                   "m.live = CASE WHEN $cut THEN null ELSE m.live END",
                   token=token, host=socket.gethostname(), pid=os.getpid(),
                   writing=sorted({*before["cut"], *dates}), cut=bool(before["cut"]))
            return None, list(before["cut"]), before["layout"]

        with self._session() as session:
            holder, unfinished, layout = session.execute_write(take)
        if holder:
            raise StoreError(_("another load into {store} is running (machine {host}, process {pid}, since {since}); "
                               "wait for it to finish and load again").format(
                store=self.describe(), host=holder["host"], pid=holder["pid"], since=holder["since"]))
        return token, unfinished, layout

    def _release_lock(self, token: str) -> None:
        self._write("MATCH (l:PartygraphMeta {id: 'lock'}) WHERE l.holder = $token "
                    "REMOVE l.holder, l.host, l.pid, l.since", token=token)

    def _refuse_foreign_nodes(self) -> None:
        labels = " OR ".join(f"n:{label}" for label in LABELS)
        rows = self._run(f"MATCH (n) WHERE ({labels}) AND NOT n:{MARKER} RETURN count(n) AS foreign")
        if rows and rows[0]["foreign"]:
            raise StoreError(
                _("database {database} at {uri} already holds {count} node(s) with partygraph's labels that "
                  "partygraph did not write; use another database (NEO4J_DATABASE) so they stay untouched").format(
                    database=self.database, uri=self.uri, count=rows[0]["foreign"]))

    def _ensure_schema(self) -> None:
        from .neo4j_periods import version_schema_statements

        for statement in schema_statements() + version_schema_statements():
            self._autocommit(statement)
        self._autocommit("CALL db.awaitIndexes(300)")

    def _write_batches(self, query: str, rows: list, bar: Tally, what: str) -> list:
        """Write ``rows`` in batches, two transactions in flight so that preparing and sending one
        overlaps the server's work on the other. Each batch is its own managed transaction; one
        that meets a lock taken by the other is retried by the driver (deadlocks are transient).
        Returns what the batches returned: the items of the list a query's one row holds."""
        found: list = []

        def write(batch: list) -> int:
            result = self._write(query, rows=batch)
            if result:
                found.extend(result[0].value())
            return len(batch)

        with ThreadPoolExecutor(max_workers=IN_FLIGHT) as pool:
            pending = set()
            for batch in _batches(rows):
                if len(pending) >= IN_FLIGHT:
                    done, pending = wait(pending, return_when=FIRST_COMPLETED)
                    for future in done:
                        bar.add(future.result(), what)
                pending.add(pool.submit(write, batch))
            for future in pending:
                bar.add(future.result(), what)
        return found

    # -- reading ----------------------------------------------------------------------------

    def check_complete(self) -> None:
        rows = self._run("OPTIONAL MATCH (m:PartygraphMeta {id: 'store'}) "
                         "RETURN m.state AS state, coalesce(m.text_order_differs, true) AS differs, "
                         "coalesce(m.versions_order_differs, true) AS versions_differ, toString(m.loaded) AS loaded")
        state = rows[0]["state"] if rows else None
        self._loaded = rows[0]["loaded"] if rows else None
        if self._records_read and self._loaded != self._records_read_at:
            self._records_read = {}          # written since difference() read them (by any process)
        self._text_order_differs = rows[0]["differs"] if rows else True
        self._versions_order_differs = rows[0]["versions_differ"] if rows else True
        if state is None:
            raise StoreError(_("{store} holds no partygraph data; run 'partygraph load DATASET --neo4j ...' first").format(
                store=self.describe()))
        if state != "complete":
            raise StoreError(_("the last load into {store} did not finish; run 'partygraph load' again").format(
                store=self.describe()))

    def orders_text_like_python(self) -> bool:
        """Whether Neo4j orders the store's ids as Python does. Java compares text by UTF-16 units,
        Python by code points: the two differ only for characters from U+E000 up, which the load
        looks for in every id (``text_order_differs``, kept on the store's marker)."""
        if getattr(self, "_text_order_differs", None) is None:
            self.check_complete()
        return not (self._versions_order_differs if getattr(self, "_token", None) else self._text_order_differs)

    def read(self) -> GraphData:
        """The whole partygraph graph (for comparisons and exports)."""
        self.check_complete()
        return self._read_all()

    def _read_all(self) -> GraphData:
        data = GraphData()
        for label in LABELS:
            for row in self.run(f"MATCH (n:{label}:{MARKER}) RETURN properties(n) AS p"):
                data.add_node(label, _from_neo4j(row["p"]))
        for (rel_type, from_label, to_label) in _endpoint_pairs():
            query = (f"MATCH (a:{from_label}:{MARKER})-[r:{rel_type}]->(b:{to_label}:{MARKER}) "
                     f"RETURN a.id AS f, b.id AS t, properties(r) AS p")
            for row in self.run(query):
                data.add_rel(rel_type, from_label, row["f"], to_label, row["t"], _from_neo4j(row["p"]))
        return data

    # -- the Store interface's questions, answered by Cypher ----------------------------------

    def analysis_page(self, analysis, options: dict, limit: int | None):
        from .pages import neo4j_page

        self.check_complete()
        return neo4j_page(analysis, self, options, limit)

    def analysis_json(self, analysis, options: dict) -> Iterator[bytes]:
        from ..output import json_chunks

        return json_chunks(self.analysis_page(analysis, options, None).rows)

    def places_of(self, keys: list[str]) -> dict[str, str | None]:
        from .reads import first_place, places_cypher

        self.check_complete()
        found = {}
        for label, ids in ids_by_label(keys).items():
            found.update((f"{label}:{node_id}", first_place(pairs))
                         for node_id, pairs in self.run_value(places_cypher(label), ids=ids))
        return found

    def properties(self, label: str, ids: list[str]) -> dict[str, dict]:
        self.check_complete()
        rows = self.run_value(f"CALL () {{ UNWIND $ids AS id MATCH (n:{label}:{MARKER} {{id: id}}) RETURN {_projection(label)} AS p }} "
                              "RETURN collect(p)", ids=ids)
        return {values[0]: _from_values(label, values) for values in rows}

    def ids_between(self, label: str, prop: str, low: str, high: str) -> list[str]:
        self.check_complete()
        return self.run_value(f"MATCH (n:{label}:{MARKER}) WHERE n.{prop} >= date($low) AND n.{prop} < date($high) "
                              "RETURN collect(n.id)", low=low, high=high)

    def analysis_apart(self, analysis, sides, columns: list[str], shown: list[str]):
        """Both sides made and compared in one query (``pages.apart_cypher``), each through its
        period's graph, so that only the rows apart are sent. The period other reads answer from
        stays as it was: this read may run beside them."""
        from .neo4j_periods import versioned
        from .pages import apart_columns, apart_cypher, apart_pairs, apart_parameters

        self.check_complete()
        fetched = apart_columns(columns, shown)
        texts = []
        for period, options in sides:
            token = self._choice(period)[1]
            text = analysis.cypher(ids=options.get("ids") is not None).strip()
            texts.append(versioned(text, token) if token else text)
        query, parameters = apart_cypher(texts, fetched, columns), apart_parameters(analysis, sides)
        ids = [options.get("ids") for _period, options in sides]
        with paused_gc():
            if ids[0] is None or ids[0] != ids[1] or len(ids[0]) < BATCH:
                return apart_pairs(self._run_value(query, **parameters), fetched)
            # The same records judged on both sides: in two halves, side by side (the server answers a
            # query on one core).
            with ThreadPoolExecutor(max_workers=IN_FLIGHT) as pool:
                found = pool.map(lambda half: self._run_value(query, **{**parameters, "s0_ids": half, "s1_ids": half}),
                                 (ids[0][0::2], ids[0][1::2]))
                return [pair for part in found for pair in apart_pairs(part, fetched)]

    def narrowing(self, place: str, label: str) -> dict:
        """Enterprises are found from the place itself (``gaps_enterprises_place.cypher``): a district's
        in 0.4 s, where sending its 29,000 ids and scanning the city's enterprises for them took 0.85 s."""
        from .reads import PLACE_KIND_CYPHER, check_place, ids_in

        if label != "Enterprise":
            return {"ids": ids_in(self, place, label)}
        self.check_complete()
        row = self.run(PLACE_KIND_CYPHER, place=place)[0]
        check_place(place, row["areas"], row["buildings"])
        return {"within": place}

    def place_ids(self, place: str, label: str) -> tuple[int, int, list[str]]:
        from .reads import PLACE_CYPHER

        self.check_complete()
        row = self.run(PLACE_CYPHER, place=place, label=label)[0]
        return row["areas"], row["buildings"], row["ids"]

    def subgraph(self, view: str, scope: str | None, depth: int, max_nodes: int):
        from .neo4j_subgraph import from_neo4j

        return from_neo4j(self, view, scope, depth, max_nodes)

    def pairing_orgs(self) -> list[tuple[str, str, list[str]]]:
        from .reads import PAIRING_CYPHER

        self.check_complete()
        return [tuple(row) for row in self.run_value(PAIRING_CYPHER)]

    def counts(self) -> dict[str, int]:
        self.check_complete()
        result = {}
        for label in LABELS:
            result[label] = self.run(f"MATCH (n:{label}:{MARKER}) RETURN count(n) AS c")[0]["c"]
        for rel_type in RELATIONSHIPS:
            result[rel_type] = self.run(f"MATCH (:{MARKER})-[r:{rel_type}]->(:{MARKER}) RETURN count(r) AS c")[0]["c"]
        return result


def _endpoint_pairs() -> Iterable[tuple[str, str, str]]:
    for rel in RELATIONSHIPS.values():
        for from_label, to_label in rel.endpoints:
            yield rel.type, from_label, to_label
