"""The README's reference blocks are the commands' own --help, and every command is documented.

Run `python tests/test_readme.py` to rewrite the blocks after changing an option.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from click.testing import CliRunner

from acronyms.cli import cli

README = Path(__file__).resolve().parent.parent / "README.md"
BLOCK = re.compile(r"(<!-- help: (?P<command>[^>]+?) -->\n)(?P<body>.*?)(<!-- /help -->)", re.DOTALL)
WIDTH = 100


def help_text(command: str) -> str:
    args = command.split()[1:] + ["--help"]
    result = CliRunner().invoke(cli, args, prog_name="acronyms", terminal_width=WIDTH, max_content_width=WIDTH)
    assert result.exit_code == 0, result.output
    return result.output


def rendered(command: str) -> str:
    return f"```text\n{help_text(command)}```\n"


def regenerate(text: str) -> str:
    return BLOCK.sub(lambda block: block[1] + rendered(block["command"]) + block[4], text)


def test_reference_blocks_match_help() -> None:
    text = README.read_text(encoding="utf-8")
    for block in BLOCK.finditer(text):
        assert block["body"] == rendered(block["command"]), f"run `python {__file__}` to update the README"


def test_every_command_has_help_and_a_reference_block() -> None:
    documented = {block["command"] for block in BLOCK.finditer(README.read_text(encoding="utf-8"))}
    assert "acronyms" in documented
    for name, command in cli.commands.items():
        assert command.help, f"{name} has no help text"
        assert f"acronyms {name}" in documented


if __name__ == "__main__":
    README.write_text(regenerate(README.read_text(encoding="utf-8")), encoding="utf-8")
    sys.exit(0)
