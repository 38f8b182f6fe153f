"""`python -m acronyms`: the command-line interface."""

from .cli import main

main()
