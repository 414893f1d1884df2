"""Messages in the user's language: Chinese by default, English with ``--lang en`` or
``PARTYGRAPH_LANG=en``.

Messages are written in English in the code and marked with :func:`_`; the Chinese catalogue
(``locale/zh_CN/LC_MESSAGES/partygraph.po``, compiled to ``.mo`` with Babel, see the README)
translates them. A message missing from the catalogue shows in English rather than failing.

>>> set_language("en"); _("permission denied")
'permission denied'
>>> set_language("zh"); _("permission denied")
'没有权限'
>>> set_language(language_from())
"""

from __future__ import annotations

import gettext
import os
import sys
from pathlib import Path

DOMAIN = "partygraph"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"
LANGUAGES = ("zh", "en")
ENV = "PARTYGRAPH_LANG"

_current: gettext.NullTranslations | None = None
_language = "zh"


def language_from(argv: list[str] | None = None, environ: dict | None = None) -> str:
    """The language asked for: ``--lang X`` / ``--lang=X`` on the command line, else ``PARTYGRAPH_LANG``.

    >>> language_from(["partygraph", "--lang", "en", "demo"], {})
    'en'
    >>> language_from(["partygraph"], {"PARTYGRAPH_LANG": "en_US.UTF-8"})
    'en'
    >>> language_from(["partygraph"], {})
    'zh'
    """
    argv = sys.argv if argv is None else argv
    environ = os.environ if environ is None else environ
    asked = environ.get(ENV, "")
    for position, word in enumerate(argv):
        if word == "--lang" and position + 1 < len(argv):
            asked = argv[position + 1]
        elif word.startswith("--lang="):
            asked = word.partition("=")[2]
    return "en" if asked.lower().startswith("en") else "zh"


def set_language(language: str) -> None:
    """Use ``zh`` or ``en`` from now on."""
    global _current, _language
    _language = "en" if language.lower().startswith("en") else "zh"
    if _language == "en":
        _current = gettext.NullTranslations()
    else:
        _current = gettext.translation(DOMAIN, LOCALE_DIR, languages=["zh_CN"], fallback=True)


def language() -> str:
    if _current is None:
        set_language(language_from())
    return _language


def _(message: str) -> str:
    """``message`` in the current language."""
    if _current is None:
        set_language(language_from())
    return _current.gettext(message)


def pgettext(context: str, message: str) -> str:
    """``message`` in the current language, where the same English word needs another translation
    in another place (a noun after a count, a column title)."""
    if _current is None:
        set_language(language_from())
    return _current.pgettext(context, message)


def N_(message: str) -> str:
    """Marks a message for the catalogue where it is defined; :func:`_` translates it where shown."""
    return message


def ngettext(singular: str, plural: str, count: int) -> str:
    if _current is None:
        set_language(language_from())
    return _current.ngettext(singular, plural, count)
