"""`acronyms check`, `acronyms scan` and `acronyms extract`: what editors run before publishing.

`check` exits 0 when no finding reaches `--fail-on`, 1 when one does, and 2 on
a usage or input error (a file that cannot be read, a glossary without an
expansion column, bad settings). The other commands exit 1 on bad input; a
check keeps 1 for "findings", so that CI can tell a failed check from a broken run.
"""

from __future__ import annotations

import io
import sys
from collections.abc import Sequence

import click

from ..checks import Severity, check_paths, exit_status, is_csv, is_glossary_csv
from ..config import check_options, find_config
from ..glossary import REQUIRED_COLUMNS
from ..regions import Format
from ..reporters import ReportFormat, report, summary
from ..scan import extract, scan
from ..textio import STDIN, decode_document, read_bytes
from .annotate import check_destination
from .app import (
    InputProblem,
    cli,
    file_encoding,
    glossary_options,
    glossary_options_saying,
    known_encoding,
    load_glossary,
    output_file,
    reporting_errors,
    reports_errors,
    write_result,
)

CODES_HELP = "comma-separated or repeated"


exits_2_on_errors = reporting_errors(InputProblem, InputProblem)  # check keeps exit status 1 for findings


def skipped_as_no_glossary(path: str, glossaries: Sequence[str], encoding: str | None) -> bool:
    """True, with a note on standard error, for a CSV given to check that is not a glossary."""
    if not is_csv(path) or path in glossaries or is_glossary_csv(path, encoding=encoding):
        return False
    columns = " and ".join(repr(column) for column in REQUIRED_COLUMNS)
    click.echo(f"{path}: skipped: no {columns} columns, so not a glossary", err=True)
    return True


@cli.command(short_help="Check documents and glossaries: duplicates, wrong or missing definitions.")
@click.argument("files", nargs=-1, metavar="[DOCUMENT|GLOSSARY.csv]...")
@glossary_options_saying(
    "A glossary CSV (or a document with a glossary section) to check and to layer over the bundled one; "
    "repeat to add layers, later ones win."
)
@click.option(
    "--format",
    "format_name",
    type=click.Choice([f.value for f in ReportFormat]),
    default="text",
    show_default=True,
    help="text: 'path:line:col: CODE message'; github: workflow annotations; sarif: SARIF 2.1.0.",
)
@click.option("--select", multiple=True, metavar="CODES", help=f"Report only these codes or prefixes ({CODES_HELP}).")
@click.option("--ignore", multiple=True, metavar="CODES", help=f"Leave out these codes or prefixes ({CODES_HELP}).")
@click.option(
    "--fail-on",
    type=click.Choice([s.value for s in Severity]),
    help="Exit with status 1 when a finding is this severe or more.  [default: warning]",
)
@click.option(
    "--allow",
    multiple=True,
    metavar="ACRONYM",
    help=f"An acronym that needs no definition, like the glossaries' well-known ones ({CODES_HELP}).",
)
@click.option(
    "--encoding",
    callback=known_encoding,
    help="Encoding of the files, e.g. cp1252 for Word files.  [default: utf-8, or the charset an HTML page declares]",
)
@click.option(
    "--skip-other-csv",
    is_flag=True,
    help="Skip, with a note, a CSV whose header lacks the acronym and expansion columns (the pre-commit hook's "
    "choice); without it such a CSV is an error.",
)
@exits_2_on_errors
def check(
    files: tuple[str, ...],
    glossaries: tuple[str, ...],
    no_bundled: bool,
    format_name: str,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    fail_on: str | None,
    allow: tuple[str, ...],
    encoding: str | None,
    skip_other_csv: bool,
) -> None:
    """Check documents and glossaries: duplicates, wrong or missing definitions.

    Settings come from [tool.acronyms] in pyproject.toml (or [acronyms] in setup.cfg), found from the current
    directory upwards; options given here override them. Exit status: 0 clean, 1 findings at or above
    --fail-on, 2 usage or input error.
    """
    options = check_options(
        find_config(),
        glossaries=glossaries,
        bundled=False if no_bundled else None,
        allow=allow,
        select=select,
        ignore=ignore,
        fail_on=fail_on,
        encoding=encoding,
    )
    if not files and not options.glossaries:
        raise click.UsageError("give the documents or glossaries to check (or set glossaries in [tool.acronyms])")
    if STDIN in files:  # a path `-` would be looked for as a file, and reported missing
        raise click.UsageError(
            "check reads files, not standard input: save the text to a file and check that, "
            "or list its acronyms with 'acronyms scan -'"
        )
    if skip_other_csv:
        files = tuple(path for path in files if not skipped_as_no_glossary(path, options.glossaries, options.encoding))
    findings = check_paths(files, options)
    write_result(report(findings, ReportFormat(format_name)))
    if findings and format_name == ReportFormat.TEXT.value:
        counts = ", ".join(f"{severity}: {count}" for severity, count in summary(findings).items() if count)
        plural = "s" if len(findings) > 1 else ""
        click.echo(f"{len(findings)} finding{plural} ({counts}); --fail-on {options.fail_on.value}", err=True)
    click.get_current_context().exit(exit_status(findings, options.fail_on))


@cli.command(name="scan", short_help="List every acronym a document uses, how often, where first, how defined.")
@click.argument("file", metavar="FILE|-")
@glossary_options
@click.option(
    "--format",
    "format_name",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="text: a line per acronym; json: the acronyms and the definitions (see the README).",
)
@file_encoding
@reports_errors
def scan_command(
    file: str, glossaries: tuple[str, ...], no_bundled: bool, format_name: str, encoding: str | None
) -> None:
    """List every acronym FILE uses, how often, where first, and how it is defined."""
    name = "<stdin>" if file == STDIN else file
    data = sys.stdin.buffer.read() if file == STDIN else read_bytes(file)
    text = decode_document(data, encoding=encoding, path=name, html=Format.from_path(name) is Format.HTML).text
    result = scan(text, load_glossary(glossaries, no_bundled, encoding), path=name)
    write_result(result.to_json() + "\n" if format_name == "json" else result.to_text())


@cli.command(name="extract")
@click.argument("file", metavar="FILE|-")
@click.option(
    "-o", "--output", metavar="OUT", help="Write the CSV to the file OUT (- is standard output, the default)."
)
@file_encoding
@reports_errors
def extract_command(file: str, output: str | None, encoding: str | None) -> None:
    """Write the definitions FILE makes itself as a glossary CSV.

    Its glossary section, inline definitions and implicit ones (noted, to check), sorted, in the bundled
    schema: ready to review and pass back with -g.
    """
    check_destination(file, output, in_place=False, same_file_hint="write the CSV to another file")
    output = output_file(output)
    name = "<stdin>" if file == STDIN else file
    data = sys.stdin.buffer.read() if file == STDIN else read_bytes(file)
    stream = io.StringIO()
    html = Format.from_path(name) is Format.HTML
    extract(decode_document(data, encoding=encoding, path=name, html=html).text, path=name).write_csv(stream)
    write_result(stream.getvalue(), output)
