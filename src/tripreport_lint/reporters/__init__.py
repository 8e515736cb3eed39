"""Output formats, chosen by name."""

from __future__ import annotations

from .base import Reporter, RunSummary
from .github import GithubReporter
from .json import JsonReporter
from .text import TextReporter

REPORTERS: dict[str, type[Reporter]] = {
    "text": TextReporter,
    "json": JsonReporter,
    "github": GithubReporter,
}

__all__ = ["REPORTERS", "Reporter", "RunSummary"]
