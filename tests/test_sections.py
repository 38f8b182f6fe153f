"""A document's glossary section written as a list: Markdown or plain-text items, HTML `<dl>` and `<ul>`."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from acronyms import Format, Glossary, Options, annotate, annotation
from acronyms.cli import cli
from acronyms.edits import restore
from acronyms.planner import GlossaryMode
from acronyms.sections import find_glossary_section

ROWS = [("DA", "Domestic Abuse", 5), ("PCC", "Police and Crime Commissioner", 6)]


@pytest.mark.parametrize(
    "item",
    [
        "- {a}: {e}",
        "* **{a}**: {e}",
        "- **{a}** – {e}",
        "- {a} - {e}",
        "+ __{a}__: {e}",
        "- `{a}`: {e}",
        "- *{a}* — {e}",
        "- _{a}_: {e}",
        "- **{a}:** {e}",
        "1. {a}: {e}",
        "2) {a}: {e}",
        "  - {a}: {e}",
        "**{a}**: {e}",
        "**{a}**: {e}  ",
    ],
    ids=[
        "dash-colon",
        "star-bold",
        "bold-en-dash",
        "dash-hyphen",
        "plus-underscores",
        "code",
        "italic-em-dash",
        "underscore-italic",
        "colon-inside-bold",
        "numbered",
        "numbered-parenthesis",
        "indented",
        "bold-no-bullet",
        "bold-no-bullet-hard-break",
    ],
)
def test_a_list_after_a_heading_is_the_glossary_section(item: str) -> None:
    rows = "\n".join(item.format(a=a, e=e) for a, e, _ in ROWS)
    text = f"The DA met.\n\n## Glossary\n\n{rows}\n\nAny other business.\n"
    section = find_glossary_section(text, Format.MARKDOWN)
    assert section is not None
    assert [(row.acronym, row.expansion, row.line) for row in section.rows] == ROWS
    assert text[section.start : section.end] == f"## Glossary\n\n{rows}"


def test_a_list_that_is_no_glossary_is_no_section() -> None:
    assert find_glossary_section("## Glossary\n\n- see the appendix\n- ask the clerk\n", Format.MARKDOWN) is None


HTML_LISTS = {
    "dl": (
        "<p>The DA met.</p>\n<h2>Glossary</h2>\n<dl>\n<dt>DA</dt><dd>Domestic Abuse</dd>\n"
        "<dt><b>PCC</b></dt>\n<dd>Police and Crime Commissioner</dd>\n</dl>\n<p>The end.</p>\n"
    ),
    "ul": (
        "<p>The DA met.</p>\n<h2>Glossary</h2>\n<ul>\n<li><b>DA</b>: Domestic Abuse</li>\n"
        "<li><strong>PCC</strong> – Police and Crime Commissioner</li>\n</ul>\n<p>The end.</p>\n"
    ),
    "ol-unclosed-items": (
        "<p>The DA met.</p>\n<h2>Glossary</h2>\n<ol>\n<li>DA: Domestic Abuse\n"
        "<li>PCC: Police and Crime Commissioner\n</ol>\n<p>The end.</p>\n"
    ),
}


@pytest.mark.parametrize("page", HTML_LISTS.values(), ids=HTML_LISTS.keys())
def test_an_html_list_after_a_heading_is_the_glossary_section(page: str) -> None:
    section = find_glossary_section(page, Format.HTML)
    assert section is not None
    assert [(row.acronym, row.expansion) for row in section.rows] == [(a, e) for a, e, _ in ROWS]
    assert [row.line for row in section.rows] == [4, 5]
    assert page[section.start :].startswith("<h2>Glossary</h2>")
    assert page[: section.end].endswith(("</dl>", "</ul>", "</ol>"))


def test_a_list_inside_a_list_item_adds_no_rows() -> None:
    page = "<h2>Glossary</h2><ul><li>DA: Domestic Abuse<ul><li>SO: Sub Office</li></ul></li></ul>"
    section = find_glossary_section(page, Format.HTML)
    assert section is not None and [row.acronym for row in section.rows] == ["DA"]


MARKDOWN = (
    "The DA and the PCC met.\n\n## Glossary\n\n- **DA**: Domestic Abuse\n- **PCC**: Police and Crime Commissioner\n"
)


def test_a_list_section_is_not_annotated_and_lends_its_rows(small: Glossary) -> None:
    once = annotate(MARKDOWN, small, Options(format=Format.MARKDOWN))
    assert once == MARKDOWN.replace(
        "The DA and the PCC met.", "The Domestic Abuse (DA) and the Police and Crime Commissioner (PCC) met."
    )
    assert annotate(once, small, Options(format=Format.MARKDOWN)) == once


@pytest.mark.parametrize("page", HTML_LISTS.values(), ids=HTML_LISTS.keys())
def test_an_html_list_section_is_not_annotated_and_lends_its_rows(small: Glossary, page: str) -> None:
    once = annotate(page, small, Options(format=Format.HTML))
    assert once == page.replace("<p>The DA met.</p>", "<p>The Domestic Abuse (DA) met.</p>")
    assert annotate(once, small, Options(format=Format.HTML)) == once


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.output


def test_cli_annotate_leaves_a_list_glossary_alone(tmp_path: Path) -> None:
    document = tmp_path / "l.md"
    document.write_text(MARKDOWN, encoding="utf-8")
    code, output = run("annotate", str(document), "--no-bundled")
    assert (code, output) == (
        0,
        MARKDOWN.replace(
            "The DA and the PCC met.", "The Domestic Abuse (DA) and the Police and Crime Commissioner (PCC) met."
        ),
    )


def test_cli_append_to_a_list_glossary_adds_no_second_section(tmp_path: Path) -> None:
    document = tmp_path / "l.md"
    document.write_text("The DA met the SNP.\n\n## Glossary\n\n- **DA**: Domestic Abuse\n", encoding="utf-8")
    glossary = tmp_path / "g.csv"
    glossary.write_text("acronym,expansion\nSNP,Safer Neighbourhood Panel\n", encoding="utf-8")
    code, output = run("annotate", str(document), "--no-bundled", "-g", str(glossary), "--glossary-section", "append")
    assert code == 0
    assert output == (
        "The Domestic Abuse (DA) met the Safer Neighbourhood Panel (SNP).\n\n## Glossary\n\n"
        "- **DA**: Domestic Abuse\n- **SNP**: Safer Neighbourhood Panel\n"
    )


def test_cli_append_adds_nothing_when_the_list_has_every_row(tmp_path: Path) -> None:
    document = tmp_path / "l.md"
    document.write_text(MARKDOWN, encoding="utf-8")
    code, output = run("annotate", str(document), "--no-bundled", "--glossary-section", "append")
    assert code == 0
    assert output.count("Glossary") == 1
    assert output.endswith("## Glossary\n\n- **DA**: Domestic Abuse\n- **PCC**: Police and Crime Commissioner\n")


def test_cli_replace_rewrites_the_list_in_its_own_style(tmp_path: Path) -> None:
    document = tmp_path / "l.md"
    document.write_text(
        "The SNP met.\n\n## Glossary\n\n1. **DA**: Domestic Abuse\n2. **SNP**: Safer Neighbourhood Panel\n"
        "3. **XYZ**: Unused Thing\n\nThe end.\n",
        encoding="utf-8",
    )
    glossary = tmp_path / "g.csv"
    glossary.write_text("acronym,expansion\nACC,Assistant Chief Constable\n", encoding="utf-8")
    document.write_text(document.read_text(encoding="utf-8").replace("The SNP met.", "The SNP met the ACC."))
    code, output = run("annotate", str(document), "--no-bundled", "-g", str(glossary), "--glossary-section", "replace")
    assert code == 0
    assert output == (
        "The Safer Neighbourhood Panel (SNP) met the Assistant Chief Constable (ACC).\n\n## Glossary\n\n"
        "1. **ACC**: Assistant Chief Constable\n2. **SNP**: Safer Neighbourhood Panel\n\nThe end.\n"
    )


def test_cli_replace_rewrites_an_html_definition_list(tmp_path: Path) -> None:
    document = tmp_path / "l.html"
    document.write_text(
        "<p>The SNP met.</p>\n<h2>Glossary</h2>\n<dl>\n<dt>DA</dt><dd>Domestic Abuse</dd>\n"
        "<dt>SNP</dt><dd>Safer Neighbourhood Panel</dd>\n</dl>\n",
        encoding="utf-8",
    )
    code, output = run("annotate", str(document), "--no-bundled", "--glossary-section", "replace")
    assert code == 0
    assert output == (
        "<p>The Safer Neighbourhood Panel (SNP) met.</p>\n<h2>Glossary</h2>\n<dl>\n"
        "<dt>SNP</dt><dd>Safer Neighbourhood Panel</dd>\n</dl>\n"
    )


def test_cli_append_to_an_html_bullet_list(tmp_path: Path) -> None:
    document = tmp_path / "l.html"
    document.write_text(
        "<p>The SNP met the DA team.</p>\n<h2>Glossary</h2>\n<ul>\n<li><b>SNP</b>: Safer Neighbourhood Panel</li>\n"
        "</ul>\n",
        encoding="utf-8",
    )
    glossary = tmp_path / "g.csv"
    glossary.write_text("acronym,expansion\nDA,Domestic Abuse\n", encoding="utf-8")
    code, output = run("annotate", str(document), "--no-bundled", "-g", str(glossary), "--glossary-section", "append")
    assert code == 0
    assert output == (
        "<p>The Safer Neighbourhood Panel (SNP) met the Domestic Abuse (DA) team.</p>\n<h2>Glossary</h2>\n<ul>\n"
        "<li><b>DA</b>: Domestic Abuse</li>\n<li><b>SNP</b>: Safer Neighbourhood Panel</li>\n</ul>\n"
    )


def test_cli_check_reads_a_list_glossary_with_its_lines(tmp_path: Path) -> None:
    document = tmp_path / "l.md"
    document.write_text(
        "The DA met.\n\n## Glossary\n\n- **DA**: Domestic Abuse\n- **XYZ**: Xylophone Yard Zone\n", encoding="utf-8"
    )
    code, output = run("check", str(document), "--no-bundled")
    assert f"{document}:6:5: D002 XYZ is in the glossary section but never used" in output
    assert "D001" not in output
    assert code == 0


def test_append_to_a_numbered_list_numbers_on_after_its_last_row(small: Glossary) -> None:
    """Rows go after the last, numbered on: in their alphabetical places they would repeat the author's numbers."""
    text = "The ACC, the PCC and the SNP met.\n\nGlossary\n\n1. PCC: Police and Crime Commissioner\n"
    once = annotate(text, small, Options(glossary_section=GlossaryMode.APPEND))
    assert once.endswith(
        "Glossary\n\n1. PCC: Police and Crime Commissioner\n2. ACC: Assistant Chief Constable\n"
        "3. SNP: Safer Neighbourhood Panel\n"
    )
    assert annotate(once, small, Options(glossary_section=GlossaryMode.APPEND)) == once


