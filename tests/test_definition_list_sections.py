"""A Markdown glossary section written as a definition list (MkDocs' `def_list`, kramdown, Pandoc):

PCSO
:   Police Community Support Officer
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import cli_output

from acronyms import Format, Glossary, Options, annotate
from acronyms.sections import find_glossary_section

BLANK_SEPARATED = "## Glossary\n\nPCC\n:   Police and Crime Commissioner\n\nSNP\n:   Safer Neighbourhood Panel\n"
ADJACENT = "## Glossary\n\nPCC\n:   Police and Crime Commissioner\nSNP\n:   Safer Neighbourhood Panel\n"


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        ("PCC\n:   Police and Crime Commissioner\n\nSNP\n:   Safer Neighbourhood Panel", [4, 7]),
        ("PCC\n:   Police and Crime Commissioner\nSNP\n:   Safer Neighbourhood Panel", [4, 6]),
        ("**PCC**\n:\tPolice and Crime Commissioner\n\n__SNP__\n: Safer Neighbourhood Panel", [4, 7]),
        ("PCC(s)\n:   Police and Crime Commissioner(s)\n\n`SNP`\n:   Safer *Neighbourhood* Panel", [4, 7]),
    ],
    ids=["blank-separated", "adjacent", "bold-tab-and-one-space", "plural-code-and-emphasis"],
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
    assert [text[row.start : row.end].split("\n")[1][0] for row in section.rows] == [":", ":"]
    assert section.rows[-1].end == section.end
    assert find_glossary_section(text, Format.TEXT) is None  # only Markdown has definition lists


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
