"""Context decisions the automaton cannot make: is this hit an acronym, and in which sense?

Two kinds of evidence, used only where a hit needs them:

- **Rules on the text** (no spaCy): a hit in a line written wholly in capitals
  (`IT WAS AGREED`) is a heading, not an acronym; a Roman numeral after `Part`
  or `Schedule`, a time or unit after a number (`10 AM`), and a postcode's
  outward code (`SK9 5AF`) are not acronyms.
- **spaCy**, loaded lazily: a hit must line up with spaCy's tokens (so `ACC` in
  `A-ACC-7` or in `report.SNP.pdf` is rejected, while `PCC/CC` gives both); the
  words, or lemmas when a trained pipeline is named, of the hit's sentence vote
  for a sense. In `auto` mode spaCy reads only a window around the hits that
  need it; in `full` mode every paragraph.

>>> not_an_acronym("IT WAS AGREED\\n", 0, 2)
'in a line written in capitals'
>>> not_an_acronym("ACTIONS OUTSTANDING FOR THE PCC", 28, 31)
'in a line written in capitals'
>>> not_an_acronym("See Part IV of the Act", 9, 11)
'a Roman numeral'
>>> not_an_acronym("at 10 AM sharp", 6, 8)
'a time or unit'
>>> not_an_acronym("Wilmslow SK9 5AF", 9, 12)
'a postcode'
>>> not_an_acronym("The IT team", 4, 6) is None
True
"""

from __future__ import annotations

import bisect
import enum
import functools
import re
from collections.abc import Callable, Collection
from html import unescape
from html.entities import html5 as REFERENCE_NAMES
from typing import TYPE_CHECKING, Final

from .errors import UsageError
from .matcher import APOSTROPHES, Form, Match, is_word_char
from .positions import PARAGRAPH_BREAK

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc


class ContextMode(enum.Enum):
    """How much context annotation uses."""

    OFF = "off"  # the automaton alone: no rules, no spaCy; ambiguous acronyms stay unexpanded
    AUTO = "auto"  # rules everywhere, spaCy only around hits that need it
    FULL = "full"  # rules everywhere, spaCy on every paragraph that has a hit


