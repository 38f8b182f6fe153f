"""Regions of a document that annotation must never touch.

URLs, e-mail addresses and HTML tags in every format; in Markdown also code
(fenced, indented and inline), link and image targets, reference, footnote and
abbreviation definitions, HTML blocks and YAML front matter; in HTML everything
but the text nodes (`acronyms.html`). Each region is a half-open span into the
original text.

>>> text = "See `SNP` at https://x.org/SNP or <b class='SNP'>SNP</b>."
>>> [(text[s:e], what) for s, e, what in protected_spans(text, Format.MARKDOWN)]
[('`SNP`', 'code'), ('https://x.org/SNP', 'a URL'), ("<b class='SNP'>", 'an HTML tag'), ('</b>', 'an HTML tag')]
"""

from __future__ import annotations

import bisect
import enum
import functools
import heapq
import itertools
import operator
import re
from collections.abc import Callable, Iterator, Sequence
from html import unescape
from pathlib import PurePath
from typing import Final

from . import html
from .positions import finds


class Format(enum.Enum):
    """Document formats."""

    TEXT = "text"
    MARKDOWN = "markdown"
    HTML = "html"

    @classmethod
    def from_path(cls, path: str) -> Format:
        """Guess the format from a file name; standard input and unknown suffixes are text.

        >>> Format.from_path("minutes.md"), Format.from_path("minutes.HTM"), Format.from_path("-")
        (<Format.MARKDOWN: 'markdown'>, <Format.HTML: 'html'>, <Format.TEXT: 'text'>)
        """
        return SUFFIXES.get(PurePath(path).suffix.lower(), cls.TEXT)


SUFFIXES: Final = {".md": Format.MARKDOWN, ".markdown": Format.MARKDOWN, ".html": Format.HTML, ".htm": Format.HTML}


