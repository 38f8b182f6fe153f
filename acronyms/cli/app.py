"""The click group and what its commands share: options, glossary loading, error reporting."""

from __future__ import annotations

import errno
import functools
from collections.abc import Callable
from importlib.machinery import EXTENSION_SUFFIXES
from typing import Any, TypeVar

import click

from .. import __version__, planner
from ..config import check_options, find_config
from ..errors import AcronymsError, UsageError
from ..glossary import Glossary
from ..textio import STDOUT, text_codec, write_error, write_file

F = TypeVar("F", bound=Callable[..., Any])


class InputProblem(click.ClickException):
    """Bad input for a command that keeps exit status 1 for its findings (`check`): exit status 2."""

    exit_code = 2


def reporting_errors(
    error_class: type[click.ClickException], usage_class: type[click.ClickException] = click.UsageError
) -> Callable[[F], F]:
    """Turn the library's errors into click's: `Error: …` with `error_class`'s exit status, `usage_class`'s for
    usage errors."""

    def decorate(command: F) -> F:
        @functools.wraps(command)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            try:
                return command(*args, **kwargs)
            except UsageError as error:
                raise usage_class(str(error)) from None
            except AcronymsError as error:
                raise error_class(str(error)) from None

        return wrapper  # type: ignore[return-value]

    return decorate


reports_errors = reporting_errors(click.ClickException)  # `Error: …`, exit status 1


def glossary_options_saying(glossary_help: str) -> Callable[[F], F]:
    """The `-g/--glossary` and `--no-bundled` options shared by every command, `-g` described as given."""

    def decorate(command: F) -> F:
        command = click.option("--no-bundled", is_flag=True, help="Leave out the bundled UK policing glossary.")(
            command
        )
        return click.option("-g", "--glossary", "glossaries", multiple=True, metavar="GLOSSARY", help=glossary_help)(
            command
        )

    return decorate


glossary_options = glossary_options_saying(
    "A glossary CSV layered over the bundled one; repeat to add layers, later ones win."
)


def known_encoding(_context: click.Context, _parameter: click.Parameter, value: str | None) -> str | None:
    """The `--encoding` callback: a name Python knows, else a usage error (exit status 2) before any file is read."""
    if value is not None:
        try:
            text_codec(value)
        except LookupError:
            raise click.BadParameter(f"unknown encoding {value!r}; try utf-8 or cp1252") from None
    return value


# The `--encoding` of the commands that read one FILE.
file_encoding = click.option(
    "--encoding",
    callback=known_encoding,
    help="Encoding of FILE, e.g. cp1252 for Word files.  [default: utf-8, or the charset an HTML page declares]",
)


def load_glossary(glossaries: tuple[str, ...], no_bundled: bool, encoding: str | None = None) -> Glossary:
    """The bundled glossary (unless left out) with each `-g` file layered on top.

    Without `-g`, the project's settings (`[tool.acronyms]`, as `check` reads them) give the glossaries
    and whether to layer them over the bundled one, so that every command writes what `check` checks.
    A glossary is read as UTF-8 when it is, else in `encoding`, the command's `--encoding` (`decode_csv`; UTF-8
    without one: an HTML page's declared encoding says nothing about a CSV).
    """
    if not glossaries:
        options = check_options(find_config())
        glossaries, no_bundled = tuple(options.glossaries), no_bundled or not options.bundled
    layers = [] if no_bundled else [Glossary.bundled()]
    layers += [Glossary.from_csv(path, encoding=encoding) for path in glossaries]
    return Glossary.layered(layers) if len(layers) != 1 else layers[0]


def output_file(output: str | None) -> str | None:
    """The file `-o` names, or None for standard output: `-o -` means standard output, as `-` means standard input."""
    return None if output == STDOUT else output


def write_result(result: str | bytes, output: str | None = None) -> None:
    """Write a command's result to the file `output` atomically, or to standard output when there is none.

    Every command writes through here, so that a failed write is `Error: <file>: cannot write: …` (a
    `OutputError`), never a traceback. A closed pipe (`| head`) is left to click, which exits quietly.
    """
    if output is not None:
        write_file(output, result.encode("utf-8") if isinstance(result, str) else result)
        return
    try:
        click.echo(result, nl=False)
    except OSError as error:
        if error.errno == errno.EPIPE:
            raise
        raise write_error(error, "<stdout>") from None


def build() -> str:
    """Which build runs, for `--version`: the one setup.py compiles with mypyc when it can, or pure Python."""
    return "compiled with mypyc" if str(planner.__file__).endswith(tuple(EXTENSION_SUFFIXES)) else "pure Python"


# Help wraps at the terminal's width, up to 100 columns (click stops at 80): the width the README shows it at.
@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="acronyms", message=f"%(prog)s, version %(version)s ({build()})")
def cli() -> None:
    """Find, expand and check UK policing acronyms in documents."""


def main() -> None:
    """Entry point of the installed `acronyms` command."""
    cli(prog_name="acronyms")