# A heading needs ordinary words in capitals besides the hit (not other acronyms), four letters
# or more of them, so a line of acronyms and initials ("PCC / SNP", "PCC GM") is not mistaken for
# one ("IT WAS AGREED", "ACTIONS OUTSTANDING"). Beside an acronym that a glossary knows one word is
# enough ("# PCSO NUMBERS"), and capitals that none knows are read as that word ("NUMBERS"). Capitals
# that none knows, on a line without such an acronym, need two words beside them: the line may be
# one of acronyms that no glossary knows ("QXZ TEAM").
MIN_HEADING_WORDS: Final = 1
MIN_HEADING_WORDS_BESIDE_UNKNOWN: Final = 2
MIN_HEADING_LETTERS: Final = 4
MAX_HEADING_CHARS: Final = 200  # a heading fits on a line; a longer line is prose (and is not scanned per hit)
WORD: Final = re.compile(r"[^\W\d_]+")
LOWER_RUN: Final = re.compile(r"[a-z]{3}")  # a shortcut: no acronym strings three lower-case letters together
ROMAN_LETTERS: Final = frozenset("MDCLXVI")
ROMAN: Final = re.compile(r"M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")
NUMBERED_BY: Final = frozenset(
    [
        "part",
        "chapter",
        "section",
        "schedule",
        "phase",
        "stage",
        "article",
        "volume",
        "annex",
        "appendix",
        "tier",
        "level",
        "category",
        "grade",
        "class",
        "book",
        "paragraph",
        "clause",
        "step",
    ]
)
TIMES_AND_UNITS: Final = frozenset(
    ["AM", "PM", "KM", "KG", "MPH", "KPH", "MB", "GB", "TB", "KB", "HRS", "HR", "MINS", "MM", "CM", "ML"]
)
NUMBER_BEFORE: Final = re.compile(r"\d(?:[ \u00a0\u202f])?\Z")
# A UK postcode's outward code (`SK9` in `SK9 5AF`, `SW1A` in `SW1A 2AA`), known by the inward code after it:
# a space, a digit and two capitals.
POSTCODE_OUTWARD: Final = re.compile(r"[A-Z]{1,2}\d[A-Z\d]?")
POSTCODE_INWARD_AFTER: Final = re.compile(r"[ \u00a0]\d[A-Z]{2}(?!\w)")
WORD_BEFORE: Final = re.compile(r"([^\W\d_]+)[ \u00a0]+\Z")
# How far from a hit the pieces of a slash code are read (`OPCC/JS/0412`): a reference number fits easily.
SLASH_CODE_REACH: Final = 50
# What joins the letters of one acronym, so that a piece of a slash code runs on over it: `A&E`, `R&D`.
ACRONYM_JOINERS: Final = "&"
# Characters beside a hit that a tokenizer always splits on; any other neighbour
# ("-", "/", ".", "@", ...) needs spaCy to say whether the hit is a whole token.
SAFE_SPACES: Final = frozenset(" \t\r\n\u00a0\u202f")
SAFE_BEFORE: Final = SAFE_SPACES | frozenset("([{\"'“‘«")
SAFE_AFTER: Final = SAFE_SPACES | frozenset(")]}\"'”’»,;!?")
# The edges of a hit amid prose, which `amid_prose` reads. Before it, three lower-case letters and a space
# (`the PCC`), and no `&` for long enough before them that no character reference can hold them (a reference
# holds no space, and names 32 characters at most): on any reading of the line `LOWER_RUN` finds them.
# After it, a line break, a space before anything but a digit, or a mark that ends a clause and white space.
PROSE_BEFORE: Final = re.compile(r"[^&]{36}[a-z]{3} ")
PROSE_BEFORE_CHARS: Final = 40
PROSE_AFTER: Final = re.compile(r"\n| (?!\d)|[,.:;!?][ \n]")
GLUING_APOSTROPHES: Final = frozenset("'\u2019")  # between two words they make one token: `PCCs’SNP`
# Invisible characters that Word and web pages leave in text: a zero-width space is a place to break
# a line, so a word ends there; the others (soft hyphen, word joiner, zero-width joiners, a BOM inside
# the text, direction marks) join or mark what is around them, and are looked past. spaCy reads them
# all as part of a token (`PCSO\u200b`), so the hit beside them is judged by what they stand for.
WORD_BREAK: Final = "\u200b"
INVISIBLE: Final = frozenset(WORD_BREAK + "\u00ad\u2060\u200c\u200d\ufeff\u200e\u200f")
_AS_READ: Final = {ord(char): None for char in INVISIBLE} | {ord(WORD_BREAK): " "}
_INVISIBLE_REACH: Final = 40  # of text around a hit that `needs_tokens` reads (a footnote marker, a slash code)
# The marks of `SAFE_AFTER` that spaCy leaves inside a token when a word follows them: `PCC;OPCC`, `PCC)x`
# and `PCC,2` are one token each; and of `SAFE_BEFORE`, when a word comes before them: `ACC(RIPA`, `x“PCC`
# (the apostrophes have `glued_by_apostrophe`).
CLOSING_MARKS: Final = SAFE_AFTER - SAFE_SPACES - GLUING_APOSTROPHES
OPENING_MARKS: Final = SAFE_BEFORE - SAFE_SPACES - GLUING_APOSTROPHES
SENTENCE_END_AFTER: Final = frozenset(".:")
# A footnote reference glued after a hit ends it, as a closing bracket would: `SNP[^1]` in Markdown, `SNP[1]` in
# plain text. A tokenizer keeps `SNP[1` together, so the hit is judged without it.
FOOTNOTE_REFERENCE: Final = re.compile(r"\[(?:\^[^\]\s]+|\d{1,9})\]")
# A character reference of HTML and Markdown: named (`&rsquo;`), decimal (`&#8217;`) or hex (`&#x2019;`).
# Beside a hit it stands for its character; `REFERENCE_REACH` covers the longest name, `&CounterClockwiseContourIntegral;`.
_REFERENCE: Final = r"&(?:[A-Za-z][A-Za-z0-9]*|#[0-9]+|#[xX][0-9A-Fa-f]+);"
REFERENCE: Final = re.compile(_REFERENCE)
REFERENCE_BEFORE: Final = re.compile(_REFERENCE + r"\Z")
REFERENCE_REACH: Final = 40
REFERENCE_EDGES: Final = frozenset("&;")
# A reference and an `s` after a hit: the possessive `SNP&rsquo;s` when the reference stands for an apostrophe.
REFERENCE_S: Final = re.compile(_REFERENCE + "s")
# Closing markup between an acronym and its plural or possessive ending, which reads as if the markup were not
# there: `<b>PCSO</b>s` and `<b>PCC</b>&#8217;s` in HTML; in Markdown also `**PCSO**s`, `**PCC**'s` and `_PCC_'s`
# (`_PCSO_s` is no emphasis). Found from the last character of the markup and the first of the ending, each pattern
# starting with a literal that the regex engine skips to fast: so a hit pays nothing unless such markup follows it.
SPLIT_AFTER_TAG: Final = re.compile(">[s'\u2019&]")
SPLIT_AFTER_EMPHASIS: Final = (re.compile("\\*[s'\u2019&]"), re.compile("_['\u2019&]"))
ENDING: Final = re.compile(rf"s|(?P<apostrophe>['\u2019]|\\'|{_REFERENCE})s")
# Markdown's escaped apostrophe before an `s`, as pandoc writes a straight one (`PCC\\'s`): the possessive.
ESCAPED_APOSTROPHE_S: Final = re.compile(r"\\'s")
# A Markdown backslash escape (`\\"`, `\\.`, `\\'`): beside a hit it reads as the character escaped.
MARKDOWN_ESCAPE: Final = re.compile(r"\\([!-/:-@\[-`{-~])")
CLOSING_TAG: Final = re.compile(r"</[A-Za-z][A-Za-z0-9]*[ \t]*>")
MAX_CLOSING_TAG: Final = 40  # longer than any element name an author writes
# Inline elements that a browser draws with no break between the letters on either side (`<b>PC</b>SO` reads
# `PCSO`); `<sup>`, `<abbr>`, block elements and `<br>` are left out: what follows them is another word. So is a
# link's tag: appended blocks go before a link left open at the end (`html.Layout.body_end`), which would part
# `SNP<a href=…>SNP` on the next run, and a link run into letters is rare.
GLUE_TAGS: Final = r"</?(?:b|i|u|s|em|strong|span|mark|small|big|font|ins|del|wbr)(?:\s[^<>]*)?/?>"
GLUE_AFTER: Final = re.compile(f"(?:{GLUE_TAGS})+", re.IGNORECASE)
GLUE_BEFORE: Final = re.compile(f"(?:{GLUE_TAGS})+\\Z", re.IGNORECASE)
MAX_GLUE: Final = 200  # how far back the tags before a hit are read: a few inline tags with attributes
MAX_EMPHASIS_RUN: Final = 3  # `***bold italic***`
# In auto mode spaCy reads the text in chunks of this size, each with a margin
# either side so a hit near a chunk's edge still has its sentence; hits in one
# chunk share one reading. Cut at white space.
CHUNK_CHARS: Final = 1000
MARGIN_CHARS: Final = 200
CUT_SEARCH_CHARS: Final = 50  # how far to look for white space to cut a chunk at
# Where a sentence ends: where spaCy's sentencizer ends one, at sentence punctuation (and any
# closing quotes or brackets) before white space, or at a blank line (see `Window.sentence`). Written as one
# leading character class, the branch chosen by a look back at it, so that the
# regex engine skips to candidates fast: `[.!?…]+[”)]*(?=\s)\s*|\n[ \t]*\r?\n`, twice as fast.
SENTENCE_END: Final = re.compile(
    r"[.!?\u2026\n](?:(?<=[.!?\u2026])[.!?\u2026]*[\"'\u2019\u201d)\]]*(?=\s)\s*|(?<=\n)[ \t]*\r?\n)"
)
SENTENCE_SEARCH_CHARS: Final = 1000  # a sentence of minutes is far shorter; the cap keeps each search local
SENTENCE_NEAR_CHARS: Final = 250  # where the start of a sentence is looked for first
# A word of the hit's own sentence counts this many times a word of its paragraph.
SENTENCE_WEIGHT: Final = 2


