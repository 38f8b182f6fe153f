"""Consistency checks for editors: glossaries (`G…`) and documents (`D…`) against each other.

Every `Finding` has a stable code, a severity, a location (path, 1-based line
and column), the acronym and a message that says how to fix the problem.
Glossary checks run on each glossary CSV given and on each document's own
glossary section; document checks compare what a document uses with what it
defines itself (its glossary section, inline and implicit definitions) and
with the layered glossaries (`-g` files over the bundled reference).

`D001` (used but not defined in the document) has three severities: `error`
when no glossary knows the acronym either, `warning` when a glossary does
(the message gives its expansion, ready to paste), and `info` when the text
only implies it (a capitalised phrase earlier spells its initials). Well-known
acronyms (the glossaries' `well_known` column) and allowed ones need no
definition. `G008` is `warning` when a glossary lists a superseded acronym as
if current, `info` when the row itself records `replaced_by`.

>>> from acronyms.glossary import Entry
>>> rows = [Entry("CT", "Counter Terrorism", line=2), Entry("DA", "Domestic Abuse", line=3),
...         Entry("DA", "Domestic Abuse", line=4)]
>>> for found in check_glossary(rows, "glossary.csv"):
...     print(found)
glossary.csv:4:1: G001 DA is listed twice with the same expansion (lines 3 and 4); delete line 4
"""

from __future__ import annotations

import bisect
import csv
import enum
import fnmatch
import functools
import io
import itertools
import os
import re
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass, replace
from html import unescape
from pathlib import Path
from typing import Final

from .definitions import Definition, DefinitionKind, align, definition_entry
from .directives import covered, find_directives
from .errors import GlossaryError, InputError, UsageError
from .escaping import one_line
from .footnotes import MARKDOWN_MARKER, TEXT_MARKER
from .forms import inline_long_form, less_ending_after_bracket
from .glossary import (
    BUNDLED_NAME,
    COLUMNS,
    UTF8_HINT,
    Entry,
    Glossary,
    acronym_problem,
    decode_csv,
    expansion_key,
    has_glossary_header,
    read_header,
    row_entry,
    row_problems,
)
from .headings import section_starts
from .planner import HTML_MARKER
from .positions import lf_view
from .regions import Format
from .scan import DefinedBy, Found, Scan, scan, section_definitions
from .sections import find_glossary_section
from .textio import decode, decode_document, read_bytes

NUMBER: Final = re.compile(r"\bNumber\b")  # written `No` in acronyms (`NINO`): see `_aligned_otherwise`
# A footnote marker right after a use, as the footnote style of annotation writes it in each format.
FOOTNOTE_MARKERS: Final = {Format.TEXT: TEXT_MARKER, Format.MARKDOWN: MARKDOWN_MARKER, Format.HTML: HTML_MARKER}


class Severity(enum.Enum):
    """How much a finding matters; `--fail-on` picks the lowest that fails a run."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        """2 for an error, 1 for a warning, 0 for information."""
        return {Severity.ERROR: 2, Severity.WARNING: 1, Severity.INFO: 0}[self]

    def reaches(self, threshold: Severity) -> bool:
        """True when this severity is at or above `threshold`.

        >>> Severity.WARNING.reaches(Severity.WARNING), Severity.INFO.reaches(Severity.WARNING)
        (True, False)
        """
        return self.rank >= threshold.rank


@dataclass(frozen=True)
class Rule:
    """A finding code: what it finds and its usual severity."""

    code: str
    severity: Severity
    title: str


RULES: dict[str, Rule] = {
    rule.code: rule
    for rule in (
        Rule("G001", Severity.ERROR, "duplicate row: the same acronym with the same expansion"),
        Rule("G002", Severity.WARNING, "one acronym with different expansions and no context to tell them apart"),
        Rule("G003", Severity.WARNING, "acronyms that differ only in case"),
        Rule("G004", Severity.INFO, "glossary not in alphabetical order"),
        Rule("G005", Severity.WARNING, "the acronym's letters do not match its expansion"),
        Rule("G006", Severity.ERROR, "empty or malformed field"),
        Rule("G007", Severity.WARNING, "entry disagrees with the reference glossary"),
        Rule("G008", Severity.WARNING, "superseded acronym"),
        Rule("D001", Severity.ERROR, "acronym used but not defined in the document"),
        Rule("D002", Severity.INFO, "glossary section entry never used in the document"),
        Rule("D003", Severity.WARNING, "acronym used before the place where the document defines it"),
        Rule("D004", Severity.WARNING, "acronym defined twice in the text, or two different ways"),
        Rule("D005", Severity.WARNING, "inline definition contradicts the glossary"),
        Rule("D006", Severity.WARNING, "superseded acronym used in the text"),
        Rule("D007", Severity.WARNING, "ambiguous acronym: several senses and the context does not decide"),
    )
}


@dataclass(frozen=True)
class Finding:
    """One problem, where it is, and how to fix it."""

    code: str
    severity: Severity
    path: str
    line: int
    column: int
    acronym: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.code} {self.message}"

    @property
    def sort_key(self) -> tuple[str, int, int, str, str]:
        return self.path, self.line, self.column, self.code, self.message


def quoted(text: str) -> str:
    """Text in single quotes, as messages show expansions, on one line: `'Domestic Abuse'`.

    >>> quoted("Domestic\\r\\n   Abuse")
    "'Domestic Abuse'"
    """
    return f"'{' '.join(text.split())}'"


def finding(
    code: str, path: str, line: int, column: int, acronym: str, message: str, severity: Severity | None = None
) -> Finding:
    """A finding of `code`, with the rule's severity unless another is given; its message on one line."""
    return Finding(code, severity or RULES[code].severity, path, line, column, acronym, one_line(message))


