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

import bisect
import enum
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from html import unescape as html_unescape
from typing import TYPE_CHECKING, Final, NamedTuple

from . import html
from .context import (
    MAX_HEADING_CHARS,
    WORD,
    ContextMode,
    SpacyContext,
    amid_prose,
    beside_escape,
    beside_reference,
    beside_slash,
    endings_read,
    escapes_read,
    glued_by_apostrophe,
    glued_by_markup,
    in_slash_code,
    needs_tokens,
    not_an_acronym,
    reference_name,
    references_read,
)
from .definitions import (
    MAX_DASH_GAP,
    Definition,
    ampersands_read,
    dash_starts,
    dashes_read,
    definition_entry,
    find_dash_definitions_after,
    find_definition_list_definitions,
    find_definitions_near,
    find_inline_definitions,
    find_or_definitions_after,
    lead_in_before,
    lead_in_ends,
    named_after_comma,
    or_marks,
    or_short_start,
    soft_hyphens_read,
    spaces_read,
)
from .errors import UsageError
from .escaping import escape
from .footnotes import (
    MARKDOWN_MARKER,
    TEXT_MARKER,
    Footnotes,
    LinkTexts,
    NotesBlock,
    markdown_footnotes,
    markers_at,
    text_footnotes,
)
from .forms import (
    BRACKET_GAP,
    CLOSING_STARTS,
    beside_bracket,
    beside_brackets,
    bracket_after,
    bracket_before,
    long_form,
    spelled_out,
    spelled_out_as,
    word_long_form,
    written_long_form,
)
from .glossary import Entry, Glossary, straight_apostrophes, without_soft_hyphens
from .headings import heading_spans, section_starts
from .matcher import Match, find, find_in_markdown, tuple_maker
from .positions import LineCounter, NextOf, lf_view
from .regions import KIND_NAMES, MARKUP_KINDS, Format, Spans, abbreviation_titles, protected_spans, without_tags
from .sections import ACRONYM, GlossarySection, find_glossary_section, read_expansion
from .senses import Context, choose_sense, sense_words
from .tables import COLUMN_TABLE, column_table_spans

if TYPE_CHECKING:
    from spacy.tokens import Doc


class Style(enum.Enum):
    """How an expansion is shown."""

    INLINE = "inline"
    FOOTNOTE = "footnote"
    TOOLTIP = "tooltip"


class Action(enum.Enum):
    """What annotation does with one occurrence (`MARK`: a tooltip only, in the tooltip style)."""

    EXPAND = "expand"
    KEEP = "keep"
    SKIP = "skip"
    MARK = "mark"


class FirstUse(enum.Enum):
    """Where "first use" is counted from: the document, or each section (a heading starts one)."""

    DOCUMENT = "document"
    SECTION = "section"


class GlossaryMode(enum.Enum):
    """A generated glossary of the acronyms used: none, appended, or replacing the document's own."""

    NONE = "none"
    APPEND = "append"
    REPLACE = "replace"


@dataclass(frozen=True)
class Options:
    """Everything that shapes an annotation; immutable, so it can be shared.

    `document_glossary`: use the document's own glossary section for acronyms
    that the given glossaries do not define. `context` and `spacy_model`: see
    `acronyms.context` (no model: `spacy.blank("en")` with a sentencizer).
    `skip_headings`: leave acronyms in headings alone. `glossary_section`: see
    `acronyms.generate`. Plain text has no tooltips:

    >>> Options(style=Style.TOOLTIP)
    Traceback (most recent call last):
    ...
    acronyms.errors.UsageError: plain text cannot show tooltips; use the inline or footnote style, or Markdown or HTML (a .md or .html file, or --format)

    The choices are enums; their values name them (`Style("footnote")`).
    """

    style: Style = Style.INLINE
    format: Format = Format.TEXT
    every_use: bool = False
    document_glossary: bool = True
    context: ContextMode = ContextMode.AUTO
    spacy_model: str | None = None
    first_use: FirstUse = FirstUse.DOCUMENT
    skip_headings: bool = False
    glossary_section: GlossaryMode = GlossaryMode.NONE

    def __post_init__(self) -> None:
        for name, kind in _ENUM_OPTIONS.items():
            value = getattr(self, name)
            if not isinstance(value, kind):  # `style="footnote"` would otherwise be read as the default
                values = ", ".join(f"{kind.__name__}.{member.name}" for member in kind)
                raise TypeError(f"Options.{name} is one of {values}, not {value!r}")
        if self.style is Style.TOOLTIP and self.format is Format.TEXT:
            raise UsageError(
                "plain text cannot show tooltips; use the inline or footnote style, or Markdown or HTML (a .md or .html file, or --format)"
            )


_ENUM_OPTIONS: Final[dict[str, type[enum.Enum]]] = {
    "style": Style,
    "format": Format,
    "context": ContextMode,
    "first_use": FirstUse,
    "glossary_section": GlossaryMode,
}
DEFAULT_OPTIONS: Final = Options()  # the defaults: inline expansions of the first use, in plain text


class Decision(NamedTuple):
    """What happens to one match, and why (a named tuple: one is made per hit, and tuples are built fast)."""

    match: Match
    action: Action
    reason: str
    entry: Entry | None = None


# The hot paths read the actions from these names and make decisions with `decision_of`:
# reading a member from its enum class costs 0.17 us in Python 3.11, calling `Decision` 0.4 us more.
EXPAND: Final = Action.EXPAND
KEEP: Final = Action.KEEP
SKIP: Final = Action.SKIP
decision_of: Final = tuple_maker(Decision)


@dataclass(frozen=True)
class Plan:
    """The decisions for a text, in text order, and (in the footnote style) the footnotes it already carries."""

    decisions: tuple[Decision, ...]
    footnotes: Footnotes | None = None

    @property
    def notes(self) -> NotesBlock | None:
        """The plain-text notes list an earlier footnote annotation appended."""
        return self.footnotes.notes if self.footnotes is not None else None


