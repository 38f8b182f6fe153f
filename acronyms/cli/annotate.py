"""`acronyms annotate`: expand acronyms in a document."""

from __future__ import annotations

import os
import sys
from typing import Any

import click

from ..annotation import annotation
from ..planner import Options, Style
from ..positions import LineIndex
from ..regions import Format
from ..textio import STDIN, decode, encode, read_bytes, write_atomic
from .app import cli, glossary_options, load_glossary, reports_errors


@cli.command()
@click.argument("file", metavar="FILE|-")
@glossary_options
@click.option(
    "--style",
    type=click.Choice([style.value for style in Style]),
    default="inline",
    show_default=True,
    help="inline: 'Long Form (LF)' at first use; footnote: 'LF[1]' and a notes list.",
)
@click.option("--every-use", is_flag=True, help="Expand every use, not only the first.")
@click.option(
    "--format",
    "format_name",
    type=click.Choice(["auto", *(f.value for f in Format)]),
    default="auto",
    show_default=True,
    help="Document format; auto goes by the file name (.md is Markdown, the rest text).",
)
@click.option("-o", "--output", metavar="OUT", help="Write to OUT instead of standard output.")
@click.option("--in-place", is_flag=True, help="Replace FILE with the result, atomically.")
@click.option("--encoding", default="utf-8", show_default=True, help="Encoding of FILE, e.g. cp1252 for Word files.")
@click.option("--explain", is_flag=True, help="Print each decision and its reason to standard error.")
@reports_errors
def annotate(
    file: str,
    glossaries: tuple[str, ...],
    no_bundled: bool,
    style: str,
    every_use: bool,
    format_name: str,
    output: str | None,
    in_place: bool,
    encoding: str,
    explain: bool,
) -> None:
    """Expand the acronyms of FILE (or - for standard input) at first use."""
    check_destination(file, output, in_place)
    data = sys.stdin.buffer.read() if file == STDIN else read_bytes(file)
    name = "<stdin>" if file == STDIN else file
    document = decode(data, encoding=encoding, path=name)
    format = Format.from_path(file) if format_name == "auto" else Format(format_name)
    options = Options(style=Style(style), format=format, every_use=every_use)
    result = annotation(document.text, load_glossary(glossaries, no_bundled), options)
    if explain:
        print_decisions(name, document.text, result.decisions)
    destination = file if in_place else output
    encoded = encode(result.text, document, path=destination or "<stdout>")
    if destination:
        write_atomic(destination, encoded)
    else:
        sys.stdout.buffer.write(encoded)


def check_destination(file: str, output: str | None, in_place: bool) -> None:
    """Refuse option combinations that would lose or overwrite the input."""
    if in_place and output:
        raise click.UsageError("give either --in-place or -o/--output, not both")
    if in_place and file == STDIN:
        raise click.UsageError("--in-place needs a file, not standard input")
    if output and file != STDIN and os.path.exists(output) and os.path.samefile(file, output):
        raise click.UsageError("the output is the input file; use --in-place to replace it")


def print_decisions(name: str, text: str, decisions: Any) -> None:
    """One line per decision: `file:line:col: ACRONYM action (reason)`."""
    lines = LineIndex(text)
    for decision in decisions:
        line, column = lines.position(decision.match.start)
        expansion = f" -> {decision.entry.expansion}" if decision.entry else ""
        surface = text[decision.match.start : decision.match.end]
        click.echo(
            f"{name}:{line}:{column}: {surface} {decision.action.value} ({decision.reason}){expansion}", err=True
        )
