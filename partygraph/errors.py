"""The library's own exception types; the CLI turns each into one message and exit status 1."""

from __future__ import annotations


class PartygraphError(Exception):
    """Base of every error partygraph raises on purpose."""


class DatasetError(PartygraphError):
    """A dataset has errors; ``problems`` lists every one of them (warnings too)."""

    def __init__(self, problems: list) -> None:
        self.problems = problems
        errors = [p for p in problems if p.severity == "error"]
        from .i18n import _

        lines = [_("The dataset has {count} error(s); nothing was loaded.").format(count=len(errors))]
        lines += [str(p) for p in problems]
        super().__init__("\n".join(lines))


class StoreError(PartygraphError):
    """A store cannot be opened, read or written."""


class Neo4jConnectionError(StoreError):
    """The Neo4j server cannot be used: unreachable, refused credentials, missing database, too old."""


class WriteError(PartygraphError):
    """A file cannot be written; the file that was there is unchanged."""

    def __init__(self, path, reason: str) -> None:
        from .i18n import _

        self.path, self.reason = path, reason
        super().__init__(_("cannot write {path}: {reason}; nothing was changed").format(path=path, reason=reason))


class UsageError(PartygraphError):
    """A request the library cannot honour as asked (a bad scope, an unknown analysis...)."""


class PlanError(PartygraphError):
    """No plan could be proved optimal (the solver ran out of time on an area)."""
