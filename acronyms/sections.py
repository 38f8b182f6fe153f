"""A document's own glossary section: a heading, then one acronym and expansion a row.

Rows are `ACRONYM<tab>Expansion`, `ACRONYM  Expansion` (two or more spaces), or
`ACRONYM – Expansion` (en dash, hyphen or colon), or Markdown table rows
`| ACRONYM | Expansion |`. A row may be a list item (`- DA: ...`, `1. DA: ...`),
and Markdown emphasis or code around its acronym counts for nothing (`**DA**: ...`). In Markdown a row may
also be a definition list's entry over two lines, `DA` then `:   Domestic Abuse`. In Markdown an expansion is
read without its emphasis marks and inline HTML tags (`Domestic *Abuse*` reads `Domestic Abuse`). The section runs from the heading to the last row
before a line that is neither a row nor blank. A heading followed only by blank lines (and a table's header)
up to the end of the text or the next heading is an empty section, the place for rows that annotation adds.

>>> text = "Minutes\\n\\nGlossary\\n\\nDA\\tDomestic Abuse\\nSNP - Safer Neighbourhood Panels"
>>> section = find_glossary_section(text)
>>> [(row.acronym, row.expansion, row.line) for row in section.rows]
[('DA', 'Domestic Abuse', 5), ('SNP', 'Safer Neighbourhood Panels', 6)]
>>> text[section.start:section.start + 8]
'Glossary'
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from . import html
from .glossary import Entry, Glossary
from .positions import line_at
from .regions import KIND_NAMES, Format, Spans, protected_spans

# A glossary heading: `Glossary`, `Abbreviations`, `Acronyms`, `Jargon buster` and their longer forms (`Glossary
# of terms`, `List of abbreviations`, `Abbreviations used in this report`), after a number (`6.`, `6.1`) or an
# appendix's name (`Appendix A:`), as Markdown heading or bold, alone on its line. Welsh forces publish bilingual
# papers: the Welsh words (`Geirfa`, `Byrfoddau`, `Acronymau`) are headings too, alone or beside the English one
# after a slash (`Glossary / Geirfa`).
_HEADING_NUMBER = r"(?:(?:appendix|annexe?|schedule)[ \t]+[a-z0-9]{1,3}[ \t]*[:.\u2013\u2014-]?[ \t]*|\d{1,3}(?:\.\d{1,3})*\.?[ \t]+)?"
_ENGLISH_HEADING_WORDS = (
    r"(?:list[ \t]+of[ \t]+)?"
    r"(?:glossary(?:[ \t]+of[ \t]+(?:terms|acronyms|abbreviations))?|abbreviations(?:[ \t]+and[ \t]+acronyms)?"
    r"|acronyms(?:[ \t]+and[ \t]+abbreviations)?|jargon[ \t]+buster)"
    r"(?:[ \t]+used(?:[ \t]+in[ \t]+this[ \t]+(?:report|document|paper|plan))?)?"
)
_ONE_HEADING_WORDS = rf"(?:{_ENGLISH_HEADING_WORDS}|geirfa|byrfoddau|acronymau)"
_HEADING_WORDS = rf"{_ONE_HEADING_WORDS}(?:[ \t]*+/[ \t]*+{_ONE_HEADING_WORDS})?"
# Its runs of spaces are possessive (`*+`): a line of many spaces (pdftotext's layout) is then tried once, not in
# every way of sharing the spaces between the runs, which took seconds for a page of such lines.
_HEADING_LINE = (
    rf"[ \t]*+(?:#{{1,6}}[ \t]*+)?(?:\*\*|__)?[ \t]*+{_HEADING_NUMBER}{_HEADING_WORDS}"
    r"[ \t]*+:?[ \t]*+(?:\*\*|__)?[ \t]*+:?[ \t]*+\r?$"
)
HEADING = re.compile(rf"^{_HEADING_LINE}", re.IGNORECASE | re.MULTILINE)
# The same headings after a line break: a pattern that starts with a literal character
# is scanned for at memchr-like speed, while `^` is tried at every position. The look-ahead
# lists what a heading's line may start with: a line that starts otherwise is passed over at
# its first character (0.4 ms a MB of minutes instead of 1.3 ms).
_HEADING_START = r"[ \t#*_\dabgjls]"  # padding, `#`, `**`, `__`, a number, `appendix`, `schedule`, the words
_HEADING_AFTER_BREAK = re.compile(rf"\n(?={_HEADING_START})(?P<heading>{_HEADING_LINE})", re.IGNORECASE | re.MULTILINE)
ACRONYM = r"[A-Za-z0-9][A-Za-z0-9&/.'’-]{0,14}"
# A list item's bullet or number, and Markdown emphasis or code around the acronym (`- **DA**: ...`).
_BULLET = r"(?:[-*+]|\d{1,9}[.)])[ \t]+"
_MARK = r"\*\*|__|\*|_|`"
_SEPARATOR = r"\t+[ \t]*|[ ]{2,}|[ \t]+[–—:-][ \t]+|:[ \t]+"
# A row may give the acronym and its expansion with an optional plural, as force glossaries do: `IDVA(s)`.
OPTIONAL_PLURAL: Final = "(s)"
_OPTIONAL_PLURAL = r"(?:\(s\))?"
ROW = re.compile(
    rf"[ \t]*(?:{_BULLET})?(?P<mark>{_MARK})?(?P<written_acronym>(?P<acronym>{ACRONYM}){_OPTIONAL_PLURAL})"
    rf"(?:(?(mark)(?P=mark))(?:{_SEPARATOR})|:(?(mark)(?P=mark))[ \t]+)(?P<expansion>\S[^\t\r\n]*?)[ \t]*\r?"
)
# In Markdown, a row with one space between acronym and expansion, as pandoc writes a Word paragraph typed with a
# tab (`ACC<tab>Assistant Chief Constable` becomes `ACC Assistant Chief Constable`); its acronym has two capitals
# or digits at least (`SPACED_ROW_CAPITALS`), so that `See the force website.` is no row.
SPACED_ROW = re.compile(
    rf"[ \t]*(?P<written_acronym>(?P<acronym>{ACRONYM}){_OPTIONAL_PLURAL}) (?P<expansion>\S[^\t\r\n]*?)[ \t]*\r?"
)
SPACED_ROW_CAPITALS: Final = 2
TABLE_ROW = re.compile(
    rf"[ \t]*\|[ \t]*(?P<written_acronym>(?P<acronym>{ACRONYM}){_OPTIONAL_PLURAL})"
    r"[ \t]*\|[ \t]*(?P<expansion>[^|\r\n]*?)[ \t]*\|.*\r?"
)
# A Markdown definition list's entry (`def_list`, kramdown, Pandoc): the acronym alone on its line, in emphasis
# or code or not, then its expansion on the next line after `:` (`PCSO` then `:   Police Community Support Officer`).
DEFINITION_TERM = re.compile(
    rf"[ \t]*(?P<mark>{_MARK})?(?P<written_acronym>(?P<acronym>{ACRONYM}){_OPTIONAL_PLURAL})(?(mark)(?P=mark))[ \t]*\r?"
)
# The definition's line opens with `:` (Pandoc also takes `~`), and may follow a blank line after the term
# (a "loose" list, in Pandoc, kramdown and Python-Markdown alike); a term may have several definitions.
DEFINITION = re.compile(r"[ ]{0,3}[:~][ \t]+(?P<expansion>\S[^\t\r\n]*?)[ \t]*\r?")
BLANK_LINE: Final = re.compile(r"[ \t]*\r?\n")
# A table's rule: a pipe table's (`| --- | --- |`), or a pandoc simple or multiline table's, its columns' dashes
# apart (`-----  -----`), as `pandoc minutes.docx -t markdown` writes a Word table.
TABLE_RULE = re.compile(
    r"[ \t]*\|?[ \t:]*-{3,}[ \t:]*(?:\|[ \t:]*-{3,}[ \t:]*)*\|?[ \t]*\r?|[ \t]*-{3,}(?:[ \t]+-{3,})+[ \t]*\r?"
)
TABLE_HEADER_WORDS = frozenset({"acronym", "abbreviation", "term", "short form"})
# An HTML comment on a line of its own, or after a row (`<!-- acronyms-disable-next-line G001 -->`): a section
# reads past it, and a row is read without it. One that opens and does not close on its line runs on to the line
# that closes it (`COMMENT_END`).
COMMENT_LINE: Final = re.compile(r"[ \t]*<!--.*?-->[ \t]*\r?")
COMMENT_OPEN: Final = re.compile(r"[ \t]*<!--(?!.*?-->)")
COMMENT_END: Final = "-->"
TRAILING_COMMENT: Final = re.compile(r"[ \t]*<!--.*?-->[ \t]*(?=\r?$)")
# A Markdown heading (`## Actions`), which ends an empty glossary section as a glossary heading does.
ATX_HEADING = re.compile(r"[ ]{0,3}#{1,6}(?:[ \t].*)?\r?")
# What a Markdown expansion is read without: emphasis marks that open before a word or close after one
# (not the `_` of `snake_case`), and inline HTML tags.
MARKUP = re.compile(r"(?<!\w)[*_]+(?=\w)|(?<=\w)[*_]+(?!\w)|</?[A-Za-z][^<>\n]*>")


@dataclass(frozen=True)
class SectionRow:
    """One row of a glossary section; offsets are into the whole document."""

    acronym: str
    expansion: str
    line: int
    start: int
    end: int
    written: str = ""  # the expansion as written, when markup makes it differ from `expansion`
    acronym_plural: bool = False  # the acronym is written with the optional plural: `IDVA(s)`
    expansion_plural: bool = False  # and so is the expansion: `Independent Domestic Violence Adviser(s)`

    @property
    def written_expansion(self) -> str:
        """The expansion as the row writes it: `Domestic *Abuse*` for `Domestic Abuse`."""
        return self.written or self.expansion


@dataclass(frozen=True)
class GlossarySection:
    """The heading and rows of a document's glossary; `[start, end)` covers them all."""

    start: int
    end: int
    rows: tuple[SectionRow, ...]

    def glossary(self, name: str = "<glossary section>") -> Glossary:
        """The rows as a glossary, each entry remembering its line."""
        return Glossary((Entry(row.acronym, row.expansion, source=name, line=row.line) for row in self.rows), name=name)


