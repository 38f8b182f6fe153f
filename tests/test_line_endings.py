"""A document with old Mac line endings (a lone CR) reads exactly as the same document with LF endings.

Every reading that splits lines or paragraphs (glossary sections, headings,
lines in capitals, paragraphs for sense choice, definitions that wrap a line,
Markdown code blocks, the plain-text notes list) must make the same decisions
on both; the output keeps the CRs as they were.
"""

from __future__ import annotations

import re

import pytest
from conftest import SAMPLE
from hypothesis import given, settings
from hypothesis import strategies as st

from acronyms import Annotation, Format, Glossary, Options, Style, annotation, check_document, scan
from acronyms.planner import FirstUse, GlossaryMode
from acronyms.positions import lf_view

DOCUMENTS = {
    "glossary-section": "Minutes\n\nThe SNP met the XYZ.\n\nGlossary\n\nXYZ\tExtra Yellow Zone\nSNP\tSafer Panel\n",
    "heading-in-capitals": "ACC AND PCSO REPORT\n\nThe ACC met a PCSO.\n",
    "paragraph-decides-sense": "The county council set its budget.\n\nThe CC agreed it with councillors.\n",
    "definition-wraps-a-line": "The Safer\nNeighbourhood Panel (SNP) met. The PCC and SNP agreed.\n",
    "existing-notes": "The SNP[1] met.\n\nNotes\n\n[1] SNP: Safer Neighbourhood Panel\n",
    "sections": "Part one\n\nThe SNP met.\n\nPart two\n\nThe SNP met again.\n",
}
MARKDOWN_DOCUMENTS = {
    "fenced-code": "# Minutes\n\n```\nSNP code\n```\n\nThe SNP met.\n",
    "setext-heading": "SNP update\n==========\n\nThe SNP met.\n",
    "indented-code": "Text.\n\n    PCC code\n\nThe PCC met.\n",
}
OPTIONS = {
    "inline": Options(),
    "footnote": Options(style=Style.FOOTNOTE),
    "replace-glossary": Options(glossary_section=GlossaryMode.REPLACE),
    "append-glossary": Options(glossary_section=GlossaryMode.APPEND),
    "per-section-skip-headings": Options(first_use=FirstUse.SECTION, skip_headings=True),
}


def as_cr(text: str) -> str:
    return text.replace("\n", "\r")


