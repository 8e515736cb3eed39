"""The registry: every rule, listed explicitly, and lookup by code or name."""

from __future__ import annotations

import re
from typing import Any

from tripreport_lint.errors import closest
from tripreport_lint.rules.base import Rule
from tripreport_lint.rules.directive_comments import UnknownRuleInDirective
from tripreport_lint.rules.encoding.characters import (
    ControlCharacter,
    EdgeNoBreakSpace,
    InvisibleCharacter,
    NoBreakSpaceAfterMarker,
)
from tripreport_lint.rules.encoding.mojibake import Mojibake
from tripreport_lint.rules.encoding.utf8 import ByteOrderMark, InvalidUtf8
from tripreport_lint.rules.encoding.whitespace import MissingFinalNewline, MixedLineEndings, TrailingWhitespace
from tripreport_lint.rules.formatting import NormalisationSkipped, NotNormalised
from tripreport_lint.rules.front_matter.authors import UnknownAuthor
from tripreport_lint.rules.front_matter.booleans import Yaml11Boolean
from tripreport_lint.rules.front_matter.dates import (
    DateFilenameMismatch,
    DateWithoutTimezone,
    FutureDate,
    InvalidDate,
    LastmodBeforeDate,
)
from tripreport_lint.rules.front_matter.duplicates import DuplicateTitle, DuplicateUrl
from tripreport_lint.rules.front_matter.images import ImageMissing
from tripreport_lint.rules.front_matter.key_case import KeyCase
from tripreport_lint.rules.front_matter.key_typos import KeyTypo
from tripreport_lint.rules.front_matter.schema import SchemaViolation
from tripreport_lint.rules.front_matter.structure import (
    DuplicateKey,
    FrontMatterMissing,
    FrontMatterNotFirst,
    FrontMatterNotMapping,
    FrontMatterSyntax,
    FrontMatterUnterminated,
)
from tripreport_lint.rules.front_matter.taxonomy import TaxonomyDuplicate, TaxonomyMismatch
from tripreport_lint.rules.front_matter.vocabulary import LoneTaxonomy, LoneTerm, TaxonomyVariant
from tripreport_lint.rules.headings import DuplicateHeading, EmptyHeading, HeadingLevelSkip, MultipleH1, TitleRepeated
from tripreport_lint.rules.headings_syntax import HeadingWithoutSpace
from tripreport_lint.rules.leftovers import CommentedOutBlock, DraftingNote
from tripreport_lint.rules.links.bare_urls import BareUrl
from tripreport_lint.rules.links.brackets import ReversedLink, StrayLinkBracket
from tripreport_lint.rules.links.fragments import MissingFragment
from tripreport_lint.rules.links.full_width import FullWidthLinkSyntax
from tripreport_lint.rules.links.images import GithubPageImage, ImageWithoutAlt
from tripreport_lint.rules.links.jekyll_tags import JekyllLinkTag
from tripreport_lint.rules.links.local_targets import MissingLocalTarget
from tripreport_lint.rules.links.placeholders import PlaceholderLink
from tripreport_lint.rules.links.references import UndefinedReference, UnusedDefinition
from tripreport_lint.rules.links.remote import DeadExternalLink, MovedExternalLink
from tripreport_lint.rules.links.syntax import (
    LinkGluedToWord,
    LinkWithoutTarget,
    MalformedLink,
    SpaceBeforeLinkTarget,
    TextGluedToLink,
)
from tripreport_lint.rules.links.unpublished import LinkToUnpublished
from tripreport_lint.rules.markup.emphasis import SpacedEmphasis
from tripreport_lint.rules.markup.list_markers import DoubledListMarker, ParenthesisListMarker
from tripreport_lint.rules.markup.tables import PipeMakesTable, TableRowCells, TableWithoutBlankLine
from tripreport_lint.rules.name_casing import NameCasing
from tripreport_lint.rules.outline import FirstHeadingSkip, SecondH1, TocEmptyLevel
from tripreport_lint.rules.repeated_words import RepeatedWord
from tripreport_lint.rules.spelling import KnownMisspelling, PossibleTypo

