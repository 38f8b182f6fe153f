"""Acronyms beside markup in Markdown and HTML: `<abbr>` elements, links in the footnote style.

Every case runs the command line with the bundled glossary, and then again on
its own output: annotating twice equals annotating once.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from acronyms.cli import cli


def annotated(text: str, *options: str) -> str:
    """The CLI's output for `text`, checked to come back unchanged when annotated again."""
    once = CliRunner().invoke(cli, ["annotate", "-", *options], input=text.encode(), catch_exceptions=False)
    assert (once.exit_code, once.stderr) == (0, "")
    twice = CliRunner().invoke(cli, ["annotate", "-", *options], input=once.stdout_bytes, catch_exceptions=False)
    assert twice.stdout == once.stdout
    return once.stdout


ABBR = '<abbr title="Anti-Social Behaviour">ASB</abbr>'


@pytest.mark.parametrize("format", ["markdown", "html"])
def test_an_abbr_element_is_left_alone(format: str) -> None:
    assert annotated(f"The {ABBR} fell.\n", "--format", format) == f"The {ABBR} fell.\n"


@pytest.mark.parametrize(
    "style, expected",
    [
        ("inline", f"The {ABBR} fell. Anti-Social Behaviour (ASB) rose.\n"),
        ("tooltip", f"The {ABBR} fell. Anti-Social Behaviour (ASB) rose.\n\n*[ASB]: Anti-Social Behaviour\n"),
        ("footnote", f"The {ABBR} fell. ASB[^ASB] rose.\n\n[^ASB]: Anti-Social Behaviour\n"),
    ],
    ids=["inline", "tooltip", "footnote"],
)
def test_markdown_treats_an_abbr_element_as_html_does(style: str, expected: str) -> None:
    assert annotated(f"The {ABBR} fell. ASB rose.\n", "--format", "markdown", "--style", style) == expected


@pytest.mark.parametrize("format", ["markdown", "html"])
def test_an_abbr_element_is_explained_with_its_sense(format: str) -> None:
    result = CliRunner().invoke(
        cli, ["annotate", "-", "--format", format, "--explain"], input=f"The {ABBR} fell.\n".encode()
    )
    assert result.stderr == "<stdin>:1:41: ASB skip (inside <abbr>) -> Anti-Social Behaviour\n"


NOTE = "\n[^PCC]: Police and Crime Commissioner\n"


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "See [the PCC's website](https://example.org).\n",
            "See [the PCC's website](https://example.org)[^PCC].\n" + NOTE,
        ),
        (
            'See [the PCC](https://example.org "The PCC").\n',
            'See [the PCC](https://example.org "The PCC")[^PCC].\n' + NOTE,
        ),
        (
            "See [the PCC][site] now.\n\n[site]: https://example.org\n",
            "See [the PCC][site][^PCC] now.\n\n[site]: https://example.org\n" + NOTE,
        ),
        (
            "See [the PCC][] now.\n\n[the PCC]: https://example.org\n",  # `[PCC][]`, named by an acronym, is left alone
            "See [the PCC][][^PCC] now.\n\n[the PCC]: https://example.org\n" + NOTE,
        ),
        (
            "See <https://example.org/PCC> and the PCC.\n",
            "See <https://example.org/PCC> and the PCC[^PCC].\n" + NOTE,
        ),
        (
            "See [the PCC and PCSO](https://example.org).\n",
            "See [the PCC and PCSO](https://example.org)[^PCC][^PCSO].\n"
            + NOTE
            + "[^PCSO]: Police Community Support Officer\n",
        ),
    ],
    ids=["inline-link", "titled-link", "reference-link", "collapsed-reference", "autolink", "two-in-one-link"],
)
def test_markdown_footnote_markers_go_after_the_link(text: str, expected: str) -> None:
    assert annotated(text, "--format", "markdown", "--style", "footnote") == expected


def test_markdown_inline_expansions_stay_inside_the_link_text() -> None:
    assert (
        annotated("See [the PCC's website](https://example.org).\n", "--format", "markdown")
        == "See [the Police and Crime Commissioner's (PCC's) website](https://example.org).\n"
    )


