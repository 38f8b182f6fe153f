"""Long forms as written beside an acronym: plural and possessive agreement, `LF (SF)` spans.

>>> from acronyms.glossary import Entry
>>> from acronyms.matcher import Form, Match
>>> pcc = Entry("PCC", "Police and Crime Commissioner")
>>> long_form(pcc, "PCCs’", Match(0, 5, "PCC", Form.PLURAL_POSSESSIVE))
'Police and Crime Commissioners’'
>>> text = "the Police and Crime Commissioner (PCC Ellis)"
>>> spelled_out(text, Match(35, 38, "PCC"), pcc)
(4, 33)
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from typing import Final

from .glossary import Entry
from .matcher import Form, Match

BRACKET_GAP: Final = 4  # room for the spaces people leave between a long form and its bracket


def long_form(entry: Entry, text: str, match: Match) -> str:
    """The long form that fits this surface form: plural and possessive as written."""
    long = entry.plural_expansion if match.form.is_plural else entry.expansion
    if match.form is Form.POSSESSIVE:
        return long + text[match.base_end : match.end - 1] + "s"
    if match.form is Form.PLURAL_POSSESSIVE:
        return long + text[match.end - 1]
    return long


def spelled_out(text: str, match: Match, entry: Entry) -> tuple[int, int] | None:
    """The span of `entry`'s long form when the text defines the match beside it.

    `Long Form (LF)` (also `Long Form (LF Name)`, for a person) and
    `LF (Long Form)`, compared case-insensitively; None otherwise.
    """
    if not beside_bracket(text, match):
        return None  # the common case: no bracket, nothing to build
    return spelled_out_as(text, match, long_form(entry, text, match))


def beside_bracket(text: str, match: Match) -> bool:
    """True when a bracket opens right before the match or just after it.

    >>> beside_bracket("x (SNP)", Match(3, 6, "SNP")), beside_bracket("SNP  (x)", Match(0, 3, "SNP"))
    (True, True)
    """
    start, end = match.start, match.end
    return (start > 0 and text[start - 1] == "(") or text.find("(", end, end + BRACKET_GAP + 1) != -1


def beside_brackets(text: str, matches: Sequence[Match]) -> list[Match]:
    """The matches `beside_bracket` accepts, in text order, found from the brackets of the text.

    A text holds far fewer brackets than hits, so each bracket looks up the hits
    around it (`matches` are in text order and do not overlap, so their ends are
    sorted too) instead of each hit looking for a bracket.

    >>> text = "SNP (x) and (PCC) and ME"
    >>> [m.acronym for m in beside_brackets(text, [Match(0, 3, "SNP"), Match(13, 16, "PCC"), Match(22, 24, "ME")])]
    ['SNP', 'PCC']
    """
    starts = [match.start for match in matches]
    ends = [match.end for match in matches]
    chosen: set[int] = set()
    at = text.find("(")
    while at != -1:
        after = bisect.bisect_left(starts, at + 1)
        if after < len(starts) and starts[after] == at + 1:  # `(SNP`
            chosen.add(after)
        chosen.update(range(bisect.bisect_left(ends, at - BRACKET_GAP), bisect.bisect_right(ends, at)))  # `SNP (`
        at = text.find("(", at + 1)
    return [matches[index] for index in sorted(chosen)]


def spelled_out_as(text: str, match: Match, long: str) -> tuple[int, int] | None:
    """Like `spelled_out`, for a long form as it would be written (escaped for HTML or Markdown, say).

    >>> text = "Ethics &amp; Audit Panel (EAP)"
    >>> spelled_out_as(text, Match(26, 29, "EAP"), "Ethics &amp; Audit Panel")
    (0, 24)
    """
    long = long.casefold()
    if text[match.start - 1 : match.start] == "(":
        window_start = max(0, match.start - len(long) - BRACKET_GAP)
        before = text[window_start : match.start - 1].rstrip()
        if before.casefold().endswith(long):
            return window_start + len(before) - len(long), window_start + len(before)
        return None
    window = text[match.end : match.end + len(long) + BRACKET_GAP]
    after = window.lstrip()
    if after.startswith("(") and after[1:].casefold().startswith(long):
        start = match.end + len(window) - len(after) + 1
        return start, start + len(long)
    return None
