"""The graph model: the one definition of labels, properties and relationships.

Loaders, both stores and the exporters read these tables; nothing else lists them.

>>> LABELS["Enterprise"].properties["employees"]
'int'
>>> RELATIONSHIPS["COVERS"].endpoints
(('Organization', 'Enterprise'),)
"""

from __future__ import annotations

from dataclasses import dataclass, field

#: Value types a property can have; dates are ISO strings in Python and ``Date`` in Neo4j.
PROPERTY_TYPES = ("str", "int", "bool", "date")


@dataclass(frozen=True)
class Label:
    name: str
    properties: dict[str, str]
    vocabulary: dict[str, tuple[str, ...]] = field(default_factory=dict)


@dataclass(frozen=True)
class Relationship:
    type: str
    endpoints: tuple[tuple[str, str], ...]
    properties: dict[str, str] = field(default_factory=dict)


AREA_KINDS = ("street", "park", "business_district", "commercial_area", "community", "district", "city")
ENTERPRISE_KINDS = ("non_public", "social_org", "state_owned", "public_institution", "individual")
ORG_LEVELS = ("committee", "working_committee", "general_branch", "branch", "joint_branch", "temporary_branch")
MEMBER_STATUSES = ("full", "probationary")

_BASE = {"id": "str", "name": "str"}

LABELS: dict[str, Label] = {
    label.name: label
    for label in (
        Label("Area", {**_BASE, "kind": "str"}, {"kind": AREA_KINDS}),
        Label("Building", {**_BASE, "address": "str"}),
        Label(
            "Enterprise",
            {**_BASE, "kind": "str", "employees": "int", "above_scale": "bool", "credit_code": "str"},
            {"kind": ENTERPRISE_KINDS},
        ),
        Label(
            "Organization",
            {**_BASE, "level": "str", "establishment": "bool", "founded": "date",
             "elected": "date", "term_years": "int", "committee": "bool"},      # 换届: when, for how long; 支委会
            {"level": ORG_LEVELS},
        ),
        Label(
            "Member",
            {
                **_BASE,
                "status": "str",
                "mobile": "bool",
                "joined": "date",
                "last_contact": "date",
                "registered_at": "str",
                "works_since": "date",          # at the employer since (入职日期)
            },
            {"status": MEMBER_STATUSES},
        ),
    )
}

RELATIONSHIPS: dict[str, Relationship] = {
    rel.type: rel
    for rel in (
        Relationship("PART_OF", (("Area", "Area"), ("Building", "Area"))),
        Relationship("LOCATED_IN", (("Enterprise", "Building"), ("Enterprise", "Area"))),   # an area: no building known
        Relationship("SUBORDINATE_TO", (("Organization", "Organization"),)),
        Relationship("COVERS", (("Organization", "Enterprise"),)),
        Relationship("BASED_IN", (("Organization", "Building"), ("Organization", "Area"))),
        Relationship("MEMBER_OF", (("Member", "Organization"),)),
        Relationship("PARTICIPATES_IN", (("Member", "Organization"),)),
        Relationship("WORKS_AT", (("Member", "Enterprise"),)),
        Relationship("GUIDES", (("Member", "Enterprise"),)),
        Relationship("SECRETARY_OF", (("Member", "Organization"),)),
        Relationship("PAIRED_WITH", (("Organization", "Organization"),), {"kind": "str", "since": "date"}),
    )
}


def node_key(label: str, node_id: str) -> str:
    """The key of a node across labels (ids are unique only within a label).

    >>> node_key("Member", "M1")
    'Member:M1'
    """
    return f"{label}:{node_id}"


def split_key(key: str) -> tuple[str, str]:
    """Inverse of :func:`node_key`.

    >>> split_key("Enterprise:E:1")
    ('Enterprise', 'E:1')
    """
    label, _, node_id = key.partition(":")
    return label, node_id


def check_endpoints(rel_type: str, from_label: str, to_label: str) -> None:
    """Raise ``ValueError`` unless the model allows this relationship between these labels."""
    rel = RELATIONSHIPS.get(rel_type)
    if rel is None or (from_label, to_label) not in rel.endpoints:
        raise ValueError(f"{rel_type} does not go from {from_label} to {to_label}")