@dataclass(frozen=True)
class CheckOptions:
    """What `acronyms check` does; command-line options and `[tool.acronyms]` both end up here.

    `glossaries` are layered over the bundled one (unless `bundled` is false)
    and checked; `allow` names acronyms that need no definition; `select` and
    `ignore` are code prefixes (`G`, `D00`, `G004`). Any collection of strings will
    do (kept as a tuple or frozenset); a lone string is refused, as it would be read
    as its letters, and so is a code that names no rule.

    >>> CheckOptions(select=["d001"]).select
    ('D001',)
    >>> CheckOptions(select="D001")
    Traceback (most recent call last):
    TypeError: CheckOptions.select is a collection of strings, not the string 'D001'; write ['D001']
    """

    glossaries: Sequence[str] = ()
    bundled: bool = True
    allow: Collection[str] = frozenset()
    select: Sequence[str] = ()
    ignore: Sequence[str] = ()
    per_file_ignores: Sequence[tuple[str, Sequence[str]]] = ()  # (glob pattern of paths, code prefixes)
    fail_on: Severity = Severity.WARNING
    encoding: str | None = None  # of every file; None: UTF-8, or the charset an HTML page declares

    def __post_init__(self) -> None:
        for name in ("glossaries", "allow", "select", "ignore"):
            refuse_lone_string(getattr(self, name), f"CheckOptions.{name} is")
        object.__setattr__(self, "glossaries", tuple(self.glossaries))
        object.__setattr__(self, "allow", frozenset(self.allow))
        object.__setattr__(self, "select", validate_codes(self.select))
        object.__setattr__(self, "ignore", validate_codes(self.ignore))
        ignores = tuple((pattern, validate_codes(codes)) for pattern, codes in self.per_file_ignores)
        object.__setattr__(self, "per_file_ignores", ignores)
        if not isinstance(self.fail_on, Severity):
            raise TypeError(
                f"CheckOptions.fail_on is a Severity, not {self.fail_on!r}; write Severity({self.fail_on!r})"
            )


def refuse_lone_string(value: object, what: str, item: str = "string", *, also: tuple[type, ...] = ()) -> None:
    """Raise `TypeError` for a lone string (or `also`) given where a collection belongs: its letters would be read
    as the items.

    >>> refuse_lone_string("D001", "CheckOptions.select is")
    Traceback (most recent call last):
    TypeError: CheckOptions.select is a collection of strings, not the string 'D001'; write ['D001']
    """
    if isinstance(value, (str, *also)):
        raise TypeError(f"{what} a collection of {item}s, not the {item} {value!r}; write {[value]}")


def _same_phrase(expansion: str, phrase: str) -> bool:
    """True when `phrase` is `expansion` as compared (`expansion_key`), or its first words (`... Act` of `... Act 2000`).

    >>> _same_phrase("Regulation of Investigatory Powers Act 2000", "regulation of investigatory powers act")
    True
    >>> _same_phrase("Police and Crime Panel", "Police and Crime Plan")
    False
    """
    whole, written = expansion_key(expansion), expansion_key(phrase)
    return (whole + " ").startswith(written + " ")


def validate_codes(patterns: Iterable[str], *, source: str | None = None) -> tuple[str, ...]:
    """Upper-cased code prefixes, each one naming at least one code; `UsageError` otherwise.

    >>> validate_codes(["g00", "D001"])
    ('G00', 'D001')
    """
    codes = tuple(pattern.strip().upper() for pattern in patterns if pattern.strip())
    for code in codes:
        if not any(known.startswith(code) for known in RULES):
            raise UsageError(
                f"unknown code {code!r}; give codes or prefixes of {_code_ranges()} (e.g. G, D00, G004)",
                path=source,
            )
    return codes


def _code_ranges() -> str:
    """The rule codes as ranges by letter, in the order the rules are listed: `G001-G008 and D001-D007`."""
    by_letter: dict[str, list[str]] = {}
    for code in RULES:
        by_letter.setdefault(code[0], []).append(code)
    return " and ".join(f"{min(codes)}-{max(codes)}" for codes in by_letter.values())


def selected(findings: Iterable[Finding], select: Sequence[str] = (), ignore: Sequence[str] = ()) -> list[Finding]:
    """The findings whose code starts with a `select` prefix (all when none) and with no `ignore` prefix."""
    return [
        found
        for found in findings
        if (not select or found.code.startswith(tuple(select))) and not found.code.startswith(tuple(ignore))
    ]


def exit_status(findings: Iterable[Finding], fail_on: Severity) -> int:
    """1 when a finding reaches `fail_on`, else 0."""
    return 1 if any(found.severity.reaches(fail_on) for found in findings) else 0


# Checking files ------------------------------------------------------------------------------------------------


def check_paths(paths: Sequence[str], options: CheckOptions = CheckOptions()) -> list[Finding]:
    """Check glossary CSVs and documents; documents are checked against the layered glossaries.

    `paths` ending in `.csv` are glossaries to check; the rest are documents.
    Raises `AcronymsError` for a file that cannot be read or is no glossary, and `TypeError`
    for a lone string, which would be read as its letters (as `CheckOptions` does).
    """
    refuse_lone_string(paths, "check_paths takes", "path", also=(os.PathLike,))
    reference = Glossary.bundled() if options.bundled else None
    paths = _distinct(paths)
    documents = [path for path in paths if not is_csv(path)]
    findings: list[Finding] = []
    layers = [reference] if reference else []
    given_as_documents = set(map(os.path.normpath, documents))
    for path in _distinct(options.glossaries):
        entries, problems = read_glossary(path, encoding=options.encoding)
        layers.append(Glossary(entries, name=path))
        if os.path.normpath(path) not in given_as_documents:
            findings += problems + check_glossary(entries, path, reference=reference)
    configured = set(map(os.path.normpath, options.glossaries))
    for path in paths:
        if is_csv(path) and os.path.normpath(path) not in configured:
            entries, problems = read_glossary(path, encoding=options.encoding)
            findings += problems + check_glossary(entries, path, reference=reference)
    glossary = Glossary.layered(layers) if layers else Glossary([])
    for path in documents:
        html = Format.from_path(path) is Format.HTML
        text = decode_document(read_bytes(path), encoding=options.encoding, path=path, html=html).text
        findings += check_document(scan(text, glossary, path=path), glossary, allow=options.allow)
    findings = selected(findings, options.select, options.ignore)
    if options.per_file_ignores:
        ignored = ignored_by(options.per_file_ignores)
        findings = [found for found in findings if not ignored(found)]
    return sorted(set(findings), key=lambda found: found.sort_key)


