"""The register with a plan carried out: new organizations with the units they cover, units added
to the joint branches they join, and instructors guiding the units they are sent to (a new
instructor, ``PLAN-I<n>``, for each group of up to the instructor load left without one)."""

from __future__ import annotations

from ..graph.data import GraphData
from ..i18n import _
from .plan import NEW_INSTRUCTOR, new_instructors


def applied(data: GraphData, plan) -> GraphData:
    """``data`` (the register the plan was made from) with ``plan`` carried out, in place."""
    names = plan.places.names
    for proposal in plan.proposals:
        kind, ids = proposal["proposal"], proposal["enterprise_ids"]
        if kind == "found_branch":
            _organization(data, proposal, "branch", _("{unit} party branch (proposed)").format(unit=proposal["enterprise_names"][0]),
                          plan.as_of)
        elif kind == "new_joint_branch":
            where = names.get(f"Building:{proposal['building_id']}") or names.get(f"Area:{proposal['place_id']}") or ""
            _organization(data, proposal, "joint_branch",
                          _("{place} joint party branch {id} (proposed)").format(place=where, id=proposal["org_id"]), plan.as_of)
        elif kind == "join_branch":
            for unit in ids:
                data.add_rel("COVERS", "Organization", proposal["org_id"], "Enterprise", unit)
        elif proposal["instructor_id"] is not None and not proposal["guided_now"]:
            data.add_rel("GUIDES", "Member", proposal["instructor_id"], "Enterprise", ids[0])
    _new_instructors(data, plan)
    return data


def _organization(data: GraphData, proposal: dict, level: str, name: str, founded: str) -> None:
    data.add_node("Organization", {"id": proposal["org_id"], "name": name, "level": level, "establishment": True,
                                   "founded": founded})
    for unit in proposal["enterprise_ids"]:
        data.add_rel("COVERS", "Organization", proposal["org_id"], "Enterprise", unit)


def _new_instructors(data: GraphData, plan) -> None:
    n = 0
    for row in new_instructors(plan):
        units = row["enterprise_ids"]
        for start in range(0, len(units), plan.instructor_load):
            n += 1
            member = NEW_INSTRUCTOR.format(n=n)
            data.add_node("Member", {"id": member, "name": _("instructor to be sent {n}").format(n=n), "status": "full",
                                     "mobile": False})
            for unit in units[start:start + plan.instructor_load]:
                data.add_rel("GUIDES", "Member", member, "Enterprise", unit)