@pytest.mark.parametrize(
    ("text", "format"),
    [
        ("Glossary\nDA\tx\nGlossary\nSNP\tSafer\n", Format.TEXT),
        ("## Glossary\n1. `SNP` – x\n## Glossary\nSNP\tSafer\n", Format.MARKDOWN),
    ],
    ids=["tab-rows", "list-in-code"],
)
def test_replace_is_stable_with_two_glossary_headings(small: Glossary, text: str, format: Format) -> None:
    options = Options(format=format, glossary_section=GlossaryMode.REPLACE)
    once = annotate(text, small, options)
    assert annotate(once, small, options) == once


def annotate_twice(document: Path, *args: str) -> str:
    """Annotate `document` in place with the CLI and return the result; a second run must change nothing."""
    results = []
    for _ in range(2):
        code, output = run("annotate", str(document), "--no-bundled", "--in-place", *args)
        assert (code, output) == (0, "")
        results.append(document.read_text(encoding="utf-8"))
    assert results[1] == results[0]
    return results[0]


@pytest.fixture
def snp_glossary(tmp_path: Path) -> Path:
    glossary = tmp_path / "g.csv"
    glossary.write_text("acronym,expansion\nSNP,Safer Neighbourhood Panel\n", encoding="utf-8")
    return glossary