def not_an_acronym(
    text: str, start: int, end: int, acronyms: Collection[str] | Callable[[], Collection[str]] = ()
) -> str | None:
    """Why the capitals at `[start, end)` are not an acronym, or None if they may be one.

    `acronyms` are the words of the acronyms found: they do not make a line a
    heading. They may be given as a function, called only for a line that might
    be a heading (rare, while the annotator calls this for every first use).
    A hit among them needs one ordinary word beside it; capitals not among them
    are that word beside such a hit, and need two beside them on a line without one
    (see `MIN_HEADING_WORDS`).

    >>> not_an_acronym("# PCSO NUMBERS", 2, 6, {"PCSO"}), not_an_acronym("# PCSO NUMBERS", 7, 14, {"PCSO"})
    ('in a line written in capitals', 'in a line written in capitals')
    >>> not_an_acronym("PCC GM", 0, 3, {"PCC"}), not_an_acronym("QXZ TEAM", 4, 8, {"PCC"})
    (None, None)
    """
    floor = start - MAX_HEADING_CHARS
    line_start = text.rfind("\n", max(0, floor), start) + 1
    # A line that runs on further than a heading could is prose: the common case, settled here.
    if (line_start or floor <= 0) and _in_capitals_line(text, line_start, start, end, acronyms):
        return "in a line written in capitals"
    token = text[start:end]
    if token[0] in ROMAN_LETTERS and ROMAN.fullmatch(token):
        word = WORD_BEFORE.search(text, max(0, start - 20), start)
        if word and word[1].casefold() in NUMBERED_BY:
            return "a Roman numeral"
    if token.upper() in TIMES_AND_UNITS and NUMBER_BEFORE.search(text, max(0, start - 20), start):
        return "a time or unit"
    if (
        text[end + 1 : end + 2].isdigit()
        and POSTCODE_INWARD_AFTER.match(text, end)
        and POSTCODE_OUTWARD.fullmatch(token)
    ):
        return "a postcode"  # (the digit first: nearly every hit has a word after it, and this runs per first use)
    return None


def _in_capitals_line(
    text: str, line_start: int, start: int, end: int, acronyms: Collection[str] | Callable[[], Collection[str]]
) -> bool:
    """True when the line from `line_start` holding `[start, end)` is a heading in capitals."""
    line_end = text.find("\n", end, end + MAX_HEADING_CHARS)
    if line_end == -1:
        if end + MAX_HEADING_CHARS < len(text):
            return False
        line_end = len(text)
    lower = LOWER_RUN.search(text, line_start, line_end)
    if lower is not None and text[lower.start() - 1] != "&":
        return False  # three lower-case letters in a row: an ordinary word not in capitals
    before, after = text[line_start:start], text[end:line_end]
    if lower is not None:
        # Rare: a character reference (`&amp;`) is no word; read the line with each one as its character.
        before, after = unescape(before), unescape(after)
        if LOWER_RUN.search(before) or LOWER_RUN.search(after):
            return False
    others = WORD.findall(before + " " + after)
    known = acronyms() if callable(acronyms) else acronyms
    ordinary = [word for word in others if word not in known]  # acronyms say nothing about the line's case
    fewest = MIN_HEADING_WORDS
    hit = WORD.findall(text, start, end)
    if not all(word in known for word in hit):  # capitals that no glossary knows
        if len(ordinary) < len(others):  # beside acronyms: a word of their heading, if it is one (`# PCSO NUMBERS`)
            ordinary += hit
        else:
            fewest = MIN_HEADING_WORDS_BESIDE_UNKNOWN
    return (
        len(ordinary) >= fewest
        and sum(map(len, ordinary)) >= MIN_HEADING_LETTERS
        and all(word.isupper() for word in ordinary)
    )


