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
import re
from collections.abc import Sequence
from html import unescape
from typing import Final

from .context import REFERENCE
from .escaping import escape
from .glossary import Entry, ends_as_plural
from .matcher import Form, Match
from .regions import Format

BRACKET_GAP: Final = 4  # room for the spaces people leave between a long form and its bracket
# What may wrap a long form or a short form without undoing a definition: quotes, Markdown emphasis
# and HTML tags, as in `Long Form ("LF")`, `*Long Form* (*LF*)` and `<b>Long Form</b> (LF)`.
WRAPPING: Final = "\"'\u2018\u2019\u201c\u201d\u00ab\u00bb*_"
# How much wrapping one side may hold: `<strong><em>“` and a tag with a class fit; more is not wrapping.
WRAPPING_REACH: Final = 60
# A character reference (`context.REFERENCE`) wraps like the character it stands for: `(&ldquo;LF&rdquo;)`.
REFERENCE_CHARS: Final = 24  # the longest name of a wrapping character, `&CloseCurlyDoubleQuote;`, and numeric ones
# What separates an acronym from the words after it that may end its long form: `PACE 1984`, `PACE&nbsp;1984`.
WORD_SEPARATORS: Final = (" ", "\u00a0", "&nbsp;", "&#160;")
WORD_SEPARATOR_STARTS: Final = "".join(dict.fromkeys(separator[0] for separator in WORD_SEPARATORS))


def long_form(entry: Entry, text: str, match: Match) -> str:
    """The long form that fits this surface form: plural and possessive as written."""
    long = word_long_form(entry, match)
    if match.form is Form.POSSESSIVE:
        mark = apostrophe(text, match)
        mark = unescape(mark) if mark[0] == "&" else mark  # `SNP&rsquo;s` reads `SNP’s`
        return long + mark if ends_as_plural(long) else long + mark + "s"
    if match.form is Form.PLURAL_POSSESSIVE:  # `Officers’`, but `Attorneys General’s`
        mark = text[match.end - 1]
        return long + mark if ends_as_plural(long) else long + mark + "s"
    return long


def word_long_form(entry: Entry, match: Match) -> str:
    """The long form of the word itself, plural or not, never possessive: what an `<abbr>` title says."""
    return entry.plural_expansion if match.form.is_plural else entry.expansion


def written_long_form(entry: Entry, text: str, match: Match, format: Format) -> str:
    """`long_form` as annotation writes it in `format`: escaped, a possessive's reference kept as the text has it.

    >>> snp = Entry("SNP", "Safer & Neighbourhood Panel")
    >>> written_long_form(snp, "SNP&rsquo;s", Match(0, 11, "SNP", Form.POSSESSIVE), Format.HTML)
    'Safer &amp; Neighbourhood Panel&rsquo;s'
    """
    if match.form is Form.POSSESSIVE and (mark := apostrophe(text, match))[0] == "&":
        return escape(entry.expansion, format) + mark + ("" if ends_as_plural(entry.expansion) else "s")
    return escape(long_form(entry, text, match), format)


def inline_long_form(entry: Entry, text: str, match: Match, format: Format) -> str:
    """`written_long_form` as an expansion before the acronym writes it: less the words the text writes after it.

    >>> pace = Entry("PACE", "Police and Criminal Evidence Act 1984")
    >>> inline_long_form(pace, "PACE 1984 says", Match(0, 4, "PACE"), Format.TEXT)
    'Police and Criminal Evidence Act'
    """
    if match.form is Form.BASE:
        return without_written_ending(escape(entry.expansion, format), text, match.end)
    return written_long_form(entry, text, match, format)


def without_written_ending(long: str, text: str, at: int) -> str:
    """`long` less the words it ends with when the text writes them from `at` on, after a space or no-break space.

    Only an ending with a year, or another number, last: `PACE 1984`, `PACE Act 1984`.

    The most words that match, whole words, as many as leave one: `PACE 1984` takes the year out of
    `Police and Criminal Evidence Act 1984`, `PACE Act 1984` the Act and the year. When the text
    writes the words before the number and not the number (`PACE Act powers`), the number goes too.

    >>> without_written_ending("Police and Criminal Evidence Act 1984", "PACE Act 1984.", 4)
    'Police and Criminal Evidence'
    >>> without_written_ending("Police and Criminal Evidence Act 1984", "PACE Act powers", 4)
    'Police and Criminal Evidence'
    >>> without_written_ending("Police and Criminal Evidence Act 1984", "PACE 19845", 4)
    'Police and Criminal Evidence Act 1984'
    """
    if not long[-1:].isdigit():
        return long  # only a year (a number) is left out: `Office for National (ONS) Statistics` would name nothing
    if text.startswith(" ", at):  # a space, settled at once
        at += 1
    else:
        separator = next((separator for separator in WORD_SEPARATORS if text.startswith(separator, at)), None)
        if separator is None:
            return long  # a bracket, a full stop, the end
        at += len(separator)
    if " " + text[at : at + 1] not in long:
        return long  # no word of the long form starts as the next word does: nearly every expansion
    # The ending with its number (`PACE Act 1984`), else the words before the number alone (`PACE Act powers`).
    for written in (long, long[: long.rfind(" ")]):
        space = written.find(" ")
        while space != -1:
            end = at + len(written) - space - 1
            if text.startswith(written[space + 1 :], at) and not (end < len(text) and text[end].isalnum()):
                return written[:space].rstrip()
            space = written.find(" ", space + 1)
    return long


