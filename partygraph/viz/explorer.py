"""What the explorer page knows about each node: its record in the page's language with names for
references, the analyses' verdicts (coverage, full members, the action and the rule cited, the
suggested home), the places it lies in (for the place filter) and the words of the controls.

Everything here is data: the page's script turns it into text nodes, never into markup.
"""

from __future__ import annotations

from ..graph.model import LABELS, prop_of, split_key
from ..graph.subgraph import Subgraph
from ..i18n import N_, _, language as current_language
from ..words import value_word
from .style import LABEL_STYLE, REL_STYLE

#: Above this many nodes, members are left out of the first view and counted on their
#: organization or employer; ``expand`` (a click on the node) brings them in.
AGGREGATE_MEMBERS_ABOVE = 1500

REL_WORDS = {"PART_OF": N_("part of"), "LOCATED_IN": N_("located in"), "SUBORDINATE_TO": N_("subordinate to"),
             "COVERS": N_("covers"), "BASED_IN": N_("based in"), "MEMBER_OF": N_("member of"),
             "PARTICIPATES_IN": N_("takes part in"), "WORKS_AT": N_("works at"), "GUIDES": N_("guides"),
             "SECRETARY_OF": N_("secretary of"), "PAIRED_WITH": N_("paired with")}
UI_WORDS = {"search": N_("Search by name or id"), "kinds": N_("Show"), "coverage": N_("Coverage of enterprises"),
            "legend_edges": N_("Relationships"), "details": N_("Details"), "png": N_("Download PNG"),
            "none_selected": N_("Click a node to see its record."), "expand": N_("Show its members and neighbours"),
            "members": N_("members"), "yes": N_("yes"), "no": N_("no"), "gaps": N_("Mark gaps"),
            "verdict": N_("Verdict"), "action": N_("Action"), "rule": N_("Rule"), "full_members": N_("full members"),
            "suggested": N_("Suggested home"), "reasons": N_("Reasons"), "hidden": N_("not shown yet")}
#: The marks of a drawing with changes, in the page's legend.
CHANGE_WORDS = {"added": N_("added"), "removed": N_("removed (ghost)"), "changed": N_("changed"),
                "proposed": N_("proposed by the plan (dashed)")}
#: References shown by name in the details panel: (relationship, direction, field word).
REFERENCES = [("PART_OF", "out", N_("part of")), ("LOCATED_IN", "out", N_("located in")),
              ("SUBORDINATE_TO", "out", N_("superior")), ("COVERS", "in", N_("covered by")),
              ("COVERS", "out", N_("covers")), ("BASED_IN", "out", N_("based in")),
              ("MEMBER_OF", "out", N_("organization")), ("WORKS_AT", "out", N_("employer")),
              ("PARTICIPATES_IN", "out", N_("takes part in")), ("SECRETARY_OF", "in", N_("secretary")),
              ("GUIDES", "in", N_("instructor")), ("PAIRED_WITH", "out", N_("paired with"))]


def _field(label: str, prop: str) -> str:
    """A property's title in the details panel."""
    declared = prop_of(label, prop)
    return declared.title(current_language()) if declared else prop


def _word(label: str, prop: str, value: object) -> str:
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    declared = prop_of(label, prop)
    return declared.word(value, current_language()) if declared else str(value)


class Verdicts:
    """The analyses' rows for the drawn enterprises and members, by node key."""

    def __init__(self, enterprises: list[dict], members: list[dict]) -> None:
        self.enterprises = {f"Enterprise:{row['id']}": row for row in enterprises}
        self.members = {f"Member:{row['id']}": row for row in members}

    def coverage(self, key: str) -> str | None:
        if not key.startswith("Enterprise:"):
            return None
        row = self.enterprises.get(key)
        return row["coverage"] if row else "org"


