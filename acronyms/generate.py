"""A generated glossary: only the acronyms a document uses, sorted, in the document's own format.

`GlossaryMode.APPEND` adds a section at the end of the document (a
tab-separated block under `Glossary` in plain text, a table under
`## Glossary` in Markdown, a `<section>` with a table in HTML, before
`</body>`); when the document already has a glossary section, it adds only
the rows that section lacks, each at its place in alphabetical order, so the
author's rows stay as they are. Either way it only inserts text.
`GlossaryMode.REPLACE` rewrites the rows of the document's own section (its
heading stays) to exactly the acronyms used: unused rows and duplicates go, and
a row in the sense used keeps the optional plural its author wrote (`IDVA(s)`).
Under a section that has no rows (a glossary heading with nothing after it but
blank lines up to the end or the next heading), both modes insert the rows,
written as a new section would write them.
That is the one edit that is not an insertion, so it comes as a `Replacement`
that keeps the text it replaced.

"Used" means found outside code, links, tags and the glossary section itself,
in a sense the planner could name, and not marked well known. An acronym whose
form a glossary section cannot hold (see `acronyms.sections.ACRONYM`) is left out.

>>> from acronyms.glossary import Entry, Glossary
>>> from acronyms.planner import Options, GlossaryMode, plan
>>> g = Glossary.from_entries([Entry("SNP", "Safer Neighbourhood Panel"), Entry("DA", "Domestic Abuse")])
>>> text = "The SNP met.\\n"
>>> options = Options(glossary_section=GlossaryMode.APPEND)
>>> insertions, _ = glossary_edits(text, plan(text, g, options), options)
>>> (text + insertions[0].text).splitlines()
['The SNP met.', '', 'Glossary', '', 'SNP\\tSafer Neighbourhood Panel']
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import replace
from html import unescape
from typing import Final

from . import html
from .edits import Insertion, Replacement, block_at, line_ending
from .escaping import escape, escape_table_cell, one_line
from .forms import TAG
from .glossary import Entry, Glossary, expansion_key
from .headings import BLANK_AFTER
from .planner import Decision, GlossaryMode, Options, Plan, listed_entries, plan
from .positions import lf_view
from .regions import Format
from .sections import (
    OPTIONAL_PLURAL,
    GlossarySection,
    SectionRow,
    find_glossary_section,
    past_optional_plural,
    singular_row,
)

HEADING = "Glossary"
TABLE_HEADER = ("Acronym", "Expansion")
TABLE_LINE = re.compile(r"[ \t]*\|")
LINE_BREAK = re.compile(r"\r?\n|\r|")
LIST_NUMBER = re.compile(r"([ \t]*)(\d+)(?=[.)][ \t])")


def used_entries(decisions: Iterable[Decision]) -> list[Entry]:
    """The entry of each acronym used, once each, sorted by acronym (case-insensitively).

    >>> from acronyms.planner import plan
    >>> g = Glossary.from_entries([Entry("SNP", "Safer Neighbourhood Panel"), Entry("UK", "United Kingdom",
    ...     well_known=True), Entry("ACC", "Assistant Chief Constable"), Entry("DA", "Domestic Abuse")])
    >>> markdown = Options(format=Format.MARKDOWN)
    >>> [entry.acronym for entry in used_entries(plan("SNP, UK, ACC and `DA`", g, markdown).decisions)]
    ['ACC', 'SNP']
    """
    return sorted(listed_entries(decisions).values(), key=_order)


def used_glossary(text: str, glossary: Glossary, options: Options | None = None) -> Glossary:
    """The entries of `glossary` (and of the document's own glossary section) that `text` uses.

    >>> g = Glossary.from_entries([Entry("SNP", "Safer Neighbourhood Panel"), Entry("DA", "Domestic Abuse")])
    >>> [entry.expansion for entry in used_glossary("The SNP met.", g)]
    ['Safer Neighbourhood Panel']
    """
    decisions = plan(text, glossary, options or Options()).decisions
    return Glossary(used_entries(decisions), name=f"used in {glossary.name}")


def glossary_edits(text: str, plan: Plan, options: Options) -> tuple[list[Insertion], list[Replacement]]:
    """What `options.glossary_section` asks for: insertions, or one replacement of the section's rows."""
    if options.glossary_section is GlossaryMode.NONE:
        return [], []
    entries = used_entries(plan.decisions)
    section = find_glossary_section(lf_view(text), options.format)
    if section is None:
        return _new_section(text, entries, options.format, plan), []
    if not section.rows:
        return _first_rows(text, section, entries, options.format), []
    if options.glossary_section is GlossaryMode.REPLACE:
        # A document that uses none of its acronyms keeps its rows: emptied, a section would be no
        # section to the next run (in HTML, or with text after it), which would then annotate them.
        return [], _replace_rows(text, section, entries, options.format) if entries else []
    return _missing_rows(text, section, entries, options.format), []


def _order(entry: Entry) -> tuple[str, str]:
    return _order_key(entry.acronym)


def _new_section(text: str, entries: Sequence[Entry], format: Format, plan: Plan) -> list[Insertion]:
    if not entries:
        return []
    newline = line_ending(text)
    if format is Format.HTML:
        offset = html.layout(text).body_end
        return [Insertion(offset, block_at(text, offset, _html_section(entries, newline)))]
    offset = plan.notes.start if plan.notes is not None else len(text)
    if format is Format.MARKDOWN:
        lines = [f"## {HEADING}", "", _table_row(*TABLE_HEADER), "| --- | --- |", *map(_table_entry, entries)]
    else:
        lines = [HEADING, "", *(f"{entry.acronym}\t{one_line(entry.expansion)}" for entry in entries)]
    before = text[:offset]
    ends_with_newline = before.endswith(("\n", "\r"))
    head = ("" if ends_with_newline else newline) + (newline if before.strip() else "")
    return [Insertion(offset, head + newline.join(lines) + (newline if ends_with_newline else ""))]


def _first_rows(text: str, section: GlossarySection, entries: Sequence[Entry], format: Format) -> list[Insertion]:
    """Rows under an empty section's heading (or its table's header), a blank line after them unless one is there."""
    if not entries:
        return []
    newline = line_ending(text)
    if TABLE_LINE.match(text, text.rfind("\n", 0, section.end) + 1):  # a table's header (and rule) is there
        lines = list(map(_table_entry, entries))
    elif format is Format.MARKDOWN:
        lines = ["", _table_row(*TABLE_HEADER), "| --- | --- |", *map(_table_entry, entries)]
    else:
        lines = ["", *(f"{entry.acronym}\t{one_line(entry.expansion)}" for entry in entries)]
    tail = "" if BLANK_AFTER.match(text, section.end) else newline
    return [Insertion(section.end, newline + newline.join(lines) + tail)]


def _html_section(entries: Sequence[Entry], newline: str) -> str:
    head = "".join(f'<th scope="col">{name}</th>' for name in TABLE_HEADER)
    return newline.join(
        [
            '<section class="acronym-glossary" data-acronyms="glossary">',
            f"<h2>{HEADING}</h2>",
            "<table>",
            f"<thead><tr>{head}</tr></thead>",
            "<tbody>",
            *map(_html_row, entries),
            "</tbody>",
            "</table>",
            "</section>",
        ]
    )


def _html_row(entry: Entry) -> str:
    return f"<tr><td>{escape(entry.acronym, Format.HTML)}</td><td>{escape(entry.expansion, Format.HTML)}</td></tr>"


def _table_row(acronym: str, expansion: str) -> str:
    return f"| {escape_table_cell(acronym)} | {escape_table_cell(one_line(expansion))} |"


def _table_entry(entry: Entry) -> str:
    return _table_row(entry.acronym, entry.expansion)


def _row_text(text: str, section: GlossarySection, entry: Entry, format: Format, number: int | None = None) -> str:
    """`entry` written like the section's first row: its bullet or `number`, emphasis and separator, or a table row."""
    first = section.rows[0]
    line = text[first.start : first.end]
    if format is Format.HTML:
        return _html_row_like(text, section.rows, entry)
    if TABLE_LINE.match(line):
        return _table_entry(entry)
    at = line.index(first.acronym)
    after = past_optional_plural(line, at + len(first.acronym))  # `IDVA(s)`: the new row has no plural
    separator_end = line.index(first.written_expansion, after)
    prefix = line[:at] if number is None else LIST_NUMBER.sub(rf"\g<1>{number}", line[:at], count=1)
    separator = line[after:separator_end]
    if format is Format.MARKDOWN and COLUMN_GAP.fullmatch(separator):  # in the first row's column, as pandoc's table
        separator = " " * max(len(COLUMN_GAP_MIN), separator_end - at - len(entry.acronym))
    return f"{prefix}{entry.acronym}{separator}{one_line(entry.expansion)}"


COLUMN_GAP_MIN: Final = "  "  # two spaces at least: a row's separator (`sections.ROW`)
COLUMN_GAP: Final = re.compile(r" {2,}")


def _html_row_like(text: str, rows: Sequence[SectionRow], entry: Entry) -> str:
    """`entry` in the markup of the section's rows: a list's item (`<dt>`/`<dd>`, `<li><b>DA</b>: ...`), a table's
    row (`<tr><td style=...><p class=MsoNormal>DA</p></td>...`, as Word writes one: a bare row would lose its
    borders) or a paragraph with a tab (`<p class=MsoNormal>DA<span style='mso-tab-count:1'>...`).

    The first of the first few rows that can be copied is (`_copied_row`), else the kind of the first is written bare.
    """
    opening = text[rows[0].start : rows[0].end].lstrip()[:3].lower()
    acronym, expansion = escape(entry.acronym, Format.HTML), escape(entry.expansion, Format.HTML)
    if opening not in ("<li", "<dt", *WHOLE_ROWS):
        return _html_row(entry)
    for row in rows[:TEMPLATE_ROWS]:
        copy = _copied_row(text[row.start : row.end], row, acronym, expansion)
        if copy is not None:
            return copy
    if opening == "<tr":
        return _html_row(entry)
    if opening.startswith("<p"):  # `<p>DA&nbsp;&nbsp;&nbsp; Domestic Abuse</p>`: read back as a row, as Word's tab is
        return f"<p>{acronym}{PARAGRAPH_TAB}{expansion}</p>"
    return f"<dt>{acronym}</dt><dd>{expansion}</dd>" if opening == "<dt" else f"<li>{acronym}: {expansion}</li>"


TEMPLATE_ROWS: Final = 3  # how many rows are tried as the template of a new one (Word wraps a long one over lines)
# How a row opens that is copied only whole, holding nothing but its acronym and expansion: a table's row, a paragraph.
WHOLE_ROWS: Final = ("<tr", "<p>", "<p ")


def _copied_row(row_html: str, row: SectionRow, acronym: str, expansion: str) -> str | None:
    """`row_html` with `acronym` and `expansion` (escaped) for the row's own, or None when it is no template.

    A table row or paragraph is copied only when it holds nothing but its acronym and expansion (no third column's
    text); a list item may hold more (`<li><b>DA</b>: Domestic Abuse</li>`).

    >>> row = SectionRow("DA", "Domestic Abuse", 3, 0, 0)
    >>> _copied_row("<tr><td class=c><p>DA</p></td><td class=c>Domestic Abuse</td></tr>", row, "SNP", "Panel")
    '<tr><td class=c><p>SNP</p></td><td class=c>Panel</td></tr>'
    >>> _copied_row("<tr><td>DA</td><td>Domestic Abuse</td><td>See 4.2</td></tr>", row, "SNP", "Panel") is None
    True
    >>> _copied_row('<tr><td id="DA">DA</td><td>Domestic Abuse</td></tr>', row, "SNP", "Panel") is None
    True
    """
    at = row_html.find(escape(row.acronym, Format.HTML), row_html.find(">") + 1)
    after = past_optional_plural(row_html, at + len(escape(row.acronym, Format.HTML)))  # `IDVA(s)`: not copied
    written = escape(row.written_expansion, Format.HTML)
    long_at = row_html.find(written, after)
    long_end = long_at + len(written)
    whole = row_html.lstrip()[:3].lower() in WHOLE_ROWS
    if at == -1 or long_at == -1 or (whole and _not_a_template(row_html, row, at, after, long_at, long_end)):
        return None
    return f"{row_html[:at]}{acronym}{row_html[after:long_at]}{expansion}{row_html[long_end:]}"


PARAGRAPH_TAB: Final = "&nbsp;&nbsp;&nbsp; "  # between a paragraph row's acronym and expansion, as Word writes a tab


def _not_a_template(row_html: str, row: SectionRow, at: int, after: int, long_at: int, long_end: int) -> bool:
    """True when a table row holds more than its acronym and expansion in markup: other text (`&nbsp;` is none),
    or the acronym again (`<td id="DA">`, `<abbr title=…>`), which a copy would give the new row."""
    pieces = (row_html[:at], row_html[after:long_at], row_html[long_end:])
    if any(row.acronym in piece for piece in pieces):
        return True
    return any(unescape(TAG.sub("", piece)).strip() for piece in pieces)


def _number(text: str, row: SectionRow) -> int | None:
    """The number of a numbered list item (`3. DA: ...`), or None."""
    match = LIST_NUMBER.match(text, row.start, row.end)
    return int(match[2]) if match else None


def _row_gap(text: str, row: SectionRow, format: Format) -> str:
    """What separates rows: a line break and the row's indentation (in HTML, nothing for rows on one line)."""
    line_start = max(text.rfind("\n", 0, row.start), text.rfind("\r", 0, row.start)) + 1
    indent = text[line_start : row.start]
    if format is not Format.HTML:
        return line_ending(text)
    return line_ending(text) + indent if not indent.strip() else ""


def _definition_gap(text: str, section: GlossarySection, format: Format) -> str | None:
    """What separates the entries of a Markdown definition list (`PCSO` then `:   Police ...`) or of a table whose
    rows are apart (a pandoc multiline table's), or None for other rows.

    What its first two entries have between them, else a blank line: Python-Markdown reads a term right under
    a definition as part of that definition, and pandoc a multiline table's line as part of the row above.
    """
    first = section.rows[0]
    if format is not Format.MARKDOWN:
        return None
    gap = _first_gap(text, section)
    if "\n" not in text[first.start : first.end]:
        return gap if gap is not None and gap.count("\n") > 1 else None
    return line_ending(text) * 2 if gap is None else gap


def _first_gap(text: str, section: GlossarySection) -> str | None:
    """The white space between the section's first two rows, if it has two and only white space is between them."""
    rows = section.rows
    if len(rows) > 1 and not text[rows[0].end : rows[1].start].strip():
        return text[rows[0].end : rows[1].start]
    return None


def _missing_rows(text: str, section: GlossarySection, entries: Sequence[Entry], format: Format) -> list[Insertion]:
    present = {row.acronym for row in section.rows}
    insertions = []
    gap = _definition_gap(text, section, format)
    last = section.rows[-1]
    number = _number(text, last)  # a numbered list: new rows go after its last, numbered on, never repeating a number
    for entry in entries:
        if entry.acronym in present:
            continue
        following = None
        if number is None:
            following = next((row for row in section.rows if _order_key(row.acronym) > _order(entry)), None)
        else:
            number += 1
        row = _row_text(text, section, entry, format, number)
        if following is None:
            insertions.append(Insertion(last.end, (gap or _row_gap(text, last, format)) + row))
        elif format is Format.HTML:
            insertions.append(Insertion(following.start, row + _row_gap(text, following, format)))
        else:
            insertions.append(Insertion(following.start, row + (gap or line_ending(text))))
    return sorted(insertions, key=lambda insertion: insertion.offset)


def _order_key(acronym: str) -> tuple[str, str]:
    return acronym.casefold(), acronym


def _replace_rows(text: str, section: GlossarySection, entries: Sequence[Entry], format: Format) -> list[Replacement]:
    first, last = section.rows[0], section.rows[-1]
    gap = _first_gap(text, section)  # may be empty: rows on one line (`<dt>…</dd><dt>…`)
    if gap is None:
        gap = _definition_gap(text, section, format) or _row_gap(text, first, format)
    number = _number(text, first)
    new = gap.join(
        _row_text(text, section, _as_its_row_wrote(section, entry), format, None if number is None else number + index)
        for index, entry in enumerate(entries)
    )
    end = last.end
    if not new and format is not Format.HTML:  # no rows left: take a line break too, so no blank line appears
        end += len(LINE_BREAK.match(text, end)[0])  # type: ignore[index]
    old = text[first.start : end]
    return [] if new == old else [Replacement(first.start, end, old, new)]


def _as_its_row_wrote(section: GlossarySection, entry: Entry) -> Entry:
    """`entry` with the optional plural `(s)` where the section's row in its sense wrote it: `IDVA(s)`, `Adviser(s)`.

    A row in another sense is rewritten as a new row is written, without it; so is an expansion that would not be
    read back in the singular (`singular_row`: `Officer (Designated)(s)`).

    >>> section = find_glossary_section("Glossary\\nIDVA(s)\\tIndependent domestic violence adviser(s)\\n")
    >>> written = _as_its_row_wrote(section, Entry("IDVA", "Independent Domestic Violence Adviser"))
    >>> written.acronym, written.expansion
    ('IDVA(s)', 'Independent Domestic Violence Adviser(s)')
    """
    key = expansion_key(entry.expansion)
    row = next(
        (row for row in section.rows if row.acronym == entry.acronym and expansion_key(row.expansion) == key), None
    )
    if row is None or not (row.acronym_plural or row.expansion_plural):
        return entry
    acronym = entry.acronym + OPTIONAL_PLURAL if row.acronym_plural else entry.acronym
    plural_expansion = entry.expansion + OPTIONAL_PLURAL
    kept = row.expansion_plural and singular_row(plural_expansion) == entry.expansion
    return replace(entry, acronym=acronym, expansion=plural_expansion if kept else entry.expansion)
