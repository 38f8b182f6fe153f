"""What a document uses and how it defines it: `acronyms scan` and `acronyms extract`.

`scan` finds every acronym a document uses outside its own glossary section
(known ones by the glossary's automaton, unknown ones by their shape) and says
how each is defined. The document's own definitions come first, most explicit
first: `inline` (`Long Form (LF)`), then `glossary-section` (a row of the
document's glossary), then `implicit` (a capitalised phrase earlier in the text
whose initials spell it; a guess, with lower confidence); after them `glossary`
(a glossary given with `-g`, or the bundled one), else `none`.
Counts include plurals and possessives under the base acronym; uses inside the
glossary section, code, URLs and HTML tags are not counted.

>>> from acronyms.glossary import Glossary
>>> text = "Matthew Ellis (ME) chairs. ME and the TCC met GM.\\n\\nGlossary\\n\\nTCC\\tTemporary Chief Constable\\n"
>>> result = scan(text, Glossary.from_entries([]), path="minutes.txt")
>>> [(a.acronym, a.count, a.defined_by.value, a.expansion) for a in result.acronyms]
[('ME', 2, 'inline', 'Matthew Ellis'), ('TCC', 1, 'glossary-section', 'Temporary Chief Constable'), ('GM', 1, 'none', None)]
>>> [(e.acronym, e.expansion, e.note) for e in extract(text).entries]
[('ME', 'Matthew Ellis', 'inline, line 1'), ('TCC', 'Temporary Chief Constable', 'glossary section, line 5')]
"""

from __future__ import annotations

import bisect
import enum
import heapq
import json
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from html import unescape
from typing import Any, Final, Protocol, TypeVar

from .candidates import find_candidates
from .context import (
    REFERENCE,
    WORD,
    SpacyContext,
    beside_slash,
    glued_by_markup,
    in_slash_code,
    needs_tokens,
    not_an_acronym,
    stands_for_a_character,
)
from .definitions import (
    Definition,
    DefinitionKind,
    definition_entry,
    find_implicit_definitions,
    find_inline_definitions,
    inline_definition,
)
from .escaping import escape
from .footnotes import find_notes, note_definitions
from .forms import bracket_before, past_wrapping, spelled_out_as, wraps
from .glossary import Entry, Glossary, acronym_problem, expansion_key, without_soft_hyphens
from .matcher import APOSTROPHES, Form, Match, find, find_in_markdown
from .planner import NOT_AN_ACRONYM, Decision, Options, plan
from .positions import LineIndex, lf_view
from .regions import MARKUP_KINDS, Format, Spans, blanked, protected_spans, readable, without_tags
from .sections import GlossarySection, SectionRow, find_glossary_section
from .senses import Context, choose_sense

SECTION_CONFIDENCE = 1.0  # a glossary row says outright what the acronym means
# Implicit definitions less sure than this are ignored: two initials are spelt by
# chance too often (the sample's `CC`, catalytic converters, after `Chief Constable`).
MIN_IMPLICIT_CONFIDENCE = 0.5


class DefinedBy(enum.Enum):
    """Where the meaning of a used acronym comes from, the document's own definitions first."""

    INLINE = "inline"
    GLOSSARY_SECTION = "glossary-section"
    IMPLICIT = "implicit"
    FOOTNOTE = "footnote"
    GLOSSARY = "glossary"
    NONE = "none"


KIND_ORDER = (DefinitionKind.INLINE, DefinitionKind.GLOSSARY_SECTION, DefinitionKind.FOOTNOTE, DefinitionKind.IMPLICIT)


def single_spaced(expansion: str) -> str:
    """An expansion as `scan` writes it: a long form wrapped over lines, or with tags blanked in it, on one line,
    each run of white space one space (`escaping.one_line` keeps a no-break space, as an inserted expansion must).

    >>> single_spaced("Safer Neighbourhood\\n   Panel")
    'Safer Neighbourhood Panel'
    """
    return " ".join(expansion.split())


