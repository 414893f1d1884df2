"""Parsing cell values in the spellings the README allows. Each parser raises ``ValueError``
with the text "expected ..." that the validator puts in its message.

>>> parse_bool("是"), parse_date("2013年6月20日"), parse_list("E1；E2、E3")
(True, '2013-06-20', ['E1', 'E2', 'E3'])
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from ..i18n import N_, _

_TRUE = {"true", "yes", "y", "t", "1", "是", "真", "√", "✓", "✔", "●", "有", "是的"}
_FALSE = {"false", "no", "n", "f", "0", "否", "假", "×", "✗", "无", "没有"}
_DATE = re.compile(r"^\s*(\d{4})\s*(?:[-/.年])\s*(\d{1,2})\s*(?:[-/.月])\s*(\d{1,2})\s*日?\s*$")
_MONTH = re.compile(r"^\s*(\d{4})\s*(?:[-/.年])\s*(\d{1,2})\s*月?\s*$")
_LIST_SPLIT = re.compile(r"[;；、,，\n\r]")
_E_NOTATION = re.compile(r"^[+-]?\d+(\.\d+)?[eE][+-]?\d+$")
#: Excel keeps 15 significant digits of a number; a longer id typed as a number has lost some.
EXCEL_DIGITS = 15


def text(value: object) -> str:
    """A cell as stripped text; numbers from Excel without a spurious ``.0``; text a CSV writer kept
    from running as a formula (``'=…``, ``'-5``: partygraph's own CSV files) as it was.

    >>> text(1001.0), text(" 宝湖 "), text("'=HYPERLINK(1)"), text("'-5"), text("'s")
    ('1001', '宝湖', '=HYPERLINK(1)', '-5', "'s")
    """
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    stripped = str(value).strip()
    if stripped[:1] == "'" and stripped[1:2] in ("=", "+", "-", "@"):
        return stripped[1:]
    return stripped


def parse_bool(value: object) -> bool:
    if isinstance(value, bool):
        return value
    word = text(value).lower()
    if word in _TRUE:
        return True
    if word in _FALSE:
        return False
    raise ValueError(N_("expected a yes/no value: true/false, yes/no, 1/0 or 是/否"))


def parse_int(value: object) -> int:
    if isinstance(value, bool):
        raise ValueError(N_("expected a whole number"))
    if isinstance(value, int):
        number = value
    elif isinstance(value, float) and value.is_integer():
        number = int(value)
    else:
        digits = re.sub(r"[,，\s]", "", text(value))
        if not re.fullmatch(r"\d+", digits):
            raise ValueError(N_("expected a whole number such as 120"))
        number = int(digits)
    if number < 0:
        raise ValueError(N_("expected a whole number of 0 or more"))
    if number >= 2 ** 63:
        raise ValueError(N_("expected a whole number below 9223372036854775808 (a 64-bit integer)"))
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
    raise ValueError(N_("expected a date such as 2013-06-20, 2013/6/20 or 2013年6月20日"))


def parse_month(value: object, last_day: bool = False) -> str | None:
    """A month-only date (``2026年3月``, ``2026.03``, ``2026-03``) as its first day, or its last
    with ``last_day``; ``None`` if the value is not one.

    >>> parse_month("2026年3月"), parse_month("2026.02", last_day=True), parse_month("2026-03-05"), parse_month("0000.01")
    ('2026-03-01', '2026-02-28', None, None)
    """
    match = _MONTH.match(text(value))
    if not match:
        return None
    year, month = map(int, match.groups())
    if not (1 <= month <= 12 and dt.MINYEAR <= year <= dt.MAXYEAR):     # 0000.01 is no month either
        return None
    day = calendar.monthrange(year, month)[1] if last_day else 1
    return dt.date(year, month, day).isoformat()


def parse_list(value: object) -> list[str]:
    """Parts of a list cell: split on ``;``, ``、``, commas and line breaks (Alt+Enter)."""
    return [part.strip() for part in _LIST_SPLIT.split(text(value)) if part.strip()]


class ExcelDamage(ValueError):
    """An id that Excel changed beyond repair (scientific notation, lost digits)."""


def id_text(value: object) -> str:
    """An id or code cell as text: ``1001.0`` is ``1001``; one Excel has damaged raises
    :class:`ExcelDamage`.

    >>> id_text(1001.0), id_text("1001.0"), id_text(" E1 ")
    ('1001', '1001', 'E1')
    >>> id_text("3.30303E+11")
    Traceback (most recent call last):
    ...
    partygraph.loaders.values.ExcelDamage: Excel turned it into a number in scientific notation and its digits are gone
    """
    if isinstance(value, bool):
        return text(value)
    if isinstance(value, (int, float)):
        number = value
        if isinstance(number, float) and not number.is_integer():
            return text(number)
        if abs(number) >= 10 ** EXCEL_DIGITS:
            raise ExcelDamage(_("Excel stored it as a number and kept only {digits} digits").format(digits=EXCEL_DIGITS))
        return str(int(number))
    word = text(value)
    if _E_NOTATION.match(word):
        raise ExcelDamage(_("Excel turned it into a number in scientific notation and its digits are gone"))
    if re.fullmatch(r"\d+\.0+", word):
        return word.split(".")[0]
    return word


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
        return _("expected 18 characters of 0-9 and A-Y without I, O, S, V, Z (GB 32100-2015)")
    total = sum(_CREDIT_ALPHABET.index(ch) * w for ch, w in zip(code, _CREDIT_WEIGHTS))
    expected = _CREDIT_ALPHABET[(31 - total % 31) % 31]
    if code[17] != expected:
        return _("check character should be {expected}, not {found} (GB 32100-2015)").format(expected=expected, found=code[17])
    return None


_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


def identity_number_ok(number: str) -> bool:
    """Whether an 18-character 公民身份号码 has the right check character (GB 11643, ISO 7064 MOD 11-2).

    >>> identity_number_ok("11010519491231002X"), identity_number_ok("110105194912310021")
    (True, False)
    """
    number = number.strip().upper()
    if not re.fullmatch(r"\d{17}[\dX]", number):
        return False
    total = sum(int(digit) * weight for digit, weight in zip(number, _ID_WEIGHTS))
    return "10X98765432"[total % 11] == number[17]
