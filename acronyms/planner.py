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
from collections.abc import Sequence
from dataclasses import dataclass

from .definitions import Definition, find_inline_definitions
from .glossary import Entry, Glossary
from .forms import spelled_out
from .matcher import Match, find
from .positions import LineIndex
from .regions import Format, Spans, protected_spans
from .sections import GlossarySection, find_glossary_section
from .senses import Context, choose_sense


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
    return Plan(tuple(_Judge(text, glossary, options, Spans(protected)).decisions()), notes)


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


class _Judge:
    """Decides occurrence by occurrence, remembering what the text has introduced so far."""

    def __init__(self, text: str, glossary: Glossary, options: Options, protected: Spans) -> None:
        self.text, self.glossary, self.options, self.protected = text, glossary, options, protected
        self.matches = find(text, glossary)
        definitions = find_inline_definitions(text) if self.matches else []
        self.defined = {definition.short_start for definition in definitions}
        self.context = Context(text, self.matches, glossary, _long_form_spans(text, self.matches, glossary, definitions))
        self.lines = LineIndex(text)
        self.introduced: dict[str, int] = {}

    def decisions(self) -> list[Decision]:
        decisions = []
        for match in self.matches:
            decision = self.decide(match)
            if decision.action is Action.EXPAND or decision.reason in ("defined inline", "already annotated"):
                self.introduced.setdefault(match.acronym, self.lines.line(match.start))
            decisions.append(decision)
        return decisions

    def decide(self, match: Match) -> Decision:
        inside = self.protected.overlapping(match.start, match.end)
        if inside is not None:
            return Decision(match, Action.SKIP, f"inside {inside}")
        senses = self.glossary.lookup(match.acronym)
        entry = choose_sense(senses, self.context.words_near(match.start))
        if match.start in self.defined or (entry and spelled_out(self.text, match, entry)):
            return Decision(match, Action.KEEP, "defined inline", entry)
        if _has_marker(self.text, match, self.options):
            return Decision(match, Action.KEEP, "already annotated", entry)
        if entry is None:
            return Decision(match, Action.SKIP, f"ambiguous: {len(senses)} senses and the context does not decide")
        if entry.well_known:
            return Decision(match, Action.KEEP, "well known", entry)
        if match.acronym in self.introduced and not self.options.every_use:
            return Decision(match, Action.KEEP, f"already introduced at line {self.introduced[match.acronym]}", entry)
        return Decision(match, Action.EXPAND, "every use" if match.acronym in self.introduced else "first use", entry)


def _long_form_spans(
    text: str, matches: Sequence[Match], glossary: Glossary, definitions: Sequence[Definition]
) -> list[tuple[int, int]]:
    """Where the text spells out a long form beside its acronym, in any sense of it."""
    spans = [(definition.long_start, definition.long_end) for definition in definitions]
    for match in matches:
        for entry in glossary.lookup(match.acronym):
            span = spelled_out(text, match, entry)
            if span is not None:
                spans.append(span)
    return spans


def _has_marker(text: str, match: Match, options: Options) -> bool:
    if options.style is not Style.FOOTNOTE:
        return False
    marker = MARKDOWN_MARKER if options.format is Format.MARKDOWN else TEXT_MARKER
    return marker.match(text, match.end) is not None
