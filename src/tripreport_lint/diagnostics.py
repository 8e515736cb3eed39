"""Value types that flow from rules to reporters: edits, fixes, violations and diagnostics."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import NamedTuple


class Applicability(enum.Enum):
    """How safe a fix is to apply without a human looking at it."""

    SAFE = "safe"
    UNSAFE = "unsafe"


class FixAvailability(enum.Enum):
    """What a rule declares about its fixes."""

    NONE = "none"
    SOMETIMES = "sometimes"
    ALWAYS = "always"


class Severity(enum.Enum):
    ERROR = "error"
    WARNING = "warning"


class Edit(NamedTuple):
    """Replace text[start:end] (character offsets into the decoded file) by ``content``."""

    start: int
    end: int
    content: str = ""


class Fix(NamedTuple):
    """A group of edits that must be applied together."""

    edits: tuple[Edit, ...]
    applicability: Applicability = Applicability.SAFE
    description: str = ""


class Span(NamedTuple):
    """A 1-based line/column range; the end is exclusive in columns."""

    line: int
    column: int
    end_line: int
    end_column: int


class Violation(NamedTuple):
    """What a rule reports: a message at a place, with an optional fix."""

    message: str
    span: Span
    fix: Fix | None = None


@dataclass(frozen=True)
class Diagnostic:
    """A violation stamped by the engine with its rule, severity and file."""

    path: str
    code: str
    name: str
    message: str
    span: Span
    severity: Severity
    fix: Fix | None = field(default=None, compare=False)
    # Where each edit of the fix stands, for formats that give fixes as line/column ranges.
    edit_spans: tuple[Span, ...] = field(default=(), compare=False)
    # The span, then each edit span, with columns counted in UTF-8 bytes (reviewdog's unit).
    utf8_spans: tuple[Span, ...] = field(default=(), compare=False)

    @property
    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.path, self.span.line, self.span.column, self.code)

    @property
    def fixable(self) -> bool:
        return self.fix is not None and self.fix.applicability is Applicability.SAFE
