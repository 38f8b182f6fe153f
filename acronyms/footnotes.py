"""The footnotes a text already has: which are annotation's own, and which numbers or labels new ones may take.

A new footnote never takes a number or label the author uses, and annotation
knows its own notes again, so annotating twice equals annotating once.

Plain text: a row `[n] ACRONYM: …` in the `Notes` list that ends the text is
annotation's own, and so is a marker `[n]` right after that acronym. A new
note takes the lowest number not written as `[n]` anywhere in the text.

Markdown: a definition `[^LABEL]: …` whose text is an expansion as annotation
writes it (escaped) is annotation's own, and so is a reference to it right
after the acronym. A new note takes the label `ACRONYM`, else `ACRONYM-2`,
`ACRONYM-3`, …: the first that no footnote reference or definition of the text
uses (labels compared regardless of case) or that is already annotation's own
note with the same text.

>>> footnotes = markdown_footnotes("Intro[^SNP]\\n\\nThe SNP met.\\n\\n[^SNP]: An author note\\n")
>>> footnotes.label_for("SNP", "Safer Neighbourhood Panel", set())
('SNP-2', True)
>>> next(text_footnotes("See the report[1].").free_numbers())
2
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from html import unescape
from typing import Final

from . import html
from .context import REFERENCE
from .definitions import Definition, DefinitionKind
from .escaping import escape
from .glossary import Entry
from .regions import Format

NOTES_HEADING: Final = "Notes"
TEXT_MARKER: Final = re.compile(r"\[(\d+)\]")
MARKDOWN_MARKER: Final = re.compile(r"\[\^([^\]\s]+)\]")
# The notes list that ends a plain text, from its heading: the heading, a blank line, the rows.
_NOTES_LIST: Final = rf"{NOTES_HEADING}[ \t]*(?:\r?\n|\r)(?:[ \t]*(?:\r?\n|\r))?(?:\[\d+\] [^\r\n]*(?:\r?\n|\r|\Z))+\Z"
NOTES_LIST: Final = re.compile(_NOTES_LIST)
NOTE_LINE: Final = re.compile(r"^\[(\d+)\] (\S+?):", re.MULTILINE)
MARKDOWN_DEFINITION: Final = re.compile(r"^[ ]{0,3}\[\^([^\]\s]+)\]:[ \t]*([^\r\n]*?)[ \t]*\r?$", re.MULTILINE)
NOTE_ROW: Final = re.compile(r"^\[\d+\] (\S+?): ([^\r\n]*?)[ \t]*\r?$", re.MULTILINE)
HTML_NOTE: Final = re.compile(r'<li\b[^>]*\bid="acronym-note-[^"]+"[^>]*>([^<:]+): ([^<]*?)\s*(?=<)')
# A Markdown link or image, `[text](target "title")`, `[text][label]` or `[text][]`: its text (one level of brackets
# inside it, as an image in a link), and what follows it. Not a footnote reference `[^label]`, nor a shortcut reference
# `[text]`, which cannot be told from text in brackets (and a marker after it, `[text][^SNP]`, would read as a link).
MARKDOWN_LINK: Final = re.compile(
    r"(?<!\\)\[(?!\^)(?P<text>(?:[^\[\]\n]|\n(?![ \t]*\r?\n)|\[[^\[\]\n]*\])*)\]"
    r"(?:\([^)\s]*(?:\s+\"[^\"]*\")?\)|\[(?!\^)[^\]\n]*\])"
)
LABEL_NUMBER: Final = re.compile(r"-\d+\Z")  # `SNP-2`: the label of a second note for `SNP`
# What may come between an acronym and its note's reference: closing emphasis or a closing tag, then a plural or
# possessive ending: `PCSOs[^PCSO]`, `PCC&rsquo;s[^PCC]`, `**PCC**'s[^PCC]`.
ENDING_BEFORE: Final = re.compile(
    rf"(?:[*_]{{1,3}}|</[A-Za-z][A-Za-z0-9]*>)?(?:s|s?(?:['\u2019]|{REFERENCE.pattern})s?)?\Z"
)
ENDING_REACH: Final = 90  # a closing tag, `s`, the longest reference (`context.REFERENCE_REACH`) and `s`
NOTE_CONFIDENCE: Final = 1.0  # a note says outright what the acronym means
MAX_DIGITS: Final = 9  # a longer `[n]` cannot be the lowest free number: that would take a billion notes before it


@dataclass(frozen=True)
class NotesBlock:
    """A plain-text notes list that an earlier footnote annotation appended."""

    start: int
    numbers: dict[str, int]


@dataclass(frozen=True)
class Footnotes:
    """What a text's footnotes already use (plain text: numbers; Markdown: labels) and which notes are annotation's.

    `notes`: the plain-text notes list. `numbers`: every number written `[n]`.
    `labels`: every Markdown footnote label referred to or defined, case-folded.
    `definitions`: each defined label (case-folded) and the text of its note.
    """

    notes: NotesBlock | None = None
    numbers: frozenset[int] = frozenset()
    labels: frozenset[str] = frozenset()
    definitions: dict[str, str] = field(default_factory=dict)

    def is_own(self, acronym: str, label: str, senses: Sequence[Entry]) -> bool:
        """Whether the marker `label` after `acronym` refers to a note annotation wrote for it."""
        if self.notes is not None:
            return str(self.notes.numbers.get(acronym)) == label
        text = self.definitions.get(label.casefold())
        return text is not None and any(text == escape(sense.expansion, Format.MARKDOWN) for sense in senses)

    def free_numbers(self) -> Iterator[int]:
        """The numbers a new plain-text note may take, lowest first."""
        return (number for number in itertools.count(1) if number not in self.numbers)

    def label_for(self, acronym: str, text: str, allocated: set[str]) -> tuple[str, bool]:
        """The Markdown label for `acronym`'s note, `text`, and whether its definition is still to be written.

        `allocated` holds the labels (case-folded) already given out in this run; a new label is added to it.
        """
        for label in numbered(acronym):
            key = label.casefold()
            if key in allocated:
                continue
            if self.definitions.get(key) == text:
                return label, False
            if key not in self.labels:
                allocated.add(key)
                return label, True
        raise AssertionError("unreachable: numbered labels never run out")


class LinkTexts:
    """Where the text of each Markdown link lies, and where the link ends: a footnote marker goes after it.

    A marker inside the text would make a link inside a link (`<a>` in `<a>`).

    >>> text = "See [the SNP](https://x.org/SNP) and [it][ref]."
    >>> links = LinkTexts(text)
    >>> links.end_of_link_at(9, 12), links.end_of_link_at(18, 21)
    (32, None)
    """

    def __init__(self, text: str) -> None:
        self.starts: list[int] = []
        self.text_ends: list[int] = []
        self.ends: list[int] = []
        for link in MARKDOWN_LINK.finditer(text):
            self.starts.append(link.start("text"))
            self.text_ends.append(link.end("text"))
            self.ends.append(link.end())

    def end_of_link_at(self, start: int, end: int) -> int | None:
        """Where the link whose text holds `[start, end)` ends, or None when no link text holds it."""
        index = bisect.bisect_right(self.starts, start) - 1
        return self.ends[index] if index >= 0 and end <= self.text_ends[index] else None


def markers_at(text: str, offset: int) -> Iterator[re.Match[str]]:
    """The Markdown footnote references written one after another from `offset`: `[^SNP][^PCC]`."""
    marker = MARKDOWN_MARKER.match(text, offset)
    while marker is not None:
        yield marker
        marker = MARKDOWN_MARKER.match(text, marker.end())


def numbered(key: str) -> Iterator[str]:
    """`key`, then `key-2`, `key-3`, …: the names a second, third, … note for one acronym takes.

    >>> list(itertools.islice(numbered("SNP"), 3))
    ['SNP', 'SNP-2', 'SNP-3']
    """
    yield key
    for number in itertools.count(2):
        yield f"{key}-{number}"


def text_footnotes(text: str) -> Footnotes:
    """The numbers a plain text uses, and the notes list an earlier annotation appended to it."""
    numbers = frozenset(int(found) for found in TEXT_MARKER.findall(text) if len(found) <= MAX_DIGITS)
    return Footnotes(find_notes(text), numbers)


def find_notes(text: str) -> NotesBlock | None:
    """The notes list a plain-text footnote annotation appended, if the text ends with one.

    Found without trying a pattern at every position of a long text (that took 1.6 s on 20 MB):
    the list runs to the end of the text and its rows start with `[`, so its heading can only be
    the last line that starts with `Notes`, and the list starts at the line breaks before it.

    >>> find_notes("The SNP[1] met.\\n\\nNotes\\n\\n[1] SNP: Safer Neighbourhood Panel\\n")
    NotesBlock(start=15, numbers={'SNP': 1})
    """
    heading = len(text)
    while True:
        heading = text.rfind(NOTES_HEADING, 0, heading)
        if heading == -1:
            return None
        if heading == 0 or text[heading - 1] == "\n":
            break
    if NOTES_LIST.match(text, heading) is None:
        return None
    start = heading
    while start and text[start - 1] in "\r\n":
        start -= 1
    rows = NOTE_LINE.findall(text, start)
    return NotesBlock(start, {acronym: int(number) for number, acronym in rows if len(number) <= MAX_DIGITS})


def markdown_footnotes(text: str) -> Footnotes:
    """The footnote labels a Markdown text refers to or defines, and the text of each definition.

    Code is read too: a label shown there is kept free of annotation's notes, and a
    definition annotation appended after an unclosed code fence is still its own.
    """
    if "[^" not in text:  # the common case: no footnote (the line patterns below try every position)
        return Footnotes()
    labels = frozenset(label.casefold() for label in MARKDOWN_MARKER.findall(text))
    definitions: dict[str, str] = {}
    for label, note in MARKDOWN_DEFINITION.findall(text):
        definitions.setdefault(label.casefold(), note)  # the first definition of a label is the one that counts
    return Footnotes(labels=labels, definitions=definitions)


def note_definitions(text: str, format: Format) -> list[Definition]:
    """The notes an earlier footnote annotation wrote, as definitions of their acronyms located in the text.

    Plain text: the rows of the notes list that ends the text. Markdown: a definition
    `[^SNP]: …` (or `[^SNP-2]: …`) that `SNP[^SNP]` refers to. HTML: the items of the
    notes list marked `data-acronyms="notes"`.

    >>> [(d.acronym, d.expansion) for d in note_definitions("SNP[^SNP]\\n\\n[^SNP]: Safer Panel\\n", Format.MARKDOWN)]
    [('SNP', 'Safer Panel')]
    """
    if format is Format.TEXT:
        notes = find_notes(text)
        rows = NOTE_ROW.finditer(text, notes.start) if notes is not None else iter(())
        return [_note(text, row.start(1), row.end(1), row.start(2), row.end(2), row[1]) for row in rows]
    return _markdown_notes(text) if format is Format.MARKDOWN else _html_notes(text)


def _markdown_notes(text: str) -> list[Definition]:
    """Definitions `[^SNP]: …` or `[^SNP-2]: …` that a reference right after the acronym, `SNP[^SNP]`, points to.

    Or right after a link whose text holds the acronym, `[the SNP](url)[^SNP]`, as annotation writes it there.
    """
    if "[^" not in text:  # no footnote at all, and `MARKDOWN_DEFINITION` would try every position to find none
        return []
    glued = {
        (name, reference[1])
        for reference in MARKDOWN_MARKER.finditer(text)
        for name in (reference[1], LABEL_NUMBER.sub("", reference[1]))
        if _written_before(text, name, reference.start())
    }
    if "](" in text or "][" in text:
        glued |= _after_links(text)
    found = []
    for note in MARKDOWN_DEFINITION.finditer(text):
        label, start = note[1], note.start(1)
        acronym = next((name for name in (label, LABEL_NUMBER.sub("", label)) if (name, label) in glued), None)
        if acronym is not None and note[2]:
            found.append(_note(text, start, start + len(acronym), note.start(2), note.end(2), acronym))
    return found


def _written_before(text: str, name: str, end: int) -> bool:
    """True when `name` ends at `end`, or its plural or possessive does, maybe after markup (`ENDING_BEFORE`).

    >>> _written_before("PCSOs’", "PCSO", 6), _written_before("PCC&#8217;s", "PCC", 11), _written_before("PCCX", "PCC", 4)
    (True, True, False)
    >>> _written_before("**PCC**'s", "PCC", 9), _written_before("<b>PCC</b>", "PCC", 10)
    (True, True)
    """
    if text.endswith(name, 0, end):
        return True
    ending = ENDING_BEFORE.search(text, max(0, end - ENDING_REACH), end)
    return ending is not None and ending.start() < end and text.endswith(name, 0, ending.start())


def _after_links(text: str) -> set[tuple[str, str]]:
    """`(acronym, label)` for each reference after a link whose text holds the acronym as a word."""
    found = set()
    for link in MARKDOWN_LINK.finditer(text):
        for marker in markers_at(text, link.end()):
            for name in (marker[1], LABEL_NUMBER.sub("", marker[1])):
                if re.search(rf"(?<!\w){re.escape(name)}(?!\w)", link["text"]):
                    found.add((name, marker[1]))
    return found


def _html_notes(text: str) -> list[Definition]:
    """The items of the notes list marked `data-acronyms="notes"`: `<li id="acronym-note-SNP">SNP: …`."""
    notes = html.layout(text).generated_span("notes")
    items = HTML_NOTE.finditer(text, *notes) if notes is not None else iter(())
    return [_note(text, item.start(1), item.end(1), item.start(2), item.end(2), unescape(item[1])) for item in items]


def _note(text: str, short_start: int, short_end: int, long_start: int, long_end: int, acronym: str) -> Definition:
    return Definition(
        acronym=acronym,
        expansion=text[long_start:long_end],
        kind=DefinitionKind.FOOTNOTE,
        short_start=short_start,
        short_end=short_end,
        long_start=long_start,
        long_end=long_end,
        short_text=text[short_start:short_end],
        confidence=NOTE_CONFIDENCE,
    )
