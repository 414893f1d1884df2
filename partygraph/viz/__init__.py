"""Drawing the structure with pyvis: a self-contained, offline, escaped HTML page.

>>> import tempfile
>>> from partygraph.demo import run_demo
>>> folder = tempfile.mkdtemp()
>>> drawing = draw(run_demo(folder).store, f"{folder}/cbd.html", scope="YC-CBD", depth=1)
>>> drawing.path.name, drawing.nodes > 5
('cbd.html', True)
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..errors import UsageError
from ..progress import Progress, Tally
from ..words import value_word
from ..i18n import _, language
from ..graph.data import GraphData
from ..graph.model import node_key, split_key
from . import layout
from .explorer import Verdicts
from .page import render, write_page
from ..graph.subgraph import DEFAULT_MAX_NODES, Subgraph

#: A whole district (30,000 enterprises, 60,000 nodes with members counted until expanded) is
#: ready within 5 s in Chromium on two cores (bench/draw.py).


@dataclass
class Drawing:
    path: Path
    nodes: int
    edges: int
    gaps: int


def judged(store, data: GraphData, as_of: str | None = None) -> tuple[dict[str, str], Verdicts]:
    """The analyses' verdicts on the drawn enterprises and members, and the keys of the nodes they
    flag (enterprises no organization covers, isolated mobile members). Only the drawn nodes are
    judged (a city's whole analyses took 5 s)."""
    from ..queries import run_analysis

    enterprises, members = list(data.nodes.get("Enterprise", {})), list(data.nodes.get("Member", {}))
    uncovered = run_analysis(store, "gaps enterprises", ids=enterprises) if enterprises else []
    flagged = run_analysis(store, "gaps members", as_of=as_of, ids=members) if members else []
    marks = {node_key("Enterprise", row["id"]): f"no organization covers it ({row['action']})" for row in uncovered}
    for row in flagged:
        if "isolated_mobile" in row["reasons"]:
            marks[node_key("Member", row["id"])] = "isolated mobile member"
    return marks, Verdicts(uncovered, flagged)


def marked_changes(store, sub: Subgraph, view: str, scope: str | None, depth: int, max_nodes: int, since: str,
                   as_of: str | None) -> dict[str, tuple[str, dict, dict]]:
    """What changed in the drawn part since the register in force at ``since``: key -> (``added``,
    ``removed`` or ``changed``, what was, what is). A removed node and its relationships join
    ``sub`` as ghosts."""
    store.use(since)
    try:
        before = store.subgraph(view, scope, depth, max_nodes)
    except UsageError:                      # the scope did not exist then: everything was added
        before = Subgraph(GraphData())
    finally:
        store.use(as_of)
    now_keys, was_keys = set(sub.data.keys()), set(before.data.keys())

    def state(data: GraphData, key: str) -> dict:
        label, node_id = split_key(key)
        found = dict(data.nodes[label][node_id])
        for (rel, source, target) in data.rels:
            if source == key:
                found.setdefault(rel, []).append(split_key(target)[1])
        return {k: sorted(v) if isinstance(v, list) else v for k, v in found.items()}

    marks: dict[str, tuple[str, dict, dict]] = {}
    for key in sorted(now_keys - was_keys):
        marks[key] = ("added", {}, {})
    for key in sorted(was_keys - now_keys):
        label, node_id = split_key(key)
        sub.data.nodes[label][node_id] = before.data.nodes[label][node_id]
        marks[key] = ("removed", {}, {})
    for key in sorted(now_keys & was_keys):
        was, now = state(before.data, key), state(sub.data, key)
        differ = sorted(k for k in set(was) | set(now) if was.get(k) != now.get(k))
        if differ:
            marks[key] = ("changed", {k: was.get(k) for k in differ}, {k: now.get(k) for k in differ})
    for rel, props in before.data.rels.items():
        if rel not in sub.data.rels and (rel[1] in marks or rel[2] in marks):
            sub.data.rels[rel] = props
            sub.removed_rels.add(rel)
    return marks


def marked_plan(store, sub: Subgraph, as_of: str | None) -> None:
    """Draw what the plan proposes for the drawn units: each organization it would found, dashed, with
    the units it would cover; joins and instructors sent as dashed relationships; a unit's proposal
    in its details."""
    from ..queries.plan import make_plan

    plan = make_plan(store, as_of=as_of)
    drawn, present = sub.data.nodes["Enterprise"], set(sub.data.keys())
    for proposal in plan.proposals:
        units = [u for u in proposal["enterprise_ids"] if u in drawn]
        if not units:
            continue
        kind = proposal["proposal"]
        org = proposal["org_id"]
        if kind in ("found_branch", "new_joint_branch"):
            level = "branch" if kind == "found_branch" else "joint_branch"
            sub.data.add_node("Organization", {"id": org, "name": f"{org} · {value_word('proposal', kind, language())}",
                                               "level": level})
            sub.changes[node_key("Organization", org)] = ("proposed", {}, {})
            present.add(node_key("Organization", org))
        source = ("Member", proposal["instructor_id"]) if kind == "send_instructor" else ("Organization", org)
        for unit in units:
            key = node_key("Enterprise", unit)
            sub.changes.setdefault(key, ("proposed", {}, {}))
            sub.proposals[key] = _proposal_rows(proposal)
            if source[1] is not None and node_key(*source) in present and not proposal["guided_now"]:
                rel = "GUIDES" if kind == "send_instructor" else "COVERS"
                sub.data.add_rel(rel, source[0], source[1], "Enterprise", unit)
                sub.proposed_rels.add((rel, node_key(*source), key))


def _proposal_rows(proposal: dict) -> list[list[str]]:
    rows = [[_("Proposal"), str(value_word("proposal", proposal["proposal"], language()))]]
    if proposal["org_id"]:
        rows.append([_("Organization"), proposal["org_id"]])
    if proposal["proposal"] == "send_instructor":
        rows.append([_("instructor"), proposal["instructor_id"] or _("new instructor needed")])
    elif len(proposal["enterprise_ids"]) > 1:
        rows.append([_("together with"), "、".join(proposal["enterprise_names"])])
    rows.append([_("Rule"), proposal["rule"]])
    return rows


def slot(sub: Subgraph):
    """The width a node's label needs across, in drawing units (14 px characters, CJK twice as wide)."""
    from ..output import width

    def needed(key: str) -> float:
        label, node_id = split_key(key)
        return max(layout.NODE_GAP, 7.5 * width(str(sub.data.nodes[label][node_id].get("name", node_id))) + 24)
    return needed


def positions_for(sub: Subgraph, view: str) -> dict[str, tuple[float, float]]:
    keys = sub.data.keys()
    if view == "hierarchy":
        parent = {source: target for (rel, source, target) in sub.data.rels if rel == "SUBORDINATE_TO"}
        return layout.tree(keys, parent, slot(sub))
    if view == "structure":
        return layout.nested(keys, containers(sub), slot(sub))
    adjacency: dict[str, list[str]] = {key: [] for key in keys}
    for _type, source, target in sub.data.rels:
        adjacency[source].append(target)
        adjacency[target].append(source)
    for key in adjacency:
        adjacency[key].sort()
    return layout.radial(adjacency, sub.center)


#: What contains a node in the structure view, most telling first: an area's parent area, a
#: building's area, an enterprise's building or area, an organization's base (else the place of
#: what it covers, else its superior), a member's employer (else organization).
CONTAINED_BY = {"Area": ("PART_OF",), "Building": ("PART_OF",), "Enterprise": ("LOCATED_IN",),
                "Organization": ("BASED_IN", "COVERS", "SUBORDINATE_TO"), "Member": ("WORKS_AT", "MEMBER_OF")}


def containers(sub: Subgraph) -> dict[str, str]:
    out: dict[str, dict[str, list[str]]] = {}
    for rel, source, target in sorted(sub.data.rels):
        out.setdefault(source, {}).setdefault(rel, []).append(target)
    parent: dict[str, str] = {}
    for key in sub.data.keys():
        for rel in CONTAINED_BY[split_key(key)[0]]:
            found = out.get(key, {}).get(rel)
            if found:
                parent[key] = found[0]
                break
    # An organization covering enterprises sits beside them: in the place of the first one.
    for key, up in list(parent.items()):
        if key.startswith("Organization:") and up.startswith("Enterprise:") and up in parent:
            parent[key] = parent[up]
    return parent


def draw(store, out: str | Path, scope: str | None = None, depth: int = 2, view: str = "structure",
         max_nodes: int = DEFAULT_MAX_NODES, as_of: str | None = None, progress: Progress = None,
         changes_since: str | None = None, plan: bool = False) -> Drawing:
    """Write a drawing of the store (or of what is within ``depth`` steps of ``scope``) to ``out``.
    ``changes_since``: also mark what was added, removed (drawn as ghosts) and changed since the
    register in force at that date. ``plan``: also draw what the plan to close the gaps proposes."""
    if depth < 0:
        raise UsageError(_("--depth must be 0 or more"))
    steps = Tally(progress, 4)
    sub = store.subgraph(view, scope, depth, max_nodes)
    steps.add(1, "scope")
    gaps, verdicts = judged(store, sub.data, as_of)
    if changes_since:
        sub.changes = marked_changes(store, sub, view, scope, depth, max_nodes, changes_since, as_of)
        sub.change_kinds += ["added", "removed", "changed"]
    if plan:
        marked_plan(store, sub, as_of)
        sub.change_kinds.append("proposed")
    keys = set(sub.data.keys())
    steps.add(1, "gaps")
    name = None
    if sub.center:
        label, node_id = split_key(sub.center)
        name = sub.data.nodes[label][node_id].get("name")
    heading = f"partygraph · {value_word('view', view, language())}" + (f" · {name or scope}" if scope else "")
    summary = (f"{name} — " if name else "") + _("{nodes} nodes, {rels} relationships").format(
        nodes=len(keys), rels=len(sub.data.rels)) + (_(", depth {depth}").format(depth=depth) if scope else "")
    marks = ([_("Changes since {date}").format(date=changes_since)] if changes_since else []) + \
        ([_("The plan's proposals")] if plan else [])
    since = " · ".join(marks) or None
    html = render(sub, positions_for(sub, view), verdicts, gaps, heading, summary, since)
    steps.add(1, "layout")
    path = Path(out)
    write_page(path, html)
    steps.add(1, path.name)
    return Drawing(path, len(keys), len(sub.data.rels), len(gaps))
