"""Headings: where sections start (`--first-use section`) and what `--skip-headings` leaves alone.

- Markdown: ATX headings (`## Force Performance`) and setext headings (a line
  underlined with `===` or `---`), but not lines inside code or front matter.
- HTML: the `<h1>`…`<h6>` elements.
- Plain text: a short line standing alone between blank lines (or at the start
  or end of the text) that does not end like a sentence: `Glossary`,
  `- **Vehicle Crime**`, `PUBLIC PERFORMANCE MEETING`.

>>> text = "# Minutes\\n\\nSNP met.\\n\\nFinance\\n=======\\n\\nSNP again.\\n"
>>> [text[start:end] for start, end in heading_spans(text, Format.MARKDOWN)]
['# Minutes', 'Finance\\n=======']
>>> minutes = "Minutes\\n\\nSNP met.\\n\\n- **Vehicle Crime**\\n\\nCC thefts.\\n"
>>> [minutes[start:end] for start, end in heading_spans(minutes, Format.TEXT)]
['Minutes', '- **Vehicle Crime**']
"""

from __future__ import annotations

import itertools
import re

from . import html
from .regions import Format, Spans, protected_spans

ATX = re.compile(r"^[ ]{0,3}#{1,6}(?=[ \t]|\r?$)[^\n]*?(?=\r?$)", re.MULTILINE)
SETEXT = re.compile(r"^[ ]{0,3}\S[^\n]*\n[ ]{0,3}(?:=+|-+)[ \t]*?(?=\r?$)", re.MULTILINE)
# A plain-text heading is a line of at most this many characters: a title, not a sentence
# (the sample minutes' headings, "Glossary" and "- **Missing Persons**", are far shorter).
MAX_TEXT_HEADING_CHARS = 60
# A line from its start, less the spaces and tabs around it, of at most `MAX_TEXT_HEADING_CHARS` (a longer one is no
# heading, so it is read no further): the first line of a text, and, after its line feed, each later one. Starting
# with the line feed, the search skips to each fast (one starting with a look back tried every position).
TEXT_LINE = re.compile(rf"[ \t]*(?P<line>[^\s][^\r\n]{{0,{MAX_TEXT_HEADING_CHARS - 1}}}?)[ \t]*(?=\r?\n|\r|\Z)")
LATER_TEXT_LINE = re.compile("\n" + TEXT_LINE.pattern)
SENTENCE_END = tuple(".,;:!?")
BLANK_AFTER = re.compile(r"[ \t]*(?:(?:\r?\n|\r)[ \t]*(?:\r?\n|\r|\Z)|\Z)")


def heading_spans(text: str, format: Format) -> list[tuple[int, int]]:
    """Sorted `(start, end)` spans of the headings of `text`."""
    if format is Format.HTML:
        return sorted(html.layout(text).headings)
    if format is Format.MARKDOWN:
        return _markdown_headings(text)
    return _text_headings(text)


def _markdown_headings(text: str) -> list[tuple[int, int]]:
    code = Spans([span for span in protected_spans(text, Format.MARKDOWN) if span[2] != "an HTML tag"])
    found = [match.span() for pattern in (ATX, SETEXT) for match in pattern.finditer(text)]
    return sorted(span for span in found if code.overlapping(span[0], span[0] + 1) is None)


def _text_headings(text: str) -> list[tuple[int, int]]:
    headings = []
    first = TEXT_LINE.match(text)
    for match in itertools.chain([first] if first else [], LATER_TEXT_LINE.finditer(text)):
        line = match["line"]
        if line.endswith(SENTENCE_END) or not any(c.isalpha() for c in line):
            continue
        line_start = 0 if match is first else match.start() + 1  # after the line feed
        if _blank_before(text, line_start) and _blank_after(text, match.end()):
            headings.append(match.span("line"))
    return headings


def _blank_before(text: str, start: int) -> bool:
    if start == 0:
        return True
    previous = text[text.rfind("\n", 0, start - 1) + 1 : start - 1]
    return not previous.strip()


def _blank_after(text: str, end: int) -> bool:
    return BLANK_AFTER.match(text, end) is not None


def section_starts(text: str, format: Format) -> list[int]:
    """Where each section starts: 0, then every heading.

    >>> section_starts("<p>a</p><h2>B</h2>", Format.HTML)
    [0, 8]
    """
    return [0, *(start for start, _ in heading_spans(text, format) if start > 0)]