@dataclass(frozen=True)
class Found:
    """One acronym the document uses: how often, where first, and how it is defined."""

    acronym: str
    count: int
    defined_by: DefinedBy
    expansion: str | None
    first: Match
    line: int
    column: int
    definition: Definition | None = None  # the document's own definition that decides `defined_by`
    senses: tuple[Entry, ...] = ()  # the glossaries' senses of the acronym
    well_known: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "acronym": self.acronym,
            "count": self.count,
            "defined_by": self.defined_by.value,
            "expansion": None if self.expansion is None else single_spaced(self.expansion),
            "first": {"line": self.line, "column": self.column},
            "well_known": self.well_known,
        }


@dataclass(frozen=True)
class Scan:
    """Every acronym a document uses and every definition it makes, in text order."""

    path: str
    uses: tuple[Match, ...]
    definitions: tuple[Definition, ...]
    acronyms: tuple[Found, ...]
    section: GlossarySection | None = None
    lines: LineIndex = field(default_factory=lambda: LineIndex(""), compare=False, repr=False)
    text: str = field(default="", compare=False, repr=False)  # the text scanned (LF line endings), for the checks
    format: Format = field(default=Format.TEXT, compare=False, repr=False)  # how `text` was read

    def position(self, offset: int) -> tuple[int, int]:
        """The 1-based line and column of an offset into the document."""
        return self.lines.position(offset)

    def definition_position(self, definition: Definition) -> tuple[int, int]:
        """Where a definition begins: the long form of `Long Form (LF)`, the short form of `LF (Long Form)`.

        An implicit definition is placed at its phrase.
        """
        if definition.kind is DefinitionKind.IMPLICIT:
            return self.position(definition.long_start)
        return self.position(min(definition.short_start, definition.long_start))

    def to_dict(self) -> dict[str, Any]:
        """The `acronyms scan --format json` shape (see the README)."""
        return {
            "path": self.path,
            "acronyms": [found.to_dict() for found in self.acronyms],
            "definitions": [self._definition_dict(definition) for definition in self.definitions],
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2)

    def to_text(self) -> str:
        """One line per acronym, in order of first use: `path:line:col: ACRONYM (N uses) defined_by: expansion`."""
        lines = []
        for found in self.acronyms:
            uses = f"{found.count} use" + ("s" if found.count > 1 else "")
            expansion = f": {single_spaced(found.expansion)}" if found.expansion else ""
            lines.append(
                f"{self.path}:{found.line}:{found.column}: {found.acronym} ({uses}) {found.defined_by.value}{expansion}\n"
            )
        return "".join(lines)

    def _definition_dict(self, definition: Definition) -> dict[str, Any]:
        line, column = self.definition_position(definition)
        return {
            "acronym": definition.acronym,
            "expansion": single_spaced(definition.expansion),
            "kind": definition.kind.value,
            "line": line,
            "column": column,
            "confidence": definition.confidence,
        }


def scan(text: str, glossary: Glossary, *, path: str = "<stdin>", format: Format | None = None) -> Scan:
    """Find the acronyms `text` uses and how each is defined; `glossary` is the layered `-g`/bundled one.

    A lone CR (old Mac line endings) reads as LF, so lines and paragraphs are those of the text with LF endings.
    """
    format = Format.from_path(path) if format is None else format
    text = lf_view(text)
    section = find_glossary_section(text, format)
    protected = readable(text, format, protected_spans(text, format))  # an `<abbr>`'s text is a use
    in_section = [(section.start, section.end, "glossary section")] if section else []
    in_section += _notes_list(text, format)
    skipped = Spans(protected + in_section)
    unmarked = Spans([span for span in protected if span[2] not in MARKUP_KINDS] + in_section)  # tags blanked
    untagged = without_tags(text, format, protected)
    inline = [
        singular_owner(d, text)
        for d in _inline_definitions(text, untagged, format)
        if unmarked.overlapping(*_extent(d)) is None and acronym_problem(d.acronym) is None  # not `(Code A)`
    ]
    finder = find_in_markdown if format is Format.MARKDOWN else find  # `_PCC_` is a use in Markdown
    in_glossary = [m for m in finder(text, glossary) if skipped.overlapping(m.start, m.end) is None]
    inline += _as_annotation_writes(text, glossary, format, inline, in_glossary)
    view = _definitions_view(untagged, format)
    rows = section_definitions(text, section) + note_definitions(text, format)
    known = Glossary(
        [*glossary.entries, *(Entry(d.acronym, d.expansion) for d in (*rows, *inline))], name=glossary.name
    )
    judged = _judged(text, glossary, format)
    matches = [m for m in finder(text, known) if skipped.overlapping(m.start, m.end) is None]
    uses = _uses(text, untagged, matches, skipped, judged, known.__contains__, html=format is Format.HTML)
    uses = _outside_own_long_forms(uses, inline)
    defined = {d.acronym for d in (*rows, *inline)}
    prose = blanked(view, sorted(protected + in_section))
    implicit = _implicit(text, prose, [use for use in uses if use.acronym not in defined])
    definitions = sorted((*rows, *inline, *implicit), key=lambda d: (min(d.short_start, d.long_start), d.acronym))
    lines = LineIndex(text)
    context = Context(text, in_glossary, glossary)
    definitions_of = _by_acronym(definitions)  # looked up per acronym: thousands of each in a long text
    found = [
        _found(acronym, group, definitions_of.get(acronym, []), glossary, context, lines, judged)
        for acronym, group in _by_acronym(uses).items()
    ]
    return Scan(path, tuple(uses), tuple(definitions), tuple(found), section, lines, text, format)


