"""Secret keys partygraph keeps for the user: in the environment, or in a 0600 file of its own.

The key that turns a 公民身份号码 into a member's id must stay the same from one quarter's
register to the next (or the same people get new ids) and must stay secret (or the ids can be
tested against guessed numbers). It is read from ``PARTYGRAPH_ID_KEY``, else from
``id.key`` in partygraph's folder (``PARTYGRAPH_HOME``, default ``~/.partygraph``), made there
on first use with mode 0600. Its path is shown; the key itself never is.
"""

from __future__ import annotations

import os
import re
import secrets
from dataclasses import dataclass
from pathlib import Path

from .errors import UsageError
from .files import atomic_write
from .i18n import _

HOME_VARIABLE = "PARTYGRAPH_HOME"
MIN_LENGTH = 16
#: What a key file partygraph made holds: 64 hexadecimal characters (and a newline).
KEY_FORMAT = re.compile(r"[0-9a-f]{64}")


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
        return Key(read_key_file(path, variable), str(path), False)
    home().mkdir(mode=0o700, parents=True, exist_ok=True)
    secret = secrets.token_hex(32)
    try:
        with atomic_write(path, encoding="ascii", exclusive=True) as out:
            out.write(secret + "\n")
    except FileExistsError:             # another partygraph made it meanwhile: use that one
        return Key(read_key_file(path, variable), str(path), False)
    return Key(secret.encode("ascii"), str(path), True)


def read_key_file(path: Path, variable: str) -> bytes:
    """The key in a file partygraph made; an empty, cut or altered one is refused, since using it
    would silently give every member a new id."""
    try:
        text = path.read_bytes().decode("ascii").strip()
    except (OSError, UnicodeDecodeError) as exc:
        text = None
        reason = getattr(exc, "strerror", None) or str(exc)
    else:
        reason = _("it is empty") if not text else _("it holds {count} characters, not the 64 hexadecimal "
                                                     "characters partygraph writes").format(count=len(text))
    if text is not None and KEY_FORMAT.fullmatch(text):
        return text.encode("ascii")
    raise UsageError(_("the key file {path} is damaged ({reason}); restore it from a backup, or put the key in "
                       "{variable}. Do not delete it: a new key gives every member a new id, and earlier "
                       "exports and stores can no longer be linked").format(path=path, reason=reason, variable=variable))