def ignored_in_file(found: Finding, per_file_ignores: Sequence[tuple[str, Sequence[str]]]) -> bool:
    """True when a `per-file-ignores` pattern matches the finding's file, or a folder it is in, and names its code.

    Patterns are globs (`*` reaches into folders, as in flake8; `**/` may also match no folder, as
    in gitignore and ruff) matched against the file's absolute path, or relative ones against its
    path as given. A pattern that matches a folder (`minutes`, `minutes/`) covers the files in it.

    >>> found = finding("G007", "glossaries/force.csv", 2, 1, "LPT", "...")
    >>> ignored_in_file(found, [("glossaries/*.csv", ("G007",))]), ignored_in_file(found, [("*.csv", ("D",))])
    (True, False)
    >>> [ignored_in_file(found, [(pattern, ("G",))]) for pattern in ("glossaries", "glossaries/", "**/force.csv")]
    [True, True, True]
    """
    return ignored_by(per_file_ignores)(found)


def ignored_by(per_file_ignores: Sequence[tuple[str, Sequence[str]]]) -> Callable[[Finding], bool]:
    """`ignored_in_file` for many findings: each pattern resolved and compiled once, each file's path once."""
    patterns = [
        (tuple(codes), _glob(pattern.rstrip("/\\")), _glob(str(Path(pattern).resolve())))
        for pattern, codes in per_file_ignores
    ]
    paths: dict[str, tuple[list[str], list[str]]] = {}

    def ignored(found: Finding) -> bool:
        if found.path not in paths:
            given = Path(found.path)
            absolute = given.resolve()
            as_given = [str(given), *(str(folder) for folder in given.parents if str(folder) != ".")]
            paths[found.path] = as_given, [str(absolute), *map(str, absolute.parents)]
        as_given, absolutes = paths[found.path]
        return any(
            found.code.startswith(codes)
            and (any(map(whole.fullmatch, absolutes)) or any(map(relative.fullmatch, as_given)))
            for codes, relative, whole in patterns
        )

    return ignored


@functools.lru_cache(maxsize=256)
def _glob(pattern: str) -> re.Pattern[str]:
    """`pattern` as `fnmatch` reads it, save that `**/` may also match no folder: `docs/**/*.md` matches `docs/a.md`.

    >>> bool(_glob("docs/**/*.md").fullmatch("docs/a.md")), bool(_glob("docs/**/*.md").fullmatch("docs/x/y/a.md"))
    (True, True)
    """
    pieces = re.split(r"\*\*[/\\]", pattern)
    return re.compile(r"(?:.*[/\\])?".join(fnmatch.translate(piece).removesuffix(r"\Z") for piece in pieces))


def _section_of(sections: Sequence[int], offset: int) -> int:
    """The index of the section holding `offset`, given where each starts (`headings.section_starts`)."""
    return bisect.bisect_right(sections, offset) - 1


def _distinct(paths: Iterable[str]) -> list[str]:
    """`paths` less those naming a file named before (`./a.md` after `a.md`), in their order and first spelling."""
    kept: dict[str, str] = {}
    for path in paths:
        kept.setdefault(os.path.normpath(path), path)
    return list(kept.values())


def is_csv(path: str) -> bool:
    return Path(path).suffix.lower() == ".csv"


def is_glossary_csv(path: str, *, encoding: str | None = None) -> bool:
    """True when the CSV's header row names the glossary's columns, `acronym` and `expansion`, or would but for
    a slip that reading it reports (`glossary.misplaced_header`: semicolons or tabs between the fields, rows
    above the header).

    Lets a caller that is given every CSV (a pre-commit hook) leave out data files, and only them;
    a file that does not decode is judged by its header read as Latin-1 (column names are ASCII),
    so a glossary with a bad byte still counts and reading it reports the byte.
    """
    data = read_bytes(path)
    try:
        text = decode_csv(data, encoding=encoding, path=path)
    except GlossaryError:
        text = data.decode("latin-1")
    return has_glossary_header(text)


def read_glossary(path: str, *, encoding: str | None = None) -> tuple[list[Entry], list[Finding]]:
    """The rows of a glossary CSV, or of a document's glossary section, with G006 findings for bad rows."""
    if is_csv(path):
        return read_csv_rows(decode_csv(read_bytes(path), encoding=encoding, path=path), path)
    text = decode(read_bytes(path), encoding=encoding or "utf-8", path=path, hint=UTF8_HINT).text
    section = find_glossary_section(lf_view(text), Format.from_path(path))
    if section is None or not section.rows:
        raise InputError(
            "no glossary section found; give a CSV, or a document with a 'Glossary' heading and "
            "'ACRONYM<tab>Expansion' rows or '- ACRONYM: Expansion' items",
            path=path,
        )
    return list(section.glossary(path).entries), []


def read_csv_rows(text: str, path: str) -> tuple[list[Entry], list[Finding]]:
    """Parse glossary CSV leniently: a bad row is a G006 finding, not an error; a bad header is an error.

    A column with no name in the header is ignored, as the loader ignores it, while no row has anything in it
    (Excel writes the empty columns after a table that once was wider); one with something in it is a G006.
    """
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    header = read_header(reader, path)  # a bad header is an error, as when loading
    findings = [
        finding("G006", path, 1, 1, "", f"unknown column {column!r}; the columns are {', '.join(COLUMNS)}")
        for column in header
        if column and column not in COLUMNS
    ]
    unnamed = [index for index, column in enumerate(header) if not column]
    filled: dict[int, tuple[int, str]] = {}  # an unnamed column's first cell with something in it: line and text
    entries: list[Entry] = []
    line = reader.line_num + 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            message = f"bad CSV quoting ({error}); quote a field that holds a quote and double the quote"
            findings.append(finding("G006", path, line, 1, "", message + "; the rows after it were not checked"))
            break
        if any(cell.strip() for cell in row):
            entry, problems = _csv_entry(
                dict(zip(header, (cell.strip() for cell in row))), len(row), header, path, line
            )
            entries += [entry] if entry else []
            findings += problems
            if (cut := _cut_at_a_comma(header, row)) is not None:
                findings.append(finding("G006", path, line, 1, entry.acronym if entry else "", cut))
            for index in unnamed:
                if index < len(row) and row[index].strip():
                    filled.setdefault(index, (line, row[index].strip()))
        line = reader.line_num + 1
    return entries, findings + [_unnamed_column(path, index, *filled[index]) for index in sorted(filled)]