def less_ending_after_bracket(long: str, text: str, short_end: int) -> str | None:
    """`without_written_ending` for a short form ending at `short_end` in its brackets: `Long Form (LF) 1984`.

    The long form less the words the text writes after the closing bracket, or None when no bracket
    closes right after the short form (past any wrapping) or the text writes no ending of it there.

    >>> less_ending_after_bracket("Evidence Act 1984", "Evidence Act (PACE) 1984", 18)
    'Evidence Act'
    >>> less_ending_after_bracket("Evidence Act 1984", "Evidence Act (PACE 1984)", 18) is None
    True
    """
    closed = past_wrapping(text, short_end)
    if not text.startswith(")", closed):
        return None
    shorter = without_written_ending(long, text, closed + 1)
    return shorter if shorter != long else None


def apostrophe(text: str, match: Match) -> str:
    """The apostrophe of a possessive as written, `'` or a reference (`&rsquo;`), after any markup (`PCC</b>'s`).

    >>> apostrophe("PCC</b>&#8217;s", Match(0, 15, "PCC", Form.POSSESSIVE)), apostrophe("PCC's", Match(0, 5, "PCC"))
    ('&#8217;', "'")
    >>> apostrophe("CPS’", Match(0, 4, "CPS", Form.POSSESSIVE))  # the apostrophe alone
    '’'
    """
    mark = text[match.base_end : match.end - 1] or text[match.end - 1 : match.end]
    return mark[mark.rindex("&") :] if mark.endswith(";") else mark[-1]


def spelled_out(text: str, match: Match, entry: Entry) -> tuple[int, int] | None:
    """The span of `entry`'s long form when the text defines the match beside it.

    `Long Form (LF)` (also `Long Form (LF Name)`, for a person) and
    `LF (Long Form)`, compared case-insensitively; None otherwise.
    """
    if not beside_bracket(text, match):
        return None  # the common case: no bracket, nothing to build
    return spelled_out_as(text, match, long_form(entry, text, match))


def beside_bracket(text: str, match: Match) -> bool:
    """True when a bracket opens right before the match (past any wrapping) or just after it.

    >>> beside_bracket("x (SNP)", Match(3, 6, "SNP")), beside_bracket("SNP  (x)", Match(0, 3, "SNP"))
    (True, True)
    >>> beside_bracket('x ("SNP")', Match(4, 7, "SNP")), beside_bracket("x (<b>SNP</b>)", Match(6, 9, "SNP"))
    (True, True)
    """
    end = match.end
    return (
        bracket_before(text, match.start) != -1
        or text.find("(", end, end + BRACKET_GAP + 1) != -1
        or (end < len(text) and text[end] in CLOSING_STARTS and bracket_after(text, end) != -1)
    )


# What may stand between a short form and the bracket of its long form, beside spaces: the end of its wrapping
# (`SNP</b> (`, `**SNP** (`, `“SNP” (`) and a no-break space written as a reference (`SNP&nbsp;(`, as Word writes).
CLOSING_STARTS: Final = WRAPPING + "<&"
SPACE_REFERENCES: Final = ("&nbsp;", "&#160;", "&#xa0;", "&#xA0;")


def bracket_after(text: str, end: int) -> int:
    """Where the bracket opens that follows a short form ending at `end`, past its closing wrapping (quotes,
    emphasis, tags) and up to `BRACKET_GAP` spaces (a no-break space's reference counts as one); -1 if none.

    >>> [bracket_after(text, 3) for text in ("SNP (x)", "SNP</b> (x)", "SNP** (x)", "SNP&nbsp;(x)", "SNP x (y)")]
    [4, 8, 6, 9, -1]
    """
    at = past_wrapping(text, end)
    for _ in range(BRACKET_GAP + 1):
        if text.startswith("(", at):
            return at
        if at < len(text) and text[at].isspace():
            at += 1
            continue
        reference = next((found for found in SPACE_REFERENCES if text.startswith(found, at)), None)
        if reference is None:
            return -1
        at += len(reference)
    return -1