def find_glossary_section(text: str, format: Format = Format.TEXT) -> GlossarySection | None:
    """The last glossary section of the document that has at least one row or is empty, or None.

    A heading is a line that `HEADING` matches, in any case (`GLOSSARY`, `Glossary`, `GlOsSaRy`).
    An empty section, a heading followed only by blank lines (and a table's header and rule) up
    to the end of the text or the next heading, has no rows: it is where annotation adds them,
    and once `GlossaryMode.REPLACE` has emptied a section, its heading stays the section.
    A heading followed by other text (`Glossary` then `See the force website.`) is no section.

    In HTML the section is a heading element (`<h2>Glossary</h2>`) and the first
    table, definition list (`<dt>DA</dt><dd>Domestic Abuse</dd>`) or list
    (`<li><b>DA</b>: Domestic Abuse</li>`) after it, one row per acronym;
    `[start, end)` runs from the heading to the end of the table or list.

    >>> page = ("<h2>Acronyms</h2><table><tr><th>Acronym</th><th>Meaning</th></tr>"
    ...         "<tr><td>DA</td><td>Domestic Abuse</td></tr></table>")
    >>> [(row.acronym, row.expansion) for row in find_glossary_section(page, Format.HTML).rows]
    [('DA', 'Domestic Abuse')]

    In Markdown a heading inside a code block, an HTML block or comment or the front matter is
    text, not a heading (a code block left open at the end holds the rest of the text).

    >>> find_glossary_section("The PC met.\\n\\n```\\nGlossary\\n", Format.MARKDOWN) is None
    True
    """
    if format is Format.HTML:
        return _html_section(text)
    blocks: Spans | None = None
    for heading in reversed(_headings(text)):
        section = _section_after(text, heading, format)
        if section is not None and format is Format.MARKDOWN:
            if blocks is None:  # found once, and only when a heading may start a section: most texts have none
                blocks = Spans([span for span in protected_spans(text, format) if span[2] in NOT_HEADINGS])
            if blocks.overlapping(*heading) is not None:
                continue
        if section is not None:
            return section
    return None


