"""`<!-- acronyms-disable … -->` comments: findings the author turns off in part of a document."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from acronyms import Glossary, annotate
from acronyms.checks import CheckOptions, check_document, check_paths
from acronyms.cli import cli
from acronyms.scan import scan

# `CC` has three senses in the bundled glossary, none of them Claire Carter: D005 at her initials.
ATTENDEES = "Present: Claire Carter (CC), Chief Executive.\n"
UNDEFINED = "The QXZW unit met.\n"  # D001: no glossary knows QXZW


def codes_and_lines(text: str, name: str = "doc.md") -> list[tuple[str, int]]:
    glossary = Glossary.bundled()
    findings = check_document(scan(text, glossary, path=name), glossary, reference=glossary)
    return sorted((found.code, found.line) for found in findings)


def test_without_a_directive_both_findings_are_reported() -> None:
    """The cases below start from these findings; without them they could not fail."""
    assert codes_and_lines(ATTENDEES + UNDEFINED) == [("D001", 2), ("D005", 1)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("<!-- acronyms-disable-next-line D005 -->\n" + ATTENDEES + UNDEFINED, [("D001", 3)]),
        ("<!-- acronyms-disable-next-line -->\n" + ATTENDEES + UNDEFINED, [("D001", 3)]),  # every code
        ("<!-- acronyms-disable-next-line D001 -->\n" + ATTENDEES + UNDEFINED, [("D001", 3), ("D005", 2)]),
        ("<!-- acronyms-disable-next-line D005 -->\n\n" + ATTENDEES + UNDEFINED, [("D001", 4), ("D005", 3)]),
        (ATTENDEES + "<!-- acronyms-disable-next-line D005 -->\n" + UNDEFINED, [("D001", 3), ("D005", 1)]),
        (ATTENDEES.rstrip() + " <!-- acronyms-disable-line D005 -->\n" + UNDEFINED, [("D001", 2)]),
        (ATTENDEES + UNDEFINED.rstrip() + " <!-- acronyms-disable-line D0 -->\n", [("D005", 1)]),  # a prefix
        ("<!-- acronyms-disable-line -->\n" + ATTENDEES + UNDEFINED, [("D001", 3), ("D005", 2)]),
        (ATTENDEES + UNDEFINED + "<!-- acronyms-disable-file D005,D001 -->\n", []),
        (ATTENDEES + UNDEFINED + "<!--acronyms-disable-file d005 , d001-->\n", []),  # spaces and case as written
        (ATTENDEES + UNDEFINED + "<!-- acronyms-disable-file D005 -->\n", [("D001", 2)]),
    ],
)
def test_line_and_file_directives(text: str, expected: list[tuple[str, int]]) -> None:
    assert codes_and_lines(text) == expected


def test_disable_reaches_from_the_comment_until_enable() -> None:
    text = (
        UNDEFINED  # 1: before the comment
        + "<!-- acronyms-disable -->\n"
        + ATTENDEES.replace("CC", "AC")  # 3: every code off
        + "The QQZW unit met.\n"
        + "<!-- acronyms-enable D001 -->\n"
        + ATTENDEES  # 6: D005 still off
        + "The WWQZ unit met.\n"  # 7: D001 on again
        + "<!-- acronyms-enable -->\n"
        + ATTENDEES.replace("Claire Carter", "Colin Cole")  # 9: everything on again
    )
    assert codes_and_lines(text) == [("D001", 1), ("D001", 7), ("D004", 9), ("D005", 9)]


def test_a_directive_in_markdown_code_is_an_example_not_a_directive() -> None:
    example = "```\n<!-- acronyms-disable-file -->\n```\n\nWrite `<!-- acronyms-disable-file -->` to turn it off.\n"
    assert codes_and_lines(ATTENDEES + UNDEFINED + example) == [("D001", 2), ("D005", 1)]


OFF = "<!-- acronyms-disable-file -->"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (f'<script>var x="{OFF}";</script>\n<p>{UNDEFINED}</p>\n', "page.html"),
        (f"<style>/* {OFF} */</style>\n<p>{UNDEFINED}</p>\n", "page.html"),
        (f"<textarea>{OFF}</textarea>\n<p>{UNDEFINED}</p>\n", "page.html"),
        (f"<head><title>{OFF}</title></head>\n<p>{UNDEFINED}</p>\n", "page.html"),
        (f'<p title="{OFF}">x</p>\n<p>{UNDEFINED}</p>\n', "page.html"),
        (f'<span title="{OFF}">x</span>\n\n{UNDEFINED}', "doc.md"),
        (f'A <span\n  title="x {OFF}">span</span>.\n\n{UNDEFINED}', "doc.md"),
        ("[x](http://e.com/<!--acronyms-disable-file-->)\n\n" + UNDEFINED, "doc.md"),
        (f'---\ntitle: "{OFF}"\n---\n\n{UNDEFINED}', "doc.md"),
        (f"<script>\nvar x = '{OFF}';\n</script>\n\n{UNDEFINED}", "doc.md"),
    ],
    ids=[
        "html-script",
        "html-style",
        "html-textarea",
        "html-title",
        "html-attribute",
        "markdown-attribute",
        "markdown-attribute-over-lines",
        "markdown-link-target",
        "markdown-front-matter",
        "markdown-script-block",
    ],
)
def test_a_directive_must_be_a_comment(text: str, name: str) -> None:
    assert codes_and_lines(text, name) == [("D001", text.count("\n", 0, text.index("QXZW")) + 1)]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (f"<html><head>{OFF}</head><body><p>{UNDEFINED}</p></body></html>\n", "page.html"),
        (f"<p>A <b>{OFF}</b> in a paragraph.</p><pre>{OFF}</pre>\n<p>{UNDEFINED}</p>\n", "page.html"),
        (f"{OFF}\n\n{UNDEFINED}", "doc.md"),
        (f"A comment {OFF} in a line after <b>a tag</b>.\n\n{UNDEFINED}", "doc.md"),
        (f"<div>\n{OFF}\n</div>\n\n{UNDEFINED}", "doc.md"),
        (f"A note.[^1]\n\n[^1]: Its text {OFF}\n\n{UNDEFINED}", "doc.md"),
        (f'<p title="{OFF}">\n{UNDEFINED}', "minutes.txt"),  # no comments in plain text: read as written
    ],
    ids=["html-head", "html-elements", "markdown", "markdown-after-a-tag", "markdown-html-block", "footnote", "text"],
)
def test_a_comment_anywhere_else_is_a_directive(text: str, name: str) -> None:
    assert codes_and_lines(text, name) == []


def test_plain_text_and_html_read_directives_too() -> None:
    assert codes_and_lines("<!-- acronyms-disable-next-line D005 -->\n" + ATTENDEES, "minutes.txt") == []
    page = f"<html><body><!-- acronyms-disable-next-line D005 -->\n<p>{ATTENDEES}</p></body></html>\n"
    assert codes_and_lines(page, "page.html") == []


def test_directives_cover_the_documents_glossary_section() -> None:
    section = "The PCC met.\n\n## Glossary\n\n| Acronym | Meaning |\n|---|---|\n"
    rows = "| PCC | Police and Crime Commissioner |\n| PCC | Police and Crime Commissioner |\n"
    assert codes_and_lines("<!-- acronyms-disable D -->\n" + section + rows) == [("G001", 9)]
    assert codes_and_lines("<!-- acronyms-disable G -->\n" + section + rows) == []


def test_check_paths_and_the_command_leave_out_what_a_directive_turns_off(tmp_path: Path) -> None:
    path = tmp_path / "minutes.md"
    path.write_text("<!-- acronyms-disable-next-line D005 -->\n" + ATTENDEES, encoding="utf-8")
    assert check_paths([str(path)], CheckOptions()) == []
    result = CliRunner().invoke(cli, ["check", str(path)], catch_exceptions=False)
    assert (result.exit_code, result.stdout) == (0, "")


def test_an_unknown_code_in_a_directive_names_the_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "minutes.md"
    path.write_text("# Minutes\n\n" + ATTENDEES + "<!-- acronyms-disable D009 -->\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", str(path)], catch_exceptions=False)
    assert result.exit_code == 2
    assert f"Error: {path}:4: unknown code 'D009'" in result.stderr
    assert "in acronyms-disable" in result.stderr
    assert "Traceback" not in result.output


def test_directives_inside_a_glossary_section_leave_its_rows_alone() -> None:
    """QA: a comment between the rows ended the section, so the rows after it were uses (D001) and annotated."""
    text = (
        "The DA team met the SNP.\n\nGlossary\n\nDA\tDomestic Abuse\n<!-- acronyms-disable-next-line G001 -->\n"
        "DA\tDomestic Abuse\nSNP\tSafer Neighbourhood Panel\n"
    )
    assert codes_and_lines(text, "minutes.txt") == []
    assert annotate(text, Glossary.bundled()) == text.replace("The DA team", "The Domestic Abuse (DA) team").replace(
        "the SNP.", "the Safer Neighbourhood Panel (SNP)."
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("<!-- acronyms-disable-next-line D005 -- attendees' initials -->\n" + ATTENDEES + UNDEFINED, [("D001", 3)]),
        ("<!-- acronyms-disable-next-line -- every code, for now -->\n" + ATTENDEES + UNDEFINED, [("D001", 3)]),
        (
            ATTENDEES + UNDEFINED.rstrip() + " <!-- acronyms-disable-line D001, -- QXZW is a callsign -->\n",
            [("D005", 1)],
        ),
        ("<!-- acronyms-disable-file D005 -- a reason\nover two lines -->\n" + ATTENDEES + UNDEFINED, [("D001", 4)]),
        ("<!--\n  acronyms-disable-next-line\n  D001,\n  D005\n-->\n" + UNDEFINED + ATTENDEES, [("D005", 7)]),
        ("<!-- acronyms-disable-file D001\n     D005 -->\n" + ATTENDEES + UNDEFINED, []),
    ],
    ids=["reason", "reason-without-codes", "reason-after-comma", "reason-over-lines", "codes-over-lines", "codes-wrap"],
)
def test_a_reason_and_codes_over_lines(text: str, expected: list[tuple[str, int]]) -> None:
    assert codes_and_lines(text) == expected


@pytest.mark.parametrize(
    ("comment", "shown"),
    [
        ("<!-- acronyms-disable-next-line D001;D002 -->", "D001;D002"),
        ("<!-- acronyms-disable-next-line * -->", "*"),
        ("<!-- acronyms-disable-next-line D001/D002 -->", "D001/D002"),
        ("<!-- acronyms-disable-nxt-line D001 -->", "acronyms-disable-nxt-line"),
        ("<!-- acronyms-disable-next-line D001 --no space -->", "--no space"),
        ("<!-- acronyms-disable-next-line D001 : a callsign -->", ": a callsign"),
        ("<!-- acronyms-disable-next-line D001\n\n   (a callsign) -->", "(a callsign)"),
    ],
    ids=["semicolon", "star", "slash", "misspelt-kind", "reason-glued", "colon", "over-lines"],
)
def test_a_comment_that_starts_like_a_directive_and_is_none_is_an_error(
    tmp_path: Path, comment: str, shown: str
) -> None:
    path = tmp_path / "minutes.md"
    path.write_text("# Minutes\n\n" + comment + "\n" + UNDEFINED, encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", str(path)], catch_exceptions=False)
    assert result.exit_code == 2
    assert f"Error: {path}:3: cannot read the directive '<!-- acronyms-" in result.stderr
    assert shown in result.stderr
    for form in ("disable,", "enable,", "disable-line,", "disable-next-line", "disable-file", "spaces or commas"):
        assert form in result.stderr
    assert "-- reason" in result.stderr
    assert "Traceback" not in result.output


@pytest.mark.parametrize("name", ["minutes.txt", "minutes.md", "page.html"])
def test_each_format_reports_a_bad_directive(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_text(f"<p>{UNDEFINED.rstrip()}</p>\n<!-- acronyms-disable-next-line D001; D005 -->\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", str(path)], catch_exceptions=False)
    assert (result.exit_code, f"{path}:2: cannot read the directive" in result.stderr) == (2, True)


def test_an_unclosed_directive_says_so(tmp_path: Path) -> None:
    path = tmp_path / "minutes.md"
    path.write_text(UNDEFINED + "<!-- acronyms-disable-next-line D001 ->\n" + UNDEFINED, encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", str(path)], catch_exceptions=False)
    assert result.exit_code == 2
    assert f"{path}:2: the comment '<!-- acronyms-disable-next-line D001 -> The QXZW unit met.' is not closed" in (
        result.stderr
    )


def test_other_comments_and_directives_in_code_are_no_errors() -> None:
    text = "<!-- acronyms: see the README -->\n<!-- TODO acronyms-disable-file -->\n`<!-- acronyms-wrong -->`\n"
    assert codes_and_lines(text + UNDEFINED) == [("D001", 4)]


def test_a_reason_written_without_the_separator_says_where_it_goes(tmp_path: Path) -> None:
    path = tmp_path / "minutes.md"
    path.write_text(UNDEFINED + "<!-- acronyms-disable-line QXW is a callsign -->\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", str(path)], catch_exceptions=False)
    assert result.exit_code == 2
    assert f"{path}:2: unknown code 'QXW'" in result.stderr
    assert "a reason goes after the codes and ' -- '" in result.stderr