# Markdown HTML blocks (CommonMark 4.6): raw-text elements run to their end tag; block-level
# elements and a tag alone on its line run to the next blank line. Their text is HTML, not Markdown.
_RAW_BLOCKS: Final = "script|pre|style|textarea"
_BLOCK_NAMES: Final = (
    "address|article|aside|blockquote|body|caption|center|dd|details|dialog|div|dl|dt|fieldset|figcaption|figure"
    "|footer|form|h[1-6]|head|header|hr|html|iframe|legend|li|main|menu|nav|ol|p|section|summary|table|tbody|td"
    "|tfoot|th|thead|title|tr|ul"
)
_CODE_ELEMENTS: Final = "code|kbd|samp|script|style|tt|var"
_LONE_TAG: Final = r"(?:<[A-Za-z][A-Za-z0-9-]*(?:\s[^<>\n]*)?/?>|</[A-Za-z][A-Za-z0-9-]*[ \t]*>)"
_AFTER_COMMENT_OPEN: Final = r"!--.*?(?:-->|\Z)"  # what follows the `<` of a comment and of a tag
# A tag's attributes may quote a `>` (`title="a > b"`), not a `<` or a line break (an unclosed quote stays local).
_AFTER_TAG_OPEN: Final = r"/?[A-Za-z][A-Za-z0-9-]*(?:\s(?:[^<>\"']|\"[^\"<\n]*\"|'[^'<\n]*')*)?/?>"
_COMMON: Final = [
    rf"(?P<comment><{_AFTER_COMMENT_OPEN})",
    rf"(?P<tag><{_AFTER_TAG_OPEN})",
    r"(?P<url>(?:\b(?:https?|ftp)://|\bwww\.)[^\s<>\"'`]*[^\s<>\"'`.,;:!?)\]])",
    r"(?P<email>[\w.+-]+@[\w-]+(?:\.[\w-]+)+)",
]
_MARKDOWN: Final = [
    r"(?P<front_matter>\A---[ \t]*\r?\n(?:.*?\r?\n)??(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z))",
    (
        rf"(?P<html_block>^[ ]{{0,3}}<(?i:{_RAW_BLOCKS})(?=[\s>]|\Z).*?(?:</(?i:{_RAW_BLOCKS})>[^\n]*|\Z)"
        rf"|^[ ]{{0,3}}(?:</?(?i:{_BLOCK_NAMES})(?=[\s/>]|\Z)|{_LONE_TAG}[ \t]*\r?$).*?(?=\n[ \t]*\r?\n|\Z))"
    ),
    r"(?P<abbreviation>^[ ]{0,3}\*\[[^\]\n]+\]:[^\n]*)",
    r"(?P<fenced_code>^[ ]{0,3}(?P<fence>`{3,}|~{3,})[^\n]*\n(?:.*?\n)??[ ]{0,3}(?P=fence)[`~]*[ \t]*(?:\r?\n|\Z))",
    r"(?P<unclosed_fence>^[ ]{0,3}(?P<open_fence>`{3,}|~{3,})[^\n]*(?:\n.*)*\Z)",
    r"(?P<indented_code>(?:\A|(?<=\n)[ \t]*\r?\n)(?:(?:[ ]{4}|\t)[^\n]*(?:\n|\Z)|[ \t]*\r?\n)+)",
    # a code span opens at a whole run of backticks (or after an escaped one), as in CommonMark: one tried inside
    # each run of n backticks, each taking the run's rest, read n² characters (seconds for 20 kB of them)
    # and ends in its paragraph: not past a blank line, nor into a line that starts a block (a heading, a fence,
    # a quote, a list item), which ends the paragraph as a blank line does
    (
        r"(?P<code_span>(?:(?<!`)|(?<=\\`))(?P<ticks>`++)(?!`)(?:[^\n]|\n(?![ \t]*\r?\n)"
        r"(?![ ]{0,3}(?:#{1,6}(?:[ \t]|\r?$)|`{3}|~{3}|>|[-*+][ \t])))+?(?<!`)(?P=ticks)(?!`))"
    ),
    # an image, its alt text too: read by few, it would spend a first use (`![OPCC logo](/img/opcc.png)`)
    r"(?P<image>!\[[^\]\n]*\](?:\([^)\s]*(?:\s+\"[^\"]*\")?\)|\[[^\]\n]*\])?)",
    r"(?P<link_target>\]\([^)\s]*(?:\s+\"[^\"]*\")?\))",
    r"(?P<definition>^[ ]{0,3}\[[^\]\n]+\]:[^\n]*)",
    # a table of contents' marker, no acronym: Python-Markdown's `[TOC]`, kramdown's `* TOC` over `{:toc}`
    r"(?P<toc_marker>^[ ]{0,3}(?:\[TOC\]|(?:[*+-]|\d{1,9}[.)])[ \t]+[^\n]*\r?\n[ ]{0,3}\{:[ \t]*toc[ \t]*\})[ \t]*\r?$)",
    r"(?P<footnote_reference>\[\^[^\]\s]+\])",
    # an attribute list (Python-Markdown's attr_list, kramdown): `{#id .class key="PCC"}`, `{: .lead }`; a
    # footnote marker in one would break it, and the heading's id with it
    r"(?P<attribute_list>\{(?::[^{}\n]*|[ \t]*(?:[#.][\w-]|[\w-]+=)[^{}\n]*)\})",
    r"(?P<autolink><(?:https?|mailto):[^>\s]*>)",
    (  # inline code and raw text within a paragraph: `<code>PCC --help</code>`, `<kbd>`, `<script>`, `<style>`
        rf"(?P<code_element><(?P<code_name>(?i:{_CODE_ELEMENTS}))(?:\s[^<>]*)?>(?:(?!\n[ \t]*\r?\n).)*?"
        r"</(?P=code_name)[ \t]*>)"
    ),
    (  # inline, within a paragraph: its text already carries the long form as a tooltip, as in HTML
        r"(?P<abbr_element>(?P<abbr_open><(?i:abbr)(?:\s[^<>]*)?>)(?:(?!\n[ \t]*\r?\n).)*?"
        r"(?P<abbr_close></(?i:abbr)[ \t]*>))"
    ),
]
KIND_NAMES: Final = {
    "front_matter": "the front matter",
    "html_block": "an HTML block",
    "abbreviation": "an abbreviation definition",
    "comment": "an HTML comment",
    "tag": "an HTML tag",
    "url": "a URL",
    "email": "an e-mail address",
    "fenced_code": "a code block",
    "unclosed_fence": "a code block",
    "indented_code": "an indented code block",
    "code_span": "code",
    "code_element": "code",
    "image": "an image",
    "link_target": "a link target",
    "definition": "a link or footnote definition",
    "toc_marker": "a table of contents marker",
    "footnote_reference": "a footnote reference",
    "attribute_list": "an attribute list",
    "autolink": "a link",
    "abbr_element": "<abbr>",
}

