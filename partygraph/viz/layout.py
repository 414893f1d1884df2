"""Positions computed in Python, so that a page is still the moment it opens (vis-network's
physics takes minutes beyond a few hundred nodes).

``tree`` lays a forest out in layers (the hierarchy view); ``radial`` puts a spanning tree of
each component in rings around its centre (the scope, else its best-connected node), with each
subtree given an angle in proportion to its leaves, and packs the components in rows.
"""

from __future__ import annotations

import math
from collections import deque

LEVEL_GAP = 140.0
NODE_GAP = 90.0
RING_GAP = 170.0


def _leaves(children: dict[str, list[str]], root: str) -> dict[str, int]:
    """Leaves below each node of a tree (a leaf counts itself), without recursion."""
    order, stack = [], [root]
    while stack:
        node = stack.pop()
        order.append(node)
        stack.extend(children.get(node, []))
    count: dict[str, int] = {}
    for node in reversed(order):
        count[node] = sum(count[c] for c in children.get(node, [])) or 1
    return count


def _spanning_tree(adjacency: dict[str, list[str]], root: str, seen: set[str]) -> dict[str, list[str]]:
    children: dict[str, list[str]] = {}
    seen.add(root)
    queue = deque([root])
    while queue:
        node = queue.popleft()
        for other in adjacency[node]:
            if other not in seen:
                seen.add(other)
                children.setdefault(node, []).append(other)
                queue.append(other)
    return children


def _spans(children: dict[str, list[str]], root: str, slot) -> dict[str, float]:
    """The width each subtree takes: its leaves' slots added up, or its own slot if wider."""
    order, stack = [], [root]
    while stack:
        node = stack.pop()
        order.append(node)
        stack.extend(children.get(node, []))
    span: dict[str, float] = {}
    for node in reversed(order):
        span[node] = max(slot(node), sum(span[c] for c in children.get(node, [])))
    return span


def tree(nodes: list[str], parent: dict[str, str], slot=None) -> dict[str, tuple[float, float]]:
    """Layers top-down: roots (no parent among ``nodes``) first; each node gets ``slot(node)``
    across (default NODE_GAP: a label's width keeps labels of one layer from overlapping)."""
    slot = slot or (lambda node: NODE_GAP)
    present = set(nodes)
    children: dict[str, list[str]] = {}
    for node in nodes:
        if parent.get(node) in present:
            children.setdefault(parent[node], []).append(node)
    roots = [n for n in nodes if parent.get(n) not in present]
    placed: set[str] = set()
    positions: dict[str, tuple[float, float]] = {}
    cursor = 0.0
    for root in roots + [n for n in nodes if n not in roots]:       # cycles have no root: start anywhere
        if root in placed:
            continue
        spanning = _spanning_tree({n: children.get(n, []) for n in nodes}, root, placed)
        span = _spans(spanning, root, slot)
        queue = deque([(root, cursor, 0)])
        while queue:
            node, left, depth = queue.popleft()
            positions[node] = (left + span[node] / 2, depth * LEVEL_GAP)
            offset = left + (span[node] - sum(span[c] for c in spanning.get(node, []))) / 2
            for child in spanning.get(node, []):
                queue.append((child, offset, depth + 1))
                offset += span[child]
        cursor += span[root] + NODE_GAP
    return positions


def radial(adjacency: dict[str, list[str]], center: str | None = None) -> dict[str, tuple[float, float]]:
    """Rings around a centre per component; components packed left to right in rows."""
    seen: set[str] = set()
    layouts = []
    ordered = sorted(adjacency, key=lambda n: (-len(adjacency[n]), n))
    for root in ([center] if center else []) + ordered:
        if root in seen:
            continue
        children = _spanning_tree(adjacency, root, seen)
        layouts.append(_rings(children, root))
    positions: dict[str, tuple[float, float]] = {}
    x = y = row_height = 0.0
    row_width = max(2000.0, math.sqrt(len(adjacency)) * NODE_GAP * 1.5)
    for layout in layouts:
        radius = max(max(math.hypot(px, py) for px, py in layout.values()), NODE_GAP / 2)
        if x and x + 2 * radius > row_width:
            x, y, row_height = 0.0, y + row_height + NODE_GAP, 0.0
        for node, (px, py) in layout.items():
            positions[node] = (x + radius + px, y + radius + py)
        x += 2 * radius + NODE_GAP
        row_height = max(row_height, 2 * radius)
    return positions


def _rings(children: dict[str, list[str]], root: str) -> dict[str, tuple[float, float]]:
    leaves = _leaves(children, root)
    depth_count: dict[int, int] = {}
    queue = deque([(root, 0)])
    while queue:
        node, depth = queue.popleft()
        depth_count[depth] = depth_count.get(depth, 0) + 1
        queue.extend((c, depth + 1) for c in children.get(node, []))
    # Evenly spaced rings, each long enough for its nodes: the unit is set by the most crowded ring.
    unit = max([RING_GAP] + [count * NODE_GAP / (2 * math.pi) / depth for depth, count in depth_count.items() if depth])
    radius = {depth: depth * unit for depth in depth_count}
    positions = {}
    queue = deque([(root, 0.0, 2 * math.pi, 0)])
    while queue:
        node, start, span, depth = queue.popleft()
        angle = start + span / 2
        positions[node] = (radius[depth] * math.cos(angle), radius[depth] * math.sin(angle))
        for child in children.get(node, []):
            share = span * leaves[child] / leaves[node]
            queue.append((child, start, share, depth + 1))
            start += share
    return positions
