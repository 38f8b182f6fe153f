"""Findings as the tools around editors read them: text, JSON, GitHub annotations, SARIF 2.1.0.

- `text`: one `path:line:col: CODE message` line per finding, like other linters.
- `json`: `{"findings": [{"code", "severity", "path", "line", "column",
  "acronym", "message"}, ...], "summary": {"error": n, "warning": n, "info": n}}`.
- `github`: GitHub Actions workflow commands (`::error file=…,line=…,col=…::…`), which
  show as annotations on the pull request; `info` becomes a `notice`.
- `sarif`: SARIF 2.1.0 for code-scanning tools, one rule per code, columns in
  Unicode code points; `info` becomes a `note`.

>>> from acronyms.checks import Finding, Severity
>>> found = [Finding("G001", Severity.ERROR, "minutes.txt", 93, 1, "DA", "DA is listed twice; delete line 93")]
>>> print(report(found, ReportFormat.TEXT), end="")
minutes.txt:93:1: G001 DA is listed twice; delete line 93
>>> print(report(found, ReportFormat.GITHUB), end="")
::error file=minutes.txt,line=93,col=1,title=acronyms G001::DA is listed twice; delete line 93
"""

from __future__ import annotations

import enum
import json
from collections.abc import Sequence
from pathlib import PurePath
from typing import Any
from urllib.parse import quote

from .checks import RULES, Finding, Severity

SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
SARIF_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
GITHUB_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


class ReportFormat(enum.Enum):
    """The output formats of `acronyms check`."""

    TEXT = "text"
    JSON = "json"
    GITHUB = "github"
    SARIF = "sarif"


def report(findings: Sequence[Finding], format: ReportFormat) -> str:
    """The findings in `format`, ending with a newline (empty text when there are none).

    `format` is a `ReportFormat`; a string (`"json"`) raises `TypeError` rather than give text.
    """
    if not isinstance(format, ReportFormat):  # `"json"` would otherwise be read as the text format
        formats = ", ".join(f"ReportFormat.{member.name}" for member in ReportFormat)
        raise TypeError(f"report's format is one of {formats}, not {format!r}; write ReportFormat({format!r})")
    if format is ReportFormat.JSON:
        return json_report(findings)
    if format is ReportFormat.GITHUB:
        return "".join(github_line(found) + "\n" for found in findings)
    if format is ReportFormat.SARIF:
        return json.dumps(sarif_log(findings), ensure_ascii=False, indent=2) + "\n"
    return "".join(f"{found}\n" for found in findings)


def summary(findings: Sequence[Finding]) -> dict[str, int]:
    """How many findings of each severity.

    >>> summary([])
    {'error': 0, 'warning': 0, 'info': 0}
    """
    return {severity.value: sum(found.severity is severity for found in findings) for severity in Severity}


def json_report(findings: Sequence[Finding]) -> str:
    rows = [
        {
            "code": found.code,
            "severity": found.severity.value,
            "path": found.path,
            "line": found.line,
            "column": found.column,
            "acronym": found.acronym,
            "message": found.message,
        }
        for found in findings
    ]
    return json.dumps({"findings": rows, "summary": summary(findings)}, ensure_ascii=False, indent=2) + "\n"


def github_line(found: Finding) -> str:
    """One workflow command; data and properties escaped as the Actions toolkit does."""
    properties = {"file": found.path, "line": found.line, "col": found.column, "title": f"acronyms {found.code}"}
    listed = ",".join(f"{key}={_escape(str(value), property=True)}" for key, value in properties.items())
    return f"::{GITHUB_LEVELS[found.severity]} {listed}::{_escape(found.message)}"


def _escape(text: str, *, property: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if property else text


def sarif_log(findings: Sequence[Finding]) -> dict[str, Any]:
    """A SARIF 2.1.0 log with one run of the `acronyms` tool."""
    from . import __version__  # here, not at the top: the package imports this module

    codes = list(RULES)
    rules = [
        {
            "id": rule.code,
            "shortDescription": {"text": rule.title},
            "defaultConfiguration": {"level": SARIF_LEVELS[rule.severity]},
        }
        for rule in RULES.values()
    ]
    results = [
        {
            "ruleId": found.code,
            "ruleIndex": codes.index(found.code),
            "level": SARIF_LEVELS[found.severity],
            "message": {"text": found.message},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": {"uri": artifact_uri(found.path)},
                        "region": {"startLine": found.line, "startColumn": found.column},
                    }
                }
            ],
            **({"properties": {"acronym": found.acronym}} if found.acronym else {}),
        }
        for found in findings
    ]
    driver = {"name": "acronyms", "version": __version__, "rules": rules}
    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{"tool": {"driver": driver}, "columnKind": "unicodeCodePoints", "results": results}],
    }


def artifact_uri(path: str) -> str:
    """A URI reference for a path: relative paths stay relative (with `/`), absolute ones become `file:` URIs.

    >>> artifact_uri("docs/minutes 1.txt"), artifact_uri("/srv/minutes.txt")
    ('docs/minutes%201.txt', 'file:///srv/minutes.txt')
    """
    pure = PurePath(path)
    return pure.as_uri() if pure.is_absolute() else quote(pure.as_posix())