NOT_AN_ACRONYM: Final = "not an acronym"  # reasons that start with these words, for callers that sort decisions
AMBIGUOUS: Final = "ambiguous"
LONGER_TOKEN: Final = "part of a longer token (a code, file name or address)"
HTML_MARKER: Final = re.compile(r"<sup\b[^>]*\bdata-acronyms=[\"']?ref\b")
READABLE: Final = re.compile(ACRONYM)
PROSE_REACH: Final = MAX_HEADING_CHARS + 1  # how far from a hit the rules of `context.not_an_acronym` read
GLOSSARY_SECTION: Final = "the document's glossary section"
NOTES_LIST: Final = "the notes list"
# Protected spans whose words say nothing about the senses near them: what annotation writes, or may write, beside
# the text (an HTML page's generated sections are GENERATED_KIND; Markdown's `*[SNP]: …` are abbreviation definitions).
NOT_CONTEXT: Final = frozenset({GLOSSARY_SECTION, NOTES_LIST, html.GENERATED_KIND, KIND_NAMES["abbreviation"]})


def plan(text: str, glossary: Glossary, options: Options = DEFAULT_OPTIONS, *, doc: Doc | None = None) -> Plan:
    """Decide what to do with every acronym of `glossary` found in `text`.

    `doc`, spaCy's reading of `text` (as in a pipeline), gives the context its
    tokens, sentences and lemmas instead of running spaCy again. A lone CR (old Mac
    line endings) reads as LF: the same decisions as for the text with LF endings.
    """
    text = lf_view(text)
    section = find_glossary_section(text, options.format)
    glossary = _with_section(glossary, section) if options.document_glossary else glossary
    protected = protected_spans(text, options.format, links=options.style is Style.FOOTNOTE)
    if options.skip_headings:
        protected += [(start, end, "a heading") for start, end in heading_spans(text, options.format)]
    if options.format is Format.MARKDOWN:
        protected += [(start, end, COLUMN_TABLE) for start, end in column_table_spans(text)]
    if section is not None:
        protected.append((section.start, section.end, GLOSSARY_SECTION))
    footnotes = _footnotes(text, options)
    if footnotes is not None and footnotes.notes is not None:
        protected.append((footnotes.notes.start, len(text), NOTES_LIST))
    settled = _section_senses(glossary, section)
    decisions = _Judge(text, glossary, options, protected, doc, footnotes, settled).decisions()
    listed = _listed_senses(glossary, decisions) if options.glossary_section is not GlossaryMode.NONE else {}
    if listed and any(decision.entry is None and decision.match.acronym in listed for decision in decisions):
        # The section written lists a sense an undecided use lacks: the next run would read that row as the
        # document's own (`_section_senses`) and expand the use. Read it so now, so that twice is once.
        decisions = _Judge(text, glossary, options, protected, doc, footnotes, {**listed, **settled}).decisions()
    return Plan(tuple(decisions), footnotes)


def listed_entries(decisions: Iterable[Decision]) -> dict[str, Entry]:
    """The entry a glossary section written for these decisions lists, by acronym: the first used, not well known."""
    listed: dict[str, Entry] = {}
    for decision in decisions:
        entry = decision.entry
        if entry is not None and not entry.well_known and _readable(entry.acronym):
            listed.setdefault(entry.acronym, entry)
    return listed


def _section_starts(text: str, options: Options, protected: Sequence[tuple[int, int, str]]) -> list[int]:
    """Where each section starts for `--first-use section`: `section_starts`, less the rows of a glossary section,
    and in plain text with its heading.

    A plain-text heading stands alone between blank lines. Rows that annotation adds to an empty
    glossary section make its heading stand alone, and a row alone stands so too: either would start
    a section in the next run and not in this one. (In HTML the heading of the glossary section that
    annotation appends starts no section: `html.layout`.)
    """
    glossary = [(start, end) for start, end, kind in protected if kind == GLOSSARY_SECTION]
    starts = [at for at in section_starts(text, options.format) if not any(start < at < end for start, end in glossary)]
    if options.format is not Format.TEXT:  # a heading in HTML or Markdown is one by its markup, rows or none
        return starts
    return sorted({*starts, *(start for start, _ in glossary)})


def _readable(acronym: str) -> bool:
    """True for an acronym a glossary section's row can hold (`sections.ACRONYM`, with a capital or a digit)."""
    return READABLE.fullmatch(acronym) is not None and any(char.isupper() or char.isdigit() for char in acronym)


def _listed_senses(glossary: Glossary, decisions: Sequence[Decision]) -> dict[str, Entry]:
    """The sense the glossary section written will list for each acronym with several."""
    return {acronym: entry for acronym, entry in listed_entries(decisions).items() if len(glossary.lookup(acronym)) > 1}


def _with_section(glossary: Glossary, section: GlossarySection | None) -> Glossary:
    if section is None:
        return glossary
    gaps = [entry for entry in section.glossary() if entry.acronym not in glossary]
    return Glossary.layered([Glossary(gaps), glossary]) if gaps else glossary


def _section_senses(glossary: Glossary, section: GlossarySection | None) -> dict[str, Entry]:
    """The senses the glossary section's rows name, for acronyms with several senses (other rows settle nothing).

    A row names a sense when it spells out its long form (in any case); the glossary's spelling stays the sense's.
    """
    if section is None:
        return {}
    found: dict[str, Entry] = {}
    for row in section.rows:
        senses = glossary.lookup(row.acronym)
        if len(senses) > 1 and (sense := _named_sense(senses, row.expansion)) is not None:
            found.setdefault(row.acronym, sense)
    return found


def _named_sense(senses: Sequence[Entry], expansion: str) -> Entry | None:
    """The sense whose long form (singular or plural) is `expansion`, compared as read (`_as_read`).

    >>> pcc = Entry("PCC", "Police and Crime Commissioner")
    >>> _named_sense([pcc], "police &amp; crime\\n commissioners") == pcc
    True
    """
    long = _as_read(expansion)
    for entry in senses:
        if long in (_as_read(form) for form in (entry.expansion, entry.plural_expansion)):
            return entry
    return None


def _as_read(long: str) -> str:
    """A long form as compared: character references read, `&` as `and`, apostrophes straight, soft hyphens, case and
    spacing not counted."""
    read = without_soft_hyphens(straight_apostrophes(html_unescape(long)))
    return " ".join(read.replace("&", " and ").casefold().split())


def _footnotes(text: str, options: Options) -> Footnotes | None:
    """In the footnote style, the footnotes the text already has (HTML keeps its own: see `html_footnotes`)."""
    if options.style is not Style.FOOTNOTE or options.format is Format.HTML:
        return None
    return text_footnotes(text) if options.format is Format.TEXT else markdown_footnotes(text)


