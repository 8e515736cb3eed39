"""The Rule base class: a rule declares itself as data and yields violations from ``check``."""

from __future__ import annotations

import sys
import typing
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar, Generic, get_args, get_origin

from tripreport_lint.diagnostics import FixAvailability, Severity, Span, Violation
from tripreport_lint.document.document import Document
from tripreport_lint.frontmatter.model import FrontMatter, KeyPath, Node
from tripreport_lint.rules.context import Context


@dataclass(frozen=True)
class NoOptions:
    """Options of a rule that has none."""


if TYPE_CHECKING:
    if sys.version_info >= (3, 13):
        from typing import TypeVar
    else:  # a TypeVar default (PEP 696) needs typing_extensions before Python 3.13
        from typing_extensions import TypeVar
    OptionsT = TypeVar("OptionsT", default=NoOptions)
else:  # the default matters to type checkers only (a rule's options are its Options): no typing_extensions to import
    OptionsT = typing.TypeVar("OptionsT")


class Rule(Generic[OptionsT]):
    """One check. Subclasses set the class attributes and implement ``check``.

    A rule with options names their frozen dataclass once, as its parameter: ``class
    MissingFragment(Rule[FragmentOptions])``; each field carries its help text in ``metadata["help"]``.
    The docstring of a subclass is its documentation, under the headings of ``DOC_HEADINGS`` (Options
    only for notes: the option table is generated from the dataclass).
    """

    code: ClassVar[str]
    name: ClassVar[str]
    summary: ClassVar[str]
    default_enabled: ClassVar[bool] = True
    fix_availability: ClassVar[FixAvailability] = FixAvailability.NONE
    severity: ClassVar[Severity] = Severity.ERROR
    # The options dataclass, taken from the class's parameter (``Rule[FragmentOptions]``).
    Options: ClassVar[type[Any]] = NoOptions
    # Whether the rule reads what the site's other pages say (their words, their slugs).
    reads_site_pages: ClassVar[bool] = False
    # Whether --diff-base reports its findings on changed lines: not when what is new there is expected to be new.
    reported_with_diff_base: ClassVar[bool] = True
    # Whether its findings depend on the clock (a date still in the future), so a result holding one is not kept.
    reads_clock: ClassVar[bool] = False

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        for base in cls.__dict__.get("__orig_bases__", ()):
            if get_origin(base) is Rule and isinstance(get_args(base)[0], type):
                cls.Options = get_args(base)[0]

    def __init__(self, options: OptionsT | None = None) -> None:
        self.options: OptionsT = options if options is not None else self.Options()

    def check(self, doc: Document, ctx: Context) -> Iterator[Violation]:
        raise NotImplementedError

    def clean_key(self, doc: Document, ctx: Context) -> str | None:
        """A key of all that the rule's answer for ``doc`` depends on, for rules whose clean answer is
        worth remembering between runs (an expensive check of a part of the file that seldom changes):
        the engine skips the rule when the key was remembered clean, and remembers it when the rule
        finds nothing. None, the default: always run."""
        return None


DOC_HEADINGS = ("What it does", "Why is this bad?", "Example", "Use instead", "Fix safety", "Options", "Known problems")


def node_span(doc: Document, fm: FrontMatter, node: Node, *, key: bool = False) -> Span:
    """The span of a front matter value, or of its key when ``key`` is set and it has one."""
    if key and node.key_start is not None and node.key_end is not None:
        return doc.span(fm.absolute(node.key_start), fm.absolute(node.key_end))
    return doc.span(fm.absolute(node.start), fm.absolute(node.end))


def opening_span(doc: Document) -> Span:
    """The span of the opening delimiter line, or of the file's first line when there is no front matter."""
    start = doc.front_matter.start if doc.front_matter else 0
    return doc.span(start, doc.lines.line_end(doc.lines.position(start)[0]))


def locate(doc: Document, fm: FrontMatter, path: KeyPath, *, key: bool = False) -> Span:
    """The span of the value at ``path``, of its closest located parent, or of the opening line."""
    while path:
        node = fm.node(path)
        if node is not None:
            return node_span(doc, fm, node, key=key)
        path = path[:-1]
    return opening_span(doc)


def describe_path(path: KeyPath) -> str:
    """``tags[2]`` or ``params.author`` for a key path."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or "front matter"