def _cut_at_a_comma(header: Sequence[str], row: Sequence[str]) -> str | None:
    """What to do when a comma left unquoted cut the expansion in two, or None.

    The cell after the expansion then starts with the space the text had after its comma:
    `PFCC,Police, Fire and Crime Commissioner` puts ` Fire and Crime Commissioner` in the next column.

    >>> print(_cut_at_a_comma(["acronym", "expansion", "plural"], ["PFCC", "Police", " Fire and Crime Commissioner"]))
    the expansion 'Police' seems cut at a comma: the plural column holds 'Fire and Crime Commissioner'; quote it, "Police, Fire and Crime Commissioner"
    """
    if "expansion" not in header:
        return None
    at = header.index("expansion") + 1
    if at >= len(row) or at >= len(header) or row[at][:1] != " " or not row[at][1:2].isalpha():
        return None
    expansion, rest = row[at - 1].strip(), row[at].strip()
    return (
        f"the expansion {quoted(expansion)} seems cut at a comma: the {header[at] or 'next'} column holds "
        f'{quoted(rest)}; quote it, "{expansion}, {rest}"'
    )


def _unnamed_column(path: str, index: int, line: int, cell: str) -> Finding:
    """G006 on the header row for the column at `index`, unnamed, which holds `cell` at `line`."""
    message = (
        f"column {index + 1} has no name in the header row, but line {line} has {quoted(cell)} in it; "
        "name it or delete it"
    )
    return finding("G006", path, 1, 1, "", message)


def _csv_entry(
    cells: dict[str, str], width: int, header: list[str], path: str, line: int
) -> tuple[Entry | None, list[Finding]]:
    acronym = cells.get("acronym", "")
    messages = row_problems(cells, width, header)
    messages += [problem] if (problem := acronym_problem(acronym)) else []
    findings = [finding("G006", path, line, 1, acronym, message) for message in messages]
    if not acronym or not cells.get("expansion", "").strip():
        return None, findings
    return row_entry(cells, path, line), findings


# Glossary checks -----------------------------------------------------------------------------------------------


def check_glossary(
    entries: Sequence[Entry],
    path: str,
    *,
    reference: Glossary | None = None,
    columns: Sequence[int] = (),
    in_document: bool = False,
) -> list[Finding]:
    """G001-G008 on the rows of one glossary (`columns` gives each row's acronym's column, in order; else 1).

    Several rows may share a line (a one-line HTML definition list), so the column is the row's, not the line's.

    `reference` is the bundled glossary, for G007 and G008; `in_document` says
    the rows are a document's glossary section, which has no context column.
    Entries made in Python have no line (0): they are numbered by their place in
    `entries`, from 1, and the findings' lines are those numbers.

    >>> entries = [Entry("AB", "Alpha Bravo"), Entry("CD", "Charlie Delta"), Entry("AB", "Alpha Bravo")]
    >>> [str(found) for found in check_glossary(entries, "<entries>")]
    ['<entries>:3:1: G001 AB is listed twice with the same expansion (lines 1 and 3); delete line 3']
    """
    if entries and not any(entry.line for entry in entries):
        entries = [replace(entry, line=number) for number, entry in enumerate(entries, 1)]
    checker = _GlossaryChecker(entries, path, columns, reference, in_document)
    return [
        *checker.duplicates(),
        *checker.conflicts(),
        *checker.case_variants(),
        *checker.order(),
        *checker.letters(),
        *checker.malformed(),
        *checker.references(),
        *checker.superseded(),
    ]


