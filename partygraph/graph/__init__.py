"""The graph model and the stores that hold it."""

from .data import GraphData
from .model import LABELS, RELATIONSHIPS

__all__ = ["GraphData", "LABELS", "RELATIONSHIPS"]
