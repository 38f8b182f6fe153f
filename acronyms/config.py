"""Project settings for `acronyms check`: `[tool.acronyms]` in pyproject.toml, or `[acronyms]` in setup.cfg.

The settings are looked for from the current directory upwards: in each
directory `pyproject.toml` first, then `setup.cfg`; the first file that has the
table wins, and the search stops at the repository root (a directory holding
`.git`). Command-line options override the settings; a list given on the
command line (`-g`, `--allow`, `--select`, `--ignore`) replaces the configured one.

```toml
[tool.acronyms]
glossaries = ["force-glossary.csv"]   # relative to this file
bundled = true                        # layer them over the bundled glossary
allow = ["GM", "NB"]                  # acronyms that need no definition
select = ["G", "D"]                   # codes or prefixes to report
ignore = ["D002"]
fail-on = "warning"                   # error, warning or info
encoding = "utf-8"

[tool.acronyms.per-file-ignores]      # codes left out for some files: glob patterns, relative to this file
"glossaries/force.csv" = ["G007"]     # the force's local senses
"minutes/*.txt" = ["D005"]
```

In setup.cfg lists are separated by commas or new lines, `bundled` is `true` or `false`, and
`per-file-ignores` holds `PATTERN: CODES` pairs, as flake8 writes them: one a line, or several
on a line separated by spaces or commas (`minutes/*.txt: D005, glossaries/force.csv: G007`).

>>> check_options(Config(allow=("GM",), fail_on="error"), allow=("NB",)).allow
frozenset({'NB'})
"""

from __future__ import annotations

import configparser
import os
import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TypeGuard, TypeVar

from .checks import CheckOptions, Severity, validate_codes
from .errors import UsageError
from .textio import text_codec

PYPROJECT = "pyproject.toml"
SETUP_CFG = "setup.cfg"
SETTINGS = ("glossaries", "bundled", "allow", "select", "ignore", "per-file-ignores", "fail-on", "encoding")
LISTS = ("glossaries", "allow", "select", "ignore")
T = TypeVar("T")


@dataclass(frozen=True)
class Config:
    """The settings of one configuration file; None where the file says nothing."""

    path: str | None = None
    glossaries: tuple[str, ...] | None = None
    bundled: bool | None = None
    allow: tuple[str, ...] | None = None
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] | None = None
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (absolute glob pattern, codes)
    fail_on: str | None = None
    encoding: str | None = None


def find_config(start: Path | None = None) -> Config:
    """The settings found from `start` (the current directory) upwards; empty when there are none."""
    directory = (start or Path.cwd()).resolve()
    for folder in (directory, *directory.parents):
        for name, reader in ((PYPROJECT, _pyproject_table), (SETUP_CFG, _setup_cfg_section)):
            path = folder / name
            table = reader(path) if path.is_file() else None
            if table is not None:
                return _config(table, path)
        if (folder / ".git").exists():
            break
    return Config()


def _pyproject_table(path: Path) -> dict[str, object] | None:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise UsageError(f"cannot read settings ({error}); fix the TOML", path=str(path)) from None
    tool = data.get("tool", {})
    table = tool.get("acronyms") if isinstance(tool, dict) else None  # `tool = 5` holds no settings of ours
    if table is not None and not isinstance(table, dict):
        raise UsageError("[tool.acronyms] must be a table", path=str(path))
    return table


def _setup_cfg_section(path: Path) -> dict[str, object] | None:
    # `%` is a character (`50%.csv`), as flake8 reads it; a key repeated in another tool's section is that tool's
    # business (strict, configparser would refuse the whole file)
    parser = configparser.ConfigParser(interpolation=None, strict=False)
    try:
        parser.read_string(path.read_text(encoding="utf-8"), source=str(path))
    except (OSError, UnicodeDecodeError, configparser.Error) as error:
        problem = str(error).splitlines()[0]  # configparser's go on to the file's name and the line's text
        line = getattr(error, "lineno", None) or next((number for number, _ in getattr(error, "errors", ())), None)
        raise UsageError(f"cannot read settings ({problem}); fix the file", path=str(path), line=line) from None
    if not parser.has_section("acronyms"):
        return None
    table: dict[str, object] = {}
    for key, value in parser.items("acronyms"):
        if key.replace("_", "-") in LISTS:
            table[key] = [item.strip() for item in value.replace(",", "\n").splitlines() if item.strip()]
        elif key == "bundled":
            table[key] = _boolean(value, path)
        elif key.replace("_", "-") == "per-file-ignores":
            table[key] = _cfg_per_file_ignores(value, path)
        else:
            table[key] = value.strip()
    return table


