"""Making inserted text literal in the document's format.

Everything annotation inserts that comes from a glossary (expansions, notes,
tooltips, generated glossary rows) passes through here, so a glossary entry
containing `<script>` or `*emphasis*` comes out as text, never as markup.

>>> escape("A_B <C> &amp; D", Format.MARKDOWN)
'A\\\\_B &lt;C&gt; &amp;amp; D'
>>> escape("Ethics & <Audit>", Format.HTML)
'Ethics &amp; &lt;Audit&gt;'
>>> escape_attribute('Say "hi" <b>')
'Say &quot;hi&quot; &lt;b&gt;'
"""

from __future__ import annotations

import html
import re

from .regions import Format

LINE_BREAKS = re.compile(r"[\t\n\r\v\f\x1c-\x1e\x85\u2028\u2029]+")
# `#` too: an expansion inserted at the start of a line (`## Glossary (SNPs)`) would make it a heading.
MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]#])")
# `<`, `>` and an `&` that would start a character reference are written as references: Python-Markdown
# (MkDocs) does not treat a backslash before `<` as an escape, and every Markdown renderer reads `&lt;`.
MARKDOWN_REFERENCES = {"<": "&lt;", ">": "&gt;", "&": "&amp;"}
MARKDOWN_REFERENCE_CHARS = re.compile(r"[<>]|&(?=#?[A-Za-z0-9]+;)")


def escape(text: str, format: Format) -> str:
    """Escape `text` for a text position (not an attribute) in a document of `format`."""
    if format is Format.MARKDOWN:
        text = MARKDOWN_REFERENCE_CHARS.sub(lambda char: MARKDOWN_REFERENCES[char.group()], text)
        return MARKDOWN_SPECIAL.sub(r"\\\1", text)
    if format is Format.HTML:
        return html.escape(text, quote=False)
    return text


def escape_abbreviation(text: str) -> str:
    """Escape the title of a Markdown abbreviation line (`*[SNP]: title`): markup characters only.

    Python-Markdown keeps the title as written (a backslash would show), and
    reads `&lt;` as `<`; a renderer without abbreviations shows the line as text.

    >>> escape_abbreviation("Fire_and <Rescue> & Co")
    'Fire_and &lt;Rescue&gt; & Co'
    """
    return MARKDOWN_REFERENCE_CHARS.sub(lambda char: MARKDOWN_REFERENCES[char.group()], one_line(text))


def escape_attribute(text: str) -> str:
    """Escape `text` for a double- or single-quoted HTML attribute value."""
    return html.escape(text, quote=True)


def escape_table_cell(text: str) -> str:
    """Escape `text` for a cell of a Markdown table: Markdown specials and the `|` separator.

    >>> escape_table_cell("Fire | Rescue_Service")
    'Fire \\\\| Rescue\\\\_Service'
    """
    return escape(text, Format.MARKDOWN).replace("|", "\\|")


def one_line(text: str) -> str:
    """`text` with each run of tabs and line breaks made one space (other white space stays as it is).

    >>> one_line("Safer\\tNeighbourhood\\r\\nPanel\\u00a0Team")
    'Safer Neighbourhood Panel\\xa0Team'
    """
    return LINE_BREAKS.sub(" ", text)
