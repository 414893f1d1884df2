"""Rule checks (the embedded twin of ``checks.cypher``): joint branches over five units, branches
over 50 members, organizations without a secretary or (below the top) without a superior, cycles
in the hierarchies, members with neither an organization nor a ``registered_at``, self-pairings
and pairings listed in both directions."""

from __future__ import annotations

from . import rules
from .view import View

BRANCH_LEVELS = ("branch", "joint_branch", "temporary_branch")
PARAMETERS = {"joint_max_units": rules.JOINT_BRANCH_MAX_UNITS, "branch_max_members": rules.BRANCH_MAX_MEMBERS,
              "branch_levels": BRANCH_LEVELS, "top_levels": rules.TOP_LEVELS,
              "rule_joint_over_five": rules.JOINT_OVER_FIVE, "rule_branch_over_50": rules.BRANCH_OVER_50,
              "rule_no_secretary": rules.NO_SECRETARY, "rule_no_superior": rules.NO_SUPERIOR,
              "rule_cycle": rules.CYCLE, "rule_member_nowhere": rules.MEMBER_NOWHERE, "rule_pairing": rules.PAIRING}
COLUMNS = ["check", "label", "id", "name", "count", "related", "rule"]
TOTAL = None                      # no cheaper count than the analysis itself
SUBJECT = None                    # it judges no enterprises or members, so --place does not narrow it
DERIVED: dict = {}


def options() -> dict:
    """It takes no options."""
    return {}
ORDER = ["joint_branch_over_five", "branch_over_50", "no_secretary", "no_superior", "hierarchy_cycle",
         "member_without_organization", "self_pairing", "duplicate_pairing"]


def _row(view: View, check: str, key: str, rule: str, count: int | None = None, related: list | None = None) -> dict:
    props = view.props(key)
    return {"check": check, "label": props["label"], "id": props["id"], "name": props["name"], "count": count,
            "related": related or [], "rule": rule}


def _on_cycle(view: View, key: str, rel: str) -> bool:
    """Whether following ``rel`` upwards comes back to ``key`` (the walk stops where it would repeat)."""
    chain = list(view.ancestors(key, rel))
    return view.first(view.out(chain[-1] if chain else key, rel)) == key


def run(view: View) -> list[dict]:
    rows = []
    for org in view.nodes("Organization"):
        level = view.props(org).get("level")
        units = len(view.out(org, "COVERS"))
        if level == "joint_branch" and units > rules.JOINT_BRANCH_MAX_UNITS:
            rows.append(_row(view, "joint_branch_over_five", org, rules.JOINT_OVER_FIVE, units))
        members = len(view.into(org, "MEMBER_OF"))
        if level in BRANCH_LEVELS and members > rules.BRANCH_MAX_MEMBERS:
            rows.append(_row(view, "branch_over_50", org, rules.BRANCH_OVER_50, members))
        if not view.has_in(org, "SECRETARY_OF"):
            rows.append(_row(view, "no_secretary", org, rules.NO_SECRETARY))
        if level not in rules.TOP_LEVELS and not view.has_out(org, "SUBORDINATE_TO"):
            rows.append(_row(view, "no_superior", org, rules.NO_SUPERIOR))
        if _on_cycle(view, org, "SUBORDINATE_TO"):
            rows.append(_row(view, "hierarchy_cycle", org, rules.CYCLE))
        partners = view.out(org, "PAIRED_WITH")
        if org in partners:
            rows.append(_row(view, "self_pairing", org, rules.PAIRING))
        for other in partners:
            if other != org and org in view.out(other, "PAIRED_WITH") and view.id(org) < view.id(other):
                rows.append(_row(view, "duplicate_pairing", org, rules.PAIRING, related=[view.id(other)]))
    rows += [_row(view, "hierarchy_cycle", area, rules.CYCLE) for area in view.nodes("Area")
             if _on_cycle(view, area, "PART_OF")]
    rows += [_row(view, "member_without_organization", m, rules.MEMBER_NOWHERE) for m in view.nodes("Member")
             if not view.has_out(m, "MEMBER_OF") and "registered_at" not in view.props(m)]
    rows.sort(key=sort_key)
    return rows


def sort_key(row: dict) -> tuple:
    return ORDER.index(row["check"]), row["label"], row["id"], row["related"]
