"""The tooltip style, first use per section, skipped headings, and the command-line options for them."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from acronyms import Format, Glossary, Options, Style, UsageError, annotate, annotation
from acronyms.cli import cli
from acronyms.planner import FirstUse, GlossaryMode


def run(*args: str, input: bytes | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), input=input)
    return result.exit_code, result.stdout, result.stderr


def test_plain_text_has_no_tooltips() -> None:
    with pytest.raises(UsageError, match="plain text cannot show tooltips"):
        Options(style=Style.TOOLTIP)


@pytest.mark.parametrize(
    "args",
    [
        ["-", "--style", "tooltip"],
        ["minutes.txt", "--style", "tooltip"],
        ["minutes.md", "--style", "tooltip", "--format", "text"],
    ],
    ids=["stdin", "txt-file", "format-text"],
)
def test_the_cli_refuses_tooltips_in_plain_text_with_a_usage_error(tmp_path: Path, args: list[str]) -> None:
    for name in ("minutes.txt", "minutes.md"):
        (tmp_path / name).write_text("SNP\n", encoding="utf-8")
    args = [str(tmp_path / arg) if arg.startswith("minutes") else arg for arg in args]
    code, stdout, stderr = run("annotate", *args, input=b"SNP\n")
    assert code == 2
    assert stdout == ""
    assert (
        "Error: plain text cannot show tooltips; use the inline or footnote style, or Markdown or HTML (a .md or "
        ".html file, or --format)" in stderr
    )


def test_tooltips_from_standard_input_with_a_format(small: Glossary) -> None:
    code, stdout, _ = run("annotate", "-", "--style", "tooltip", "--format", "html", input=b"<p>SNP</p>")
    assert (code, stdout) == (
        0,
        '<p>Safer Neighbourhood Panel (<abbr title="Safer Neighbourhood Panel">SNP</abbr>)</p>',
    )


def test_markdown_tooltips_add_one_line_per_written_form(small: Glossary) -> None:
    text = "The SNP met the PCSOs. The SNP and a PCSO agreed.\n"
    assert annotate(text, small, Options(style=Style.TOOLTIP, format=Format.MARKDOWN)) == (
        "The Safer Neighbourhood Panel (SNP) met the Police Community Support Officers (PCSOs). "
        "The SNP and a PCSO agreed.\n\n"
        "*[SNP]: Safer Neighbourhood Panel\n*[PCSOs]: Police Community Support Officers\n"
        "*[PCSO]: Police Community Support Officer\n"
    )


def test_every_use_with_tooltips(small: Glossary) -> None:
    options = Options(style=Style.TOOLTIP, format=Format.HTML, every_use=True)
    assert annotate("SNP, SNP", small, options) == (
        'Safer Neighbourhood Panel (<abbr title="Safer Neighbourhood Panel">SNP</abbr>), '
        'Safer Neighbourhood Panel (<abbr title="Safer Neighbourhood Panel">SNP</abbr>)'
    )


def test_an_html_tooltip_holds_the_abbreviation_and_leaves_a_possessive_mark_outside(small: Glossary) -> None:
    """`’s` is no abbreviation: `<abbr title="Safer Neighbourhood Panel">SNP</abbr>’s`; a plural `s` is part of one."""
    page = "<p>The SNPs’ reports. The SNP’s van. The SNP's car.</p>"
    once = annotate(page, small, Options(style=Style.TOOLTIP, format=Format.HTML))
    assert once == (
        '<p>The Safer Neighbourhood Panels’ (<abbr title="Safer Neighbourhood Panels">SNPs</abbr>’) reports. '
        'The <abbr title="Safer Neighbourhood Panel">SNP</abbr>’s van. '
        'The <abbr title="Safer Neighbourhood Panel">SNP</abbr>\'s car.</p>'
    )
    assert annotate(once, small, Options(style=Style.TOOLTIP, format=Format.HTML)) == once


@pytest.mark.parametrize(
    "page",
    [
        '<p>The <abbr title="County Council">CC</abbr>’s budget.</p>',  # as the tooltip style writes a possessive
        '<p>The <abbr title="County Council’s">CC’s</abbr> budget.</p>',  # as it wrote one before
    ],
)
def test_the_sense_of_a_possessive_in_an_author_s_abbr_is_its_title(page: str, tmp_path: Path) -> None:
    document = tmp_path / "page.html"
    document.write_text(page, encoding="utf-8")
    code, out, _ = run("glossary", "--used-in", str(document))
    assert code == 0
    assert [row.split(",")[:2] for row in out.splitlines()[1:]] == [["CC", "County Council"]]


@pytest.mark.parametrize(
    ("format", "text", "expected"),
    [
        (
            Format.MARKDOWN,
            "# One\n\nSNP met. SNP agreed.\n\n## Two\n\nSNP again.\n",
            "# One\n\nSafer Neighbourhood Panel (SNP) met. SNP agreed.\n\n## Two\n\nSafer Neighbourhood Panel (SNP) again.\n",
        ),
        (
            Format.TEXT,
            "Item one\n\nSNP met. SNP agreed.\n\nItem two\n\nSNP again.\n",
            (
                "Item one\n\nSafer Neighbourhood Panel (SNP) met. SNP agreed.\n\nItem two\n\n"
                "Safer Neighbourhood Panel (SNP) again.\n"
            ),
        ),
        (
            Format.HTML,
            "<h1>One</h1><p>SNP met. SNP agreed.</p><h2>Two</h2><p>SNP again.</p>",
            (
                "<h1>One</h1><p>Safer Neighbourhood Panel (SNP) met. SNP agreed.</p><h2>Two</h2>"
                "<p>Safer Neighbourhood Panel (SNP) again.</p>"
            ),
        ),
    ],
    ids=["markdown", "text", "html"],
)
def test_first_use_per_section(small: Glossary, format: Format, text: str, expected: str) -> None:
    assert annotate(text, small, Options(format=format, first_use=FirstUse.SECTION)) == expected
    assert annotate(text, small, Options(format=format)).count("Safer Neighbourhood Panel (SNP)") == 1


def test_a_heading_inside_code_starts_no_section(small: Glossary) -> None:
    text = "SNP met.\n\n```\n# not a heading\n```\n\nSNP again.\n"
    assert annotate(text, small, Options(format=Format.MARKDOWN, first_use=FirstUse.SECTION)).count("(SNP)") == 1


@pytest.mark.parametrize(
    ("format", "text"),
    [
        (Format.MARKDOWN, "## SNP\n\nx\n"),
        (Format.MARKDOWN, "SNP report\n==========\n\nx\n"),
        (Format.HTML, "<h3 class=x>The SNP</h3>"),
        (Format.TEXT, "Meeting of the SNP\n\nx\n"),
    ],
    ids=["atx", "setext", "html", "text-line"],
)
def test_skip_headings(small: Glossary, format: Format, text: str) -> None:
    assert annotate(text, small, Options(format=format, skip_headings=True)) == text
    assert annotate(text, small, Options(format=format)) != text


def test_explain_shows_tooltip_marks(tmp_path: Path) -> None:
    document = tmp_path / "minutes.html"
    document.write_text("<p>SNP met. SNP agreed.</p>\n", encoding="utf-8")
    code, _, stderr = run("annotate", str(document), "--style", "tooltip", "--explain")
    assert code == 0
    assert stderr.splitlines() == [
        f"{document}:1:4: SNP expand (first use) -> Safer Neighbourhood Panel",
        f"{document}:1:13: SNP mark (already introduced at line 1) -> Safer Neighbourhood Panel",
    ]


def test_cli_first_use_and_skip_headings(tmp_path: Path) -> None:
    document = tmp_path / "minutes.md"
    document.write_text("# SNP\n\nSNP met.\n\n# Later\n\nSNP again.\n", encoding="utf-8")
    code, stdout, _ = run("annotate", str(document), "--first-use", "section", "--skip-headings")
    assert code == 0
    assert (
        stdout == "# SNP\n\nSafer Neighbourhood Panel (SNP) met.\n\n# Later\n\nSafer Neighbourhood Panel (SNP) again.\n"
    )


def test_decisions_of_a_markdown_tooltip_run(small: Glossary) -> None:
    result = annotation("SNP and SNP\n", small, Options(style=Style.TOOLTIP, format=Format.MARKDOWN))
    assert [d.action.value for d in result.decisions] == ["expand", "mark"]


@pytest.mark.parametrize(
    ("format", "style"),
    [
        (Format.TEXT, Style.INLINE),
        (Format.MARKDOWN, Style.TOOLTIP),
        (Format.HTML, Style.TOOLTIP),
        (Format.HTML, Style.INLINE),
    ],
    ids=["text-inline", "markdown-tooltip", "html-tooltip", "html-inline"],
)
def test_an_acronym_inside_a_long_form_is_left_alone(format: Format, style: Style) -> None:
    options = Options(format=format, style=style)
    once = annotate("The NADC opened. ANPR cameras.\n", Glossary.bundled(), options)
    assert "National ANPR Data Centre" in once
    assert annotate(once, Glossary.bundled(), options) == once


@pytest.mark.parametrize("start", ["\n\nNotes\n\n[1] SNP: x\n", "SNP\n\n"])
def test_rows_added_to_an_empty_glossary_section_change_no_section(start: str, small: Glossary) -> None:
    """Found by the idempotency property, with `--first-use section` and `--glossary-section append`.

    `Glossary` before another line that the section reader takes for a heading is an empty glossary
    section, and no plain-text heading, as it does not stand alone. The rows added make it stand alone,
    and a row alone between blank lines reads as a heading too: the next run started sections there and
    expanded the `SNP` after them. A glossary section's heading now starts a section, its rows none.
    """
    options = Options(first_use=FirstUse.SECTION, glossary_section=GlossaryMode.APPEND)
    once = annotate(f"{start}Glossary\nGlossary\nSNP", small, options)
    assert once.endswith(
        "Glossary\n\nSNP\tSafer Neighbourhood Panel\n\nGlossary\nSafer Neighbourhood Panel (SNP)"
    )  # the first use of the glossary heading's section
    assert annotate(once, small, options) == once


@pytest.mark.parametrize(
    ("page", "style"),
    [
        ("SNP<a href='#SNP'><li><b>SNP</b>: x</li>", Style.INLINE),
        ("SNP<a href='#SNP'>SNP SNP", Style.INLINE),
        ("SNP</body>SNP", Style.FOOTNOTE),
    ],
)
def test_the_glossary_appended_to_a_page_starts_no_section(page: str, style: Style, small: Glossary) -> None:
    """Found by the idempotency property: the appended glossary's heading, before what a page leaves open or after
    `</body>`, must not start a section in the next run (as a glossary section's heading does in plain text)."""
    options = Options(format=Format.HTML, style=style, first_use=FirstUse.SECTION, glossary_section=GlossaryMode.APPEND)
    once = annotate(page, small, options)
    assert 'data-acronyms="glossary"' in once
    assert annotate(once, small, options) == once
