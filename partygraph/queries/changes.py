"""What changed between two registers: one row per fact, losses first (the kinds and what ``before``
and ``after`` hold are listed in ``KINDS``; the README's "Periods" section says it in words).

The stores give what one register holds and the other does not (:meth:`difference`, read from the
row versions: a city's quarter changes a few percent of it); the coverage and the members' state are
judged by the analyses themselves (``gaps enterprises`` on the units whose coverage could have
changed, ``gaps members`` at each register's own date), so a change means what the reports mean.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..gcpause import paused_gc
from ..graph.data import GraphData
from ..graph.model import split_key
from ..graph.periods import in_force
from . import analysis_apart, run_analysis, side_by_side
from .gaps_members import lost_cutoff

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
    """The two registers compared and the rows (``COLUMNS``), most consequential first: all of them,
    or the first ``limit`` asked for; ``total`` and ``counts()`` count them all."""

    first: str
    second: str
    rows: list[dict] = field(default_factory=list)
    total: int = 0
    kinds: dict[str, int] = field(default_factory=dict)

    def counts(self) -> dict[str, int]:
        """The rows of each kind, in the order rows come, kinds without rows left out."""
        return dict(self.kinds)


def _counted(rows: list[dict]) -> dict[str, int]:
    found = {kind: 0 for kind in KINDS}
    for row in rows:
        found[row["change"]] += 1
    return {kind: n for kind, n in found.items() if n}


def periods_compared(dates: list[str], start: str | None, end: str | None) -> tuple[str, str]:
    """The registers in force at ``start`` and ``end``; by default the latest and the one before it."""
    second = in_force(dates, end).period
    if start is None:
        earlier = [day for day in sorted(dates) if day < second]
        return (earlier[-1] if earlier else second), second
    return in_force(dates, start).period, second


def changes(store, start: str | None = None, end: str | None = None, place: str | None = None,
            limit: int | None = None) -> Changes:
    """Every change from the register in force at ``start`` to the one in force at ``end`` (the first
    ``limit`` rows, counted all: only the rows given are placed, unless ``place`` picks them by it)."""
    try:
        with paused_gc():          # hundreds of thousands of rows and records, none of them cyclic
            return _changes(store, start, end, place, limit)
    finally:
        store.use(None)


def _changes(store, start: str | None, end: str | None, place: str | None, limit: int | None) -> Changes:
    dates = [p.as_of for p in store.periods()]
    first, second = periods_compared(dates, start, end)
    result = Changes(first, second)
    if first == second:
        return result
    gone, new = store.difference(first, second)
    ids = _rejudged(store, first, second, gone, new)
    # The members' judgement (the server's work on Neo4j) is made beside the rest.
    (isolated, contact), (context, rows) = side_by_side(store, [
        lambda: _members_changed(store, first, second, ids, gone, new),
        lambda: _records_compared(store, first, second, gone, new)])
    for records in context:
        records.add(store, [f"Member:{row['id']}" for row in isolated])
    _homes(isolated, context)
    rows += isolated + contact
    if place is not None:
        _place_rows(store, (first, second), rows)
        rows = _within(store, place, rows, (first, second))
    order = {kind: i for i, kind in enumerate(KINDS)}
    rows.sort(key=lambda r: (order[r["change"]], r["label"], r["id"]))
    result.total, result.kinds = len(rows), _counted(rows)
    result.rows = rows if limit is None else rows[:limit]
    if place is None:
        _place_rows(store, (first, second), result.rows)
    return result


def _records_compared(store, first: str, second: str, gone: GraphData,
                      new: GraphData) -> tuple[list["_Records"], list[dict]]:
    """The records read in both registers (:func:`_context_keys`) and the rows of what changed in
    records, relationships and coverage."""
    keys = sorted(_context_keys(gone, new))
    context = [_Records(store, period, keys) for period in (first, second)]
    rows = _records_changed(context, gone, new)
    rows += _relationships_changed(context, gone, new)
    rows += _coverage_changed(store, first, second, gone, new)
    return context, rows


def _context_keys(gone: GraphData, new: GraphData) -> set[str]:
    """The records whose relationships the comparison reads in both registers: the sources of the
    relationships that differ (their targets are compared whole) and the organizations of pairings
    (the caller adds the members whose isolation changed: their homes)."""
    keys = set()
    for (kind, source, target) in (*gone.rels, *new.rels):
        keys.add(source)
        if kind == "PAIRED_WITH":
            keys.add(target)
    return keys


class _Records:
    """Some records of one register with their outgoing relationships, and each one's targets of a
    type, sorted, by ``targets``."""

    def __init__(self, store, period: str, keys: list[str]):
        self.period = period
        self.data = GraphData()
        self.index: dict[tuple[str, str], list[str]] = {}
        self.add(store, keys)

    def add(self, store, keys: list[str]) -> None:
        """Read the records of ``keys`` not read yet."""
        keys = [key for key in keys if not self.holds(*split_key(key))]
        if not keys:
            return
        store.use(self.period)
        found = store.records(keys)
        for label, by_id in found.nodes.items():
            self.data.nodes[label].update(by_id)
        self.data.rels.update(found.rels)
        touched = set()
        for (kind, source, target) in found.rels:
            self.index.setdefault((kind, source), []).append(split_key(target)[1])
            touched.add((kind, source))
        for pair in touched:
            if len(self.index[pair]) > 1:
                self.index[pair].sort()

    def holds(self, label: str, node_id: str) -> bool:
        return node_id in self.data.nodes.get(label, {})

    def props(self, label: str, node_id: str) -> dict:
        return self.data.nodes[label][node_id]

    def targets(self, key: str, rel_type: str) -> list[str]:
        return self.index.get((rel_type, key), _NONE)


def _row(change: str, label: str, node_id: str, name: str | None, before=None, after=None) -> dict:
    return {"change": change, "label": label, "id": node_id, "name": name, "place_id": None,
            "before": before, "after": after}


_NONE: list[str] = []


def _records_changed(context: list[_Records], gone: GraphData, new: GraphData) -> list[dict]:
    """Records added and removed (an id in one register's difference and not the other's) and the
    properties of those in both, with the relationships their rows state (``AS_PROPERTIES``)."""
    rows = []
    before, after = context
    stated = {source for (kind, source, _t) in (*gone.rels, *new.rels) if kind in AS_PROPERTIES}
    for key in sorted(stated):
        label, node_id = split_key(key)
        if before.holds(label, node_id) and after.holds(label, node_id):
            rows += _property_change(label, node_id, before.props(label, node_id), after.props(label, node_id),
                                     _stated(before, key), _stated(after, key))
    for label in gone.nodes:
        was_all, now_all = gone.nodes[label], new.nodes[label]
        rows += [_row("removed", label, node_id, props.get("name")) for node_id, props in was_all.items()
                 if node_id not in now_all]
        rows += [_row("added", label, node_id, props.get("name")) for node_id, props in now_all.items()
                 if node_id not in was_all]
        for node_id in was_all.keys() & now_all.keys():
            if f"{label}:{node_id}" not in stated:
                rows += _property_change(label, node_id, was_all[node_id], now_all[node_id], {}, {})
    return rows


def _property_change(label: str, node_id: str, was: dict, now: dict, was_rels: dict, now_rels: dict) -> list[dict]:
    if was_rels or now_rels:
        was, now = {**was, **was_rels}, {**now, **now_rels}
    changed = [k for k, v in was.items() if now.get(k) != v] + [k for k in now if k not in was]
    if not changed:
        return []
    if len(changed) > 1:
        changed.sort()
    return [_row("property_changed", label, node_id, now.get("name"),
                 {k: was.get(k) for k in changed}, {k: now.get(k) for k in changed})]


def _stated(records: _Records, key: str) -> dict:
    """The relationships a record's row states, by their type's name."""
    return {rel_type: targets for rel_type in AS_PROPERTIES if (targets := records.targets(key, rel_type))}


def _relationships_changed(context: list[_Records], gone: GraphData, new: GraphData) -> list[dict]:
    rows = []
    before, after = context
    members = {split_key(source)[1] for (kind, source, _t) in (*gone.rels, *new.rels) if kind in ("MEMBER_OF", "WORKS_AT")}
    for member in sorted(members):
        key = f"Member:{member}"
        if not before.holds("Member", member) or not after.holds("Member", member):
            continue
        name = after.props("Member", member).get("name")
        for rel_type, change in (("MEMBER_OF", "transferred"), ("WORKS_AT", "employer_changed")):
            was, now = before.targets(key, rel_type), after.targets(key, rel_type)
            if was != now:
                rows.append(_row(change, "Member", member, name, was[0] if was else None, now[0] if now else None))
    pairs_before, pairs_after = _pairs(before.data, gone), _pairs(after.data, new)
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


def _coverage_changed(store, first: str, second: str, gone: GraphData, new: GraphData) -> list[dict]:
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
    # Each candidate is in one register at least (a relationship's end, or found in a building there);
    # one the difference holds on one side only was added or removed.
    was_all, now_all = gone.nodes["Enterprise"], new.nodes["Enterprise"]
    ids = sorted(unit for unit in candidates if (unit in was_all) == (unit in now_all))
    if not ids:
        return []
    coverage = []
    for period in (first, second):
        store.use(period)
        coverage.append({row["id"]: row["coverage"] for row in
                         run_analysis(store, "gaps enterprises", ids=ids)})
    rows = []
    coverers = _coverers(gone), _coverers(new)
    moved = [unit for unit in ids if coverage[0].get(unit, "org") != coverage[1].get(unit, "org")]
    names = {unit: props.get("name") for unit, props in store.properties("Enterprise", moved).items()}
    for unit in moved:
        was, now = coverage[0].get(unit, "org"), coverage[1].get(unit, "org")
        name = names.get(unit)
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


def _members_changed(store, first: str, second: str, ids: list[str], gone: GraphData,
                     new: GraphData) -> tuple[list[dict], list[dict]]:
    """Isolation and lost contact of the members ``ids`` (:func:`_rejudged`), each register judged at
    its own date as ``gaps members`` judges (``members judged``, its judgement alone): the members the
    two judge apart, compared by the database (the rows of isolation, whose homes the caller reads,
    and those of contact)."""
    pairs = analysis_apart(store, "members judged", [(first, {"as_of": first, "ids": ids}),
                                                     (second, {"as_of": second, "ids": ids})],
                           ["reasons"], ["name", "last_contact"])
    isolated = []
    rows = []
    for a, b in pairs:
        member = (a or b)["id"]
        sides = _in_both(member, a, b, gone.nodes["Member"], new.nodes["Member"])
        if sides is None:
            continue
        was, now = (set(a["reasons"]) if a else set()), (set(b["reasons"]) if b else set())
        name = sides[1].get("name")
        if ("isolated_mobile" in was) != ("isolated_mobile" in now):
            isolated.append(_row("became_isolated" if "isolated_mobile" in now else "found_home", "Member", member, name))
        if ("lost_contact" in was) != ("lost_contact" in now):
            rows.append(_row("contact_lost" if "lost_contact" in now else "contact_restored", "Member", member, name,
                             sides[0].get("last_contact"), sides[1].get("last_contact")))
    return isolated, rows


def _rejudged(store, first: str, second: str, gone: GraphData, new: GraphData) -> list[str]:
    """The members whose judgement can differ between the two registers, each judged at its date: those
    whose record differs (``members_judging.cypher`` reads a member's own properties and relationships
    and the date alone), and those whose last contact lies between the two dates' cutoffs (with the
    same record, in the later register). A city's quarter: 89,000 of 263,000 members."""
    ids = set(gone.nodes["Member"]) | set(new.nodes["Member"])
    ids.update(split_key(source)[1] for (_kind, source, _t) in (*gone.rels, *new.rels) if source.startswith("Member:"))
    low, high = sorted(lost_cutoff(day) for day in (first, second))
    store.use(second)
    ids.update(store.ids_between("Member", "last_contact", low, high))
    return sorted(ids)


