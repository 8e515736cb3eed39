"""Human-readable output: ``path:line:col: CODE message``, then a summary."""

from __future__ import annotations

from collections.abc import Sequence

from tripreport_lint.diagnostics import Diagnostic, Severity
from tripreport_lint.reporters.base import Reporter, RunSummary

_BOLD, _RED, _YELLOW, _CYAN, _RESET = "\033[1m", "\033[31m", "\033[33m", "\033[36m", "\033[0m"


class TextReporter(Reporter):
    def _paint(self, text: str, *codes: str) -> str:
        return "".join(codes) + text + _RESET if self.color else text

    def report(self, diagnostics: Sequence[Diagnostic], summary: RunSummary) -> None:
        if self.statistics:
            self.write_statistics(diagnostics)
        else:
            for d in diagnostics:
                where = self._paint(f"{d.path}:{d.span.line}:{d.span.column}:", _BOLD)
                code = self._paint(d.code, _RED if d.severity is Severity.ERROR else _YELLOW, _BOLD)
                mark = " " + self._paint("[*]", _CYAN) if d.fixable else ""
                self.stream.write(f"{where} {code}{mark} {d.message}\n")
        if self.quiet:
            return
        self.stream.write(self.summary_line(diagnostics, summary) + "\n")

    @staticmethod
    def summary_line(diagnostics: Sequence[Diagnostic], summary: RunSummary) -> str:
        checked = summary.files - summary.unchecked
        fixed = f"Fixed {summary.fixed} problem{'s' if summary.fixed != 1 else ''}; " if summary.fix_mode else ""
        if unchecked := unchecked_note(summary):
            if not diagnostics:
                if not checked:
                    return f"{fixed}Nothing checked: {unchecked}."
                return f"{fixed}No problems found in {_files(checked)}, but {unchecked}."
            fixed = f"{fixed}{unchecked}; "
        if not diagnostics:
            return f"{fixed}All checks passed ({_files(checked)})."
        count = len(diagnostics)
        remaining = " remaining" if summary.fix_mode else ""
        flagged = len({d.path for d in diagnostics})
        where = _files(flagged) + (f" ({checked} checked)" if flagged != checked else "")
        text = f"{fixed}Found {count}{remaining} problem{'s' if count != 1 else ''} in {where}"
        fixable = sum(d.fixable for d in diagnostics)
        if fixable and not summary.fix_mode:
            text += f"; {fixable} fixable with --fix ([*])"
        hidden = sum(d.fix is not None and not d.fixable for d in diagnostics)
        if hidden and not summary.unsafe_fixes:  # fixes that may not be what the author meant: offered, not marked
            text += f"; {hidden} fixable with {'' if summary.fix_mode else '--fix '}--unsafe-fixes"
        return text + "."


def unchecked_note(summary: RunSummary) -> str:
    """What the run could not look at (``2 files could not be checked and 1 path not found``, the errors
    being printed after the report), or an empty string."""
    failures = [f"{_files(summary.unchecked)} could not be checked"] if summary.unchecked else []
    failures += [f"{summary.missing} path{'s' if summary.missing != 1 else ''} not found"] * bool(summary.missing)
    return f"{' and '.join(failures)} (see the errors below)" if failures else ""


def _files(count: int) -> str:
    return f"{count} file{'s' if count != 1 else ''}"
