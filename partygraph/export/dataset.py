"""A register written back as the CSV files ``load`` reads (the README's input format): one file
per kind, the columns of the input contract, references as ids. What a plan carried out
(``plan --apply``) is written with; ``load`` of the folder gives the same graph back (tested).
"""

from __future__ import annotations

import csv
from pathlib import Path

from ..files import atomic_write, make_folder
from ..graph.data import GraphData
from ..graph.model import LABELS, split_key
from ..loaders.spec import FILES
from ..output import neutralize


def dataset_rows(data: GraphData) -> dict[str, list[list[object]]]:
    """Each file's rows, header first, nodes by id: property columns from the node, reference
    columns from its outgoing relationships (lists joined with ``;``)."""
    outgoing: dict[str, dict[str, list[str]]] = {}
    for (rel_type, src, dst) in sorted(data.rels):
        outgoing.setdefault(src, {}).setdefault(rel_type, []).append(dst)
    files: dict[str, list[list[object]]] = {}
    for spec in FILES.values():
        if spec.label is None:
            continue
        props = LABELS[spec.label].props
        columns = [c for c in spec.columns if c.rel is not None or c.name in props]
        rows: list[list[object]] = [[c.name for c in columns]]
        for node_id in sorted(data.nodes[spec.label]):
            node = data.nodes[spec.label][node_id]
            links = outgoing.get(f"{spec.label}:{node_id}", {})
            rows.append([_cell(node.get(c.name)) if c.rel is None else _refs(links, c) for c in columns])
        files[spec.name] = rows
    pairs = [["org_a", "org_b", "kind", "since"]]
    for (rel_type, src, dst), props in sorted(data.rels.items()):
        if rel_type == "PAIRED_WITH":
            pairs.append([split_key(src)[1], split_key(dst)[1], _cell(props.get("kind")), _cell(props.get("since"))])
    files["pairings"] = pairs
    return files


def _refs(links: dict[str, list[str]], column) -> str:
    labels = {FILES[ref].label for ref in column.refs}
    ids = [split_key(key)[1] for key in links.get(column.rel, []) if split_key(key)[0] in labels]
    return ";".join(ids) if column.type == "list" else (ids[0] if ids else "")


def _cell(value: object) -> object:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return neutralize(str(value))


def write_dataset(data: GraphData, folder: str | Path) -> Path:
    """Write ``data`` into ``folder`` as the input format's CSV files (UTF-8), each whole or not at all."""
    folder = make_folder(folder)
    for name, rows in dataset_rows(data).items():
        with atomic_write(folder / f"{name}.csv", encoding="utf-8", newline="") as out:
            csv.writer(out).writerows(rows)
    return folder
