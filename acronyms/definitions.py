"""Find acronyms defined in the text itself: `Long Form (LF)`, `LF (Long Form)`, `LF – Long Form –`, implicit.

A Schwartz–Hearst style extractor (Schwartz and Hearst, "A simple algorithm for
identifying abbreviation definitions in biomedical text", PSB 2003) with
refinements in the spirit of Ab3P (Sohn et al., BMC Bioinformatics 2008).
Compiled regular expressions find the brackets and the places a long form
cannot reach back across, once for the whole text; for each bracket the
letters and digits of the short form are aligned right to left with the words
before it (or inside it, for `LF (Long Form)`), preferring the alignment whose
letters begin the most words. Offsets are half-open `[start, end)` into the
original text, whatever characters precede them.

On the MED1250 gold standard (`benchmarks/ab3p_accuracy.py`) this scores
above Ab3P on both precision and recall.

>>> [(d.acronym, d.expansion) for d in find_inline_definitions(
...     "Matthew Ellis (ME): Chair. Police Community Support Officers (PCSOs)")]
[('ME', 'Matthew Ellis'), ('PCSO', 'Police Community Support Officers')]
"""

from __future__ import annotations

import bisect
import enum
import functools
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from fractions import Fraction
from typing import Final

from .glossary import Entry, ends_as_plural, regular_plural
from .matcher import APOSTROPHES
from .positions import PARAGRAPH_BREAK, finds


class DefinitionKind(enum.Enum):
    """Where a definition comes from."""

    INLINE = "inline"
    IMPLICIT = "implicit"
    GLOSSARY_SECTION = "glossary-section"
    FOOTNOTE = "footnote"  # a note that the footnote style of annotation wrote


@dataclass(frozen=True)
class Definition:
    """A short form and its long form, both located in the original text.

    `acronym` is the short form as written, or its singular for a plural
    (`PCSOs` gives `PCSO`); `short_text` is always `text[short_start:short_end]`
    and `expansion` always `text[long_start:long_end]`.
    """

    acronym: str
    expansion: str
    kind: DefinitionKind
    short_start: int
    short_end: int
    long_start: int
    long_end: int
    short_text: str
    confidence: float


# Short forms are 2-10 characters long (Schwartz and Hearst): a single
# character is too ambiguous, anything longer is nearly always a phrase.
MIN_SHORT_CHARS: Final = 2
MAX_SHORT_CHARS: Final = 10
# At most two words ("MEF cells", "gamma IFN"); three or more make a phrase.
MAX_SHORT_WORDS: Final = 2
# Schwartz and Hearst: the long form has at most min(|SF| + 5, |SF| * 2) words.
EXTRA_LONG_WORDS: Final = 5
LONG_WORDS_FACTOR: Final = 2
# How far back to look for the long form, and how much a bracket may hold:
# ten words of chemistry fit easily, and an unclosed bracket costs little.
MAX_WINDOW_CHARS: Final = 300
MAX_BRACKET_CHARS: Final = MAX_WINDOW_CHARS
# `SF (Long Form)`: the long form may begin after one leading word ("the").
MAX_SKIPPED_INNER_WORDS: Final = 1
# Running-text abbreviations that brackets often hold but that define nothing.
NOT_SHORT_FORMS: Final = frozenset({"e.g.", "i.e.", "cf.", "etc.", "viz.", "vs.", "et al."})
# Small words a long form may hold without lending a letter to the short form
# ("Theft of Motor Vehicle", "Police and Crime Commissioner").
FUNCTION_WORDS: Final = frozenset(
    {"a", "an", "and", "as", "at", "by", "for", "from", "in", "of", "on", "or", "the", "to", "with"}
)

# Refinements that turn away alignments plain Schwartz–Hearst accepts; each
# was checked on the MED1250 benchmark to remove more errors than it costs.
#
# A short form written like an ordinary word ("Chair", "apathy", "that is")
# is a word, not an abbreviation, unless each of its letters begins a word of
# the long form. Below five characters lower-case abbreviations are common
# (Epo, Ang, cdks) and are aligned like any other.
WORDLIKE_MIN_CHARS: Final = 5
# A long form with more words than the short form has letters is a sprawling
# clause ("in rats that were anesthetized with ... (i.p.)") unless more than
# two thirds of the letters begin words.
SPRAWL_MIN_INITIALS: Final = Fraction(2, 3)
# Two capitals are too little evidence for a phrase unless both begin its
# words: not "our cohort (OR)", "contrast medium (CT)"; but a single word
# such as "postinfection (PI)" may hide its letters inside it.
SHORT_CAPITALS: Final = 2
# A long form begins with a content word or an article, never with a
# preposition or conjunction ("of hydroxyl radicals (OH)").
CONNECTIVES: Final = FUNCTION_WORDS - {"a", "an", "the"}
# A hyphenated prefix of this many letters or more is a word of its own, left
# out when the short form starts after it (`anti-human immunodeficiency virus
# (HIV)`); shorter ones are part of a name (`L-arginine`, `N-acetyl`). So is
# a word before a slash (`Ngn3/paired box factor 6 (Pax6)`).
MIN_DETACHED_PREFIX: Final = 3

INLINE_CONFIDENCE: Final = 1.0
# An implicit definition is a guess: the phrase might spell the letters by
# chance, and two letters are spelt by chance far more often than three.
IMPLICIT_CONFIDENCE: Final = 0.6
SHORT_IMPLICIT_CONFIDENCE: Final = 0.3

# Brackets: innermost `(...)`, innermost `[...]`, and `(...)` holding one
# nested pair (`V(T)`); separate patterns, so that none hides another.
_BRACKET_RES: Final = (
    re.compile(rf"\([^()]{{0,{MAX_BRACKET_CHARS}}}\)"),
    re.compile(rf"\[[^\[\]]{{0,{MAX_BRACKET_CHARS}}}\]"),
    re.compile(rf"\([^()]{{0,{MAX_BRACKET_CHARS}}}\([^()]{{0,{MAX_BRACKET_CHARS}}}\)[^()]{{0,{MAX_BRACKET_CHARS}}}\)"),
)
# Where a long form cannot reach back across: a bracket, a clause or sentence
# end, a tab, a table bar, an HTML tag edge, a blank line. But brackets inside
# a word, glued to a letter or digit before or to a word after
# (`benz(a)anthracene`, `E(2)`, `(-)-[125I]-cyanopindolol`, `N-(1-naphthyl)`),
# belong to it. The pattern starts with one character class, the first characters of
# all branches, so that the regex engine skips to the candidates at memchr-like speed
# (it does so only for a leading class); a lookbehind then picks each branch by
# that character, in the order the branches are tried.
_TIGHT: Final = r"[^()\[\]\s]*[)\]]"
_BOUNDARY_RE: Final = re.compile(
    r"[()\[\]{};\t|<>:.!?\n]"
    rf"(?:(?<=[(\[])(?P<inword>(?<=[^\W_][(\[]){_TIGHT}|(?<=-[(\[]){_TIGHT}(?=\s)|{_TIGHT}(?=[^\W_]|-))"
    r"|(?<=[()\[\]{};\t|<>])"
    r"|(?<=:)(?!\d)"
    r"|(?<=[.!?])(?<=[^\W\d_]{2}[.!?])(?=\s+[^\s(\[])"
    r"|(?<=\n)[^\S\n]*\n)"
)
_WORD_RE: Final = re.compile(r"\S+")
_ALNUM_RUN_RE: Final = re.compile(r"[^\W_]+")
# `(SF; ...)`, `(SF, see ...)`: the short form is what comes first.
_CUT_RE: Final = re.compile(r";|,\s")
# Numbered items and compounds, not abbreviations: "(2b)", "(12a)".
_LABEL_RE: Final = re.compile(r"\d+[a-z]")
_DASHES: Final = "-\u2013\u2014"
_DETACHED_PREFIX_RE: Final = re.compile(rf"[^\W\d_]{{{MIN_DETACHED_PREFIX},}}[{_DASHES}]+|[^\W_]+/")
_QUOTES: Final = "\"'\u2018\u2019\u201c\u201d\u00ab\u00bb"
_LEADING_JUNK: Final = _QUOTES + _DASHES + "/*"
# Words that give the long form before a bracket a short name: `(also known as the PCC)`, `(otherwise known as
# the PCC)`, `(referred to as the PCC)`, `(also called the PCC)`, `(hereafter "CSP")`, `(henceforth the PCC)`,
# `(hereinafter referred to as "the PCC")`. The first word may have a capital: `(Also known as the PCC)`.
_NAMING: Final = (
    r"(?:[Aa]lso|[Oo]therwise|[Cc]ommonly)\s+(?:(?:known|referred\s+to)\s+as|called)"
    r"|(?:[Kk]nown|[Rr]eferred\s+to)\s+as|[Cc]alled"
    r"|(?:[Hh]ere(?:in)?after|[Hh]enceforth)(?:\s+(?:(?:known|referred\s+to)\s+as|called))?"
)
# What drafting writes in a bracket before the short form it defines, `Long Form (the "SF")`: naming words,
# then perhaps a comma or colon (`(hereinafter, the SF)`) and an article (`(known as the "SF")`); an article
# (`(The "SF")`); or a quoted name it also goes by (`("the Panel" or "SF")`). The lookahead holds the first
# characters of the branches, a letter that may begin one and a small letter after it, or a quote: most
# brackets fail it at once (an acronym's second letter is a capital), without trying the branches one by one
# (it keeps `lead_in_ends` as fast as when there were three).
_LEAD_IN: Final = (
    rf"\s*(?=[aAcChHkKoOrRtT][a-z]|[{_QUOTES}])"
    rf"(?:(?:{_NAMING})[,:]?\s+[\s{_QUOTES}]*(?:the\s+[\s{_QUOTES}]*)?"
    rf"|[Tt]he\s+[\s{_QUOTES}]*"
    rf"|[{_QUOTES}][^{_QUOTES}()\[\]]+[{_QUOTES}]\s+or\s+[\s{_QUOTES}]*)"
)
_LEAD_IN_RE: Final = re.compile(_LEAD_IN)  # from just inside the bracket
# A phrase for an implicit definition: words joined by any Unicode space (at
# most one line break: a wrapped line), optionally with small words between.
_WORD_CHAR: Final = r"[\w'\u2019-]"  # a word runs on over apostrophes and hyphens
_PHRASE_WORD_TAIL: Final = rf"{_WORD_CHAR}*"
_PHRASE_SPACE: Final = r"(?:[^\S\n]+|[^\S\n]*\n[^\S\n]*)"
_SMALL_WORDS: Final = "|".join(sorted(FUNCTION_WORDS | {"&"}, key=len, reverse=True))


