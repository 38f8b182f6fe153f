"""One exception hierarchy: every error names the file, the line and what to do.

>>> print(GlossaryError("empty acronym; fill in the acronym column", path="g.csv", line=3))
g.csv:3: empty acronym; fill in the acronym column
"""

from __future__ import annotations


class AcronymsError(Exception):
    """Base class for every error this package raises on bad input.

    The message says how to fix the problem; `path` and `line` say where.
    """

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line

    def __str__(self) -> str:
        where = self.path or ""
        if self.path and self.line is not None:
            where = f"{self.path}:{self.line}"
        return f"{where}: {self.message}" if where else self.message


class GlossaryError(AcronymsError):
    """A glossary file cannot be read or breaks the schema."""


class InputError(AcronymsError):
    """A document cannot be read: missing, binary, or in another encoding."""


class UsageError(AcronymsError):
    """Options that cannot work together (e.g. a style the format does not support)."""


class OutputError(AcronymsError):
    """A result cannot be written: a missing or read-only folder, a read-only file, a full disk."""