def test_a_note_referred_to_after_a_link_defines_the_acronym_in_its_text(tmp_path: Path) -> None:
    document = tmp_path / "minutes.md"
    document.write_text("See [the PCC's website](https://example.org)[^PCC].\n" + NOTE)
    result = CliRunner().invoke(cli, ["check", str(document)], catch_exceptions=False)
    assert (result.exit_code, result.stdout) == (0, "")


SPLIT_HTML = "<p>The <b>PCSO</b>s met the <b>PCC</b>&#8217;s team.</p>\n"
SPLIT_MARKDOWN = "The **PCSO**s met the **PCC**'s team.\n"


@pytest.mark.parametrize(
    "text, format, expected",
    [
        (
            SPLIT_HTML,
            "html",
            (
                "<p>The <b>Police Community Support Officers (PCSO</b>s) met the "
                "<b>Police and Crime Commissioner&#8217;s (PCC</b>&#8217;s) team.</p>\n"
            ),
        ),
        (
            SPLIT_MARKDOWN,
            "markdown",
            (
                "The **Police Community Support Officers (PCSO**s) met the "
                "**Police and Crime Commissioner's (PCC**'s) team.\n"
            ),
        ),
    ],
    ids=["html", "markdown"],
)
def test_a_plural_or_possessive_split_by_markup_is_read_whole(text: str, format: str, expected: str) -> None:
    assert annotated(text, "--format", format) == expected


def test_a_markdown_footnote_marker_goes_after_a_split_plural_or_possessive() -> None:
    assert annotated(SPLIT_MARKDOWN, "--format", "markdown", "--style", "footnote") == (
        "The **PCSO**s[^PCSO] met the **PCC**'s[^PCC] team.\n\n"
        "[^PCSO]: Police Community Support Officer\n[^PCC]: Police and Crime Commissioner\n"
    )


def test_an_html_footnote_marker_goes_after_a_split_plural_or_possessive() -> None:
    first_line = annotated(SPLIT_HTML, "--format", "html", "--style", "footnote").splitlines()[0]
    assert first_line == (
        '<p>The <b>PCSO</b>s<sup class="acronym-ref" data-acronyms="ref"><a id="acronym-ref-PCSO-1" '
        'href="#acronym-note-PCSO" role="doc-noteref">1</a></sup> met the <b>PCC</b>&#8217;s'
        '<sup class="acronym-ref" data-acronyms="ref"><a id="acronym-ref-PCC-1" href="#acronym-note-PCC" '
        'role="doc-noteref">2</a></sup> team.</p>'
    )


def test_an_html_tooltip_stays_inside_the_markup_around_a_split_plural() -> None:
    assert annotated(SPLIT_HTML, "--format", "html", "--style", "tooltip") == (
        '<p>The <b>Police Community Support Officers (<abbr title="Police Community Support Officers">PCSO</abbr>'
        '</b>s) met the <b>Police and Crime Commissioner&#8217;s (<abbr title="Police and Crime Commissioner">'
        "PCC</abbr></b>&#8217;s) team.</p>\n"
    )


GLUED_HTML = "<p>The <b>PC</b>SO, the SNP<wbr>s and X<span>NPT</span> met; the <b>NPT</b> <i>ASB</i> team.</p>\n"


def test_an_acronym_that_inline_tags_join_to_letters_is_part_of_a_longer_word() -> None:
    assert annotated(GLUED_HTML, "--format", "html") == (
        "<p>The <b>PC</b>SO, the SNP<wbr>s and X<span>NPT</span> met; the <b>Neighbourhood Policing Team (NPT)</b> "
        "<i>Anti-Social Behaviour (ASB)</i> team.</p>\n"
    )


@pytest.mark.parametrize("style", ["footnote", "tooltip"])
def test_an_acronym_that_inline_tags_join_to_letters_gets_no_note_or_tooltip(style: str) -> None:
    glued = "<p>The <b>PC</b>SO, the SNP<wbr>s and X<span>NPT</span> met; the <b>N"
    assert annotated(GLUED_HTML, "--format", "html", "--style", style).startswith(glued)


def test_check_reads_an_acronym_that_inline_tags_join_to_letters_as_part_of_a_longer_word(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(GLUED_HTML, encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", "--format", "json", str(page)], catch_exceptions=False)
    assert sorted({finding["acronym"] for finding in json.loads(result.stdout)["findings"]}) == ["ASB", "NPT"]
