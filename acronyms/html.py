"""HTML documents: where the text is, found in the source and never re-serialised.

The standard library's `html.parser` reports where each event (a tag, a run of
text, a comment) starts; an event runs to the start of the next one, so every
character of the document belongs to exactly one event and offsets index the
original text. Annotation works on the text events only and leaves the rest as
it is, byte for byte. Elements whose text must not change (`<script>`, `<code>`,
`<abbr>`, the `<head>`, …) are protected whole, and so are links whose text is
itself an acronym and anything this package generated (marked `data-acronyms`).

>>> page = '<p title="SNP">The SNP met.</p><code>SNP</code><a href="#x">SNP</a>'
>>> [(page[start:end], what) for start, end, what in layout(page).protected]
[('<p title="SNP">', 'an HTML tag'), ('</p>', 'an HTML tag'), ('<code>SNP</code>', '<code>'), \
('<a href="#x">SNP</a>', 'a link named by an acronym')]
"""

from __future__ import annotations

import bisect
import functools
import html
import re
from collections.abc import Sequence
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Final

from .positions import LineCounter

# Elements whose content is never annotated, with how `--explain` names them.
PROTECTED_ELEMENTS = {
    "head": "the document head",
    "title": "the page title",
    "script": "<script>",
    "style": "<style>",
    "noscript": "<noscript>",
    "template": "<template>",
    "code": "<code>",
    "pre": "<pre>",
    "kbd": "<kbd>",
    "samp": "<samp>",
    "var": "<var>",
    "abbr": "<abbr>",
    "acronym": "<acronym>",
    "textarea": "<textarea>",
    "select": "a form control",
    "datalist": "a form control",  # its options' text is what an input suggests, not prose
    "svg": "an SVG image",
    "math": "a formula",
    "iframe": "<iframe>",
    "xmp": "<xmp>",
    "noembed": "<noembed>",
    "noframes": "<noframes>",
    "plaintext": "<plaintext>",
    # A site's own furniture: menus, banners and footers repeat on every page, and a first use
    # there would leave the article's own first use bare.
    "nav": "the navigation",
    "header": "a header",
    "footer": "a footer",
}
# Word's table of contents: a paragraph per entry, `<p class=MsoToc1>` to `MsoToc9`, each a link to a heading. Like
# a site's navigation it repeats the headings, and a first use there would leave the heading's own bare.
WORD_CONTENTS_CLASS: Final = re.compile(r"MsoToc\d")
WORD_CONTENTS_KIND: Final = "a table of contents"
# Tags that end a paragraph left open (HTML 13.2.6.4.7: a `<p>` closes at the next block).
PARAGRAPH_CLOSERS: Final = frozenset(
    {"p", "div", "table", "ul", "ol", "dl", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "blockquote"}
)
# Elements that part the words around them, as a browser shows them: on a line of their own, or a line break.
# The text read for a cell, a heading or a paragraph gets a space there: `<td>Safer<br>Neighbourhood Panel</td>`,
# Word's cell of two paragraphs, and a list item holding a heading and a list are not `SaferNeighbourhood`.
WORD_BREAKS: Final = PARAGRAPH_CLOSERS | frozenset(
    {"br", "hr", "li", "dt", "dd", "tr", "td", "th", "caption", "figure", "figcaption", "address", "aside", "main"}
    | {"header", "footer", "nav", "pre"}
)
BOLD_ELEMENTS: Final = frozenset({"b", "strong"})
# A paragraph that reads as a glossary's row: a word, a tab or a run of two spaces or more (Word writes a tab as
# `<span style='mso-tab-count:1'>&nbsp;&nbsp;&nbsp; </span>`), then the rest. `sections` judges the word.
TABBED_ROW: Final = re.compile(r"\s*(\S+)(?:\t|[ \u00a0]{2,}|\u00a0)\s*(\S.*?)\s*", re.DOTALL)
MIN_PARAGRAPH_ROWS: Final = 2  # one such paragraph alone is no glossary
MAX_BOLD_HEADING_CHARS: Final = 80  # a paragraph in bold alone, longer than a heading, is bold prose
# Controls whose `aria-label`, when they have one, is what a screen reader reads instead of their text: an expansion
# in the text would be heard by no one who needs it, and the visible label would no longer be in the name (WCAG 2.5.3).
LABELLED_CONTROLS = frozenset({"a", "button"})
LABELLED_ROLES = frozenset({"button", "link", "tab", "menuitem"})
LABELLED_KIND = "a control named by its aria-label"
# Hidden text: Word's (Format > Font > Hidden), saved as `<span style='display:none;mso-hide:all'>` (`display:none`
# alone in a filtered page), and any other element a page's own style hides. Nobody reads it, so a first use there
# would leave the visible one after it bare. The `hidden` attribute is not read so: pages show such parts (a tab's
# panel, say) when asked. Only elements whose end tag is never left out are taken (and `p`, which ends at the next
# block as Word's contents entries do): the end of an `<li>` or `<td>` is often not written.
HIDDEN_STYLE: Final = re.compile(
    r"(?:^|;)\s*(?:display\s*:\s*none|mso-hide\s*:\s*all)\s*(?:!important\s*)?(?:;|$)", re.IGNORECASE
)
HIDDEN_KIND: Final = "hidden text"
OPTIONAL_END_TAGS: Final = frozenset(
    {
        "li",
        "dt",
        "dd",
        "tr",
        "td",
        "th",
        "thead",
        "tbody",
        "tfoot",
        "option",
        "optgroup",
        "colgroup",
        "caption",
        "rt",
        "rp",
    }
)
VOID_ELEMENTS: Final = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"}
)
# Elements whose text is raw text to a browser (HTML 13.1.2): a `<!--` there opens no comment.
RAW_TEXT_ELEMENTS = frozenset(
    {"script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript", "plaintext"}
)
HEADING_ELEMENTS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
CELL_ELEMENTS = frozenset({"td", "th"})
# Attribute marking what this package generated: footnote references, notes lists, glossaries.
MARKER_ATTRIBUTE = "data-acronyms"
APPENDED_BLOCKS = frozenset({"notes", "glossary"})  # values of the attribute on blocks appended at the end
MARKUP_KINDS = {"tag": "an HTML tag", "comment": "an HTML comment", "declaration": "an HTML declaration"}
ACRONYM_LINK_KIND = "a link named by an acronym"
GENERATED_KIND = "text this tool generated"
STRAY_KIND = "a stray '<'"
UNFINISHED_KIND = "an unfinished tag"
STRAY_OPENING = re.compile(r"</?[^\s<>]*")
TAG_OPENING = re.compile(r"<[A-Za-z/!?]")
# What `layout` feeds html.parser for a `<` that cannot open anything: one character, no markup.
INERT_OPENING = "\ufffc"
MIN_LINK_CAPITALS = 2  # link text like `SNP` or `PCSOs` is an acronym, `Report` is not