def page_data(sub: Subgraph, positions: dict, verdicts: Verdicts, gaps: dict[str, str]) -> dict:
    """The JSON the page embeds: nodes, edges, words and styles."""
    data = sub.data
    names = {key: str(props.get("name", split_key(key)[1])) for key, props in _nodes(sub)}
    out_refs: dict[str, dict[str, list[str]]] = {}
    in_refs: dict[str, dict[str, list[str]]] = {}
    for rel_type, source, target in data.rels:
        out_refs.setdefault(source, {}).setdefault(rel_type, []).append(target)
        in_refs.setdefault(target, {}).setdefault(rel_type, []).append(source)
    places = _places(sub, out_refs)
    many = len(names) > AGGREGATE_MEMBERS_ABOVE
    nodes = []
    for key, props in _nodes(sub):
        label = split_key(key)[0]
        x, y = positions.get(key, (0.0, 0.0))
        nodes.append({"id": key, "kind": label.lower(), "name": names[key], "x": round(x, 1), "y": round(y, 1),
                      "coverage": verdicts.coverage(key), "gap": key in gaps, "members": sub.members.get(key),
                      "hidden": many and label == "Member", "places": sorted(places.get(key, ())),
                      "change": sub.changes[key][0] if key in sub.changes else None,
                      "details": _details(key, props, names, out_refs, in_refs, verdicts) + _change_rows(sub, key)
                      + sub.proposals.get(key, [])})
        if key in sub.changes and sub.changes[key][0] == "removed":
            nodes[-1]["coverage"] = None
    edges = [{"from": source, "to": target, "type": rel_type,
              **({"change": "removed"} if (rel_type, source, target) in sub.removed_rels else
                 {"change": "proposed"} if (rel_type, source, target) in sub.proposed_rels else {})}
             for rel_type, source, target in data.rels]
    return {
        "lang": current_language(), "nodes": nodes, "edges": edges,
        "labels": {label.lower(): {"name": _label(label), "color": style["color"], "shape": style["shape"]}
                   for label, style in LABEL_STYLE.items()},
        "rels": {rel: {"name": _(REL_WORDS[rel]), "color": style["color"]} for rel, style in REL_STYLE.items()},
        "coverage": {state: value_word("coverage", state, current_language()) for state in ("org", "work", "none")},
        "text": {key: _(word) for key, word in UI_WORDS.items()},
        "changes": {kind: _(word) for kind, word in CHANGE_WORDS.items()},
        "change_kinds": list(sub.change_kinds),
    }


def _change_rows(sub: Subgraph, key: str) -> list[list[str]]:
    """A changed node's before and after, in the details panel (a field a line)."""
    if key not in sub.changes:
        return []
    kind, was, now = sub.changes[key]
    if kind == "proposed":
        return []
    rows = [[_("Change"), _(CHANGE_WORDS[kind])]]
    label = split_key(key)[0]
    for field in sorted(set(was) | set(now)):
        def shown(value: object) -> str:
            if value is None:
                return "—"
            if isinstance(value, list):
                return "、".join(map(str, value))
            return _word(label, field, value)
        title = _(REL_WORDS[field]) if field in REL_WORDS else _field(label, field)
        rows.append([title, _("{before} → {after}").format(before=shown(was.get(field)), after=shown(now.get(field)))])
    return rows


def _label(label: str) -> str:
    return LABELS[label].zh if current_language() == "zh" else LABELS[label].en


def _nodes(sub: Subgraph):
    for label, by_id in sub.data.nodes.items():
        for node_id, props in by_id.items():
            yield f"{label}:{node_id}", props


def _places(sub: Subgraph, out_refs: dict) -> dict[str, set[str]]:
    """Ids of the areas and buildings each node lies in (through PART_OF, LOCATED_IN, BASED_IN and a
    member's employer), within the drawing."""
    memo: dict[str, set[str]] = {}

    def within(key: str, seen: frozenset = frozenset()) -> set[str]:
        if key in memo:
            return memo[key]
        label, node_id = split_key(key)
        found: set[str] = {node_id} if label in ("Area", "Building") else set()
        for rel in ("PART_OF", "LOCATED_IN", "BASED_IN", "WORKS_AT"):
            for target in out_refs.get(key, {}).get(rel, []):
                if target not in seen:
                    found |= within(target, seen | {key})
        memo[key] = found
        return found

    return {key: within(key) for key, _props in _nodes(sub)}


def _details(key: str, props: dict, names: dict, out_refs: dict, in_refs: dict, verdicts: Verdicts) -> list[list[str]]:
    label = split_key(key)[0]
    rows = [[_("name"), names[key]], [_("node type"), _label(label)], [_("id"), str(props["id"])]]
    rows += [[_field(label, prop), _word(label, prop, value)]
             for prop, value in props.items() if prop not in ("id", "name")]
    for rel, direction, word in REFERENCES:
        others = (out_refs if direction == "out" else in_refs).get(key, {}).get(rel, [])
        if others:
            shown = [names.get(other, split_key(other)[1]) for other in sorted(others)[:10]]
            more = len(others) - len(shown)
            rows.append([_(word), "、".join(shown) + (f" … (+{more})" if more > 0 else "")])
    row = verdicts.enterprises.get(key)
    if key.startswith("Enterprise:"):
        rows.append([_("Verdict"), value_word("coverage", verdicts.coverage(key), current_language())])
    if row:
        rows += [[_("full members"), str(row["full_members"])], [_("Action"), value_word("action", row["action"], current_language())],
                 [_("Rule"), row["rule"]]]
    row = verdicts.members.get(key)
    if row:
        rows.append([_("Reasons"), value_word("reasons", row["reasons"], current_language())])
        if row["suggested_org_id"]:
            home = f"Organization:{row['suggested_org_id']}"
            rows.append([_("Suggested home"), names.get(home, row["suggested_org_id"])])
        rows.append([_("Rule"), row["rule"]])
    return rows
