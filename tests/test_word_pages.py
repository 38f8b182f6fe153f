"""Pages that Word writes (File > Save As > Web Page, Filtered): headings in bold paragraphs, styled table cells."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import cli_output

from acronyms import Format, Glossary, Options, annotate, annotation, check_document, scan
from acronyms.edits import restore
from acronyms.planner import GlossaryMode
from acronyms.sections import find_glossary_section

CELL = "<td width=300 valign=top style='border:solid windowtext 1.0pt;padding:0cm 5.4pt'><p class=MsoNormal>"


def row(acronym: str, expansion: str) -> str:
    """A glossary row as Word writes it: each cell styled, its text in a paragraph."""
    return f"<tr>{CELL}{acronym}</p></td>{CELL}{expansion}</p></td></tr>\n"


# The minutes above each page's glossary: three acronyms used, one of them (NPT) in no glossary of the page.
MINUTES = "<h1>Minutes</h1>\n<p class=MsoNormal>The PCC and the ANPR team met the NPT.</p>\n"


def page(heading: str) -> str:
    return (
        MINUTES
        + f"<p class=MsoNormal>&nbsp;</p>\n{heading}\n<table class=MsoTableGrid border=1>\n"
        + row("ANPR", "Automatic Number Plate Recognition")
        + row("PCC", "Police and Crime Commissioner")
        + "</table>\n"
    )


BOLD = "<p class=MsoNormal><b><span lang=EN-GB>Glossary<o:p></o:p></span></b></p>"


@pytest.mark.parametrize(
    "heading",
    [BOLD, "<p class=MsoNormal><strong>Glossary of terms</strong></p>", "<h2>Glossary</h2>\n<p><b>Note</b></p>"],
    ids=["bold", "strong", "heading-then-bold-note"],
)
def test_a_paragraph_in_bold_alone_heads_a_glossary(heading: str) -> None:
    """Word users set a heading in bold rather than a heading style; before, the table was no glossary section:
    `check` counted its rows as uses, and `--glossary-section append` added a second glossary."""
    text = page(heading)
    section = find_glossary_section(text, Format.HTML)
    assert section is not None
    assert [row.acronym for row in section.rows] == ["ANPR", "PCC"]
    assert text[section.start :].startswith(heading.split("\n")[0])


@pytest.mark.parametrize(
    "heading",
    ["<p class=MsoNormal><b>Present:</b></p>", "<p class=MsoNormal><b>Glossary</b> of the minutes below</p>"],
    ids=["other-words", "partly-bold"],
)
def test_other_bold_paragraphs_head_no_glossary(heading: str) -> None:
    assert find_glossary_section(page(heading), Format.HTML) is None


def test_check_reads_a_glossary_under_a_bold_paragraph(tmp_path: Path) -> None:
    document = tmp_path / "minutes.htm"
    document.write_text(page(BOLD))
    code, output = cli_output("check", str(document), "--no-bundled")
    assert code == 1
    assert [line.split(" ")[1:3] for line in output.splitlines() if line.startswith(str(document))] == [["D001", "NPT"]]


@pytest.mark.parametrize("mode", [GlossaryMode.APPEND, GlossaryMode.REPLACE], ids=["append", "replace"])
def test_rows_added_to_a_word_table_are_styled_as_its_rows(mode: GlossaryMode) -> None:
    """A bare `<tr><td>` row in Word's table had no borders and no paragraph style."""
    text = page(BOLD)
    options = Options(format=Format.HTML, glossary_section=mode)
    result = annotation(text, Glossary.bundled(), options)
    assert result.text.count("Glossary") == 1
    assert result.text.endswith(
        "<table class=MsoTableGrid border=1>\n"
        + row("ANPR", "Automatic Number Plate Recognition")
        + row("NPT", "Neighbourhood Policing Team")
        + row("PCC", "Police and Crime Commissioner")
        + "</table>\n"
    )
    assert annotate(result.text, Glossary.bundled(), options) == result.text
    assert restore(result.text, result.insertions, result.replacements) == text


TAB = "<span style='mso-tab-count:1'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; </span>"


def tabbed(acronym: str, expansion: str) -> str:
    """A glossary's row as Word writes a paragraph typed with a tab."""
    return f"<p class=MsoNormal>{acronym}{TAB}{expansion}</p>\n"


def tabbed_page(heading: str) -> str:
    return (
        MINUTES
        + f"{heading}\n<p class=MsoNormal>&nbsp;</p>\n"
        + tabbed("ANPR", "Automatic Number Plate\nRecognition")
        + tabbed("PCC", "Police and Crime Commissioner")
        + "<p class=MsoNormal>&nbsp;</p>\n<p class=MsoNormal>Meeting closed.</p>\n"
    )