def _outside_own_long_forms(uses: list[Match], definitions: Sequence[Definition]) -> list[Match]:
    """The uses less those inside the long form of a definition of their own acronym.

    A long form may hold its acronym (`QW Working Group (QW)`, as annotation writes a glossary's
    `QW Working Group`): that is the name, not a use before the definition.

    >>> text = "The QW Working Group (QW) met."
    >>> definition = inline_definition(text, (22, 24), (4, 20))
    >>> [use.start for use in _outside_own_long_forms([Match(4, 6, "QW"), Match(22, 24, "QW")], [definition])]
    [22]
    """
    long_forms: dict[str, list[tuple[int, int]]] = {}
    for definition in definitions:
        long_forms.setdefault(definition.acronym, []).append((definition.long_start, definition.long_end))
    if not long_forms:
        return uses
    return [
        use
        for use in uses
        if not any(start <= use.start and use.end <= end for start, end in long_forms.get(use.acronym, ()))
    ]


def _as_annotation_writes(
    text: str, glossary: Glossary, format: Format, inline: Sequence[Definition], matches: Iterable[Match]
) -> list[Definition]:
    """Glossary long forms spelled out before their acronyms as annotation writes them, which
    `find_inline_definitions` does not read: less the words the text writes after the bracket
    (`forms.less_ending_after_bracket`), or holding brackets of their own.

    The letters of `RIPA` in `Regulation of Investigatory Powers (RIPA) Act 2000` are not all in the long form
    before it (its `A` is the `Act` after the bracket), and a long form's own bracket (`Quality Verification
    (Police) (QV)`) is where the alignment stops looking: only the glossary says what they spell.

    >>> g = Glossary.from_entries([Entry("RIPA", "Regulation of Investigatory Powers Act 2000")])
    >>> [(d.acronym, d.expansion) for d in _as_annotation_writes(
    ...     "Regulation of Investigatory Powers (RIPA) Act 2000", g, Format.TEXT, [], [Match(36, 40, "RIPA")])]
    [('RIPA', 'Regulation of Investigatory Powers')]
    >>> g = Glossary.from_entries([Entry("QV", "Quality Verification (Police)")])
    >>> [(d.acronym, d.expansion) for d in _as_annotation_writes(
    ...     "Quality Verification (Police) (QV)", g, Format.TEXT, [], [Match(31, 33, "QV")])]
    [('QV', 'Quality Verification (Police)')]
    """
    defined = {definition.short_start for definition in inline}
    found = []
    for match in matches:
        if match.start in defined or match.form is not Form.BASE or bracket_before(text, match.start) == -1:
            continue
        if not text.startswith(")", past_wrapping(text, match.end)):
            continue  # not the short form alone: `(TCC Baker)` names a rank's holder, read as an implicit definition
        for entry in glossary.lookup(match.acronym):
            span = spelled_out_as(text, match, escape(entry.expansion, format))  # also tries it less a written ending
            if span is not None:
                found.append(inline_definition(text, (match.start, match.end), span))
                break
    return found


