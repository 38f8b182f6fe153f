"""The footnote style in HTML: linked `<sup>` references and a notes list with back-links.

Each expanded use gets `<sup><a href="#acronym-note-SNP" id="acronym-ref-SNP-1">1</a></sup>`;
a notes list (`<section data-acronyms="notes">`, an `<ol>` of notes, each with
a back-link `↩` to every reference made to it) goes before `</body>`, or at
the end of a fragment. A notes list from an earlier run is extended, never
repeated. Everything from the glossary is escaped.

>>> from acronyms.edits import apply_edits
>>> from acronyms.glossary import Entry, Glossary
>>> from acronyms.planner import Options, Style, plan
>>> from acronyms.regions import Format
>>> g = Glossary.from_entries([Entry("SNP", "Safer <Neighbourhood> Panel")])
>>> page = "<p>SNP met.</p>"
>>> body, notes = footnote_insertions(page, plan(page, g, Options(style=Style.FOOTNOTE, format=Format.HTML)))
>>> print(apply_edits(page, body + notes))
<p>SNP<sup class="acronym-ref" data-acronyms="ref"><a id="acronym-ref-SNP-1" href="#acronym-note-SNP" \
role="doc-noteref">1</a></sup> met.</p>
<BLANKLINE>
<section class="acronym-notes" data-acronyms="notes" role="doc-endnotes">
<h2>Notes</h2>
<ol>
<li id="acronym-note-SNP">SNP: Safer &lt;Neighbourhood&gt; Panel \
<a class="acronym-backref" href="#acronym-ref-SNP-1" role="doc-backlink" aria-label="Back to SNP in the text">↩</a></li>
</ol>
</section>
<BLANKLINE>
"""

from __future__ import annotations

import re
from html import unescape

from . import html
from .edits import Insertion, block_at, line_ending
from .escaping import escape, escape_attribute
from .footnotes import numbered
from .planner import Action, Plan
from .regions import Format

NOTE_ID = "acronym-note-{}"
REF_ID = "acronym-ref-{}-{}"
NOTE_ITEM = re.compile(r'<li\b[^>]*\bid="acronym-note-(?P<slug>[^"]+)"[^>]*>(?:(?P<acronym>[^<:]*):)?')
NOTE_IDS = re.compile(r"""\bid\s*=\s*["']?acronym-note-(?P<slug>[^"'\s>]+)""", re.IGNORECASE)
REF = re.compile(r'\bid="acronym-ref-(?P<slug>[^"]+)-(?P<index>\d+)"')
NOTES_OPEN = '<section class="acronym-notes" data-acronyms="notes" role="doc-endnotes">'
NOTES_HEADING = "<h2>Notes</h2>"


def slug(acronym: str) -> str:
    """An id-safe form of an acronym: letters, digits, `-` kept; anything else as `_` and hex.

    >>> slug("PCSO"), slug("A/ACC"), slug("A&E")
    ('PCSO', 'A_2fACC', 'A_26E')
    """
    return re.sub(r"[^A-Za-z0-9-]", lambda char: f"_{ord(char.group()):x}", acronym)


def footnote_insertions(text: str, plan: Plan) -> tuple[list[Insertion], list[Insertion]]:
    """References beside the expanded uses, and the notes to add (a new list, or items for the old one)."""
    layout = html.layout(text)
    existing = layout.generated_span("notes")
    keys, numbers = _existing_notes(text, existing)
    taken = {match["slug"] for match in NOTE_IDS.finditer(text)}  # the page's own ids too: never given twice
    references = _existing_references(text)
    new_notes: dict[str, tuple[str, str, list[str]]] = {}
    body = []
    for decision in plan.decisions:
        if decision.action is not Action.EXPAND or decision.entry is None:
            continue
        acronym = decision.match.acronym
        if acronym not in keys:
            keys[acronym] = _free_key(slug(acronym), taken)
            numbers[keys[acronym]] = len(numbers) + 1
            new_notes[keys[acronym]] = (acronym, decision.entry.expansion, [])
        key = keys[acronym]
        references[key] = references.get(key, 0) + 1
        ref_id = REF_ID.format(key, references[key])
        if key in new_notes:
            new_notes[key][2].append(ref_id)
        body.append(
            Insertion(
                decision.match.end,
                f'<sup class="acronym-ref" data-acronyms="ref"><a id="{ref_id}" href="#{NOTE_ID.format(key)}" '
                f'role="doc-noteref">{numbers[key]}</a></sup>',
            )
        )
    items = [_item(key, *note) for key, note in new_notes.items()]
    return body, _notes(text, items, existing, layout)


def _existing_notes(text: str, existing: tuple[int, int] | None) -> tuple[dict[str, str], dict[str, int]]:
    """In a notes list from an earlier run: each acronym's key (`SNP`, or `SNP-2`), and each key's number."""
    if existing is None:
        return {}, {}
    items = [(match["slug"], match["acronym"]) for match in NOTE_ITEM.finditer(text, *existing)]
    numbers = {key: number for number, key in enumerate(dict.fromkeys(key for key, _ in items), start=1)}
    return {unescape(acronym): key for key, acronym in reversed(items) if acronym is not None}, numbers


def _free_key(key: str, taken: set[str]) -> str:
    """`key`, or `key-2`, `key-3`, …: the first no note id of the page uses (it is then taken)."""
    free = next(candidate for candidate in numbered(key) if candidate not in taken)
    taken.add(free)
    return free


def _existing_references(text: str) -> dict[str, int]:
    found: dict[str, int] = {}
    for match in REF.finditer(text):
        found[match["slug"]] = max(found.get(match["slug"], 0), int(match["index"]))
    return found


def _item(key: str, acronym: str, expansion: str, refs: list[str]) -> str:
    name = escape(acronym, Format.HTML)
    label = escape_attribute(f"Back to {acronym} in the text")
    links = []
    for index, ref_id in enumerate(refs, start=1):
        mark = "↩" if index == 1 else f"↩<sup>{index}</sup>"
        links.append(f'<a class="acronym-backref" href="#{ref_id}" role="doc-backlink" aria-label="{label}">{mark}</a>')
    return f'<li id="{NOTE_ID.format(key)}">{name}: {escape(expansion, Format.HTML)} {" ".join(links)}</li>'


def _notes(text: str, items: list[str], existing: tuple[int, int] | None, layout: html.Layout) -> list[Insertion]:
    """New items at the end of the notes list already there, or a new list where appended blocks go.

    Never inside a link (a back-link cannot sit in one): a list a link was left open around is not extended.
    """
    if not items:
        return []
    newline = line_ending(text)
    if existing is not None:
        closing = text.rfind("</ol>", *existing)
        if closing != -1 and not any(start < closing < end for start, end in layout.links):
            return [Insertion(closing, newline.join(items) + newline)]
    block = newline.join([NOTES_OPEN, NOTES_HEADING, "<ol>", *items, "</ol>", "</section>"])
    return [Insertion(layout.body_end, block_at(text, layout.body_end, block))]
