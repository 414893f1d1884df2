"""The ``ids`` option of analyses that judge enterprises or members (a drawing's, or a place's)."""

from __future__ import annotations

from typing import Iterable

from ..errors import UsageError
from ..i18n import _


def id_list(ids: Iterable[str] | None) -> list[str] | None:
    """An analysis's ``ids`` option (judge only these nodes, as a drawing does) as both forms take it.

    >>> id_list(["E2", "E1", "E2"]), id_list(None)
    (['E1', 'E2'], None)
    """
    if ids is None:
        return None
    if isinstance(ids, str):
        raise UsageError(_("ids expects a list of ids, not the text {given!r}").format(given=ids))
    return sorted(set(ids))