# Markdown emphasis: a run of `*` or `_` that opens before a word or closes after one (not `snake_case`).
EMPHASIS = re.compile(r"(?<!\w)[*_]+(?=\w)|(?<=\w)[*_]+(?!\w)")


def _definitions_view(untagged: str, format: Format) -> str:
    """The text with tags blanked as implicit definitions are looked for in it: more markup blanked, offsets kept.

    References to quotes in HTML and Markdown, emphasis marks in Markdown.
    """
    view = untagged
    if format is not Format.TEXT and "&" in view:
        view = REFERENCE.sub(lambda found: " " * len(found[0]) if wraps(found[0]) else found[0], view)
    if format is Format.MARKDOWN:
        view = EMPHASIS.sub(lambda found: " " * len(found[0]), view)
    return view


# What an inline definition is read through, beyond tags: in Markdown emphasis marks and references, in HTML references.
MARKDOWN_READ: Final = re.compile(rf"{EMPHASIS.pattern}|{REFERENCE.pattern}")
# A bracket holding one word and tags, as annotation writes the short form of an acronym whose plural or possessive
# ending closing markup splits from it (`<b>PCSO</b>s`): `(PCSO</b>s)`, `(<abbr title="…">PCSO</abbr></b>s)`.
# The word's pieces and the tags cannot both match at one character, so the pattern runs in linear time.
BRACKETED_WORD_WITH_TAGS: Final = re.compile(r"\((?:[^\s()<>]*<[^<>]*>)+[^\s()<>]*\)")
# The tags of text-level elements, read inside a word as nothing; a block's tags (`</p><p>`) still break it.
PHRASING_TAG: Final = re.compile(
    r"</?(?:a|abbr|b|bdi|bdo|cite|data|del|dfn|em|i|ins|mark|q|s|small|span|strong|time|u|var)(?=[\s/>])[^<>]*>",
    re.IGNORECASE,
)


def _inline_definitions(text: str, untagged: str, format: Format) -> list[Definition]:
    """The inline definitions of `text` as a reader reads them, looked for in `untagged` (its tags blanked).

    In HTML and Markdown each character reference is read as its character, in Markdown
    emphasis marks are left out, and in a bracketed word tags are left out: so `Fire &amp; Rescue Services (FRS)`,
    `Long Form (&ldquo;LF&rdquo;)`, `Police and Crime Commissioner&rsquo;s (PCC&rsquo;s)`, `*Long Form* (**LF**'s)`
    and `<b>Long Forms (LF</b>s)` define as annotation writes them. The expansion and short form are as read.

    >>> text = "Fire &amp; Rescue Service&rsquo;s (FRS&rsquo;s)"
    >>> [(d.acronym, d.expansion, d.long_start, d.short_end) for d in _inline_definitions(text, text, Format.HTML)]
    [('FRS’s', 'Fire & Rescue Service’s', 0, 46)]
    >>> text = "<b>Long Forms (LF</b>s)"
    >>> [(d.short_text, text[d.short_start : d.short_end]) for d in _inline_definitions(
    ...     text, without_tags(text, Format.HTML), Format.HTML)]
    [('LFs', 'LF</b>s')]
    """
    tags = _tags_in_bracketed_words(text, untagged)
    pattern = MARKDOWN_READ if format is Format.MARKDOWN else REFERENCE if format is Format.HTML else None
    marks = read_as(untagged, pattern) if pattern is not None and (pattern is MARKDOWN_READ or "&" in untagged) else []
    if not tags and not marks:
        return find_inline_definitions(untagged)
    return Reading(untagged, heapq.merge(marks, tags)).definitions()


def _tags_in_bracketed_words(text: str, untagged: str) -> list[tuple[int, int, str]]:
    """The tags of text-level elements inside a bracketed word of `text` (`(PCSO</b>s)`), each read as nothing.

    Only tags that `untagged` blanks count: markup, not `(a<b>c)` in code.
    """
    if "<" not in text:
        return []
    return [
        (tag.start(), tag.end(), "")
        for bracket in BRACKETED_WORD_WITH_TAGS.finditer(text)
        for tag in PHRASING_TAG.finditer(text, bracket.start(), bracket.end())
        if untagged[tag.start() : tag.end()].isspace()
    ]


