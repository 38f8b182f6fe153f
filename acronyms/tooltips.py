"""The tooltip style: `<abbr title="…">` in HTML, abbreviation lines in Markdown.

A tooltip alone is not reachable by keyboard or touch, so the first use is also
spelled out in the text, as in the inline style; later uses (`Action.MARK`)
carry the tooltip only. In HTML every such use is wrapped in `<abbr>`; in
Markdown one abbreviation line per written form (`*[SNP]: Safer Neighbourhood
Panel`, `*[SNPs]: …`) at the end of the document serves every use, as
Python-Markdown's `abbr` extension, MkDocs and PHP Markdown Extra read them.
Plain text has no tooltips (`Options` refuses the combination).

>>> from acronyms.glossary import Entry, Glossary
>>> from acronyms.planner import Options, Style, plan
>>> from acronyms.regions import Format
>>> from acronyms.edits import apply_edits
>>> g = Glossary.from_entries([Entry("SNP", "Safer Neighbourhood Panel")])
>>> page = Options(style=Style.TOOLTIP, format=Format.HTML)
>>> body, notes = tooltip_insertions("SNP met; SNP agreed.", plan("SNP met; SNP agreed.", g, page), page)
>>> print(apply_edits("SNP met; SNP agreed.", body + notes))
Safer Neighbourhood Panel (<abbr title="Safer Neighbourhood Panel">SNP</abbr>) met; \
<abbr title="Safer Neighbourhood Panel">SNP</abbr> agreed.
>>> markdown = Options(style=Style.TOOLTIP, format=Format.MARKDOWN)
>>> body, lines = tooltip_insertions("SNP met; SNP agreed.\\n", plan("SNP met; SNP agreed.\\n", g, markdown), markdown)
>>> print(apply_edits("SNP met; SNP agreed.\\n", body + lines), end="")
Safer Neighbourhood Panel (SNP) met; SNP agreed.
<BLANKLINE>
*[SNP]: Safer Neighbourhood Panel
"""

from __future__ import annotations

import re

from .edits import Insertion, last_line, line_ending
from .escaping import escape_abbreviation, escape_attribute, one_line
from .forms import inline_long_form, word_long_form
from .matcher import Form, Match
from .planner import Action, Decision, Options, Plan
from .positions import lf_view
from .regions import Format

ABBREVIATION_LINE = re.compile(r"^[ ]{0,3}\*\[(?P<abbreviation>[^\]\n]+)\]:", re.MULTILINE)


def tooltip_insertions(text: str, plan: Plan, options: Options) -> tuple[list[Insertion], list[Insertion]]:
    """What the tooltip style inserts beside the acronyms, and at the end of the document."""
    if options.format is Format.HTML:
        return _abbr_elements(text, plan), []
    return _spelled_out(text, plan, options.format), _abbreviation_lines(text, plan)


def _abbr_elements(text: str, plan: Plan) -> list[Insertion]:
    insertions = []
    for decision in plan.decisions:
        if decision.entry is None or decision.action not in (Action.EXPAND, Action.MARK):
            continue
        match = decision.match
        opening = f'<abbr title="{escape_attribute(one_line(word_long_form(decision.entry, match)))}">'
        end = abbreviation_end(text, match)
        if decision.action is Action.EXPAND:
            written = inline_long_form(decision.entry, text, match, Format.HTML)
            insertions.append(Insertion(match.start, f"{written} ({opening}"))
            insertions.append(Insertion(end, "</abbr>"))
            insertions.append(Insertion(match.end, ")"))
        else:
            insertions.append(Insertion(match.start, opening))
            insertions.append(Insertion(end, "</abbr>"))
    return insertions


def abbreviation_end(text: str, match: Match) -> int:
    """Where an `<abbr>` around the match ends: after the abbreviation, plural `s` included, before a possessive's mark.

    `<abbr title="Safer Neighbourhood Panel">SNP</abbr>’s`, as the element holds an abbreviation
    and `’s` is none. `<b>PCSO</b>s`: the element holds the acronym alone, inside the author's
    markup, and the ending stays outside.

    >>> [abbreviation_end(text, match) for text, match in [("SNPs’", Match(0, 5, "SNP", Form.PLURAL_POSSESSIVE)),
    ...     ("SNP’s", Match(0, 5, "SNP", Form.POSSESSIVE)), ("SNPs", Match(0, 4, "SNP", Form.PLURAL))]]
    [4, 3, 4]
    """
    base_end = match.base_end
    if match.form is Form.POSSESSIVE or "<" in text[base_end : match.end]:
        return base_end
    if match.form is Form.PLURAL_POSSESSIVE:
        return base_end + 1
    return match.end


def _spelled_out(text: str, plan: Plan, format: Format) -> list[Insertion]:
    insertions = []
    for decision in plan.decisions:
        if decision.action is Action.EXPAND and decision.entry is not None:
            long = inline_long_form(decision.entry, text, decision.match, format)
            insertions.append(Insertion(decision.match.start, f"{long} ("))
            insertions.append(Insertion(decision.match.end, ")"))
    return insertions


def abbreviations(decisions: tuple[Decision, ...]) -> dict[str, str]:
    """Each written form (`SNP`, plural `SNPs`) that carries a tooltip, with its title (escaped), in text order.

    Possessives need no line of their own: `SNP's` holds the word `SNP`.
    """
    found: dict[str, str] = {}
    for decision in decisions:
        entry = decision.entry
        if entry is None or decision.action not in (Action.EXPAND, Action.MARK):
            continue
        if decision.match.form.is_plural:
            found.setdefault(entry.acronym + "s", escape_abbreviation(entry.plural_expansion))
        else:
            found.setdefault(entry.acronym, escape_abbreviation(entry.expansion))
    return found


def _abbreviation_lines(text: str, plan: Plan) -> list[Insertion]:
    # CR-only lines too; the pattern starts at a line's start, which the regex engine tries at every position
    defined = {match["abbreviation"] for match in ABBREVIATION_LINE.finditer(lf_view(text))} if "*[" in text else set()
    lines = [f"*[{form}]: {title}" for form, title in abbreviations(plan.decisions).items() if form not in defined]
    if not lines:
        return []
    newline = line_ending(text)
    ends_with_newline = text.endswith(("\n", "\r"))
    extend = ends_with_newline and ABBREVIATION_LINE.match(last_line(text)) is not None
    head = ("" if ends_with_newline else newline) + ("" if extend else newline)
    return [Insertion(len(text), head + newline.join(lines) + (newline if ends_with_newline else ""))]
