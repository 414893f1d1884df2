"""Reading and validating datasets (the README's 输入格式)."""

from .dataset import Problem, Report, load_dataset, validate_dataset

__all__ = ["Problem", "Report", "load_dataset", "validate_dataset"]