class _GlossaryChecker:
    def __init__(
        self,
        entries: Sequence[Entry],
        path: str,
        columns: Sequence[int],
        reference: Glossary | None,
        in_document: bool,
    ) -> None:
        self.entries, self.path, self.in_document = entries, path, in_document
        self.columns = {id(entry): column for entry, column in zip(entries, columns)}  # by row: rows may share a line
        self.reference = reference if reference is not None and tuple(entries) != reference.entries else None
        self.duplicate_lines: set[int] = set()
        self._own: dict[str, list[Entry]] | None = None

    def found(self, code: str, entry: Entry, message: str, severity: Severity | None = None) -> Finding:
        return finding(code, self.path, entry.line, self.columns.get(id(entry), 1), entry.acronym, message, severity)

    def duplicates(self) -> Iterable[Finding]:
        first: dict[tuple[str, str], Entry] = {}
        for entry in self.entries:
            earlier = first.setdefault((entry.acronym, expansion_key(entry.expansion)), entry)
            if earlier is not entry:
                self.duplicate_lines.add(entry.line)
                extra = [word for word in entry.context if word not in earlier.context]  # not to be lost
                fix = f"delete line {entry.line}"
                if extra:
                    fix = f"add its context words {', '.join(extra)} to line {earlier.line} and {fix}"
                yield self.found(
                    "G001",
                    entry,
                    f"{entry.acronym} is listed twice with the same expansion (lines {earlier.line} and {entry.line}); "
                    + fix,
                )

    def conflicts(self) -> Iterable[Finding]:
        for senses in _senses(self.entries).values():
            if len(senses) > 1 and (self.in_document or any(not sense.context for sense in senses)):
                listed = ", ".join(f"{quoted(sense.expansion)} (line {sense.line})" for sense in senses)
                fix = (
                    "keep the sense the document means, or use a different acronym for the other"
                    if self.in_document
                    else "fill in the context column of each sense with words that signal it, or keep one"
                )
                yield self.found(
                    "G002", senses[1], f"{senses[0].acronym} has {len(senses)} expansions, {listed}; {fix}"
                )

    def case_variants(self) -> Iterable[Finding]:
        spellings: dict[str, dict[str, Entry]] = {}
        for entry in self.entries:
            spellings.setdefault(entry.acronym.casefold(), {}).setdefault(entry.acronym, entry)
        for variants in spellings.values():
            first, *others = variants.values()
            for entry in others:
                yield self.found(
                    "G003",
                    entry,
                    f"{entry.acronym} differs only in case from {first.acronym} (line {first.line}); "
                    "use one spelling, the one in use",
                )
        if self.reference is None:
            return
        # Beside the reference's spelling, a layer's other one adds a second acronym, not a sense: both are expanded.
        theirs = {acronym.casefold(): acronym for acronym in self.reference.acronyms}
        for folded, variants in spellings.items():
            other = theirs.get(folded)
            if other is not None and other not in variants:
                entry = next(iter(variants.values()))
                yield self.found(
                    "G003",
                    entry,
                    f"{entry.acronym} differs only in case from {other} in the reference glossary; "
                    f"write {other}, or both spellings are annotated as different acronyms",
                )

    def order(self) -> Iterable[Finding]:
        rows = [entry for entry in self.entries if entry.line not in self.duplicate_lines]
        kept = _longest_ordered(rows)
        kept_keys = [_order_key(rows[index]) for index in kept]
        kept_set = set(kept)
        moved = [entry for index, entry in enumerate(rows) if index not in kept_set]
        gaps = {id(entry): bisect.bisect_right(kept_keys, _order_key(entry)) for entry in moved}
        # Rows moved into one gap between rows in place: each follows the one before it there, in order.
        following: dict[int, Entry] = {}
        for gap in set(gaps.values()):
            into = sorted((entry for entry in moved if gaps[id(entry)] == gap), key=_order_key)
            following.update((id(entry), before) for before, entry in itertools.pairwise(into))
        for entry in moved:
            after = gaps[id(entry)]
            if after:
                previous = rows[kept[after - 1]]
                where = f"move it after {previous.acronym} (line {previous.line})"
            else:
                where = f"move it to the top, before {rows[kept[0]].acronym} (line {rows[kept[0]].line})"
            if (before := following.get(id(entry))) is not None:
                where += f", following {before.acronym} (line {before.line}), which moves there too"
            yield self.found("G004", entry, f"{entry.acronym} is out of alphabetical order; {where}")

    def letters(self) -> Iterable[Finding]:
        for entry in self.entries:
            if align(entry.acronym, entry.expansion) is None and not _aligned_otherwise(entry):
                yield self.found(
                    "G005",
                    entry,
                    f"the letters of {entry.acronym} do not match {quoted(entry.expansion)}; check both for a typo",
                )

    def references(self) -> Iterable[Finding]:
        if self.reference is None:
            return
        for entry in self.entries:
            senses = self.reference.lookup(entry.acronym)
            if senses and not any(_agrees(entry.expansion, sense) for sense in senses):
                if self.in_document:  # what annotation writes at a first use: say which glossary says so
                    theirs = " or ".join(f"{quoted(sense.expansion)} ({_where(sense)})" for sense in senses)
                    yield self.found(
                        "G007",
                        entry,
                        f"{entry.acronym} is {quoted(entry.expansion)} here but the glossary says {theirs}, "
                        f"as annotation writes it; correct the row, or turn G007 off for it if the document means "
                        "a local sense",
                    )
                    continue
                theirs = " or ".join(quoted(sense.expansion) for sense in senses)
                mine = sum(row.acronym == entry.acronym for row in self.entries)
                fix = (
                    "correct it, or ignore G007 for this file (per-file-ignores) if this is a local sense"
                    if len(senses) <= mine
                    else f"layered over it, this file's rows of {entry.acronym} replace all {len(senses)} of those "
                    "senses: add rows for the ones to keep, or correct this one"
                )
                yield self.found(
                    "G007",
                    entry,
                    f"{entry.acronym} is {quoted(entry.expansion)} here but the reference glossary has {theirs}; {fix}",
                )

    def malformed(self) -> Iterable[Finding]:
        known = {entry.acronym for entry in self.entries} | set(self.reference.acronyms if self.reference else ())
        for entry in self.entries:
            if entry.replaced_by and entry.replaced_by not in known:
                yield self.found(
                    "G006",
                    entry,
                    f"replaced_by names {entry.replaced_by}, which no glossary defines; add a row for it or correct it",
                )
        yield from self.replacement_cycles()

    def replacement_cycles(self) -> Iterable[Finding]:
        """G006 on a row whose `replaced_by` names its own acronym, or leads back to it (through the reference's
        rows too, for acronyms this glossary does not list): no acronym in the cycle would be the current one.
        Each cycle is reported once, on its first row here, naming its rows.
        """
        senses = self.senses
        reported: set[frozenset[str]] = set()
        for entry in self.entries:
            if not entry.replaced_by:
                continue
            cycle = replacement_cycle(entry.acronym, senses)
            if not cycle or frozenset(cycle) in reported:
                continue
            reported.add(frozenset(cycle))
            if cycle == [entry.acronym]:
                message = (
                    f"{entry.acronym} is replaced_by itself; leave replaced_by empty if it is current, "
                    "or name the acronym that superseded it"
                )
            else:
                steps = " -> ".join(f"{acronym} ({self.where(acronym)})" for acronym in cycle)
                message = (
                    f"replaced_by goes round in a cycle, {steps} -> {entry.acronym}, so none of them is current; "
                    "leave replaced_by empty on the one in use"
                )
            yield self.found("G006", entry, message)

    def senses(self, acronym: str) -> Sequence[Entry]:
        """The acronym's rows here, else the reference's: a glossary's rows replace the reference's, as layers do."""
        if self._own is None:
            self._own = _senses(self.entries)
        own = self._own.get(acronym)
        return own or (self.reference.lookup(acronym) if self.reference is not None else ())

    def where(self, acronym: str) -> str:
        """Where `acronym`'s row is: `line 4` here, else the reference's (`the bundled glossary`)."""
        row = self.senses(acronym)[0]
        return f"line {row.line}" if self._own and acronym in self._own else _where(row)

    def superseded(self) -> Iterable[Finding]:
        for entry in self.entries:
            if entry.replaced_by:
                if replacement_cycle(entry.acronym, self.senses):
                    continue  # superseded by itself, in the end: G006 says so
                yield self.found(
                    "G008",
                    entry,
                    f"{entry.acronym} was superseded by {entry.replaced_by}; keep the row only for older documents",
                    Severity.INFO,
                )
                continue
            newer = _superseded_by(self.reference.lookup(entry.acronym) if self.reference else (), entry.expansion)
            if newer:
                yield self.found(
                    "G008",
                    entry,
                    f"{entry.acronym} was superseded by {newer}; list {newer} instead, unless the text "
                    f"is about the time before",
                )