def align(short: str, long: str) -> int | None:
    """Schwartz–Hearst right-to-left alignment: index in `long` where the long form starts, or None.

    Every letter and digit of `short` must be found, case-insensitively and in
    order, in `long`, matching from the right; the first one must also begin a
    word of `long`. The result is the start of that word.

    >>> align("SNP", "the Safer Neighbourhood Panels")
    4
    >>> align("TCC", "our Chief Constable") is None
    True
    """
    s = len(short) - 1
    pos = len(long) - 1
    while s >= 0:
        char = short[s].lower()
        if not char.isalnum():
            s -= 1
            continue
        while pos >= 0 and (long[pos].lower() != char or (s == 0 and pos > 0 and long[pos - 1].isalnum())):
            pos -= 1
        if pos < 0:
            return None
        pos -= 1
        s -= 1
    return _token_start(long, 0, pos + 1)


# --- Choosing the best alignment -------------------------------------------


@dataclass(frozen=True)
class _Alignment:
    """Where each letter or digit of a short form sits in a candidate long form."""

    positions: tuple[int, ...]
    initials: int  # how many of them begin a word

    @property
    def start(self) -> int:
        return self.positions[0]


def _begins_word(text: str, index: int) -> bool:
    """True at a word start: after a non-alphanumeric, or a capital after lower case (`NaCl`)."""
    if index == 0 or not text[index - 1].isalnum():
        return True
    return text[index].isupper() and text[index - 1].islower()


def _places(chars: str, long: str) -> dict[str, list[int]]:
    """For each character of `chars`, the indices `p`, ascending, where `long[p].lower()` is that character.

    Characters are lowered one by one, as `_begins_word` and `align` see them. A
    whole-string `lower` is the same but where a character lowers to several (`İ`)
    or by its context, which Unicode does only for a final capital sigma.
    """
    folded = long.lower()
    if len(folded) != len(long) or "\u03a3" in long:  # compare them one by one
        each = [char.lower() for char in long]
        return {char: [p for p, lowered in enumerate(each) if lowered == char] for char in set(chars)}
    places = {}
    for char in set(chars):
        found = []
        at = folded.find(char)
        while at != -1:
            found.append(at)
            at = folded.find(char, at + 1)
        places[char] = found
    return places


def _initials_tables(chars: str, long: str, places: dict[str, list[int]]) -> list[list[int]]:
    """Dynamic programme: `tables[i][p]` is the most word starts `chars[i + 1:]` can hit from `long[p]` on.

    Impossible suffixes score below `-len(chars)`. Ties keep the later position,
    so tracing back gives the rightmost of equally good alignments. A table
    changes value only where its character is (`places`), so it is filled run by run.
    """
    impossible = -len(chars) - 1
    size = len(long) + 1
    following = [0] * size
    tables = [following]
    for char in reversed(chars[1:]):
        table = [impossible] * size
        best, upper = impossible, size  # what table[index + 1 : upper] holds
        for index in reversed(places[char]):
            table[index + 1 : upper] = [best] * (upper - index - 1)
            if following[index + 1] > impossible:
                best = max(best, _begins_word(long, index) + following[index + 1])
            upper = index + 1
        table[:upper] = [best] * upper
        tables.append(table)
        following = table
    tables.reverse()
    return tables


def _alignments(chars: str, long: str) -> Iterator[tuple[tuple[int, ...], int]]:
    """For each possible start, right to left, the alignment of `chars` that begins most words.

    `chars` are the short form's letters and digits, lower case; the first must
    begin a word (after a non-alphanumeric), as in Schwartz–Hearst. Each is
    `(positions, initials)`, the fields of an `_Alignment`.
    """
    places = _places(chars, long)
    tables = _initials_tables(chars, long, places)
    impossible = -len(chars) - 1
    for start in reversed(places[chars[0]]):
        if (start > 0 and long[start - 1].isalnum()) or tables[0][start + 1] <= impossible:
            continue
        positions = [start]
        for table, char in zip(tables[:-1], chars[1:]):
            # The first place at or after the previous letter where the table drops.
            found = places[char]
            at = bisect.bisect_right(found, positions[-1])
            while table[found[at]] == table[found[at] + 1]:
                at += 1
            positions.append(found[at])
        yield tuple(positions), 1 + tables[0][start + 1]


def _unmatched_words(long: str, positions: tuple[int, ...]) -> int:
    """Words of the long form that lend no letter to the short form; small words and numbers aside."""
    count = 0
    for match in _ALNUM_RUN_RE.finditer(long, positions[0]):
        word = match.group()
        if word.lower() in FUNCTION_WORDS or word.isdigit():
            continue
        first = bisect.bisect_left(positions, match.start())  # positions ascend
        if first == len(positions) or positions[first] >= match.end():
            count += 1
    return count


def _starts_with_connective(long: str, start: int) -> bool:
    match = _ALNUM_RUN_RE.match(long, start)
    return match is not None and match.end() < len(long) and match.group().lower() in CONNECTIVES


def _best_alignment(chars: str, long: str) -> _Alignment | None:
    """The alignment whose letters begin most words, less the words it leaves out; the shortest of equals.

    No long form starts with a connective: `of the Police ...` is never chosen
    over `Office of the Police ...`.
    """
    best: tuple[tuple[int, ...], int] | None = None
    best_score = 0
    for positions, initials in _alignments(chars, long):
        if _starts_with_connective(long, positions[0]):
            continue
        score = initials - _unmatched_words(long, positions)
        if best is None or score > best_score:
            best, best_score = (positions, initials), score
    return None if best is None else _Alignment(*best)


# --- What may be a short form ------------------------------------------------


def _short_chars(short: str) -> str:
    return "".join(char.lower() for char in short if char.isalnum())


def _plural_base(short: str) -> str:
    """`PCSOs` -> `PCSO`: a lower-case `s` after a capital or digit is a plural.

    >>> _plural_base("PCSOs"), _plural_base("Ras")
    ('PCSO', 'Ras')
    """
    if len(short) > MIN_SHORT_CHARS and short.endswith("s") and (short[-2].isupper() or short[-2].isdigit()):
        return short[:-1]
    return short


def _names_someone(short: str) -> bool:
    """A title and a surname (`TCC Baker`, `DCI Smith`): a capitalised word after the first.

    >>> _names_someone("TCC Baker"), _names_someone("MEF cells"), _names_someone("H. pylori")
    (True, False, False)
    """
    return any(len(word) > 1 and word.isalpha() and word.istitle() for word in short.split()[1:])


def _is_short_form(short: str) -> bool:
    """Schwartz–Hearst shape: 2-10 characters, a letter, an alphanumeric first, at most two words."""
    return (
        MIN_SHORT_CHARS <= len(short) <= MAX_SHORT_CHARS
        and short[0].isalnum()
        and any(char.isalpha() for char in short)
        and len(short.split()) <= MAX_SHORT_WORDS
        and short.lower() not in NOT_SHORT_FORMS
        and not _LABEL_RE.fullmatch(short)
        and not _names_someone(short)
    )