class _Judge:
    """Decides occurrence by occurrence, remembering what the text has introduced so far."""

    def __init__(
        self,
        text: str,
        glossary: Glossary,
        options: Options,
        protected: list[tuple[int, int, str]],
        doc: Doc | None,
        footnotes: Footnotes | None = None,
        settled: dict[str, Entry] | None = None,
    ) -> None:
        self.text, self.glossary, self.options, self.doc, self.footnotes = text, glossary, options, doc, footnotes
        self.protected_spans = protected
        # Built when first asked for (by the properties below). Not `functools.cached_property`:
        # mypyc compiles that into a property that never caches (see `setup.py`).
        self._lines: LineCounter | None = None
        self._protected: Spans | None = None
        self._prose: str | None = None
        self._context: Context | None = None
        self._long_forms: list[tuple[int, int, str]] | None = None
        self._inside_long_forms: Spans | None = None
        self._spacy: SpacyContext | None = None
        self._acronym_words: frozenset[str] | None = None
        self._titles: list[tuple[int, int, str]] | None = None
        self.matches = find_in_markdown(text, glossary) if options.format is Format.MARKDOWN else find(text, glossary)
        # Only in HTML and Markdown, and only if the text has an `&`, may a character reference touch a hit.
        self.references = options.format is not Format.TEXT and "&" in text
        tagged = options.format is not Format.TEXT and ("<" in text or options.format is Format.MARKDOWN)
        if self.references or tagged:  # `SNP&rsquo;s` as `SNP’s`, `<b>PCSO</b>s` as `PCSOs`
            markdown = options.format is Format.MARKDOWN
            self.matches = endings_read(
                text, self.matches, references=self.references, markup=tagged, markdown=markdown
            )
        if options.format is Format.HTML and "<" in text:  # `<b>PC</b>SO` is no `PC`, as `PCSO` is none
            self.matches = [match for match in self.matches if not glued_by_markup(text, match)]
        self.spelled = _spelled_out_beside(text, self.matches, glossary, options.format)
        unexplained = [(match.start, match.end) for match, spelled in self.spelled.values() if not spelled]
        unexplained += [span for span in _after_lead_ins(text, self.matches) if span[0] not in self.spelled]
        # `Police &amp; Crime Commissioner (PCC)`, `Neighbour&shy;hood Policing Team (NPT)` and `Panel&nbsp;(SNP)` as
        # the reader reads them; each definition's text is the original's
        read = spaces_read(soft_hyphens_read(ampersands_read(text))) if self.references else text
        found = find_definitions_near(read, unexplained)
        # `Commissioner,&nbsp;or PCC &ndash;` as read too
        spaced = dashes_read(read) if self.references else text
        named = find_or_definitions_after(spaced, _after_or_marks(spaced, self.matches))
        if named:  # `Police and Crime Commissioner, or PCC,`
            found = sorted(found + named, key=lambda d: (d.short_start, d.long_start))
        self.definitions = [
            definition
            if not self.references
            else replace(definition, expansion=text[definition.long_start : definition.long_end])
            for definition in found
        ]
        if options.format is not Format.TEXT and unexplained:  # `<b>GP</b> (Grants Panel)`, `Grants <i>Panel</i> (GP)`
            defined = {definition.short_start for definition in found}
            through = _defined_through_markup(text, read, [span for span in unexplained if span[0] not in defined])
            if through:
                self.definitions = sorted(self.definitions + through, key=lambda d: (d.short_start, d.long_start))
        dashes = dashes_read(text) if self.references else text  # `CSP &#8211; the ... &#8211;` as Word writes it
        dashed = find_dash_definitions_after(dashes, _before_dashes(dashes, self.matches))
        if options.format is Format.MARKDOWN:  # `PCSO`, then `:   Police Community Support Officer, ...`
            dashed += find_definition_list_definitions(text, ((match.start, match.end) for match in self.matches))
        if dashed:  # `CSP – the Community Safety Partnership –`
            self.definitions = sorted(self.definitions + dashed, key=lambda d: (d.short_start, d.long_start))
        appends = options.glossary_section is not GlossaryMode.NONE or options.style is Style.FOOTNOTE
        if options.format is Format.HTML and appends and self.definitions:
            self.definitions = _not_split_by(text, self.definitions, html.layout(text).body_end)
        self.defined: dict[int, Definition] = {}  # the definitions by where their short form starts, the first of each
        for definition in self.definitions:
            self.defined.setdefault(definition.short_start, definition)
        self.definition_brackets = _definition_brackets(text, self.definitions)
        self.document_senses: dict[str, list[tuple[int, Entry]]] = {}  # per acronym, (offset, sense) in text order
        # Per acronym, the sense of the uses before its first definition: the glossary section's row, else
        # the first definition that the author wrote (`_document_senses`, `_spelled_senses`).
        self.settled: dict[str, Entry] = {}
        for offset, entry, authored in sorted(
            [*_document_senses(glossary, self.definitions), *self._spelled_senses()], key=lambda found: found[0]
        ):
            self.document_senses.setdefault(entry.acronym, []).append((offset, entry))
            if authored:
                self.settled.setdefault(entry.acronym, entry)
        self.settled.update(settled or {})
        self.introduced: dict[str, int] = {}  # acronym: where it was introduced (its line is worked out when asked)
        self.kept: dict[str, tuple[Action, str, Entry | None] | None] = {}  # per acronym, what its later uses share
        self.own_senses: dict[str, Entry] = {}  # senses the text's definitions give that no glossary has (`own_sense`)
        self.tooltips: set[str] = set()  # introduced in the glossary's sense, so later uses may carry its tooltip
        self.sections = _section_starts(text, options, protected) if options.first_use is FirstUse.SECTION else [0]
        self.shortcut = not options.every_use and options.style is not Style.TOOLTIP
        self.senses_of = glossary.senses  # `self.senses_of.get(acronym, ())`: `glossary.lookup` without the call
        self.plain_senses = glossary.plain_senses  # an acronym's one sense, for `first_use`
        self.marker = _marker(options)
        # In the footnote style a marker for an acronym in a Markdown link's text goes after the link.
        markdown_notes = options.format is Format.MARKDOWN and options.style is Style.FOOTNOTE
        self.links = LinkTexts(text) if markdown_notes else None
        self.rules = options.context is not ContextMode.OFF
        self.every_token = options.context is ContextMode.FULL
        markup = _markup_near(text, options.format, protected)
        self.markup_starts, self.markup_ends = [start for start, _ in markup], [end for _, end in markup]

    @property
    def lines(self) -> LineCounter:
        """Line numbers, for the reasons of later uses ("already introduced at line 3")."""
        if self._lines is None:
            self._lines = LineCounter(self.text)
        return self._lines

    @property
    def protected(self) -> Spans:
        if self._protected is None:
            self._protected = Spans(self.protected_spans)
        return self._protected

    @property
    def prose(self) -> str:
        """What the context reads: the text with its tags blanked out, offsets kept."""
        if self._prose is None:
            text = self.text
            self._prose = text if "<" not in text else without_tags(text, self.options.format, self.protected_spans)
        return self._prose

    @property
    def context(self) -> Context:
        """Words near each hit, for choosing senses; built on the first ambiguous hit."""
        if self._context is None:
            skipped = [(start, end) for start, end, _ in self.long_forms]
            skipped += _markup_spans(self.text, self.options.format)
            # Nor what annotation writes beside the text: the generated glossary section and notes would bring the
            # next run words this one did not read (a row `CC<tab>Chief Constable` tips a `DC` beside it).
            skipped += [(start, end) for start, end, kind in self.protected_spans if kind in NOT_CONTEXT]
            self._context = Context(self.text, self.matches, self.glossary, skipped)
        return self._context

    @property
    def long_forms(self) -> list[tuple[int, int, str]]:
        """Where the text spells out a long form beside its acronym, labelled `the long form of ACRONYM`.

        An acronym inside another's long form is part of a name, left as it is, so that
        `National ANPR Data Centre (NADC)` stays as annotation wrote it.
        """
        if self._long_forms is None:
            found = [(d.long_start, d.long_end, f"the long form of {d.acronym}") for d in self.definitions]
            for match, spelled in self.spelled.values():
                found += [(*span, f"the long form of {match.acronym}") for _, span in spelled]
            self._long_forms = found + _tooltip_long_forms(self.text) if self.options.format is Format.HTML else found
        return self._long_forms

    @property
    def inside_long_forms(self) -> Spans:
        """The long forms, and the rest of the brackets that hold one after its short form: nothing goes in there."""
        if self._inside_long_forms is None:
            self._inside_long_forms = Spans(self.long_forms + self.definition_brackets)
        return self._inside_long_forms

    @property
    def spacy(self) -> SpacyContext:
        if self._spacy is None:
            full = self.options.context is ContextMode.FULL
            self._spacy = SpacyContext(self.prose, self.options.spacy_model, self.doc, full=full)
        return self._spacy

    def acronym_words(self) -> frozenset[str]:
        """The words of every hit: they do not make a line a heading (read only for a line that might be one)."""
        if self._acronym_words is None:
            surfaces = {match.surface(self.text) for match in self.matches}
            self._acronym_words = frozenset(word for surface in surfaces for word in WORD.findall(surface))
        return self._acronym_words

    def decisions(self) -> list[Decision]:
        """One decision per match, in text order.

        A later use of an introduced acronym shares the reason worked out once
        for it (`_kept`); a first use outside protected spans and long forms
        goes through `first_use`; any other hit through `decide`.
        """
        decisions: list[Decision] = []
        append, shortcut = decisions.append, self.shortcut
        simple = self.rules and self.marker is None  # see `first_use`
        tooltips = self.options.style is Style.TOOLTIP  # only that style reads `self.tooltips`
        introduced, kept = self.introduced, self.kept
        section = 0
        sectioned = len(self.sections) > 1
        # Matches come in text order: walk the protected spans and the long forms once, beside them.
        skipped = Spans([*self.protected_spans, *self.long_forms, *self.definition_brackets])
        starts, ends, cursor, spans = skipped.starts, skipped.ends, 0, len(skipped.ends)
        markup_starts, markup_ends, markup, marked = self.markup_starts, self.markup_ends, 0, len(self.markup_ends)
        for match in self.matches:
            start = match.start
            while cursor < spans and ends[cursor] <= start:
                cursor += 1
            free = cursor == spans or starts[cursor] >= match.end
            if sectioned and bisect.bisect_right(self.sections, start) - 1 != section:  # a new section
                section = bisect.bisect_right(self.sections, start) - 1
                introduced, kept = {}, {}
                self.introduced, self.tooltips, self.kept = introduced, set(), kept
            acronym = match.acronym
            if shortcut and free and acronym in introduced:
                shared = kept[acronym] if acronym in kept else self._kept(acronym)
                if shared is not None:
                    append(decision_of((match,) + shared))  # the common case, made cheap
                    continue
            while markup < marked and markup_ends[markup] <= start - PROSE_REACH:
                markup += 1
            tagged = markup < marked and markup_starts[markup] < match.end + PROSE_REACH
            prose = self.prose if tagged else self.text
            if simple and free and acronym not in introduced:
                decision = self.first_use(match, prose)
            else:
                decision = self.decide(match, free, prose)
            if acronym not in introduced and (
                decision.action is EXPAND or decision.reason in ("defined inline", "already annotated")
            ):
                if tooltips and self.in_glossary_sense(decision):
                    self.tooltips.add(acronym)
                introduced[acronym] = start
            append(decision)
        return decisions

    def introduced_line(self, acronym: str) -> int:
        """The line where the acronym was introduced."""
        return self.lines.line(self.introduced[acronym])

    def _kept(self, acronym: str) -> tuple[Action, str, Entry | None] | None:
        """Action, reason and sense shared by the later uses of an introduced acronym (what `decide` would conclude)."""
        if acronym not in self.kept:
            senses = self.senses_of.get(acronym, ())
            only = senses[0] if len(senses) == 1 else None  # with several senses, a later use is not judged again
            only = self.own_senses.get(acronym, only)
            well_known = any(sense.well_known for sense in senses)
            self.kept[acronym] = (
                None if well_known else (KEEP, f"already introduced at line {self.introduced_line(acronym)}", only)
            )
        return self.kept[acronym]

    def titled_sense(self, match: Match) -> Entry | None:
        """The sense an `<abbr title="…">` around the match names (so a tooltip still counts as a use)."""
        if self.options.format is Format.HTML:
            title = html.layout(self.text).title_at(match.start)
        elif self.options.format is Format.MARKDOWN:
            title = self.markdown_title_at(match.start)
        else:
            title = None
        if title is None:
            return None
        wanted = title.casefold()
        senses = self.glossary.lookup(match.acronym)
        # The title of the word (`SNP</abbr>’s`), or, as this tool wrote it before, of the possessive (`SNP’s</abbr>`).
        titled = (
            sense
            for sense in senses
            if wanted in {long_form(sense, self.text, match).casefold(), word_long_form(sense, match).casefold()}
        )
        return next(titled, None)

    def markdown_title_at(self, offset: int) -> str | None:
        """The title of the Markdown `<abbr>` element whose text holds `offset`, if any."""
        if self._titles is None:
            self._titles = abbreviation_titles(self.text, self.protected_spans)
        index = bisect.bisect_right(self._titles, offset, key=lambda found: found[0]) - 1
        return self._titles[index][2] if index >= 0 and offset < self._titles[index][1] else None

    def in_glossary_sense(self, decision: Decision) -> bool:
        """Whether an introduction means the glossary's sense (an inline definition may mean another)."""
        if decision.reason != "defined inline":
            return True
        entry = decision.entry
        return entry is not None and self.spelled_out(decision.match, entry)

    def decide(self, match: Match, free: bool, prose: str) -> Decision:
        """What to do with one hit.

        `free` says the caller knows the hit is outside every protected span and
        long form: the common case, which then costs a few dictionary lookups.
        `prose` is what the rules read around the hit: the text itself unless a
        tag is near enough to matter (blanking every tag of a long text costs
        more than all the hits far from any tag).
        """
        if not free:
            inside = self.protected.overlapping(match.start, match.end)
            if inside in MARKUP_KINDS and match.end > match.base_end:  # `PCSO</b>s`: the tag parts it from its `s`
                inside = self.protected.overlapping(match.start, match.base_end)
            if inside is not None:
                return Decision(match, Action.SKIP, f"inside {inside}", self.titled_sense(match))
            if (inside := self.inside_long_forms.overlapping(match.start, match.end)) is not None:
                return Decision(match, Action.SKIP, f"inside {inside}")  # `National ANPR Data Centre (NADC)`
        senses = self.senses_of.get(match.acronym, ())
        marker = self.marker.match(self.text, match.end) if self.marker is not None else None  # glued onto the hit
        if marker is not None and (self.footnotes is None or self.footnotes.is_own(match.acronym, marker[1], senses)):
            return Decision(match, Action.KEEP, "already annotated", self.sense(match, senses))  # (HTML: always)
        if marker is None and self.links is not None and self.noted_after_link(match, senses):
            return Decision(match, Action.KEEP, "already annotated", self.sense(match, senses))
        if self.rules and (skip := self.ruled_out(match, prose, marked=marker is not None)) is not None:
            return skip
        return self.judge(match, senses)

    def noted_after_link(self, match: Match, senses: Sequence[Entry]) -> bool:
        """True when the hit is in a Markdown link's text and a marker after the link refers to annotation's note."""
        assert self.links is not None and self.footnotes is not None
        end = self.links.end_of_link_at(match.start, match.end)
        if end is None:
            return False
        return any(self.footnotes.is_own(match.acronym, marker[1], senses) for marker in markers_at(self.text, end))

    def first_use(self, match: Match, prose: str) -> Decision:
        """`decide` for the common case: a free hit of an acronym not yet introduced, the rules on, no markers.

        The first use of an acronym with one sense, not defined beside it, is
        expanded after the rules alone; anything else goes on to `judge`.
        """
        skip = self.ruled_out(match, prose)
        if skip is not None:
            return skip
        entry = self.plain_senses.get(match.acronym)
        start = match.start
        if entry is not None and start not in self.spelled and start not in self.defined:
            return decision_of((match, EXPAND, "first use", entry))
        return self.judge(match, self.senses_of.get(match.acronym, ()))

    def judge(self, match: Match, senses: Sequence[Entry]) -> Decision:
        """What to do with a hit that is an acronym here, given its senses."""
        entry = senses[0] if len(senses) == 1 else self.sense(match, senses)
        start = match.start
        if start in self.defined or (start in self.spelled and entry and self.spelled_out(match, entry)):
            own = self.own_sense(match, senses, entry)
            if own is not None and own not in senses:
                self.own_senses[match.acronym] = own  # the later uses mean it too
            return Decision(match, Action.KEEP, "defined inline", own)
        entry = self.own_senses.get(match.acronym, entry)
        if entry is None:
            said = "the context is not read (--context off)" if not self.rules else "the context does not decide"
            return Decision(match, Action.SKIP, f"{AMBIGUOUS}: {len(senses)} senses and {said}")
        if entry.well_known:
            return Decision(match, Action.KEEP, "well known", entry)
        if match.acronym not in self.introduced:
            self.expanded_as(match, senses, entry)
            return Decision(match, Action.EXPAND, "first use", entry)
        if self.options.every_use:
            self.expanded_as(match, senses, entry)
            return Decision(match, Action.EXPAND, "every use", entry)
        tooltip = self.options.style is Style.TOOLTIP and match.acronym in self.tooltips
        reason = f"already introduced at line {self.introduced_line(match.acronym)}"
        return Decision(match, Action.MARK if tooltip else Action.KEEP, reason, entry)

    def own_sense(self, match: Match, senses: Sequence[Entry], entry: Entry | None) -> Entry | None:
        """The sense a definition at the hit gives it: the glossary's it spells out, else the document's own.

        `The Grants Panel (GP) met.` means no General Practitioner: a glossary section
        generated for the text lists what the text defines.
        """
        definition = self.defined.get(match.start)
        if definition is None or (entry is not None and self.spelled_out(match, entry)):
            return entry
        if self.options.format is not Format.TEXT:  # `*Grants* Panel (GP)` means the Grants Panel, no `*`
            definition = replace(definition, expansion=read_expansion(definition.expansion))
        return _named_sense(senses, definition.expansion) or definition_entry(definition)

    def expanded_as(self, match: Match, senses: Sequence[Entry], entry: Entry) -> None:
        """Count an expansion in one of several senses as the document's definition, for the uses after it.

        The next run reads it so (`defined_sense`): a use in a later section, say, then takes its sense,
        so this run must too. With one sense there is nothing to choose.
        """
        if len(senses) > 1:
            bisect.insort(self.document_senses.setdefault(match.acronym, []), (match.start, entry), key=_offset)

    def ruled_out(self, match: Match, text: str, marked: bool = False) -> Decision | None:
        """The skip when the context says this hit is not the acronym; None when it may be one.

        The rules read `text`, the prose near the hit; then spaCy's tokens, where a neighbour may glue it.
        Not for a hit `marked` with the author's footnote marker (`SNP[1]`), which spaCy would read as one token.
        """
        if not self.every_token and amid_prose(text, match.start, match.end):
            return None  # most hits: a glance at their edges settles both rules, in C
        reason = not_an_acronym(text, match.start, match.end, self.acronym_words)
        if (
            reason is None
            and not marked
            and (self.every_token or needs_tokens(text, match))
            and not self.defined_in_brackets(match)
        ):
            reason = self.not_a_token(match, text)
            if reason is None and beside_slash(text, match) and in_slash_code(text, match, self.glossary.__contains__):
                reason = LONGER_TOKEN  # `OPCC/JS/0412`, `T/ACC`: spaCy splits at the slash, but it joins a code
        return None if reason is None else decision_of((match, SKIP, f"{NOT_AN_ACRONYM}: {reason}", None))

    def defined_in_brackets(self, match: Match) -> bool:
        """True for the short form of a definition alone in its brackets: `Long Forms (LFs)/other`.

        The brackets bound it, whatever follows them: spaCy reads `LFs)/other` as one token,
        and that is how an expansion annotation inserted before `/other` reads the next time.
        """
        start, end, text = match.start, match.end, self.text
        if text[start - 1 : start] != "(" or text[end : end + 1] != ")":
            return False
        spelled = self.spelled.get(start)
        return start in self.defined or (spelled is not None and bool(spelled[1]))

    def not_a_token(self, match: Match, text: str) -> str | None:
        """Why the hit is not a whole token of `text`, or None when it is one.

        In HTML and Markdown a character reference beside the hit counts as the
        character it stands for (`SNP&rsquo;s` reads `SNP’s`), and the name of one
        (`GT` in `&GT;`) is no acronym.
        """
        if glued_by_apostrophe(text, match):
            return LONGER_TOKEN
        if self.references and beside_reference(text, match):
            if reference_name(text, match):
                return "the name of a character reference"
            read = references_read(text, match)
            if read is not None:
                piece, hit = read
                if glued_by_apostrophe(piece, hit):
                    return LONGER_TOKEN
                if self.every_token or needs_tokens(piece, hit):
                    return None if self.spacy.aligned_in(piece, hit.start, hit.end) else LONGER_TOKEN
                return None
        if self.options.format is Format.MARKDOWN and beside_escape(text, match):  # `\\"SNP\\"`, `PCC\\.`
            piece, hit = escapes_read(text, match)
            return None if self.spacy.aligned_in(piece, hit.start, hit.end) else LONGER_TOKEN
        return None if self.spacy.aligned(match) else LONGER_TOKEN

    def spelled_out(self, match: Match, entry: Entry) -> bool:
        """True when the text spells out `entry`'s long form beside this hit."""
        spelled = self.spelled.get(match.start)
        return spelled is not None and any(sense == entry for sense, _ in spelled[1])

    def _spelled_senses(self) -> list[tuple[int, Entry, bool]]:
        """Where the text spells out one sense of an acronym that has several (the first such sense).

        Each with whether the author wrote it: true unless it reads as annotation writes an expansion.
        """
        found = []
        for match, spelled in self.spelled.values():
            if spelled and len(self.glossary.lookup(match.acronym)) > 1:
                entry, (start, end) = spelled[0]
                written = written_long_form(entry, self.text, match, self.options.format)
                found.append((match.start, entry, start > match.start or self.text[start:end] != written))
        return found

    def defined_sense(self, match: Match) -> Entry | None:
        """The sense the document last spelled out for this acronym at or before this use, else the one it settles.

        A use before every definition takes the sense of the glossary section's row,
        or of the first definition the author wrote (`settled`). Not one that reads as
        annotation writes an expansion: one that annotation inserts later in the text
        must not change how an earlier use reads the next time.
        """
        defined = self.document_senses.get(match.acronym, [])
        index = bisect.bisect_right(defined, match.start, key=_offset)
        return defined[index - 1][1] if index else self.settled.get(match.acronym)

    def sense(self, match: Match, senses: Sequence[Entry]) -> Entry | None:
        """The sense meant here: the only one, the one the document defines, or the one the context picks."""
        if len(senses) == 1:
            return senses[0]
        defined = self.defined_sense(match)
        if defined is not None:
            return defined
        if self.options.context is ContextMode.OFF or not senses:
            return None
        signals = frozenset().union(*map(sense_words, senses))  # only these words can tip the choice
        near, written = self.context.words_near(match.start, signals), self.context.written_near(match.start, signals)
        start, end = self.spacy.sentence(match)
        lemmas = self.spacy.lemmas(start, end, self.context.excluded_at)
        if self.spacy.by_punctuation:
            # Such a sentence lies in the paragraphs near the hit: of the signals, it can hold only those found there,
            # and what it writes they write (a property test checks both).
            sentence = (self.context.words_in(start, end, near) if near else frozenset()) | lemmas
        else:
            sentence = self.context.words_in(start, end, signals) | lemmas
            written |= self.context.written_in(start, end, signals)
        return choose_sense(senses, near, sentence, written | lemmas)