# Markdown blocks whose lines are no headings.
NOT_HEADINGS: Final = frozenset(
    KIND_NAMES[kind]
    for kind in ("front_matter", "html_block", "comment", "fenced_code", "unclosed_fence", "indented_code")
)


def _headings(text: str) -> list[tuple[int, int]]:
    """The spans of `HEADING`'s matches, in text order, found faster than by `HEADING.finditer`.

    A heading is a whole line: the first line, or one after a line break.

    >>> text = "Glossary\\nGlossary:\\n\\nminutes\\n## ACRONYMS\\r\\n"
    >>> _headings(text) == [match.span() for match in HEADING.finditer(text)] == [(0, 8), (9, 18), (28, 40)]
    True
    """
    first = HEADING.match(text)
    return [
        *([first.span()] if first else []),
        *(match.span("heading") for match in _HEADING_AFTER_BREAK.finditer(text)),
    ]


def _section_after(text: str, heading: tuple[int, int], format: Format = Format.TEXT) -> GlossarySection | None:
    heading_start, heading_end = heading
    rows: list[SectionRow] = []
    markdown = format is Format.MARKDOWN
    line = line_at(text, heading_start)
    position = text.find("\n", heading_end)
    end = heading_end - text.endswith("\r", heading_start, heading_end)  # an empty section ends before a CR LF
    while position != -1:
        start = position + 1
        position = text.find("\n", start)
        line_end = len(text) if position == -1 else position
        line += 1
        row_text = text[start:line_end]
        if not row_text.strip() or COMMENT_LINE.fullmatch(row_text):
            continue
        if COMMENT_OPEN.match(row_text):  # a comment over lines: to the line that closes it
            closing = text.find(COMMENT_END, line_end)
            if closing == -1:
                break
            position = text.find("\n", closing)
            line += text.count("\n", line_end, closing)
            continue
        if "<!--" in row_text:
            row_text = TRAILING_COMMENT.sub("", row_text)
        if TABLE_RULE.fullmatch(row_text):
            if not rows:  # an empty table's rule: rows go after it
                end = start + len(row_text.rstrip("\r"))
            continue
        row = _row(row_text) or (_spaced_row(row_text) if markdown else None)
        row_end = start + len(row_text.rstrip("\r"))
        row_line = line
        if row is None and format is Format.MARKDOWN and position != -1:  # a definition list's entry: two lines
            definition_start = position + 1
            blank = BLANK_LINE.match(text, definition_start)
            if blank is not None:  # `PCSO`, a blank line, then `:   Police ...`
                definition_start = blank.end()
            definition_end = len(text) if (found := text.find("\n", definition_start)) == -1 else found
            definition = TRAILING_COMMENT.sub("", text[definition_start:definition_end])
            row = _definition_row(row_text, definition)
            if row is not None:
                line += 1 + (blank is not None)
                position, row_end = found, definition_start + len(definition.rstrip("\r"))
                # Its other definitions (`CC`, `:   Chief Constable`, `:   County Council`): the first is the row's
                while position != -1:
                    next_line = text[position + 1 : _line_end(text, position + 1)]
                    if not DEFINITION.fullmatch(TRAILING_COMMENT.sub("", next_line)):
                        break
                    row_end = position + 1 + len(next_line.rstrip("\r"))
                    position = text.find("\n", position + 1)
                    line += 1
        wrapped = _wrapped(text, rows[-1], start, row_text) if row is None and rows and markdown else None
        if wrapped is not None:  # a pandoc multiline table's row, its expansion wrapped under its column
            rows[-1], end = wrapped, wrapped.end
            continue
        if row is None:
            if rows:
                break
            if HEADING.fullmatch(row_text) or ATX_HEADING.fullmatch(row_text):
                return GlossarySection(heading_start, end, ())
            return None
        acronym, written = row
        if acronym.removesuffix(OPTIONAL_PLURAL).lower() not in TABLE_HEADER_WORDS:
            read = read_expansion(written) if format is Format.MARKDOWN else written
            rows.append(_section_row(acronym, written, read, row_line, start, row_end))
        end = row_end
    return GlossarySection(heading_start, end, tuple(rows))