def test_cli_replace_in_a_document_that_uses_none_of_its_acronyms_keeps_the_rows(
    tmp_path: Path, snp_glossary: Path
) -> None:
    document = tmp_path / "m.txt"
    document.write_text("Glossary\nDA\tx\nGlossary\nSNP\tSafer\n", encoding="utf-8")
    once = annotate_twice(document, "-g", str(snp_glossary), "--glossary-section", "replace")
    assert once == "Glossary\nDA\tx\nGlossary\nSNP\tSafer\n"


def test_cli_replace_that_drops_rows_keeps_the_used_ones(tmp_path: Path, snp_glossary: Path) -> None:
    document = tmp_path / "m.txt"
    document.write_text("The SNP met.\n\nGlossary\nDA\tx\nSNP\tSafer\n", encoding="utf-8")
    once = annotate_twice(document, "-g", str(snp_glossary), "--glossary-section", "replace")
    assert once == "The Safer Neighbourhood Panel (SNP) met.\n\nGlossary\nSNP\tSafer Neighbourhood Panel\n"


@pytest.mark.parametrize("mode", ["append", "replace"])
@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        (
            "m.txt",
            "The SNP met.\n\nGlossary\n",
            "The Safer Neighbourhood Panel (SNP) met.\n\nGlossary\n\nSNP\tSafer Neighbourhood Panel\n",
        ),
        (
            "m.txt",
            "The SNP met.\n\nGlossary\n\n\n",
            "The Safer Neighbourhood Panel (SNP) met.\n\nGlossary\n\nSNP\tSafer Neighbourhood Panel\n\n\n",
        ),
        (
            "m.md",
            "The SNP met.\n\n## Glossary\n\n## Actions\n\nNone.\n",
            (
                "The Safer Neighbourhood Panel (SNP) met.\n\n## Glossary\n\n| Acronym | Expansion |\n| --- | --- |\n"
                "| SNP | Safer Neighbourhood Panel |\n\n## Actions\n\nNone.\n"
            ),
        ),
        (
            "m.md",
            "The SNP met.\n\n## Glossary\n## Actions\n",
            (
                "The Safer Neighbourhood Panel (SNP) met.\n\n## Glossary\n\n| Acronym | Expansion |\n| --- | --- |\n"
                "| SNP | Safer Neighbourhood Panel |\n\n## Actions\n"
            ),
        ),
        (
            "m.md",
            "The SNP met.\n\n## Glossary\n\n| Acronym | Expansion |\n| --- | --- |\n",
            (
                "The Safer Neighbourhood Panel (SNP) met.\n\n## Glossary\n\n| Acronym | Expansion |\n| --- | --- |\n"
                "| SNP | Safer Neighbourhood Panel |\n"
            ),
        ),
    ],
    ids=[
        "text-heading-at-the-end",
        "text-blank-lines-kept",
        "markdown-before-a-heading",
        "markdown-no-blank-line",
        "markdown-table-header-only",
    ],
)
def test_cli_rows_go_under_a_last_glossary_heading_that_has_none(
    tmp_path: Path, snp_glossary: Path, mode: str, name: str, text: str, expected: str
) -> None:
    """A glossary heading followed only by blank lines (or a table's header) up to the end or the next heading
    is an empty section: rows go under it, not into a second section."""
    document = tmp_path / name
    document.write_text(text, encoding="utf-8")
    assert annotate_twice(document, "-g", str(snp_glossary), "--glossary-section", mode) == expected