def read_as(text: str, pattern: re.Pattern[str]) -> list[tuple[int, int, str]]:
    """Where `pattern` matches in `text` and what each match reads as.

    A character reference reads as its character (`&amp;` as `&`, `&bogus;` as itself), anything else as nothing.
    """
    return [(found.start(), found.end(), _read(found[0])) for found in pattern.finditer(text)]


class Reading:
    """A text as read, each of `replacements` read as what it says, and the way back to the original offsets.

    `replacements`: `(start, end, read)` spans of the text in order, not overlapping. One pass over them.

    >>> reading = Reading("a&amp;b**c**", read_as("a&amp;b**c**", MARKDOWN_READ))
    >>> reading.text, [reading.start(at) for at in range(5)], [reading.end(at) for at in range(5)]
    ('a&bc', [0, 1, 6, 9, 12], [0, 1, 6, 7, 10])
    """

    def __init__(self, text: str, replacements: Iterable[tuple[int, int, str]]) -> None:
        pieces: list[str] = []
        self.starts: list[int] = []  # where each replacement starts in the text as read
        self.ends: list[int] = []  # and where it ends
        self.shifts: list[int] = []  # how much shorter the text as read is after it
        at = shift = 0
        for start, end, read in replacements:
            if read == text[start:end]:
                continue
            pieces += [text[at:start], read]
            self.starts.append(start - shift)
            shift += end - start - len(read)
            self.ends.append(end - shift)
            self.shifts.append(shift)
            at = end
        pieces.append(text[at:])
        self.text = "".join(pieces)

    def start(self, offset: int) -> int:
        """Where a span starting at `offset` as read starts in the text: after markup left out there."""
        before = bisect.bisect_right(self.ends, offset)
        return offset + (self.shifts[before - 1] if before else 0)

    def end(self, offset: int) -> int:
        """Where a span ending at `offset` as read ends in the text: before markup left out there."""
        before = bisect.bisect_left(self.starts, offset)
        return offset + (self.shifts[before - 1] if before else 0)

    def definitions(self) -> list[Definition]:
        """The inline definitions of the text as read, located in the text."""
        return [
            replace(
                definition,
                short_start=self.start(definition.short_start),
                short_end=self.end(definition.short_end),
                long_start=self.start(definition.long_start),
                long_end=self.end(definition.long_end),
            )
            for definition in find_inline_definitions(self.text)
        ]


def _read(markup: str) -> str:
    if markup[0] == "&":
        return unescape(markup) if stands_for_a_character(markup) else markup
    return ""


def _notes_list(text: str, format: Format) -> list[tuple[int, int, str]]:
    """The notes list a plain-text footnote annotation appended (Markdown and HTML protect their own notes)."""
    notes = find_notes(text) if format is Format.TEXT else None
    return [(notes.start, len(text), "notes list")] if notes is not None else []


def _judged(text: str, glossary: Glossary, format: Format) -> dict[int, Decision]:
    """The annotator's decision on each glossary hit (every use), by where it starts."""
    options = Options(format=format, every_use=True, document_glossary=False)
    return {decision.match.start: decision for decision in plan(text, glossary, options).decisions}


def _rejected(decision: Decision | None, match: Match) -> bool:
    """True where context says the hit is not this acronym (a heading, part of a code)."""
    return decision is not None and decision.match == match and decision.reason.startswith(NOT_AN_ACRONYM)


def singular_owner(definition: Definition, text: str) -> Definition:
    """`Police and Crime Commissioner’s (PCC’s)` defines `PCC` as `Police and Crime Commissioner`.

    So does `Sexual Offences’ (RASSO’s)`, the possessive of a plural noun, define `RASSO`, and
    `Crown Prosecution Service’s (CPS’)`, an acronym ending in S with the apostrophe alone, `CPS`
    (as `Attorneys General’s (AGs’)`, a plural's, defines `AG`).

    >>> text = "the Police and Crime Commissioner’s (PCC’s) office"
    >>> d = singular_owner(find_inline_definitions(text)[0], text)
    >>> (d.acronym, d.expansion)
    ('PCC', 'Police and Crime Commissioner')
    >>> text = "the Rape and Serious Sexual Offences' (RASSO's) unit and the Crown Prosecution Service’s (CPS’) view"
    >>> [(d.acronym, d.expansion) for d in (singular_owner(d, text) for d in find_inline_definitions(text))]
    [('RASSO', 'Rape and Serious Sexual Offences'), ('CPS', 'Crown Prosecution Service')]
    """
    for mark in APOSTROPHES:
        if definition.acronym.endswith(mark + "s"):
            if definition.expansion.endswith(mark + "s"):
                return replace(definition, acronym=definition.acronym[:-2], expansion=definition.expansion[:-2])
            if definition.expansion.endswith("s"):  # `Services’ (HMICFRS’s)`, the `’` read as a closing quote
                return replace(definition, acronym=definition.acronym[:-2])
        elif text.startswith(mark, definition.short_end) and definition.expansion.endswith(mark + "s"):
            # `Crown Prosecution Service’s (CPS’)`, `Attorneys General’s (AGs’)`: the apostrophe alone
            return replace(definition, expansion=definition.expansion[:-2])
    return definition


