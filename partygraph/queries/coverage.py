"""Coverage rates (组织覆盖率, 工作覆盖率) per building and area (the embedded twin of ``coverage.cypher``).

Which enterprises a rate counts differs between reports, so the base is a choice and every row
says which: ``all``, ``with_members`` or ``min_employees:N``.
"""

from __future__ import annotations

from ..errors import UsageError
from ..i18n import _
from .view import View

PARAMETERS: dict = {}
COLUMNS = ["place_id", "place_name", "place_label", "place_kind", "enterprises", "org_covered", "work_covered",
           "org_coverage_rate", "work_coverage_rate", "base"]
TOTAL = None                      # no cheaper count than the analysis itself
SUBJECT = None                    # it judges no enterprises or members, so --place does not narrow it
DERIVED: dict = {}


def options(base: str = "all") -> dict:
    """``all``, ``with_members`` or ``min_employees:N`` as the parameters both forms take.

    >>> options("min_employees:10")
    {'base': 'min_employees', 'min_employees': 10, 'base_label': 'min_employees:10'}
    """
    kind, _colon, number = base.partition(":")
    if kind in ("all", "with_members") and not number:
        return {"base": kind, "min_employees": 0, "base_label": kind}
    if kind == "min_employees" and number.isdigit():
        return {"base": kind, "min_employees": int(number), "base_label": f"min_employees:{int(number)}"}
    raise UsageError(_("--base expects all, with_members or min_employees:N, not {given!r}").format(given=base))


def _counted(view: View, enterprise: str, base: str, min_employees: int) -> bool:
    if base == "with_members":
        return view.has_in(enterprise, "WORKS_AT")
    if base == "min_employees":
        return (view.props(enterprise).get("employees") or 0) >= min_employees
    return True


def _figures(view: View, enterprises: list[str]) -> tuple[int, int, int]:
    org = work = 0
    for enterprise in enterprises:
        covered = view.has_in(enterprise, "COVERS")
        org += covered
        building = view.building(enterprise)
        work += covered or view.has_in(enterprise, "GUIDES") or (building is not None and view.has_in(building, "BASED_IN"))
    return len(enterprises), org, work


def _areas_below(view: View) -> dict[str, set[str]]:
    """Each area with itself and every area that is PART_OF it, at any depth."""
    below: dict[str, set[str]] = {area: {area} for area in view.nodes("Area")}
    for area in view.nodes("Area"):
        for ancestor in view.ancestors(area, "PART_OF"):
            if view.props(ancestor)["label"] == "Area":
                below[ancestor].add(area)
    return below


def run(view: View, base: str, min_employees: int, base_label: str) -> list[dict]:
    counted = {b: [e for e in view.into(b, "LOCATED_IN") if _counted(view, e, base, min_employees)]
               for b in view.nodes("Building")}
    buildings_in = {area: [b for b in view.into(area, "PART_OF") if view.props(b)["label"] == "Building"]
                    for area in view.nodes("Area")}
    # Enterprises known only by their area (no building) count in that area and every area above.
    direct = {a: [e for e in view.into(a, "LOCATED_IN") if _counted(view, e, base, min_employees)]
              for a in view.nodes("Area")}
    places = [(b, counted[b]) for b in view.nodes("Building")]
    for area, areas in _areas_below(view).items():
        places.append((area, [e for a in areas for b in buildings_in[a] for e in counted[b]]
                       + [e for a in areas for e in direct[a]]))
    rows = []
    for place, enterprises in places:
        total, org, work = _figures(view, enterprises)
        props = view.props(place)
        rows.append({"place_id": props["id"], "place_name": props["name"], "place_label": props["label"],
                     "place_kind": props.get("kind"), "enterprises": total, "org_covered": org, "work_covered": work,
                     "org_coverage_rate": org / total if total else None,
                     "work_coverage_rate": work / total if total else None, "base": base_label})
    rows.sort(key=sort_key)
    return rows


def sort_key(row: dict) -> tuple:
    return row["place_label"], row["place_id"]
