"""The Reporter interface: diagnostics in, text out to an injected stream."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from types import MappingProxyType
from typing import NamedTuple, TextIO

from tripreport_lint.diagnostics import Diagnostic


class RuleInfo(NamedTuple):
    """What a report may say about a rule beyond its code: name, summary, documentation."""

    name: str
    summary: str
    help: str


class RunSummary(NamedTuple):
    paths: tuple[str, ...]  # every file linted, as displayed
    fixed: int
    fix_mode: bool
    rules: Mapping[str, RuleInfo] = MappingProxyType({})
    # (path, line) pairs a pull request changed, when known: GitHub annotates those first.
    changed: frozenset[tuple[str, int]] = frozenset()
    unchecked: int = 0  # files that could not be linted (their errors are printed after the report)
    unsafe_fixes: bool = False  # whether --unsafe-fixes was given
    missing: int = 0  # paths named that do not exist (their errors are printed after the report)

    @property
    def files(self) -> int:
        return len(self.paths)


class Reporter:
    """Writes the diagnostics of a run; subclasses choose the format."""

    def __init__(self, stream: TextIO, *, color: bool = False, statistics: bool = False, quiet: bool = False) -> None:
        self.stream = stream
        self.color = color
        self.statistics = statistics
        self.quiet = quiet

    def report(self, diagnostics: Sequence[Diagnostic], summary: RunSummary) -> None:
        raise NotImplementedError

    def write_statistics(self, diagnostics: Sequence[Diagnostic]) -> None:
        counts = Counter((d.code, d.name) for d in diagnostics)
        fixable = Counter(d.code for d in diagnostics if d.fixable)
        for (code, name), count in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
            mark = " [*]" if fixable[code] else ""
            self.stream.write(f"{count:>6}  {code:<7} {name}{mark}\n")
