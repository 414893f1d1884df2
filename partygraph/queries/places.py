"""What lies in a place, for analyses narrowed to it (``--place``): the enterprises located in a
building, or in an area (directly, or through its buildings) and every area below it, or the members working
at those enterprises. Both stores answer the same (``store.place_ids``, whose query texts are in
:mod:`partygraph.graph.reads`); Neo4j starts from the place's id, not a scan.
"""

from __future__ import annotations

from ..graph.reads import check_place, ids_in

__all__ = ["check_place", "ids_in"]