def _spelled_out_beside(
    text: str, matches: Sequence[Match], glossary: Glossary, format: Format
) -> dict[int, tuple[Match, list[tuple[Entry, tuple[int, int]]]]]:
    """For each hit beside a bracket, by where it starts: the senses the text spells out there, and where.

    Read once: the definition finder needs the hits no sense explains, sense choice
    the senses spelled out, and the context the long forms' spans.
    """
    found = {}
    for match in beside_brackets(text, matches):
        spelled = [(entry, spelled_out_in(text, match, entry, format)) for entry in glossary.lookup(match.acronym)]
        found[match.start] = (match, [(entry, span) for entry, span in spelled if span is not None])
    return found


# How far before its bracket a long form with tags inside it may start, tags included (`forms.INNER_TAGS_REACH`).
MARKED_LONG_REACH: Final = 300
# What is blanked in the text around such a definition before it is read: tags, and Markdown's emphasis marks.
DEFINITION_MARKUP: Final = re.compile(r"<[^<>]*>|[*_]")
MARKUP_OR_REFERENCE: Final = re.compile(r"[<*_&]")


def _defined_through_markup(text: str, read: str, spans: Sequence[tuple[int, int]]) -> list[Definition]:
    """The definitions of the hits at `spans` that markup parts from their bracket or runs through their long form,
    read in the text around each with its tags and emphasis marks blanked, as `scan` reads them.

    `<b>GP</b> (Grants Panel)`, `**GP** (Grants Panel)`, `GP&nbsp;(Grants Panel)` and
    `Grants <span lang=EN-US>Panel</span> (GP)`: `find_definitions_near` reads a short form
    right beside its bracket, and a long form as written. `read` is the text as the
    definitions are read (character references read), with the same offsets.

    >>> text = "The <b>GP</b> (Grants Panel) and the Grants <i>Safety</i> Panel (GSP) met."
    >>> [(d.acronym, d.expansion) for d in _defined_through_markup(text, text, [(7, 9), (65, 68)])]
    [('GP', 'Grants Panel'), ('GSP', 'Grants Safety Panel')]
    """
    found = []
    for start, end in spans:
        opened = bracket_after(text, end) if text[end : end + 1] in CLOSING_STARTS else -1
        if opened != -1:  # `SF</b> (Long Form)`
            low, closing = start, text.find(")", opened, opened + MARKED_LONG_REACH)
        else:  # `Long <i>Form</i> (SF)`
            opened = bracket_before(text, start)
            low, closing = max(0, opened - MARKED_LONG_REACH), text.find(")", end, end + MARKED_LONG_REACH)
            if opened == -1 or DEFINITION_MARKUP.search(text, low, opened) is None:
                continue
        if closing == -1:
            continue
        window = DEFINITION_MARKUP.sub(lambda markup: " " * len(markup[0]), read[low : closing + 1])
        for definition in find_inline_definitions(window):
            first = min(definition.short_start, definition.long_start) + low
            last = max(definition.short_end, definition.long_end) + low
            # The hit as the short form, and markup or a reference what hid it: `PCSOs (PCSO <b>s</b>)` stays as it read
            at_hit = (definition.short_start + low, definition.short_end + low) == (start, end)
            if at_hit and MARKUP_OR_REFERENCE.search(text, first, last) is not None:
                found.append(
                    replace(
                        definition,
                        expansion=" ".join(definition.expansion.split()),
                        short_start=definition.short_start + low,
                        short_end=definition.short_end + low,
                        long_start=definition.long_start + low,
                        long_end=definition.long_end + low,
                    )
                )
    return found