def as_lf(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def decisions(result: Annotation) -> list[tuple[int, int, str, str]]:
    return [(d.match.start, d.match.end, d.action.value, d.reason) for d in result.decisions]


def assert_reads_as_lf(text: str, glossary: Glossary, options: Options) -> None:
    lf = annotation(text, glossary, options)
    cr = annotation(as_cr(text), glossary, options)
    assert as_lf(cr.text) == lf.text
    assert decisions(cr) == decisions(lf)
    assert cr.text.count("\n") == 0  # the CRs are kept, no LF is added


@pytest.mark.parametrize("options", OPTIONS.values(), ids=OPTIONS.keys())
@pytest.mark.parametrize("text", DOCUMENTS.values(), ids=DOCUMENTS.keys())
def test_a_cr_document_is_annotated_as_its_lf_twin(small: Glossary, text: str, options: Options) -> None:
    assert_reads_as_lf(text, small, options)


@pytest.mark.parametrize("style", [Style.INLINE, Style.FOOTNOTE, Style.TOOLTIP], ids=lambda style: style.value)
@pytest.mark.parametrize("text", MARKDOWN_DOCUMENTS.values(), ids=MARKDOWN_DOCUMENTS.keys())
def test_a_cr_markdown_document_is_annotated_as_its_lf_twin(small: Glossary, text: str, style: Style) -> None:
    options = Options(format=Format.MARKDOWN, style=style, skip_headings=True)
    assert_reads_as_lf(text, small, options)


@pytest.mark.parametrize("options", OPTIONS.values(), ids=OPTIONS.keys())
def test_the_sample_with_cr_endings_is_annotated_as_with_lf(options: Options) -> None:
    assert_reads_as_lf(SAMPLE.read_text(encoding="utf-8"), Glossary.bundled(), options)


def test_a_glossary_section_is_found_in_a_cr_document(small: Glossary) -> None:
    text = as_cr(DOCUMENTS["glossary-section"])
    assert annotation(text, small).text == (
        "Minutes\r\rThe Safer Neighbourhood Panel (SNP) met the Extra Yellow Zone (XYZ).\r\r"
        "Glossary\r\rXYZ\tExtra Yellow Zone\rSNP\tSafer Panel\r"
    )


def findings(text: str, glossary: Glossary, path: str) -> list[str]:
    return [str(found) for found in check_document(scan(text, glossary, path=path), glossary)]


@pytest.mark.parametrize("path", ["doc.txt", "doc.md"])
@pytest.mark.parametrize(
    "text", [*DOCUMENTS.values(), *MARKDOWN_DOCUMENTS.values()], ids=[*DOCUMENTS.keys(), *MARKDOWN_DOCUMENTS.keys()]
)
def test_a_cr_document_is_checked_as_its_lf_twin(small: Glossary, text: str, path: str) -> None:
    expected = findings(text, small, path)
    assert findings(as_cr(text), small, path) == expected


def test_the_sample_with_cr_endings_is_checked_as_with_lf() -> None:
    glossary, text = Glossary.bundled(), SAMPLE.read_text(encoding="utf-8")
    lf, cr = scan(text, glossary, path="m.txt"), scan(as_cr(text), glossary, path="m.txt")
    assert cr.to_dict() == lf.to_dict()
    assert findings(as_cr(text), glossary, "m.txt") == findings(text, glossary, "m.txt")


def test_the_lf_view_keeps_offsets_and_crlf() -> None:
    assert lf_view("a\rb\r\nc\n\r") == "a\nb\r\nc\n\n"
    text = "no lone carriage return\r\n"
    assert lf_view(text) is text


PIECES = ["SNP", "PCSOs", "CC", "council", "force", "GLOSSARY", "Glossary", "SNP\tSafer Panel", "Notes", "[1] SNP: x"]
LONE_LF = re.compile(r"(?<!\r)\n")
LONE_CR = re.compile(r"\r(?!\n)")
BREAKS = ["\n", "\n\n", "\r\n", "\r\n\r\n", " ", ". "]


@settings(max_examples=150, deadline=None)
@given(
    pieces=st.lists(st.tuples(st.sampled_from(PIECES), st.sampled_from(BREAKS)), max_size=14),
    options=st.sampled_from(list(OPTIONS.values())),
)
def test_lone_crs_among_crlfs_read_as_line_breaks(
    small: Glossary, pieces: list[tuple[str, str]], options: Options
) -> None:
    """A mixed file: each lone LF of a text becomes a lone CR, its CR LFs stay; the decisions are the same."""
    text = "".join(piece + gap for piece, gap in pieces)
    lf = annotation(text, small, options)
    mixed = annotation(LONE_LF.sub("\r", text), small, options)
    assert decisions(mixed) == decisions(lf)
    assert LONE_CR.sub("\n", mixed.text) == lf.text


@pytest.mark.parametrize("style", [Style.INLINE, Style.FOOTNOTE, Style.TOOLTIP])
@pytest.mark.parametrize("ending", ["\r", "\n", "\r\n"])
def test_a_markdown_document_is_annotated_twice_as_once_with_any_line_ending(
    small: Glossary, style: Style, ending: str
) -> None:
    """The second run finds what the first appended (`*[PCC]: …` lines, notes) whatever the line ending."""
    text = ending.join(["Title PCC", "=====", "", "The PCC met the SNP.", "", "The PCC left."]) + ending
    options = Options(format=Format.MARKDOWN, style=style)
    once = annotation(text, small, options).text
    assert annotation(once, small, options).text == once
