"""Markdown tables laid out in columns, as pandoc writes them: simple, multiline and grid tables.

Pandoc reads such a table by the columns its dashes (or a grid's `+---+` borders) mark, so text
inserted in a cell would push its words out of their column: a multiline table loses them, a grid
table is no table. Annotation leaves acronyms in them alone; the first use after them is spelled out.
Pipe tables (`| SNP | ... |`) are not laid out in columns, and are annotated as other text.

>>> text = "Intro.\\n\\n  Item   Who\\n  ------ -----\\n  SNP    NB\\n\\nAfter.\\n"
>>> [text[start:end] for start, end in column_table_spans(text)]
['  Item   Who\\n  ------ -----\\n  SNP    NB']
"""

from __future__ import annotations

import re
from typing import Final

# The line under a simple or multiline table's header, one run of dashes a column (`------ -----`).
COLUMN_RULE: Final = re.compile(r"[ ]{0,3}-{3,}(?:[ ]+-{3,})+[ \t]*\r?")
# A multiline table's top or bottom border: one run of dashes across the table.
BORDER: Final = re.compile(r"[ ]{0,3}-{3,}[ \t]*\r?")
# A grid table's border (`+-----+-----+`, `+=====+=====+` under the header), and its rows' lines.
GRID_BORDER: Final = re.compile(r"[ ]{0,3}\+(?:[-=:]+\+)+[ \t]*\r?")
GRID_LINE: Final = re.compile(r"[ ]{0,3}[|+]")
COLUMN_TABLE: Final = "a table laid out in columns"


def column_table_spans(text: str) -> list[tuple[int, int]]:
    """The `[start, end)` spans of the pandoc simple, multiline and grid tables in `text`, from the start of their
    first line to the end of their last.

    A simple table ends at a blank line; a multiline table (whose header has a border above it) and a table
    with no header end at their closing line of dashes. A grid table runs from a border to the last border
    of the lines that follow it starting with `|` or `+`.

    >>> grid = "+-----+-----+\\n| SNP | NB  |\\n+-----+-----+\\n"
    >>> column_table_spans(grid)
    [(0, 41)]
    """
    if "--" not in text:  # every such table has a rule or border of dashes
        return []
    lines = text.split("\n")
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)
    spans: list[tuple[int, int]] = []
    index = 0
    while index < len(lines):
        last = None
        if GRID_BORDER.fullmatch(lines[index]):
            last = _grid_end(lines, index)
            first = index
        elif COLUMN_RULE.fullmatch(lines[index]):
            first = index
            while first > 0 and lines[first - 1].strip():
                first -= 1
            last = _rule_table_end(lines, first, index)
        if last is None:
            index += 1
            continue
        spans.append((starts[first], starts[last] + len(lines[last])))
        index = last + 1
    return spans


def _grid_end(lines: list[str], first: int) -> int | None:
    """The index of a grid table's last border, the table opening at `first`, or None when it is no table."""
    last = None
    for index in range(first + 1, len(lines)):
        if not GRID_LINE.match(lines[index]):
            break
        if GRID_BORDER.fullmatch(lines[index]):
            last = index
    return last


def _rule_table_end(lines: list[str], first: int, rule: int) -> int | None:
    """The index of the last line of a simple or multiline table whose first line is `first` and header rule `rule`."""
    if first < rule and not BORDER.fullmatch(lines[first]):  # a simple table with a header: to a blank line
        index = rule
        while index + 1 < len(lines) and lines[index + 1].strip():
            index += 1
        return index
    for index in range(rule + 1, len(lines)):  # to its closing line of dashes
        if BORDER.fullmatch(lines[index]) or COLUMN_RULE.fullmatch(lines[index]):
            return index
    return None
