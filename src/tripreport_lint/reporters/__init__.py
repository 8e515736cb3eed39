"""Output formats, chosen by name."""

from __future__ import annotations

from .base import Reporter, RuleInfo, RunSummary
from .github import GithubReporter
from .gitlab import GitlabReporter
from .grouped import GroupedReporter
from .json import JsonReporter
from .junit import JunitReporter
from .rdjson import RdjsonReporter
from .sarif import SarifReporter
from .text import TextReporter

REPORTERS: dict[str, type[Reporter]] = {
    "text": TextReporter,
    "json": JsonReporter,
    "github": GithubReporter,
    "sarif": SarifReporter,
    "junit": JunitReporter,
    "gitlab": GitlabReporter,
    "rdjson": RdjsonReporter,
    "grouped": GroupedReporter,
}

__all__ = ["REPORTERS", "Reporter", "RuleInfo", "RunSummary"]