_PATTERNS: Final = {
    Format.TEXT: re.compile("|".join(_COMMON), re.DOTALL | re.IGNORECASE),
    Format.MARKDOWN: re.compile("|".join(_MARKDOWN + _COMMON), re.DOTALL | re.MULTILINE),
    Format.HTML: re.compile("|".join(_COMMON), re.DOTALL | re.IGNORECASE),
}


FENCE_LINE: Final = re.compile(r"^[ ]{0,3}(?:`{3,}|~{3,})", re.MULTILINE)


def unclosed_fence(text: str) -> str | None:
    """The fence of a Markdown code block left open at the end of `text`, as it opens; None if there is none.

    >>> unclosed_fence("Text\\n\\n~~~~ python\\ncode\\n"), unclosed_fence("Text\\n```\\ncode\\n```\\n")
    ('~~~~', None)
    """
    if FENCE_LINE.search(text) is None:
        return None  # the common case: no fence at all
    last = None
    for last in _markdown_matches(text):
        pass
    return last["open_fence"] if last is not None and last.lastgroup == "unclosed_fence" else None


def protected_spans(text: str, format: Format, *, links: bool = False) -> list[tuple[int, int, str]]:
    """Sorted, non-overlapping `(start, end, what)` spans of `text` to keep exactly as they are.

    In HTML everything but text nodes (see `acronyms.html`), plus URLs and
    addresses inside the text; `links=True` adds the text of every `<a>` element
    and `<button>` (a footnote reference is a link, and a link can sit in neither).

    >>> page = "<pre>SNP</pre><a href='/x'>the SNP</a>"
    >>> [(page[s:e], what) for s, e, what in protected_spans(page, Format.HTML, links=True)]
    [('<pre>SNP</pre>', '<pre>'), ("<a href='/x'>the SNP</a>", 'a link')]
    """
    if format is Format.MARKDOWN:
        spans = _markdown_regions(text, links)
    else:
        spans = _anchored_common(text)
    if format is Format.HTML:
        found = html.layout(text)
        linked = [(start, end, "a link") for start, end in found.links] if links else []
        buttons = [(start, end, "a button") for start, end in found.buttons] if links else []
        spans = html.outermost([*found.protected, *spans, *linked, *buttons])
    return spans


def _markdown_regions(text: str, links: bool) -> list[tuple[int, int, str]]:
    """The Markdown regions (`_markdown_spans`), and the links whose text must stay as it is (`_link_spans`)."""
    spans = list(_markdown_spans(text))
    if "[" not in text:
        return spans  # the common case: no link at all
    kept = list(_link_spans(text, links))
    return html.outermost(spans + kept) if kept else spans


# A Markdown link or image: `[text](target "title")`, `[text][label]`, `[text][]` or a shortcut reference `[text]`.
LINK: Final = re.compile(
    r"(?<!\\)\[(?!\^)(?P<text>(?:[^\[\]\n]|\n(?![ \t]*\r?\n)|\[[^\[\]\n]*\])*)\]"
    r"(?:(?P<target>\([^)\s]*(?:\s+\"[^\"]*\")?\))|(?P<label>\[(?!\^)[^\[\]\n]*\]))?"
)
REFERENCE_DEFINITION: Final = re.compile(r"^[ ]{0,3}\[(?!\^)([^\]\n]+)\]:", re.MULTILINE)
REFERENCE_TEXT_KIND: Final = "a reference link's text"  # its label too: changed, it matches no definition
LABEL_KIND: Final = "a link label"
EMPHASIS_MARKS: Final = str.maketrans("", "", "*_")


