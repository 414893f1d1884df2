"""What the explorer page knows about each node: its record in the page's language with names for
references, the analyses' verdicts (coverage, full members, the action and the rule cited, the
suggested home), the places it lies in (for the place filter) and the words of the controls.

Everything here is data: the page's script turns it into text nodes, never into markup.
"""

from __future__ import annotations

from ..graph.model import split_key
from ..graph.subgraph import Subgraph
from ..i18n import N_, _, language as current_language
from ..loaders.spec import VOCABULARY
from .style import LABEL_STYLE, REL_STYLE

#: Above this many nodes, members are left out of the first view and counted on their
#: organization or employer; ``expand`` (a click on the node) brings them in.
AGGREGATE_MEMBERS_ABOVE = 1500

LABEL_WORDS = {"Area": N_("area"), "Building": N_("building"), "Enterprise": N_("enterprise"),
               "Organization": N_("organization"), "Member": N_("member")}
REL_WORDS = {"PART_OF": N_("part of"), "LOCATED_IN": N_("located in"), "SUBORDINATE_TO": N_("subordinate to"),
             "COVERS": N_("covers"), "BASED_IN": N_("based in"), "MEMBER_OF": N_("member of"),
             "PARTICIPATES_IN": N_("takes part in"), "WORKS_AT": N_("works at"), "GUIDES": N_("guides"),
             "SECRETARY_OF": N_("secretary of"), "PAIRED_WITH": N_("paired with")}
FIELD_WORDS = {"id": N_("id"), "name": N_("name"), "kind": N_("kind"), "level": N_("level"), "status": N_("status"),
               "address": N_("address"), "employees": N_("employees"), "above_scale": N_("above designated size"),
               "credit_code": N_("credit code"), "establishment": N_("establishment"), "founded": N_("founded"),
               "elected": N_("elected"), "term_years": N_("term (years)"), "committee": N_("committee"),
               "mobile": N_("mobile"), "joined": N_("joined"), "last_contact": N_("last contact"),
               "registered_at": N_("relationship kept at"), "works_since": N_("works there since")}
COVERAGE_WORDS = {"org": N_("covered by an organization"), "work": N_("work coverage only"),
                  "none": N_("not covered")}
ACTION_WORDS = {"found_branch": N_("found a branch"), "joint_branch": N_("join a joint branch"),
                "send_instructor": N_("send an instructor")}
UI_WORDS = {"search": N_("Search by name or id"), "kinds": N_("Show"), "coverage": N_("Coverage of enterprises"),
            "legend_edges": N_("Relationships"), "details": N_("Details"), "png": N_("Download PNG"),
            "none_selected": N_("Click a node to see its record."), "expand": N_("Show its members and neighbours"),
            "members": N_("members"), "yes": N_("yes"), "no": N_("no"), "gaps": N_("Mark gaps"),
            "verdict": N_("Verdict"), "action": N_("Action"), "rule": N_("Rule"), "full_members": N_("full members"),
            "suggested": N_("Suggested home"), "reasons": N_("Reasons"), "hidden": N_("not shown yet")}
REASON_WORDS = {"isolated_mobile": N_("isolated mobile member"), "lost_contact": N_("out of contact")}
#: References shown by name in the details panel: (relationship, direction, field word).
REFERENCES = [("PART_OF", "out", N_("part of")), ("LOCATED_IN", "out", N_("located in")),
              ("SUBORDINATE_TO", "out", N_("superior")), ("COVERS", "in", N_("covered by")),
              ("COVERS", "out", N_("covers")), ("BASED_IN", "out", N_("based in")),
              ("MEMBER_OF", "out", N_("organization")), ("WORKS_AT", "out", N_("employer")),
              ("PARTICIPATES_IN", "out", N_("takes part in")), ("SECRETARY_OF", "in", N_("secretary")),
              ("GUIDES", "in", N_("instructor")), ("PAIRED_WITH", "out", N_("paired with"))]


def _word(label: str, prop: str, value: object) -> str:
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    words = VOCABULARY.get((label, prop), {}).get(str(value))
    if words and current_language() == "zh":
        return words[0]
    return str(value)


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
                      "details": _details(key, props, names, out_refs, in_refs, verdicts)})
    edges = [{"from": source, "to": target, "type": rel_type} for rel_type, source, target in data.rels]
    return {
        "lang": current_language(), "nodes": nodes, "edges": edges,
        "labels": {label.lower(): {"name": _(LABEL_WORDS[label]), "color": style["color"], "shape": style["shape"]}
                   for label, style in LABEL_STYLE.items()},
        "rels": {rel: {"name": _(REL_WORDS[rel]), "color": style["color"]} for rel, style in REL_STYLE.items()},
        "coverage": {state: _(word) for state, word in COVERAGE_WORDS.items()},
        "text": {key: _(word) for key, word in UI_WORDS.items()},
    }


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
    rows = [[_("name"), names[key]], [_("node type"), _(LABEL_WORDS[label])], [_("id"), str(props["id"])]]
    rows += [[_(FIELD_WORDS.get(prop, prop)), _word(label, prop, value)]
             for prop, value in props.items() if prop not in ("id", "name")]
    for rel, direction, word in REFERENCES:
        others = (out_refs if direction == "out" else in_refs).get(key, {}).get(rel, [])
        if others:
            shown = [names.get(other, split_key(other)[1]) for other in sorted(others)[:10]]
            more = len(others) - len(shown)
            rows.append([_(word), "、".join(shown) + (f" … (+{more})" if more > 0 else "")])
    row = verdicts.enterprises.get(key)
    if key.startswith("Enterprise:"):
        rows.append([_("Verdict"), _(COVERAGE_WORDS[verdicts.coverage(key)])])
    if row:
        rows += [[_("full members"), str(row["full_members"])], [_("Action"), _(ACTION_WORDS[row["action"]])],
                 [_("Rule"), row["rule"]]]
    row = verdicts.members.get(key)
    if row:
        rows.append([_("Reasons"), "、".join(_(REASON_WORDS[r]) for r in row["reasons"])])
        if row["suggested_org_id"]:
            home = f"Organization:{row['suggested_org_id']}"
            rows.append([_("Suggested home"), names.get(home, row["suggested_org_id"])])
        rows.append([_("Rule"), row["rule"]])
    return rows
