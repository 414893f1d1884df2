"""The constraints and indexes partygraph's Neo4j graph has: made by ``load``, and written beside a
bulk export for ``neo4j-admin database import`` (which makes none).

>>> schema_statements()[0]
'CREATE CONSTRAINT pg_area_id IF NOT EXISTS FOR (n:Area) REQUIRE n.id IS UNIQUE'
"""

from __future__ import annotations

from .model import LABELS

#: Indexes the analyses look things up by, beyond the uniqueness constraints on ``id``.
INDEXES = (("Member", "status"), ("Member", "mobile"), ("Member", "last_contact"), ("Member", "registered_at"),
           ("Organization", "level"))


def schema_statements() -> list[str]:
    """Every statement, in order, each safe to run again."""
    statements = [f"CREATE CONSTRAINT pg_{label.lower()}_id IF NOT EXISTS FOR (n:{label}) REQUIRE n.id IS UNIQUE"
                  for label in LABELS]
    statements += [f"CREATE INDEX pg_{label.lower()}_{prop} IF NOT EXISTS FOR (n:{label}) ON (n.{prop})"
                   for label, prop in INDEXES]
    statements.append("CREATE CONSTRAINT pg_meta_id IF NOT EXISTS FOR (n:PartygraphMeta) REQUIRE n.id IS UNIQUE")
    return statements