def _offset(found: tuple[int, Entry]) -> int:
    return found[0]


def _document_senses(glossary: Glossary, definitions: Sequence[Definition]) -> list[tuple[int, Entry, bool]]:
    """Where the document's own definitions spell out a sense of an acronym, and whether annotation would not.

    Annotation writes `Long Form (LF)` with the glossary's spelling; any other definition is the author's.
    """
    found = []
    for definition in definitions:
        entry = _named_sense(glossary.lookup(definition.acronym), definition.expansion)
        if entry is not None:
            authored = definition.long_start > definition.short_start or definition.expansion not in (
                entry.expansion,
                entry.plural_expansion,
            )
            found.append((definition.short_start, entry, authored))
    return found


def _before_dashes(text: str, matches: Sequence[Match]) -> list[tuple[int, int]]:
    """The spans of the hits right before a dash (`CSP –`, `“CSP” —`), found from the dashes of the text.

    A text holds far fewer dashes than hits, so each dash looks up the hit before it
    (`matches` are in text order and do not overlap, so their ends are sorted too).

    >>> text = "SNP – x, the ACC and “PCC” — y"
    >>> _before_dashes(text, [Match(0, 3, "SNP"), Match(13, 16, "ACC"), Match(22, 25, "PCC")])
    [(0, 3), (22, 25)]
    """
    spans = []
    ends: list[int] | None = None  # the hits' ends, listed at the first dash: `bisect` with a key calls it per step
    for dash in dash_starts(text):
        if ends is None:
            ends = [match.end for match in matches]
        before = bisect.bisect_right(ends, dash)
        if before and dash - ends[before - 1] <= MAX_DASH_GAP:
            spans.append((matches[before - 1].start, matches[before - 1].end))
    return spans


