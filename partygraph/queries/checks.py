"""Rule checks (the program's side of ``checks.cypher``): joint branches over five units, branches
over 50 members, organizations without a secretary or (below the top) without a superior, cycles
in the hierarchies, members with neither an organization nor a ``registered_at``, self-pairings
and pairings listed in both directions."""

from __future__ import annotations

from . import rules

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


def sort_key(row: dict) -> tuple:
    return ORDER.index(row["check"]), row["label"], row["id"], row["related"]
