from partygraph.graph.data import GraphData
from partygraph.graph.model import LABELS, PROPERTY_TYPES, RELATIONSHIPS
from partygraph.loaders.spec import DEFAULTS, FILES, VOCABULARY

import pytest


def test_every_property_has_a_known_type_and_every_label_an_id_and_name():
    for label in LABELS.values():
        assert {"id", "name"} <= set(label.properties)
        assert set(label.properties.values()) <= set(PROPERTY_TYPES)
    for rel in RELATIONSHIPS.values():
        assert set(rel.properties.values()) <= set(PROPERTY_TYPES)


def test_relationships_connect_only_labels_of_the_model():
    for rel in RELATIONSHIPS.values():
        for source, target in rel.endpoints:
            assert source in LABELS and target in LABELS


#: Columns read to derive an id and never stored (a member's 公民身份号码).
READ_ONLY = {"identity_number"}


def test_the_input_contract_maps_onto_the_model():
    for spec in FILES.values():
        for column in spec.columns:
            if column.rel:
                targets = {FILES[ref].label for ref in column.refs}
                assert {(spec.label, t) for t in targets} <= set(RELATIONSHIPS[column.rel].endpoints)
            elif spec.label and column.name not in READ_ONLY:
                assert column.name in LABELS[spec.label].properties
    for (label, prop), words in VOCABULARY.items():
        assert set(words) == set(LABELS[label].vocabulary[prop])
    assert all(prop in LABELS[label].properties for label, prop in DEFAULTS)


def test_a_relationship_the_model_does_not_allow_is_refused():
    with pytest.raises(ValueError):
        GraphData().add_rel("COVERS", "Member", "M1", "Enterprise", "E1")


def test_every_property_is_declared_with_a_privacy_class_titles_and_words():
    from partygraph.graph.model import PRIVACY_CLASSES, Prop

    for owner in (*LABELS.values(), *RELATIONSHIPS.values()):
        for name, prop in owner.props.items():
            assert prop.privacy in PRIVACY_CLASSES and prop.zh and prop.en, name
    for name, prop in LABELS["Member"].props.items():       # a member's dates and places are never kept as they are
        if prop.type == "date" or name in ("id", "name", "registered_at"):
            assert prop.privacy != "kept", name
    with pytest.raises(TypeError):
        Prop("date", "入职日期", "works since")             # no class: refused where it is declared
    with pytest.raises(ValueError):
        Prop("date", "入职日期", "works since", "secret")