def test_cli_a_glossary_heading_followed_by_prose_is_no_section(tmp_path: Path, snp_glossary: Path) -> None:
    document = tmp_path / "m.txt"
    document.write_text("The SNP met.\n\nGlossary\n\nSee the force website.\n", encoding="utf-8")
    once = annotate_twice(document, "-g", str(snp_glossary), "--glossary-section", "append")
    assert once == (
        "The Safer Neighbourhood Panel (SNP) met.\n\nGlossary\n\nSee the force website.\n"
        "\nGlossary\n\nSNP\tSafer Neighbourhood Panel\n"
    )


def test_cli_an_empty_glossary_heading_before_the_section_is_not_the_section(
    tmp_path: Path, snp_glossary: Path
) -> None:
    """A contents list naming the glossary comes before it: the later heading, with rows, is the section."""
    document = tmp_path / "m.md"
    document.write_text("## Glossary\n\n## Minutes\n\nThe SNP met.\n\n## Glossary\n\n- DA: x\n", encoding="utf-8")
    once = annotate_twice(document, "-g", str(snp_glossary), "--glossary-section", "append")
    assert once == (
        "## Glossary\n\n## Minutes\n\nThe Safer Neighbourhood Panel (SNP) met.\n\n## Glossary\n\n- DA: x\n"
        "- SNP: Safer Neighbourhood Panel\n"
    )


