"""Two-new organizations without a co-construction partner, with candidate partners (the
embedded twin of ``gaps_pairings.cypher``)."""

from __future__ import annotations

from . import rules
from .view import View

CANDIDATE_LEVELS = ("branch", "general_branch")
PARAMETERS = {"two_new_kinds": rules.TWO_NEW_KINDS, "candidate_levels": CANDIDATE_LEVELS, "rule": rules.UNPAIRED}
COLUMNS = ["id", "name", "area_id", "candidates", "rule"]
TOTAL = None                      # no cheaper count than the analysis itself
SUBJECT = None                    # it judges no enterprises or members, so --place does not narrow it
DERIVED: dict = {}


def options() -> dict:
    """It takes no options."""
    return {}


def area_of(view: View, org: str) -> str | None:
    """The area an organization belongs to (see the Cypher file for the order)."""
    places = view.out(org, "BASED_IN")
    steps = (
        [p for p in places if view.props(p)["label"] == "Area"],
        [a for p in places if view.props(p)["label"] == "Building" for a in view.out(p, "PART_OF")],
        [a for e in view.out(org, "COVERS") for p in view.out(e, "LOCATED_IN")
         for a in (view.out(p, "PART_OF") if view.props(p)["label"] == "Building" else [p])],
    )
    for areas in steps:
        if areas:
            return min(view.id(a) for a in areas)
    return None


def _two_new(view: View, org: str) -> bool:
    return any(view.props(e).get("kind") in rules.TWO_NEW_KINDS for e in view.out(org, "COVERS"))


def _paired(view: View, org: str) -> bool:
    return view.has_out(org, "PAIRED_WITH") or view.has_in(org, "PAIRED_WITH")


def run(view: View) -> list[dict]:
    by_area: dict[str, list[str]] = {}
    for org in view.nodes("Organization"):
        if view.props(org).get("level") in CANDIDATE_LEVELS and not _paired(view, org) and not _two_new(view, org):
            area = area_of(view, org)
            if area is not None:
                by_area.setdefault(area, []).append(view.id(org))
    rows = []
    for org in view.nodes("Organization"):
        if not _two_new(view, org) or _paired(view, org):
            continue
        area = area_of(view, org)
        candidates: list[str] = []
        if area is not None:
            key = f"Area:{area}"
            for place in [key, *view.ancestors(key, "PART_OF")]:
                if view.id(place) in by_area:
                    candidates = sorted(by_area[view.id(place)])
                    break
        props = view.props(org)
        rows.append({"id": props["id"], "name": props["name"], "area_id": area, "candidates": candidates,
                     "rule": rules.UNPAIRED})
    rows.sort(key=sort_key)
    return rows


def sort_key(row: dict) -> tuple:
    return (row["id"],)
