"""The `acronyms` command: a thin click layer over the library.

Each command parses its options, calls one library function and turns library
errors into `Error: <file>:<line>: <message>` with exit status 1; usage errors
exit with status 2. One module per group of commands; importing them here
registers them on the group.
"""

from . import annotate, check, glossary  # noqa: F401  (registers the commands)
from .app import cli, main

__all__ = ["cli", "main"]