def test_cli_an_empty_last_section_lends_no_rows_and_hides_earlier_ones(tmp_path: Path) -> None:
    """Annotate and check agree: the earlier heading's rows are text, not the section."""
    document = tmp_path / "m.txt"
    document.write_text("The SNP met.\n\nGlossary\nSNP\tSafer Neighbourhood Panel\n\nGlossary\n", encoding="utf-8")
    code, output = run("annotate", str(document), "--no-bundled")
    assert (code, output) == (0, document.read_text(encoding="utf-8"))
    code, output = run("check", str(document), "--no-bundled")
    assert output.startswith(f"{document}:1:5: D001 SNP is used 2 times but defined nowhere")
    assert "D002" not in output


def test_cli_a_document_whose_only_glossary_heading_is_empty_is_no_glossary(tmp_path: Path) -> None:
    document = tmp_path / "m.txt"
    document.write_text("Minutes\n\nGlossary\n", encoding="utf-8")
    other = tmp_path / "o.txt"
    other.write_text("The SNP met.\n", encoding="utf-8")
    code, output = run("check", str(other), "--no-bundled", "-g", str(document))
    assert code == 2  # as for any other document without a glossary section
    assert output.startswith(f"Error: {document}: no glossary section found")


@pytest.mark.parametrize(
    ("text", "format"),
    [
        ("Glossary\nDA\tx\n\nGlossary\nSNP\tSafer\n\nThe end.\n", Format.TEXT),
        (
            "<h2>Glossary</h2><dl><dt>DA</dt><dd>x</dd></dl><h2>Glossary</h2><dl><dt>SNP</dt><dd>x</dd></dl>",
            Format.HTML,
        ),
        ("<h2>Glossary</h2><ul><li><li><b>SNP</b>: x</li>SNP<section data-acronyms=notes><ol>", Format.HTML),
    ],
    ids=["text-followed-by-prose", "html-definition-lists", "html-list-found-by-hypothesis"],
)
def test_replace_keeps_the_rows_of_a_document_that_uses_none(small: Glossary, text: str, format: Format) -> None:
    """Emptied, the section would be no section next time, and its rows would be annotated then."""
    options = Options(format=format, glossary_section=GlossaryMode.REPLACE, every_use=True)
    assert annotate(text, small, options) == text


def test_rows_under_an_empty_heading_keep_its_crlf_whole(small: Glossary) -> None:
    options = Options(glossary_section=GlossaryMode.APPEND)
    once = annotate("SNP\r\nGLOSSARY\r\n", small, options)
    assert once == "Safer Neighbourhood Panel (SNP)\r\nGLOSSARY\r\n\r\nSNP\tSafer Neighbourhood Panel\r\n"
    assert annotate(once, small, options) == once