def bracket_before(text: str, start: int) -> int:
    """Where the bracket opens that `start` follows, past quotes, emphasis and tags (`WRAPPING`); -1 if none.

    >>> bracket_before("x (SNP", 3), bracket_before("x (<b>“SNP", 7), bracket_before("x SNP", 2)
    (2, 2, -1)
    """
    floor = max(0, start - WRAPPING_REACH)
    at = start
    while at > 0:
        if text[at - 1] == "(":
            return at - 1
        at = _unwrapped_before(text, at, floor)
        if at == -1:
            return -1
    return -1


def past_wrapping(text: str, start: int) -> int:
    """Where the text from `start` on begins past quotes, emphasis and tags: `bracket_before`, looking ahead.

    >>> text = "(<b>“SNP"
    >>> past_wrapping(text, 1), past_wrapping(text, 5), past_wrapping("(<b", 1)
    (5, 5, 1)
    """
    ceiling = min(len(text), start + WRAPPING_REACH)
    at = start
    while at < ceiling:
        char = text[at]
        if char in WRAPPING:
            at += 1
        elif char == "<" and (closed := text.find(">", at, ceiling)) != -1 and text.find("<", at + 1, closed) == -1:
            at = closed + 1
        elif char == "&" and (reference := REFERENCE.match(text, at, ceiling)) and wraps(reference[0]):
            at = reference.end()
        else:
            break
    return at


def _unwrapped_before(text: str, end: int, floor: int) -> int:
    """Where the unit of wrapping that ends at `end` starts; -1 if none does.

    A unit is a quote, an emphasis mark, a tag or a reference to a quote, starting no earlier than
    `floor`. A tag is `<` and `>` with neither between, as `past_wrapping` reads it.
    """
    if end <= floor:
        return -1
    char = text[end - 1]
    if char in WRAPPING:
        return end - 1
    if char == ">":
        opened = text.rfind("<", floor, end - 1)
        if opened != -1 and text.find(">", opened, end - 1) == -1:
            return opened
    if char == ";":
        opened = text.rfind("&", max(floor, end - REFERENCE_CHARS), end - 1)
        if opened != -1 and REFERENCE.fullmatch(text, opened, end) and wraps(text[opened:end]):
            return opened
    return -1


def wraps(reference: str) -> bool:
    """True when a character reference stands for a wrapping character (`&ldquo;`, `&#8217;`, `&quot;`)."""
    character = unescape(reference)
    return len(character) == 1 and character in WRAPPING


def beside_brackets(text: str, matches: Sequence[Match]) -> list[Match]:
    """The matches `beside_bracket` accepts, and those beside a square bracket, in text order.

    A square bracket spells out no glossary long form (`spelled_out` reads round ones), but may hold the
    author's definition, `Grants Panel [GP]`, which the definition finder reads (as `scan` does).

    A text holds far fewer brackets than hits, so each bracket looks up the hits
    around it (`matches` are in text order and do not overlap, so their ends are
    sorted too) instead of each hit looking for a bracket.

    >>> text = "SNP (x) and (PCC) and ME and [GP]"
    >>> matches = [Match(0, 3, "SNP"), Match(13, 16, "PCC"), Match(22, 24, "ME"), Match(30, 32, "GP")]
    >>> [m.acronym for m in beside_brackets(text, matches)]
    ['SNP', 'PCC', 'GP']
    """
    starts = [match.start for match in matches]
    ends = [match.end for match in matches]
    chosen: set[int] = set()
    for bracket in "([":
        at = text.find(bracket)
        while at != -1:
            inside = past_wrapping(text, at + 1)
            after = bisect.bisect_left(starts, inside)
            if after < len(starts) and starts[after] == inside:  # `(SNP`, `("SNP`, `(<b>SNP`
                chosen.add(after)
            chosen.update(range(bisect.bisect_left(ends, at - BRACKET_GAP), bisect.bisect_right(ends, at)))  # `SNP (`
            # Rare: wrapping or a reference, not a letter, before the bracket past its spaces (`SNP</b> (`, `SNP&nbsp;(`).
            # Read inline: a call per bracket would cost more than every bracket's short form in a text without any.
            if bracket == "(" and text[max(0, at - BRACKET_GAP - 1) : at].rstrip()[-1:] in CLOSING_ENDS:
                low = bisect.bisect_left(ends, at - WRAPPING_REACH - BRACKET_GAP * len(SPACE_REFERENCES[0]))
                for index in range(low, bisect.bisect_left(ends, at - BRACKET_GAP)):
                    if bracket_after(text, ends[index]) == at:
                        chosen.add(index)
            at = text.find(bracket, at + 1)
    return [matches[index] for index in sorted(chosen)]


