"""Comments in a document that turn `check`'s findings off where the author knows better, as markdownlint's do.

    <!-- acronyms-disable-next-line D005 -->
    Present: Jane Smith (JS), Chief Executive

`disable` turns codes off from the end of the comment, `enable` turns them on
again; `disable-line` covers the lines the comment is on, `disable-next-line`
the line after it, and `disable-file` the whole document. Codes are prefixes,
as `--ignore` takes them (`D005`, `D00`, `G`), separated by spaces or commas
(over several lines if need be); a comment naming none covers every code. A
reason may follow the codes after ` -- `, as in ESLint's comments:

    <!-- acronyms-disable-next-line D001 -- QXW is a callsign -->

A comment that starts like a directive (`<!-- acronyms-`) but is none of these
is an error that names the line, not a comment to pass over in silence.

A directive is a comment. In HTML that is what a browser reads as one: not text
in `<script>`, `<style>`, `<textarea>` or `<title>`, nor an attribute's value. In
Markdown it is a comment in the prose or in an HTML block: not one in code (an
example of one), a link's target, an attribute or the front matter. Plain text
has no comments, so there a directive counts wherever it is written.

>>> text = "<!-- acronyms-disable-next-line D005 -->\\nJane Smith (JS)\\n<!-- acronyms-disable -->\\n"
>>> [(d.kind, d.codes, d.start, d.end) for d in find_directives(text, Format.MARKDOWN)]
[('disable-next-line', ('D005',), 0, 40), ('disable', (), 57, 82)]
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence
from typing import Final, NamedTuple

from . import html
from .errors import UsageError
from .positions import PARAGRAPH_BREAK, LineIndex
from .regions import KIND_NAMES, Format, protected_spans

KINDS: Final = ("disable-next-line", "disable-line", "disable-file", "disable", "enable")
MEANT: Final = re.compile(r"<!--\s*acronyms-")  # a comment that starts so is a directive, or an error
DIRECTIVE: Final = re.compile(
    rf"<!--\s*acronyms-(?P<kind>{'|'.join(KINDS)})(?P<codes>(?:[\s,]+[A-Za-z0-9]+)*)[\s,]*"
    r"(?:(?<=\s)--+(?:\s.*?)?)?\s*-->",  # a reason after ` -- `, as ESLint reads one
    re.DOTALL,
)
FORMS: Final = (
    "write <!-- acronyms-KIND CODES -- reason -->: KIND is disable, enable, disable-line, disable-next-line or "
    "disable-file; CODES (none for every code) are separated by spaces or commas; the reason after -- is optional"
)
EXCERPT: Final = 60  # characters of a bad directive the error shows: enough to recognise it
COMMENT: Final = re.compile(r"<!--.*?(?:-->|\Z)", re.DOTALL)  # as `regions` finds one: to the end if not closed
# An open tag as CommonMark reads one (6.6): unlike `regions`, its quoted values may hold a `<`, so that
# `<span title="<!-- x -->">` is a tag and no comment.
OPEN_TAG: Final = re.compile(
    r"""<[A-Za-z][A-Za-z0-9-]*(?:\s+[A-Za-z_:][A-Za-z0-9_.:-]*(?:\s*=\s*(?:[^\s"'=<>`]+|'[^']*'|"[^"]*"))?)*\s*/?>"""
)
TAG_START: Final = re.compile("<[A-Za-z]")


class Directive(NamedTuple):
    """One comment: its kind, the code prefixes it names (upper-cased; none for all), and where it lies."""

    kind: str
    codes: tuple[str, ...]
    start: int
    end: int

    def names(self, code: str) -> bool:
        return not self.codes or code.startswith(self.codes)


def find_directives(text: str, format: Format, *, path: str | None = None) -> list[Directive]:
    """The directives of `text`, in text order: its comments (`comments`) that are directives.

    A comment that starts like one but does not parse raises `UsageError` with `path` and its line.

    >>> page = '<p title="<!-- acronyms-disable -->">x</p><!-- acronyms-enable -->'
    >>> [d.kind for d in find_directives(page, Format.HTML)], [d.kind for d in find_directives(page, Format.TEXT)]
    (['enable'], ['disable', 'enable'])
    """
    if "acronyms-" not in text:  # nearly every document: one search
        return []
    found = []
    for start, end in comments(text, format):
        if not MEANT.match(text, start, end):
            continue
        match = DIRECTIVE.fullmatch(text, start, end)
        if match is None:
            raise UsageError(_unreadable(text[start:end]), path=path, line=LineIndex(text).line(start))
        codes = tuple(match["codes"].replace(",", " ").upper().split())
        found.append(Directive(match["kind"], codes, start, end))
    return found


def _unreadable(comment: str) -> str:
    """What is wrong with a comment that starts like a directive and is none, and how to write one.

    >>> print(_unreadable("<!-- acronyms-disable-nxt-line -->"))
    cannot read the directive '<!-- acronyms-disable-nxt-line -->'; write <!-- acronyms-KIND CODES -- reason -->: \
KIND is disable, enable, disable-line, disable-next-line or disable-file; CODES (none for every code) are \
separated by spaces or commas; the reason after -- is optional
    """
    shown = " ".join(comment.split())
    shown = shown if len(shown) <= EXCERPT else shown[: EXCERPT - 1] + "…"
    if not comment.endswith("-->"):
        return f"the comment {shown!r} is not closed; end it with --> ({FORMS})"
    return f"cannot read the directive {shown!r}; {FORMS}"


def comments(text: str, format: Format) -> list[tuple[int, int]]:
    """The `(start, end)` of each comment in `text`, in text order; in plain text each `<!-- … -->` as written.

    >>> text = "<!-- a -->\\n`<!-- b -->` [x](/<!--c-->)\\n\\n<div>\\n<!-- d -->\\n</div>\\n"
    >>> [text[start:end] for start, end in comments(text, Format.MARKDOWN)]
    ['<!-- a -->', '<!-- d -->']
    """
    if format is Format.HTML:
        return list(html.layout(text).comments)
    if format is Format.TEXT:
        return [match.span() for match in COMMENT.finditer(text)]
    return _markdown_comments(text)


def _markdown_comments(text: str) -> list[tuple[int, int]]:
    """The comments of a Markdown text: in its prose, its HTML blocks and its footnotes' text."""
    found: list[tuple[int, int]] = []
    paragraphs: list[int] | None = None
    for start, end, kind in protected_spans(text, Format.MARKDOWN):
        if kind == KIND_NAMES["comment"]:
            if paragraphs is None:
                paragraphs = [0, *(match.end() for match in PARAGRAPH_BREAK.finditer(text))]
            if not _in_open_tag(text, start, paragraphs[bisect.bisect_right(paragraphs, start) - 1]):
                found.append((start, end))
        elif kind == KIND_NAMES["html_block"]:
            found += [(start + inner, start + outer) for inner, outer in html.layout(text[start:end]).comments]
        elif kind == KIND_NAMES["definition"] and text.lstrip(" ").startswith("[^", start):
            body = text.index("]:", start) + 2  # a footnote's text is prose
            found += [(body + inner, body + outer) for inner, outer in _markdown_comments(text[body:end])]
    return found


def _in_open_tag(text: str, offset: int, paragraph: int) -> bool:
    """True when `offset` lies inside the value of an attribute of an open tag in its paragraph."""
    for start in TAG_START.finditer(text, paragraph, offset):
        tag = OPEN_TAG.match(text, start.start())
        if tag is not None and tag.end() > offset:
            return True
    return False


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