def _aligned_otherwise(entry: Entry) -> bool:
    """True when the letters match as a plural row (`AGs`, Attorneys General), or once `Number` is read as its
    abbreviation `No` (`NINO`, National Insurance Number).

    >>> _aligned_otherwise(Entry("NINO", "National Insurance Number")), _aligned_otherwise(Entry("AGs", "Attorneys General"))
    (True, True)
    """
    if entry.acronym.endswith("s") and align(entry.acronym[:-1], entry.expansion) is not None:
        return True
    return "Number" in entry.expansion and align(entry.acronym, NUMBER.sub("No", entry.expansion)) is not None


def _senses(entries: Iterable[Entry]) -> dict[str, list[Entry]]:
    """Each acronym's rows with distinct expansions, in order."""
    senses: dict[str, dict[str, Entry]] = {}
    for entry in entries:
        senses.setdefault(entry.acronym, {}).setdefault(expansion_key(entry.expansion), entry)
    return {acronym: list(rows.values()) for acronym, rows in senses.items()}


def _order_key(entry: Entry) -> str:
    return entry.acronym.casefold()


def _longest_ordered(rows: Sequence[Entry]) -> list[int]:
    """Indexes of a longest run of rows in alphabetical order (not necessarily adjacent); the rest are out of place."""
    tails: list[str] = []
    tail_index: list[int] = []
    previous = [-1] * len(rows)
    for index, entry in enumerate(rows):
        key = _order_key(entry)
        pile = bisect.bisect_right(tails, key)
        previous[index] = tail_index[pile - 1] if pile else -1
        if pile == len(tails):
            tails.append(key)
            tail_index.append(index)
        else:
            tails[pile], tail_index[pile] = key, index
    kept, index = [], tail_index[-1] if tail_index else -1
    while index >= 0:
        kept.append(index)
        index = previous[index]
    return kept[::-1]


def _agrees(expansion: str, entry: Entry) -> bool:
    key = expansion_key(expansion)
    return key in (expansion_key(entry.expansion), expansion_key(entry.plural_expansion))


def _replacement(senses: Iterable[Entry]) -> str:
    return next((sense.replaced_by for sense in senses if sense.replaced_by), "")


def _superseded_by(senses: Sequence[Entry], expansion: str | None) -> str:
    """What superseded the sense meant: the sense `expansion` names, if one does (as compared, `expansion_key`);
    else, one the senses all name. Empty for a current sense: `RTA`, the Road Traffic Act, is current beside
    `RTA`, Road Traffic Accident, which Road Traffic Collision (RTC) replaced.

    >>> rta = [Entry("RTA", "Road Traffic Act 1988"), Entry("RTA", "Road Traffic Accident", replaced_by="RTC")]
    >>> _superseded_by(rta, "Road Traffic Act 1988"), _superseded_by(rta, "road traffic accidents"), _superseded_by(rta, None)
    ('', 'RTC', '')
    >>> _superseded_by([Entry("HMIC", "Her Majesty's Inspectorate of Constabulary", replaced_by="HMICFRS")], "HM Inspectorate")
    'HMICFRS'
    """
    if expansion is not None:
        key = expansion_key(expansion)
        meant = [sense for sense in senses if expansion_key(sense.expansion) == key]
        if meant:
            return _replacement(meant)
    return _replacement(senses) if senses and all(sense.replaced_by for sense in senses) else ""


def replacement_cycle(acronym: str, senses: Callable[[str], Sequence[Entry]]) -> list[str]:
    """The acronyms from `acronym` round to it again by `replaced_by`, if that leads back to it; else `[]`.

    `senses` gives an acronym's rows. The walk ends at an acronym that is current, or at one seen before.

    >>> rows = {"A": [Entry("A", "Alpha", replaced_by="B")], "B": [Entry("B", "Beta", replaced_by="A")]}
    >>> replacement_cycle("A", lambda acronym: rows.get(acronym, []))
    ['A', 'B']
    >>> replacement_cycle("C", lambda acronym: [Entry("C", "Charlie", replaced_by="C")])
    ['C']
    """
    chain = [acronym]
    newer = _replacement(senses(acronym))
    while newer and newer not in chain:
        chain.append(newer)
        newer = _replacement(senses(newer))
    return chain if newer == acronym else []


# Document checks -----------------------------------------------------------------------------------------------