def _after_or_marks(text: str, matches: Sequence[Match]) -> list[tuple[int, int]]:
    """The spans of the hits right after `, or ` (`, or PCC,`, `, or the “PCC”,`), found from the text's `, or `.

    Few texts hold many: each looks up the hit after it, as `_before_dashes` looks up the hit before a dash.

    >>> text = "The SNP, or “PCC”, met, or the CC"
    >>> _after_or_marks(text, [Match(4, 7, "SNP"), Match(13, 16, "PCC"), Match(31, 33, "CC")])
    [(13, 16), (31, 33)]
    """
    spans = []
    starts: list[int] | None = None  # the hits' starts, listed at the first mark
    for mark in or_marks(text):
        if starts is None:
            starts = [match.start for match in matches]
        after = or_short_start(text, mark)
        index = bisect.bisect_left(starts, after)
        if index < len(starts) and starts[index] == after:
            spans.append((matches[index].start, matches[index].end))
    return spans


def _after_lead_ins(text: str, matches: Sequence[Match]) -> list[tuple[int, int]]:
    """The spans of the hits right after a lead-in in a bracket (`(the "CSP")`), found from the lead-ins of the text.

    Such a hit is no bracket's neighbour (`beside_brackets`), but may be the short form it defines.

    >>> text = 'The Partnership (the "CSP") and (hereafter PCC)'
    >>> _after_lead_ins(text, [Match(22, 25, "CSP"), Match(43, 46, "PCC")])
    [(22, 25), (43, 46)]
    """
    spans = []
    starts: list[int] | None = None  # the hits' starts, listed at the first lead-in, as `_before_dashes` lists ends
    for at in lead_in_ends(text):
        if starts is None:
            starts = [match.start for match in matches]
        index = bisect.bisect_left(starts, at)
        if index < len(starts) and starts[index] == at:
            spans.append((matches[index].start, matches[index].end))
    return spans