def _extent(definition: Definition) -> tuple[int, int]:
    """From the start of the short or long form, whichever comes first, to the end of the other."""
    return (
        min(definition.short_start, definition.long_start),
        max(definition.short_end, definition.long_end),
    )


def section_definitions(text: str, section: GlossarySection | None) -> list[Definition]:
    """The rows of a glossary section as definitions located in the text."""
    return [_row_definition(text, row) for row in section.rows] if section else []


def _row_definition(text: str, row: SectionRow) -> Definition:
    short_start = max(text.find(row.acronym, row.start, row.end), row.start)
    short_end = short_start + len(row.acronym)
    written = row.written_expansion
    long_start = max(text.find(written, short_end, row.end), short_end)
    return Definition(
        acronym=row.acronym,
        expansion=row.expansion,
        kind=DefinitionKind.GLOSSARY_SECTION,
        short_start=short_start,
        short_end=short_end,
        long_start=long_start,
        long_end=long_start + len(written),
        short_text=row.acronym,
        confidence=SECTION_CONFIDENCE,
    )


def _uses(
    text: str,
    untagged: str,
    matches: Sequence[Match],
    skipped: Spans,
    judged: dict[int, Decision],
    known: Callable[[str], bool],
    *,
    html: bool = False,
) -> list[Match]:
    """Known matches that context accepts, and acronym-shaped words that no match covers, in text order.

    A glossary hit takes the annotator's decision (`judged`). A match that has none, of an acronym
    only the document defines (`Jane Smith (JS)`, a row of its glossary section), and each
    acronym-shaped word are judged by the same rules: in `untagged`, the text with tags blanked
    (`<p>IT WAS AGREED</p>` is a line in capitals), a piece of a code joined by slashes
    (`JS` in `OPCC/JS/0412`) is no use, and nor is a word glued into a longer token (`INC-2023-117`),
    or, in `html`, by inline tags into a longer word (`<b>PC</b>SO`).
    """
    known_words = frozenset(word for m in matches for word in WORD.findall(m.surface(text)))
    tokens = SpacyContext(untagged)  # spaCy is loaded only for a word that a neighbour may glue into a code

    def accepted(use: Match) -> bool:
        """What context says of a use that the annotator did not judge."""
        return (
            not_an_acronym(untagged, use.start, use.end, known_words) is None
            and not (beside_slash(text, use) and in_slash_code(text, use, known))
            and not (glued_by_code_marks(untagged, use) and needs_tokens(untagged, use) and not tokens.aligned(use))
            and not (html and glued_by_markup(text, use))
        )

    def counted(match: Match) -> bool:
        decision = judged.get(match.start)
        return accepted(match) if decision is None else not _rejected(decision, match)

    uses = [match for match in matches if counted(match)]
    covered = Spans([(m.start, m.end, "known") for m in matches])
    uses += [
        candidate
        for candidate in find_candidates(text)
        if covered.overlapping(candidate.start, candidate.end) is None
        and skipped.overlapping(candidate.start, candidate.end) is None
        and accepted(candidate)
    ]
    return sorted(uses, key=lambda use: use.start)


# What joins a word into a code or file name (`INC-2023-117`, `A-QXZ-7`, `QXZ.minutes.docx`); markup and character
# references beside a word (`**QXZ**s`, `QXZ&rsquo;s`) are read by the annotator's rules instead.
CODE_MARKS: Final = frozenset("-.")


