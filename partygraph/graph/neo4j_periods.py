"""Periods in Neo4j: every period kept as versions, the latest of them today's graph.

Every period is kept as versions: a node per state of a record (its properties and its outgoing
relationships), labelled ``V_<Label>``, ``PartygraphVersion`` and the label of each period it is in
(``P20260630``); a relationship joins a version to each version of its target it co-exists with in
some period. A record unchanged for eight quarters is one node with eight labels.

The versions of the latest period are also today's graph: they carry the model's labels and the
marker (``Enterprise:Partygraph``), and a relationship between two of them has the model's type
(``COVERS``). Every other relationship of the versions has the type prefixed (``V_COVERS``), so the
default reads see today's graph as it always was (a degree check counts its relationships alone),
and each record is written once.

Reading an earlier period runs the same Cypher, rewritten by :func:`versioned`: the model's labels
become the versions', every node pattern takes the period's label, and every relationship type
takes its prefixed twin. Variable-length walks become quantified path patterns whose every node is
of the period (without that check a walk up the area hierarchy crossed into another period's areas).

>>> print(versioned("MATCH (e:Enterprise:Partygraph)<-[:COVERS]-(o) WHERE EXISTS { (e)-[:PART_OF*0..]->(:Area) }", "P20260331"))
MATCH (e:V_Enterprise:PartygraphVersion:P20260331)<-[:COVERS|V_COVERS]-(o:P20260331) WHERE EXISTS { (e:P20260331) ((:P20260331)-[:PART_OF|V_PART_OF]->(:P20260331)){0,} (:V_Area:P20260331) }
"""

from __future__ import annotations

import hashlib
import re

import orjson

from .data import GraphData
from .model import LABELS, RELATIONSHIPS, split_key

VERSION = "PartygraphVersion"
PREFIX = "V_"
#: A period's label: P and the date's eight digits (made by ``periods.period_token``).
PERIOD_LABEL = re.compile(r"^P\d{8}$")
PERIOD_LABEL_CYPHER = "P[0-9]{8}"

_MODEL_LABEL = re.compile(r":(" + "|".join(LABELS) + r")\b")
_MARKER = re.compile(r":Partygraph\b")
_NODE = r"\((\w*)(:[\w:]+)?(\s*\{[^}]*\})?\)"
_LABELLED_NODE = r"\((\w*)(:[\w:]+)(\s*\{[^}]*\})?\)"
_VAR_LENGTH = re.compile(r"(<?)-\[:(\w+)\*(\d*)(\.\.)?(\d*)\]-(>?)")
_TYPE = re.compile(r"\[(\w*):(" + "|".join(RELATIONSHIPS) + r")\]")


def version_label(label: str) -> str:
    return PREFIX + label


def model_label(name: str) -> str:
    """The model's name of a version's label or relationship type (``V_COVERS`` -> ``COVERS``)."""
    return name[len(PREFIX):] if name.startswith(PREFIX) else name


def model_type(variable: str) -> str:
    """Cypher for the model's type of the relationship ``variable``, whichever of its two types it has."""
    return (f"CASE WHEN type({variable}) STARTS WITH '{PREFIX}' THEN substring(type({variable}), {len(PREFIX)}) "
            f"ELSE type({variable}) END")


def versioned(cypher: str, token: str) -> str:
    """``cypher`` reading the period labelled ``token`` from the versions."""
    def add(found: re.Match) -> str:
        return f"({found.group(1)}{found.group(2) or ''}:{token}{found.group(3) or ''})"

    text = _MODEL_LABEL.sub(lambda m: ":" + version_label(m.group(1)), cypher)
    text = _MARKER.sub(":" + VERSION, text)
    text = re.sub(_LABELLED_NODE, add, text)
    text = re.sub(r"(?<=MATCH )" + _NODE, add, text)
    text = re.sub(_NODE + r"(?=\s*<?-\[)", add, text)
    text = re.sub(r"(?<=\]->)" + _NODE, add, text)
    text = re.sub(r"(?<=\]-)" + _NODE, add, text)
    text = re.sub(f"(:{token})+", f":{token}", text)

    def walk(found: re.Match) -> str:
        back, rel_type, low, dots, high, forward = found.groups()
        low = low or "1"
        high = high if dots else low
        step = f"(:{token})<-[:{rel_type}]-(:{token})" if back else f"(:{token})-[:{rel_type}]->(:{token})"
        return f" ({step}){{{low},{high}}} "

    text = _VAR_LENGTH.sub(walk, text)
    return _TYPE.sub(lambda found: f"[{found.group(1)}:{found.group(2)}|{PREFIX}{found.group(2)}]", text)


def states(data: GraphData) -> dict[str, str]:
    """Each record's version key: its ``Label:id`` and a digest of its properties and its outgoing
    relationships (with their properties), so that a record unchanged between periods keeps its key."""
    out: dict[str, list] = {}
    for (rel_type, source, target), props in data.rels.items():
        out.setdefault(source, []).append((rel_type, target, props))
    found = {}
    for label, by_id in data.nodes.items():
        for node_id, props in by_id.items():
            key = f"{label}:{node_id}"
            body = orjson.dumps([props, sorted(out.get(key, []), key=lambda r: (r[0], r[1]))],
                                option=orjson.OPT_SORT_KEYS)
            found[key] = f"{key}#{hashlib.blake2b(body, digest_size=12).hexdigest()}"
    return found


def version_rows(data: GraphData, keys: dict[str, str], existing: dict[str, int]) -> tuple[list, dict, list]:
    """What a period adds to the versions: (version keys already there, to be labelled; new versions by
    label, as rows; relationships to create). ``existing`` holds each version's periods as a bit set.
    A relationship between two versions that were already there exists when they co-exist in some
    period (the graph is kept so), else it is created."""
    labelled = [vkey for vkey in keys.values() if vkey in existing]
    new: dict[str, list] = {}
    for label, by_id in data.nodes.items():
        for node_id, props in by_id.items():
            vkey = keys[f"{label}:{node_id}"]
            if vkey not in existing:
                new.setdefault(label, []).append({"vkey": vkey, "props": props})
    rels = []
    for (rel_type, source, target), props in data.rels.items():
        a, b = keys[source], keys[target]
        if a in existing and b in existing and existing[a] & existing[b]:
            continue
        rels.append((rel_type, split_key(source)[0], split_key(target)[0], {"a": a, "b": b, "p": props}))
    return labelled, new, rels


def version_schema_statements() -> list[str]:
    """The ids the versions' analyses look up and the live graph's other indexes (an earlier
    period's analyses seek members by last contact as the latest's do)."""
    from .neo4j_schema import INDEXES

    # Versions are found by element id while a load runs: no index on their keys to keep up.
    statements = ["DROP CONSTRAINT pg_version_key IF EXISTS"]
    statements += [f"CREATE INDEX pg_v_{label.lower()}_id IF NOT EXISTS FOR (n:{version_label(label)}) ON (n.id)"
                   for label in LABELS]
    statements += [f"CREATE INDEX pg_v_{label.lower()}_{prop} IF NOT EXISTS FOR (n:{version_label(label)}) ON (n.{prop})"
                   for label, prop in INDEXES]
    return statements
