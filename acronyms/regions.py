"""Regions of a document that annotation must never touch.

URLs, e-mail addresses and HTML tags in every format; in Markdown also code
(fenced, indented and inline), link and image targets, reference definitions
and footnote definitions. Each region is a half-open span into the original text.

>>> text = "See `SNP` at https://x.org/SNP or <b class='SNP'>SNP</b>."
>>> [(text[s:e], what) for s, e, what in protected_spans(text, Format.MARKDOWN)]
[('`SNP`', 'code'), ('https://x.org/SNP', 'a URL'), ("<b class='SNP'>", 'an HTML tag'), ('</b>', 'an HTML tag')]
"""

from __future__ import annotations

import bisect
import enum
import re
from collections.abc import Sequence
from pathlib import PurePath


class Format(enum.Enum):
    """Document formats."""

    TEXT = "text"
    MARKDOWN = "markdown"

    @classmethod
    def from_path(cls, path: str) -> Format:
        """Guess the format from a file name; standard input and unknown suffixes are text.

        >>> Format.from_path("minutes.md"), Format.from_path("-")
        (<Format.MARKDOWN: 'markdown'>, <Format.TEXT: 'text'>)
        """
        suffix = PurePath(path).suffix.lower()
        return cls.MARKDOWN if suffix in (".md", ".markdown") else cls.TEXT


_COMMON = [
    r"(?P<comment><!--.*?(?:-->|\Z))",
    r"(?P<tag></?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>)",
    r"(?P<url>(?:\b(?:https?|ftp)://|\bwww\.)[^\s<>\"'`]*[^\s<>\"'`.,;:!?)\]])",
    r"(?P<email>[\w.+-]+@[\w-]+(?:\.[\w-]+)+)",
]
_MARKDOWN = [
    r"(?P<fenced_code>^[ ]{0,3}(?P<fence>`{3,}|~{3,})[^\n]*\n(?:.*?\n)??[ ]{0,3}(?P=fence)[`~]*[ \t]*(?:\r?\n|\Z))",
    r"(?P<unclosed_fence>^[ ]{0,3}(?:`{3,}|~{3,})[^\n]*(?:\n.*)*\Z)",
    r"(?P<indented_code>(?:\A|(?<=\n)[ \t]*\r?\n)(?:(?:[ ]{4}|\t)[^\n]*(?:\n|\Z)|[ \t]*\r?\n)+)",
    r"(?P<code_span>(?P<ticks>`+)(?!`)(?:[^\n]|\n(?![ \t]*\r?\n))+?(?<!`)(?P=ticks)(?!`))",
    r"(?P<link_target>\]\([^)\s]*(?:\s+\"[^\"]*\")?\))",
    r"(?P<definition>^[ ]{0,3}\[[^\]\n]+\]:[^\n]*)",
    r"(?P<footnote_reference>\[\^[^\]\s]+\])",
    r"(?P<autolink><(?:https?|mailto):[^>\s]*>)",
]
KIND_NAMES = {
    "comment": "an HTML comment",
    "tag": "an HTML tag",
    "url": "a URL",
    "email": "an e-mail address",
    "fenced_code": "a code block",
    "unclosed_fence": "a code block",
    "indented_code": "an indented code block",
    "code_span": "code",
    "link_target": "a link target",
    "definition": "a link or footnote definition",
    "footnote_reference": "a footnote reference",
    "autolink": "a link",
}

_PATTERNS = {
    Format.TEXT: re.compile("|".join(_COMMON), re.DOTALL | re.IGNORECASE),
    Format.MARKDOWN: re.compile("|".join(_MARKDOWN + _COMMON), re.DOTALL | re.MULTILINE),
}


def protected_spans(text: str, format: Format) -> list[tuple[int, int, str]]:
    """Sorted, non-overlapping `(start, end, what)` spans of `text` to keep exactly as they are."""
    return [
        (match.start(), match.end(), KIND_NAMES[match.lastgroup or ""])
        for match in _PATTERNS[format].finditer(text)
        if match.end() > match.start()
    ]


class Spans:
    """Sorted non-overlapping labelled spans with a fast overlap test.

    >>> spans = Spans([(0, 3, "code"), (10, 12, "a URL")])
    >>> spans.overlapping(2, 4), spans.overlapping(3, 5), spans.overlapping(8, 11)
    ('code', None, 'a URL')
    >>> Spans([(0, 50, "the glossary section"), (5, 9, "a tag")]).overlapping(20, 22)
    'the glossary section'

    """

    def __init__(self, spans: Sequence[tuple[int, int, str]]) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.kinds: list[str] = []
        for start, end, kind in sorted(spans):
            if self.ends and start < self.ends[-1]:  # nested or overlapping: the outer span absorbs it
                self.ends[-1] = max(self.ends[-1], end)
                continue
            self.starts.append(start)
            self.ends.append(end)
            self.kinds.append(kind)

    def overlapping(self, start: int, end: int) -> str | None:
        """What the span sharing a character with `[start, end)` is, or None."""
        index = bisect.bisect_right(self.starts, start) - 1
        if index >= 0 and self.ends[index] > start:
            return self.kinds[index]
        following = index + 1
        if following < len(self.starts) and self.starts[following] < end:
            return self.kinds[following]
        return None