def needs_tokens(text: str, match: Match) -> bool:
    """True when a neighbour of the hit might glue it into a longer token (`A-ACC-7`).

    >>> needs_tokens("The SNP[1] met.", Match(4, 7, "SNP")), needs_tokens("The SNP[a] met.", Match(4, 7, "SNP"))
    (False, True)
    >>> needs_tokens("The SNP; PCC", Match(4, 7, "SNP")), needs_tokens("The SNP;PCC", Match(4, 7, "SNP"))
    (False, True)
    >>> needs_tokens("The (SNP", Match(5, 8, "SNP")), needs_tokens("The(SNP", Match(4, 7, "SNP"))
    (False, True)
    """
    before = text[match.start - 1] if match.start else " "
    after = text[match.end] if match.end < len(text) else " "
    if before in INVISIBLE or after in INVISIBLE:
        return _needs_tokens_as_read(text, match)
    if after == "[" and FOOTNOTE_REFERENCE.match(text, match.end):
        after = " "
    elif after in SENTENCE_END_AFTER:
        following = text[match.end + 1] if match.end + 1 < len(text) else " "
        after = " " if not is_word_char(following) and following not in "/-@" else after
    elif after in GLUING_APOSTROPHES and glued_by_apostrophe(text, match):
        return True
    elif after in CLOSING_MARKS and match.end + 1 < len(text) and is_word_char(text[match.end + 1]):
        # Judged alone, `PCC` in `PCC;OPCC` would be expanded while `OPCC` is not; an HTML footnote marker
        # after it would then part them, and the next run would expand `OPCC`.
        return True
    if before in GLUING_APOSTROPHES and glued_by_apostrophe(text, match):
        return True
    if before in OPENING_MARKS and match.start >= 2 and is_word_char(text[match.start - 2]):
        return True  # `ACC(RIPA`: as above, mirrored
    return before not in SAFE_BEFORE or after not in SAFE_AFTER


def amid_prose(text: str, start: int, end: int) -> bool:
    """True when the edges of `[start, end)` show that `not_an_acronym` is None and `needs_tokens` False.

    So it reads in most prose: a lower-case word before it (`PROSE_BEFORE`), a space or
    a comma after it (`PROSE_AFTER`). The annotator asks this first for every first
    use, as a shortcut; False settles nothing. The lower-case letters put the hit
    in no line in capitals and after no number; no digit after the space starts a
    postcode's inward code; left to check is a Roman numeral.

    >>> text = "The board thanked the staff for their work, and the PCC, the PCC's team, Part IV, and the PCC 3."
    >>> [amid_prose(text, match.start(), match.end()) for match in re.finditer("PCC|IV", text)]
    [True, False, False, False]
    """
    return (
        start >= PROSE_BEFORE_CHARS
        and PROSE_BEFORE.match(text, start - PROSE_BEFORE_CHARS) is not None
        and PROSE_AFTER.match(text, end) is not None
        and not (text[start] in ROMAN_LETTERS and ROMAN.fullmatch(text, start, end))
    )


def _needs_tokens_as_read(text: str, match: Match) -> bool:
    """`needs_tokens` for a hit beside invisible characters: on the text around it as it reads, a
    zero-width space as a space and the others left out.

    >>> needs_tokens("The PCSO\u200b met.", Match(4, 8, "PCSO")), needs_tokens("The PCSO\u00adled", Match(4, 8, "PCSO"))
    (False, True)
    """
    piece, start, end = as_read_around(
        text, match, max(0, match.start - _INVISIBLE_REACH), match.end + _INVISIBLE_REACH
    )
    return needs_tokens(piece, match._replace(start=start, end=end))


def as_read_around(text: str, match: Match, low: int, high: int) -> tuple[str, int, int]:
    """`text[low:high]`, holding the hit, as it reads (a zero-width space as a space, the other invisible characters
    left out), and where the hit is in it.

    >>> as_read_around("x\u200bPCSO\u00ad met", Match(2, 6, "PCSO"), 0, 11)
    ('x PCSO met', 2, 6)
    """
    before, after = text[low : match.start].translate(_AS_READ), text[match.end : high].translate(_AS_READ)
    return before + text[match.start : match.end] + after, len(before), len(before) + match.end - match.start