def _wrapped(text: str, row: SectionRow, start: int, line: str) -> SectionRow | None:
    """`row` with `line` (from `start`) as more of its expansion, when `line` continues it, or None.

    A pandoc multiline table wraps a long cell onto the next lines, under its column: `line` follows
    the row's last line and starts, after spaces, where the row's expansion starts.

    >>> text = "  APCC  Association of Police\\n        Commissioners\\n"
    >>> row = SectionRow("APCC", "Association of Police", 1, 0, 29)
    >>> _wrapped(text, row, 30, "        Commissioners").expansion
    'Association of Police Commissioners'
    """
    expansion_start = row.end - len(row.written_expansion)
    column = expansion_start - (text.rfind("\n", 0, row.start) + 1)
    indent = len(line) - len(line.lstrip(" "))
    if text.count("\n", row.end, start) != 1 or indent != column or not line.strip():
        return None
    end = start + len(line.rstrip(" \t\r"))
    written = text[expansion_start:end]
    acronym = row.acronym + OPTIONAL_PLURAL * row.acronym_plural
    return _section_row(acronym, written, " ".join(read_expansion(written).split()), row.line, row.start, end)


def _line_end(text: str, start: int) -> int:
    """Where the line from `start` ends: its line break, or the end of the text."""
    found = text.find("\n", start)
    return len(text) if found == -1 else found


def _definition_row(term: str, definition: str) -> tuple[str, str] | None:
    """The acronym as written and the expansion of a definition list's entry, its term and definition lines, or None.

    >>> _definition_row("**IDVA(s)**", ":   Independent Domestic Violence Adviser(s)")
    ('IDVA(s)', 'Independent Domestic Violence Adviser(s)')
    """
    term_match, definition_match = DEFINITION_TERM.fullmatch(term), DEFINITION.fullmatch(definition)
    if term_match is None or definition_match is None or not any(c.isupper() for c in term_match["acronym"]):
        return None
    return term_match["written_acronym"], definition_match["expansion"]


