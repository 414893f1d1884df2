"""The constraints and indexes partygraph's Neo4j graph has: made by ``load``, and written beside a
bulk export for ``neo4j-admin database import`` (which makes none). Every period is kept as
versions (``neo4j_periods``): their ids and the properties analyses look members up by are indexed
per label; the model's own labels hold no node.

>>> schema_statements()[0]
'CREATE CONSTRAINT pg_meta_id IF NOT EXISTS FOR (n:PartygraphMeta) REQUIRE n.id IS UNIQUE'
"""

from __future__ import annotations

from .model import LABELS
from .neo4j_periods import version_label

#: Indexes the analyses look things up by, beyond ``id``.
INDEXES = (("Member", "status"), ("Member", "mobile"), ("Member", "last_contact"), ("Member", "registered_at"),
           ("Organization", "level"))


def schema_statements() -> list[str]:
    """Every statement, in order, each safe to run again; those before every period was read
    through its versions (on the model's labels and the versions' keys) are dropped."""
    statements = ["CREATE CONSTRAINT pg_meta_id IF NOT EXISTS FOR (n:PartygraphMeta) REQUIRE n.id IS UNIQUE"]
    statements += [f"CREATE INDEX pg_v_{label.lower()}_id IF NOT EXISTS FOR (n:{version_label(label)}) ON (n.id)"
                   for label in LABELS]
    statements += [f"CREATE INDEX pg_v_{label.lower()}_{prop} IF NOT EXISTS FOR (n:{version_label(label)}) ON (n.{prop})"
                   for label, prop in INDEXES]
    statements += ["DROP CONSTRAINT pg_version_key IF EXISTS"]
    statements += [f"DROP CONSTRAINT pg_{label.lower()}_id IF EXISTS" for label in LABELS]
    statements += [f"DROP INDEX pg_{label.lower()}_{prop} IF EXISTS" for label, prop in INDEXES]
    return statements