def _not_split_by(text: str, definitions: list[Definition], at: int) -> list[Definition]:
    """The definitions, less those that what is appended to a page at `at` (notes, a glossary) would split.

    A page's appended blocks go before an element left open at its end (`html.Layout.body_end`): in
    `PCC's (Police and Crime Commissioners<a href="#x">)` between the brackets. The next run would
    read no definition there; this one must not either, so that annotating twice is annotating once.

    >>> from acronyms.definitions import find_inline_definitions
    >>> text = "PCC (Police and Crime Commissioner<a href='#x'>) and Safer Panel (SP)"
    >>> [definition.acronym for definition in _not_split_by(text, find_inline_definitions(text), 34)]
    ['SP']
    """
    kept = []
    for definition in definitions:
        first = min(definition.short_start, definition.long_start)
        last = max(definition.short_end, definition.long_end)
        if not (first < at and _open_at(text, last, at)):
            kept.append(definition)
    return kept


def _open_at(text: str, last: int, at: int) -> bool:
    """Whether the brackets of a definition ending at `last` are still open at `at`: no bracket closes between,
    and one closes after it, or none closes at all and the definition reaches `at`.

    Most definitions close long before `at` (a page's end): the search stops there, not at the text's end.
    """
    if any(text.find(bracket, last, at) != -1 for bracket in ")]"):
        return False
    return at <= last or any(text.find(bracket, at) != -1 for bracket in ")]")