def glued_by_apostrophe(text: str, match: Match) -> bool:
    """True when an apostrophe joins the hit to a word in capitals after it or any word before it (`PCCs’SNP`).

    Decided here rather than by spaCy, which splits `’SNP` once a footnote marker stands
    between (HTML reads the marker as white space), so the next run would judge again.

    >>> glued_by_apostrophe("PCCs’SNP", Match(0, 4, "PCC")), glued_by_apostrophe("PCCs’SNP", Match(5, 8, "SNP"))
    (True, True)
    >>> glued_by_apostrophe("PCCs’ van", Match(0, 4, "PCC")), glued_by_apostrophe("said 'SNP'", Match(6, 9, "SNP"))
    (False, False)
    >>> glued_by_apostrophe("SNP’ll", Match(0, 3, "SNP"))
    False
    """
    start, end = match.start, match.end
    following = text[end + 1 : end + 2]
    if text[end : end + 1] in GLUING_APOSTROPHES and (following.isupper() or following.isdigit()):
        return True  # `PCCs’SNP`; not a contraction, `SNP’ll`, `PCC'd`, which spaCy reads as its own token
    return start >= 2 and text[start - 1] in GLUING_APOSTROPHES and is_word_char(text[start - 2])


def beside_slash(text: str, match: Match) -> bool:
    """True when a `/` touches the hit: it may be part of a reference or rank code (`OPCC/JS/0412`, `T/ACC`)."""
    return text[match.start - 1 : match.start] == "/" or text[match.end : match.end + 1] == "/"


def in_slash_code(text: str, match: Match, known: Callable[[str], bool]) -> bool:
    """True when the hit is joined by slashes to a code: capitals or digits that are no `known` acronym.

    `OPCC/JS/0412` is a reference and `T/ACC` a rank, not uses of OPCC and ACC; `PCC/CC`
    joins two acronyms and `PCCs/politicians` two words. Only pieces within
    `SLASH_CODE_REACH` of the hit count.

    >>> known = {"PCC", "CC", "ACC"}.__contains__
    >>> in_slash_code("T/ACC Moore", Match(2, 5, "ACC"), known), in_slash_code("PCC/CC", Match(0, 3, "PCC"), known)
    (True, False)
    >>> in_slash_code("OPCC/JS/0412.", Match(0, 4, "OPCC"), known)
    True
    >>> in_slash_code("PCC/A&E", Match(0, 3, "PCC"), known), in_slash_code("A&E/PCC", Match(4, 7, "PCC"), known)
    (False, False)
    """
    low, high = max(0, match.start - SLASH_CODE_REACH), min(len(text), match.end + SLASH_CODE_REACH)
    at = match.start
    while at > low and text[at - 1] == "/":  # the pieces before the hit, right to left
        start = at - 1
        while start > low and (text[start - 1].isalnum() or text[start - 1] in ACRONYM_JOINERS):
            start -= 1
        if _is_code(text[start : at - 1], known):
            return True
        at = start
    at = match.end
    while at < high and text[at] == "/":  # and after it
        end = at + 1
        while end < high and (text[end].isalnum() or text[end] in ACRONYM_JOINERS):
            end += 1
        if _is_code(text[at + 1 : end], known):
            return True
        at = end
    return False


def _is_code(piece: str, known: Callable[[str], bool]) -> bool:
    """Capitals and digits (`JS`, `0412`, `T`) that are not an acronym of their own."""
    return bool(piece) and all(char.isupper() or char.isdigit() for char in piece) and not known(piece)


def beside_reference(text: str, match: Match) -> bool:
    """True when a character reference may touch the hit, or hold it (a cheap test of its neighbours)."""
    return text[match.start - 1 : match.start] in REFERENCE_EDGES or text[match.end : match.end + 1] in REFERENCE_EDGES


def reference_name(text: str, match: Match) -> bool:
    """True when the hit is the name of a named character reference (`GT` in `&GT;`), not an acronym.

    >>> reference_name("5 &GT; 4", Match(3, 5, "GT")), reference_name("5 &GTX; 4", Match(3, 5, "GT"))
    (True, False)
    """
    return (
        text[match.start - 1 : match.start] == "&"
        and text[match.end : match.end + 1] == ";"
        and text[match.start : match.end + 1] in REFERENCE_NAMES
    )


def references_read(text: str, match: Match) -> tuple[str, Match] | None:
    """The run of non-space characters holding the hit, its character references read; None if none is beside it.

    Each reference in the run counts as the character it stands for (`html.unescape`),
    so a tokenizer sees `SNP’s` where the text has `SNP&rsquo;s`; the hit comes
    back with offsets into the run as read.

    >>> references_read("The SNP&rsquo;s report", Match(4, 7, "SNP"))
    ('SNP’s', Match(start=0, end=3, acronym='SNP', form=<Form.BASE: 'base'>))
    >>> references_read("The SNP&bogus;s report", Match(4, 7, "SNP")) is None
    True
    """
    start, end = _whitespace_token(text, match.start, match.end)
    before = REFERENCE_BEFORE.search(text, max(start, match.start - REFERENCE_REACH), match.start)
    after = REFERENCE.match(text, match.end, end)
    if not (before and stands_for_a_character(before[0]) or after and stands_for_a_character(after[0])):
        return None
    head = unescape(text[start : match.start])
    piece = head + text[match.start : match.end] + unescape(text[match.end : end])
    return piece, match._replace(start=len(head), end=len(head) + match.end - match.start)


def beside_escape(text: str, match: Match) -> bool:
    """True when a Markdown backslash escape may touch the hit (a cheap test of its neighbours)."""
    return text[match.end : match.end + 1] == "\\" or text[match.start - 2 : match.start - 1] == "\\"


