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