@pytest.mark.parametrize(
    "heading",
    [
        "List of abbreviations",
        "Appendix A: Glossary",
        "6. Glossary",
        "## 6.1 Glossary",
        "Glossary of acronyms",
        "Abbreviations used in this report",
        "**Annex 2 – Acronyms**",
    ],
)
def test_the_headings_reports_give_their_glossaries(heading: str) -> None:
    section = find_glossary_section(f"The SNP met.\n\n{heading}\n\nSNP\tSafer Neighbourhood Panel\n")
    assert section is not None
    assert [(row.acronym, row.expansion) for row in section.rows] == [("SNP", "Safer Neighbourhood Panel")]


@pytest.mark.parametrize("line", ["6. The glossary", "Abbreviations used by the panel", "Glossary was agreed"])
def test_a_line_that_only_mentions_a_glossary_is_no_heading(line: str) -> None:
    assert find_glossary_section(f"The SNP met.\n\n{line}\n\nSNP\tSafer Neighbourhood Panel\n") is None


# A row may give an optional plural, as force glossaries do: `IDVA(s)  Independent Domestic Violence Adviser(s)`.
PLURAL_ROWS = [
    ("ASB", "Anti-Social Behaviour"),
    ("IDVA", "Independent Domestic Violence Adviser"),
    ("NPT", "Neighbourhood Policing Team"),
]


@pytest.mark.parametrize(
    ("text", "format"),
    [
        (
            (
                "Glossary\nASB\tAnti-Social Behaviour\nIDVA(s)\tIndependent Domestic Violence Adviser(s)\n"
                "NPT\tNeighbourhood Policing Team\n"
            ),
            Format.TEXT,
        ),
        (
            (
                "## Glossary\n\n| Acronym | Meaning |\n|---|---|\n| ASB | Anti-Social Behaviour |\n"
                "| IDVA(s) | Independent Domestic Violence Adviser(s) |\n| NPT | Neighbourhood Policing Team |\n"
            ),
            Format.MARKDOWN,
        ),
        (
            (
                "<h2>Glossary</h2><table><tr><td>ASB</td><td>Anti-Social Behaviour</td></tr>"
                "<tr><td>IDVA(s)</td><td>Independent Domestic Violence Adviser(s)</td></tr>"
                "<tr><td>NPT</td><td>Neighbourhood Policing Team</td></tr></table>"
            ),
            Format.HTML,
        ),
    ],
)
def test_a_row_with_an_optional_plural_is_read_in_the_singular(text: str, format: Format) -> None:
    section = find_glossary_section(text, format)
    assert section is not None
    assert [(row.acronym, row.expansion) for row in section.rows] == PLURAL_ROWS


def test_check_reads_a_section_with_an_optional_plural_and_a_plural_row(tmp_path: Path) -> None:
    (tmp_path / "minutes.txt").write_text(
        "The IDVAs and the NPT met the QXA.\n\nGlossary\nAGs\tAttorneys General\n"
        "IDVA(s)\tIndependent Domestic Violence Adviser(s)\nNPT\tNeighbourhood Policing Team\n",
        encoding="utf-8",
    )
    checked = CliRunner().invoke(cli, ["check", str(tmp_path / "minutes.txt")])
    assert [line.split(" ")[1:3] for line in checked.stdout.splitlines()] == [["D001", "QXA"], ["D002", "AGs"]]


def test_a_row_appended_after_one_with_an_optional_plural_has_none(tmp_path: Path) -> None:
    (tmp_path / "minutes.txt").write_text(
        "The IDVA met the QXA.\n\nGlossary\nIDVA(s)\tIndependent Domestic Violence Adviser(s)\n", encoding="utf-8"
    )
    (tmp_path / "g.csv").write_text("acronym,expansion\nQXA,Quite Xenial Agency\n", encoding="utf-8")
    appended = CliRunner().invoke(
        cli, ["annotate", str(tmp_path / "minutes.txt"), "-g", str(tmp_path / "g.csv"), "--glossary-section", "append"]
    )
    assert appended.stdout.endswith("\nIDVA(s)\tIndependent Domestic Violence Adviser(s)\nQXA\tQuite Xenial Agency\n")


