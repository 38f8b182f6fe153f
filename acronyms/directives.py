"""Comments in a document that turn `check`'s findings off where the author knows better, as markdownlint's do.

    <!-- acronyms-disable-next-line D005 -->
    Present: Jane Smith (JS), Chief Executive

`disable` turns codes off from the end of the comment, `enable` turns them on
again; `disable-line` covers the lines the comment is on, `disable-next-line`
the line after it, and `disable-file` the whole document. Codes are prefixes,
as `--ignore` takes them (`D005`, `D00`, `G`), separated by spaces or commas;
a comment naming none covers every code. A comment inside Markdown code is an
example of one, not a directive.

>>> text = "<!-- acronyms-disable-next-line D005 -->\\nJane Smith (JS)\\n<!-- acronyms-disable -->\\n"
>>> [(d.kind, d.codes, d.start, d.end) for d in find_directives(text, Format.MARKDOWN)]
[('disable-next-line', ('D005',), 0, 40), ('disable', (), 57, 82)]
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Final, NamedTuple

from .regions import Format, protected_spans

KINDS: Final = ("disable-next-line", "disable-line", "disable-file", "disable", "enable")
DIRECTIVE: Final = re.compile(
    rf"<!--[ \t]*acronyms-(?P<kind>{'|'.join(KINDS)})(?P<codes>(?:[ \t,]+[A-Za-z0-9]+)*)[ \t,]*-->"
)
NOT_DIRECTIVES: Final = frozenset({"a code block", "an indented code block", "code"})  # Markdown shows them as written


class Directive(NamedTuple):
    """One comment: its kind, the code prefixes it names (upper-cased; none for all), and where it lies."""

    kind: str
    codes: tuple[str, ...]
    start: int
    end: int

    def names(self, code: str) -> bool:
        return not self.codes or code.startswith(self.codes)


def find_directives(text: str, format: Format) -> list[Directive]:
    """The directives of `text`, in text order; those in Markdown code are left out."""
    if "acronyms-" not in text:  # nearly every document: one search
        return []
    found = [
        Directive(match["kind"], tuple(match["codes"].replace(",", " ").upper().split()), match.start(), match.end())
        for match in DIRECTIVE.finditer(text)
    ]
    if format is not Format.MARKDOWN or not found:
        return found
    code = [(start, end) for start, end, kind in protected_spans(text, format) if kind in NOT_DIRECTIVES]
    return [d for d in found if not any(start <= d.start < end for start, end in code)]


def covered(
    directives: Sequence[Directive], position: Callable[[int], tuple[int, int]], code: str, line: int, column: int
) -> bool:
    """True when the directives turn `code` off at the 1-based `line` and `column`.

    `position` gives the line and column of an offset. Of the `disable` and `enable`
    comments before the place, the last that names the code decides.

    >>> text = "<!-- acronyms-disable D -->\\nx\\n<!-- acronyms-enable D001 -->\\ny\\n"
    >>> lines = [0, 28, 30, 60]
    >>> where = lambda offset: (sum(start <= offset for start in lines), 1)
    >>> ds = find_directives(text, Format.TEXT)
    >>> covered(ds, where, "D001", 2, 1), covered(ds, where, "D001", 4, 1), covered(ds, where, "D005", 4, 1)
    (True, False, True)
    """
    off = False
    for directive in directives:
        if not directive.names(code):
            continue
        if directive.kind == "disable-file":
            return True
        first, last = position(directive.start)[0], position(directive.end)[0]
        if directive.kind == "disable-line" and first <= line <= last:
            return True
        if directive.kind == "disable-next-line" and line == last + 1:
            return True
        if directive.kind in ("disable", "enable") and position(directive.end) <= (line, column):
            off = directive.kind == "disable"
    return off
