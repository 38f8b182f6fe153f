"""Line and column numbers for offsets into a text.

CR LF, a lone CR (old Mac files) and LF each end a line.

>>> index = LineIndex("ab\\r\\ncd\\nef\\rg")
>>> index.position(0), index.position(4), index.position(8), index.position(10)
((1, 1), (2, 1), (3, 2), (4, 1))
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from typing import Final

LINE_BREAK: Final = re.compile(r"\r\n?|\n")
PARAGRAPH_BREAK: Final = re.compile(r"\n[ \t]*\r?\n")  # a blank line: paragraphs end there
LONE_CR: Final = re.compile(r"\r(?!\n)")


def has_lone_cr(text: str) -> bool:
    """True when some CR in `text` is not followed by LF (so counting LFs alone would miss line breaks)."""
    return "\r" in text and text.count("\r") != text.count("\r\n")


def finds(text: str, literal: str, start: int = 0) -> Iterator[int]:
    """Every offset from `start` on where `literal` occurs in `text` (overlapping ones too), by `str.find`: memchr speed.

    >>> list(finds("a@b@@c", "@")), list(finds("a@b@@c", "@", 2))
    ([1, 3, 4], [3, 4])
    """
    at = text.find(literal, start)
    while at != -1:
        yield at
        at = text.find(literal, at + 1)


class NextOf:
    """Where `literal` next occurs in `text` at or after each offset asked about, each search reusing the last.

    Asked in increasing order, the searches read the text about once between them: an answer
    at or past the next offset asked about (or none at all) answers that question too. Asking
    `str.find` afresh for each would read to the end of the text every time the literal is absent.

    >>> closing = NextOf("(a) (b)", ")")
    >>> closing.at_or_after(0), closing.at_or_after(2), closing.at_or_after(3), closing.at_or_after(7)
    (2, 2, 6, -1)
    """

    def __init__(self, text: str, literal: str) -> None:
        self.text, self.literal = text, literal
        self._asked = len(text) + 1  # the offset of the last search (none yet)
        self._found = -1  # and what it found

    def at_or_after(self, offset: int) -> int:
        """The first offset at or after `offset` where `literal` starts, or -1."""
        if not (self._asked <= offset and (self._found == -1 or self._found >= offset)):
            self._asked, self._found = offset, self.text.find(self.literal, offset)
        return self._found


def lf_view(text: str) -> str:
    """`text` with each lone CR read as LF: for the readers that split lines and paragraphs on LF.

    The view has the same length, so its offsets index `text`; CR LF stays as it is, so a
    mixed file reads as CR LF and LF lines, which those readers handle. A text with no lone
    CR (nearly every one) is returned as it is, after one search for a CR.

    >>> lf_view("Minutes\\r\\rSNP\\r\\n")
    'Minutes\\n\\nSNP\\r\\n'
    """
    if not has_lone_cr(text):
        return text
    return text.replace("\r", "\n") if "\r\n" not in text else LONE_CR.sub("\n", text)


def breaks_between(text: str, start: int, end: int) -> int:
    """How many line breaks end in `text[start:end]` (a CR LF split by `end` ends after it, so does not count)."""
    found = text.count("\n", start, end) + text.count("\r", start, end) - text.count("\r\n", start, end)
    if start < end and text[end - 1] == "\r" and text[end : end + 1] == "\n":
        found -= 1
    return found


def line_at(text: str, offset: int) -> int:
    """The 1-based line of one `offset` (for one question: `LineIndex` or `LineCounter` answer many).

    >>> line_at("a\\rThe SNP met.\\rxx", 6)
    2
    """
    return breaks_between(text, 0, offset) + 1


class LineIndex:
    """Maps an offset to a 1-based (line, column); columns count characters.

    A byte-order mark at the text's start is no column, as editors show none and the command
    line drops it on reading: the library's column for a text that keeps it is the same.

    >>> LineIndex("\ufeffThe PCSO").position(5), LineIndex("The PCSO").position(4)
    ((1, 5), (1, 5))
    """

    def __init__(self, text: str) -> None:
        self.starts = [0]
        self.bom = text.startswith("\ufeff")
        if has_lone_cr(text):
            self.starts.extend(found.end() for found in LINE_BREAK.finditer(text))
            return
        position = text.find("\n")
        while position != -1:
            self.starts.append(position + 1)
            position = text.find("\n", position + 1)

    def position(self, offset: int) -> tuple[int, int]:
        """The 1-based line and column of `offset`."""
        line = bisect.bisect_right(self.starts, offset)
        column = offset - self.starts[line - 1] + 1
        return line, column - 1 if line == 1 and self.bom and offset else column

    def line(self, offset: int) -> int:
        """The 1-based line of `offset`."""
        return bisect.bisect_right(self.starts, offset)


# How many answers a `LineCounter` keeps before it finds every line break instead (`LineIndex`): each answer
# kept is an insertion into a sorted list, so keeping every answer to many questions would cost their square.
# Annotating 20 MB with 50,000 acronyms asks 23,000 questions: 7-8 ms per MB kept, 2.6-3 with the index.
# A few hundred, as with the bundled glossary, are cheaper kept (1 ms per MB, against 1.5 for the index).
MAX_KEPT_LINES: Final = 2048


class LineCounter:
    """The 1-based line of an offset, counted when asked: for a few questions about a long text.

    `LineIndex` finds every line break first. This counts only those between the
    offset and the nearest offset already asked about (`str.count`, at memory
    speed), so a text is counted through about once however the questions come,
    and not at all when none come. Only a text with a lone CR needs three counts
    instead of one (`breaks_between`). After `kept` answers it builds a `LineIndex`
    and asks that: the cost of many questions grows with the text, not their square.

    >>> counter = LineCounter("a\\nb\\r\\nc\\n")
    >>> counter.line(6), counter.line(0), counter.line(3), counter.line(2)
    (3, 1, 2, 2)
    """

    def __init__(self, text: str, kept: int = MAX_KEPT_LINES) -> None:
        self.text = text
        self.offsets = [0]  # offsets asked about (and 0), sorted, with their lines
        self.lines = [1]
        self.lone_cr: bool | None = None  # found out at the first question
        self.kept = kept
        self.index: LineIndex | None = None  # built after `kept` answers

    def line(self, offset: int) -> int:
        """The 1-based line of `offset` (as `LineIndex.line`)."""
        if self.index is not None:
            return self.index.line(offset)
        if len(self.offsets) > self.kept:
            self.index = LineIndex(self.text)
            return self.index.line(offset)
        below = bisect.bisect_right(self.offsets, offset) - 1
        if self.offsets[below] == offset:
            return self.lines[below]
        above = below + 1
        if above < len(self.offsets) and self.offsets[above] - offset < offset - self.offsets[below]:
            line = self.lines[above] - self._breaks(offset, self.offsets[above])
        else:
            line = self.lines[below] + self._breaks(self.offsets[below], offset)
        self.offsets.insert(above, offset)
        self.lines.insert(above, line)
        return line

    def _breaks(self, start: int, end: int) -> int:
        if self.lone_cr is None:
            self.lone_cr = has_lone_cr(self.text)
        if self.lone_cr:
            return breaks_between(self.text, start, end)
        return self.text.count("\n", start, end)