@pytest.mark.parametrize(
    ("head", "row", "tail", "format"),
    [
        ("Glossary\n\n", "{a}\t{e}\n", "", Format.TEXT),
        ("## Glossary\n\n| Acronym | Meaning |\n|---|---|\n", "| {a} | {e} |\n", "", Format.MARKDOWN),
        ("## Glossary\n\n", "- **{a}**: {e}\n", "", Format.MARKDOWN),
        ("<h2>Glossary</h2>\n<table>\n", "<tr><td>{a}</td><td>{e}</td></tr>\n", "</table>\n", Format.HTML),
        ("<h2>Glossary</h2>\n<ul>\n", "<li><b>{a}</b>: {e}</li>\n", "</ul>\n", Format.HTML),
        ("<h2>Glossary</h2>\n<dl>\n", "<dt>{a}</dt><dd>{e}</dd>\n", "</dl>\n", Format.HTML),
    ],
    ids=["text", "markdown-table", "markdown-list", "html-table", "html-ul", "html-dl"],
)
def test_replace_keeps_the_optional_plural_of_a_row_it_rewrites(head: str, row: str, tail: str, format: Format) -> None:
    """QA: `replace` wrote the used `IDVA(s)` row as `IDVA  Independent Domestic Violence Adviser`.

    The unused `DA` row makes `replace` rewrite the section.
    """
    idva = row.format(a="IDVA(s)", e="Independent Domestic Violence Adviser(s)")
    text = f"{'<p>The IDVA met.</p>' if format is Format.HTML else 'The IDVA met.'}\n\n{head}"
    text += row.format(a="DA", e="Domestic Abuse") + idva + tail
    options = Options(format=format, glossary_section=GlossaryMode.REPLACE)
    result = annotation(text, Glossary.bundled(), options)
    assert result.text.endswith(f"\n\n{head}{idva}{tail}")
    assert restore(result.text, result.insertions, result.replacements) == text
    assert annotate(result.text, Glossary.bundled(), options) == result.text


def test_replace_keeps_the_optional_plural_where_the_row_wrote_it_and_only_in_the_rows_sense() -> None:
    """The acronym's `(s)` and the expansion's are kept each on its own; a row in another sense is written anew."""
    text = (
        "The IDVA, the ASB team and the PCSO met.\n\nGlossary\n\nASB(s)\tAnti-Social Behaviour\nDA\tDomestic Abuse\n"
        "IDVA(s)\tindependent domestic violence adviser(s)\nPCSO(s)\tPolice Community Safety Officer(s)\n"
    )
    rewritten = annotate(text, Glossary.bundled(), Options(glossary_section=GlossaryMode.REPLACE))
    assert rewritten.endswith(
        "\n\nGlossary\n\nASB(s)\tAnti-Social Behaviour\nIDVA(s)\tIndependent Domestic Violence Adviser(s)\n"
        "PCSO\tPolice Community Support Officer\n"
    )


# Comments in a glossary section, as `check`'s directives are written there: the rows go on past them.
COMMENTED_ROWS = [
    ("DA", "Domestic Abuse"),
    ("SNP", "Safer Neighbourhood Panel"),
    ("PCSO", "Police Community Support Officer"),
]