def _definition_brackets(text: str, definitions: Sequence[Definition]) -> list[tuple[int, int, str]]:
    """Inside the brackets of a short form's definition, what lies beside the long form (`SF (Long Form)`),
    after the short form (`Long Form (SF; see X)`), or before it after a lead-in (`Long Form ("the X" or "SF")`).

    An expansion inserted there would nest brackets in the definition, which then
    no longer reads as one: the next annotation would see a different text.

    >>> text = "PCC's ( SNP PCC'sNotes)"
    >>> from acronyms.definitions import find_inline_definitions
    >>> [(text[start:end], what) for start, end, what in _definition_brackets(text, find_inline_definitions(text))]
    [('( SNP ', "the brackets that define PCC's")]
    >>> text = "Police and Crime Commissioner (PCC; see SNP)"
    >>> [(text[start:end], what) for start, end, what in _definition_brackets(text, find_inline_definitions(text))]
    [('; see SNP', 'the brackets that define PCC')]
    >>> text = 'Police and Crime Panel ("the PCC Panel" or "PCP")'
    >>> [(text[start:end], what) for start, end, what in _definition_brackets(text, find_inline_definitions(text))]
    [('("the PCC Panel" or "', 'the brackets that define PCP'), ('"', 'the brackets that define PCP')]
    """
    spans = []
    closing = [NextOf(text, bracket) for bracket in ")]"]  # the definitions come in text order: read the text once
    for definition in definitions:
        if named_after_comma(text, definition):  # `Long Form, or SF,`: no brackets
            continue
        label = f"the brackets that define {definition.short_text}"
        if definition.short_end > definition.long_start:  # `Long Form (SF)`, `Long Form (SF; see X)`: after SF
            after = definition.short_end
            opened = lead_in_before(text, definition.short_start, definition.short_end)
            if opened is not None:  # `Long Form ("the Panel" or "SF")`: before SF too
                spans.append((opened, definition.short_start, label))
        else:  # `SF (Long Form)`: before the long form and after it
            opened = max(text.rfind(bracket, definition.short_end, definition.long_start) for bracket in "([")
            if opened < 0:  # `SF – Long Form –`: no brackets
                continue
            spans.append((opened, definition.long_start, label))
            after = definition.long_end
        closes = [at for at in (bracket.at_or_after(after) for bracket in closing) if at >= 0]
        if closes and (closed := min(closes)) > after:
            spans.append((after, closed, label))
    return spans


def _tooltip_long_forms(text: str) -> list[tuple[int, int, str]]:
    """Long forms spelled out before a tooltip, as the tooltip style writes them: `Long Form (<abbr title=…>LF</abbr>)`.

    >>> page = '<p>National ANPR Data Centre (<abbr title="National ANPR Data Centre">NADC</abbr>)</p>'
    >>> [(page[start:end], what) for start, end, what in _tooltip_long_forms(page)]
    [('National ANPR Data Centre', 'the long form of NADC')]
    """
    spans = []
    for start, end, title in html.layout(text).abbreviations:
        if text[start - 1 : start] != "(":
            continue
        long = escape(title, Format.HTML)
        long_end = start - 1
        while long_end > max(0, start - 1 - BRACKET_GAP) and text[long_end - 1].isspace():
            long_end -= 1
        if text[max(0, long_end - len(long)) : long_end].casefold() == long.casefold():
            acronym = text[text.index(">", start) + 1 : text.rindex("<", start, end)]
            spans.append((long_end - len(long), long_end, f"the long form of {acronym}"))
    return spans


def spelled_out_in(text: str, match: Match, entry: Entry, format: Format) -> tuple[int, int] | None:
    """`forms.spelled_out`, also for the long form as annotation writes it in `format` (escaped).

    >>> text = "Ethics &amp; Audit Panel (EAP)"
    >>> spelled_out_in(text, Match(26, 29, "EAP"), Entry("EAP", "Ethics & Audit Panel"), Format.HTML)
    (0, 24)
    """
    if not beside_bracket(text, match):
        return None
    found = spelled_out(text, match, entry)
    if found is None and format is not Format.TEXT:
        written = written_long_form(entry, text, match, format)
        found = spelled_out_as(text, match, written)
        if found is None and format is Format.HTML:
            reach = len(written) * REFERENCE_GROWTH
            near = text[max(0, match.start - reach) : match.end + reach]
            if "&#" in near:
                found = spelled_out_as(text, match, as_references_in(written, near))
    return found


# How many characters a decimal character reference takes for one, at most: `&#1114111;`.
REFERENCE_GROWTH: Final = 10


def as_references_in(long: str, near: str) -> str:
    """`long` with each character outside ASCII that `near` writes as a decimal reference written so.

    As the command line writes an HTML page in an encoding that lacks a character of an expansion.

    >>> as_references_in("Māori Wardens", "The M&#257;ori Wardens (MW)")
    'M&#257;ori Wardens'
    """
    return "".join(
        reference if not char.isascii() and (reference := f"&#{ord(char)};") in near else char for char in long
    )


def _markup_spans(text: str, format: Format) -> list[tuple[int, int]]:
    """HTML tags and comments: their words (attribute values, tooltips) are not context."""
    return list(html.layout(text).markup) if format is Format.HTML else []


def _marker(options: Options) -> re.Pattern[str] | None:
    """What a footnote marker that an earlier annotation put after an acronym looks like, in the footnote style."""
    if options.style is not Style.FOOTNOTE:
        return None
    return {Format.MARKDOWN: MARKDOWN_MARKER, Format.HTML: HTML_MARKER}.get(options.format, TEXT_MARKER)


def _markup_near(text: str, format: Format, protected: Sequence[tuple[int, int, str]]) -> list[tuple[int, int]]:
    """The spans that `without_tags` blanks (everywhere, in HTML), sorted: prose differs from the text only there."""
    if "<" not in text:
        return []
    if format is Format.HTML:
        return [(0, len(text))]
    return sorted((start, end) for start, end, kind in protected if kind in MARKUP_KINDS)