CFG_PAIR_EXAMPLE = "write PATTERN: CODES, e.g. minutes/*.txt: D005"
NOT_A_CODE = re.compile(r"[^A-Za-z0-9]")  # a pattern, not a code: `b.txt`, `minutes/`


def _cfg_per_file_ignores(value: str, path: Path) -> dict[str, list[str]]:
    """`per-file-ignores` in setup.cfg: `pattern: codes` pairs, as flake8 reads them.

    Pairs are separated by white space or commas, and so are the codes; a word holding
    a colon starts the next pair.

    >>> _cfg_per_file_ignores("minutes/*.txt: D001, D005 glossaries/force.csv:G007,\\n  docs/:\\n    D", Path("x"))
    {'minutes/*.txt': ['D001', 'D005'], 'glossaries/force.csv': ['G007'], 'docs/': ['D']}
    """
    pairs: dict[str, list[str]] = {}
    pattern: str | None = None
    for word in re.sub(r"[ \t]*:[ \t\n]*", ":", value).replace(",", " ").split():
        if ":" in word:
            pattern, _, first = word.rpartition(":")
            if not pattern:
                raise _pair_error(f"codes {first!r} with no pattern before the colon", first or ":", path)
            pairs.setdefault(pattern, []).extend([first] if first else [])
        elif pattern is None:
            raise _pair_error(f"{word!r} is not in a pattern: codes pair (no colon)", word, path)
        elif NOT_A_CODE.search(word):
            raise _pair_error(f"{word!r} follows the codes of {pattern!r} with no colon", word, path)
        else:
            pairs[pattern].append(word)
    for pattern, codes in pairs.items():
        if not codes:
            raise _pair_error(f"{pattern!r} has no codes after the colon", pattern, path)
    return pairs


def _pair_error(problem: str, word: str, path: Path) -> UsageError:
    return UsageError(f"per-file-ignores: {problem}; {CFG_PAIR_EXAMPLE}", path=str(path), line=_line_of(path, word))


def _line_of(path: Path, word: str) -> int | None:
    """The first line of the settings file that holds `word`, to point at it; None if none does."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return None
    return next((number for number, line in enumerate(lines, 1) if word in line), None)


def _boolean(value: str, path: Path) -> bool:
    try:
        return configparser.ConfigParser.BOOLEAN_STATES[value.strip().lower()]
    except KeyError:
        raise UsageError(f"bundled is {value!r}; write true or false", path=str(path)) from None


def _config(table: Mapping[str, object], path: Path) -> Config:
    settings = {key.replace("_", "-"): value for key, value in table.items()}
    unknown = sorted(set(settings) - set(SETTINGS))
    if unknown:
        raise UsageError(
            f"unknown setting {unknown[0]!r} for acronyms; the settings are {', '.join(SETTINGS)}", path=str(path)
        )
    lists = {key: _strings(settings[key], key, path) for key in LISTS if key in settings}
    base = path.parent
    glossaries = lists.get("glossaries")
    return Config(
        path=str(path),
        glossaries=tuple(_relative(base / glossary) for glossary in glossaries) if glossaries is not None else None,
        bundled=_typed(settings.get("bundled"), bool, "bundled", path),
        allow=lists.get("allow"),
        select=lists.get("select"),
        ignore=lists.get("ignore"),
        per_file_ignores=_per_file_ignores(settings.get("per-file-ignores"), path),
        fail_on=_typed(settings.get("fail-on"), str, "fail-on", path),
        encoding=_encoding(settings.get("encoding"), path),
    )


def _encoding(value: object, path: Path) -> str | None:
    """The `encoding` setting: a text encoding Python knows, else an error naming the settings file's line."""
    encoding = _typed(value, str, "encoding", path)
    if encoding is not None:
        try:
            text_codec(encoding)
        except LookupError:
            raise UsageError(
                f"encoding {encoding!r} is unknown; try utf-8 or cp1252",
                path=str(path),
                line=_line_of(path, "encoding"),
            ) from None
    return encoding