@pytest.mark.parametrize("heading", [BOLD, "<h2>Glossary</h2>"], ids=["bold", "h2"])
def test_paragraphs_typed_with_tabs_after_a_glossary_heading_are_its_rows(heading: str) -> None:
    """The sample minutes' glossary is such rows. Before, a page of them had no glossary section: `check` said
    every acronym was defined nowhere, and `append` added a second glossary."""
    text = tabbed_page(heading)
    section = find_glossary_section(text, Format.HTML)
    assert section is not None
    assert [(row.acronym, row.expansion, row.line) for row in section.rows] == [
        ("ANPR", "Automatic Number Plate Recognition", 5),
        ("PCC", "Police and Crime Commissioner", 7),
    ]
    assert text[section.end - 4 : section.end] == "</p>"


def test_rows_added_among_tabbed_paragraphs_are_tabbed_paragraphs() -> None:
    text = tabbed_page(BOLD)
    for mode in (GlossaryMode.APPEND, GlossaryMode.REPLACE):
        options = Options(format=Format.HTML, glossary_section=mode)
        result = annotation(text, Glossary.bundled(), options)
        assert tabbed("NPT", "Neighbourhood Policing Team") in result.text
        assert result.text.count("Glossary") == 1
        assert annotate(result.text, Glossary.bundled(), options) == result.text
        assert restore(result.text, result.insertions, result.replacements) == text


@pytest.mark.parametrize(
    "paragraphs",
    [
        tabbed("ANPR", "Automatic Number Plate Recognition"),  # one alone
        "<p>ANPR cameras were installed.</p>\n<p>PCC funding was agreed.</p>\n",  # prose, single spaces
    ],
    ids=["one-row", "prose"],
)
def test_other_paragraphs_after_a_glossary_heading_are_no_rows(paragraphs: str) -> None:
    assert find_glossary_section(f"<p>ANPR</p>\n<h2>Glossary</h2>\n{paragraphs}<p>End.</p>\n", Format.HTML) is None


# Text Word hides (Format > Font > Hidden) is saved as `display:none;mso-hide:all`; a page's style may hide text too.
@pytest.mark.parametrize(
    "hidden",
    [
        "<span style='display:none;mso-hide:all'>The SNP chair.</span>",
        "<p class=MsoNormal style='display:none;mso-hide:all'>The SNP chair.</p>",  # a whole paragraph, left open
        "<p class=MsoNormal style='mso-hide:all'>The SNP chair.",
        "<div style=display:none>The <span>SNP</span> chair.</div>",
        '<section style="color: red; DISPLAY: None !important">The SNP chair.</section>',
    ],
)
def test_hidden_text_is_left_alone_and_the_visible_first_use_is_expanded(hidden: str, small: Glossary) -> None:
    text = f"<p class=MsoNormal>Draft.</p>\n{hidden}\n<p class=MsoNormal>The SNP met.</p>\n"
    once = annotate(text, small, Options(format=Format.HTML))
    assert once == text.replace("The SNP met.", "The Safer Neighbourhood Panel (SNP) met.")
    findings = check_document(scan(text, small, format=Format.HTML), small)
    assert [(finding.code, finding.line, finding.acronym) for finding in findings] == [("D001", 3, "SNP")]


@pytest.mark.parametrize(
    "shown",
    [
        "<span style='mso-hide:screen'>The SNP chair.</span>",  # hidden on screen only: printed
        "<span style='display:inline'>The SNP chair.</span>",
        "<span data-style='display:none'>The SNP chair.</span>",
        "<div hidden>The SNP chair.</div>",  # a page shows such parts when asked: a tab's panel, say
        "<ul><li style='display:none'>Agenda<li>The SNP chair.</ul>",  # an `<li>`, its end tag left out: not taken
        "<p>Hidden<br style='display:none'> The SNP chair.</p>",  # a void element holds no text
    ],
)
def test_other_text_is_annotated(shown: str, small: Glossary) -> None:
    text = f"{shown}\n<p>The SNP met.</p>\n"
    assert "Safer Neighbourhood Panel (SNP) chair." in annotate(text, small, Options(format=Format.HTML))


@pytest.mark.parametrize(
    "cell",
    [
        "Neighbourhood<br>Policing Team",  # Shift+Enter in the cell
        "Neighbourhood</p><p class=MsoNormal>Policing Team",  # Enter: two paragraphs in the cell
        "<span lang=EN-US>Neighbourhood<br clear=all></span>Policing Team",
    ],
)
def test_a_line_break_in_a_glossary_cell_parts_its_words(cell: str) -> None:
    text = MINUTES + "<h2>Glossary</h2>\n<table>\n" + row("NPT", cell) + row("PCC", "Police and Crime Commissioner")
    section = find_glossary_section(text + "</table>\n", Format.HTML)
    assert section is not None
    assert [(found.acronym, found.expansion) for found in section.rows] == [
        ("NPT", "Neighbourhood Policing Team"),
        ("PCC", "Police and Crime Commissioner"),
    ]


def test_words_inside_one_element_stay_together() -> None:
    text = "<h2>Glossary</h2>\n<ul><li>NPT: Neighbour<b>hood</b> Policing <span>Te</span>am</li></ul>\n"
    section = find_glossary_section(text, Format.HTML)
    assert section is not None and [found.expansion for found in section.rows] == ["Neighbourhood Policing Team"]
