"""Choosing a store: the embedded default or Neo4j, by option or environment.

>>> open_store(store_path="city.pgstore").describe()
'embedded store city.pgstore'
"""

from __future__ import annotations

import os

from .embedded import DEFAULT_PATH, EmbeddedStore


def open_store(store_path: str | None = None, neo4j_uri: str | None = None):
    """``--neo4j``/``PARTYGRAPH_NEO4J_URI`` wins over ``--store``/``PARTYGRAPH_STORE``."""
    uri = neo4j_uri or (None if store_path else os.environ.get("PARTYGRAPH_NEO4J_URI"))
    if uri:
        from .neo4j_store import Neo4jStore

        return Neo4jStore.from_environment(uri)
    return EmbeddedStore(store_path or os.environ.get("PARTYGRAPH_STORE") or DEFAULT_PATH)
