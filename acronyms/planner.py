"""Deciding, for every acronym found, whether to expand it and why.

The planner returns one `Decision` per match: expand it (first use, or every
use on request), keep it as it is (already introduced, defined inline, already
annotated) or skip it (inside code, a URL or tag, the glossary section; an
ambiguous acronym). Nothing is changed here; `render` applies the plan.

>>> from acronyms.glossary import Entry, Glossary
>>> g = Glossary.from_entries([Entry("SNP", "Safer Neighbourhood Panel")])
>>> [(d.action.value, d.reason) for d in plan("SNP and SNP.", g).decisions]
[('expand', 'first use'), ('keep', 'already introduced at line 1')]
"""

from __future__ import annotations

import enum
import re
from collections.abc import Mapping
from dataclasses import dataclass

from .definitions import Definition, find_inline_definitions
from .glossary import Entry, Glossary
from .matcher import Form, Match, find
from .positions import LineIndex
from .regions import Format, Spans, protected_spans
from .sections import GlossarySection, find_glossary_section
from .senses import choose_sense, context_window


class Style(enum.Enum):
    """How an expansion is shown."""

    INLINE = "inline"
    FOOTNOTE = "footnote"


class Action(enum.Enum):
    """What annotation does with one occurrence."""

    EXPAND = "expand"
    KEEP = "keep"
    SKIP = "skip"


@dataclass(frozen=True)
class Options:
    """Everything that shapes an annotation; immutable, so it can be shared.

    `document_glossary`: use the document's own glossary section for acronyms
    that the given glossaries do not define.
    """

    style: Style = Style.INLINE
    format: Format = Format.TEXT
    every_use: bool = False
    document_glossary: bool = True


@dataclass(frozen=True)
class Decision:
    """What happens to one match, and why."""

    match: Match
    action: Action
    reason: str
    entry: Entry | None = None


@dataclass(frozen=True)
class Plan:
    """The decisions for a text, in text order, and the notes it already carries."""

    decisions: tuple[Decision, ...]
    notes: NotesBlock | None = None


@dataclass(frozen=True)
class NotesBlock:
    """A plain-text notes list that an earlier footnote annotation appended."""

    start: int
    numbers: dict[str, int]


TEXT_MARKER = re.compile(r"\[(\d+)\]")
MARKDOWN_MARKER = re.compile(r"\[\^([^\]\s]+)\]")
NOTES_HEADING = "Notes"
NOTES_BLOCK = re.compile(
    rf"(?:\r?\n|\r)*^{NOTES_HEADING}[ \t]*(?:\r?\n|\r)(?:[ \t]*(?:\r?\n|\r))?(?:\[\d+\] [^\r\n]*(?:\r?\n|\r|\Z))+\Z",
    re.MULTILINE,
)
BRACKET_GAP = 4  # room for the spaces people leave between a long form and its bracket
NOTE_LINE = re.compile(r"^\[(\d+)\] (\S+?):", re.MULTILINE)


def plan(text: str, glossary: Glossary, options: Options = Options()) -> Plan:
    """Decide what to do with every acronym of `glossary` found in `text`."""
    section = find_glossary_section(text)
    glossary = _with_section(glossary, section) if options.document_glossary else glossary
    protected = protected_spans(text, options.format)
    if section is not None:
        protected.append((section.start, section.end, "the document's glossary section"))
    notes = find_notes(text) if options.style is Style.FOOTNOTE and options.format is Format.TEXT else None
    if notes is not None:
        protected.append((notes.start, len(text), "the notes list"))
    return Plan(tuple(_decide(text, glossary, options, Spans(protected))), notes)


def _with_section(glossary: Glossary, section: GlossarySection | None) -> Glossary:
    if section is None:
        return glossary
    gaps = [entry for entry in section.glossary() if entry.acronym not in glossary]
    return Glossary.layered([Glossary.from_entries(gaps), glossary]) if gaps else glossary


