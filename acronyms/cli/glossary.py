"""`acronyms lookup` and `acronyms glossary`: look up and export the layered glossary."""

from __future__ import annotations

import io
import sys
from typing import Any

import click

from ..generate import used_glossary
from ..glossary import Glossary, straight_apostrophes
from ..matcher import surface_forms
from ..planner import Options
from ..regions import Format
from ..textio import STDIN, decode_document, read_bytes
from .app import cli, glossary_options, known_encoding, load_glossary, reports_errors, write_result


@cli.command(short_help="Show the entries for an acronym, or for words of an expansion.")
@click.argument("term")
@glossary_options
@reports_errors
def lookup(term: str, glossaries: tuple[str, ...], no_bundled: bool) -> None:
    """Show the entries for an acronym (PCSO, PCSOs) or for words of an expansion.

    Acronyms are case-sensitive; when nothing matches TERM as written, an acronym in another case (pcso) is shown,
    with a note. Exit status: 0 when entries are shown, 1 when there are none.
    """
    glossary = load_glossary(glossaries, no_bundled)
    term = term.strip()
    entries = glossary.lookup(term) or find_by_surface(glossary, term)
    # One word in another case is an acronym sooner than words of an expansion: `anpr` is ANPR, not the
    # National ANPR Data Centre whose expansion holds it.
    if not entries and " " not in term:
        entries = glossary.lookup_ignoring_case(term) or find_by_surface(glossary, term, ignore_case=True)
        if entries:
            shown = ", ".join(dict.fromkeys(entry.acronym for entry in entries))
            click.echo(f"no entry for {term!r}; showing {shown} (acronyms are case-sensitive)", err=True)
    entries = entries or glossary.search(term)
    if not entries:
        raise click.ClickException(f"no entry for {term!r}; try words of the expansion, or `acronyms glossary`")
    lines = []
    for entry in entries:
        extras = [entry.category] if entry.category else []
        if entry.replaced_by:
            extras.append(f"replaced by {entry.replaced_by}")
        if entry.context:
            extras.append("context: " + " ".join(entry.context))
        suffix = f"  ({'; '.join(extras)})" if extras else ""
        lines.append(f"{entry.acronym}\t{entry.expansion}{suffix}\n")
    write_result("".join(lines))


def find_by_surface(glossary: Glossary, term: str, *, ignore_case: bool = False) -> tuple[Any, ...]:
    """The entries of the acronym that `term` is a plural or possessive of (with any style of apostrophe),
    in any case when `ignore_case` (every such acronym's: `pccs` is of `PCC` and of `PcC`)."""
    term = straight_apostrophes(term)
    if not ignore_case:
        for acronym in glossary.acronyms:
            if term.startswith(acronym) and any(form == term for form, _ in surface_forms(acronym)):
                return glossary.lookup(acronym)
        return ()
    term = term.casefold()
    return tuple(
        entry
        for acronym in glossary.acronyms
        if term.startswith(acronym.casefold()) and any(form.casefold() == term for form, _ in surface_forms(acronym))
        for entry in glossary.lookup(acronym)
    )


@cli.command(name="glossary")
@glossary_options
@click.option("--format", "format_name", type=click.Choice(["csv", "json"]), default="csv", show_default=True)
@click.option(
    "--used-in",
    metavar="FILE|-",
    help="Only the entries FILE uses (in the sense it uses them), with those of its own glossary section.",
)
@click.option(
    "--encoding",
    callback=known_encoding,
    help="Encoding of the --used-in FILE (and of a glossary that is not UTF-8).  "
    "[default: utf-8, or the charset an HTML page declares]",
)
@reports_errors
def glossary_command(
    glossaries: tuple[str, ...], no_bundled: bool, format_name: str, used_in: str | None, encoding: str | None
) -> None:
    """Print the layered glossary as CSV (the bundled schema) or JSON."""
    glossary = load_glossary(glossaries, no_bundled, encoding)
    # In alphabetical order, as `check` wants a glossary (G004): a layer's rows are not left at the end,
    # and an acronym it overrides keeps its place. The sort is stable: an acronym's senses keep their order.
    glossary = Glossary(sorted(glossary.entries, key=lambda entry: entry.acronym.casefold()), name=glossary.name)
    if used_in is not None:
        data = sys.stdin.buffer.read() if used_in == STDIN else read_bytes(used_in)
        format = Format.from_path(used_in)
        name = "<stdin>" if used_in == STDIN else used_in
        text = decode_document(data, encoding=encoding, path=name, html=format is Format.HTML).text
        glossary = used_glossary(text, glossary, Options(format=format))
    if format_name == "json":
        write_result(glossary.to_json() + "\n")
    else:
        stream = io.StringIO()
        glossary.write_csv(stream)
        write_result(stream.getvalue())
