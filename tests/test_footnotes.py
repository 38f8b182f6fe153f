"""Footnotes beside the author's own: new notes take a free number or label, and annotation knows its own notes again."""

from __future__ import annotations

import json
import re
from pathlib import Path

import markdown
import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from acronyms import Format, Glossary, Options, Style, annotate, annotation
from acronyms.cli import cli
from acronyms.footnotes import NotesBlock, find_notes, note_definitions

TEXT = Options(style=Style.FOOTNOTE)
MARKDOWN = Options(style=Style.FOOTNOTE, format=Format.MARKDOWN)
HTML = Options(style=Style.FOOTNOTE, format=Format.HTML)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "See the report[1].\n\nThe SNP met.\n\nNotes\n\n[1] Annual report 2019.\n",
            (
                "See the report[1].\n\nThe SNP[2] met.\n\nNotes\n\n[1] Annual report 2019.\n"
                "[2] SNP: Safer Neighbourhood Panel\n"
            ),
        ),
        (
            "See the report[1].\n\nThe SNP met.\n",
            "See the report[1].\n\nThe SNP[2] met.\n\nNotes\n\n[2] SNP: Safer Neighbourhood Panel\n",
        ),
        (
            "See the report[1].\n\nThe SNP met.\n\nReferences\n\n[1] Annual report 2019.\n",
            (
                "See the report[1].\n\nThe SNP[2] met.\n\nReferences\n\n[1] Annual report 2019.\n"
                "\nNotes\n\n[2] SNP: Safer Neighbourhood Panel\n"
            ),
        ),
        (
            "The SNP[1] met.\n\nNotes\n\n[1] Annual report 2019.\n",
            "The SNP[2][1] met.\n\nNotes\n\n[1] Annual report 2019.\n[2] SNP: Safer Neighbourhood Panel\n",
        ),
        (
            "Reports[1][2][4].\n\nThe SNP met the PCC.\n",
            (
                "Reports[1][2][4].\n\nThe SNP[3] met the PCC[5].\n\n"
                "Notes\n\n[3] SNP: Safer Neighbourhood Panel\n[5] PCC: Police and Crime Commissioner\n"
            ),
        ),
        (
            "The SNP[1] met the PCC.\n\nNotes\n\n[1] SNP: Safer Neighbourhood Panel\n[3] Minutes of May.\n",
            (
                "The SNP[1] met the PCC[2].\n\nNotes\n\n[1] SNP: Safer Neighbourhood Panel\n[3] Minutes of May.\n"
                "[2] PCC: Police and Crime Commissioner\n"
            ),
        ),
    ],
    ids=[
        "author-notes-list",
        "marker-without-notes",
        "notes-under-another-heading",
        "author-marker-on-the-acronym",
        "numbers-skip-the-used-ones",
        "own-note-beside-the-author's",
    ],
)
def test_plain_text_footnotes_take_a_number_the_author_does_not_use(small: Glossary, text: str, expected: str) -> None:
    once = annotate(text, small, TEXT)
    assert once == expected
    assert annotate(once, small, TEXT) == once