def _is_acronym_like(short: str) -> bool:
    """For `SF (Long Form)`, where nothing else marks the word: two capitals, or a capital and a digit."""
    capitals = sum(char.isupper() for char in short)
    return capitals >= 2 or (capitals >= 1 and any(char.isdigit() for char in short))


def _is_lone_acronym(short: str) -> bool:
    """One word written as an acronym (`CSP`, `PCSOs`), as a short form after a lead-in must be."""
    return bool(short) and not any(char.isspace() for char in short) and _is_acronym_like(short)


def _is_wordlike(short: str) -> bool:
    """Written like an ordinary word or phrase: `Chair`, `apathy`, `that is`.

    Letters only with at most an initial capital, or lower-case words.
    Hyphens, stops, digits and inner capitals (`C-group`, `H. pylori`) mark an
    abbreviation.
    """
    if short.isalpha():
        return short[1:].islower()
    return all(word.isalpha() and word.islower() for word in short.split())


def _contains_word(text: str, word: str) -> bool:
    """True if `word` occurs in `text` with no letter or digit either side.

    >>> _contains_word("GM1 ganglioside", "GM1"), _contains_word("D-Galactosamine", "D-Gal")
    (True, False)
    """
    start = text.find(word)
    while start >= 0:
        end = start + len(word)
        if (start == 0 or not text[start - 1].isalnum()) and (end == len(text) or not text[end].isalnum()):
            return True
        start = text.find(word, start + 1)
    return False


def _acceptable(short: str, long: str, alignment: _Alignment) -> bool:
    """Whether the refinements let an alignment of `short` within `long` stand."""
    letters = len(alignment.positions)
    phrase = long[alignment.start :]
    words = phrase.split()
    if _is_wordlike(short) and len(short) >= WORDLIKE_MIN_CHARS and alignment.initials < letters:
        return False
    if len(words) > letters and alignment.initials <= SPRAWL_MIN_INITIALS * letters:
        return False
    if len(short) == SHORT_CAPITALS and short.isupper() and len(words) > 1 and alignment.initials < letters:
        return False
    return not _contains_word(phrase.casefold(), short.casefold())  # "P450 (P450)" defines nothing


# --- Locating the long form --------------------------------------------------


def _strip_span(text: str, start: int, end: int, chars: str) -> tuple[int, int]:
    """Narrow `[start, end)` past white space and `chars` at both ends."""
    while start < end and (text[start].isspace() or text[start] in chars):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in chars):
        end -= 1
    return start, end