def escapes_read(text: str, match: Match) -> tuple[str, Match]:
    """The run of non-space characters holding the hit, its Markdown backslash escapes read as the characters
    they escape, and the hit with offsets into the run as read; a backslash at the end of a line (a hard line
    break, as pandoc writes Word's Shift+Enter) is read as none.

    >>> escapes_read('the \\\\"SNP\\\\" met', Match(6, 9, "SNP"))
    ('"SNP"', Match(start=1, end=4, acronym='SNP', form=<Form.BASE: 'base'>))
    >>> escapes_read('the SNP\\\\\\nmet', Match(4, 7, "SNP"))[0]
    'SNP'
    """
    start, end = _whitespace_token(text, match.start, match.end)
    if text[end - 1 : end] == "\\" and text[end : end + 1] in ("\n", "\r"):
        end -= 1
    head = MARKDOWN_ESCAPE.sub(r"\1", text[start : match.start])
    piece = head + text[match.start : match.end] + MARKDOWN_ESCAPE.sub(r"\1", text[match.end : end])
    return piece, match._replace(start=len(head), end=len(head) + match.end - match.start)


def endings_read(text: str, matches: list[Match], *, references: bool, markup: bool, markdown: bool) -> list[Match]:
    """`matches`, with each acronym whose plural or possessive ending a reference or closing markup hides made that form.

    `SNP&rsquo;s` (or `&#8217;s`, `&apos;s`, ...) is read as `SNP’s` is (with `references`);
    `<b>PCSO</b>s` and `<i>SNP</i>&#8217;s` as if the closing tags were not there (with
    `markup`; in Markdown also `**PCSO**s`, `**PCC**'s`). The match then runs to the end
    of the ending; the markup stays where it is. The text is searched once for each kind:
    a hit pays nothing unless such a reference or markup follows it.

    >>> text = "The SNP&rsquo;s van, SNP&ldquo;s and SNP&#39;s."
    >>> hits = [Match(at, at + 3, "SNP") for at in (4, 21, 37)]
    >>> [text[m.start : m.end] for m in endings_read(text, hits, references=True, markup=False, markdown=False)]
    ['SNP&rsquo;s', 'SNP', 'SNP&#39;s']
    >>> text = "The <b>SNP</b>s and <i>SNP</i>&#8217;s; <b>SNP</b>sx."
    >>> hits = [Match(at, at + 3, "SNP") for at in (7, 23, 43)]
    >>> [(text[m.start : m.end], m.form.value) for m in endings_read(text, hits, references=True, markup=True,
    ...     markdown=False)]
    [('SNP</b>s', 'plural'), ('SNP</i>&#8217;s', 'possessive'), ('SNP', 'base')]
    """
    found = [(reference.start(), False) for reference in REFERENCE_S.finditer(text)] if references else []
    if markdown and "\\'" in text:  # `PCC\\'s`, as pandoc writes a straight apostrophe
        found += [(escape.start(), False) for escape in ESCAPED_APOSTROPHE_S.finditer(text)]
    if markup:
        patterns = (SPLIT_AFTER_TAG, *SPLIT_AFTER_EMPHASIS) if markdown else (SPLIT_AFTER_TAG,)
        found += [(closer.start() + 1, True) for pattern in patterns for closer in pattern.finditer(text)]
    copied = False
    for at, after_markup in sorted(found):
        ending = ENDING.match(text, at)
        if ending is None or (ending.end() < len(text) and _word_char_but_underscore(text[ending.end()])):
            continue
        apostrophe = ending["apostrophe"]
        if apostrophe is not None and unescape(apostrophe.removeprefix("\\")) not in APOSTROPHES:
            continue
        hit_end = _closing_markup_start(text, at) if after_markup else at
        index = bisect.bisect_left(matches, hit_end, key=_end)  # the matches do not overlap: sorted by end too
        if index == len(matches) or matches[index].end != hit_end or matches[index].form is not Form.BASE:
            continue
        if not copied:
            matches, copied = list(matches), True
        form = Form.PLURAL if apostrophe is None else Form.POSSESSIVE
        matches[index] = matches[index]._replace(end=ending.end(), form=form)
    return matches


def glued_by_markup(text: str, match: Match) -> bool:
    """True when inline tags join the hit to letters on either side, so that it is part of a longer word in HTML.

    A plural or possessive ending that closing tags split from the hit (`<b>PCSO</b>s`, see
    `endings_read`) makes no longer word.

    >>> [glued_by_markup(text, Match(at, at + 2, "PC")) for text, at in
    ...     [("<b>PC</b>SO", 3), ("P<span>PC</span>", 7), ("<b>PC</b> SO", 3), ("<td>PC</td><td>SO", 4),
    ...      ("<b>PC</b>s met", 3), ("<b>PC</b>sx", 3)]]
    [True, True, False, False, False, True]
    """
    start, end = match.start, match.end
    if text[end : end + 1] == "<":
        after = GLUE_AFTER.match(text, end)
        if after is not None and text[after.end() : after.end() + 1].isalpha():
            ending = ENDING.match(text, after.end())
            closing = "<" not in text[end : after.end()].replace("</", "")
            if not (closing and ending and not text[ending.end() : ending.end() + 1].isalpha()):
                return True
    if text[start - 1 : start] == ">":
        before = GLUE_BEFORE.search(text, max(0, start - MAX_GLUE), start)
        if before is not None and text[before.start() - 1 : before.start()].isalpha():
            return True
    return False


