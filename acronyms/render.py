"""Applying a plan: insert expansions, footnote markers or tooltips, and nothing else.

Rendering only ever inserts text; every character of the original stays where
it was relative to its neighbours. `Annotation.insertions` lists what was
inserted, at offsets into the original text, so the original can be recovered.
The one exception is `--glossary-section replace`, which rewrites the rows of
the document's glossary section and records it in `Annotation.replacements`
(see `acronyms.edits.restore`). HTML footnotes are in `acronyms.html_footnotes`,
tooltips in `acronyms.tooltips`, the generated glossary in `acronyms.generate`.

>>> from acronyms.glossary import Entry, Glossary
>>> from acronyms.planner import Options, Style, plan
>>> g = Glossary.from_entries([Entry("SNP", "Safer Neighbourhood Panel")])
>>> render("SNPs met.", plan("SNPs met.", g)).text
'Safer Neighbourhood Panels (SNPs) met.'
>>> footnotes = Options(style=Style.FOOTNOTE)
>>> print(render("SNP met.", plan("SNP met.", g, footnotes), footnotes).text)
SNP[1] met.
<BLANKLINE>
Notes
<BLANKLINE>
[1] SNP: Safer Neighbourhood Panel
<BLANKLINE>
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import repeat
from typing import Final

from .edits import Insertion, Replacement, apply_edits, by_offset, line_ending
from .escaping import escape
from .footnotes import NOTES_HEADING, Footnotes, LinkTexts
from .forms import WORD_SEPARATOR_STARTS, inline_long_form, long_form, without_written_ending
from .generate import glossary_edits
from .html_footnotes import footnote_insertions
from .matcher import Form, tuple_maker
from .planner import DEFAULT_OPTIONS, Action, Decision, Options, Plan, Style
from .positions import lf_view
from .regions import Format, unclosed_fence
from .tooltips import tooltip_insertions

__all__ = ["Annotation", "Insertion", "Replacement", "escape", "line_ending", "render"]


@dataclass(frozen=True)
class Annotation:
    """The annotated text, what was inserted (or replaced) where, and the decisions behind it."""

    text: str
    insertions: tuple[Insertion, ...]
    decisions: tuple[Decision, ...]
    replacements: tuple[Replacement, ...] = ()


def render(text: str, plan: Plan, options: Options = DEFAULT_OPTIONS) -> Annotation:
    """Apply `plan` to `text` in the chosen style, then add the generated glossary if asked.

    At the end of the document the glossary comes before notes and abbreviation lines; in Markdown
    that ends inside an unclosed code block, they come after a closing fence added for them.
    """
    if options.style is Style.TOOLTIP:
        body, trailer = tooltip_insertions(text, plan, options)
    elif options.style is Style.FOOTNOTE and options.format is Format.HTML:
        body, trailer = footnote_insertions(text, plan)
    elif options.style is Style.FOOTNOTE:
        body, trailer = _footnotes(text, plan, options)
    else:
        body, trailer = _inline(text, plan, options), []
    glossary, replacements = glossary_edits(text, plan, options)
    closing = _closing_fence(text, [*glossary, *trailer], options)
    insertions = sorted([*body, *closing, *glossary, *trailer], key=by_offset)
    return Annotation(
        apply_edits(text, insertions, replacements), tuple(insertions), plan.decisions, tuple(replacements)
    )


def _closing_fence(text: str, appended: list[Insertion], options: Options) -> list[Insertion]:
    """A fence that closes the code block a Markdown text ends in, when something is appended at the end."""
    end = len(text)
    if options.format is not Format.MARKDOWN or all(insertion.offset != end for insertion in appended):
        return []
    fence = unclosed_fence(lf_view(text))
    if fence is None:
        return []
    newline = line_ending(text)
    ends_with_newline = text.endswith(("\n", "\r"))  # what follows is written for a text ending as this one does
    return [Insertion(end, ("" if ends_with_newline else newline) + fence + (newline if ends_with_newline else ""))]


def _inline(text: str, plan: Plan, options: Options) -> list[Insertion]:
    """`Long Form (` before each expanded use and `)` after it, in text order.

    The loop only gathers offsets and long forms; the insertions are built from them
    by `map` in C, two per expansion (a fifth less time than building each in the loop).
    """
    starts: list[int] = []
    ends: list[int] = []
    longs: list[str] = []
    expand, base, plain = Action.EXPAND, Form.BASE, options.format is Format.TEXT
    separators = WORD_SEPARATOR_STARTS
    for match, action, _, entry in plan.decisions:
        if action is expand and entry is not None:
            if match.form is base:  # the common case first
                long = entry.expansion if plain else escape(entry.expansion, options.format)
                # `PACE 1984`: the year is written already (only a long form ending in a number loses its ending)
                if long[-1:].isdigit() and text[match.end : match.end + 1] in separators:
                    long = without_written_ending(long, text, match.end)
            else:
                long = long_form(entry, text, match) if plain else inline_long_form(entry, text, match, options.format)
            starts.append(match.start)
            ends.append(match.end)
            longs.append(long)
    insertion = tuple_maker(Insertion)
    insertions: list[Insertion] = [Insertion(0, "")] * (2 * len(starts))
    insertions[0::2] = map(insertion, zip(starts, map(OPENING.format, longs)))
    insertions[1::2] = map(insertion, zip(ends, repeat(CLOSING)))
    return insertions


OPENING: Final = "{} ("  # what the inline style writes before an expanded acronym, with its long form
CLOSING: Final = ")"  # and after it


def _footnotes(text: str, plan: Plan, options: Options) -> tuple[list[Insertion], list[Insertion]]:
    """Markers beside the expanded uses and the notes to add, on numbers or labels the text does not use yet.

    See `acronyms.footnotes`: an acronym whose note annotation wrote before shares that note. In Markdown
    a marker for an acronym in a link's text goes after the link: a footnote reference is a link too.
    """
    markdown = options.format is Format.MARKDOWN
    footnotes = plan.footnotes if plan.footnotes is not None else Footnotes()
    numbers = dict(footnotes.notes.numbers) if footnotes.notes is not None else {}
    free = footnotes.free_numbers()
    allocated: set[str] = set()  # Markdown labels given out in this run, case-folded
    labels: dict[str, str] = {}  # acronym: its label, `SNP` or `SNP-2` in Markdown, the number in plain text
    new_notes: list[str] = []
    insertions = []
    links = LinkTexts(text) if markdown else None  # a marker for an acronym in a link's text goes after the link
    for decision in plan.decisions:
        if decision.action is not Action.EXPAND or decision.entry is None:
            continue
        acronym = decision.match.acronym
        if acronym not in labels:
            expansion = escape(decision.entry.expansion, options.format)
            if markdown:
                labels[acronym], new = footnotes.label_for(acronym, expansion, allocated)
                if new:
                    new_notes.append(f"[^{labels[acronym]}]: {expansion}")
            else:
                if acronym not in numbers:
                    numbers[acronym] = next(free)
                    new_notes.append(f"[{numbers[acronym]}] {acronym}: {expansion}")
                labels[acronym] = str(numbers[acronym])
        if markdown:
            end = links.end_of_link_at(decision.match.start, decision.match.end) if links is not None else None
            insertions.append(Insertion(decision.match.end if end is None else end, f"[^{labels[acronym]}]"))
        else:
            insertions.append(Insertion(decision.match.end, f"[{labels[acronym]}]"))
    if not new_notes:
        return insertions, []
    return insertions, [Insertion(len(text), _notes_text(text, new_notes, markdown, footnotes.notes is not None))]


def _notes_text(text: str, lines: list[str], markdown: bool, extend: bool) -> str:
    newline = line_ending(text)
    head = "" if not text or text.endswith(("\n", "\r")) else newline
    if not (extend or markdown):
        head += newline + NOTES_HEADING + newline
    if not extend:
        head += newline
    return head + newline.join(lines) + newline