@dataclass(frozen=True)
class Shape:
    """How a block that may hold a glossary is built: which tags nest it, open a row, hold its text, end a row."""

    family: frozenset[str]
    row: str
    cells: frozenset[str]
    row_close: str  # the end tag that ends a row; in a `<dl>` a row runs to the last `</dd>` before the next `<dt>`


_LIST = Shape(frozenset({"ul", "ol"}), "li", frozenset({"li"}), "li")
# Blocks after a heading that may be a glossary: a table, a definition list, a list of `ACRONYM: Expansion` items.
BLOCK_SHAPES = {
    "table": Shape(frozenset({"table"}), "tr", CELL_ELEMENTS, "tr"),
    "dl": Shape(frozenset({"dl"}), "dt", frozenset({"dt", "dd"}), ""),
    "ul": _LIST,
    "ol": _LIST,
}


@dataclass(frozen=True)
class Row:
    """A row of a glossary candidate (a table row, a `<dt>` and its `<dd>`, a list item): its cells' text and place."""

    cells: tuple[str, ...]
    header: bool
    line: int
    start: int
    end: int


@dataclass(frozen=True)
class Table:
    """A `<table>`, `<dl>`, `<ul>` or `<ol>` that follows a heading, as a glossary section would."""

    heading: str
    heading_start: int
    end: int
    rows: tuple[Row, ...]
    # A paragraph in bold alone between that heading and the block, as Word writes a heading without a heading style
    # (`<p class=MsoNormal><b>Glossary</b></p>`): where it starts, and its text.
    bold_heading: tuple[int, str] | None = None

    @property
    def headings(self) -> tuple[tuple[int, str], ...]:
        """Where each heading the block may be under starts, and its text: the nearest first."""
        heading = (self.heading_start, self.heading)
        return (self.bold_heading, heading) if self.bold_heading is not None else (heading,)