def _closing_markup_start(text: str, end: int) -> int:
    """Where the closing tags, or the run of `*` or `_`, that end at `end` start."""
    start = end
    if text[end - 1] == ">":
        while start and text[start - 1] == ">":
            opening = text.rfind("<", max(0, start - MAX_CLOSING_TAG), start)
            if opening == -1 or CLOSING_TAG.fullmatch(text, opening, start) is None:
                break
            start = opening
        return start
    while start and end - start < MAX_EMPHASIS_RUN and text[start - 1] == text[end - 1]:
        start -= 1
    return start


def _end(match: Match) -> int:
    return match.end


def _word_char_but_underscore(char: str) -> bool:
    """A word character other than `_`, which may close Markdown emphasis after a possessive (`_SNP&rsquo;s_`)."""
    return char != "_" and is_word_char(char)


def stands_for_a_character(reference: str) -> bool:
    """True for a numeric reference and for a named one that HTML defines (`&bogus;` is just text)."""
    return reference[1] == "#" or reference[1:] in REFERENCE_NAMES


@functools.cache
def load_pipeline(model: str | None = None) -> Language:
    """The spaCy pipeline: `spacy.blank("en")` with a sentencizer, or the named trained one."""
    import spacy

    try:
        nlp = spacy.blank("en") if model is None else spacy.load(model)
    except OSError:
        raise UsageError(
            f"cannot load the spaCy pipeline {model!r}; install it as a package (`python -m spacy download "
            f"{model}` for spaCy's own), give the path of a saved "
            "pipeline, or leave out --spacy-model to use spaCy's blank English"
        ) from None
    if not (nlp.has_pipe("parser") or nlp.has_pipe("senter") or nlp.has_pipe("sentencizer")):
        nlp.add_pipe("sentencizer")
    return nlp


class Window:
    """A piece of the text that spaCy has read, and where it starts.

    A plain class, not a dataclass: compiled by mypyc, a dataclass looks its
    field types up when the module loads, and `Doc` is imported only for type checking.
    """

    def __init__(self, offset: int, doc: Doc) -> None:
        self.offset = offset
        self.doc = doc
        self._has_sentences: bool | None = None  # asked on the first sentence wanted

    def aligned(self, match: Match) -> bool:
        """True when the hit starts and ends on token boundaries."""
        return self.doc.char_span(match.start - self.offset, match.end - self.offset) is not None

    def sentence(self, match: Match) -> tuple[int, int]:
        """The bounds, in the whole text, of the sentence holding the hit.

        A pipeline without a sentencizer, parser or senter sets no sentences:
        then the sentence is found from its punctuation (`_sentence_bounds`).
        A sentence the pipeline set ends at a blank line, as that one does:
        spaCy's sentencizer would run an agenda item without a full stop on
        into the next paragraph.
        """
        if self._has_sentences is None:
            self._has_sentences = self.doc.has_annotation("SENT_START")
        if not self._has_sentences:
            start, end = _sentence_bounds(self.doc.text, match.start - self.offset, match.end - self.offset)
            return self.offset + start, self.offset + end
        span = self.doc.char_span(match.start - self.offset, match.end - self.offset, alignment_mode="expand")
        if span is None:
            return match.start, match.end
        sentence = span.sent
        start, end = _within_paragraph(
            self.doc.text, span.start_char, span.end_char, sentence.start_char, sentence.end_char
        )
        return self.offset + start, self.offset + end

    def lemmas(self, start: int, end: int, excluded: Callable[[int], bool]) -> frozenset[str]:
        """Lemmas set by a trained pipeline for the tokens in `[start, end)`, less excluded ones."""
        span = self.doc.char_span(start - self.offset, end - self.offset, alignment_mode="expand")
        if span is None:
            return frozenset()
        return frozenset(
            token.lemma_.casefold()
            for token in span
            if token.is_alpha and token.lemma_ and not excluded(self.offset + token.idx)
        )


