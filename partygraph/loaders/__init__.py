"""Reading and validating datasets (DOMAIN.md §3)."""

from .dataset import Problem, Report, load_dataset, validate_dataset

__all__ = ["Problem", "Report", "load_dataset", "validate_dataset"]
