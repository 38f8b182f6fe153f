"""The click group and what its commands share: options, glossary loading, error reporting."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar

import click

from .. import __version__
from ..errors import AcronymsError, UsageError
from ..glossary import Glossary

F = TypeVar("F", bound=Callable[..., Any])


def reports_errors(command: F) -> F:
    """Turn the library's errors into click errors: `Error: …`, exit status 1 (2 for usage errors)."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except UsageError as error:
            raise click.UsageError(str(error)) from None
        except AcronymsError as error:
            raise click.ClickException(str(error)) from None

    return wrapper  # type: ignore[return-value]


def glossary_options(command: F) -> F:
    """The `-g/--glossary` and `--no-bundled` options shared by every command."""
    command = click.option("--no-bundled", is_flag=True, help="Leave out the bundled UK policing glossary.")(command)
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


def main() -> None:
    """Entry point of the installed `acronyms` command."""
    cli(prog_name="acronyms")