class SpacyContext:
    """spaCy's reading of a text, done piecemeal and only where a hit asks for it.

    Token boundaries come from spaCy's tokenizer run on the white-space
    delimited piece of text holding the hit: the tokenizer splits on white
    space first, so this gives the tokens a whole-text run would. Sentences
    and lemmas come from running the pipeline on a window around the hit when
    a trained pipeline is named or `full` is asked for; with spaCy's blank
    English the sentencizer only splits at sentence punctuation, which
    `SENTENCE_END` finds without building a Doc. A `doc` given by a pipeline
    is used as it is.
    """

    def __init__(self, text: str, model: str | None = None, doc: Doc | None = None, *, full: bool = False) -> None:
        self.text = text
        self.model = model
        self.full = full
        self._windows: dict[tuple[int, int], Window] = {}
        self._whole = Window(0, doc) if doc is not None else None

    def aligned(self, match: Match) -> bool:
        """True when spaCy's tokens start and end where the hit does.

        A footnote reference right after the hit (`SNP[1]`) ends the piece the tokenizer reads.
        """
        noted = self.text[match.end : match.end + 1] == "[" and FOOTNOTE_REFERENCE.match(self.text, match.end)
        if self._whole is not None and not noted:
            return self._whole.aligned(match)
        start, end = _whitespace_token(self.text, match.start, match.end)
        if noted:
            end = match.end
        return self.aligned_in(*as_read_around(self.text, match, start, end))  # as `needs_tokens` reads it

    def aligned_in(self, piece: str, start: int, end: int) -> bool:
        """True when spaCy's tokens of `piece` start and end at `[start, end)`."""
        return load_pipeline(self.model).tokenizer(piece).char_span(start, end) is not None

    @property
    def by_punctuation(self) -> bool:
        """True when sentences are found by their punctuation (`_sentence_bounds`), not by a pipeline."""
        return self._whole is None and self.model is None and not self.full

    def sentence(self, match: Match) -> tuple[int, int]:
        """The bounds of the sentence holding the hit."""
        if not self.by_punctuation:
            return self.window(match).sentence(match)
        return _sentence_bounds(self.text, match.start, match.end)

    def lemmas(self, start: int, end: int, excluded: Callable[[int], bool]) -> frozenset[str]:
        """Lemmas of `[start, end)` from a trained pipeline; none from the blank one."""
        if self._whole is None and self.model is None:
            return frozenset()
        return self.window(Match(start, end, "")).lemmas(start, end, excluded)

    def window(self, match: Match) -> Window:
        """spaCy's reading of the text around the hit."""
        if self._whole is not None:
            return self._whole
        bounds = self._bounds(match)
        if bounds not in self._windows:
            start, end = bounds
            self._windows[bounds] = Window(start, load_pipeline(self.model)(self.text[start:end]))
        return self._windows[bounds]

    def _bounds(self, match: Match) -> tuple[int, int]:
        """The chunk holding the hit, with its margins, cut at white space."""
        chunk = match.start // CHUNK_CHARS
        start = _cut(self.text, chunk * CHUNK_CHARS - MARGIN_CHARS, backwards=True)
        end = _cut(self.text, (chunk + 1) * CHUNK_CHARS + MARGIN_CHARS, backwards=False)
        return start, max(end, match.end)


def _whitespace_token(text: str, start: int, end: int) -> tuple[int, int]:
    """The run of non-space characters holding `[start, end)`, at most `CUT_SEARCH_CHARS` either side."""
    low = max(0, start - CUT_SEARCH_CHARS)
    while start > low and not text[start - 1].isspace():
        start -= 1
    high = min(len(text), end + CUT_SEARCH_CHARS)
    while end < high and not text[end].isspace():
        end += 1
    return start, end


def _sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence holding `[start, end)`: from after the last sentence end before it to the next one.

    >>> text = "The CC spoke. Thieves took the CC! Then nothing."
    >>> start, end = _sentence_bounds(text, 31, 33)
    >>> text[start:end]
    'Thieves took the CC!'
    """
    low = max(0, start - SENTENCE_SEARCH_CHARS)
    ends = [found.end() for found in SENTENCE_END.finditer(text, max(low, start - SENTENCE_NEAR_CHARS), start)]
    if not ends:  # most sentences are shorter: the wider search is only for a long one
        ends = [found.end() for found in SENTENCE_END.finditer(text, low, start)]
    begin = ends[-1] if ends else low
    if not ends:  # a sentence longer than the search: cut at a word's edge, not inside a word
        while 0 < begin < start and not text[begin - 1].isspace():
            begin += 1
    while begin < start and text[begin].isspace():
        begin += 1
    after = SENTENCE_END.search(text, end, end + SENTENCE_SEARCH_CHARS)
    if after:
        return begin, after.start() + len(after.group().rstrip())
    finish = min(len(text), end + SENTENCE_SEARCH_CHARS)
    while end < finish < len(text) and not text[finish].isspace() and not text[finish - 1].isspace():
        finish -= 1  # as at the start
    return begin, finish


def _within_paragraph(text: str, start: int, end: int, low: int, high: int) -> tuple[int, int]:
    """`[low, high)`, a sentence holding `[start, end)`, cut to the paragraph holding it.

    >>> text = "Item 4: the CC\\n\\nItem 5: metal theft."
    >>> text[slice(*_within_paragraph(text, 12, 14, 0, len(text)))]
    'Item 4: the CC'
    """
    breaks = [found.end() for found in PARAGRAPH_BREAK.finditer(text, low, start)]
    after = PARAGRAPH_BREAK.search(text, end, high)
    return (breaks[-1] if breaks else low), (after.start() if after else high)


def _cut(text: str, position: int, *, backwards: bool) -> int:
    """Move `position` to white space within `CUT_SEARCH_CHARS`, away from the hit."""
    if position <= 0 or position >= len(text):
        return max(0, min(position, len(text)))
    if backwards:
        low = position - CUT_SEARCH_CHARS
        found = max(text.rfind(" ", low, position), text.rfind("\n", low, position))
        return found + 1 if found >= 0 else position
    high = position + CUT_SEARCH_CHARS
    found_at = [index for index in (text.find(" ", position, high), text.find("\n", position, high)) if index >= 0]
    return min(found_at, default=position)
