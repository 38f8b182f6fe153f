"""The generated glossary: append, replace or none, in the document's own format; `glossary --used-in`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import ROOT

from acronyms import Entry, Format, Glossary, Options, Style, annotate, annotation
from acronyms.cli import cli
from acronyms.edits import Replacement, restore
from acronyms.generate import used_glossary
from acronyms.planner import GlossaryMode

APPEND = GlossaryMode.APPEND
REPLACE = GlossaryMode.REPLACE
HTML_SAMPLE = ROOT / "examples" / "staffordshire-public-performance-meeting-2020-02-27.html"
USED_IN_SAMPLE = ["AI", "ANPR", "CC", "CJS", "LA", "LPT", "NPT", "PCC", "PCSO", "SNP", "TCC", "TDCC"]


def options(mode: GlossaryMode, format: Format = Format.TEXT, style: Style = Style.INLINE) -> Options:
    return Options(style=style, format=format, glossary_section=mode)


def test_none_adds_nothing(small: Glossary) -> None:
    assert annotate("SNP met.\n", small, options(GlossaryMode.NONE)) == "Safer Neighbourhood Panel (SNP) met.\n"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The SNP met the ACC and the SNP.\n",
            (
                "The Safer Neighbourhood Panel (SNP) met the Assistant Chief Constable (ACC) and the SNP.\n"
                "\nGlossary\n\nACC\tAssistant Chief Constable\nSNP\tSafer Neighbourhood Panel\n"
            ),
        ),
        (
            "The SNP met the UK team",
            "The Safer Neighbourhood Panel (SNP) met the UK team\n\nGlossary\n\nSNP\tSafer Neighbourhood Panel",
        ),
        ("Nothing to define.\n", "Nothing to define.\n"),
    ],
    ids=["sorted-once-each", "no-final-newline-kept", "nothing-used"],
)
def test_append_in_plain_text(small: Glossary, text: str, expected: str) -> None:
    assert annotate(text, small, options(APPEND)) == expected


def test_append_before_a_plain_text_notes_list(small: Glossary) -> None:
    once = annotate("SNP met.\n", small, options(APPEND, style=Style.FOOTNOTE))
    assert once == (
        "SNP[1] met.\n\nGlossary\n\nSNP\tSafer Neighbourhood Panel\n\nNotes\n\n[1] SNP: Safer Neighbourhood Panel\n"
    )
    assert annotate(once, small, options(APPEND, style=Style.FOOTNOTE)) == once


def test_append_adds_only_the_rows_an_existing_section_lacks_in_their_places(small: Glossary) -> None:
    text = "PCSOs, the ACC and SNP.\n\nGlossary\n\nAPCC  Association of Police and Crime Commissioners\nSNP  Safer Panels\n"
    result = annotation(text, small, options(APPEND))
    assert result.text.split("Glossary\n\n")[1] == (
        "ACC  Assistant Chief Constable\nAPCC  Association of Police and Crime Commissioners\n"
        "PCSO  Police Community Support Officer\nSNP  Safer Panels\n"
    )
    assert result.replacements == ()
    assert restore(result.text, result.insertions) == text


def test_replace_rewrites_the_sample_minutes_glossary(sample_text: str) -> None:
    result = annotation(sample_text, Glossary.bundled(), options(REPLACE))
    section = result.text[result.text.index("\nGlossary\n") :]
    rows = [line.split("\t") for line in section.splitlines()[3:]]
    assert [acronym for acronym, _ in rows] == USED_IN_SAMPLE
    assert dict(rows)["PCSO"] == "Police Community Support Officer"
    assert "DA\tDomestic Abuse" in sample_text and "DA\t" not in section
    (replacement,) = result.replacements
    assert isinstance(replacement, Replacement)
    assert replacement.old.startswith("ACC\tAssistant Chief Constable\n") and replacement.old.endswith(
        "Youth Offending Service"
    )
    assert restore(result.text, result.insertions, result.replacements) == sample_text
    assert annotate(result.text, Glossary.bundled(), options(REPLACE)) == result.text


def test_replace_without_a_section_appends_one(small: Glossary) -> None:
    assert annotate("SNP\n", small, options(REPLACE)) == annotate("SNP\n", small, options(APPEND))


def test_markdown_append_and_replace_keep_a_table(small: Glossary) -> None:
    once = annotate("# Minutes\n\nThe SNP met the ACC.\n", small, options(APPEND, Format.MARKDOWN))
    assert once.endswith(
        "\n\n## Glossary\n\n| Acronym | Expansion |\n| --- | --- |\n"
        "| ACC | Assistant Chief Constable |\n| SNP | Safer Neighbourhood Panel |\n"
    )
    table = "The SNP met.\n\n## Acronyms\n\n| Acronym | Meaning |\n|---|---|\n| DA | Domestic Abuse |\n| SNP | x |\n"
    assert annotate(table, small, options(REPLACE, Format.MARKDOWN)) == (
        "The Safer Neighbourhood Panel (SNP) met.\n\n## Acronyms\n\n| Acronym | Meaning |\n|---|---|\n"
        "| SNP | Safer Neighbourhood Panel |\n"
    )


TABLE = "## Glossary\n\n| Acronym | Expansion |\n| --- | --- |\n| SNP | Safer Neighbourhood Panel |\n"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The SNP met.\n\n```\nGlossary\n", "```\nGlossary\n```\n\n" + TABLE),
        ("The SNP met.\n```\nGlossary", "```\nGlossary\n```\n\n" + TABLE[:-1]),
        ("The SNP met.\n\n    Glossary\n", "    Glossary\n\n" + TABLE),
        ("The SNP met.\n\n<!--\nGlossary\n-->\n", "<!--\nGlossary\n-->\n\n" + TABLE),
    ],
    ids=["open-fence", "open-fence-no-final-newline", "indented-code", "comment"],
)
def test_markdown_glossary_heading_in_a_block_is_no_section(small: Glossary, text: str, expected: str) -> None:
    """A `Glossary` line in code or a comment is text: the table goes after the block, under a heading of its own."""
    once = annotate(text, small, options(APPEND, Format.MARKDOWN))
    assert once == "The Safer Neighbourhood Panel (SNP) met.\n" + ("" if "met.\n`" in text else "\n") + expected
    assert annotate(once, small, options(APPEND, Format.MARKDOWN)) == once


def test_html_append_makes_a_section_before_the_end_of_the_body(small: Glossary) -> None:
    page = "<html><body>\n<p>The SNP &amp; ACC.</p>\n</body></html>\n"
    assert annotate(page, small, options(APPEND, Format.HTML)) == (
        "<html><body>\n<p>The Safer Neighbourhood Panel (SNP) &amp; Assistant Chief Constable (ACC).</p>\n\n"
        '<section class="acronym-glossary" data-acronyms="glossary">\n<h2>Glossary</h2>\n<table>\n'
        '<thead><tr><th scope="col">Acronym</th><th scope="col">Expansion</th></tr></thead>\n<tbody>\n'
        "<tr><td>ACC</td><td>Assistant Chief Constable</td></tr>\n"
        "<tr><td>SNP</td><td>Safer Neighbourhood Panel</td></tr>\n"
        "</tbody>\n</table>\n</section>\n</body></html>\n"
    )


def test_html_replace_rewrites_the_rows_of_the_sample_page() -> None:
    page = HTML_SAMPLE.read_text(encoding="utf-8")
    result = annotate(page, Glossary.bundled(), options(REPLACE, Format.HTML))
    tail = result[result.index('<h2 id="glossary">') :]
    assert tail.count("<tr><td>DA</td>") == 0
    assert "<tr><td>PCSO</td><td>Police Community Support Officer</td></tr>\n<tr><td>SNP</td>" in tail
    assert "<thead><tr><th>Acronym</th><th>Expansion</th></tr></thead>" in tail
    assert annotate(result, Glossary.bundled(), options(REPLACE, Format.HTML)) == result


def test_html_append_inserts_missing_rows_into_the_authors_table(small: Glossary) -> None:
    page = "<p>SNP, ACC</p>\n<h2>Glossary</h2>\n<table>\n  <tr><td>APCC</td><td>x</td></tr>\n</table>\n"
    assert annotate(page, small, options(APPEND, Format.HTML)).endswith(
        "<table>\n  <tr><td>ACC</td><td>Assistant Chief Constable</td></tr>\n  <tr><td>APCC</td><td>x</td></tr>\n"
        "  <tr><td>SNP</td><td>Safer Neighbourhood Panel</td></tr>\n</table>\n"
    )


def test_generated_rows_are_escaped() -> None:
    glossary = Glossary.from_entries([Entry("XSS", "<script>window.pwned=1</script> | x")])
    html = annotate("<p>XSS</p>", glossary, options(APPEND, Format.HTML))
    assert "<tr><td>XSS</td><td>&lt;script&gt;window.pwned=1&lt;/script&gt; | x</td></tr>" in html
    markdown = annotate("XSS\n", glossary, options(APPEND, Format.MARKDOWN))
    assert "| XSS | &lt;script&gt;window.pwned=1&lt;/script&gt; \\| x |" in markdown


def test_uses_inside_tooltips_still_count(small: Glossary) -> None:
    once = annotate(
        "<p>SNP, SNP</p>", small, Options(style=Style.TOOLTIP, format=Format.HTML, glossary_section=REPLACE)
    )
    assert "<tr><td>SNP</td>" in once
    assert annotate(once, small, Options(style=Style.TOOLTIP, format=Format.HTML, glossary_section=REPLACE)) == once


def test_used_glossary(sample_text: str) -> None:
    assert [entry.acronym for entry in used_glossary(sample_text, Glossary.bundled())] == USED_IN_SAMPLE


def run(*args: str, input: bytes | None = None) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args), input=input)
    return result.exit_code, result.output


def test_glossary_used_in_a_file() -> None:
    code, output = run(
        "glossary", "--used-in", str(ROOT / "examples" / "staffordshire-public-performance-meeting-2020-02-27.txt")
    )
    assert code == 0
    assert [line.split(",")[0] for line in output.splitlines()] == ["acronym", *USED_IN_SAMPLE]


def test_glossary_used_in_an_html_file_as_json() -> None:
    code, output = run("glossary", "--used-in", str(HTML_SAMPLE), "--format", "json")
    assert code == 0
    assert [row["acronym"] for row in json.loads(output)] == [
        "AI",
        "ANPR",
        "CC",
        "CJS",
        "LPT",
        "NPT",
        "PCC",
        "PCSO",
        "SNP",
        "TCC",
        "TDCC",
    ]


def test_glossary_used_in_standard_input() -> None:
    assert run("glossary", "--used-in", "-", "--no-bundled", input=b"x") == (
        0,
        "acronym,expansion,plural,context,category,replaced_by,well_known,note\n",
    )


def test_glossary_used_in_a_missing_file(tmp_path: Path) -> None:
    code, output = run("glossary", "--used-in", str(tmp_path / "nope.txt"))
    assert code == 1 and "no such file" in output


def test_annotate_glossary_section_option(tmp_path: Path) -> None:
    document = tmp_path / "minutes.md"
    document.write_text("The SNP met.\n", encoding="utf-8")
    code, output = run("annotate", str(document), "--glossary-section", "append", "--style", "tooltip")
    assert code == 0
    assert output == (
        "The Safer Neighbourhood Panel (SNP) met.\n\n## Glossary\n\n| Acronym | Expansion |\n| --- | --- |\n"
        "| SNP | Safer Neighbourhood Panel |\n\n*[SNP]: Safer Neighbourhood Panel\n"
    )


def test_a_sense_the_text_defines_is_the_one_listed_and_meant_later() -> None:
    """`Grants Panel (GP)` is no General Practitioner, nor `Priya Shah (PS)` a Police Sergeant."""
    bundled = Glossary.bundled()
    text = "The Grants Panel (GP) met. The GP agreed.\n\nPriya Shah (PS) chaired.\n"
    once = annotate(text, bundled, options(APPEND, Format.TEXT))
    assert once == text + "\nGlossary\n\nGP\tGrants Panel\nPS\tPriya Shah\n"
    assert annotate(once, bundled, options(APPEND, Format.TEXT)) == once
    assert [(entry.acronym, entry.expansion) for entry in used_glossary(text, bundled)] == [
        ("GP", "Grants Panel"),
        ("PS", "Priya Shah"),
    ]
    later = [decision.entry for decision in annotation(text, bundled).decisions if decision.match.acronym == "GP"]
    assert [entry.expansion if entry else None for entry in later] == ["Grants Panel", "Grants Panel"]
    every = annotate("The Grants Panel (GP) met. The GP agreed.", bundled, Options(every_use=True))
    assert every == "The Grants Panel (GP) met. The Grants Panel (GP) agreed."


@pytest.mark.xfail(
    strict=True,
    raises=AssertionError,
    reason="known limitation: a glossary row whose expansion is its own acronym (`SNPs<tab>SNP`) gives a sense that "
    "annotation writes as `SNP (SNPs)`, which the next run does not read back, so replace writes the section twice "
    "differently (found by the idempotency property with many examples; on 3621814 too)",
)
def test_a_row_that_expands_an_acronym_to_itself_is_replaced_once() -> None:
    glossary = Glossary.from_entries([Entry("SNP", "Safer Neighbourhood Panel")])
    options = Options(glossary_section=GlossaryMode.REPLACE)
    once = annotate("SNPs SNP\nGlossary\nSNPs\tSNP", glossary, options)
    assert annotate(once, glossary, options) == once