def _link_spans(text: str, links: bool) -> Iterator[tuple[int, int, str]]:
    """The Markdown links annotation leaves alone, whole or in part, as `(start, end, what)`.

    A link whose whole text is an acronym, as in HTML (`html.MIN_LINK_CAPITALS`): `[NPT](url)`,
    `[**LPT**](url)`, `[CSE]`. The label of a full reference link, `[the report][CSE]`. The text of
    a shortcut (`[the CSE report]`) or collapsed (`[the CSE report][]`) reference link that the text
    defines: it is the label too, and a changed label matches no definition. With `links` (footnote
    style) the text of a collapsed one is free: the marker goes after the link, `[text][][^CSE]`.

    >>> text = "[NPT](u), [the CSE report] and [x][CSE].\\n\\n[the cse report]: u\\n[CSE]: u\\n"
    >>> [(text[s:e], what) for s, e, what in _link_spans(text, False) if e < text.index("\\n")]
    [('[NPT](u)', 'a link named by an acronym'), ('the CSE report', "a reference link's text"), ('[CSE]', 'a link label')]
    """
    labels = {_label_key(label) for label in REFERENCE_DEFINITION.findall(text)} if "]:" in text else set()
    for link in LINK.finditer(text):
        label, full = link["label"], link["label"] not in (None, "[]")
        if link["target"] is None and _label_key(label[1:-1] if full else link["text"]) not in labels:
            continue  # not a link: text in brackets, or a reference to a label the text does not define
        if html.is_acronym_text(link["text"].translate(EMPHASIS_MARKS)):
            yield link.start(), link.end(), html.ACRONYM_LINK_KIND
        elif full:
            yield link.start("label"), link.end("label"), LABEL_KIND
        elif link["target"] is None and not (links and label == "[]"):
            yield link.start("text"), link.end("text"), REFERENCE_TEXT_KIND


def _label_key(label: str) -> str:
    """A link label as CommonMark matches it: case-folded, its runs of white space as one space."""
    return " ".join(label.split()).casefold()


READ_AS_TEXT: Final = frozenset({KIND_NAMES["abbr_element"]})