def check_document(
    result: Scan, glossary: Glossary, *, reference: Glossary | None = None, allow: Collection[str] = frozenset()
) -> list[Finding]:
    """G001-G008 on the document's glossary section, and D001-D007 on its text.

    `glossary` is the layered glossary the document was scanned with; `reference` the one the glossary
    section's rows are compared with (G006-G008), by default `glossary`: the senses annotation writes, so
    a row that contradicts a `-g` glossary is reported, and one that agrees with it is not.
    `allow` names acronyms that need no definition (a collection: a lone string raises `TypeError`, as
    `CheckOptions.allow` does, since its letters would be read as the names).
    The document's own `<!-- acronyms-disable … -->` comments leave findings out (`acronyms.directives`).
    """
    refuse_lone_string(allow, "check_document's allow is")
    findings: list[Finding] = []
    if result.section is not None:
        rows = list(result.section.glossary(result.path).entries)
        columns = [result.definition_position(d)[1] for d in section_definitions(result.text, result.section)]
        reference = glossary if reference is None else reference
        findings += check_glossary(rows, result.path, reference=reference, columns=columns, in_document=True)
    checker = _DocumentChecker(result, glossary, allow)
    findings += [
        *checker.undefined(),
        *checker.unused(),
        *checker.late(),
        *checker.twice(),
        *checker.contradictions(),
        *checker.superseded(),
    ]
    directives = find_directives(result.text, result.format, path=result.path)
    for directive in directives:
        try:
            validate_codes(directive.codes)
        except UsageError as error:
            line = result.position(directive.start)[0]
            reason = f"a reason goes after the codes and ' -- ': <!-- acronyms-{directive.kind} D001 -- why -->"
            raise UsageError(
                f"{error.message}, in acronyms-{directive.kind} ({reason})", path=result.path, line=line
            ) from None
    return [
        found
        for found in findings
        if not directives or not covered(directives, result.position, found.code, found.line, found.column)
    ]


def _section(result: Scan) -> list[Definition]:
    return [d for d in result.definitions if d.kind is DefinitionKind.GLOSSARY_SECTION]


def _written_at_first_use(entry: Entry, found: Found, text: str) -> str:
    """`entry` as annotation's inline style writes it at the first use: in its number and case, less the words
    the text writes after it. `PCSOs` asks for `Police Community Support Officers (PCSOs)`, `PCC's` for
    `Police and Crime Commissioner's (PCC's)`, `PACE 1984` for `Police and Criminal Evidence Act (PACE)`.
    """
    first = found.first
    short = text[first.start : first.end]
    return f"{inline_long_form(entry, text, first, Format.TEXT)} ({unescape(short) if '&' in short else short})"


def _inline(result: Scan) -> list[Definition]:
    return [d for d in result.definitions if d.kind is DefinitionKind.INLINE]


