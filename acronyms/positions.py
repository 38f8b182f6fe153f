"""Line and column numbers for offsets into a text.

>>> index = LineIndex("ab\\r\\ncd\\nef")
>>> index.position(0), index.position(4), index.position(8)
((1, 1), (2, 1), (3, 2))
"""

from __future__ import annotations

import bisect


class LineIndex:
    """Maps an offset to a 1-based (line, column); columns count characters."""

    def __init__(self, text: str) -> None:
        self.starts = [0]
        position = text.find("\n")
        while position != -1:
            self.starts.append(position + 1)
            position = text.find("\n", position + 1)

    def position(self, offset: int) -> tuple[int, int]:
        """The 1-based line and column of `offset`."""
        line = bisect.bisect_right(self.starts, offset)
        return line, offset - self.starts[line - 1] + 1

    def line(self, offset: int) -> int:
        """The 1-based line of `offset`."""
        return bisect.bisect_right(self.starts, offset)


class LineCounter:
    """The 1-based line of an offset, counted when asked: for a few questions about a long text.

    `LineIndex` finds every line break first. This counts only those between the
    offset and the nearest offset already asked about (`str.count`, at memory
    speed), so a text is counted through about once however the questions come,
    and not at all when none come.

    >>> counter = LineCounter("a\\nb\\r\\nc\\n")
    >>> counter.line(6), counter.line(0), counter.line(3), counter.line(2)
    (3, 1, 2, 2)
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.offsets = [0]  # offsets asked about (and 0), sorted, with their lines
        self.lines = [1]

    def line(self, offset: int) -> int:
        """The 1-based line of `offset` (as `LineIndex.line`)."""
        below = bisect.bisect_right(self.offsets, offset) - 1
        if self.offsets[below] == offset:
            return self.lines[below]
        above = below + 1
        if above < len(self.offsets) and self.offsets[above] - offset < offset - self.offsets[below]:
            line = self.lines[above] - self.text.count("\n", offset, self.offsets[above])
        else:
            line = self.lines[below] + self.text.count("\n", self.offsets[below], offset)
        self.offsets.insert(above, offset)
        self.lines.insert(above, line)
        return line
