"""Pseudonymizing members for research exports.

What happens to each property follows its privacy class in the model
(:data:`partygraph.graph.model.PRIVACY_CLASSES`): identifying ones (a member's id and name) become one
stable pseudonym, a keyed hash (HMAC-SHA256) of the id — the same key gives the same pseudonyms, so
two exports can be linked, and without the key they cannot be reversed; ``year`` dates keep their
year; ``province`` places their province. A property the model does not declare never reaches an
export. Organizations, enterprises and places keep their names: they are public.

>>> p = Pseudonymizer(b"k")
>>> p.member_id("M0001") == p.member_id("M0001") != Pseudonymizer(b"other").member_id("M0001")
True
>>> province("四川阆中 某大学"), province("宁夏固原 原单位"), province("外地")
('四川', '宁夏', '其他')
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

from ..graph.model import LABELS

KEY_VARIABLE = "PARTYGRAPH_PSEUDONYM_KEY"
PROVINCES = ("北京", "天津", "上海", "重庆", "河北", "山西", "辽宁", "吉林", "黑龙江", "江苏", "浙江", "安徽", "福建",
             "江西", "山东", "河南", "湖北", "湖南", "广东", "海南", "四川", "贵州", "云南", "陕西", "甘肃", "青海", "台湾",
             "内蒙古", "广西", "西藏", "宁夏", "新疆", "香港", "澳门")
#: What a pseudonymized export does to each privacy class, recorded in the export itself.
CHANGES = {"identifying": "the member's pseudonym (HMAC-SHA256 of the id)", "year": "year only",
           "province": "province only"}
#: Classes whose values are coarsened only while dates are coarsened (``--exact-dates`` keeps them).
DATE_CLASSES = ("year",)


def fields(coarsen_dates: bool = True) -> dict[str, str]:
    """``Label.property`` to what a pseudonymized export does to it, from the model's classes.

    >>> fields()["Member.works_since"], "Member.joined" in fields(coarsen_dates=False)
    ('year only', False)
    """
    return {f"{label}.{name}": CHANGES[prop.privacy] for label, spec in LABELS.items()
            for name, prop in spec.props.items()
            if prop.privacy in CHANGES and (coarsen_dates or prop.privacy not in DATE_CLASSES)}


def province(place: str) -> str:
    """The province a free-text place starts with (or names), else 其他."""
    found = [p for p in PROVINCES if p in place]
    return min(found, key=place.index) if found else "其他"


#: Words people use as passwords (English and pinyin), refused as keys with digits and signs aside.
WEAK_WORDS = frozenset("""
password passw0rd secret letmein qwerty qwertyuiop asdfgh asdfghjkl zxcvbn iloveyou admin administrator
welcome monkey dragon master sunshine princess football baseball shadow superman trustno1 partygraph
party graph neo4j research export pseudonym key default changeme test testing example sample abc abcdef
mima woaini dangyuan dangjian dangzuzhi zuzhi zhibu dangzhibu gongchandang zhongguo beijing shanghai
""".split())
MIN_KEY_LENGTH = 16


def weak_key_problem(key: str) -> str | None:
    """Why a pseudonym key is no real secret, or ``None``.

    >>> weak_key_problem("partygraph2024!!!!"), weak_key_problem("9f3c1b7e2a6d4c8e")
    ('it is a common word with digits or signs added', None)
    """
    from ..i18n import _

    if len(key) < MIN_KEY_LENGTH:
        return _("it is shorter than {count} characters").format(count=MIN_KEY_LENGTH)
    letters = "".join(ch for ch in key.lower() if ch.isalpha())
    if letters in WEAK_WORDS or any(letters == word * (len(letters) // len(word)) for word in WEAK_WORDS
                                    if letters and len(letters) % len(word) == 0):
        return _("it is a common word with digits or signs added")
    if len(set(key)) < 6:
        return _("it repeats too few different characters")
    return None


def new_key() -> bytes:
    return secrets.token_hex(32).encode("ascii")


class Pseudonymizer:
    def __init__(self, key: bytes, coarsen_dates: bool = True) -> None:
        self.key = key
        self.coarsen_dates = coarsen_dates

    def member_id(self, member_id: str) -> str:
        return "M-" + hmac.new(self.key, member_id.encode("utf-8"), hashlib.sha256).hexdigest()[:16]

    def fingerprint(self) -> str:
        """Tells whether two exports used the same key, without revealing it."""
        return hashlib.sha256(b"partygraph-key-fingerprint:" + self.key).hexdigest()[:12]

    def node(self, label: str, props: dict) -> dict:
        """A node's properties as a pseudonymized export holds them: each treated as its privacy
        class says, and those the model does not declare left out.

        >>> Pseudonymizer(b"k").node("Member", {"id": "M1", "name": "阮晓", "works_since": "2019-03-01",
        ...                                     "registered_at": "四川阆中 某大学", "salary": 1})["works_since"]
        '2019'
        """
        declared = LABELS[label].props
        out, pseudonym = {}, None
        for name, value in props.items():
            prop = declared.get(name)
            if prop is None:
                continue
            if prop.privacy == "identifying":
                pseudonym = pseudonym or self.member_id(props["id"])         # one HMAC for id and name
                value = pseudonym
            elif prop.privacy == "province" and value is not None:
                value = province(str(value))
            elif prop.privacy == "year" and self.coarsen_dates and value is not None:
                value = str(value)[:4]
            out[name] = value
        return out

    def record(self) -> dict:
        return {"pseudonymized": True, "method": "HMAC-SHA256", "key_fingerprint": self.fingerprint(),
                "fields": fields(self.coarsen_dates)}