@dataclass(frozen=True)
class Layout:
    """Where things are in an HTML document; every span is half-open into the source."""

    protected: tuple[tuple[int, int, str], ...]
    markup: tuple[tuple[int, int], ...]
    links: tuple[tuple[int, int], ...]
    headings: tuple[tuple[int, int], ...]
    generated: tuple[tuple[str, int, int], ...]
    tables: tuple[Table, ...]
    body_end: int  # where appended blocks go: before `</body>`, `</html>`, an element left open, or the end
    abbreviations: tuple[tuple[int, int, str], ...] = ()
    buttons: tuple[tuple[int, int], ...] = ()  # a footnote's link cannot sit in one, as in a link
    comments: tuple[tuple[int, int], ...] = ()  # every comment a browser reads as one: none in raw text or a tag

    def title_at(self, offset: int) -> str | None:
        """The `title` of the `<abbr>` element holding `offset`, if any.

        >>> layout('An <abbr title="Safer Neighbourhood Panel">SNP</abbr>.').title_at(45)
        'Safer Neighbourhood Panel'
        """
        index = bisect.bisect_right(self.abbreviations, offset, key=lambda abbreviation: abbreviation[0]) - 1
        if index >= 0 and offset < self.abbreviations[index][1]:
            return self.abbreviations[index][2]
        return None

    def generated_span(self, what: str) -> tuple[int, int] | None:
        """The last element marked `data-acronyms="what"`, or None.

        >>> layout('<ol data-acronyms="notes"><li>x</li></ol>').generated_span("notes")
        (0, 41)
        """
        spans = [(start, end) for kind, start, end in self.generated if kind == what]
        return spans[-1] if spans else None


@functools.lru_cache(maxsize=8)
def layout(text: str) -> Layout:
    """Parse `text` once (results are cached: the planner and the renderer share them).

    >>> doc = "<html><body><h2>SNP</h2><p>SNP</p></body></html>"
    >>> found = layout(doc)
    >>> [doc[start:end] for start, end in found.headings], doc[found.body_end:]
    (['<h2>SNP</h2>'], '</body></html>')
    """
    parser = _Parser(text)
    # After the last `>` no tag, comment or declaration can end, but html.parser looks for the end of each one
    # that starts there all the way to the end of the text: quadratic (a 200 kB text of `x <b` took a minute).
    # It reads that part as text and character references whatever it holds, so it is fed with each `<` inert.
    tail = text.rfind(">") + 1
    parser.feed(text[:tail])
    parser.feed(text[tail:].replace("<", INERT_OPENING))
    parser.close()
    return parser.result()


def text_spans(text: str) -> list[tuple[int, int]]:
    """The spans of `text` that annotation may change: text outside every protected region.

    >>> doc = "<p>SNP <!-- PCC --> met</p><script>SNP</script>"
    >>> [doc[start:end] for start, end in text_spans(doc)]
    ['SNP ', ' met']
    """
    spans, position = [], 0
    for start, end, _ in sorted(layout(text).protected):
        if start > position:
            spans.append((position, start))
        position = max(position, end)
    if position < len(text):
        spans.append((position, len(text)))
    return spans