def find_notes(text: str) -> NotesBlock | None:
    """The notes list a plain-text footnote annotation appended, if the text ends with one."""
    block = NOTES_BLOCK.search(text)
    if block is None:
        return None
    numbers = {acronym: int(number) for number, acronym in NOTE_LINE.findall(text, block.start())}
    return NotesBlock(block.start(), numbers)


def _decide(text: str, glossary: Glossary, options: Options, protected: Spans) -> list[Decision]:
    matches = find(text, glossary)
    defined = {definition.short_start: definition for definition in find_inline_definitions(text)} if matches else {}
    lines = LineIndex(text)
    introduced: dict[str, int] = {}
    decisions = []
    for match in matches:
        action, reason, entry = _judge(text, match, glossary, options, protected, defined, introduced, lines)
        if action is Action.EXPAND or reason in ("defined inline", "already annotated"):
            introduced.setdefault(match.acronym, lines.line(match.start))
        decisions.append(Decision(match, action, reason, entry))
    return decisions


def _judge(
    text: str,
    match: Match,
    glossary: Glossary,
    options: Options,
    protected: Spans,
    defined: Mapping[int, Definition],
    introduced: dict[str, int],
    lines: LineIndex,
) -> tuple[Action, str, Entry | None]:
    inside = protected.overlapping(match.start, match.end)
    if inside is not None:
        return Action.SKIP, f"inside {inside}", None
    senses = glossary.lookup(match.acronym)
    entry = choose_sense(senses, context_window(text, match.start, match.end))
    if match.start in defined or (entry and _spelled_out_beside(text, match, entry)):
        return Action.KEEP, "defined inline", entry
    if _has_marker(text, match, options):
        return Action.KEEP, "already annotated", entry
    if entry is None:
        return Action.SKIP, f"ambiguous: {len(senses)} senses and the context does not decide", None
    if entry.well_known:
        return Action.KEEP, "well known", entry
    if match.acronym in introduced and not options.every_use:
        return Action.KEEP, f"already introduced at line {introduced[match.acronym]}", entry
    return Action.EXPAND, "every use" if match.acronym in introduced else "first use", entry


def long_form(entry: Entry, text: str, match: Match) -> str:
    """The long form that fits this surface form: plural and possessive as written.

    >>> from acronyms.matcher import Form, Match
    >>> long_form(Entry("PCC", "Police and Crime Commissioner"), "PCCs’", Match(0, 5, "PCC", Form.PLURAL_POSSESSIVE))
    'Police and Crime Commissioners’'
    """
    long = entry.plural_expansion if match.form.is_plural else entry.expansion
    if match.form is Form.POSSESSIVE:
        return long + text[match.base_end : match.end - 1] + "s"
    if match.form is Form.PLURAL_POSSESSIVE:
        return long + text[match.end - 1]
    return long


def _spelled_out_beside(text: str, match: Match, entry: Entry) -> bool:
    """True for `Long Form (LF)` and `LF (Long Form)` with the glossary's long form.

    >>> from acronyms.matcher import Match
    >>> tcc = Entry("TCC", "Temporary Chief Constable")
    >>> _spelled_out_beside("the Temporary Chief Constable (TCC Baker)", Match(31, 34, "TCC"), tcc)
    True
    """
    long = long_form(entry, text, match).casefold()
    if text[match.start - 1 : match.start] == "(":  # `Long Form (LF)`, or `Long Form (LF Name)` for a person
        before = text[max(0, match.start - len(long) - BRACKET_GAP) : match.start - 1].rstrip()
        return before.casefold().endswith(long)
    after = text[match.end : match.end + len(long) + BRACKET_GAP].lstrip()
    return after.startswith("(") and after[1:].casefold().startswith(long)


def _has_marker(text: str, match: Match, options: Options) -> bool:
    if options.style is not Style.FOOTNOTE:
        return False
    marker = MARKDOWN_MARKER if options.format is Format.MARKDOWN else TEXT_MARKER
    return marker.match(text, match.end) is not None
