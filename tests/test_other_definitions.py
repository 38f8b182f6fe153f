"""Long forms given in other words: `Long Form (also known as the SF)`.

Read alike by annotate, scan and check: the short form is kept as the author's definition.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from acronyms.cli import cli
from acronyms.definitions import find_definitions_near, find_inline_definitions

PCC = "Police and Crime Commissioner"
LEAD_INS = {
    "also-known-as": "The Police and Crime Commissioner (also known as the PCC) met.",
    "known-as": "The Police and Crime Commissioner (known as the PCC) met.",
    "known-as-no-article": "The Police and Crime Commissioner (known as PCC) met.",
    "referred-to-as": "The Police and Crime Commissioner (referred to as the PCC) met.",
    "also-referred-to-as": "The Police and Crime Commissioner (also referred to as the PCC) met.",
    "hereinafter": "The Police and Crime Commissioner (hereinafter the PCC) met.",
    "hereinafter-referred-to-as": 'The Police and Crime Commissioner (hereinafter referred to as "the PCC") met.',
    "hereafter-referred-to-as": "The Police and Crime Commissioner (hereafter referred to as the “PCC”) met.",
    "known-as-quoted": 'The Police and Crime Commissioner (known as "PCC") met.',
}
DEFINED = LEAD_INS
NOT_DEFINED = {
    "known-as-a-clause": "The Police and Crime Commissioner (known as the PCC agreed) met.",
    "formerly": "The Police and Crime Commissioner (formerly the PCC) met.",
}


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.output


@pytest.fixture
def glossary(tmp_path: Path) -> Path:
    path = tmp_path / "g.csv"
    path.write_text(
        "acronym,expansion\nPCC,Police and Crime Commissioner\nPCSO,Police Community Support Officer\n",
        encoding="utf-8",
    )
    return path


@pytest.mark.parametrize("text", DEFINED.values(), ids=DEFINED.keys())
def test_the_definition_and_its_offsets(text: str) -> None:
    ((definition),) = find_inline_definitions(text)
    assert (definition.acronym, definition.short_text, " ".join(definition.expansion.split())) == ("PCC", "PCC", PCC)
    assert text[definition.short_start : definition.short_end] == "PCC"
    assert text[definition.long_start : definition.long_end] == definition.expansion


@pytest.mark.parametrize("text", LEAD_INS.values(), ids=LEAD_INS.keys())
def test_a_short_form_after_a_lead_in_is_defined_near_its_hit(text: str) -> None:
    """The annotator looks for the definition from the hit, and finds the one the scanner finds."""
    start = text.index("PCC")
    (definition,) = find_inline_definitions(text)
    assert find_definitions_near(text, [(start, start + 3)]) == [definition]


def test_offsets_after_characters_that_change_length_when_lowered() -> None:
    text = "“İ” The Police and Crime Commissioner (known as the PCC)."
    found = [(d.acronym, d.short_start, d.long_start, d.long_end) for d in find_inline_definitions(text)]
    assert found == [("PCC", text.index("PCC"), text.index(PCC), text.index(PCC) + len(PCC))]


@pytest.mark.parametrize("text", NOT_DEFINED.values(), ids=NOT_DEFINED.keys())
def test_what_defines_nothing(text: str) -> None:
    assert find_inline_definitions(text) == []


@pytest.mark.parametrize("text", DEFINED.values(), ids=DEFINED.keys())
def test_cli_annotate_keeps_the_definition_and_twice_is_once(tmp_path: Path, glossary: Path, text: str) -> None:
    document = tmp_path / "m.txt"
    document.write_text(text + "\nThe PCC agreed.\n", encoding="utf-8")
    for _ in range(2):  # nothing changes, the first time or the next
        code, output = run("annotate", str(document), "--no-bundled", "-g", str(glossary), "--in-place")
        assert (code, output) == (0, "")
        assert document.read_text(encoding="utf-8") == text + "\nThe PCC agreed.\n"


def test_cli_annotate_explains_the_definition(tmp_path: Path, glossary: Path) -> None:
    text = LEAD_INS["also-known-as"]
    document = tmp_path / "m.txt"
    document.write_text(text + "\n", encoding="utf-8")
    code, output = run("annotate", str(document), "--no-bundled", "-g", str(glossary), "--explain")
    column = text.index("PCC") + 1
    assert code == 0
    assert f"{document}:1:{column}: PCC keep (defined inline)" in output


@pytest.mark.parametrize("text", NOT_DEFINED.values(), ids=NOT_DEFINED.keys())
def test_cli_annotate_expands_where_nothing_is_defined(tmp_path: Path, glossary: Path, text: str) -> None:
    document = tmp_path / "m.txt"
    document.write_text(text + "\n", encoding="utf-8")
    code, output = run("annotate", str(document), "--no-bundled", "-g", str(glossary))
    assert code == 0
    assert output.count("(PCC") == 1 and output.count(PCC) == text.count(PCC) + 1


@pytest.mark.parametrize("text", DEFINED.values(), ids=DEFINED.keys())
def test_cli_check_and_scan_read_the_definition(tmp_path: Path, glossary: Path, text: str) -> None:
    document = tmp_path / "m.txt"
    document.write_text(text + "\nThe PCC agreed.\n", encoding="utf-8")
    assert run("check", str(document), "--no-bundled", "-g", str(glossary)) == (0, "")
    code, output = run("scan", str(document), "--no-bundled", "-g", str(glossary))
    assert code == 0
    assert f"PCC (2 uses) inline: {PCC}" in output


def test_cli_check_compares_the_authors_long_form_with_the_glossary(tmp_path: Path, glossary: Path) -> None:
    text = "The Police and Crime Committee (also known as the PCC) met."
    document = tmp_path / "m.txt"
    document.write_text(text + "\n", encoding="utf-8")
    code, output = run("check", str(document), "--no-bundled", "-g", str(glossary))
    assert code == 1
    assert output.splitlines()[0] == (
        f"{document}:1:5: D005 PCC is defined here as 'Police and Crime Committee' but the glossary says"
        f" '{PCC}' ({glossary}, line 2); make them agree"
    )
    assert "D001" not in output


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("p.html", "<p>The Police &amp; Crime Commissioner (also known as the PCC) met.</p>\n"),
    ],
    ids=["html-lead-in"],
)
def test_cli_annotate_keeps_the_definition_in_html_and_markdown(
    tmp_path: Path, glossary: Path, name: str, text: str
) -> None:
    document = tmp_path / name
    document.write_text(text, encoding="utf-8")
    assert run("annotate", str(document), "--no-bundled", "-g", str(glossary)) == (0, text)
    assert run("check", str(document), "--no-bundled", "-g", str(glossary)) == (0, "")
