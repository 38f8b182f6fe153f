"""A Markdown glossary section written as a definition list (MkDocs' `def_list`, kramdown, Pandoc):

PCSO
:   Police Community Support Officer
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import cli_output

from acronyms import Format, Glossary, Options, annotate, annotation
from acronyms.edits import restore
from acronyms.planner import GlossaryMode
from acronyms.sections import find_glossary_section

# A "loose" list: a blank line between each term and its definition (Pandoc, kramdown and Python-Markdown read it).
LOOSE = "## Glossary\n\nPCC\n\n:   Police and Crime Commissioner\n\nSNP\n\n:   Safer Neighbourhood Panel\n"
BLANK_SEPARATED = "## Glossary\n\nPCC\n:   Police and Crime Commissioner\n\nSNP\n:   Safer Neighbourhood Panel\n"
ADJACENT = "## Glossary\n\nPCC\n:   Police and Crime Commissioner\nSNP\n:   Safer Neighbourhood Panel\n"


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        ("PCC\n:   Police and Crime Commissioner\n\nSNP\n:   Safer Neighbourhood Panel", [4, 7]),
        ("PCC\n:   Police and Crime Commissioner\nSNP\n:   Safer Neighbourhood Panel", [4, 6]),
        ("**PCC**\n:\tPolice and Crime Commissioner\n\n__SNP__\n: Safer Neighbourhood Panel", [4, 7]),
        ("PCC(s)\n:   Police and Crime Commissioner(s)\n\n`SNP`\n:   Safer *Neighbourhood* Panel", [4, 7]),
        ("PCC\n\n:   Police and Crime Commissioner\n\nSNP\n \t\n:   Safer Neighbourhood Panel", [4, 8]),
        ("PCC\n~   Police and Crime Commissioner\n\nSNP\n\n~ Safer Neighbourhood Panel", [4, 7]),
    ],
    ids=["blank-separated", "adjacent", "bold-tab-and-one-space", "plural-code-and-emphasis", "loose", "tilde"],
)
def test_a_definition_list_after_a_heading_is_the_glossary_section(rows: str, expected: list[int]) -> None:
    text = f"The SNP met.\n## Glossary\n\n{rows}\n\nAny other business.\n"
    section = find_glossary_section(text, Format.MARKDOWN)
    assert section is not None
    assert [(row.acronym, row.expansion, row.line) for row in section.rows] == [
        ("PCC", "Police and Crime Commissioner", expected[0]),
        ("SNP", "Safer Neighbourhood Panel", expected[1]),
    ]
    assert text[section.start : section.end] == f"## Glossary\n\n{rows}"
    assert [text[row.start : row.end].split("\n")[-1][0] for row in section.rows] in ([":", ":"], ["~", "~"])
    assert section.rows[-1].end == section.end
    assert find_glossary_section(text, Format.TEXT) is None  # only Markdown has definition lists


def test_a_term_with_several_definitions_is_one_row_and_the_rows_after_it_are_read() -> None:
    # Before, the second definition ended the section: NPT was no row, and `check` said it was defined nowhere.
    rows = "CC\n:   Chief Constable\n:   County Council <!-- both -->\n\nNPT\n:   Neighbourhood Policing Team"
    text = f"The CC and the NPT met.\n\n## Glossary\n\n{rows}\n\nEnd.\n"
    section = find_glossary_section(text, Format.MARKDOWN)
    assert section is not None
    assert [(row.acronym, row.expansion, row.line) for row in section.rows] == [
        ("CC", "Chief Constable", 5),
        ("NPT", "Neighbourhood Policing Team", 9),
    ]
    assert (
        text[section.rows[0].start : section.rows[0].end] == "CC\n:   Chief Constable\n:   County Council <!-- both -->"
    )
    assert text[section.start : section.end] == f"## Glossary\n\n{rows}"


def test_cli_check_reads_a_loose_definition_list_glossary(tmp_path: Path) -> None:
    # Before, no row was read: every acronym of the text was D001, used but defined nowhere.
    document = tmp_path / "minutes.md"
    document.write_text("The PCC and the SNP met.\n\n" + LOOSE)
    assert cli_output("check", str(document), "--no-bundled") == (0, "")


def test_append_and_replace_write_a_loose_list_loose(small: Glossary) -> None:
    text = "The ACC, the PCC and the SNP met.\n\n" + LOOSE
    for mode in (GlossaryMode.APPEND, GlossaryMode.REPLACE):
        options = Options(format=Format.MARKDOWN, glossary_section=mode)
        result = annotation(text, small, options)
        assert result.text.endswith(
            "## Glossary\n\nACC\n\n:   Assistant Chief Constable\n\nPCC\n\n:   Police and Crime Commissioner\n\n"
            "SNP\n\n:   Safer Neighbourhood Panel\n"
        )
        assert annotate(result.text, small, options) == result.text
        assert restore(result.text, result.insertions, result.replacements) == text


def test_a_comment_after_a_definition_is_not_part_of_its_row() -> None:
    text = "## Glossary\n\nPCC\n:   Police and Crime Commissioner <!-- check -->\r\n"
    section = find_glossary_section(text, Format.MARKDOWN)
    assert section is not None and [row.expansion for row in section.rows] == ["Police and Crime Commissioner"]
    assert text[section.rows[0].start : section.rows[0].end] == "PCC\n:   Police and Crime Commissioner"


def test_a_definition_list_section_is_not_annotated_and_lends_its_rows(small: Glossary) -> None:
    text = "The SNP met the XYZ.\n\n" + BLANK_SEPARATED.replace(
        "SNP\n:   Safer", "XYZ\n:   Xylophone Yard Zone\n\nSNP\n:   Safer"
    )
    options = Options(format=Format.MARKDOWN)
    once = annotate(text, small, options)
    assert once == text.replace(
        "The SNP met the XYZ.", "The Safer Neighbourhood Panel (SNP) met the Xylophone Yard Zone (XYZ)."
    )


def test_cli_check_reads_a_definition_list_glossary(tmp_path: Path) -> None:
    document = tmp_path / "d.md"
    document.write_text(
        "The PCSO met.\n\n## Glossary\n\n**PCSO**\n:   Police Community Support Officer\n\nXYZ\n:   Xylophone Yard Zone\n"
        "\nXYZ\n:   Extra Yellow Zebra\n",
        encoding="utf-8",
    )
    code, output = cli_output("check", str(document), "--no-bundled")
    assert code == 1  # G002 is a warning
    assert "D001" not in output
    assert f"{document}:8:1: D002 XYZ is in the glossary section but never used" in output
    assert (
        f"{document}:11:1: G002 XYZ has 2 expansions, 'Xylophone Yard Zone' (line 8), 'Extra Yellow Zebra' (line 11)"
        in output
    )


@pytest.mark.parametrize(
    ("section", "expected"),
    [
        (
            BLANK_SEPARATED,
            (
                "## Glossary\n\nACC\n:   Assistant Chief Constable\n\nPCC\n:   Police and Crime Commissioner\n\n"
                "PCSO\n:   Police Community Support Officer\n\nSNP\n:   Safer Neighbourhood Panel\n"
            ),
        ),
        (
            ADJACENT,
            (
                "## Glossary\n\nACC\n:   Assistant Chief Constable\nPCC\n:   Police and Crime Commissioner\n"
                "PCSO\n:   Police Community Support Officer\nSNP\n:   Safer Neighbourhood Panel\n"
            ),
        ),
        (
            "## Glossary\n\n**PCC**\n:\tPolice and Crime Commissioner\n",
            (
                "## Glossary\n\n**ACC**\n:\tAssistant Chief Constable\n\n**PCC**\n:\tPolice and Crime Commissioner\n\n"
                "**PCSO**\n:\tPolice Community Support Officer\n\n**SNP**\n:\tSafer Neighbourhood Panel\n"
            ),
        ),
    ],
    ids=["blank-separated", "adjacent", "one-row-gets-blank-lines"],
)
@pytest.mark.parametrize("newline", ["\n", "\r\n"], ids=["lf", "crlf"])
def test_append_adds_definition_list_rows_in_their_places(
    small: Glossary, section: str, expected: str, newline: str
) -> None:
    options = Options(format=Format.MARKDOWN, glossary_section=GlossaryMode.APPEND)
    text = ("The ACC, the PCC, the PCSO and the SNP met.\n\n" + section).replace("\n", newline)
    result = annotation(text, small, options)
    assert result.text.endswith(expected.replace("\n", newline))
    assert result.text.count("Glossary") == 1
    assert annotate(result.text, small, options) == result.text
    assert restore(result.text, result.insertions, result.replacements) == text


@pytest.mark.parametrize(
    ("section", "expected"),
    [
        (
            BLANK_SEPARATED.replace("SNP\n", "XYZ\n:   Xylophone Yard Zone\n\nSNP\n"),
            "## Glossary\n\nACC\n:   Assistant Chief Constable\n\nSNP\n:   Safer Neighbourhood Panel\n",
        ),
        (
            ADJACENT,
            "## Glossary\n\nACC\n:   Assistant Chief Constable\nSNP\n:   Safer Neighbourhood Panel\n",
        ),
        (
            "## Glossary\n\n**XYZ**\n:   Xylophone Yard Zone\n",
            "## Glossary\n\n**ACC**\n:   Assistant Chief Constable\n\n**SNP**\n:   Safer Neighbourhood Panel\n",
        ),
    ],
    ids=["blank-separated", "adjacent", "one-row-gets-blank-lines"],
)
def test_replace_rewrites_a_definition_list_in_its_style(small: Glossary, section: str, expected: str) -> None:
    options = Options(format=Format.MARKDOWN, glossary_section=GlossaryMode.REPLACE)
    text = "The ACC and the SNP met.\n\n" + section
    result = annotation(text, small, options)
    assert result.text.endswith("met.\n\n" + expected)
    assert annotate(result.text, small, options) == result.text
    assert restore(result.text, result.insertions, result.replacements) == text


@pytest.mark.parametrize(
    "entry",
    [
        "PCSO\n:   Police Community Support Officer, a uniformed role.\n",
        "**PCSO**\n:\tPolice Community Support Officer\n",
        "PCSOs\n:   Police Community Support Officers – uniformed staff.\n",
        "PCSO\n\n:   Police Community Support Officer, a uniformed role.\n",
        "PCSO\n~   Police Community Support Officer, a uniformed role.\n",
    ],
    ids=["comma", "bold-tab", "plural-dash", "loose", "tilde"],
)
def test_a_definition_list_entry_in_the_text_defines_its_term(small: Glossary, entry: str) -> None:
    """Not expanded right above its own definition; a later use is already introduced."""
    text = f"# Roles\n\n{entry}\nThe PCSO met.\n"
    options = Options(format=Format.MARKDOWN)
    assert annotate(text, small, options) == text


def test_a_definition_list_entry_whose_definition_is_another_phrase_is_a_use(small: Glossary) -> None:
    text = "# Roles\n\nPCSO\n:   A uniformed role.\n"
    assert annotate(text, small, Options(format=Format.MARKDOWN)).startswith(
        "# Roles\n\nPolice Community Support Officer (PCSO)\n"
    )
