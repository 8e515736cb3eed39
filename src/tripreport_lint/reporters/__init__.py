"""Output formats, chosen by name; a format's module is imported only when it is used."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from importlib import import_module

from tripreport_lint.reporters.base import Reporter, RuleInfo, RunSummary

_MODULES = {
    "text": "text:TextReporter",
    "full": "full:FullReporter",
    "json": "json:JsonReporter",
    "github": "github:GithubReporter",
    "sarif": "sarif:SarifReporter",
    "junit": "junit:JunitReporter",
    "gitlab": "gitlab:GitlabReporter",
    "rdjson": "rdjson:RdjsonReporter",
    "grouped": "grouped:GroupedReporter",
}


class _Reporters(Mapping[str, "type[Reporter]"]):
    def __getitem__(self, name: str) -> type[Reporter]:
        module, _, cls = _MODULES[name].partition(":")
        found: type[Reporter] = getattr(import_module(f"{__name__}.{module}"), cls)
        return found

    def __iter__(self) -> Iterator[str]:
        return iter(_MODULES)

    def __len__(self) -> int:
        return len(_MODULES)


REPORTERS: Mapping[str, type[Reporter]] = _Reporters()

__all__ = ["REPORTERS", "Reporter", "RuleInfo", "RunSummary"]
