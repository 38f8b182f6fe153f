"""Applying a plan: insert expansions or footnote markers, and nothing else.

Rendering only ever inserts text; every character of the original stays where
it was relative to its neighbours. `Annotation.insertions` lists what was
inserted, at offsets into the original text, so the original can be recovered.

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

import re
from dataclasses import dataclass

from .forms import long_form
from .planner import NOTES_HEADING, Action, Decision, Options, Plan, Style
from .regions import Format

MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>])")


@dataclass(frozen=True)
class Insertion:
    """Text inserted at `offset` in the original text."""

    offset: int
    text: str


@dataclass(frozen=True)
class Annotation:
    """The annotated text, what was inserted where, and the decisions behind it."""

    text: str
    insertions: tuple[Insertion, ...]
    decisions: tuple[Decision, ...]


def render(text: str, plan: Plan, options: Options = Options()) -> Annotation:
    """Apply `plan` to `text` in the chosen style."""
    if options.style is Style.FOOTNOTE:
        insertions = _footnotes(text, plan, options)
    else:
        insertions = _inline(text, plan, options)
    return Annotation(apply(text, insertions), tuple(insertions), plan.decisions)


def apply(text: str, insertions: list[Insertion]) -> str:
    """Insert each insertion (sorted by offset, stable) into `text`.

    >>> apply("ab", [Insertion(1, "-"), Insertion(2, "!")])
    'a-b!'
    """
    pieces = []
    previous = 0
    for insertion in insertions:
        pieces.append(text[previous : insertion.offset])
        pieces.append(insertion.text)
        previous = insertion.offset
    pieces.append(text[previous:])
    return "".join(pieces)


def escape(text: str, format: Format) -> str:
    """Make inserted text literal in the document's format.

    >>> escape("A_B <C>", Format.MARKDOWN)
    'A\\\\_B \\\\<C\\\\>'
    """
    return MARKDOWN_SPECIAL.sub(r"\\\1", text) if format is Format.MARKDOWN else text


def _inline(text: str, plan: Plan, options: Options) -> list[Insertion]:
    insertions = []
    for decision in plan.decisions:
        if decision.action is Action.EXPAND and decision.entry is not None:
            long = escape(long_form(decision.entry, text, decision.match), options.format)
            insertions.append(Insertion(decision.match.start, f"{long} ("))
            insertions.append(Insertion(decision.match.end, ")"))
    return insertions


def _footnotes(text: str, plan: Plan, options: Options) -> list[Insertion]:
    markdown = options.format is Format.MARKDOWN
    numbers = dict(plan.notes.numbers) if plan.notes else {}
    new_notes: list[tuple[str, str]] = []
    insertions = []
    for decision in plan.decisions:
        if decision.action is not Action.EXPAND or decision.entry is None:
            continue
        acronym = decision.match.acronym
        if acronym not in numbers:
            numbers[acronym] = max(numbers.values(), default=0) + 1
            new_notes.append((acronym, escape(decision.entry.expansion, options.format)))
        label = f"^{acronym}" if markdown else str(numbers[acronym])
        insertions.append(Insertion(decision.match.end, f"[{label}]"))
    if new_notes:
        insertions.append(Insertion(len(text), _notes_text(text, new_notes, numbers, markdown, plan.notes is not None)))
    return insertions


def _notes_text(text: str, notes: list[tuple[str, str]], numbers: dict[str, int], markdown: bool, extend: bool) -> str:
    newline = line_ending(text)
    if markdown:
        lines = [f"[^{acronym}]: {expansion}" for acronym, expansion in notes]
    else:
        lines = [f"[{numbers[acronym]}] {acronym}: {expansion}" for acronym, expansion in notes]
    head = "" if not text or text.endswith(("\n", "\r")) else newline
    if not (extend or markdown):
        head += newline + NOTES_HEADING + newline
    if not extend:
        head += newline
    return head + newline.join(lines) + newline


def line_ending(text: str) -> str:
    """The text's line ending: CRLF, CR or LF (the default for a text without any).

    >>> line_ending("a\\r\\nb"), line_ending("a")
    ('\\r\\n', '\\n')
    """
    if "\r\n" in text:
        return "\r\n"
    return "\r" if "\r" in text else "\n"
