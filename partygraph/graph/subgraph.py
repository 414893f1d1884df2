"""The part of the graph a drawing or a scoped export shows: a view's labels and relationships,
around a scope. Both stores answer ``store.subgraph(...)`` with the same ``Subgraph``, each asked
only for the scoped part (``embedded_subgraph``, ``neo4j_subgraph``), never for the whole graph.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from ..errors import UsageError
from ..i18n import _
from .data import GraphData
from .model import node_key, split_key

VIEWS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "structure": (("Area", "Building", "Enterprise", "Organization", "Member"),
                  ("PART_OF", "LOCATED_IN", "SUBORDINATE_TO", "COVERS", "BASED_IN", "MEMBER_OF", "PARTICIPATES_IN",
                   "WORKS_AT", "GUIDES", "SECRETARY_OF", "PAIRED_WITH")),
    "hierarchy": (("Organization",), ("SUBORDINATE_TO",)),
    "pairings": (("Organization",), ("PAIRED_WITH",)),
}
SCOPE_LABELS = ("Area", "Building", "Organization", "Enterprise")
#: The most nodes a drawing holds unless told otherwise: a whole district (60k nodes) draws.
DEFAULT_MAX_NODES = 80_000


class TooLarge(UsageError):
    def __init__(self, count: int, limit: int, scope: str | None) -> None:
        hint = (_("pass --scope with an area, building, organization or enterprise id") if scope is None
                else _("choose a smaller --scope (a building or an organization), a smaller --depth"))
        super().__init__(_("the drawing would have more than {limit} nodes (at least {count}); {hint}, "
                           "a narrower --view (hierarchy, pairings), or raise --max-nodes").format(
                             limit=limit, count=count, hint=hint))


@dataclass
class Subgraph:
    data: GraphData
    members: dict[str, int] = field(default_factory=dict)     # node key -> members (organizations, enterprises)
    center: str | None = None
    changes: dict = field(default_factory=dict)                # node key -> (added|removed|changed, was, is)
    removed_rels: set = field(default_factory=set)             # relationships drawn as ghosts
    proposed_rels: set = field(default_factory=set)            # relationships a plan proposes (dashed)
    proposals: dict = field(default_factory=dict)              # node key -> its proposal, as details rows
    change_kinds: list = field(default_factory=list)           # the marks the page's legend filters by


def check_view(view: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    if view not in VIEWS:
        raise UsageError(_("--view expects one of {allowed}, not {given!r}").format(allowed=", ".join(VIEWS), given=view))
    return VIEWS[view]


def resolve_scope(scope: str, has: callable) -> str:
    """The node key of ``scope`` (an id, or ``Label:id``); ``has(key)`` says whether a node exists."""
    label, _colon, rest = scope.partition(":")
    if label in SCOPE_LABELS and rest and has(scope):
        return scope
    found = [node_key(label, scope) for label in SCOPE_LABELS if has(node_key(label, scope))]
    if not found:
        raise UsageError(_("no area, building, organization or enterprise has the id {given!r}").format(given=scope))
    if len(found) > 1:
        raise UsageError(_("{given!r} is the id of more than one node ({found}); say which, e.g. --scope {first}").format(
            given=scope, found=", ".join(found), first=found[0]))
    return found[0]


def walk_out(data: GraphData, center: str, view: str, depth: int, max_nodes: int, scope: str | None,
             first: Callable[[str, str], None], step: Callable[[list[str]], list[str]]) -> None:
    """Fill ``data`` from the scope's node ``center`` out ``depth`` steps: ``first(label, id)`` adds
    the node itself, ``step(frontier)`` the nodes one step further (returning their keys); more than
    ``max_nodes`` nodes stop the walk with :class:`TooLarge`. The stores differ only in those two."""
    label, node_id = split_key(center)
    if label not in VIEWS[view][0]:
        raise UsageError(_("{center} is not part of the {view} view; try --view structure").format(center=center, view=view))
    first(label, node_id)
    frontier = [center]
    for _level in range(depth):
        frontier = step(frontier)
        count = sum(len(by_id) for by_id in data.nodes.values())
        if count > max_nodes:
            raise TooLarge(count, max_nodes, scope)
        if not frontier:
            break
