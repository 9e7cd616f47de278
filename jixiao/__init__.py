"""jixiao (绩效): performance evaluation of per-person subsidy programs from their own data."""

__version__ = "0.1.0"
