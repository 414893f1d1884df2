"""What the analyses' codes say in people's words: one table for reports and the explorer.

The model (:mod:`partygraph.graph.model`) holds the words of the graph's own properties; this holds
those of the values the analyses compute (coverage, action, reasons, a place's label, the views).
JSON and CSV keep the codes: scripts read them.

>>> value_word("action", "joint_branch", "zh"), value_word("action", "joint_branch", "en")
('建立联合党支部', 'join a joint branch')
>>> value_word("reasons", ["isolated_mobile", "lost_contact"], "zh")
'流动党员无组织、失联'
>>> value_word("level", "joint_branch", "zh"), value_word("id", "E1", "zh")
('联合党支部', 'E1')
"""

from __future__ import annotations

from .graph.model import LABELS, vocabulary_word

#: Analysis column -> code -> (Chinese, English).
VALUE_WORDS: dict[str, dict[str, tuple[str, str]]] = {
    "coverage": {"org": ("组织覆盖", "covered by an organization"), "work": ("工作覆盖", "work coverage only"),
                 "none": ("未覆盖", "not covered")},
    "action": {"found_branch": ("成立党支部", "found a branch"), "joint_branch": ("建立联合党支部", "join a joint branch"),
               "send_instructor": ("选派党建指导员", "send an instructor")},
    "proposal": {"found_branch": ("单独成立党支部", "found a branch"),
                 "join_branch": ("纳入现有联合党支部", "join an existing joint branch"),
                 "new_joint_branch": ("组建联合党支部", "found a joint branch"),
                 "send_instructor": ("选派党建指导员", "send an instructor")},
    "reasons": {"isolated_mobile": ("流动党员无组织", "isolated mobile member"), "lost_contact": ("失联", "out of contact")},
    "place_label": {label: (spec.zh, spec.en) for label, spec in LABELS.items()},
    "label": {**{label: (spec.zh, spec.en) for label, spec in LABELS.items()}, "Pairing": ("结对共建", "pairing")},
    "change": {"org_coverage_lost": ("失去组织覆盖", "lost organizational coverage"),
               "work_coverage_lost": ("失去工作覆盖", "lost work coverage"),
               "became_isolated": ("成为无组织流动党员", "became an isolated mobile member"),
               "contact_lost": ("失联", "out of contact"), "removed": ("减少", "removed"),
               "unpaired": ("结对解除", "pairing ended"),
               "org_coverage_gained": ("新增组织覆盖", "gained organizational coverage"),
               "work_coverage_gained": ("新增工作覆盖", "gained work coverage"),
               "found_home": ("找到组织", "found a home"), "contact_restored": ("恢复联系", "contact restored"),
               "added": ("新增", "added"), "paired": ("新结对", "paired"), "transferred": ("组织关系转移", "transferred"),
               "employer_changed": ("变更工作单位", "changed employer"),
               "property_changed": ("信息变更", "changed")},
    "view": {"structure": ("组织结构", "structure"), "hierarchy": ("隶属关系", "hierarchy"),
             "pairings": ("结对共建", "pairings")},
}
#: Model properties whose values are a vocabulary (their words are the model's).
VOCABULARY_COLUMNS = frozenset(name for spec in LABELS.values() for name, prop in spec.props.items() if prop.words)


def value_word(column: str, value: object, language: str) -> object:
    """``value`` of ``column`` in ``language``; a list becomes its words joined; values without a
    word come back as they are."""
    if isinstance(value, (list, tuple)) and column in VALUE_WORDS:
        return ("、" if language == "zh" else ", ").join(str(value_word(column, v, language)) for v in value)
    words = VALUE_WORDS.get(column)
    if words is not None:
        pair = words.get(str(value))
        return pair[0 if language == "zh" else 1] if pair else value
    if column in VOCABULARY_COLUMNS and value is not None:
        return vocabulary_word(column, value, language)
    return value


def has_words(column: str) -> bool:
    return column in VALUE_WORDS or column in VOCABULARY_COLUMNS