def read_expansion(written: str) -> str:
    """A Markdown row's expansion as read: without emphasis marks and inline HTML tags, spaces collapsed.

    >>> read_expansion("Domestic *Abuse*"), read_expansion("**Domestic** <em>Abuse</em>"), read_expansion("a_b")
    ('Domestic Abuse', 'Domestic Abuse', 'a_b')
    """
    if not any(mark in written for mark in "*_<"):
        return written
    return " ".join(MARKUP.sub("", written).split()) or written


def _html_section(text: str) -> GlossarySection | None:
    for table in reversed(html.layout(text).tables):
        heading_start = next((start for start, heading in table.headings if HEADING.fullmatch(heading)), None)
        if heading_start is None:
            continue
        rows = tuple(row for row in map(_html_row, table.rows) if row is not None)
        if rows:
            return GlossarySection(heading_start, table.end, rows)
    return None


def _html_row(row: html.Row) -> SectionRow | None:
    """A table row with acronym and expansion cells, a `<dt>` and its `<dd>`, or an `ACRONYM: Expansion` item."""
    cells = row.cells[next((index for index, cell in enumerate(row.cells) if cell), len(row.cells)) :]
    if row.header or not cells:  # (a first column left empty, for numbers or bullets, is no acronym)
        return None
    if len(cells) == 1:
        found = _row(cells[0])
    elif _row(f"{cells[0]}\t{cells[1]}") is not None:
        found = cells[0], cells[1]
    else:
        found = None
    if found is None or found[0].removesuffix(OPTIONAL_PLURAL).lower() in TABLE_HEADER_WORDS:
        return None
    acronym, written = found
    return _section_row(acronym, written, written, row.line, row.start, row.end)


def _section_row(acronym: str, written: str, read: str, line: int, start: int, end: int) -> SectionRow:
    """A row from its acronym and expansion as written and its expansion as read, read in the singular (`IDVA(s)`)."""
    singular, expansion = acronym.removesuffix(OPTIONAL_PLURAL), singular_row(read)
    return SectionRow(
        singular,
        expansion,
        line,
        start,
        end,
        "" if expansion == written else written,
        acronym_plural=singular != acronym,
        expansion_plural=expansion != read,
    )


def past_optional_plural(row: str, at: int) -> int:
    """`at`, past the optional plural (`(s)`) that may follow a row's acronym there.

    >>> past_optional_plural("IDVA(s)\tAdviser(s)", 4), past_optional_plural("DA\tDomestic Abuse", 2)
    (7, 2)
    """
    return at + len(OPTIONAL_PLURAL) if row.startswith(OPTIONAL_PLURAL, at) else at


def singular_row(expansion: str) -> str:
    """A row's expansion without the optional plural it may end with: `Independent Domestic Violence Adviser(s)`.

    >>> singular_row("Independent Domestic Violence Adviser(s)"), singular_row("Sergeant (s)")
    ('Independent Domestic Violence Adviser', 'Sergeant (s)')
    """
    return expansion.removesuffix(OPTIONAL_PLURAL) if expansion[-4:-3].isalpha() else expansion


def _spaced_row(line: str) -> tuple[str, str] | None:
    """The acronym as written and the expansion of a Markdown row with one space between them, or None.

    With one space only, a line of prose may look like one (`NB The rows above are…`): the expansion must start
    with the acronym's first letter, as nearly every expansion does.

    >>> _spaced_row("ToMV Theft of Motor Vehicle"), _spaced_row("See the force website.")
    (('ToMV', 'Theft of Motor Vehicle'), None)
    >>> _spaced_row("NB The rows above are the force's.")
    """
    match = SPACED_ROW.fullmatch(line)
    if match is None or sum(char.isupper() or char.isdigit() for char in match["acronym"]) < SPACED_ROW_CAPITALS:
        return None
    if match["expansion"][:1].casefold() != match["acronym"][:1].casefold():
        return None
    return match["written_acronym"], match["expansion"]


def _row(line: str) -> tuple[str, str] | None:
    """The acronym as written (with its optional plural, `IDVA(s)`) and the expansion of a row, or None."""
    match = ROW.fullmatch(line) or TABLE_ROW.fullmatch(line)
    if match is None or not any(char.isupper() or char.isdigit() for char in match["acronym"]):
        return None
    return match["written_acronym"], match["expansion"]
