"""Acronyms beside markup in Markdown and HTML: `<abbr>` elements.

Every case runs the command line with the bundled glossary, and then again on
its own output: annotating twice equals annotating once.
"""

from __future__ import annotations

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
