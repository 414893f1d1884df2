"""What lies in a place, for analyses narrowed to it (``--place``): the enterprises located in a
building, or in an area (directly, or through its buildings) and every area below it, or the members working
at those enterprises. Both stores answer the same (``store.place_ids``, whose query texts are in
:mod:`partygraph.graph.reads`); Neo4j starts from the place's id, not a scan.
"""

from __future__ import annotations

from ..errors import UsageError
from ..i18n import _


def ids_in(store, place: str, label: str) -> list[str]:
    """Ids of the enterprises (``label="Enterprise"``) or members (``"Member"``) in ``place``."""
    areas, buildings, ids = store.place_ids(place, label)
    if areas + buildings == 0:
        raise UsageError(_("no area or building has the id {given!r}").format(given=place))
    if areas and buildings:
        raise UsageError(_("{given!r} is the id of an area and of a building; partygraph cannot tell which is meant").format(
            given=place))
    return sorted(set(ids))