class _DocumentChecker:
    def __init__(self, result: Scan, glossary: Glossary, allow: Collection[str]) -> None:
        self.result, self.glossary, self.allow = result, glossary, allow
        self._noted: dict[str, tuple[Definition, int]] | None = None

    def at(self, code: str, offset: int, acronym: str, message: str, severity: Severity | None = None) -> Finding:
        line, column = self.result.position(offset)
        return finding(code, self.result.path, line, column, acronym, message, severity)

    def at_definition(self, code: str, definition: Definition, message: str) -> Finding:
        line, column = self.result.definition_position(definition)
        return finding(code, self.result.path, line, column, definition.acronym, message)

    def line_of(self, definition: Definition) -> int:
        return self.result.definition_position(definition)[0]

    def undefined(self) -> Iterable[Finding]:
        for found in self.result.acronyms:
            if found.defined_by in (DefinedBy.INLINE, DefinedBy.GLOSSARY_SECTION, DefinedBy.FOOTNOTE):
                continue
            if found.well_known or found.acronym in self.allow:
                continue
            if found.defined_by is DefinedBy.GLOSSARY and found.expansion is None and len(found.senses) > 1:
                yield self.ambiguous(found)
                continue
            message, severity = self._undefined(found)
            yield self.at("D001", found.first.start, found.acronym, message, severity)

    def ambiguous(self, found: Found) -> Finding:
        """D007: the glossary knows several senses and nothing near the first use picks one."""
        senses = " or ".join(quoted(sense.expansion) for sense in found.senses)
        example = quoted(_written_at_first_use(found.senses[0], found, self.result.text))
        return self.at(
            "D007",
            found.first.start,
            found.acronym,
            f"{found.acronym} could mean {senses} and the words around it do not say which; spell out the one "
            f"meant at first use, such as {example}",
        )

    def _undefined(self, found: Found) -> tuple[str, Severity]:
        name = found.acronym
        used = f"is used {found.count} times" if found.count > 1 else "is used"
        if found.defined_by is DefinedBy.IMPLICIT and found.definition is not None:
            phrase, line = found.definition.expansion, self.line_of(found.definition)
            if found.senses and not any(_same_phrase(sense.expansion, phrase) for sense in found.senses):
                # Words with its letters, but the glossary's sense is another: no sign the text means them.
                if len(found.senses) > 1:
                    senses = " or ".join(quoted(sense.expansion) for sense in found.senses)
                    fix = f"the glossary has {senses}: spell out the one meant at first use"
                else:
                    fix = f"spell it out at first use, {quoted(self._written(found.senses[0], found))}"
                other = f"{quoted(phrase)} at line {line} has its letters, but the glossary means another phrase"
                return f"{name} {used} but the document does not define it ({other}); {fix}", Severity.WARNING
            message = (
                f"{name} {used} without a definition, though {quoted(phrase)} at line {line} looks like its long form; "
                f"write {quoted(f'{phrase} ({name})')} at its first use"
            )
            return message, Severity.INFO
        if found.defined_by is DefinedBy.GLOSSARY:
            if found.expansion is None:
                senses = " or ".join(quoted(sense.expansion) for sense in found.senses)
                fix = f"the glossary has {senses}: spell out the one meant at first use"
            else:
                fix = f"spell it out at first use, {quoted(self._spelled(found))}, or add it to the document's glossary"
            return f"{name} {used} but the document does not define it; {fix}", Severity.WARNING
        message = (
            f"{name} {used} but defined nowhere; spell it out at first use, 'Long Form ({name})', add it to the "
            f"document's glossary, or allow it (--allow {name}) if every reader knows it"
        )
        return message, Severity.ERROR

    def _spelled(self, found: Found) -> str:
        """The definition of the sense found to write at the first use (`_written_at_first_use`)."""
        assert found.expansion is not None
        sense = next((sense for sense in found.senses if sense.expansion == found.expansion), None)
        return self._written(sense or Entry(found.acronym, found.expansion), found)

    def _written(self, sense: Entry, found: Found) -> str:
        return _written_at_first_use(sense, found, self.result.text)

    def unused(self) -> Iterable[Finding]:
        used = {found.acronym for found in self.result.acronyms}
        reported: set[str] = set()
        for definition in _section(self.result):
            if definition.acronym not in used and definition.acronym not in reported:
                reported.add(definition.acronym)
                yield self.at_definition(
                    "D002",
                    definition,
                    f"{definition.acronym} is in the glossary section but never used in the text; delete the row",
                )

    def noted(self) -> dict[str, tuple[Definition, int]]:
        """The note, and the line of the first use, of each acronym whose first use carries a footnote marker
        (`PCC[1]`, `PCC[^PCC]`, `<sup …>`): that use is explained where it stands, as the footnote style writes it.
        """
        if self._noted is None:
            marker = FOOTNOTE_MARKERS[self.result.format]
            notes: dict[str, Definition] = {}
            for definition in self.result.definitions:
                if definition.kind is DefinitionKind.FOOTNOTE:
                    notes.setdefault(definition.acronym, definition)
            self._noted = {
                found.acronym: (notes[found.acronym], found.line)
                for found in self.result.acronyms
                if found.acronym in notes and marker.match(self.result.text, found.first.end)
            }
        return self._noted

    def late(self) -> Iterable[Finding]:
        first_definition: dict[str, Definition] = {}
        for definition in _inline(self.result):
            first_definition.setdefault(definition.acronym, definition)
        noted = self.noted()
        for found in self.result.acronyms:
            defined = first_definition.get(found.acronym)
            if defined is not None and found.first.start < defined.short_start and found.acronym not in noted:
                spelled = _written_at_first_use(definition_entry(defined), found, self.result.text)
                yield self.at(
                    "D003",
                    found.first.start,
                    found.acronym,
                    f"{found.acronym} is used before it is defined at line {self.line_of(defined)}; "
                    f"define it here instead, {quoted(spelled)}",
                )

    def twice(self) -> Iterable[Finding]:
        """D004; not for the same definition again in a later section, as `annotate --first-use section` writes."""
        first: dict[str, Definition] = {}
        last: dict[str, Definition] = {}
        noted = self.noted()
        sections = section_starts(self.result.text, self.result.format)
        for definition in _inline(self.result):
            earlier = first.setdefault(definition.acronym, definition)
            previous = last.get(definition.acronym)
            last[definition.acronym] = definition
            if earlier is definition:  # the first inline definition: a second one only after a noted first use
                if definition.acronym not in noted:
                    continue
                earlier, line = noted[definition.acronym]
                first_at, again = f"its first use, line {line}, has a footnote", f"but the footnote at line {line} says"
            elif (
                previous is not None
                and expansion_key(previous.expansion) == expansion_key(definition.expansion)
                and _section_of(sections, previous.short_start) != _section_of(sections, definition.short_start)
            ):
                continue
            else:
                line = self.line_of(earlier)
                first_at, again = f"first at line {line}", f"but at line {line} as"
            if expansion_key(earlier.expansion) == expansion_key(definition.expansion):
                message = f"{definition.acronym} is defined again ({first_at}); define it once, at first use"
            else:
                message = (
                    f"{definition.acronym} is defined here as {quoted(definition.expansion)} {again} "
                    f"{quoted(earlier.expansion)}; use one expansion, or a different acronym for each"
                )
            yield self.at_definition("D004", definition, message)

    def contradictions(self) -> Iterable[Finding]:
        rows = _section(self.result)
        for definition in _inline(self.result):
            mine = [row for row in rows if row.acronym == definition.acronym]
            if mine:
                theirs = [(row.expansion, f"the glossary section (line {self.line_of(row)})") for row in mine]
                agreeing = [expansion for expansion, _ in theirs]
            else:
                senses = self.glossary.lookup(definition.acronym)
                theirs = [(sense.expansion, _where(sense)) for sense in senses]
                # A plural definition may write the glossary's plural, as annotation does: `Attorneys General (AGs)`.
                agreeing = [expansion for sense in senses for expansion in (sense.expansion, sense.plural_expansion)]
            if theirs and not any(self.agrees(definition, expansion) for expansion in agreeing):
                said = " or ".join(f"{quoted(expansion)} ({where})" for expansion, where in theirs)
                yield self.at_definition(
                    "D005",
                    definition,
                    f"{definition.acronym} is defined here as {quoted(definition.expansion)} but the glossary says {said}; "
                    "make them agree, or turn D005 off here if the document means another sense",
                )

    def agrees(self, definition: Definition, expansion: str) -> bool:
        """`_consistent`, also for `expansion` less the words the text writes after the bracket: `… Act (PACE) 1984`."""
        if _consistent(definition.expansion, expansion):
            return True
        if definition.long_end > definition.short_start:
            return False  # not `Long Form (LF)`
        shorter = less_ending_after_bracket(expansion, self.result.text, definition.short_end)
        return shorter is not None and _consistent(definition.expansion, shorter)

    def superseded(self) -> Iterable[Finding]:
        for found in self.result.acronyms:
            newer = _superseded_by(self.glossary.lookup(found.acronym), found.expansion)
            # In a cycle of replacements each would be superseded by another: G006 reports the glossary's slip.
            if newer and not replacement_cycle(found.acronym, self.glossary.lookup):
                current = self.glossary.lookup(newer)
                named = f"{newer} ({current[0].expansion})" if current else newer
                yield self.at(
                    "D006",
                    found.first.start,
                    found.acronym,
                    f"{found.acronym} was superseded by {named}; write {newer} unless the text is about the time before",
                )


def _where(entry: Entry) -> str:
    if entry.source in ("", BUNDLED_NAME):
        return "the bundled glossary"
    return f"{entry.source}, line {entry.line}" if entry.line else entry.source


def _consistent(inline: str, glossary: str) -> bool:
    """The same expansion, or one ends with the other (`Staffordshire Safer Neighbourhood Panel`)."""
    mine, theirs = expansion_key(inline), expansion_key(glossary)
    return mine == theirs or mine.endswith(" " + theirs) or theirs.endswith(" " + mine)