def test_the_cli_numbers_footnotes_after_the_author_s(tmp_path: Path) -> None:
    document = tmp_path / "f.txt"
    document.write_text("See the report[1].\n\nThe SNP met.\n\nNotes\n\n[1] Annual report 2019.\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["annotate", str(document), "--style", "footnote"])
    assert (result.exit_code, result.stdout) == (
        0,
        "See the report[1].\n\nThe SNP[2] met.\n\nNotes\n\n[1] Annual report 2019.\n[2] SNP: Safer Neighbourhood Panel\n",
    )
    document.write_text(result.stdout, encoding="utf-8")
    again = CliRunner().invoke(cli, ["annotate", str(document), "--style", "footnote"])
    assert (again.exit_code, again.stdout) == (0, result.stdout)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Intro[^SNP]\n\nThe SNP met.\n\n[^SNP]: An author note\n",
            "Intro[^SNP]\n\nThe SNP[^SNP-2] met.\n\n[^SNP]: An author note\n\n[^SNP-2]: Safer Neighbourhood Panel\n",
        ),
        (
            "Intro[^snp]\n\nThe SNP met.\n\n[^snp]: An author note\n",
            "Intro[^snp]\n\nThe SNP[^SNP-2] met.\n\n[^snp]: An author note\n\n[^SNP-2]: Safer Neighbourhood Panel\n",
        ),
        (
            "Intro[^SNP] and [^SNP-2].\n\nThe SNP met.\n",
            "Intro[^SNP] and [^SNP-2].\n\nThe SNP[^SNP-3] met.\n\n[^SNP-3]: Safer Neighbourhood Panel\n",
        ),
        (
            "The SNP[^SNP] met.\n\n[^SNP]: An author note\n",
            "The SNP[^SNP-2][^SNP] met.\n\n[^SNP]: An author note\n\n[^SNP-2]: Safer Neighbourhood Panel\n",
        ),
        (
            "The SNP met.\n\n[^SNP]: Safer Neighbourhood Panel\n",
            "The SNP[^SNP] met.\n\n[^SNP]: Safer Neighbourhood Panel\n",
        ),
        (
            "```\n[^SNP]: An author note\n```\n\nThe SNP met.\n",
            "```\n[^SNP]: An author note\n```\n\nThe SNP[^SNP-2] met.\n\n[^SNP-2]: Safer Neighbourhood Panel\n",
        ),
    ],
    ids=[
        "author-definition",
        "other-case",
        "references-without-definitions",
        "author-reference-on-the-acronym",
        "own-definition-kept",
        "label-in-code-is-kept-free",
    ],
)
def test_markdown_footnotes_take_a_label_the_author_does_not_use(small: Glossary, text: str, expected: str) -> None:
    once = annotate(text, small, MARKDOWN)
    assert once == expected
    assert annotate(once, small, MARKDOWN) == once


def test_markdown_keeps_the_author_s_note_when_rendered(small: Glossary) -> None:
    once = annotate("Intro[^SNP]\n\nThe SNP met.\n\n[^SNP]: An author note\n", small, MARKDOWN)
    html = markdown.markdown(once, extensions=["footnotes"])
    assert "An author note" in html
    assert "Safer Neighbourhood Panel" in html
    assert html.count('class="footnote-ref"') == 2


def test_a_page_s_own_note_id_is_not_reused(small: Glossary) -> None:
    page = '<p id="acronym-note-SNP">Our note.</p><p>SNP met.</p>'
    once = annotate(page, small, HTML)
    assert once.count('id="acronym-note-SNP"') == 1
    assert '<li id="acronym-note-SNP-2">SNP: Safer Neighbourhood Panel' in once
    assert 'href="#acronym-note-SNP-2" role="doc-noteref">1</a>' in once
    assert annotate(once, small, HTML) == once


PIECES = st.sampled_from(
    [
        "SNP",
        "PCSOs",
        "PCC",
        " ",
        ".",
        "\n",
        "\n\n",
        "[1]",
        "[2]",
        "[^SNP]",
        "[^SNP-2]",
        "Notes\n",
        "[1] Annual report.\n",
        "[2] SNP: Safer Neighbourhood Panel\n",
        "[^SNP]: An author note\n",
        "[^SNP]: Safer Neighbourhood Panel\n",
        "[^SNP-2]: Safer Neighbourhood Panel\n",
        "```\n",
    ]
)


@settings(max_examples=400, deadline=None)
@given(text=st.lists(PIECES, max_size=30).map("".join), options=st.sampled_from([TEXT, MARKDOWN]))
def test_footnotes_beside_the_author_s_are_stable(small: Glossary, text: str, options: Options) -> None:
    once = annotation(text, small, options)
    assert annotate(once.text, small, options) == once.text
    inserted = "".join(insertion.text for insertion in once.insertions)
    if options is TEXT:
        new, used = re.findall(r"^\[(\d+)\] ", inserted, re.MULTILINE), re.findall(r"\[(\d+)\]", text)
    else:
        new, used = re.findall(r"^\[\^([^\]]+)\]:", inserted, re.MULTILINE), re.findall(r"\[\^([^\]\s]+)\]", text)
    assert not {label.casefold() for label in new} & {label.casefold() for label in used}


