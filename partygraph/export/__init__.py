"""Research exports: Gephi-ready GraphML and GEXF, node-link JSON, CSV; members pseudonymized by default."""

from __future__ import annotations

import itertools
import os
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from ..errors import UsageError
from ..graph.model import LABELS
from ..progress import Progress, Tally
from ..i18n import _
from .pseudonym import KEY_VARIABLE, Pseudonymizer, new_key, weak_key_problem
from .table import export_graph, history_graph
from .writers import WRITERS

FORMATS = (*WRITERS, "neo4j-admin")


@dataclass
class Export:
    path: Path
    nodes: int
    edges: int
    pseudonymized: bool
    key_file: Path | None                # a new key's file (0600), to name to the user, never the key
    members: int = 0                     # pseudonymized members, and of those the ones whose employer,
    unique_members: int = 0              # organization and dates no other member shares
    command: str | None = None           # for neo4j-admin files: the import command


def scoped_data(store, scope: str | None, depth: int):
    """The whole graph, or what is within ``depth`` steps of ``scope`` (every label and relationship)."""
    if scope is None:
        return store.read()
    return store.subgraph("structure", scope, depth, max_nodes=10**9).data


def pseudonym_key(key_file: str | Path | None = None, out: str | Path = "export") -> tuple[bytes, Path | None]:
    """The key of a pseudonymized export: from ``key_file``, else ``PARTYGRAPH_PSEUDONYM_KEY``, else a
    new random key kept in a 0600 file under partygraph's folder (returned, to be named to the user).
    A key that is no real secret (short, a common word) is refused: pseudonyms made with it can be
    reversed by trying the members' ids."""
    import datetime as dt

    from ..files import atomic_write
    from ..keys import home

    if key_file is not None:
        given, where = Path(key_file).read_text(encoding="utf-8").strip(), str(key_file)
    else:
        given, where = os.environ.get(KEY_VARIABLE, ""), KEY_VARIABLE
    if given or key_file is not None:          # an empty key file is no key, not a reason to make one
        problem = weak_key_problem(given)
        if problem:
            raise UsageError(_("the pseudonym key in {where} is no real secret: {problem}; use a random key such "
                               "as the ones partygraph makes").format(where=where, problem=problem))
        return given.encode("utf-8"), None
    folder = home() / "export-keys"
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    secret = new_key()
    stamp = f"{Path(out).stem}-{dt.datetime.now():%Y%m%d-%H%M%S}"
    for attempt in itertools.count(1):      # two exports in the same second each keep their own key
        path = folder / (f"{stamp}.key" if attempt == 1 else f"{stamp}-{attempt}.key")
        try:
            with atomic_write(path, encoding="ascii", exclusive=True) as handle:
                handle.write(secret.decode("ascii") + "\n")
        except FileExistsError:
            continue
        return secret, path


#: A member's properties that, as exported, can single the member out with the employer and the
#: organization (dates and places: the classes a pseudonymized export coarsens but keeps).
QUASI_IDENTIFYING = tuple(name for name, prop in LABELS["Member"].props.items() if prop.privacy in ("year", "province"))


def reidentification(graph) -> tuple[int, int]:
    """(members, members unique by employer, organization, dates and place): how many pseudonyms a
    reader who knows a workplace and a year could still tell apart."""
    links: dict[str, dict[str, str]] = {}
    for source, target, rel_type, _attrs in graph.edges:
        if rel_type in ("WORKS_AT", "MEMBER_OF"):
            links.setdefault(source, {})[rel_type] = target
    profiles = Counter()
    keys = []
    for key, attrs in graph.nodes:
        if attrs["type"] == "Member":
            profile = (links.get(key, {}).get("WORKS_AT"), links.get(key, {}).get("MEMBER_OF"),
                       *(attrs.get(name) for name in QUASI_IDENTIFYING))
            profiles[profile] += 1
            keys.append(profile)
    return len(keys), sum(1 for profile in keys if profiles[profile] == 1)


def export(store, fmt: str, out: str | Path, pseudonymize: bool = True, scope: str | None = None,
           depth: int = 2, key: bytes | None = None, key_file: str | Path | None = None,
           coarsen_dates: bool = True, progress: Progress = None, history: bool = False) -> Export:
    """Write the store's graph (or a scoped part) in ``fmt``; members pseudonymized unless told not to.
    ``key`` (bytes) or ``key_file`` links the pseudonyms to an earlier export's; ``coarsen_dates``
    keeps only the year of members' dates. ``history``: every period at once, each node and edge
    with the periods it is in (GEXF: dynamic, with spells)."""
    if fmt not in FORMATS:
        raise UsageError(_("--format expects one of {allowed}, not {given!r}").format(allowed=", ".join(FORMATS), given=fmt))
    if fmt == "neo4j-admin":
        if history:
            raise UsageError(_("a bulk import holds one register; every period at once is for the research formats"))
        return _admin_export(store, out, scope, depth, progress)
    made = None
    pseudonymizer = None
    if pseudonymize:
        if key is None:
            key, made = pseudonym_key(key_file, out)
        pseudonymizer = Pseudonymizer(key, coarsen_dates=coarsen_dates)
    steps = Tally(progress, 3)
    if history:
        graph = history_graph(_every_period(store, scope, depth), pseudonymizer)
        steps.add(2, "rows")
    else:
        data = scoped_data(store, scope, depth)
        steps.add(1, "read")
        graph = export_graph(data, pseudonymizer)
        steps.add(1, "rows")
    members = unique = 0
    if pseudonymize:
        members, unique = reidentification(graph)
        graph.info["reidentification"] = {"members": members, "unique_by_employer_organization_dates": unique}
    path = Path(out)
    WRITERS[fmt](graph, path)
    steps.add(1, path.name)
    return Export(path, len(graph.nodes), len(graph.edges), pseudonymize, made, members, unique)


def _every_period(store, scope: str | None, depth: int) -> list:
    """(date, graph) of every period the store keeps; the store reads the latest again afterwards."""
    found = []
    try:
        for period in store.periods():
            store.use(period.as_of)
            found.append((period.as_of, scoped_data(store, scope, depth)))
    finally:
        store.use(None)
    return found


def _admin_export(store, out: str | Path, scope: str | None, depth: int, progress: Progress) -> Export:
    """neo4j-admin import files: the database's own content, so members' real data, never pseudonyms."""
    from .neo4j_admin import write_admin

    steps = Tally(progress, 2)
    data = scoped_data(store, scope, depth)
    steps.add(1, "read")
    files = write_admin(data, out)
    steps.add(1, "files")
    counts = data.counts()
    return Export(files.folder, sum(counts[label] for label in data.nodes), len(data.rels), False, None,
                  command=files.command)