# By family (FM, LNK, HDG, CMT, SPL, ENC, MKP, FMT), in code order within each: the order of --show-rules
# and of the rule reference.
ALL_RULES: tuple[type[Rule[Any]], ...] = (
    FrontMatterMissing,
    FrontMatterUnterminated,
    FrontMatterNotMapping,
    FrontMatterSyntax,
    DuplicateKey,
    FrontMatterNotFirst,
    SchemaViolation,
    Yaml11Boolean,
    KeyCase,
    KeyTypo,
    InvalidDate,
    FutureDate,
    LastmodBeforeDate,
    DateWithoutTimezone,
    DateFilenameMismatch,
    TaxonomyMismatch,
    TaxonomyDuplicate,
    TaxonomyVariant,
    LoneTaxonomy,
    LoneTerm,
    UnknownAuthor,
    ImageMissing,
    DuplicateUrl,
    DuplicateTitle,
    MalformedLink,
    LinkGluedToWord,
    PlaceholderLink,
    MissingLocalTarget,
    MissingFragment,
    JekyllLinkTag,
    UndefinedReference,
    UnusedDefinition,
    BareUrl,
    ImageWithoutAlt,
    DeadExternalLink,
    MovedExternalLink,
    SpaceBeforeLinkTarget,
    TextGluedToLink,
    LinkWithoutTarget,
    LinkToUnpublished,
    GithubPageImage,
    ReversedLink,
    StrayLinkBracket,
    FullWidthLinkSyntax,
    TitleRepeated,
    DuplicateHeading,
    MultipleH1,
    HeadingLevelSkip,
    EmptyHeading,
    SecondH1,
    FirstHeadingSkip,
    TocEmptyLevel,
    HeadingWithoutSpace,
    CommentedOutBlock,
    DraftingNote,
    UnknownRuleInDirective,
    KnownMisspelling,
    PossibleTypo,
    RepeatedWord,
    NameCasing,
    InvalidUtf8,
    Mojibake,
    ByteOrderMark,
    ControlCharacter,
    InvisibleCharacter,
    TrailingWhitespace,
    MissingFinalNewline,
    MixedLineEndings,
    EdgeNoBreakSpace,
    NoBreakSpaceAfterMarker,
    SpacedEmphasis,
    DoubledListMarker,
    TableWithoutBlankLine,
    TableRowCells,
    PipeMakesTable,
    ParenthesisListMarker,
    NotNormalised,
    NormalisationSkipped,
)

BY_CODE: dict[str, type[Rule[Any]]] = {rule.code: rule for rule in ALL_RULES}
BY_NAME: dict[str, type[Rule[Any]]] = {rule.name: rule for rule in ALL_RULES}


def resolve(selector: str) -> list[type[Rule[Any]]]:
    """The rules a selector names: a code (``FM010``), a name, a code prefix (``FM``), or ``ALL``."""
    selector = selector.strip()
    if selector.upper() == "ALL":
        return list(ALL_RULES)
    if selector in BY_NAME:
        return [BY_NAME[selector]]
    family = re.match(r"([A-Z]+)(\d*)$", selector.upper())
    if not family:
        return []
    # "FM" is the FM family, not FMT as well; "FM0" narrows it by digits.
    letters, digits = family.groups()
    return [rule for rule in ALL_RULES
            if rule.code.rstrip("0123456789") == letters and rule.code[len(letters):].startswith(digits)]


def did_you_mean(selector: str) -> str:
    """A hint naming the rule nearest to a selector that names none (``did you mean 'LNK005'
    (missing-fragment)?``), or an empty string when no rule is close."""
    selector = selector.strip()
    shape = re.fullmatch(r"([A-Za-z]+)(\d+)", selector)
    if shape:  # a code: the same number written with other zeros (LNK05), else the nearest code
        letters, number = shape[1].upper(), int(shape[2])
        same = [code for code in BY_CODE if code.rstrip("0123456789") == letters and int(code[len(letters):]) == number]
        code = same[0] if same else closest(selector.upper(), BY_CODE, cutoff=0.75)
        return f"did you mean '{code}' ({BY_CODE[code].name})?" if code else ""
    name = closest(selector.lower(), BY_NAME)
    return f"did you mean '{name}' ({BY_NAME[name].code})?" if name else ""
