"""Parsing cell values in the spellings DOMAIN.md §3 allows. Each parser raises ``ValueError``
with the text "expected ..." that the validator puts in its message.

>>> parse_bool("是"), parse_date("2013年6月20日"), parse_list("E1；E2、E3")
(True, '2013-06-20', ['E1', 'E2', 'E3'])
"""

from __future__ import annotations

import datetime as dt
import re

_TRUE = {"true", "yes", "y", "t", "1", "是", "真", "√", "✓"}
_FALSE = {"false", "no", "n", "f", "0", "否", "假", "×"}
_DATE = re.compile(r"^\s*(\d{4})\s*(?:[-/.年])\s*(\d{1,2})\s*(?:[-/.月])\s*(\d{1,2})\s*日?\s*$")
_LIST_SPLIT = re.compile(r"[;；、,，]")


def text(value: object) -> str:
    """A cell as stripped text; numbers from Excel without a spurious ``.0``."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def parse_bool(value: object) -> bool:
    if isinstance(value, bool):
        return value
    word = text(value).lower()
    if word in _TRUE:
        return True
    if word in _FALSE:
        return False
    raise ValueError("expected a yes/no value: true/false, yes/no, 1/0 or 是/否")


def parse_int(value: object) -> int:
    if isinstance(value, bool):
        raise ValueError("expected a whole number")
    if isinstance(value, int):
        number = value
    elif isinstance(value, float) and value.is_integer():
        number = int(value)
    else:
        digits = re.sub(r"[,，\s]", "", text(value))
        if not re.fullmatch(r"\d+", digits):
            raise ValueError("expected a whole number such as 120")
        number = int(digits)
    if number < 0:
        raise ValueError("expected a whole number of 0 or more")
    return number


def parse_date(value: object) -> str:
    """An ISO date string from ISO, ``2013/6/20``, ``2013年6月20日`` or an Excel date cell."""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    match = _DATE.match(text(value))
    if match:
        try:
            return dt.date(*map(int, match.groups())).isoformat()
        except ValueError:
            pass
    raise ValueError("expected a date such as 2013-06-20, 2013/6/20 or 2013年6月20日")


def parse_list(value: object) -> list[str]:
    return [part.strip() for part in _LIST_SPLIT.split(text(value)) if part.strip()]


# GB 32100-2015: 18 characters from this alphabet; the last is a check character.
_CREDIT_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_CREDIT_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)


def credit_code_problem(code: str) -> str | None:
    """Why a unified social credit code (统一社会信用代码) is not valid, or ``None`` if it is.

    >>> credit_code_problem("91350100M000100Y43") is None
    True
    >>> credit_code_problem("91350100M000100Y44")
    'check character should be 3, not 4 (GB 32100-2015)'
    """
    code = code.upper()
    if len(code) != 18 or any(ch not in _CREDIT_ALPHABET for ch in code):
        return "expected 18 characters of 0-9 and A-Y without I, O, S, V, Z (GB 32100-2015)"
    total = sum(_CREDIT_ALPHABET.index(ch) * w for ch, w in zip(code, _CREDIT_WEIGHTS))
    expected = _CREDIT_ALPHABET[(31 - total % 31) % 31]
    if code[17] != expected:
        return f"check character should be {expected}, not {code[17]} (GB 32100-2015)"
    return None
