"""Annotation keeps Markdown reference links working, and `check` reads what annotation wrote as uses and definitions.

A reference link's text is its label: `[CSE]` with `[CSE]: url` stops being a link when its text changes. A link
whose whole text is an acronym is left alone in Markdown as in HTML. A note after a plural or possessive defines its
acronym, and an `<abbr>` element's text is a use of its acronym.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from acronyms.cli import cli

SHORTCUT = "Read [CSE] now.\n\n[CSE]: https://example.org/cse\n"
NAMED_LINKS = (
    "See [NPT](https://x.org/npt), [**LPT**](https://x.org/lpt) and [CSE][] today.\n\n[CSE]: https://x.org/cse\n"
)
REFERENCE_TEXT = "Read [the CSE report] now.\n\n[the CSE report]: https://example.org/cse\n"
COLLAPSED_TEXT = "Read [the CSE report][] now.\n\n[the CSE report]: https://example.org/cse\n"
FULL_REFERENCE = "Read [the report][CSE] now.\n\n[CSE]: https://example.org/cse\n"
PLURALS = "The PCSOs met. The PCC's office.\n"


def annotate(path: Path, *options: str) -> str:
    result = CliRunner().invoke(cli, ["annotate", *options, str(path)])
    assert result.exit_code == 0, result.output
    return result.output


def codes(path: Path) -> list[tuple[str, str]]:
    """`(code, message)` of each finding `check` reports for `path`."""
    result = CliRunner().invoke(cli, ["check", "--format", "json", str(path)])
    assert result.exit_code in (0, 1), result.output
    return [(finding["code"], finding["message"]) for finding in json.loads(result.output)["findings"]]


def annotated_twice(tmp_path: Path, name: str, text: str, *options: str) -> tuple[str, Path]:
    """What annotation writes for `text`, checked to be what annotating that again writes; and where it is."""
    source = tmp_path / name
    source.write_text(text, encoding="utf-8")
    once = annotate(source, *options)
    written = tmp_path / f"annotated-{name}"
    written.write_text(once, encoding="utf-8")
    assert annotate(written, *options) == once
    return once, written


def assert_defined(path: Path, acronyms: list[str]) -> None:
    found = [(code, message) for code, message in codes(path) if code in ("D001", "D002")]
    assert [finding for finding in found if finding[1].split()[0] in acronyms] == []


@pytest.mark.parametrize("style", ["inline", "footnote", "tooltip"])
@pytest.mark.parametrize(
    "text, kept",
    [
        (SHORTCUT, "Read [CSE] now."),
        (REFERENCE_TEXT, "Read [the CSE report] now."),
        (FULL_REFERENCE, "Read [the report][CSE] now."),
    ],
    ids=["shortcut-acronym", "shortcut-text", "full-reference-label"],
)
def test_reference_link_text_and_label_are_kept(tmp_path: Path, text: str, kept: str, style: str) -> None:
    once, written = annotated_twice(tmp_path, "s.md", text, "--style", style)
    assert once.startswith(kept)
    assert "][^" not in once  # `[text][^CSE]` would read as a full reference link
    assert_defined(written, ["CSE"])


def test_collapsed_reference_gets_its_note_after_the_link(tmp_path: Path) -> None:
    once, written = annotated_twice(tmp_path, "s.md", COLLAPSED_TEXT, "--style", "footnote")
    assert once.startswith("Read [the CSE report][][^CSE] now.")
    assert_defined(written, ["CSE"])


@pytest.mark.parametrize("style", ["inline", "tooltip"])
def test_collapsed_reference_text_is_kept(tmp_path: Path, style: str) -> None:
    once, written = annotated_twice(tmp_path, "s.md", COLLAPSED_TEXT, "--style", style)
    assert once.startswith("Read [the CSE report][] now.")
    assert_defined(written, ["CSE"])


def test_shortcut_link_is_left_alone_with_a_reason(tmp_path: Path) -> None:
    source = tmp_path / "s.md"
    source.write_text(SHORTCUT, encoding="utf-8")
    result = CliRunner().invoke(cli, ["annotate", "--explain", str(source)])
    assert f"{source}:1:7: CSE skip (inside a link named by an acronym)" in result.output


@pytest.mark.parametrize("style", ["inline", "footnote"])
def test_markdown_link_named_by_an_acronym_is_left_alone_as_in_html(tmp_path: Path, style: str) -> None:
    once, written = annotated_twice(tmp_path, "links.md", NAMED_LINKS, "--style", style)
    assert once.startswith("See [NPT](https://x.org/npt), [**LPT**](https://x.org/lpt) and [CSE][] today.")
    result = CliRunner().invoke(cli, ["annotate", "--explain", str(tmp_path / "links.md")])
    reasons = [line.split(" ", 1)[1] for line in result.output.splitlines() if line.startswith(str(tmp_path))]
    assert reasons == [f"{name} skip (inside a link named by an acronym)" for name in ("NPT", "LPT", "CSE")] + [
        "CSE skip (inside a link or footnote definition)"
    ]
    assert_defined(written, ["NPT", "LPT", "CSE"])


def test_html_link_named_by_an_acronym_gives_the_same_reason(tmp_path: Path) -> None:
    source = tmp_path / "links.html"
    source.write_text('<p>See <a href="https://x.org/npt">NPT</a>.</p>\n', encoding="utf-8")
    result = CliRunner().invoke(cli, ["annotate", "--explain", str(source)])
    assert f"{source}:1:36: NPT skip (inside a link named by an acronym)" in result.output


@pytest.mark.parametrize("name", ["p.md", "p.txt", "p.html"])
def test_footnote_after_plural_or_possessive_defines_the_acronym(tmp_path: Path, name: str) -> None:
    text = f"<p>{PLURALS.strip()}</p>\n" if name.endswith(".html") else PLURALS
    _, written = annotated_twice(tmp_path, name, text, "--style", "footnote")
    assert_defined(written, ["PCSO", "PCC"])
    result = CliRunner().invoke(cli, ["scan", "--format", "json", str(written)])
    kinds = {definition["acronym"]: definition["kind"] for definition in json.loads(result.output)["definitions"]}
    assert kinds == {"PCSO": "footnote", "PCC": "footnote"}


@pytest.mark.parametrize("name", ["h.html", "h.md"])
def test_tooltip_uses_count_for_the_glossary_section(tmp_path: Path, name: str) -> None:
    text = "<p>The PCC met. The PCC left.</p>\n" if name.endswith(".html") else "The PCC met. The PCC left.\n"
    once, written = annotated_twice(tmp_path, name, text, "--style", "tooltip", "--glossary-section", "append")
    assert "PCC" in once
    assert_defined(written, ["PCC"])


def test_a_bookmark_named_by_an_acronym_is_no_link(tmp_path: Path) -> None:
    """Word wraps headings and passages in bookmarks, `<a name="_Toc1">`: a place, not a link to what explains the
    acronym. Before, `PCSO` and `SNP` in them were skipped in every style."""
    page = tmp_path / "minutes.html"
    page.write_text('<h1><a name="_Toc1">PCSO</a></h1><p><a id="s">SNP</a> met. <a href="#g">NPT</a> met.</p>\n')
    assert annotate(page) == (
        '<h1><a name="_Toc1">Police Community Support Officer (PCSO)</a></h1>'
        '<p><a id="s">Safer Neighbourhood Panel (SNP)</a> met. <a href="#g">NPT</a> met.</p>\n'
    )


WORD_CONTENTS = (
    "<p class=MsoToc1><span class=MsoHyperlink><a href='#_Toc1'>1. Report of the PCC"
    "<span style='display:none'>1</span></a></span></p>\n"
    "<p class=MsoToc2><a href='#_Toc2'>1.1 The SNP</a>\n"  # left open: the next block ends it
    "<h1><a name='_Toc1'>1. Report of the PCC</a></h1>\n<p class=MsoNormal>The PCC and the SNP met.</p>\n"
)


def test_words_table_of_contents_is_left_alone(tmp_path: Path) -> None:
    """Its entries repeat the headings, as a site's navigation does: a first use there left the heading's bare."""
    page = tmp_path / "minutes.htm"
    page.write_text(WORD_CONTENTS)
    assert annotate(page) == WORD_CONTENTS.replace(
        "Report of the PCC</a></h1>", "Report of the Police and Crime Commissioner (PCC)</a></h1>"
    ).replace("the SNP met", "the Safer Neighbourhood Panel (SNP) met")