def _words(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of the white-space separated words of `text[start:end]`."""
    return [match.span() for match in _WORD_RE.finditer(text, start, end)]


def _last_words_start(text: str, start: int, end: int, count: int) -> int | None:
    """Where the last `count` words of `text[start:end]` start (`_words(...)[-count][0]`); None if it has none.

    Split from the right, so the cost does not grow with the words before them.

    >>> _last_words_start("a  b c d", 0, 8, 2), _last_words_start("  a b", 0, 5, 3), _last_words_start(" ", 0, 1, 2)
    (5, 2, None)
    """
    window = text[start:end]
    parts = window.rsplit(None, count)  # `None` splits at white space as `\S+` sees it
    if not parts:
        return None
    if len(parts) <= count:  # no more than `count` words: all of them
        return end - len(window.lstrip())
    return end - len(window[len(parts[0]) :].lstrip())  # the part left over keeps its outer white space


def _token_start(text: str, floor: int, index: int) -> int:
    """Start of the white-space delimited token holding `index`, not before `floor`."""
    while index > floor and not text[index - 1].isspace():
        index -= 1
    return index


def _long_start(text: str, token_start: int, aligned: int) -> int:
    """Where the long form begins, given where its first aligned letter is.

    Normally the start of that letter's token, leading quotes and slashes left
    out; after a word-like hyphenated prefix (`anti-`) or a slash, the letter itself.
    """
    if _DETACHED_PREFIX_RE.fullmatch(text, token_start, aligned):
        return aligned
    while token_start < aligned and text[token_start] in _LEADING_JUNK:
        token_start += 1
    return token_start


def _max_long_words(short: str) -> int:
    return min(len(short) + EXTRA_LONG_WORDS, len(short) * LONG_WORDS_FACTOR)


def _long_form(text: str, start: int, end: int, short: str) -> tuple[int, int] | None:
    """The long form ending at `end`, not before `start`, whose letters spell `short`.

    `short` is the short form as written; a plural is aligned as its singular.
    """
    base = _plural_base(short)
    start, end = _strip_span(text, start, end, _QUOTES)
    first_word = _last_words_start(text, start, end, _max_long_words(base))
    if first_word is None:
        return None
    start = first_word
    long = text[start:end]
    if align(base, long) is None:  # cheap test first: most brackets define nothing
        return None
    alignment = _best_alignment(_short_chars(base), long)
    if alignment is None or not _acceptable(base, long, alignment):
        return None
    aligned = start + alignment.start
    long_start = _long_start(text, _token_start(text, start, aligned), aligned)
    long_end = _long_end(text, start, end, base, alignment)
    if text[long_start:long_end].casefold() in (base.casefold(), short.casefold()):  # `SNPs (SNPs)`: itself again
        return None
    return long_start, long_end


def _long_end(text: str, start: int, end: int, short: str, alignment: _Alignment) -> int:
    """Where the long form ends: at `end`, or after its last initial when a rank's holder follows it.

    A rank written with a prefix and a slash (`T/ACC`, `A/DCI`) often follows its
    holder's name, `Temporary Assistant Chief Constable Moore (T/ACC)`: when every
    letter begins a word and only capitalised words follow the last, the long form
    stops before them. Only then: elsewhere a capitalised word after the initials
    belongs to the long form (`Center for Epidemiologic Studies-Depression Scale (CES-D)`).

    >>> text = "Temporary Assistant Chief Constable Moore"
    >>> text[: _long_end(text, 0, len(text), "T/ACC", _best_alignment("tacc", text))]
    'Temporary Assistant Chief Constable'
    """
    if "/" not in short or alignment.initials < len(alignment.positions):
        return end
    last = _ALNUM_RUN_RE.match(text, start + alignment.positions[-1])
    if last is None or not text[last.end() : last.end() + 1].isspace():
        return end  # the last initial's word runs on to the end (or into `’s`)
    after = text[last.end() : end].split()
    return last.end() if all(len(word) > 1 and word.isalpha() and word.istitle() for word in after) else end


# --- Reading a bracket -------------------------------------------------------


@dataclass(frozen=True)
class _Bracket:
    """A bracket in the text, and how far back a long form before it may start."""

    open: int  # index of "(" or "["
    close: int  # index of ")" or "]"
    window: int


def _span_text(text: str, span: tuple[int, int]) -> str:
    return text[span[0] : span[1]]


def _segments(text: str, bracket: _Bracket) -> list[tuple[int, int]]:
    """The parts of what a bracket holds, between `;` and `, `, stripped of quotes."""
    spans = []
    start = bracket.open + 1
    for match in _CUT_RE.finditer(text, start, bracket.close):
        spans.append(_strip_span(text, start, match.start(), _QUOTES))
        start = match.end()
    spans.append(_strip_span(text, start, bracket.close, _QUOTES))
    return spans


def inline_definition(text: str, short: tuple[int, int], long: tuple[int, int]) -> Definition:
    """The inline definition of the short form at `short` by the long form at `long` (a plural gives its singular)."""
    short_text = _span_text(text, short)
    return Definition(
        acronym=_plural_base(short_text),
        expansion=_span_text(text, long),
        kind=DefinitionKind.INLINE,
        short_start=short[0],
        short_end=short[1],
        long_start=long[0],
        long_end=long[1],
        short_text=short_text,
        confidence=INLINE_CONFIDENCE,
    )


def _short_inside(text: str, bracket: _Bracket) -> Definition | None:
    """`Long Form (SF)`, also `(SF, ...)`, `(SF; ...)`, `("SF")`, `(the "SF")` and `(EC 1.11.1.9; SF)`."""
    after = _after_lead_in(text, bracket.open, bracket.close)
    if after is None:
        candidates = [_segments(text, bracket)[0]]
    else:  # the short form is the word after the lead-in, never the lead-in too: not `(the PCC agreed)`; but in
        # `("SF" or "Other Name")`, where the lead-in is the first quoted name, that name
        shorts = [_short_after_lead_in(text, at, bracket.close) for at in (after, bracket.open + 1)]
        candidates = [short for short in shorts if _is_lone_acronym(_span_text(text, short))][:1]
    semicolon = text.rfind(";", bracket.open, bracket.close)
    if semicolon >= 0:
        candidates.append(_strip_span(text, semicolon + 1, bracket.close, _QUOTES))
    for short in candidates:
        if _is_short_form(_span_text(text, short)):
            long = _long_form(text, bracket.window, bracket.open, _span_text(text, short))
            if long is not None:
                return inline_definition(text, short, long)
    return None


# After the short form that a lead-in gives, another quoted name it goes by: `(the "PCC" or "Commissioner")`.
_OTHER_NAME_RE: Final = re.compile(rf"[{_QUOTES}]\s+or\s+[{_QUOTES}][^{_QUOTES}()\[\]]+[{_QUOTES}]\s*")


def _short_after_lead_in(text: str, after: int, close: int) -> tuple[int, int]:
    """The short form that starts at `after`, past a lead-in, in a bracket closing at `close`: up to the bracket's
    next part (`(the SF; see X)`), or up to its closing quote when another quoted name follows it.

    >>> text = '(hereinafter, the "PCC" or "Commissioner")'
    >>> text[slice(*_short_after_lead_in(text, 19, 41))]
    'PCC'
    """
    cut = _CUT_RE.search(text, after, close)
    start, end = _strip_span(text, after, close if cut is None else cut.start(), _QUOTES)
    word_end = start
    while word_end < end and not text[word_end].isspace() and text[word_end] not in _QUOTES:
        word_end += 1
    if word_end < end and _OTHER_NAME_RE.fullmatch(text, word_end, close):
        return start, word_end
    return start, end


def _after_lead_in(text: str, opened: int, end: int) -> int | None:
    """Where a short form may start after a lead-in (`_LEAD_IN`) in the bracket opened at `opened`; None if none.

    The lead-in and the quotes after it end by `end`.

    >>> text = '("the Panel" or "PCP") (the CSP agreed) (Chair)'
    >>> text[_after_lead_in(text, 0, 21) :], text[_after_lead_in(text, 23, 39) :], _after_lead_in(text, 40, 46)
    ('PCP") (the CSP agreed) (Chair)', 'CSP agreed) (Chair)', None)
    """
    lead_in = _LEAD_IN_RE.match(text, opened + 1, end)
    return None if lead_in is None else lead_in.end()


def lead_in_ends(text: str) -> list[int]:
    """Where what follows each lead-in in a bracket starts (`(the "SF")`, `(also known as the SF)`), in text order.

    Each bracket is found by `str.find` and the lead-in matched there: a search of the whole
    text for the pattern, which starts with a class of two characters, took 20 times as long.

    >>> text = 'The Panel (the "CSP") and (hereafter ACC) (Chair) (also known as the PCC)'
    >>> [text[at : at + 3] for at in lead_in_ends(text)]
    ['CSP', 'ACC', 'PCC']
    """
    match = _LEAD_IN_RE.match
    found = [lead_in.end() for bracket in "([" for at in finds(text, bracket) if (lead_in := match(text, at + 1))]
    return sorted(found)


def _short_before(text: str, bracket: _Bracket) -> tuple[int, int] | None:
    """The word right before a bracket, as a candidate short form for `SF (Long Form)`."""
    end = bracket.open
    while end > bracket.window and text[end - 1].isspace():
        end -= 1
    start, end = _strip_span(text, _token_start(text, bracket.window, end), end, _QUOTES + ",")
    return (start, end) if start < end else None


def _long_inside(text: str, bracket: _Bracket) -> Definition | None:
    """`SF (Long Form)`: the long form is the bracket's first part, or all of it."""
    short = _short_before(text, bracket)
    if short is None or not _is_short_form(_span_text(text, short)) or not _is_acronym_like(_span_text(text, short)):
        return None
    whole = _strip_span(text, bracket.open + 1, bracket.close, _QUOTES)
    for inner in dict.fromkeys((_segments(text, bracket)[0], whole)):
        if inner[1] - inner[0] <= short[1] - short[0]:
            continue
        long = _long_form(text, inner[0], inner[1], _span_text(text, short))
        if long is not None and len(_words(text, inner[0], long[0])) <= MAX_SKIPPED_INNER_WORDS:
            return inline_definition(text, short, long)
    return None


def _both_inside(text: str, bracket: _Bracket) -> Definition | None:
    """`(Long Form, SF)` and `(Long Form; SF)`: both in the bracket, the short form last."""
    segments = _segments(text, bracket)
    if len(segments) < 2 or not _is_short_form(_span_text(text, segments[-1])):
        return None
    previous, short = segments[-2], segments[-1]
    long = _long_form(text, previous[0], previous[1], _span_text(text, short))
    return None if long is None else inline_definition(text, short, long)


_READINGS: tuple[Callable[[str, _Bracket], Definition | None], ...] = (_short_inside, _long_inside, _both_inside)


def _is_glued(text: str, start: int, end: int) -> bool:
    """A bracket inside a word: after a digit (`14(RS)`), or between a letter and a word (`BaP(x)-DNA`)."""
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return before.isdigit() or (before.isalnum() and (after.isalnum() or after == "-"))


def _unread(text: str, start: int, end: int) -> bool:
    """A bracket that defines nothing: glued inside a word, or open across a blank line (a bracket of prose
    closes in its paragraph; `SF (x` then `y) z` paragraphs later would read the paragraphs as a long form).

    >>> _unread("PCSOs (PCC's\\n\\nDA; x)", 6, 22), _unread("PCSOs (Police Community\\nSupport Officers)", 6, 41)
    (True, False)
    """
    return _is_glued(text, start, end) or PARAGRAPH_BREAK.search(text, start, end) is not None


def _brackets(text: str) -> list[_Bracket]:
    """Every candidate bracket, in text order, with the window before it."""
    boundaries = [match.end() for match in _BOUNDARY_RE.finditer(text) if match.lastgroup != "inword"]
    spans = sorted(match.span() for pattern in _BRACKET_RES for match in pattern.finditer(text))
    brackets = []
    for start, end in spans:
        if _unread(text, start, end):
            continue
        before = bisect.bisect_right(boundaries, start)
        window = max(boundaries[before - 1] if before else 0, start - MAX_WINDOW_CHARS)
        brackets.append(_Bracket(start, end - 1, window))
    return brackets


def find_inline_definitions(text: str) -> list[Definition]:
    """Every `Long Form (LF)`, `LF (Long Form)`, `Long Form ("LF")` / curly-quoted forms, in text order.

    Square brackets work as round ones. For each bracket the first reading
    that aligns wins: the short form inside (`Long Form (SF)`), the long form
    inside (`SF (Long Form)`), then both (`(Long Form, SF)`). A plural short
    form gives its singular as `acronym`. So do `SF – the Long Form –` (see
    `find_dash_definitions_after`) and `Long Form, or SF,` (see `find_or_definitions_after`).

    >>> [(d.acronym, d.expansion, d.short_start, d.long_start)
    ...  for d in find_inline_definitions("“İ” Safer Neighbourhood Panels (SNP)")]
    [('SNP', 'Safer Neighbourhood Panels', 32, 4)]
    >>> [(d.acronym, d.expansion) for d in find_inline_definitions(
    ...     "the TCC (Temporary Chief Constable) and the Chief Constable (Chair)")]
    [('TCC', 'Temporary Chief Constable')]
    >>> [(d.acronym, d.expansion) for d in find_inline_definitions("The Chief Constable, or CC, met.")]
    [('CC', 'Chief Constable')]
    """
    bracketed = _read(text, _brackets(text))
    unbracketed = [_dash_definition(text, dash) for dash in dash_starts(text)]
    unbracketed += [_or_definition(text, mark) for mark in or_marks(text)]
    found = [definition for definition in unbracketed if definition is not None]
    if not found:
        return bracketed
    return sorted(bracketed + found, key=lambda d: (min(d.short_start, d.long_start), d.short_start))


def _read(text: str, brackets: Iterable[_Bracket]) -> list[Definition]:
    """For each bracket, the first reading that aligns."""
    definitions = []
    for bracket in brackets:
        for reading in _READINGS:
            definition = reading(text, bracket)
            if definition is not None:
                definitions.append(definition)
                break
    return definitions


def find_definitions_near(text: str, spans: Iterable[tuple[int, int]]) -> list[Definition]:
    """The inline definitions whose bracket touches one of `spans`, in text order.

    The same readings as `find_inline_definitions`, but only for a bracket that
    holds a span (`Long Form (SF)`, `Long Form (the "SF")`) or follows it
    (`SF (Long Form)`), so the cost grows with the spans, not the text: the
    annotator asks only about the acronyms it found.

    >>> text = "The Safer Neighbourhood Panels (SNP) and Matthew Ellis (ME) met; SNP (Safer Neighbourhood Panel) too."
    >>> first, second = text.index("SNP"), text.index("SNP (")
    >>> [(d.acronym, d.expansion) for d in find_definitions_near(text, [(first, first + 3), (second, second + 3)])]
    [('SNP', 'Safer Neighbourhood Panels'), ('SNP', 'Safer Neighbourhood Panel')]
    """
    opens = set()
    for start, end in spans:
        before = _skip_back(text, start)
        if before > 0 and text[before - 1] in "([":
            opens.add(before - 1)
        elif (led := lead_in_before(text, start, end)) is not None:
            opens.add(led)
        after = end
        while after < len(text) and text[after] in _NEAR_SPACE:
            after += 1
        if after < len(text) and text[after] in "([" and after - end <= MAX_NEAR_GAP:
            opens.add(after)
    brackets = (_bracket_at(text, open_at) for open_at in sorted(opens))
    return _read(text, (bracket for bracket in brackets if bracket is not None))


# A short form sits right inside its bracket, after at most a quote; a long
# form in brackets follows its short form after at most a couple of spaces.
MAX_NEAR_GAP: Final = 3
_NEAR_SPACE: Final = " \t\u00a0"


def lead_in_before(text: str, start: int, end: int) -> int | None:
    """Where the bracket opens whose lead-in (`_LEAD_IN`) the span `[start, end)` follows; None if none.

    A bracket holds no bracket, so only the last one opened before the span may be it. A lead-in ends
    with a word, perhaps a comma or colon, then space and quotes: a span without them before it (`(SF)`,
    `("SF")`) costs a glance.

    >>> text = 'The Panel (the "CSP") (chair the ACC) (hereinafter: PCC)'
    >>> lead_in_before(text, 16, 19), lead_in_before(text, 33, 36), lead_in_before(text, 52, 55)
    (10, None, 38)
    """
    word_end = start
    while word_end > 0 and (text[word_end - 1].isspace() or text[word_end - 1] in _QUOTES):
        word_end -= 1
    if word_end < start and text[word_end - 1 : word_end] in (",", ":"):  # `(hereinafter, "SF")`
        word_end -= 1
    if word_end == start or not text[word_end - 1 : word_end].isalpha():
        return None
    floor = max(0, start - MAX_BRACKET_CHARS)
    opened = max(text.rfind("(", floor, start), text.rfind("[", floor, start))
    if opened < 0 or _after_lead_in(text, opened, end) != start:
        return None
    return opened


def _skip_back(text: str, start: int) -> int:
    while start > 0 and text[start - 1] in _QUOTES:
        start -= 1
    return start


def _bracket_at(text: str, open_at: int) -> _Bracket | None:
    """The bracket opening at `open_at`, read as `find_inline_definitions` reads it."""
    match = None
    for pattern in _BRACKET_RES:
        match = pattern.match(text, open_at)
        if match is not None:
            break
    if match is None or _unread(text, open_at, match.end()):
        return None
    return _Bracket(open_at, match.end() - 1, _window_start(text, open_at))


# How far `_window_start` looks back at a time: a line or two of prose, where a boundary usually is.
BOUNDARY_STEP_CHARS = 80  # not Final: a test varies it


def _window_start(text: str, open_at: int) -> int:
    """Where a long form before `open_at` may start: after the last boundary, at most `MAX_WINDOW_CHARS` back.

    The boundaries are those `_BOUNDARY_RE` finds scanning from `MAX_BRACKET_CHARS`
    before that limit up to `open_at` (an in-word bracket hides those it holds). So as
    not to scan it all, look back a step at a time, each scan starting where no
    boundary straddles (`_unstraddled`): from there on it finds what the whole scan finds.
    """
    floor = max(0, open_at - MAX_WINDOW_CHARS)
    origin = max(0, floor - MAX_BRACKET_CHARS)
    stop = open_at
    while True:
        start = _unstraddled(text, max(origin, stop - BOUNDARY_STEP_CHARS), origin)
        last = None
        for found in _BOUNDARY_RE.finditer(text, start, open_at):
            if found.start() >= stop:
                break
            if found.lastgroup != "inword":
                last = found.end()  # matches come in order: the last ends last
        if last is not None:
            return max(floor, last)
        if start <= floor:  # the boundaries before `start` end before it
            return floor
        stop = start


def _unstraddled(text: str, at: int, origin: int) -> int:
    """The last word start at or before `at`, after `origin` and at most a step back; else `origin`.

    No `_BOUNDARY_RE` match runs across a word start: those longer than a
    character are an in-word bracket (no white space after the bracket) or
    blank lines (only white space).
    """
    lowest = max(origin, at - BOUNDARY_STEP_CHARS)
    while at > lowest:
        if text[at - 1].isspace() and not text[at].isspace():
            return at
        at -= 1
    return origin


# --- Dashes: `SF – the Long Form –` ------------------------------------------

# A dash that may open or close a long form: an en or em dash, or a hyphen with a space or tab
# before it and white space after it (not one inside a word, nor a list item's bullet).
DASH: Final = re.compile(r"[\u2013\u2014-](?<![^ \t\u00a0]-)(?!(?<=-)\S)")
DASHES: Final = ("\u2013", "\u2014")
# `DASH`'s hyphens, starting with the literal `-`, which the regex engine skips to fast.
SPACED_HYPHEN: Final = re.compile(r"-(?<![^ \t\u00a0]-)(?!\S)")


# A reference to an en or em dash, as Word writes them in HTML: read as the dash it stands for.
DASH_REFERENCE: Final = re.compile(r"&(?:(?P<en>ndash|#8211|#[xX]2013)|mdash|#8212|#[xX]2014);")


def dashes_read(text: str) -> str:
    """`text` with each reference to a dash read as the dash, then spaces: the same length, so offsets hold.

    >>> dashes_read("CSP &#8211; the CSP &mdash;")
    'CSP \u2013       the CSP \u2014      '
    """
    if "&" not in text:
        return text

    def dash(reference: re.Match[str]) -> str:
        return ("\u2013" if reference["en"] else "\u2014") + " " * (len(reference[0]) - 1)

    return DASH_REFERENCE.sub(dash, text)


AMPERSAND_REFERENCE: Final = re.compile(r"&(?:amp|#38|#[xX]26);")


def ampersands_read(text: str) -> str:
    """`text` with each reference to `&` read as `&`, then spaces: the same length, so offsets hold.

    So `Police &amp; Crime Commissioner (PCC)` aligns as `Police & Crime Commissioner (PCC)` does.

    >>> ampersands_read("Fire &amp; Rescue &#38; Co")
    'Fire &     Rescue &     Co'
    """
    return _references_read(text, AMPERSAND_REFERENCE, "&")


SOFT_HYPHEN_REFERENCE: Final = re.compile(r"&(?:shy|#0*173|#[xX]0*[aA][dD]);")


def soft_hyphens_read(text: str) -> str:
    """`text` with each reference to a soft hyphen read as soft hyphens, to its length: offsets hold.

    So `Neighbour&shy;hood Policing Team (NPT)` aligns as `Neighbour\u00adhood Policing Team (NPT)` does.

    >>> soft_hyphens_read("Neighbour&shy;hood") == "Neighbour" + "\u00ad" * 5 + "hood"
    True
    """
    return _references_read(text, SOFT_HYPHEN_REFERENCE, "\u00ad", padding="\u00ad")  # spaces would split the word


SPACE_REFERENCE: Final = re.compile(r"&(?:nbsp|#0*160|#[xX]0*[aA]0);")


def spaces_read(text: str) -> str:
    """`text` with each reference to a no-break space read as one, then spaces: the same length, so offsets hold.

    So `Police and Crime Commissioner,&nbsp;or PCC,` reads as a name after a comma (`or_marks`).

    >>> spaces_read("Commissioner,&nbsp;or&#160;PCC")
    'Commissioner,\xa0     or\xa0     PCC'
    """
    return _references_read(text, SPACE_REFERENCE, "\u00a0")


def _references_read(text: str, references: re.Pattern[str], char: str, padding: str = " ") -> str:
    """`text` with each of `references` read as `char`, then `padding` to its length: offsets into `text` hold."""
    if "&" not in text:
        return text
    return references.sub(lambda reference: char + padding * (len(reference[0]) - 1), text)


def dash_starts(text: str) -> list[int]:
    """Where `DASH` matches, in order: three passes that skip to a literal (a leading class tests every character).

    >>> dash_starts("A - b \u2013 c-d -x -")
    [2, 6, 15]
    """
    found = [at for dash in DASHES for at in finds(text, dash)]
    found += [hyphen.start() for hyphen in SPACED_HYPHEN.finditer(text)]
    return sorted(found)


# Between a short form and its dash: spaces, a closing quote, Markdown emphasis (`“CSP” –`, `**CSP** –`).
MAX_DASH_GAP: Final = 4
_DASH_GAP: Final = " \t\u00a0*_" + _QUOTES
_DASH_ARTICLE_RE: Final = re.compile(r"(?:[Tt]he|[Aa]n?)[ \t\u00a0]+")
# What closes the long form: a second dash, a sentence end, or the end of the line or text.
_DASH_CLOSE_RE: Final = re.compile(r"[ \t\u00a0]*(?:[\u2013\u2014]|-(?=\s|\Z)|\r?\n|\Z)|[.!?](?!\w)")


def find_dash_definitions_after(text: str, spans: Iterable[tuple[int, int]]) -> list[Definition]:
    """The definitions `SF – the Long Form –` whose short form is one of `spans`, in text order.

    A dash (en or em dash, or a spaced hyphen) follows the short form, after at
    most a closing quote or emphasis; after it, an optional article and a phrase
    whose words begin with the short form's letters, in their case (small words
    may sit between), closed by a second dash, a sentence end or the line's end.
    Only a span with a dash right after it costs more than a glance.

    >>> text = "The “CSP” – the Community Safety Partnership – met the SNP - see below."
    >>> [(d.acronym, d.expansion) for d in find_dash_definitions_after(text, [(5, 8), (60, 63)])]
    [('CSP', 'Community Safety Partnership')]
    """
    definitions = []
    for start, end in spans:
        at = end
        while at < len(text) and at - end < MAX_DASH_GAP and text[at] in _DASH_GAP:
            at += 1
        if DASH.match(text, at) is not None and _short_before_dash(text, at) == (start, end):
            definition = _dash_definition(text, at)
            if definition is not None:
                definitions.append(definition)
    return definitions


def _short_before_dash(text: str, dash: int) -> tuple[int, int] | None:
    """The word before a dash, past spaces, quotes and emphasis on the same line, stripped of them."""
    end = dash
    while end > 0 and dash - end < MAX_DASH_GAP and text[end - 1] in _DASH_GAP:
        end -= 1
    start = _token_start(text, max(0, end - MAX_SHORT_CHARS - MAX_DASH_GAP), end)
    start, end = _strip_span(text, start, end, _DASH_GAP)
    return (start, end) if start < end else None


def _dash_definition(text: str, dash: int) -> Definition | None:
    """`SF – the Long Form –` around the dash at `dash`, or None."""
    short = _short_before_dash(text, dash)
    if short is None:
        return None
    short_text = _span_text(text, short)
    if not _is_short_form(short_text) or not _is_acronym_like(short_text):
        return None
    pattern = _initials_pattern(_plural_base(short_text))
    start = dash + 1
    while start < len(text) and text[start] in " \t\u00a0":
        start += 1
    article = _DASH_ARTICLE_RE.match(text, start)
    for at in (start, article.end()) if article else (start,):
        found = pattern.match(text, at) if pattern else None
        if found is not None and _DASH_CLOSE_RE.match(text, found.end()):
            return inline_definition(text, short, found.span())
    return None


# --- A name after a comma: `Long Form, or SF,` ------------------------------

# What joins a long form to the short form after it: a comma, then `or` with white space either side
# (`the Police and Crime Commissioner, or PCC, met`). The white space may be spaces, tabs, no-break
# spaces and at most one line break (a wrapped line; a blank line ends the paragraph).
_OR_SPACE: Final = r"(?=\s)[^\S\n]*(?:\n[^\S\n]*)?"  # one run: no two ways to split it, so no backtracking
# A comma, white space (at most one line break), then the word `or` and white space. The pattern starts
# with the literal comma, which the regex engine skips to fast; at most commas a space and the next word's
# first letter turn it away. 1.3 ms per MB of the benchmark corpus, against 1.6-2.2 for a pattern starting
# with `or` and looking back for the comma (`or` is in `for`, `more`, `report`...).
_OR_MARK_RE: Final = re.compile(rf",{_OR_SPACE}or(?=\s)")
# Quotes and emphasis around the short form (`, or “PCC”,`, `, or **PCC**,`) or at the long form's end.
MAX_OR_GAP: Final = 2
_OR_GAP: Final = "*_" + _QUOTES
# From `or`: the white space after it, an optional article (`, or the PCC,`), quotes and emphasis: where the
# short form starts.
_OR_LEAD_RE: Final = re.compile(rf"or{_OR_SPACE}(?:the{_OR_SPACE})?[{_OR_GAP}]{{0,{MAX_OR_GAP}}}")
# The short form after the lead, one word (`PCSOs`, `T/ACC`), and what closes it: a comma, a closing
# bracket, a semicolon, a colon, a question mark, a sentence end or a dash (en or em, or a spaced hyphen,
# as in `, or PCC – who chairs it –`). Not a word that runs on (`, or PCC's office`, `, or PCC staff`).
_OR_SHORT_RE: Final = re.compile(
    rf"(?P<short>[^\W_](?:[^\W_]|[/&-](?=[^\W_]))*)[{_OR_GAP}]{{0,{MAX_OR_GAP}}}"
    r"(?:[,;:?)\]]|[.!](?!\w)|[^\S\n]*[\u2013\u2014]|[^\S\n]+-(?=\s))"
)


def or_marks(text: str) -> list[int]:
    """Where the `or` of each `, or ` of the text starts, in order: `or` as a word after a comma and white space.

    >>> or_marks("Tea, or coffee,\\u00a0or PCC,\\nor, for more, or")
    [5, 16]
    """
    return [found.end() - 2 for found in _OR_MARK_RE.finditer(text)]


def or_short_start(text: str, mark: int) -> int:
    """Where a short form after the `or` at `mark` (see `or_marks`) starts: past white space, an article, quotes.

    >>> text = "The Police and Crime Commissioner,\\nor the “PCC”, met"
    >>> text[or_short_start(text, 35) :]
    'PCC”, met'
    """
    lead = _OR_LEAD_RE.match(text, mark)
    return mark if lead is None else lead.end()


def _comma_before(text: str, mark: int) -> int | None:
    """Where the comma is before the `or` at `mark`, past white space with at most one line break; None if none."""
    start = _back_past_space(text, mark)
    if start == mark or start == 0 or text[start - 1] != "," or text.count("\n", start, mark) > 1:
        return None
    return start - 1


def _back_past_space(text: str, at: int) -> int:
    while at > 0 and text[at - 1].isspace():
        at -= 1
    return at


def _or_before(text: str, start: int) -> int | None:
    """Where the `or` starts that a short form starting at `start` may follow (`, or the “SF”`); None if none."""
    at = _back_past_space(text, _back_past_gap(text, start))
    if text.endswith("the", 0, at) and at > 3 and text[at - 4].isspace():  # an article: `, or the PCC,`
        at = _back_past_space(text, at - 3)
    if not text.endswith("or", 0, at) or not text[at : at + 1].isspace() or _comma_before(text, at - 2) is None:
        return None
    return at - 2


def find_or_definitions_after(text: str, spans: Iterable[tuple[int, int]]) -> list[Definition]:
    """The definitions `Long Form, or SF,` whose short form is one of `spans`, in text order.

    `, or ` (any white space around `or`, an optional article after it) comes before the
    short form, after which a comma, a closing bracket, a semicolon, a colon, a question
    mark, a sentence end or a dash follows; before the comma, the long form's words begin
    with the short form's letters, in their case (small words may sit between), as in
    `find_dash_definitions_after`. Only a span right after `or` costs more than a glance.

    >>> text = "The Police and Crime Commissioner, or PCC, met; tea, coffee, or PCC, followed."
    >>> [(d.acronym, d.expansion) for d in find_or_definitions_after(text, [(38, 41), (64, 67)])]
    [('PCC', 'Police and Crime Commissioner')]
    """
    definitions = []
    for start, end in spans:
        mark = _or_before(text, start)
        definition = None if mark is None else _or_definition(text, mark)
        if definition is not None and (definition.short_start, definition.short_end) == (start, end):
            definitions.append(definition)
    return definitions


def named_after_comma(text: str, definition: Definition) -> bool:
    """Whether a definition reads `Long Form, or SF,`: `, or ` joins its long form to its short form, no bracket.

    >>> text = "The Chief Constable,\\nor the CC, and the Safer Neighbourhood Panel (SNP)"
    >>> [named_after_comma(text, definition) for definition in find_inline_definitions(text)]
    [True, False]
    """
    mark = _or_before(text, definition.short_start)
    comma = None if mark is None else _comma_before(text, mark)
    return comma is not None and definition.long_end <= comma


def _or_definition(text: str, mark: int) -> Definition | None:
    """`Long Form, or SF,` around the `or` at `mark`, or None."""
    comma = _comma_before(text, mark)
    found = None if comma is None else _OR_SHORT_RE.match(text, or_short_start(text, mark))
    if comma is None or found is None:
        return None
    short_text = found["short"]
    acronym = _plural_base(short_text)  # ends with a letter or digit, the last initial, as `short_text` does
    end = _back_past_gap(text, comma)
    last_word = _token_start(text, max(0, end - MAX_WINDOW_CHARS), end)
    if text[last_word:end][:1] != acronym[-1]:  # the cheapest test first: `Tea, coffee, or PCC,`
        return None
    if not _is_short_form(short_text) or not _is_acronym_like(short_text):
        return None
    pattern = _initials_re(acronym)
    long = None if pattern is None else _phrase_before(text, end, pattern, len(_initials(acronym)))
    return None if long is None else inline_definition(text, found.span("short"), long)


def _phrase_before(text: str, end: int, pattern: re.Pattern[str], initials: int) -> tuple[int, int] | None:
    """The longest phrase `pattern` (an `_initials_pattern`) matches that ends at `end`; None if there is none.

    Such a phrase has a word for each initial and at most a small word between two: it starts
    at one of the last `2 * initials - 1` words.

    >>> text = "The “Police and Crime Commissioner”, or"
    >>> text[slice(*_phrase_before(text, 34, _initials_pattern("PCC"), 3))]
    'Police and Crime Commissioner'
    """
    first = _last_words_start(text, max(0, end - MAX_WINDOW_CHARS), end, 2 * initials - 1)
    if first is None:
        return None
    for word in _ALNUM_RUN_RE.finditer(text, first, end):
        if pattern.fullmatch(text, word.start(), end) is not None:
            return word.start(), end
    return None


def _back_past_gap(text: str, at: int) -> int:
    """`at`, moved back past at most `MAX_OR_GAP` quotes and emphasis marks."""
    floor = max(0, at - MAX_OR_GAP)
    while at > floor and text[at - 1] in _OR_GAP:
        at -= 1
    return at


# --- A Markdown definition list's entry: `SF`, then `:   Long Form, ...` ----------

# A term alone on its line (in emphasis or code or not), then the next line's `:` (Pandoc's `~`) and white space,
# after a blank line or not: where its definition starts (`sections.DEFINITION`). The long form opens the
# definition, closed as a dash definition's is or by a comma.
_ENTRY_RE: Final = re.compile(
    r"^[ \t]*[*_`]{0,2}(?P<short>[^\s*_`]+)[*_`]{0,2}[ \t]*\r?\n(?:[ \t]*\r?\n)?[ ]{0,3}[:~][ \t]+", re.MULTILINE
)
_ENTRY_CLOSE_RE: Final = re.compile(r"[ \t]*(?:[,;:\u2013\u2014]|-(?=\s)|\r?\n|\Z)|[.!?](?!\w)")


# A line that may be a definition list's definition (`:   ...`): most texts have none, and one search says so.
_DEFINITION_LINE: Final = re.compile(r"\n[ ]{0,3}[:~][ \t]")


def find_definition_list_definitions(text: str, spans: Iterable[tuple[int, int]]) -> list[Definition]:
    """The definition list entries whose term is one of `spans` and whose definition opens with its long form.

    >>> text = "PCSO\\n:   Police Community Support Officer, a uniformed role.\\n\\nSNP\\n:   A panel.\\n"
    >>> [(d.acronym, d.expansion) for d in find_definition_list_definitions(text, [(0, 4), (64, 67)])]
    [('PCSO', 'Police Community Support Officer')]
    """
    if _DEFINITION_LINE.search(text) is None:
        return []
    terms = set(spans)  # only now: the caller's spans may be a generator over every hit
    definitions = []
    for entry in _ENTRY_RE.finditer(text):
        pattern = _initials_re(_plural_base(entry["short"])) if entry.span("short") in terms else None
        found = pattern.match(text, entry.end()) if pattern else None
        if found is not None and _ENTRY_CLOSE_RE.match(text, found.end()):
            definitions.append(inline_definition(text, entry.span("short"), found.span()))
    return definitions


# --- Implicit definitions ----------------------------------------------------


def _initials_pattern(acronym: str) -> re.Pattern[str] | None:
    """A regex for a phrase whose words begin with the acronym's letters and digits, in order.

    A capital must begin a word with that capital (`T` -> `Temporary`), a
    lower-case letter a word with that letter (`o` -> `of`, in `ToMV`). Small
    words may sit between (`Police and Crime Commissioner`), but the phrase
    does not start with one ("The Chief Constable" does not spell TCC). The
    pattern starts with a literal character, so the regex engine scans fast.

    >>> _initials_pattern("TCC").findall("The Chief Constable; Temporary Chief\u00a0Constable")
    ['Temporary Chief\xa0Constable']
    """
    chars = _initials(acronym)
    if len(chars) < MIN_SHORT_CHARS:
        return None
    words = [_head_word(chars[0])] + [rf"{re.escape(char)}{_PHRASE_WORD_TAIL}" for char in chars[1:]]
    joint = rf"{_PHRASE_SPACE}(?:(?:{_SMALL_WORDS}){_PHRASE_SPACE})?"
    return re.compile(rf"{joint.join(words)}(?!{_WORD_CHAR})")


# Patterns kept by `_initials_re`: the short forms after `, or ` in a text are a few hundred at most.
INITIALS_PATTERNS_KEPT: Final = 1024


@functools.lru_cache(maxsize=INITIALS_PATTERNS_KEPT)
def _initials_re(acronym: str) -> re.Pattern[str] | None:
    """`_initials_pattern(acronym)`, kept: building it again costs more than reading the phrase it finds."""
    return _initials_pattern(acronym)


def _initials(acronym: str) -> list[str]:
    """The letters and digits of an acronym, which the words of its phrase begin with."""
    return [char for char in acronym if char.isalnum()]


def _head_word(first: str) -> str:
    """The regex for a phrase's first word: a word that starts with `first` and is not a small word."""
    tails = "|".join(re.escape(word[1:]) for word in FUNCTION_WORDS if word[0] == first.lower())
    not_small = rf"(?!(?i:{tails})(?!{_WORD_CHAR}))" if tails else ""
    return rf"{re.escape(first)}(?<!{_WORD_CHAR}.){not_small}{_PHRASE_WORD_TAIL}"


# Every phrase that spells an acronym, fast.
#
# `_initials_pattern(acronym).finditer(text)` reads the whole text once per
# acronym, and compiling the pattern takes about a millisecond: with thousands
# of acronyms in a long text, that is most of a scan. So the text is read once
# for the places a phrase may start (`_phrase_heads`), and at each such place
# `_phrase_end` follows the pattern step by step, with regexes compiled once.

# The pieces of `_initials_pattern` after the first word. A word runs on as far as it
# can, and the space after it too, as what follows each (a space; a letter, a digit or
# `&`) cannot be part of it: so the pattern never finds a shorter word or space.
_WORD_TAIL_RE: Final = re.compile(_PHRASE_WORD_TAIL)
_SPACE_RE: Final = re.compile(rf"{_PHRASE_SPACE}(?=\S)")
# A small word and the space after it. At most one of `_SMALL_WORDS` has space after it.
_SMALL_WORD_RE: Final = re.compile(rf"(?:{_SMALL_WORDS}){_PHRASE_SPACE}(?=\S)")
# Places in a text, in order, by the initials (`_initials`, joined) of a phrase that may start there.
_Heads = dict[str, list[int]]


def _phrase_heads(text: str, acronyms: Iterable[str]) -> _Heads:
    """Every place a phrase that spells one of `acronyms` may start, by what it spells; one pass over the text.

    An `_initials_pattern` match starts with its first initial at a word start,
    and each later initial begins the next word, or the word after it when that
    one is a small word (`Police and Crime`). From each word start, the words
    are followed as long as their initials begin some acronym's, both ways at
    a small word: a place is listed under every acronym it may spell, in text
    order, so each acronym's list holds only where its pattern can match (keyed
    by fewer initials, the lists of a long text grew with it, and so did the
    work of each of its thousands of acronyms). The search starts with a class
    of the acronyms' first initials, so that the regex engine skips to them fast.

    >>> _phrase_heads("Police and Crime Panel", ["CP", "PaC", "PCP"])
    {'PCP': [0], 'PaC': [0], 'CP': [11]}
    """
    spelled = {"".join(initials) for initials in map(_initials, acronyms) if len(initials) >= MIN_SHORT_CHARS}
    heads: _Heads = {}
    if not spelled:
        return heads
    prefixes = {spelling[:length] for spelling in spelled for length in range(1, len(spelling) + 1)}
    firsts = "".join(re.escape(char) for char in sorted({spelling[0] for spelling in spelled}))
    for found in re.finditer(rf"[{firsts}](?<!{_WORD_CHAR}.)", text):
        start = found.start()
        paths = [(found.group(), _word_end(text, start + 1))]  # what the words so far spell, and where they end
        while paths:
            so_far, at = paths.pop()
            if so_far in spelled:
                listed = heads.setdefault(so_far, [])
                if not listed or listed[-1] != start:  # spelled both ways round a small word: listed once
                    listed.append(start)
            for word in reversed(_next_words(text, at)):  # followed in the pattern's order: the last pushed first
                if so_far + text[word] in prefixes:
                    paths.append((so_far + text[word], _word_end(text, word + 1)))
    return heads


def _phrases(text: str, acronym: str, heads: _Heads) -> list[tuple[int, int]]:
    """Every phrase of `text` that spells `acronym`: the spans of `_initials_pattern(acronym).finditer(text)`.

    `heads` are `_phrase_heads(text, ...)` of a list holding the acronym. Only
    at those places can the pattern match, so trying it at each in turn, past
    the end of the last match, finds what `finditer` finds.

    >>> text = "Police and Crime Commissioner, Police Community Champion"
    >>> _phrases(text, "PCC", _phrase_heads(text, ["PCC"]))
    [(0, 29), (31, 56)]
    """
    initials = _initials(acronym)
    if len(initials) < MIN_SHORT_CHARS:
        return []
    head_word = _head_word_re(initials[0])
    spans = []
    last_end = 0
    for start in heads.get("".join(initials), []):
        if start < last_end:  # inside the last phrase: `finditer` goes on from where it ends
            continue
        head = head_word.match(text, start)
        end = None if head is None else _phrase_end(text, head.end(), initials[1:])
        if end is not None:
            spans.append((start, end))
            last_end = end
    return spans


@functools.cache
def _head_word_re(first: str) -> re.Pattern[str]:
    """`_head_word(first)`, compiled: once for each first initial, of which there are a few dozen."""
    return re.compile(_head_word(first))


def _phrase_end(text: str, at: int, initials: list[str]) -> int | None:
    """Where the phrase ends whose words after the one ending at `at` begin with `initials`; None if there is none.

    The end `_initials_pattern` finds: it tries a small word before each word
    first (`Police and Crime`), then none (`Theft of Motor`, in `ToMV`).

    >>> _phrase_end("Police and Crime Commissioner", 6, ["C", "C"]), _phrase_end("Theft of Motor", 5, ["o"])
    (29, 8)
    """
    if not initials:
        return at
    for word in _next_words(text, at):
        if text[word] == initials[0]:
            end = _phrase_end(text, _word_end(text, word + 1), initials[1:])
            if end is not None:
                return end
    return None


def _next_words(text: str, at: int) -> list[int]:
    """Where a phrase's next word may start after the word ending at `at`, in the order the pattern tries them:
    past a small word (`Police and Crime`), then the small word itself (`Theft of Motor`) or any other.

    >>> text = "Police and Crime"
    >>> [text[start:] for start in _next_words(text, 6)]
    ['Crime', 'and Crime']
    """
    space = _SPACE_RE.match(text, at)
    if space is None:
        return []
    word = space.end()
    small = _SMALL_WORD_RE.match(text, word)
    return [word] if small is None else [small.end(), word]


def _word_end(text: str, at: int) -> int:
    """Where the word running through `at` ends: past letters, digits, apostrophes and hyphens."""
    tail = _WORD_TAIL_RE.match(text, at)
    return at if tail is None else tail.end()


def _implicit_confidence(acronym: str) -> float:
    letters = sum(char.isalnum() for char in acronym)
    return IMPLICIT_CONFIDENCE if letters > SHORT_CAPITALS else SHORT_IMPLICIT_CONFIDENCE


def _without_possessive(text: str, phrase: tuple[int, int]) -> tuple[int, int]:
    """The phrase without the apostrophe of a possessive at its end: `Police and Crime Commissioner's` is the
    name `Police and Crime Commissioner`, and `Commissioners’` is `Commissioners`.

    >>> text = "the Police and Crime Commissioner's budget"
    >>> text[slice(*_without_possessive(text, (4, 35)))]
    'Police and Crime Commissioner'
    """
    start, end = phrase
    if text[end - 2 : end - 1] in APOSTROPHES and text[end - 1] == "s":
        return start, end - 2
    if text[end - 1] in APOSTROPHES and text[end - 2 : end - 1] == "s":
        return start, end - 1
    return phrase


def _implicit_definition(text: str, acronym: str, offset: int, phrase: tuple[int, int]) -> Definition:
    phrase = _without_possessive(text, phrase)
    return Definition(
        acronym=acronym,
        expansion=_span_text(text, phrase),
        kind=DefinitionKind.IMPLICIT,
        short_start=offset,
        short_end=offset + len(acronym),
        long_start=phrase[0],
        long_end=phrase[1],
        short_text=acronym,
        confidence=_implicit_confidence(acronym),
    )


def find_implicit_definitions(text: str, acronyms: Iterable[tuple[str, int]]) -> list[Definition]:
    """For each (acronym, offset) use, a capitalised phrase earlier in the text whose word initials spell it.

    The nearest such phrase ending at or before the use is taken (`Temporary
    Chief Constable` ... `TCC Baker`). One IMPLICIT definition per use that
    has a phrase, in text order of the uses; its short form is the use. The
    confidence is below 1, lower still for two-letter acronyms. Raises
    ValueError if an acronym is not at its offset.

    >>> text = "the Temporary Chief Constable (TCC Baker) ... TCC Baker said"
    >>> [(d.acronym, d.expansion, d.long_start, d.short_start, d.confidence)
    ...  for d in find_implicit_definitions(text, [("TCC", 46)])]
    [('TCC', 'Temporary Chief Constable', 4, 46, 0.6)]
    """
    uses = sorted(set(acronyms), key=lambda use: (use[1], use[0]))
    heads: _Heads | None = None  # found once, when first needed
    phrases: dict[str, tuple[list[int], list[tuple[int, int]]]] = {}
    definitions = []
    for acronym, offset in uses:
        found = text[offset : offset + len(acronym)]
        if found != acronym:
            raise ValueError(f"{acronym!r} is not at offset {offset} (found {found!r}): pass where each use starts")
        if acronym not in phrases:
            if heads is None:
                heads = _phrase_heads(text, {used for used, _ in uses})
            spans = _phrases(text, acronym, heads)
            phrases[acronym] = [end for _, end in spans], spans
        ends, spans = phrases[acronym]
        before = bisect.bisect_right(ends, offset)
        if before:
            definitions.append(_implicit_definition(text, acronym, offset, spans[before - 1]))
    return definitions


def definition_entry(definition: Definition) -> Entry:
    """The entry a definition makes: a plural one (`Long Forms (LFs)`) in the singular, keeping its plural.

    A long form wrapped over lines reads as one line, its white space one space each.

    >>> entry = definition_entry(find_inline_definitions("Local\\n  Authorities (LAs) met.")[0])
    >>> entry.acronym, entry.expansion, entry.plural_expansion
    ('LA', 'Local Authority', 'Local Authorities')
    """
    written = " ".join(definition.expansion.split())
    expansion, plural = written, ""
    if definition.short_text[len(definition.acronym) :].startswith("s"):  # a plural, `PCSOs`; not `PCC's` or `CPS’`
        expansion = singular(written)
        plural = "" if regular_plural(expansion) == written else written
    return Entry(definition.acronym, expansion, plural=plural)


def _plural_word(word: str) -> bool:
    """True for a word that `singular` would change: a regular plural (`Heads`), not `Business` or `Gas`."""
    return len(word) > 3 and ends_as_plural(word)


def singular(expansion: str) -> str:
    """A crude singular of a plural long form: the last word loses its `s` (`ies` becomes `y`, `ches` `ch`...).

    >>> singular("Police Community Support Officers"), singular("Local Authorities"), singular("Business")
    ('Police Community Support Officer', 'Local Authority', 'Business')
    >>> singular("Neighbourhood Watches"), singular("Any Other Businesses")
    ('Neighbourhood Watch', 'Any Other Business')

    When the last word is no plural, the first that is one: `Heads of Service`, `Attorneys General`.

    >>> singular("Heads of Service"), singular("Attorneys General"), singular("Local Policing Team")
    ('Head of Service', 'Attorney General', 'Local Policing Team')
    """
    words = expansion.split(" ")
    if len(words) > 1 and not _plural_word(words[-1]):
        index = next((index for index, word in enumerate(words[:-1]) if _plural_word(word)), None)
        if index is not None:
            return " ".join([*words[:index], singular(words[index]), *words[index + 1 :]])
    if expansion.endswith("ies"):
        return expansion[:-3] + "y"
    if expansion.endswith(("sses", "xes", "zes", "ches", "shes")):
        return expansion[:-2]
    if expansion.endswith("s") and not expansion.endswith("ss"):
        return expansion[:-1]
    return expansion
