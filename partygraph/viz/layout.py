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


def _preorder(children: dict[str, list[str]], roots: list[str]) -> list[str]:
    """Every node under the roots, each before what it holds and once only (a cycle ends a
    walk), root by root, without recursion."""
    order: list[str] = []
    seen: set[str] = set()
    for root in roots:
        stack = [root]
        while stack:
            node = stack.pop()
            if node in seen:
                continue
            seen.add(node)
            order.append(node)
            stack.extend(c for c in children.get(node, []) if c not in seen)
    return order


def _leaves(children: dict[str, list[str]], root: str) -> dict[str, int]:
    """Leaves below each node of a tree (a leaf counts itself)."""
    count: dict[str, int] = {}
    for node in reversed(_preorder(children, [root])):
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
    span: dict[str, float] = {}
    for node in reversed(_preorder(children, [root])):
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


ROW_GAP = 70.0


def nested(nodes: list[str], parent: dict[str, str], slot=None) -> dict[str, tuple[float, float]]:
    """Each node above the block of what it contains (an area above its buildings, a building
    above its enterprises and organizations, an enterprise above its members): a block's children
    are laid in rows, wrapped to keep the block wider than tall, each in a slot as
    wide as its label. Roots (containers of nothing given) are packed the same way.

    >>> p = nested(["A", "B", "E1", "E2"], {"B": "A", "E1": "B", "E2": "B"})
    >>> p["A"][1] < p["B"][1] < p["E1"][1] == p["E2"][1] and p["E1"][0] < p["E2"][0]
    True
    """
    slot = slot or (lambda node: NODE_GAP)
    present = set(nodes)
    children: dict[str, list[str]] = {}
    for node in nodes:
        up = parent.get(node)
        if up in present and up != node:
            children.setdefault(up, []).append(node)
    roots = [n for n in nodes if parent.get(n) not in present]
    order = _preorder(children, roots + nodes)        # nodes on a containment cycle start where they are met
    reached = set(_preorder(children, roots))
    tops = roots + [n for n in order if n not in reached and parent.get(n) not in reached]
    size: dict[str, tuple[float, float]] = {}
    rows: dict[str, list[list[str]]] = {}
    for node in reversed(order):
        kids = [c for c in children.get(node, []) if c in size]
        rows[node], (width, height) = _rows(kids, size)
        size[node] = (max(slot(node), width), ROW_GAP + height if kids else ROW_GAP)
    positions: dict[str, tuple[float, float]] = {}
    packed, (_width, _height) = _rows(tops, size)
    _place(packed, 0.0, 0.0, size, rows, positions)
    return positions


def _rows(kids: list[str], size: dict) -> tuple[list[list[str]], tuple[float, float]]:
    """Blocks in rows, wrapped to make the whole two to three times as wide as tall (a screen, labels being wide)."""
    if not kids:
        return [], (0.0, 0.0)
    target = max(max(size[k][0] for k in kids), math.sqrt(3 * sum(size[k][0] * size[k][1] for k in kids)))
    rows, row, width = [], [], 0.0
    for kid in kids:
        if row and width + size[kid][0] > target:
            rows.append(row)
            row, width = [], 0.0
        row.append(kid)
        width += size[kid][0]
    rows.append(row)
    widest = max(sum(size[k][0] for k in r) for r in rows)
    return rows, (widest, sum(max(size[k][1] for k in r) for r in rows))


def _place(rows: list[list[str]], left: float, top: float, size: dict, inner: dict, positions: dict) -> None:
    y = top
    for row in rows:
        x = left
        for node in row:
            width, _height = size[node]
            positions[node] = (x + width / 2, y)
            _place(inner[node], x + (width - sum(size[k][0] for k in inner[node][0])) / 2 if inner[node] else x,
                   y + ROW_GAP, size, inner, positions)
            x += width
        y += max(size[n][1] for n in row)