def readable(text: str, format: Format, spans: Sequence[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """`spans` (the text's `protected_spans`) less the text of each `<abbr>` element: a use of the acronym there.

    Annotation leaves an `<abbr>` alone, but a reader reads its text. Its tags stay
    protected: in HTML the element is one span, and its tags come from `html.layout`.

    >>> text = '<p><abbr title="Police and Crime Commissioner">PCC</abbr> met.</p>'
    >>> [text[s:e] for s, e, _ in readable(text, Format.HTML, protected_spans(text, Format.HTML))]
    ['<p>', '<abbr title="Police and Crime Commissioner">', '</abbr>', '</p>']
    """
    if not any(kind in READ_AS_TEXT for _, _, kind in spans):
        return list(spans)
    kept = [span for span in spans if span[2] not in READ_AS_TEXT]
    if format is Format.HTML:
        elements = Spans([span for span in spans if span[2] in READ_AS_TEXT])
        tag = html.MARKUP_KINDS["tag"]
        kept += [(start, end, tag) for start, end in html.layout(text).markup if elements.overlapping(start, end)]
        kept.sort()
    return kept


def _markdown_spans(text: str) -> Iterator[tuple[int, int, str]]:
    """The Markdown regions; an `<abbr>` element as its tags and its text, so that the prose keeps the text."""
    for match in _markdown_matches(text):
        start, end, kind = match.start(), match.end(), KIND_NAMES[match.lastgroup or ""]
        if match.lastgroup == "abbr_element":
            opened, closing = match.end("abbr_open"), match.start("abbr_close")
            yield start, opened, KIND_NAMES["tag"]
            if closing > opened:
                yield opened, closing, kind
            yield closing, end, KIND_NAMES["tag"]
        elif end > start:
            yield start, end, kind


def abbreviation_titles(text: str, spans: Sequence[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The text of each Markdown `<abbr>` element with a title, and the title: `(start, end, title)`, sorted.

    `spans`: the text's `protected_spans`, where the element's text follows its opening tag.

    >>> text = 'An <abbr title="Safer &amp; Neighbourhood\\n Panel">SNP</abbr>.'
    >>> abbreviation_titles(text, protected_spans(text, Format.MARKDOWN))
    [(50, 53, 'Safer & Neighbourhood Panel')]
    """
    found = []
    for previous, (start, end, kind) in itertools.pairwise(spans):
        if kind == KIND_NAMES["abbr_element"] and previous[1] == start:
            title = _TITLE.search(text, previous[0], previous[1])
            if title is not None:
                value = next(group for group in title.groups() if group is not None)
                found.append((start, end, " ".join(unescape(value).split())))
    return found


_TITLE: Final = re.compile(r"""\stitle\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))""", re.IGNORECASE)


def _markdown_matches(text: str) -> Iterator[re.Match[str]]:
    """The non-empty matches of `_PATTERNS[Format.MARKDOWN].finditer(text)`, found alternative by alternative.

    A regex of alternatives finds the leftmost match, the earliest alternative at a
    tie, then goes on from its end. Here each alternative finds its own next match,
    the leftmost of those wins (the earliest alternative at a tie), and one that
    starts inside a match taken looks again from that match's end: the same matches,
    two to three times faster on prose (tests/test_passes.py compares them).
    """
    heap: list[tuple[int, int, re.Match[str]]] = []
    searches = [_markdown_search(order, text) for order in range(len(_MARKDOWN_ALTERNATIVES))]
    for order, search in enumerate(searches):
        needs = _MARKDOWN_NEEDS.get(order, ("",))
        if any(literal in text for literal in needs) and (found := search(0)) is not None:
            heap.append((found.start(), order, found))
    heapq.heapify(heap)
    position = 0
    while heap:
        start, order, match = heapq.heappop(heap)
        if start >= position and match.end() > start:
            yield match
            position = match.end()
            again = position
        else:  # inside a match taken, or empty (which `finditer` would not keep either)
            again = max(position, start + 1) if match.end() == start else position
        found = searches[order](again)
        if found is not None:
            heapq.heappush(heap, (found.start(), order, found))


_Search = Callable[[int], "re.Match[str] | None"]
_Starts = Callable[[int], Iterator[int]]  # the places from a position on where an alternative may start, in order


def _markdown_search(order: int, text: str) -> _Search:
    """`_MARKDOWN_ALTERNATIVES[order].search` in `text` from a position: the leftmost match there or after.

    An alternative that starts at a line's start (`^`), at the text's start, with a look back
    or a word boundary is tried by the regex engine at every position: 15 to 120 ms per MB of
    prose each. Those are matched instead at the only places they can start, found fast
    (`_MARKDOWN_STARTS`): the same leftmost match, as no match starts anywhere else.
    """
    pattern = _MARKDOWN_ALTERNATIVES[order]
    places = _MARKDOWN_STARTS.get(order)
    if places is None:
        return functools.partial(pattern.search, text)
    starts = places(text)

    def search(position: int) -> re.Match[str] | None:
        for start in starts(position):
            if (found := pattern.match(text, start)) is not None:
                return found
        return None

    return search


def _line_starts(marks: str) -> Callable[[str], _Starts]:
    """Where a line starts that begins with one of `marks` after at most three spaces, and the text's start."""
    return _after_line_feeds(re.compile(rf"\n(?=[ ]{{0,3}}[{re.escape(marks)}])"))


def _after_line_feeds(line_feed: re.Pattern[str]) -> Callable[[str], _Starts]:
    """The text's start, and where a line starts after each match of `line_feed` (a line feed, looking ahead)."""

    def places(text: str) -> _Starts:
        def starts(position: int) -> Iterator[int]:
            if position == 0:
                yield 0
            yield from (found.end() for found in line_feed.finditer(text, max(position - 1, 0)))

        return starts

    return places


def _text_start(text: str) -> _Starts:
    return lambda position: iter([0] if position == 0 else [])


def _backticks(text: str) -> _Starts:
    return lambda position: finds(text, "`", position)


def _sorted_starts(found: list[int]) -> _Starts:
    def starts(position: int) -> Iterator[int]:
        for index in range(bisect.bisect_left(found, position), len(found)):  # not a slice: a copy each call
            yield found[index]

    return starts


_URL_SCHEMES: Final = ("https", "http", "ftp")


def _url_starts(text: str) -> _Starts:
    """Where a URL may start: a scheme's length before each `://`, and each `www.`."""
    found = {
        separator - len(scheme)
        for separator in finds(text, "://")
        for scheme in _URL_SCHEMES
        if separator >= len(scheme)
    }
    return _sorted_starts(sorted(found.union(finds(text, "www."))))


def _email_starts(text: str) -> _Starts:
    """Where an address may start from a position on: in the run of its local part's characters before an `@`."""
    runs = []  # where each run before an `@` starts, and the `@`
    for at in finds(text, "@"):
        start = at
        while start > 0 and (text[start - 1].isalnum() or text[start - 1] in "_.+-"):  # `[\w.+-]`
            start -= 1
        runs.append((start, at))

    def starts(position: int) -> Iterator[int]:
        for index in range(bisect.bisect_right(runs, position, key=lambda run: run[1]), len(runs)):
            run_start, at = runs[index]
            if max(position, run_start) < at:
                yield max(position, run_start)

    return starts


def _anchored_common(text: str) -> list[tuple[int, int, str]]:
    """The `_COMMON` regions exactly as the combined regex finds them, but found from literals they must contain.

    Comments and tags start with `<` and come from one pass of a pattern that starts
    with it (the regex engine skips to a leading literal fast). URLs are looked up
    from `www.` and the `:` of `://`, e-mail addresses from `@` (`str.find` of one
    character runs at memchr speed), and matched only there; the combined pattern
    would try every alternative at every position. Overlaps resolve as the combined
    regex does: leftmost first, then the earlier alternative (`_leftmost_first`).
    """
    others = [*_url_candidates(text), *_email_candidates(text)]
    if not others:  # then the combined regex finds just what the markup pass finds
        return [(match.start(), match.end(), KIND_NAMES[match.lastgroup or ""]) for match in _MARKUP.finditer(text)]
    order = {kind: index for index, kind in enumerate(_COMMON_KINDS)}
    markup = [
        (match.start(), order[match.lastgroup or ""], match.start(), match.end()) for match in _MARKUP.finditer(text)
    ]
    return _leftmost_first(markup + others)


def _url_candidates(text: str) -> list[tuple[int, int, int, int]]:
    """`(start, 2, start, end)` for each place a URL matches: before `www.` or a scheme and `://`."""
    starts = [dot.start() - len("www") for dot in _WWW_DOT.finditer(text)]
    for colon in finds(text, ":"):
        if text.startswith("//", colon + 1):
            scheme = _SCHEME.search(text, max(0, colon - _LONGEST_SCHEME), colon)
            if scheme:
                starts.append(scheme.start())
    found = []
    for start in starts:
        match = _COMMON_BY_KIND["url"].match(text, start)
        if match:
            found.append((start, _URL_ORDER, start, match.end()))
    return found


def _email_candidates(text: str) -> list[tuple[int, int, int, int]]:
    """`(first, 3, last, end)` for each `@` of an address: it matches from any start in its local part."""
    found = []
    for at in finds(text, "@"):
        first = _local_part_start(text, at)
        match = None if first is None else _COMMON_BY_KIND["email"].match(text, first)
        if match:
            found.append((match.start(), _EMAIL_ORDER, at - 1, match.end()))
    return found


def _local_part_start(text: str, at: int) -> int | None:
    """Where the run of characters an address's local part may hold, ending at the `@` at `at`, starts."""
    reach = _EMAIL_LOCAL_REACH
    while True:
        floor = max(0, at - reach)
        local = _EMAIL_LOCAL.search(text, floor, at)
        if local is None or local.start() > floor or floor == 0:
            return None if local is None else local.start()
        reach *= 2  # the run may go on before `floor`


def _leftmost_first(candidates: list[tuple[int, int, int, int]]) -> list[tuple[int, int, str]]:
    """What a regex of alternatives finds (`finditer`), given where each alternative matches.

    A candidate `(first, order, last, end)`: alternative `order` of `_COMMON` matches
    from every start in `[first, last]` to `end` (an e-mail address from anywhere in
    its local part). The leftmost match wins, then the earlier alternative; the next
    one starts at its end or later, so a candidate that starts inside it is dropped,
    or moved to start at its end if it can.
    """
    kept: list[tuple[int, int, str]] = []
    position = 0
    moved: list[tuple[int, int, int, int]] = []  # a heap of candidates moved to start at `position`

    def take(candidate: tuple[int, int, int, int]) -> None:
        nonlocal position
        first, order, last, end = candidate
        if first >= position:
            kept.append((first, end, KIND_NAMES[_COMMON_KINDS[order]]))
            position = end
        elif last >= position:
            heapq.heappush(moved, (position, order, last, end))

    for candidate in sorted(candidates):
        while moved and moved[0] < candidate:
            take(heapq.heappop(moved))
        take(candidate)
    while moved:
        take(heapq.heappop(moved))
    return kept


_COMMON_KINDS: Final = ("comment", "tag", "url", "email")  # the order of `_COMMON`: earlier wins a tie
_URL_ORDER, _EMAIL_ORDER = _COMMON_KINDS.index("url"), _COMMON_KINDS.index("email")
# The alternatives of the Markdown pattern, each compiled alone: most start with a literal or at a line's
# start, which the regex engine skips to fast; tried together, every one is tried at every position.
_MARKDOWN_ALTERNATIVES: Final = [re.compile(pattern, re.DOTALL | re.MULTILINE) for pattern in _MARKDOWN + _COMMON]
# Alternatives that need a literal most texts lack (the Markdown pattern is case-sensitive): searched only with one.
_MARKDOWN_NEEDS: Final = {len(_MARKDOWN) + _URL_ORDER: ("://", "www."), len(_MARKDOWN) + _EMAIL_ORDER: ("@",)}
# Where the alternatives that the regex engine would try at every position can start (see `_markdown_search`).
_MARKDOWN_ORDER: Final = {next(iter(pattern.groupindex)): order for order, pattern in enumerate(_MARKDOWN_ALTERNATIVES)}
_MARKDOWN_STARTS: Final[dict[int, Callable[[str], _Starts]]] = {
    _MARKDOWN_ORDER[kind]: places
    for kind, places in {
        "front_matter": _text_start,
        "html_block": _line_starts("<"),
        "abbreviation": _line_starts("*"),
        "fenced_code": _line_starts("`~"),
        "unclosed_fence": _line_starts("`~"),
        "indented_code": _after_line_feeds(re.compile(r"\n(?=[ \t]*\r?\n)")),  # a blank line's start
        "code_span": _backticks,
        "definition": _line_starts("["),
        "toc_marker": _line_starts("[*+-0123456789"),
        "url": _url_starts,
        "email": _email_starts,
    }.items()
}
_COMMON_BY_KIND: Final = {
    kind: re.compile(pattern, re.DOTALL | re.IGNORECASE) for kind, pattern in zip(_COMMON_KINDS, _COMMON)
}
# `_COMMON`'s comments, then tags, with their common `<` outside the alternatives: so the
# pattern starts with a literal, which the regex engine skips to fast.
_MARKUP: Final = re.compile(
    rf"<(?:(?P<comment>{_AFTER_COMMENT_OPEN})|(?P<tag>{_AFTER_TAG_OPEN}))", re.DOTALL | re.IGNORECASE
)
_WWW_DOT: Final = re.compile(r"\.(?<=www\.)", re.IGNORECASE)  # starts with a literal, to scan fast
_SCHEME: Final = re.compile(r"(?:https?|ftp)\Z", re.IGNORECASE)  # as the URL pattern spells schemes: `ſ` is an `s`
_LONGEST_SCHEME: Final = len("https")
_EMAIL_LOCAL: Final = re.compile(r"[\w.+-]+\Z")
# RFC 5321's limit on the part before the @ is 64: the first look back nearly always suffices.
_EMAIL_LOCAL_REACH: Final = 256


MARKUP_KINDS: Final = frozenset({"an HTML tag", "an HTML comment", "an HTML declaration"})


def without_tags(text: str, format: Format, protected: Sequence[tuple[int, int, str]] | None = None) -> str:
    """`text` with its HTML tags and comments blanked out (line breaks kept), so offsets still hold.

    `protected`: the text's `protected_spans`, when the caller has them already.

    What reads the text as prose (sentences, tokens, lines in capitals) sees
    `<td>SNP</td>` as the word `SNP`, not as one token glued to tags.

    >>> without_tags("<td>SNP</td>\\n<!--\\nx -->", Format.TEXT)
    '    SNP     \\n    \\n     '
    """
    if format is Format.HTML:
        spans = [(start, end, "") for start, end in html.layout(text).markup]
    else:
        found = protected_spans(text, format) if protected is None else protected
        spans = [span for span in found if span[2] in MARKUP_KINDS]
    return blanked(text, spans)


def blanked(text: str, spans: Sequence[tuple[int, int, str]]) -> str:
    """`text` with the sorted `spans` turned into spaces (line breaks kept), so offsets still hold.

    Spans may overlap: what one covers is blanked once.

    >>> blanked("a <b>SNP</b> c", [(2, 5, "tag"), (4, 12, "code")])
    'a            c'
    """
    if not spans:
        return text
    pieces: list[str] = []
    position = 0
    append = pieces.append
    for start, end, _ in spans:
        if start < position:  # overlaps the previous span: blank only what is left of it
            start = position
            if end <= start:
                continue
        append(text[position:start])
        append(_blank(text[start:end]))
        position = end
    append(text[position:])
    return "".join(pieces)


def _blank(piece: str) -> str:
    """Spaces for every character but line breaks (kept, so lines keep their numbers; a tag seldom holds one)."""
    return NOT_LINE_BREAK.sub(" ", piece) if "\n" in piece or "\r" in piece else " " * len(piece)


NOT_LINE_BREAK: Final = re.compile(r"[^\r\n]")


_START: Final = operator.itemgetter(0)
_END: Final = operator.itemgetter(1)


class Spans:
    """Sorted non-overlapping labelled spans with a fast overlap test.

    >>> spans = Spans([(0, 3, "code"), (10, 12, "a URL")])
    >>> spans.overlapping(2, 4), spans.overlapping(3, 5), spans.overlapping(8, 11)
    ('code', None, 'a URL')
    >>> Spans([(0, 50, "the glossary section"), (5, 9, "a tag")]).overlapping(20, 22)
    'the glossary section'

    """

    def __init__(self, spans: Sequence[tuple[int, int, str]]) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.kinds: list[str] = []
        # By start, the longest first: two stable sorts on C-level keys, a third of the time of one on a tuple key.
        for start, end, kind in sorted(sorted(spans, key=_END, reverse=True), key=_START):
            if self.ends and start < self.ends[-1]:  # nested or overlapping: the outer span absorbs it
                self.ends[-1] = max(self.ends[-1], end)
                continue
            self.starts.append(start)
            self.ends.append(end)
            self.kinds.append(kind)

    def overlapping(self, start: int, end: int) -> str | None:
        """What the span sharing a character with `[start, end)` is, or None."""
        index = bisect.bisect_right(self.starts, start) - 1
        if index >= 0 and self.ends[index] > start:
            return self.kinds[index]
        following = index + 1
        if following < len(self.starts) and self.starts[following] < end:
            return self.kinds[following]
        return None
