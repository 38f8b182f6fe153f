"""What annotation changes, as records that can be applied and undone.

Annotation inserts text and nothing else (`Insertion`), with one exception:
`--glossary-section replace` rewrites the document's own glossary section, and
says so with a `Replacement` that keeps the text it replaced. Offsets index the
original text. `restore` undoes both, so the original can always be recovered.

>>> text = "SNP met.\\nGlossary\\nX\\tY\\n"
>>> edits = [Insertion(0, "Safer Neighbourhood Panel ("), Insertion(3, ")")]
>>> replacements = [Replacement(18, 21, "X\\tY", "SNP\\tSafer Neighbourhood Panel")]
>>> new = apply_edits(text, edits, replacements)
>>> new
'Safer Neighbourhood Panel (SNP) met.\\nGlossary\\nSNP\\tSafer Neighbourhood Panel\\n'
>>> restore(new, edits, replacements) == text
True
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from operator import itemgetter
from typing import Final, NamedTuple


class Insertion(NamedTuple):
    """Text inserted at `offset` in the original text (a named tuple: annotation makes two per expansion)."""

    offset: int
    text: str


@dataclass(frozen=True)
class Replacement:
    """`old`, which was `original[start:end]`, replaced by `new`."""

    start: int
    end: int
    old: str
    new: str


def apply_edits(text: str, insertions: Sequence[Insertion], replacements: Sequence[Replacement] = ()) -> str:
    """Apply insertions (in order; equal offsets keep their order) and non-overlapping replacements.

    An insertion at a replacement's start goes before the new text, one at its
    end after it; none may fall strictly inside a replaced span.
    """
    if not replacements:  # the common case: a stable sort by offset gives the same order
        ordered = sorted(insertions, key=by_offset)
        offsets = [offset for offset, _ in ordered]
        # The original's pieces between insertions, interleaved with what is inserted (slice
        # assignment does the interleaving in C: a quarter faster than appending both in a loop).
        pieces: list[str] = [""] * (2 * len(ordered) + 1)
        pieces[0::2] = [text[start:end] for start, end in zip([0, *offsets], [*offsets, len(text)])]
        pieces[1::2] = [new for _, new in ordered]
        return "".join(pieces)
    edits = sorted(
        [(insertion.offset, 0, index, insertion.offset, insertion.text) for index, insertion in enumerate(insertions)]
        + [
            (replacement.start, 1, index, replacement.end, replacement.new)
            for index, replacement in enumerate(replacements)
        ]
    )
    pieces, previous = [], 0
    for start, _, _, end, new in edits:
        if start < previous:
            raise ValueError(f"edit at {start} overlaps a replacement ending at {previous}")
        pieces.append(text[previous:start])
        pieces.append(new)
        previous = end
    pieces.append(text[previous:])
    return "".join(pieces)


by_offset: Final = itemgetter(0)  # the sort key of an `Insertion`


def restore(annotated: str, insertions: Sequence[Insertion], replacements: Sequence[Replacement] = ()) -> str:
    """The original text, from the annotated text and the records of what changed it."""
    undo = [(insertion.offset, 0, index, len(insertion.text), "") for index, insertion in enumerate(insertions)]
    undo += [(r.start, 1, index, len(r.new), r.old) for index, r in enumerate(replacements)]
    pieces, position, shift = [], 0, 0
    for offset, _, _, length, old in sorted(undo):
        at = offset + shift
        pieces.append(annotated[position:at])
        pieces.append(old)
        position = at + length
        shift += length - len(old)
    pieces.append(annotated[position:])
    return "".join(pieces)


def line_ending(text: str) -> str:
    """The text's line ending: CRLF, CR or LF (the default for a text without any).

    >>> line_ending("a\\r\\nb"), line_ending("a")
    ('\\r\\n', '\\n')
    """
    if "\r\n" in text:
        return "\r\n"
    return "\r" if "\r" in text else "\n"


def last_line(text: str) -> str:
    """The last line of `text` that is not blank, without its line ending.

    >>> last_line("a\\n*[SNP]: x\\n\\n")
    '*[SNP]: x'
    """
    stripped = text.rstrip()
    return stripped[max(stripped.rfind("\n"), stripped.rfind("\r")) + 1 :]


def block_at(text: str, offset: int, block: str) -> str:
    """`block` with line breaks to stand on its own lines, after a blank line, at `offset` of `text`.

    >>> block_at("<p>x</p></body>", 8, "<hr>")
    '\\n\\n<hr>\\n'
    """
    newline = line_ending(text)
    before = text[max(0, offset - 4) : offset]
    if not text[:offset].strip() or before.endswith(("\n\n", "\r\r", "\r\n\r\n")):
        head = ""
    elif before.endswith(("\n", "\r")):
        head = newline
    else:
        head = newline + newline
    return head + block + newline
