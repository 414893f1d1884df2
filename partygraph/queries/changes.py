"""What changed between two registers: one row per fact, losses first (the kinds and what ``before``
and ``after`` hold are listed in ``KINDS``; the README's "Periods" section says it in words).

The stores give what one register holds and the other does not (:meth:`difference`, read from the
row versions: a city's quarter changes a few percent of it); the coverage and the members' state are
judged by the analyses themselves (``gaps enterprises`` on the units whose coverage could have
changed, ``gaps members`` at each register's own date), so a change means what the reports mean.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..graph.data import GraphData
from ..graph.model import split_key
from ..graph.periods import in_force
from . import run_analysis

#: Every kind, in the order rows come: losses first, then gains, then the rest.
KINDS = ["org_coverage_lost", "work_coverage_lost", "became_isolated", "contact_lost", "removed", "unpaired",
         "org_coverage_gained", "work_coverage_gained", "found_home", "contact_restored", "added", "paired",
         "transferred", "employer_changed", "property_changed"]
COLUMNS = ["change", "label", "id", "name", "place_id", "before", "after"]
#: Relationships a record's row states (its building, its superior …): a change of them is a change of
#: the record's properties, named by the relationship. MEMBER_OF, WORKS_AT and PAIRED_WITH have kinds of
#: their own.
AS_PROPERTIES = ("PART_OF", "LOCATED_IN", "SUBORDINATE_TO", "COVERS", "BASED_IN", "PARTICIPATES_IN", "GUIDES",
                 "SECRETARY_OF")


@dataclass
class Changes:
    """The two registers compared and the rows (``COLUMNS``), most consequential first."""

    first: str
    second: str
    rows: list[dict] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        found = {kind: 0 for kind in KINDS}
        for row in self.rows:
            found[row["change"]] += 1
        return {kind: n for kind, n in found.items() if n}


def periods_compared(dates: list[str], start: str | None, end: str | None) -> tuple[str, str]:
    """The registers in force at ``start`` and ``end``; by default the latest and the one before it."""
    second = in_force(dates, end).period
    if start is None:
        earlier = [day for day in sorted(dates) if day < second]
        return (earlier[-1] if earlier else second), second
    return in_force(dates, start).period, second


def changes(store, start: str | None = None, end: str | None = None, place: str | None = None) -> Changes:
    """Every change from the register in force at ``start`` to the one in force at ``end``."""
    try:
        return _changes(store, start, end, place)
    finally:
        _INDEX.clear()
        store.use(None)


def _changes(store, start: str | None, end: str | None, place: str | None) -> Changes:
    dates = [p.as_of for p in store.periods()]
    first, second = periods_compared(dates, start, end)
    result = Changes(first, second)
    if first == second:
        return result
    gone, new = store.difference(first, second)
    touched = sorted({*gone.keys(), *new.keys(), *(k for rel in (*gone.rels, *new.rels) for k in rel[1:])})
    before, after = _records(store, first, touched), _records(store, second, touched)
    rows = _records_changed(before, after, gone, new)
    rows += _relationships_changed(before, after, gone, new)
    rows += _coverage_changed(store, first, second, before, after, gone, new)
    members, context = _members_changed(store, first, second)
    rows += members
    _merge(before, context[0])
    _merge(after, context[1])
    keys = sorted({f"{r['label']}:{r['id']}" for r in rows if r["label"] != "Pairing"} - set(touched))
    _merge(before, _records(store, first, [key for key in keys if not _holds(before, key)]))
    _merge(after, _records(store, second, [key for key in keys if not _holds(after, key)]))
    for row in rows:
        row["place_id"] = _place(after if _in(after, row) else before, row)
    if place is not None:
        rows = _within(store, place, rows, (first, second))
    rows.sort(key=lambda r: (KINDS.index(r["change"]), r["label"], r["id"]))
    result.rows = rows
    return result


def _records(store, period: str, keys: list[str]) -> GraphData:
    """The records of ``keys`` in the register of ``period``, with their outgoing relationships and the
    records of their employers (a member's place is where they work)."""
    store.use(period)
    data = store.records(keys)
    employers = sorted({target for (kind, _source, target) in data.rels if kind == "WORKS_AT"} - set(data.keys()))
    _merge(data, store.records(employers))
    return data


def _merge(data: GraphData, extra: GraphData) -> None:
    for label, by_id in extra.nodes.items():
        data.nodes[label].update(by_id)
    data.rels.update(extra.rels)


def _holds(data: GraphData, key: str) -> bool:
    label, node_id = split_key(key)
    return node_id in data.nodes.get(label, {})


def _in(data: GraphData, row: dict) -> bool:
    return row["label"] != "Pairing" and row["id"] in data.nodes.get(row["label"], {})


def _row(change: str, label: str, node_id: str, name: str | None, before=None, after=None) -> dict:
    return {"change": change, "label": label, "id": node_id, "name": name, "place_id": None,
            "before": before, "after": after}


_INDEX: dict[int, tuple[int, dict]] = {}


def _targets(data: GraphData, key: str, rel_type: str) -> list[str]:
    """The ids a record's relationships of a type lead to, sorted (an index per graph, made again
    when it grew; the lists it gives are shared: read them, never change them)."""
    size, index = _INDEX.get(id(data), (-1, {}))
    if size != len(data.rels):
        index = {}
        for (kind, source, target) in data.rels:
            index.setdefault((kind, source), []).append(split_key(target)[1])
        for targets in index.values():
            targets.sort()
        _INDEX[id(data)] = (len(data.rels), index)
    return index.get((rel_type, key), _NONE)


_NONE: list[str] = []


def _records_changed(before: GraphData, after: GraphData, gone: GraphData, new: GraphData) -> list[dict]:
    rows = []
    for label in gone.nodes:
        for node_id, props in gone.nodes[label].items():
            if node_id not in after.nodes[label]:
                rows.append(_row("removed", label, node_id, props.get("name")))
        for node_id, props in new.nodes[label].items():
            if node_id not in before.nodes[label]:
                rows.append(_row("added", label, node_id, props.get("name")))
    stated = {source for (kind, source, _t) in (*gone.rels, *new.rels) if kind in AS_PROPERTIES}
    for key in sorted(set(gone.keys()) | set(new.keys()) | stated):
        label, node_id = split_key(key)
        if node_id not in before.nodes[label] or node_id not in after.nodes[label]:
            continue
        if True:
            was, now = _as_properties(before, key), _as_properties(after, key)
            changed = sorted(k for k in set(was) | set(now) if was.get(k) != now.get(k))
            if changed:
                rows.append(_row("property_changed", label, node_id, now.get("name"),
                                 {k: was.get(k) for k in changed}, {k: now.get(k) for k in changed}))
    return rows


def _as_properties(data: GraphData, key: str) -> dict:
    """A record's properties and the relationships its row states, by their type's name."""
    label, node_id = split_key(key)
    found = dict(data.nodes[label].get(node_id, {}))
    for rel_type in AS_PROPERTIES:
        targets = _targets(data, key, rel_type)
        if targets:
            found[rel_type] = targets
    return found


def _relationships_changed(before: GraphData, after: GraphData, gone: GraphData, new: GraphData) -> list[dict]:
    rows = []
    members = {split_key(source)[1] for (kind, source, _t) in (*gone.rels, *new.rels) if kind in ("MEMBER_OF", "WORKS_AT")}
    for member in sorted(members):
        key = f"Member:{member}"
        if member not in before.nodes["Member"] or member not in after.nodes["Member"]:
            continue
        name = after.nodes["Member"][member].get("name")
        for rel_type, change in (("MEMBER_OF", "transferred"), ("WORKS_AT", "employer_changed")):
            was, now = _targets(before, key, rel_type), _targets(after, key, rel_type)
            if was != now:
                rows.append(_row(change, "Member", member, name, was[0] if was else None, now[0] if now else None))
    pairs_before, pairs_after = _pairs(before, gone), _pairs(after, new)
    for pair in sorted(set(pairs_before) ^ set(pairs_after)):
        kind = "unpaired" if pair in pairs_before else "paired"
        props = (pairs_before if kind == "unpaired" else pairs_after)[pair]
        rows.append(_row(kind, "Pairing", "|".join(pair), None, props if kind == "unpaired" else None,
                         props if kind == "paired" else None))
    return rows


def _pairs(data: GraphData, side: GraphData) -> dict[tuple[str, str], dict]:
    """The pairs (either direction) among the organizations whose pairings changed."""
    involved = {k for (kind, source, target) in side.rels if kind == "PAIRED_WITH" for k in (source, target)}
    found = {}
    for (kind, source, target), props in data.rels.items():
        if kind == "PAIRED_WITH" and (source in involved or target in involved):
            found[tuple(sorted((split_key(source)[1], split_key(target)[1])))] = props
    return found


def _coverage_changed(store, first: str, second: str, before: GraphData, after: GraphData, gone: GraphData,
                      new: GraphData) -> list[dict]:
    """Units in both registers whose coverage could have moved (a COVERS, GUIDES or LOCATED_IN of theirs,
    or a BASED_IN of their building, changed), judged by ``gaps enterprises`` in each."""
    candidates: set[str] = set()
    buildings: set[str] = set()
    for (kind, source, target) in (*gone.rels, *new.rels):
        if kind in ("COVERS", "GUIDES"):
            candidates.add(split_key(target)[1])
        elif kind == "LOCATED_IN":
            candidates.add(split_key(source)[1])
        elif kind == "BASED_IN" and target.startswith("Building:"):
            buildings.add(split_key(target)[1])
    for period in (first, second):
        store.use(period)
        for building in sorted(buildings):
            candidates.update(store.place_ids(building, "Enterprise")[2])
    candidates &= _ids(store, first, "Enterprise", candidates) & _ids(store, second, "Enterprise", candidates)
    if not candidates:
        return []
    ids = sorted(candidates)
    coverage = []
    for period in (first, second):
        store.use(period)
        coverage.append({row["id"]: row["coverage"] for row in
                         run_analysis(store, "gaps enterprises", ids=ids)})
    rows = []
    coverers = _coverers(gone), _coverers(new)
    for unit in ids:
        was, now = coverage[0].get(unit, "org"), coverage[1].get(unit, "org")
        name = (after.nodes["Enterprise"].get(unit) or before.nodes["Enterprise"].get(unit) or {}).get("name")
        if was == now:
            continue
        if "org" in (was, now):
            key = f"Enterprise:{unit}"
            covering = ([], coverers[1].get(key, [])) if now == "org" else (coverers[0].get(key, []), [])
            rows.append(_row("org_coverage_gained" if now == "org" else "org_coverage_lost", "Enterprise", unit, name,
                             *covering))
        else:
            rows.append(_row("work_coverage_gained" if now == "work" else "work_coverage_lost", "Enterprise", unit,
                             name, was, now))
    return rows


def _coverers(side: GraphData) -> dict[str, list[str]]:
    """For each unit one side's COVERS reach (``Enterprise:id``), the organizations covering it, sorted."""
    index: dict[str, list[str]] = {}
    for (kind, source, target) in side.rels:
        if kind == "COVERS":
            index.setdefault(target, []).append(split_key(source)[1])
    return {target: sorted(orgs) for target, orgs in index.items()}


def _ids(store, period: str, label: str, ids: set[str]) -> set[str]:
    store.use(period)
    return set(store.records([f"{label}:{i}" for i in sorted(ids)]).nodes[label])


def _members_changed(store, first: str, second: str) -> tuple[list[dict], list[GraphData]]:
    """Isolation and lost contact, each register judged at its own date by ``gaps members``; with the
    records of the members judged differently, in each register (where they are is read from them)."""
    reasons = []
    for period in (first, second):
        store.use(period)
        reasons.append({row["id"]: row for row in run_analysis(store, "gaps members", as_of=period)})
    def judged(member: str, side: int) -> set[str]:
        return set(reasons[side].get(member, {}).get("reasons") or [])

    candidates = sorted(m for m in set(reasons[0]) | set(reasons[1]) if judged(m, 0) != judged(m, 1))
    context = [_records(store, period, [f"Member:{m}" for m in candidates]) for period in (first, second)]
    rows = []
    for member in candidates:
        if member not in context[0].nodes["Member"] or member not in context[1].nodes["Member"]:
            continue
        was, now = judged(member, 0), judged(member, 1)
        name = context[1].nodes["Member"][member].get("name")
        key = f"Member:{member}"
        homes = [sorted(set(_targets(data, key, "MEMBER_OF")) | set(_targets(data, key, "PARTICIPATES_IN")))
                 for data in context]
        contact = [data.nodes["Member"][member].get("last_contact") for data in context]
        if ("isolated_mobile" in was) != ("isolated_mobile" in now):
            rows.append(_row("became_isolated" if "isolated_mobile" in now else "found_home", "Member", member, name,
                             *homes))
        if ("lost_contact" in was) != ("lost_contact" in now):
            rows.append(_row("contact_lost" if "lost_contact" in now else "contact_restored", "Member", member, name,
                             *contact))
    return rows, context


def _place(data: GraphData, row: dict) -> str | None:
    """Where a record is: its building or area (an enterprise, a building, an area's parent, an
    organization's base), a member's employer's, a pairing's first organization's."""
    label, node_id = row["label"], row["id"]
    if label == "Pairing":
        label, node_id = "Organization", node_id.split("|")[0]
    key = f"{label}:{node_id}"
    if label == "Member":
        employers = _targets(data, key, "WORKS_AT")
        if not employers:
            return None
        key = f"Enterprise:{employers[0]}"
    for rel_type in ("LOCATED_IN", "BASED_IN", "PART_OF"):
        targets = _targets(data, key, rel_type)
        if targets:
            return targets[0]
    return None


def _within(store, place: str, rows: list[dict], periods: tuple[str, str]) -> list[dict]:
    """The rows whose place is ``place`` or lies within it (in either register)."""
    from ..errors import UsageError
    from ..i18n import _

    inside: set[str] = set()
    known = False
    for period in periods:
        store.use(period)
        places = store.places()
        known = known or any(place in places.nodes[label] for label in ("Area", "Building"))
        inside |= _below(places, place)
    if not known:
        raise UsageError(_("no area or building has the id {given!r}").format(given=place))
    return [row for row in rows if row["place_id"] in inside]


def _below(data: GraphData, place: str) -> set[str]:
    children: dict[str, list[str]] = {}
    for (kind, source, target) in data.rels:
        if kind == "PART_OF":
            children.setdefault(split_key(target)[1], []).append(split_key(source)[1])
    found, stack = {place}, [place]
    while stack:
        for child in children.get(stack.pop(), []):
            if child not in found:
                found.add(child)
                stack.append(child)
    return found