def outermost(spans: Sequence[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Sorted spans with those inside another left out (the outer one names the region).

    >>> outermost([(5, 9, "a tag"), (0, 20, "<code>"), (20, 25, "a tag")])
    [(0, 20, '<code>'), (20, 25, 'a tag')]
    """
    kept: list[tuple[int, int, str]] = []
    for start, end, kind in sorted(spans, key=lambda span: (span[0], -span[1])):
        if kept and start < kept[-1][1]:
            if end > kept[-1][1]:
                kept[-1] = (kept[-1][0], end, kept[-1][2])
            continue
        kept.append((start, end, kind))
    return kept


def is_acronym_text(raw: str) -> bool:
    """One word, written like an acronym: two capitals or more, and no more small letters than capitals.

    >>> is_acronym_text("SNP"), is_acronym_text(" PCSOs "), is_acronym_text("ToMV"), is_acronym_text("GlossarySNP")
    (True, True, True, False)
    """
    words = html.unescape(raw).split()
    if len(words) != 1:
        return False
    capitals, small = sum(char.isupper() for char in words[0]), sum(char.islower() for char in words[0])
    return capitals >= MIN_LINK_CAPITALS and small <= capitals


def _cell_text(raw: Sequence[str]) -> str:
    return " ".join(html.unescape("".join(raw)).split())


def _hidden(tag: str, attributes: dict[str, str | None]) -> bool:
    """Whether an element is hidden text, which a browser does not show (`HIDDEN_STYLE`).

    >>> [_hidden("span", {"style": "display:none;mso-hide:all"}), _hidden("div", {"style": "DISPLAY: none"}),
    ...  _hidden("div", {"hidden": None}), _hidden("li", {"style": "display:none"}), _hidden("br", {"style": "display:none"})]
    [True, True, False, False, False]
    """
    if tag in VOID_ELEMENTS or tag in OPTIONAL_END_TAGS:
        return False
    return HIDDEN_STYLE.search(attributes.get("style") or "") is not None


class _Protection:
    """An element being skipped whole: its name, where it starts, how deeply it nests."""

    def __init__(self, name: str, start: int, kind: str, title: str | None = None) -> None:
        self.name, self.start, self.kind, self.depth, self.title = name, start, kind, 1, title


class _ParagraphRows:
    """Paragraphs after a heading that read as `ACRONYM<tab>Expansion`, as Word writes a glossary typed with tabs."""

    def __init__(self, heading: tuple[int, str], bold_heading: tuple[int, str] | None) -> None:
        self.heading, self.bold_heading = heading, bold_heading
        self.rows: list[Row] = []
        self.end = 0


class _TableBuilder:
    def __init__(
        self, start: int, heading: tuple[int, str], shape: Shape, bold_heading: tuple[int, str] | None = None
    ) -> None:
        self.start = start
        self.heading_start, self.heading = heading
        self.bold_heading = bold_heading
        self.shape = shape
        self.row_end: int | None = None
        self.rows: list[Row] = []
        self.row: tuple[int, list[tuple[str, list[str]]]] | None = None
        self.cell: list[str] | None = None
        self.text_start: int | None = None  # where the row's first text is: its line is the row's
        self.depth = 1


class _Parser(HTMLParser):
    """Records event offsets and the few structures annotation needs; keeps no tree."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=False)
        self.text = text
        self.line_starts = [0, *(match.end() for match in re.finditer("\n", text))]
        self.lines = LineCounter(text)
        self.protected: list[tuple[int, int, str]] = []
        self.markup: list[tuple[int, int]] = []
        self.links: list[tuple[int, int]] = []
        self.headings: list[tuple[int, int]] = []
        self.generated: list[tuple[str, int, int]] = []
        self.tables: list[Table] = []
        self.abbreviations: list[tuple[int, int, str]] = []
        self.body_end: int | None = None
        self.unfinished: int | None = None
        self.html_end: int | None = None
        self.main_ends: list[int] = []  # where each `</main>` starts: appended blocks go at the end of the one
        self.skipping: _Protection | None = None
        self.marked: _Protection | None = None
        # The `<a>` open: where it starts, its text so far, and whether it links (`href`) or is a bookmark (`name`).
        self.link: tuple[int, list[str], bool] | None = None
        self.buttons: list[tuple[int, int]] = []
        self.button: int | None = None  # where the `<button>` open starts
        self.heading: tuple[str, int, list[str]] | None = None
        self.last_heading: tuple[int, str] | None = None
        # The paragraph open (where it starts, its text, the part of it in bold), how deep in bold the text is, and
        # the last paragraph in bold alone (`Table.bold_heading`).
        self.paragraph: tuple[int, list[str], list[str]] | None = None
        self.bold_depth = 0
        self.last_bold: tuple[int, str] | None = None
        self.paragraph_rows: _ParagraphRows | None = None  # a glossary's rows as paragraphs, being read
        self.table: _TableBuilder | None = None
        self.pending_markup: tuple[int, str] | None = None
        self.raw_text: str | None = None  # the raw-text element open, whose text holds no comment
        self.comment_starts: set[int] = set()

    # Offsets -------------------------------------------------------------------------------------

    def _here(self) -> int:
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def _tag_end(self, start: int) -> int:
        end = self.text.find(">", start)
        return len(self.text) if end == -1 else end + 1

    def _event(self, kind: str | None) -> int:
        """Close the previous markup event at this event's start; open a new one if `kind`."""
        here = self._here()
        if self.pending_markup is not None:
            start, markup_kind = self.pending_markup
            self.markup.append((start, here))
            if self.skipping is None and (self.marked is None or start != self.marked.start):
                self.protected.append((start, here, markup_kind))
        self.pending_markup = (here, MARKUP_KINDS[kind]) if kind else None
        return here

    # Events --------------------------------------------------------------------------------------

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        start = self._event("tag")
        if self.raw_text is None and tag in RAW_TEXT_ELEMENTS:
            self.raw_text = tag
        end = start + len(self.get_starttag_text() or "")
        if self.skipping is not None:
            if self.skipping.name == "p" and tag in PARAGRAPH_CLOSERS:  # an entry of contents left open ends here
                self._stop_skipping(start)
                self._open(tag, attrs, start, end)
            elif tag == self.skipping.name:
                self.skipping.depth += 1
            elif (self.skipping.name == "head" and tag == "body") or dict(attrs).get(
                MARKER_ATTRIBUTE
            ) in APPENDED_BLOCKS:
                # `<body>` ends an unclosed head; what this tool appended ends an element left open before it
                self._stop_skipping(start)
                self._open(tag, attrs, start, end)
            return
        self._open(tag, attrs, start, end)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._event("tag")

    def handle_endtag(self, tag: str) -> None:
        start = self._event("tag")
        if tag == self.raw_text:
            self.raw_text = None
        end = self._tag_end(start)
        if self.skipping is not None:
            if tag == self.skipping.name:
                self.skipping.depth -= 1
                if self.skipping.depth == 0:
                    self._stop_skipping(end)
            return
        if self.marked is not None and tag == self.marked.name:
            self.marked.depth -= 1
            if self.marked.depth == 0:
                self._end_marked(end)
        self._close(tag, start, end)

    def handle_data(self, data: str) -> None:
        here = self._event(None)
        if INERT_OPENING in data:
            data = self.text[here : here + len(data)]  # as written: see `layout`
        if "<" in data and self.skipping is None:
            for stray in re.finditer("<", data):
                self._stray_opening(here + stray.start())
        self._collect(data, here)

    def handle_entityref(self, name: str) -> None:
        self._collect(f"&{name};", self._event(None))

    def handle_charref(self, name: str) -> None:
        self._collect(f"&#{name};", self._event(None))

    def handle_comment(self, data: str) -> None:
        start = self._event("comment")
        if self.raw_text is None:  # html.parser reads comments in `<textarea>` and `<title>`; browsers do not
            self.comment_starts.add(start)

    def handle_decl(self, decl: str) -> None:
        self._event("declaration")

    def unknown_decl(self, data: str) -> None:
        self._event("declaration")

    def handle_pi(self, data: str) -> None:
        self._event("declaration")

    # Structure -----------------------------------------------------------------------------------

    def _open(self, tag: str, attrs: list[tuple[str, str | None]], start: int, end: int) -> None:
        if tag in WORD_BREAKS:
            self._collect(" ", start)
        attributes = dict(attrs)
        if tag in PROTECTED_ELEMENTS:
            self.skipping = _Protection(tag, start, PROTECTED_ELEMENTS[tag], attributes.get("title"))
            return
        if tag == "p" and WORD_CONTENTS_CLASS.match(attributes.get("class") or ""):
            self.skipping = _Protection(tag, start, WORD_CONTENTS_KIND)
            return
        if _hidden(tag, attributes):
            self.skipping = _Protection(tag, start, HIDDEN_KIND)
            return
        if attributes.get("aria-label") and (tag in LABELLED_CONTROLS or attributes.get("role") in LABELLED_ROLES):
            self.skipping = _Protection(tag, start, LABELLED_KIND)
            return
        marker = attributes.get(MARKER_ATTRIBUTE)
        if marker in APPENDED_BLOCKS:  # appended at the end: a link, heading or table left open ends here
            self._end_open_elements(start)
        if self.marked is not None and tag == self.marked.name:
            self.marked.depth += 1
        elif self.marked is None and marker is not None:
            self.marked = _Protection(tag, start, marker)
        if tag == "button" and self.button is None:
            self.button = start
        if tag in PARAGRAPH_CLOSERS:
            self._end_paragraph(start)
            if tag == "p":
                self.paragraph = (start, [], [])
                self._start_paragraph_rows()
            else:  # a heading, a table or list, a division: no more rows as paragraphs
                self._end_paragraph_rows()
        elif tag in BOLD_ELEMENTS:
            self.bold_depth += 1
        if tag == "a":
            self._end_link(start)
            self.link = (start, [], "href" in attributes)
        elif tag in HEADING_ELEMENTS:
            if self.table is not None:  # a heading in a list or table ends its rows: what follows is the heading's
                self._end_row(start)
                self._end_table(start)
            self._end_heading(start)
            self.heading = (tag, start, [])
        elif tag in BLOCK_SHAPES:
            self._open_table(tag, start)
        elif self.table is not None and self.table.depth == 1:
            self._table_tag(tag, start)

    def _close(self, tag: str, start: int, end: int) -> None:
        if tag in WORD_BREAKS:
            self._collect(" ", start)
        if tag == "p":
            self._end_paragraph(end)
        elif tag in BOLD_ELEMENTS and self.bold_depth:
            self.bold_depth -= 1
        if tag == "button" and self.button is not None:
            self.buttons.append((self.button, end))
            self.button = None
        if tag == "a":
            self._end_link(end)
        elif tag in HEADING_ELEMENTS and self.heading is not None and self.heading[0] == tag:
            self._end_heading(end)
        elif self.table is not None and tag in self.table.shape.family:
            self.table.depth -= 1
            if self.table.depth == 0:
                self._end_row(start)
                self._end_table(end)
        elif self.table is not None and self.table.depth == 1 and tag == self.table.shape.row_close:
            self._end_row(end)
        elif self.table is not None and self.table.depth == 1 and tag in self.table.shape.cells:
            self.table.cell = None
            if tag == "dd":
                self.table.row_end = end
        elif tag == "main":
            self.main_ends.append(self._before_open_elements(start))
        elif tag == "body":
            self.body_end = self._before_open_elements(start)
        elif tag == "html":
            self.html_end = self._before_open_elements(start)

    def _stray_opening(self, start: int) -> None:
        """A `<` that opens no tag: what is glued to it could open one, so it is left alone.

        One never closed by a `>` would swallow any tag written after it, so
        everything from it on is left alone, and appended blocks go before it.
        """
        if not TAG_OPENING.match(self.text, start):  # `< b`, `<3`: text, and nothing glued to it can change that
            return
        if self.text.find(">", start) == -1:
            self.protected.append((start, len(self.text), UNFINISHED_KIND))
            self.unfinished = start if self.unfinished is None else self.unfinished
            return
        stray = STRAY_OPENING.match(self.text, start)
        assert stray is not None
        self.protected.append((start, stray.end(), STRAY_KIND))

    def _before_open_elements(self, offset: int) -> int:
        """Where to append at `offset` without landing inside an element still open there."""
        left_open = [
            self.skipping.start if self.skipping else None,
            self.link[0] if self.link else None,
            self.heading[1] if self.heading else None,
            self.table.start if self.table else None,
        ]
        return min([offset, *(start for start in left_open if start is not None)])

    def _outside_links_and_headings(self, offset: int) -> int:
        """`offset`, moved to the start of any link or heading it falls inside."""
        moved = True
        while moved:
            moved = False
            for start, end in (*self.links, *self.headings):
                if start < offset < end:
                    offset, moved = start, True
        return offset

    def _end_marked(self, end: int) -> None:
        if self.marked is not None:
            self.generated.append((self.marked.kind, self.marked.start, end))
            self.protected.append((self.marked.start, end, GENERATED_KIND))
            self.marked = None

    def _end_open_elements(self, end: int) -> None:
        """End a link, heading or table the author left open before what this tool appended."""
        self._end_link(end)
        self._end_heading(end)
        if self.table is not None:
            self._end_row(end)
            self._end_table(end)

    def _stop_skipping(self, end: int) -> None:
        assert self.skipping is not None
        self.protected.append((self.skipping.start, end, self.skipping.kind))
        if self.skipping.name == "abbr" and self.skipping.title is not None:
            self.abbreviations.append((self.skipping.start, end, " ".join(self.skipping.title.split())))
        self.skipping = None

    def _collect(self, raw: str, start: int) -> None:
        if self.skipping is not None:
            return
        if self.link is not None:
            self.link[1].append(raw)
        if self.heading is not None:
            self.heading[2].append(raw)
        if self.paragraph is not None:
            self.paragraph[1].append(raw)
            if self.bold_depth:
                self.paragraph[2].append(raw)
        if self.table is not None and self.table.cell is not None:
            self.table.cell.append(raw)
            if self.table.text_start is None and raw.strip():
                self.table.text_start = start + len(raw) - len(raw.lstrip())

    def _end_link(self, end: int) -> None:
        if self.link is None:
            return
        start, raw, linked = self.link
        self.links.append((start, end))  # a footnote's link cannot sit in a bookmark either: `<a>` holds no `<a>`
        # A link named by an acronym points at what explains it; a bookmark (Word's `<a name="_Toc1">`) is a place.
        if linked and is_acronym_text("".join(raw)):
            self.protected.append((start, end, ACRONYM_LINK_KIND))
        self.link = None

    def _end_heading(self, end: int) -> None:
        if self.heading is None:
            return
        _, start, raw = self.heading
        if self.marked is None:  # the headings of generated notes and glossaries start no section
            self.headings.append((start, end))
        self.last_heading = (start, _cell_text(raw))
        self.heading = None

    def _end_paragraph(self, end: int) -> None:
        if self.paragraph is None:
            return
        start, raw, bold = self.paragraph
        text = _cell_text(raw)
        if text and len(text) <= MAX_BOLD_HEADING_CHARS and _cell_text(bold) == text:
            self.last_bold = (start, text)
        self.paragraph = None
        if self.paragraph_rows is None or not text:  # Word's empty paragraphs (`&nbsp;`) part nothing
            return
        row = TABBED_ROW.fullmatch(html.unescape("".join(raw)))
        if row is not None:
            self.paragraph_rows.rows.append(
                Row((row[1], " ".join(row[2].split())), False, self.lines.line(start), start, end)
            )
            self.paragraph_rows.end = end
        elif self.paragraph_rows.rows:
            self._end_paragraph_rows()

    def _start_paragraph_rows(self) -> None:
        """Read the paragraphs from here as a glossary's rows, under the heading waiting for a table, if one is."""
        if self.table is not None or (self.paragraph_rows is not None and self.paragraph_rows.rows):
            return
        waiting = self._heading_waiting()  # none read yet: under the heading waiting now (`<p><b>Glossary</b></p>`)
        self.paragraph_rows = None if waiting is None else _ParagraphRows(*waiting)

    def _end_paragraph_rows(self) -> None:
        """End the rows as paragraphs: two or more are a table under their heading, which no later table takes."""
        found, self.paragraph_rows = self.paragraph_rows, None
        if found is None or len(found.rows) < MIN_PARAGRAPH_ROWS:
            return
        heading_start, heading = found.heading
        self.tables.append(Table(heading, heading_start, found.end, tuple(found.rows), found.bold_heading))
        self.last_heading = self.last_bold = None

    def _open_table(self, tag: str, start: int) -> None:
        self._end_paragraph_rows()
        if self.table is not None:
            if tag in self.table.shape.family:
                self.table.depth += 1
        elif (waiting := self._heading_waiting()) is not None:
            heading, bold = waiting
            self.table = _TableBuilder(start, heading, BLOCK_SHAPES[tag], bold)
            self.last_heading = self.last_bold = None

    def _heading_waiting(self) -> tuple[tuple[int, str], tuple[int, str] | None] | None:
        """The heading a block opening here is under, and a paragraph in bold alone between them (`Table.bold_heading`);
        a paragraph in bold alone is the heading when no heading element is waiting. None when nothing is waiting."""
        heading, bold = self.last_heading, self.last_bold
        if heading is None:
            return None if bold is None else (bold, None)
        return heading, (bold if bold is not None and bold[0] > heading[0] else None)

    def _end_table(self, end: int) -> None:
        table = self.table
        assert table is not None
        self.tables.append(Table(table.heading, table.heading_start, end, tuple(table.rows), table.bold_heading))
        self.table = None

    def _table_tag(self, tag: str, start: int) -> None:
        assert self.table is not None
        if tag == self.table.shape.row:
            self._end_row(start)
            self.table.row = (start, [])
        if tag in self.table.shape.cells and self.table.row is not None:
            self.table.cell = []
            self.table.row[1].append((tag, self.table.cell))

    def _end_row(self, end: int) -> None:
        assert self.table is not None
        if self.table.row is None:
            return
        start, cells = self.table.row
        end = end if self.table.row_end is None else self.table.row_end
        if self.table.shape.row != "tr":  # an item left open ends at the next one: leave out the space between
            end = start + len(self.text[start:end].rstrip())
        # The line of the row's first text (Word writes each cell's text on a line below the `<tr>`), counting a
        # lone CR as a line break, as every line number does (`line_starts` counts LF alone, as html.parser does).
        line = self.lines.line(start if self.table.text_start is None else self.table.text_start)
        header = all(kind == "th" for kind, _ in cells)
        self.table.rows.append(Row(tuple(_cell_text(raw) for _, raw in cells), header, line, start, end))
        self.table.row = self.table.cell = self.table.row_end = self.table.text_start = None

    def result(self) -> Layout:
        end = len(self.text)
        if self.pending_markup is not None:
            start, kind = self.pending_markup
            self.markup.append((start, end))
            if self.skipping is None and (self.marked is None or start != self.marked.start):
                self.protected.append((start, end, kind))
        # The end of the page's one `<main>`, where its content ends (a screen reader's "main" landmark); else
        # before `</body>`, after the site's footer.
        main_end = self.main_ends[0] if len(self.main_ends) == 1 else None
        body_end = next((offset for offset in (main_end, self.body_end, self.html_end) if offset is not None), end)
        if self.unfinished is not None:
            body_end = min(body_end, self.unfinished)
        body_end = self._before_open_elements(body_end)
        # `</>` is dropped by browsers and by html.parser, which reports no event for it
        self.protected += [(*match.span(), MARKUP_KINDS["tag"]) for match in re.finditer("</>", self.text)]
        if self.skipping is not None:
            self.protected.append((self.skipping.start, end, self.skipping.kind))
        self._end_marked(end)
        self._end_link(end)
        self._end_heading(end)
        self._end_paragraph(end)
        self._end_paragraph_rows()
        if self.button is not None:
            self.buttons.append((self.button, end))
        body_end = self._outside_links_and_headings(body_end)
        return Layout(
            protected=tuple(outermost(self.protected)),
            markup=tuple(self.markup),
            links=tuple(self.links),
            headings=tuple(self.headings),
            generated=tuple(self.generated),
            tables=tuple(self.tables),
            body_end=body_end,
            abbreviations=tuple(self.abbreviations),
            buttons=tuple(self.buttons),
            comments=tuple((start, end) for start, end in self.markup if start in self.comment_starts),
        )
