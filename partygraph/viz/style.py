"""Colours, shapes and names per label and relationship type: one table for the drawings and the
exports (GraphML r/g/b, GEXF viz:color), so a node looks the same in the page and in Gephi."""

from __future__ import annotations

LABEL_STYLE: dict[str, dict] = {
    "Area": {"color": "#8e7cc3", "shape": "diamond", "zh": "区域"},
    "Building": {"color": "#3d85c6", "shape": "triangle", "zh": "楼宇"},
    "Enterprise": {"color": "#6aa84f", "shape": "square", "zh": "企业/社会组织"},
    "Organization": {"color": "#cc0000", "shape": "hexagon", "zh": "党组织"},
    "Member": {"color": "#e69138", "shape": "dot", "zh": "党员"},
}
REL_STYLE: dict[str, dict] = {
    "PART_OF": {"color": "#b4a7d6", "zh": "属于"},
    "LOCATED_IN": {"color": "#9fc5e8", "zh": "位于"},
    "SUBORDINATE_TO": {"color": "#cc0000", "zh": "隶属"},
    "COVERS": {"color": "#e06666", "zh": "覆盖"},
    "BASED_IN": {"color": "#ea9999", "zh": "依托"},
    "MEMBER_OF": {"color": "#f6b26b", "zh": "组织关系"},
    "PARTICIPATES_IN": {"color": "#ffd966", "zh": "参加组织生活"},
    "WORKS_AT": {"color": "#b6d7a8", "zh": "工作单位"},
    "GUIDES": {"color": "#76a5af", "zh": "党建指导员"},
    "SECRETARY_OF": {"color": "#990000", "zh": "书记"},
    "PAIRED_WITH": {"color": "#674ea7", "zh": "结对共建"},
}
GAP_COLOR = "#ff00ff"
FONT_FACES = '"Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif'


def rgb(label: str) -> tuple[int, int, int]:
    """A label's colour as red, green, blue.

    >>> rgb("Organization")
    (204, 0, 0)
    """
    hexa = LABEL_STYLE[label]["color"].lstrip("#")
    return int(hexa[0:2], 16), int(hexa[2:4], 16), int(hexa[4:6], 16)