@pytest.mark.parametrize(
    ("text", "format"),
    [
        (
            (
                "Glossary\n\n<!-- acronyms-disable-file G004 -->\nDA\tDomestic Abuse\n<!-- acronyms-disable-next-line G007 -->\n"
                "SNP\tSafer Neighbourhood Panel <!-- acronyms-disable-line D002 -->\n<!--\n  a note\n  over lines\n-->\n"
                "PCSO\tPolice Community Support Officer\n"
            ),
            Format.TEXT,
        ),
        (
            (
                "## Glossary\n\n<!-- acronyms-disable-file G004 -->\n\n| Acronym | Meaning |\n|---|---|\n"
                "| DA | Domestic Abuse |\n<!-- a note -->\n| SNP | Safer Neighbourhood Panel |\n"
                "| PCSO | Police Community Support Officer |\n"
            ),
            Format.MARKDOWN,
        ),
        (
            (
                "## Glossary\n\n- **DA**: Domestic Abuse <!-- acronyms-disable-line G001 -->\n<!-- a note -->\n"
                "- **SNP**: Safer Neighbourhood Panel\n- **PCSO**: Police Community Support Officer\n"
            ),
            Format.MARKDOWN,
        ),
    ],
    ids=["text", "markdown-table", "markdown-list"],
)
def test_comments_in_a_glossary_section_neither_end_it_nor_join_a_row(text: str, format: Format) -> None:
    section = find_glossary_section(text, format)
    assert section is not None
    assert [(row.acronym, row.expansion) for row in section.rows] == COMMENTED_ROWS
    assert [row.line for row in section.rows] == [text.count("\n", 0, row.start) + 1 for row in section.rows]


@pytest.mark.parametrize(
    ("items", "new_item"),
    [
        (
            "<ul>\n<li><b>IDVA(s)</b>: Independent Domestic Violence Adviser(s)</li>\n</ul>",
            "<li><b>BTP</b>: British Transport Police</li>",
        ),
        (
            "<dl>\n<dt>IDVA(s)</dt><dd>Independent Domestic Violence Adviser(s)</dd>\n</dl>",
            "<dt>BTP</dt><dd>British Transport Police</dd>",
        ),
    ],
    ids=["ul", "dl"],
)
def test_an_html_list_item_appended_after_one_with_an_optional_plural_has_none(items: str, new_item: str) -> None:
    """QA: every appended item copied the first's `(s)`: `BTP(s): British Transport Police(s)`."""
    page = f"<p>The IDVA met the BTP.</p>\n<h2>Glossary</h2>\n{items}\n"
    options = Options(format=Format.HTML, glossary_section=GlossaryMode.APPEND)
    assert new_item in annotate(page, Glossary.bundled(), options)


@pytest.mark.parametrize(
    "heading", ["## Geirfa", "## Byrfoddau", "## ACRONYMAU", "## Glossary / Geirfa", "## Geirfa/Glossary"]
)
def test_cli_check_reads_a_welsh_or_bilingual_glossary_heading(tmp_path: Path, heading: str) -> None:
    document = tmp_path / "cy.md"
    document.write_text(
        f"Cyfarfu'r DA. The DA met.\n\n{heading}\n\n- **DA**: Domestic Abuse\n- **XYZ**: Xylophone Yard Zone\n",
        encoding="utf-8",
    )
    code, output = run("check", str(document), "--no-bundled")
    assert f"{document}:6:5: D002 XYZ is in the glossary section but never used" in output
    assert "D001" not in output
    assert code == 0


# A glossary table as Word writes it ("Web Page, Filtered"): each cell's text on a line of its own, below the `<tr>`.
WORD_TABLE = (
    "<h1>Glossary</h1>\n<table>\n <tr>\n  <td valign=top>\n  <p class=MsoNormal>ASB</p>\n  </td>\n"
    "  <td valign=top>\n  <p class=MsoNormal>Anti-Social\n  Behaviour</p>\n  </td>\n </tr>\n <tr>\n"
    "  <td valign=top>\n  <p class=MsoNormal>LPT</p>\n  </td>\n  <td valign=top>\n"
    "  <p class=MsoNormal>Local Police Team</p>\n  </td>\n </tr>\n</table>\n"
)


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"], ids=["lf", "crlf", "cr"])
def test_an_html_rows_line_is_its_acronyms_line(newline: str) -> None:
    """G001-G008 name a row by its line, as D002 and the column do: the acronym's, not the `<tr>`'s, and a lone CR
    is a line break there as everywhere."""
    section = find_glossary_section(WORD_TABLE.replace("\n", newline), Format.HTML)
    assert section is not None
    assert [(row.acronym, row.line) for row in section.rows] == [("ASB", 5), ("LPT", 14)]
