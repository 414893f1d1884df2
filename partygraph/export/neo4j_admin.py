"""The bulk path into Neo4j for a nation's register: node and relationship CSV files with the
headers ``neo4j-admin database import full`` reads, holding exactly what ``partygraph load``
writes — each node with its label and ``Partygraph``, every property typed, every relationship
type, and the ``PartygraphMeta`` marker saying the load is complete — plus ``schema.cypher``,
the constraints and indexes ``load`` makes (the import makes none), and ``import.txt``, the
command. These files are input for the database, not for a spreadsheet: values stay exact (no
formula neutralising) and members are not pseudonymized.
"""

from __future__ import annotations

import csv
import os
from dataclasses import dataclass
from pathlib import Path

from ..files import atomic_write, make_folder, write_text
from ..graph.data import GraphData, text_order_differs
from ..graph.model import LABELS, RELATIONSHIPS, split_key
from ..graph.neo4j_schema import schema_statements

MARKER = "Partygraph"
_TYPES = {"str": "", "int": ":long", "bool": ":boolean", "date": ":date"}


@dataclass
class AdminFiles:
    folder: Path
    nodes: list[Path]
    relationships: list[Path]
    command: str


def _value(value: object) -> object:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return value


def _write(path: Path, header: list[str], rows) -> Path:
    with atomic_write(path, newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def write_admin(data: GraphData, folder: str | Path) -> AdminFiles:
    """Write ``data`` as neo4j-admin import files into ``folder`` (made if its parent exists)."""
    folder = make_folder(folder)
    nodes, relationships = [], []
    for label, spec in LABELS.items():
        columns = [name for name in spec.properties if name != "id"]
        header = [f"id:ID({label})"] + [name + _TYPES[spec.properties[name]] for name in columns] + [":LABEL"]
        rows = ([props["id"], *(_value(props.get(name)) for name in columns), f"{label};{MARKER}"]
                for props in data.nodes[label].values())
        nodes.append(_write(folder / f"nodes-{label}.csv", header, rows))
    nodes.append(_write(folder / "nodes-PartygraphMeta.csv",
                        ["id:ID(PartygraphMeta)", "state", "text_order_differs:boolean", ":LABEL"],
                        [["store", "complete", _value(text_order_differs(data)), "PartygraphMeta"]]))
    groups: dict[tuple[str, str, str], list] = {}
    for (rel_type, source, target), props in data.rels.items():
        (from_label, from_id), (to_label, to_id) = split_key(source), split_key(target)
        groups.setdefault((rel_type, from_label, to_label), []).append((from_id, to_id, props))
    for (rel_type, from_label, to_label), members in sorted(groups.items()):
        names = list(RELATIONSHIPS[rel_type].properties)
        header = ([f":START_ID({from_label})", f":END_ID({to_label})"]
                  + [name + _TYPES[RELATIONSHIPS[rel_type].properties[name]] for name in names] + [":TYPE"])
        rows = ([from_id, to_id, *(_value(props.get(name)) for name in names), rel_type]
                for from_id, to_id, props in members)
        relationships.append(_write(folder / f"relationships-{rel_type}-{from_label}-{to_label}.csv", header, rows))
    write_text(folder / "schema.cypher", ";\n".join(schema_statements()) + ";\n")
    command = import_command(folder, nodes, relationships)
    write_text(folder / "import.txt", command + "\n")
    return AdminFiles(folder, nodes, relationships, command)


def import_command(folder: Path, nodes: list[Path], relationships: list[Path], database: str = "neo4j") -> str:
    """The neo4j-admin command for these files (run with the database stopped, then run
    schema.cypher, e.g. with cypher-shell)."""
    parts = ["neo4j-admin", "database", "import", "full", database, "--overwrite-destination", "--multiline-fields=true"]
    parts += [f"--nodes={path}" for path in nodes] + [f"--relationships={path}" for path in relationships]
    return shell_command(parts)


def shell_command(words: list[str]) -> str:
    """A command line the local shell splits back into ``words`` (paths with spaces or quotes too):
    POSIX shell quoting, or Windows' own where partygraph runs on Windows."""
    if os.name == "nt":
        import subprocess

        return subprocess.list2cmdline(words)
    import shlex

    return shlex.join(words)