def glued_by_code_marks(text: str, use: Match) -> bool:
    """True when a hyphen or full stop touches the word: it may be part of a longer token."""
    return text[use.start - 1 : use.start] in CODE_MARKS or text[use.end : use.end + 1] in CODE_MARKS


class _OfAcronym(Protocol):
    @property
    def acronym(self) -> str: ...


_Item = TypeVar("_Item", bound=_OfAcronym)


def _by_acronym(items: Iterable[_Item]) -> dict[str, list[_Item]]:
    """Uses or definitions grouped by their acronym, each group in the order given."""
    groups: dict[str, list[_Item]] = {}
    for item in items:
        groups.setdefault(item.acronym, []).append(item)
    return groups


def _implicit(text: str, prose: str, uses: Sequence[Match]) -> list[Definition]:
    """The first sure enough implicit definition of each acronym among `uses`.

    Phrases are looked for in `prose`: the definitions view with what readers
    do not read as prose (code, URLs, tags and what they hold, comments) and
    the glossary section blanked out. A phrase that runs across a blanked span
    (`Quick <b>Quiz</b> Zone`) is not written as it reads, and is left out.
    """
    first: dict[str, Definition] = {}
    for definition in find_implicit_definitions(prose, [(use.acronym, use.start) for use in uses]):
        written = text[definition.long_start : definition.long_end] == definition.expansion
        if written and definition.confidence >= MIN_IMPLICIT_CONFIDENCE:  # a wrapped line's break reads as a space
            first.setdefault(definition.acronym, replace(definition, expansion=" ".join(definition.expansion.split())))
    return list(first.values())


def _found(
    acronym: str,
    uses: Sequence[Match],
    ours: Sequence[Definition],
    glossary: Glossary,
    context: Context,
    lines: LineIndex,
    judged: dict[int, Decision],
) -> Found:
    """What the document does with `acronym`: its `uses` and `ours`, the definitions of it, in text order."""
    line, column = lines.position(uses[0].start)
    senses = glossary.lookup(acronym)
    definition = min(ours, key=lambda d: KIND_ORDER.index(d.kind), default=None)
    expansion: str | None
    if definition is not None:
        defined_by, expansion = DefinedBy(definition.kind.value), definition.expansion
    elif senses:
        first = uses[0].start
        decision = judged.get(first)
        written = None if decision else context.written_near(first)
        sense = decision.entry if decision else choose_sense(senses, context.words_near(first), written=written)
        defined_by, expansion = DefinedBy.GLOSSARY, sense.expansion if sense else None
    else:
        defined_by, expansion = DefinedBy.NONE, None
    well_known = any(sense.well_known for sense in senses)
    return Found(acronym, len(uses), defined_by, expansion, uses[0], line, column, definition, senses, well_known)


def extract(text: str, *, path: str = "<stdin>", format: Format | None = None) -> Glossary:
    """The document's own definitions as a glossary in the bundled schema, sorted by acronym.

    Glossary-section rows, inline definitions and implicit ones (noted as such,
    to check) each give a row; a repeated acronym and expansion gives one row.
    """
    result = scan(text, Glossary([]), path=path, format=format)
    rows: dict[tuple[str, str], Entry] = {}
    for definition in result.definitions:
        entry = _entry(definition, result.definition_position(definition)[0], path)
        rows.setdefault((entry.acronym, expansion_key(entry.expansion)), entry)
    return Glossary(sorted(rows.values(), key=lambda e: (e.acronym.casefold(), e.acronym)), name=path)


NOTES = {
    DefinitionKind.GLOSSARY_SECTION: "glossary section",
    DefinitionKind.INLINE: "inline",
    DefinitionKind.IMPLICIT: "implicit, check it",
    DefinitionKind.FOOTNOTE: "footnote",
}


def _entry(definition: Definition, line: int, path: str) -> Entry:
    """A definition as a glossary's row, its expansion without soft hyphens (Word's optional hyphens, unseen)."""
    note = f"{NOTES[definition.kind]}, line {line}"
    entry = definition_entry(replace(definition, expansion=without_soft_hyphens(definition.expansion)))
    return replace(entry, note=note, source=path, line=line)