def _per_file_ignores(value: object, path: Path) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """`per-file-ignores`: each glob pattern, made absolute from the settings file's folder, with its codes."""
    if value is None:
        return ()
    if not isinstance(value, dict):
        raise UsageError('per-file-ignores must be a table, e.g. "minutes/*.txt" = ["D005"]', path=str(path))
    found = []
    for pattern, codes in value.items():
        setting = f'per-file-ignores "{pattern}"'
        line = _line_of(path, pattern) if pattern else None
        if not pattern or not codes:
            problem = "an empty pattern" if not pattern else "no codes"
            raise UsageError(f'{setting}: {problem}; write e.g. "minutes/*.txt" = ["D005"]', path=str(path), line=line)
        if not _is_strings(codes):
            raise UsageError(
                f'{setting} must be a list of codes, e.g. "{pattern}" = ["D005"]', path=str(path), line=line
            )
        try:
            codes = validate_codes(tuple(codes))
        except UsageError as error:
            raise UsageError(f"{setting}: {error.message}", path=str(path), line=line) from None
        found.append((str(path.parent.resolve() / pattern), codes))
    return tuple(found)


def _strings(value: object, key: str, path: Path) -> tuple[str, ...]:
    if not _is_strings(value):
        raise UsageError(f'{key} must be a list of strings, e.g. {key} = ["..."]', path=str(path))
    return tuple(value)


def _is_strings(value: object) -> TypeGuard[list[str]]:
    """True for a TOML list of strings, as list settings are."""
    return isinstance(value, list) and all(isinstance(item, str) for item in value)


def _typed(value: object, kind: type[T], key: str, path: Path) -> T | None:
    if value is None or isinstance(value, kind):
        return value
    raise UsageError(f"{key} must be a {kind.__name__}, not {value!r}", path=str(path))


def _relative(path: Path) -> str:
    """A path as short as it can be written from the current directory."""
    try:
        return os.path.relpath(path)
    except ValueError:  # another drive, on Windows
        return str(path)


def check_options(
    config: Config,
    *,
    glossaries: Iterable[str] = (),
    bundled: bool | None = None,
    allow: Iterable[str] = (),
    select: Iterable[str] = (),
    ignore: Iterable[str] = (),
    fail_on: str | None = None,
    encoding: str | None = None,
) -> CheckOptions:
    """The options of a check: the command line's where given, else the configuration's, else the defaults.

    List options may hold comma-separated items (`--ignore D002,G004`).
    """
    source = config.path

    def listed(given: Iterable[str], configured: tuple[str, ...] | None) -> tuple[str, ...]:
        items = tuple(item.strip() for value in given for item in value.split(",") if item.strip())
        return items or configured or ()

    selects, ignores = listed(select, None), listed(ignore, None)

    severity = fail_on or config.fail_on or Severity.WARNING.value
    if severity not in {level.value for level in Severity}:
        raise UsageError(f"fail-on is {severity!r}; write error, warning or info", path=source)
    given = tuple(glossaries)
    if not given:
        for glossary in config.glossaries or ():
            if not os.path.isfile(glossary):  # named there, relative to that file: say so, not just the path
                raise UsageError(
                    f"glossaries: no such file {glossary!r} (its path is read from this file's folder); check the path",
                    path=source,
                )
    return CheckOptions(
        glossaries=given or config.glossaries or (),
        bundled=bundled if bundled is not None else config.bundled if config.bundled is not None else True,
        allow=frozenset(listed(allow, config.allow)),
        select=validate_codes(selects or config.select or (), source=None if selects else source),
        ignore=validate_codes(ignores or config.ignore or (), source=None if ignores else source),
        per_file_ignores=config.per_file_ignores,
        fail_on=Severity(severity),
        encoding=encoding or config.encoding,
    )
