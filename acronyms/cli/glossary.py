"""`acronyms lookup` and `acronyms glossary`: look up and export the layered glossary."""

from __future__ import annotations

import sys
from typing import Any

import click

from ..glossary import Glossary
from ..matcher import surface_forms
from .app import cli, glossary_options, load_glossary, reports_errors


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
