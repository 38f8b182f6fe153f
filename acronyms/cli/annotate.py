"""`acronyms annotate`: expand acronyms in a document."""

from __future__ import annotations

import os
import sys
from typing import Any

import click

from ..annotation import annotation
from ..context import ContextMode, load_pipeline
from ..planner import FirstUse, GlossaryMode, Options, Style
from ..positions import LineIndex
from ..regions import Format
from ..textio import STDIN, STDOUT, decode_document, encode, is_special, read_bytes
from .app import cli, file_encoding, glossary_options, load_glossary, output_file, reports_errors, write_result


@cli.command(short_help="Expand the acronyms of a document at first use, or as footnotes or tooltips.")
@click.argument("file", metavar="FILE|-")
@glossary_options
@click.option(
    "--style",
    type=click.Choice([style.value for style in Style]),
    default="inline",
    show_default=True,
    help="inline: 'Long Form (LF)' at first use; footnote: 'LF[1]' and a notes list; tooltip (Markdown, HTML): "
    "spelled out at first use, <abbr> tooltips after.",
)
@click.option("--every-use", is_flag=True, help="Expand every use, not only the first.")
@click.option(
    "--first-use",
    type=click.Choice([scope.value for scope in FirstUse]),
    default="document",
    show_default=True,
    help="Expand the first use in the document, or in each section (a heading starts one).",
)
@click.option("--skip-headings", is_flag=True, help="Leave acronyms in headings alone.")
@click.option(
    "--glossary-section",
    type=click.Choice([mode.value for mode in GlossaryMode]),
    default="none",
    show_default=True,
    help="append: add a glossary of the acronyms used (or the rows the document's glossary lacks); "
    "replace: rewrite the document's glossary to exactly those.",
)
@click.option(
    "--format",
    "format_name",
    type=click.Choice(["auto", *(f.value for f in Format)]),
    default="auto",
    show_default=True,
    help="Document format; auto goes by the file name (.md Markdown, .html/.htm HTML, the rest text).",
)
@click.option("-o", "--output", metavar="OUT", help="Write to the file OUT (- is standard output, the default).")
@click.option("--in-place", is_flag=True, help="Replace FILE with the result, atomically.")
@file_encoding
@click.option("--explain", is_flag=True, help="Print each decision and its reason to standard error.")
@click.option(
    "--context",
    "context_mode",
    type=click.Choice([mode.value for mode in ContextMode]),
    default="auto",
    show_default=True,
    help="off: the glossary alone; auto: rules, and spaCy only around hits that need it; full: spaCy everywhere.",
)
@click.option(
    "--spacy-model", metavar="NAME", help="A trained spaCy pipeline (package name or path) for lemmas and sentences."
)
@reports_errors
def annotate(
    file: str,
    glossaries: tuple[str, ...],
    no_bundled: bool,
    style: str,
    every_use: bool,
    first_use: str,
    skip_headings: bool,
    glossary_section: str,
    format_name: str,
    output: str | None,
    in_place: bool,
    encoding: str | None,
    explain: bool,
    context_mode: str,
    spacy_model: str | None,
) -> None:
    """Expand the acronyms of FILE (or - for standard input) at first use."""
    check_destination(file, output, in_place)
    if spacy_model is not None:
        load_pipeline(spacy_model)  # a pipeline named but not loadable is a usage error, used or not (cached)
    output = output_file(output)
    data = sys.stdin.buffer.read() if file == STDIN else read_bytes(file)
    name = "<stdin>" if file == STDIN else file
    format = Format.from_path(file) if format_name == "auto" else Format(format_name)
    document = decode_document(data, encoding=encoding, path=name, html=format is Format.HTML)
    options = Options(
        style=Style(style),
        format=format,
        every_use=every_use,
        first_use=FirstUse(first_use),
        skip_headings=skip_headings,
        glossary_section=GlossaryMode(glossary_section),
        context=ContextMode(context_mode),
        spacy_model=spacy_model,
    )
    result = annotation(document.text, load_glossary(glossaries, no_bundled, encoding), options)
    if explain:
        print_decisions(name, document.text, result.decisions)
    destination = file if in_place else output
    html = format is Format.HTML
    write_result(encode(result.text, document, path=destination or "<stdout>", html=html), destination)


def check_destination(
    file: str, output: str | None, in_place: bool, same_file_hint: str = "use --in-place to replace it"
) -> None:
    """Refuse option combinations that would lose or overwrite the input; `same_file_hint` says what to do instead."""
    if in_place and output:
        raise click.UsageError("give either --in-place or -o/--output, not both")
    if in_place and file == STDIN:
        raise click.UsageError("--in-place needs a file, not standard input")
    if in_place and is_special(file):
        raise click.UsageError(f"--in-place needs a regular file, and {file} is none; write elsewhere with -o")
    if output and output != STDOUT and file != STDIN and os.path.exists(output) and os.path.samefile(file, output):
        raise click.UsageError(f"the output is the input file; {same_file_hint}")


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