# How wrapping or a reference ends (`</b>`, `**`, `”`, `&nbsp;`), as a set: the empty string is in no set.
CLOSING_ENDS: Final = frozenset(WRAPPING + ">;")


def spelled_out_as(text: str, match: Match, long: str) -> tuple[int, int] | None:
    """Like `spelled_out`, for a long form as it would be written (escaped for HTML or Markdown, say).

    >>> text = "Ethics &amp; Audit Panel (EAP)"
    >>> spelled_out_as(text, Match(26, 29, "EAP"), "Ethics &amp; Audit Panel")
    (0, 24)
    >>> spelled_out_as("Evidence Act (PACE) 1984", Match(14, 18, "PACE"), "Evidence Act 1984")
    (0, 12)
    """
    opened = bracket_before(text, match.start)
    if opened != -1:
        found = _long_before(text, opened, long.casefold())
        if found is None and (shorter := less_ending_after_bracket(long, text, match.end)) is not None:
            found = _long_before(text, opened, shorter.casefold())  # `Long Form (LF) 1984`, as annotation writes it
        return found
    long = long.casefold()
    window = text[match.end : match.end + len(long) + BRACKET_GAP]
    after = window.lstrip()
    if after.startswith("(") and after[1:].casefold().startswith(long):
        start = match.end + len(window) - len(after) + 1
        return start, start + len(long)
    opened = bracket_after(text, match.end) if text[match.end : match.end + 1] in CLOSING_STARTS else -1
    if opened != -1 and text[opened + 1 : opened + 1 + len(long)].casefold() == long:  # `<b>LF</b> (Long Form)`
        return opened + 1, opened + 1 + len(long)
    return None


def _long_before(text: str, opened: int, long: str) -> tuple[int, int] | None:
    """The span of `long` (case-folded) ending before the bracket at `opened`, past spaces and wrapping.

    >>> text = '<b>“Safer Panel”</b> ("SNP")'
    >>> _long_before(text, 21, "safer panel")
    (4, 15)
    """
    floor = max(0, opened - WRAPPING_REACH)
    end = opened
    while end != -1:
        window_start = max(0, end + 1 - len(long) - BRACKET_GAP)
        before = text[window_start:end].rstrip()
        if before.casefold().endswith(long):
            return window_start + len(before) - len(long), window_start + len(before)
        end = _unwrapped_before(text, window_start + len(before), floor)
    reach = max(0, opened - len(long) - BRACKET_GAP - INNER_TAGS_REACH)
    return _long_before_past_tags(text, reach, opened, long) if "<" in text[reach:opened] else None


# How many characters of tags a long form may hold: Word writes `<span lang=EN-US>` around a word in another language.
INNER_TAGS_REACH: Final = 200
TAG: Final = re.compile(r"<[^<>]*>")


def _long_before_past_tags(text: str, reach: int, opened: int, long: str) -> tuple[int, int] | None:
    """`_long_before` for a long form with tags inside it, read without them and with a line break or a run of
    spaces as one space (Word wraps its lines): `Safer <span lang=EN-US>Neighbourhood</span> Panel (SNP)`.
    Its span holds the tags.

    >>> text = "The Safer <span\\r\\nlang=EN-US>Neighbourhood</span>\\r\\nPanel (SNP)"
    >>> start, end = _long_before_past_tags(text, 0, 56, "safer neighbourhood panel")
    >>> text[start:end]
    'Safer <span\\r\\nlang=EN-US>Neighbourhood</span>\\r\\nPanel'
    """
    offsets: list[int] = []  # where each character read is in the text
    chars: list[str] = []
    at = reach
    for piece_end, next_at in [*((tag.start(), tag.end()) for tag in TAG.finditer(text, reach, opened)), (opened, 0)]:
        for offset in range(at, piece_end):
            char = text[offset]
            if char.isspace():
                if chars and chars[-1] == " ":
                    continue
                char = " "
            offsets.append(offset)
            chars.append(char)
        at = next_at
    read = "".join(chars).rstrip()
    if len(read) < len(long) or not read.casefold().endswith(long):
        return None
    return offsets[len(read) - len(long)], offsets[len(read) - 1] + 1