def _homes(rows: list[dict], context: list["_Records"]) -> None:
    """``before`` and ``after`` of the isolation rows: the organizations the member belongs to or
    takes part in, in each register."""
    for row in rows:
        key = f"Member:{row['id']}"
        row["before"], row["after"] = (
            sorted(set(side.targets(key, "MEMBER_OF")) | set(side.targets(key, "PARTICIPATES_IN"))) for side in context)


def _in_both(member: str, a: dict | None, b: dict | None, gone: dict, new: dict) -> tuple[dict, dict] | None:
    """A member's record in each register (``None`` unless in both), from a row listing them there, else
    from the registers' difference: a record in neither side of it is the same in both registers."""
    if (a is None and member in new and member not in gone) or (b is None and member in gone and member not in new):
        return None                                  # added or removed
    return (a or gone.get(member) or b), (b or new.get(member) or a)


def _place_rows(store, periods: tuple[str, str], rows: list[dict]) -> None:
    """Each row's ``place_id``: where its record is in the later register, else in the earlier."""
    keys = {_record_key(row) for row in rows}
    found = {}
    for period in reversed(periods):
        store.use(period)
        found = {**store.places_of(sorted(keys - found.keys())), **found}
    for row in rows:
        row["place_id"] = found.get(_record_key(row))


def _record_key(row: dict) -> str:
    """The record a row's place is read from (a pairing's: its first organization)."""
    if row["label"] == "Pairing":
        return f"Organization:{row['id'].split('|')[0]}"
    return f"{row['label']}:{row['id']}"


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