# The notes list as one pattern searched from the start of the text: what `find_notes` must find.
NOTES_BLOCK = re.compile(
    r"(?:\r?\n|\r)*^Notes[ \t]*(?:\r?\n|\r)(?:[ \t]*(?:\r?\n|\r))?(?:\[\d+\] [^\r\n]*(?:\r?\n|\r|\Z))+\Z",
    re.MULTILINE,
)
NOTES_PIECES = [
    "Notes",
    "Notes:",
    "\n",
    "\r\n",
    "\r",
    " ",
    "\t",
    "[1] SNP: x",
    "[2] PCC: y",
    "[12] ",
    "x",
    "[",
    "Notes ",
]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(NOTES_PIECES), max_size=14))
def test_find_notes_finds_the_list_that_a_search_of_the_whole_text_finds(pieces: list[str]) -> None:
    text = "".join(pieces)
    block = NOTES_BLOCK.search(text)
    notes = find_notes(text)
    assert (notes.start if notes else None) == (block.start() if block else None)


def test_find_notes_reads_the_rows_of_the_last_list() -> None:
    text = "Notes\n\n[1] PCC: old\n\nThe SNP[2] met.\r\n\r\nNotes\r\n\r\n[2] SNP: Safer Neighbourhood Panel\r\n"
    assert find_notes(text) == NotesBlock(text.index("\r\n\r\nNotes"), {"SNP": 2})


@pytest.mark.parametrize("name", ["minutes.txt", "minutes.md", "minutes.html"])
def test_check_passes_on_what_the_footnote_style_wrote(tmp_path: Path, name: str) -> None:
    source = tmp_path / name
    body = "The SNP met. Later the SNP agreed.\n"
    source.write_text(f"<p>{body}</p>\n" if name.endswith(".html") else body, encoding="utf-8")
    runner = CliRunner()
    annotated = runner.invoke(cli, ["annotate", "--style", "footnote", "--in-place", str(source)])
    assert annotated.exit_code == 0, annotated.output
    scanned = runner.invoke(cli, ["scan", "--format", "json", str(source)])
    assert [
        (found["acronym"], found["count"], found["defined_by"]) for found in json.loads(scanned.stdout)["acronyms"]
    ] == [("SNP", 2, "footnote")]
    checked = runner.invoke(cli, ["check", str(source)])
    assert (checked.exit_code, checked.output) == (0, "")


@pytest.mark.parametrize(
    ("text", "acronym"),
    [
        ("The PCC's[^PCC] plan.\n\n[^PCC]: Police and Crime Commissioner\n", "PCC"),
        ("The PCC&rsquo;s[^PCC] plan.\n\n[^PCC]: Police and Crime Commissioner\n", "PCC"),
        ("The PCSOs[^PCSO] met.\n\n[^PCSO]: Police Community Support Officer\n", "PCSO"),
        ("The PCSOs’[^PCSO] van.\n\n[^PCSO]: Police Community Support Officer\n", "PCSO"),
    ],
    ids=["possessive", "possessive-reference", "plural", "plural-possessive"],
)
def test_a_markdown_note_after_a_plural_or_possessive_defines_the_acronym(text: str, acronym: str) -> None:
    (definition,) = note_definitions(text, Format.MARKDOWN)
    assert (definition.acronym, definition.kind.value) == (acronym, "footnote")


def test_a_markdown_note_after_another_word_defines_nothing() -> None:
    assert note_definitions("The PCCX's[^PCC] plan.\n\n[^PCC]: Police and Crime Commissioner\n", Format.MARKDOWN) == []


def test_a_markdown_note_after_emphasis_and_a_possessive_defines_the_acronym() -> None:
    text = "The **PCC**'s[^PCC] plan.\n\n[^PCC]: Police and Crime Commissioner\n"
    (definition,) = note_definitions(text, Format.MARKDOWN)
    assert definition.acronym == "PCC"
