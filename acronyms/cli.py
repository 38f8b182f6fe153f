"""The `acronyms` command: a thin click layer over the library.

Each command parses its options, calls one library function and turns library
errors into `Error: <file>:<line>: <message>` with exit status 1; usage errors
exit with status 2.
"""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable
from typing import Any, TypeVar

import click

from . import __version__
from .annotation import annotation
from .errors import AcronymsError
from .glossary import Glossary
from .matcher import surface_forms
from .planner import Options, Style
from .positions import LineIndex
from .regions import Format
from .textio import STDIN, decode, encode, read_bytes, write_atomic

F = TypeVar("F", bound=Callable[..., Any])


def reports_errors(command: F) -> F:
    """Turn the library's errors into click errors: `Error: …`, exit status 1."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except AcronymsError as error:
            raise click.ClickException(str(error)) from None

    return wrapper  # type: ignore[return-value]


def glossary_options(command: F) -> F:
    """The `-g/--glossary` and `--no-bundled` options shared by every command."""
    command = click.option(
        "--no-bundled", is_flag=True, help="Leave out the bundled UK policing glossary."
    )(command)
    return click.option(
        "-g",
        "--glossary",
        "glossaries",
        multiple=True,
        metavar="GLOSSARY",
        help="A glossary CSV layered over the bundled one; repeat to add layers, later ones win.",
    )(command)


def load_glossary(glossaries: tuple[str, ...], no_bundled: bool) -> Glossary:
    """The bundled glossary (unless left out) with each `-g` file layered on top."""
    layers = [] if no_bundled else [Glossary.bundled()]
    layers += [Glossary.from_csv(path) for path in glossaries]
    return Glossary.layered(layers) if len(layers) != 1 else layers[0]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="acronyms")
def cli() -> None:
    """Find, expand and check UK policing acronyms in documents."""


@cli.command()
@click.argument("file", metavar="FILE|-")
@glossary_options
@click.option(
    "--style", type=click.Choice([style.value for style in Style]), default="inline", show_default=True,
    help="inline: 'Long Form (LF)' at first use; footnote: 'LF[1]' and a notes list.",
)
@click.option("--every-use", is_flag=True, help="Expand every use, not only the first.")
@click.option(
    "--format", "format_name", type=click.Choice(["auto", *(f.value for f in Format)]), default="auto",
    show_default=True, help="Document format; auto goes by the file name (.md is Markdown, the rest text).",
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
        click.echo(f"{name}:{line}:{column}: {surface} {decision.action.value} ({decision.reason}){expansion}", err=True)


@cli.command()
@click.argument("term")
@glossary_options
@reports_errors
def lookup(term: str, glossaries: tuple[str, ...], no_bundled: bool) -> None:
    """Show the entries for an acronym (PCSO, PCSOs) or for words of an expansion."""
    glossary = load_glossary(glossaries, no_bundled)
    entries = glossary.lookup(term) or find_by_surface(glossary, term) or glossary.search(term)
    if not entries:
        raise click.ClickException(f"no entry for {term!r}; try words of the expansion, or `acronyms glossary`")
    for entry in entries:
        extras = [entry.category] if entry.category else []
        if entry.replaced_by:
            extras.append(f"replaced by {entry.replaced_by}")
        if entry.context:
            extras.append("context: " + " ".join(entry.context))
        suffix = f"  ({'; '.join(extras)})" if extras else ""
        click.echo(f"{entry.acronym}\t{entry.expansion}{suffix}")


def find_by_surface(glossary: Glossary, term: str) -> tuple[Any, ...]:
    """The entries of the acronym that `term` is a plural or possessive of."""
    for acronym in glossary.acronyms:
        if term.startswith(acronym) and any(form == term for form, _ in surface_forms(acronym)):
            return glossary.lookup(acronym)
    return ()


@cli.command(name="glossary")
@glossary_options
@click.option("--format", "format_name", type=click.Choice(["csv", "json"]), default="csv", show_default=True)
@reports_errors
def glossary_command(glossaries: tuple[str, ...], no_bundled: bool, format_name: str) -> None:
    """Print the layered glossary as CSV (the bundled schema) or JSON."""
    glossary = load_glossary(glossaries, no_bundled)
    if format_name == "json":
        click.echo(glossary.to_json())
    else:
        glossary.write_csv(sys.stdout)


def main() -> None:
    """Entry point of the installed `acronyms` command."""
    cli(prog_name="acronyms")
