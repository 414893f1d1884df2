"""Secret keys partygraph keeps for the user: in the environment, or in a 0600 file of its own.

The key that turns a 公民身份号码 into a member's id must stay the same from one quarter's
register to the next (or the same people get new ids) and must stay secret (or the ids can be
tested against guessed numbers). It is read from ``PARTYGRAPH_ID_KEY``, else from
``id.key`` in partygraph's folder (``PARTYGRAPH_HOME``, default ``~/.partygraph``), made there
on first use with mode 0600. Its path is shown; the key itself never is.
"""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from .errors import UsageError
from .files import atomic_write
from .i18n import _

HOME_VARIABLE = "PARTYGRAPH_HOME"
MIN_LENGTH = 16


@dataclass(frozen=True)
class Key:
    secret: bytes
    where: str              # the variable's name or the file's path
    created: bool


def home() -> Path:
    return Path(os.environ.get(HOME_VARIABLE) or Path.home() / ".partygraph")


def kept_key(name: str, variable: str) -> Key:
    """The key from ``variable``, else from ``<home>/<name>.key``, made there if missing."""
    given = os.environ.get(variable)
    if given:
        if len(given) < MIN_LENGTH:
            raise UsageError(_("{variable} must be a random secret of at least {count} characters").format(
                variable=variable, count=MIN_LENGTH))
        return Key(given.encode("utf-8"), variable, False)
    path = home() / f"{name}.key"
    if path.exists():
        return Key(path.read_text(encoding="ascii").strip().encode("ascii"), str(path), False)
    home().mkdir(mode=0o700, parents=True, exist_ok=True)
    secret = secrets.token_hex(32)
    with atomic_write(path, encoding="ascii") as out:
        out.write(secret + "\n")
    return Key(secret.encode("ascii"), str(path), True)
