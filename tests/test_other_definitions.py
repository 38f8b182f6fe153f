"""Long forms given in other words: `Long Form (also known as the SF)` and `Long Form, or SF,`.

Read alike by annotate, scan and check: the short form is kept as the author's definition.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import cli_output as run

from acronyms.definitions import find_definitions_near, find_inline_definitions, find_or_definitions_after

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
    "capital-also-known-as": "The Police and Crime Commissioner (Also known as the PCC) met.",
    "capital-known-as": "The Police and Crime Commissioner (Known as the PCC) met.",
    "capital-hereafter": "The Police and Crime Commissioner (Hereafter the PCC) met.",
    "capital-the-quoted": 'The Police and Crime Commissioner (The "PCC") met.',
    "otherwise-known-as": "The Police and Crime Commissioner (otherwise known as the PCC) met.",
    "commonly-known-as": "The Police and Crime Commissioner (commonly known as the PCC) met.",
    "also-called": "The Police and Crime Commissioner (also called the PCC) met.",
    "henceforth": "The Police and Crime Commissioner (henceforth the PCC) met.",
    "hereinafter-comma": "The Police and Crime Commissioner (hereinafter, the PCC) met.",
    "hereinafter-colon": "The Police and Crime Commissioner (hereinafter: the PCC) met.",
    "hereinafter-colon-no-article": "The Police and Crime Commissioner (hereinafter: PCC) met.",
    "capital-hereinafter-comma-quoted": 'The Police and Crime Commissioner (Hereinafter, "PCC") met.',
    "another-quoted-name-after": 'The Police and Crime Commissioner (the "PCC" or "Commissioner") met.',
    "another-quoted-name-after-no-article": 'The Police and Crime Commissioner ("PCC" or "the Commissioner") met.',
    "another-quoted-name-after-known-as": 'The Police and Crime Commissioner (known as "PCC" or "Commissioner") met.',
    "another-quoted-name-after-curly": "The Police and Crime Commissioner (the \u201cPCC\u201d or \u201cCommissioner\u201d) met.",
}
ORS = {
    "commas": "The Police and Crime Commissioner, or PCC, met the Chief Constable.",
    "bracket": "The office (the Police and Crime Commissioner, or PCC) met.",
    "sentence-end": "They wrote to the Police and Crime Commissioner, or PCC.",
    "semicolon": "They wrote to the Police and Crime Commissioner, or PCC; she replied.",
    "quoted": 'The Police and Crime Commissioner, or "PCC", met.',
    "line-wrapped-long-form": "The Police and Crime\nCommissioner, or PCC, met.",
    "no-break-space-before-or": "The Police and Crime Commissioner,\u00a0or PCC, met.",
    "no-break-space-after-or": "The Police and Crime Commissioner, or\u00a0PCC, met.",
    "double-spaces": "The Police and Crime Commissioner,  or  PCC, met.",
    "line-break-before-or": "The Police and Crime Commissioner,\nor PCC, met.",
    "line-break-after-or": "The Police and Crime Commissioner, or\nPCC, met.",
    "crlf-before-or": "The Police and Crime Commissioner,\r\nor PCC, met.",
    "question-mark": "Did they write to the Police and Crime Commissioner, or PCC?",
    "colon": "They wrote to the Police and Crime Commissioner, or PCC: she replied.",
    "spaced-en-dash": "The Police and Crime Commissioner, or PCC \u2013 who chairs the panel \u2013 met.",
    "spaced-hyphen": "The Police and Crime Commissioner, or PCC - who chairs the panel - met.",
    "article": "The Police and Crime Commissioner, or the PCC, met.",
    "article-quoted": "The Police and Crime Commissioner, or the \u201cPCC\u201d, met.",
}
DEFINED = {**LEAD_INS, **ORS}
NOT_DEFINED = {
    "other-words-before-or": "Tea, coffee, or PCC, were served.",
    "other-initials-before-or": "The Police and Fire Commissioner, or PCC, met.",
    "lower-case-long-form": "the police and crime commissioner, or PCC, met.",
    "more-words-after-or": "The Police and Crime Commissioner, or PCC staff, met.",
    "possessive-after-or": "The Police and Crime Commissioner, or PCC's office, met.",
    "no-comma-before-or": "The Police and Crime Commissioner or PCC met.",
    "blank-line-before-or": "The Police and Crime Commissioner,\n\nor PCC, met.",
    "other-words-before-a-wrapped-or": "Tea, coffee,\nor PCC, were served.",
    "nor": "Neither the Police and Crime Commissioner, nor PCC, met.",
    "article-and-more-words": "The Police and Crime Commissioner, or the PCC staff, met.",
    "hyphenated-after-or": "The Police and Crime Commissioner, or PCC-led office, met.",
    "unspaced-hyphen-after-or": "The Police and Crime Commissioner, or PCC -led, met.",
    "known-as-a-clause": "The Police and Crime Commissioner (known as the PCC agreed) met.",
    "formerly": "The Police and Crime Commissioner (formerly the PCC) met.",
    "otherwise": "The Police and Crime Commissioner (otherwise the PCC) met.",
    "capital-the-a-clause": "The Police and Crime Commissioner (The PCC agreed) met.",
    "known-followed-by-other-words": "The Police and Crime Commissioner (Known issues: the PCC) met.",
    "hereinafter-comma-a-clause": "The Police and Crime Commissioner (hereinafter, the PCC agreed) met.",
    "other-name-unquoted": "The Police and Crime Commissioner (the PCC or the Commissioner) met.",
    "other-name-after-an-unquoted-short-form": 'The Police and Crime Commissioner (the PCC or "Commissioner") met.',
}


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
    text = "“İ” The Police and Crime Commissioner, or PCC, and the Police and Crime Commissioner (known as the PCC)."
    found = [(d.acronym, d.short_start, d.long_start, d.long_end) for d in find_inline_definitions(text)]
    first, second = text.index(PCC), text.index(PCC, text.index(PCC) + 1)
    assert found == [
        ("PCC", text.index("PCC,"), first, first + len(PCC)),
        ("PCC", text.index("PCC)"), second, second + len(PCC)),
    ]


def test_a_plural_after_or_is_defined_in_the_singular() -> None:
    ((definition),) = find_inline_definitions("Two Police Community Support Officers, or PCSOs, attended.")
    assert (definition.acronym, definition.short_text, definition.expansion) == (
        "PCSO",
        "PCSOs",
        "Police Community Support Officers",
    )


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
        assert document.read_bytes().decode("utf-8") == text + "\nThe PCC agreed.\n"  # line endings as written


@pytest.mark.parametrize("text", [LEAD_INS["also-known-as"], ORS["commas"]], ids=["also-known-as", "or-between-commas"])
def test_cli_annotate_explains_the_definition(tmp_path: Path, glossary: Path, text: str) -> None:
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
    assert f"PCC (2 uses) inline: {PCC}" in " ".join(output.split())  # as written: a wrapped long form is wrapped


@pytest.mark.parametrize(
    "text",
    ["The Police and Crime Committee (also known as the PCC) met.", "The Police and Crime Committee, or PCC, met."],
    ids=["lead-in", "or"],
)
def test_cli_check_compares_the_authors_long_form_with_the_glossary(tmp_path: Path, glossary: Path, text: str) -> None:
    document = tmp_path / "m.txt"
    document.write_text(text + "\n", encoding="utf-8")
    code, output = run("check", str(document), "--no-bundled", "-g", str(glossary))
    assert code == 1
    assert output.splitlines()[0] == (
        f"{document}:1:5: D005 PCC is defined here as 'Police and Crime Committee' but the glossary says"
        f" '{PCC}' ({glossary}, line 2); make them agree, or turn D005 off here if the document means another sense"
    )
    assert "D001" not in output


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("p.html", "<p>The Police &amp; Crime Commissioner, or PCC, met.</p>\n"),
        ("p.html", "<p>The Police &amp; Crime Commissioner (also known as the PCC) met.</p>\n"),
        ("p.md", "The Police and Crime Commissioner, or **PCC**, met.\n"),
        ("p.html", "<p>The Police &amp; Crime Commissioner,&nbsp;or PCC, met.</p>\n"),
        ("p.html", "<p>The Police and Crime Commissioner, or&nbsp;PCC, met.</p>\n"),
        ("p.html", "<p>The Police and Crime Commissioner,&#160;or&#xA0;the PCC, met.</p>\n"),
        (
            "p.html",
            "<p>The Police&nbsp;and Crime Commissioner,\n  or PCC &ndash; who chairs the panel &ndash; met.</p>\n",
        ),
        ("p.md", "The Police and Crime Commissioner,&nbsp;or PCC, met.\n"),
    ],
    ids=[
        "html-or",
        "html-lead-in",
        "markdown-emphasis-or",
        "html-nbsp-before-or",
        "html-nbsp-after-or",
        "html-numeric-no-break-spaces-and-article",
        "html-wrapped-or-and-dash-reference",
        "markdown-nbsp-before-or",
    ],
)
def test_cli_annotate_keeps_the_definition_in_html_and_markdown(
    tmp_path: Path, glossary: Path, name: str, text: str
) -> None:
    document = tmp_path / name
    document.write_text(text, encoding="utf-8")
    assert run("annotate", str(document), "--no-bundled", "-g", str(glossary)) == (0, text)
    assert run("check", str(document), "--no-bundled", "-g", str(glossary)) == (0, "")
    code, output = run("scan", str(document), "--no-bundled", "-g", str(glossary))
    long = PCC.replace(" and ", " & ") if "&amp;" in text else PCC
    assert code == 0 and " ".join(output.split()).endswith(f"PCC (1 use) inline: {long}")  # as written: `&nbsp;`


def test_the_hits_after_a_name_after_a_comma_are_judged_as_any_other(tmp_path: Path) -> None:
    """`, or PCC,` opens no bracket: a later bracket in the sentence is no part of the definition."""
    glossary = tmp_path / "g.csv"
    glossary.write_text(f"acronym,expansion\nPCC,{PCC}\nSNP,Safer Neighbourhood Panel\n", encoding="utf-8")
    document = tmp_path / "m.txt"
    document.write_text(f"The {PCC}, or PCC, met the SNP (today).\n", encoding="utf-8")
    code, output = run("annotate", str(document), "--no-bundled", "-g", str(glossary))
    assert (code, output) == (0, f"The {PCC}, or PCC, met the Safer Neighbourhood Panel (SNP) (today).\n")


def test_a_hit_at_the_start_of_a_text_that_ends_with_the_mark_has_no_mark_before_it() -> None:
    """Where `, or ` would start before the text, there is none (`str.startswith` would count from the end)."""
    text = "PCC, Police Crime Commissioner, or "
    assert find_or_definitions_after(text, [(0, 3)]) == []
