"""Definitions written with dashes: `SF – the Long Form –`, read by annotate, scan and check alike."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import cli_output as run

from acronyms import Format, Glossary, Options, annotate
from acronyms.definitions import find_inline_definitions

DEFINED = {
    "en-dashes-quoted": "The “CSP” – the Community Safety Partnership – meets monthly.",
    "em-dashes": "The CSP — Community Safety Partnership — meets monthly.",
    "em-dashes-unspaced": "The CSP—the Community Safety Partnership—meets monthly.",
    "spaced-hyphens": "The CSP - the Community Safety Partnership - meets monthly.",
    "sentence-end": "We met the CSP – the Community Safety Partnership.",
    "line-end": "We met the CSP – the Community Safety Partnership\nIt meets monthly.",
    "plural": "Two PCSOs – Police Community Support Officers – attended.",
}
NOT_DEFINED = {
    "lower-case-words": "The SNP - see the next page - met.",
    "more-words": "The CSP – the Community Safety Partnership board – meets monthly.",
    "unclosed": "The CSP – the Community Safety Partnership, which meets monthly.",
    "hyphen-in-a-word": "The CSP-Community Safety Partnership - meets monthly.",
    "other-initials": "The CSP – the County Safety Board – meets monthly.",
}


@pytest.fixture
def glossary(tmp_path: Path) -> Path:
    path = tmp_path / "g.csv"
    path.write_text(
        "acronym,expansion\nCSP,Community Safety Partnership\nPCSO,Police Community Support Officer\n"
        "SNP,Safer Neighbourhood Panel\n",
        encoding="utf-8",
    )
    return path


@pytest.mark.parametrize("text", DEFINED.values(), ids=DEFINED.keys())
def test_cli_annotate_keeps_a_short_form_defined_with_dashes(tmp_path: Path, glossary: Path, text: str) -> None:
    later = "\nThe PCSO agreed.\n" if "PCSOs" in text else "\nThe CSP agreed.\n"
    document = tmp_path / "m.txt"
    document.write_text(text + later, encoding="utf-8")
    for _ in range(2):  # twice is once: nothing changes
        code, output = run("annotate", str(document), "--no-bundled", "-g", str(glossary), "--in-place")
        assert (code, output) == (0, "")
        assert document.read_text(encoding="utf-8") == text + later


def test_cli_annotate_explains_the_dash_definition(tmp_path: Path, glossary: Path) -> None:
    document = tmp_path / "m.txt"
    document.write_text(DEFINED["en-dashes-quoted"] + "\n", encoding="utf-8")
    code, output = run("annotate", str(document), "--no-bundled", "-g", str(glossary), "--explain")
    assert code == 0
    assert f"{document}:1:6: CSP keep (defined inline)" in output


def test_cli_annotate_reads_the_bundled_glossarys_csp_defined_with_dashes(tmp_path: Path) -> None:
    text = "The “CSP” – the Community Safety Partnership – meets.\n"
    document = tmp_path / "m.txt"
    document.write_text(text, encoding="utf-8")
    assert run("annotate", str(document)) == (0, text)


@pytest.mark.parametrize("text", NOT_DEFINED.values(), ids=NOT_DEFINED.keys())
def test_cli_annotate_expands_where_the_dashes_define_nothing(tmp_path: Path, glossary: Path, text: str) -> None:
    document = tmp_path / "m.txt"
    document.write_text(text + "\n", encoding="utf-8")
    code, output = run("annotate", str(document), "--no-bundled", "-g", str(glossary))
    assert code == 0
    assert output != text + "\n"
    assert output.count("(CSP)") + output.count("(SNP)") == 1


@pytest.mark.parametrize("text", DEFINED.values(), ids=DEFINED.keys())
def test_cli_check_and_scan_read_the_dash_definition(tmp_path: Path, glossary: Path, text: str) -> None:
    document = tmp_path / "m.txt"
    document.write_text(text + "\n", encoding="utf-8")
    code, output = run("check", str(document), "--no-bundled", "-g", str(glossary))
    assert (code, output) == (0, "")
    code, output = run("scan", str(document), "--no-bundled", "-g", str(glossary))
    assert code == 0
    assert " inline: " in output


def test_the_dash_definitions_forms_and_offsets() -> None:
    text = DEFINED["en-dashes-quoted"]
    ((definition),) = find_inline_definitions(text)
    assert (definition.acronym, definition.expansion, definition.short_text) == (
        "CSP",
        "Community Safety Partnership",
        "CSP",
    )
    assert text[definition.short_start : definition.short_end] == "CSP"
    assert text[definition.long_start : definition.long_end] == "Community Safety Partnership"
    ((plural),) = find_inline_definitions(DEFINED["plural"])
    assert (plural.acronym, plural.short_text, plural.expansion) == (
        "PCSO",
        "PCSOs",
        "Police Community Support Officers",
    )


@pytest.mark.parametrize("text", NOT_DEFINED.values(), ids=NOT_DEFINED.keys())
def test_dashes_that_define_nothing(text: str) -> None:
    assert find_inline_definitions(text) == []


def test_markdown_emphasis_around_the_short_form(small: Glossary) -> None:
    text = "The **SNP** – the Safer Neighbourhood Panel – met; the SNP agreed.\n"
    options = Options(format=Format.MARKDOWN)
    assert annotate(text, small, options) == text
    assert [(d.acronym, d.expansion) for d in find_inline_definitions(text)] == [("SNP", "Safer Neighbourhood Panel")]


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("p.html", "<p>The CSP &#8211; the Community Safety Partnership &#8211; met.</p>\n"),
        ("p.html", "<p>The CSP &mdash; Community Safety Partnership &mdash; met.</p>\n"),
        ("p.md", "The CSP &ndash; the Community Safety Partnership &ndash; met.\n"),
        ("p.md", "The CSP &#x2013; the Community Safety Partnership &#x2013; met.\n"),
    ],
    ids=["html-decimal", "html-named-em", "markdown-named", "markdown-hex"],
)
def test_cli_annotate_reads_dashes_written_as_references(tmp_path: Path, glossary: Path, name: str, text: str) -> None:
    """Word writes `&#8211;` for an en dash in HTML: the definition is the same one, and is kept."""
    document = tmp_path / name
    document.write_text(text, encoding="utf-8")
    code, output = run("annotate", str(document), "-g", str(glossary))
    assert (code, output) == (0, text)
