"""Find known acronyms: one Aho-Corasick automaton per glossary, Unicode word boundaries.

Every surface form of every acronym is a key of the automaton: the acronym
itself, its plural (`PCSOs`), possessives (`PCC's`, `PCC’s`) and plural
possessives (`PCCs'`). The original text is scanned once; matches are
case-sensitive, leftmost-longest, on word boundaries, and their offsets are
half-open `[start, end)` into the original string.

>>> from acronyms.glossary import Entry, Glossary
>>> g = Glossary.from_entries([Entry("SNP", "Safer Neighbourhood Panel")])
>>> [(m.start, m.end, m.form.value) for m in find("İ SNPs, SNP’s; xSNP SNP2", g)]
[(2, 6, 'plural'), (8, 13, 'possessive')]
"""

from __future__ import annotations

import bisect
import enum
import functools
import re
import string
import unicodedata
import weakref
from collections.abc import Callable, Iterator
from typing import Any, Final, NamedTuple, TypeVar, cast

import ahocorasick

from .glossary import Glossary, collection_paused


class Form(enum.Enum):
    """How a surface form relates to its acronym."""

    BASE = "base"
    PLURAL = "plural"
    POSSESSIVE = "possessive"
    PLURAL_POSSESSIVE = "plural-possessive"

    @property
    def is_plural(self) -> bool:
        return self in (Form.PLURAL, Form.PLURAL_POSSESSIVE)


APOSTROPHES: Final = ("'", "\u2019")
SUFFIXES: Final[tuple[tuple[str, Form], ...]] = (
    ("s", Form.PLURAL),
    *((f"{mark}s", Form.POSSESSIVE) for mark in APOSTROPHES),
    *((f"s{mark}", Form.PLURAL_POSSESSIVE) for mark in APOSTROPHES),
)


class Match(NamedTuple):
    """One occurrence of a known acronym: `text[start:end]` is the surface form.

    An immutable named tuple rather than a frozen dataclass: the scan makes one
    per hit, and a tuple is built three times faster.
    """

    start: int
    end: int
    acronym: str
    form: Form = Form.BASE

    def surface(self, text: str) -> str:
        """The acronym as written in `text`: `PCSOs`, `PCC’s`."""
        return text[self.start : self.end]

    @property
    def base_end(self) -> int:
        """Where the acronym itself ends (before a plural or possessive suffix)."""
        return self.start + len(self.acronym)


NamedTupleT = TypeVar("NamedTupleT", bound=tuple[Any, ...])


def tuple_maker(cls: type[NamedTupleT]) -> Callable[[tuple[Any, ...]], NamedTupleT]:
    """A function that makes a `cls` named tuple from a tuple of all its fields.

    For the types made once per hit (`Match`, `Decision`, `Insertion`): calling the
    class runs its generated `__new__`, which handles keywords and defaults and
    costs about 0.4 us; `tuple.__new__` directly costs 0.15 us.

    >>> tuple_maker(Match)((0, 3, "SNP", Form.BASE)) == Match(0, 3, "SNP")
    True
    """
    return cast(Callable[[tuple[Any, ...]], NamedTupleT], functools.partial(tuple.__new__, cls))


def surface_forms(acronym: str) -> Iterator[tuple[str, Form]]:
    """Every written form of an acronym, the acronym itself first.

    >>> [form for form, _ in surface_forms("PCC")]
    ['PCC', 'PCCs', "PCC's", 'PCC’s', "PCCs'", 'PCCs’']
    """
    yield acronym, Form.BASE
    for suffix, form in SUFFIXES:
        yield acronym + suffix, form


ASCII_WORD: Final = frozenset(string.ascii_letters + string.digits + "_")  # the hot path's shortcut for is_word_char
ASCII_OTHER: Final = frozenset(chr(code) for code in range(128)) - ASCII_WORD


def is_word_char(char: str) -> bool:
    """True for letters, digits, underscore and combining marks, in any script."""
    return char.isalnum() or char == "_" or unicodedata.category(char)[0] == "M"


# How far back a quote closed by `PCSOs'` may have opened: in the same sentence, on the same line, and
# within a long sentence's length.
QUOTE_REACH: Final = 300
# What the look-back for an open quote reads, with `\w` for `is_word_char`: a quote opening (`‘`, or `'`
# starting a word after a space, an opening bracket or quote, or a dash: not after `]` or `>`, which is a
# footnote marker or tag that annotation put after an acronym, `PCC[1]'s`), one closing (`’` or `'` at the end
# of a word), and where a sentence or line ends.
QUOTE_EVENTS: Final = re.compile(
    r"(?P<open>\u2018|(?<![^\s(\[{\"\u201c\u00ab\u2013\u2014])'(?=\w))"
    r"|(?P<close>(?<=\S)['\u2019](?!\w))|(?P<stop>[\n\r]|[.!?](?=\s))"
)


def closes_quote(text: str, at: int, floor: int = 0) -> bool:
    """True when the apostrophe at `at` closes a quote opened before it in the same sentence and line.

    A quote opens with `‘`, or with `'` at the start of a word; it closes with
    `’` or `'` at the end of one. So `'the PCSOs'` is a quoted plural, while
    `the PCSOs' van` and `'Yes,' the PCSOs' van` hold a plural possessive. The
    look-back reaches `QUOTE_REACH` characters, and not before `floor`.

    >>> closes_quote("He said 'the PCSOs' were late", 18), closes_quote("'Yes,' the PCSOs' van", 16)
    (True, False)
    """
    closed = 0  # quotes closed between an opening and the apostrophe
    events = list(QUOTE_EVENTS.finditer(text, max(floor, at - QUOTE_REACH), at))
    for event in reversed(events):
        kind = event.lastgroup
        if kind == "stop":
            return False
        if kind == "close":
            closed += 1
        elif not closed:
            return True
        else:
            closed -= 1
    return False


class Matcher:
    """An Aho-Corasick automaton over every surface form of a glossary's acronyms."""

    def __init__(self, glossary: Glossary) -> None:
        self.automaton = ahocorasick.Automaton()
        with collection_paused():  # hundreds of thousands of small tuples: the collector would only rescan them
            for acronym in glossary.acronyms:
                self.automaton.add_word(acronym, (acronym, Form.BASE, len(acronym)))
            for acronym in glossary.acronyms:
                for key, form in surface_forms(acronym):
                    if key not in self.automaton:  # a real acronym beats another's plural
                        self.automaton.add_word(key, (acronym, form, len(key)))
            if len(self.automaton):
                self.automaton.make_automaton()

    def find(self, text: str) -> list[Match]:
        """Non-overlapping matches on word boundaries, leftmost-longest, in text order."""
        if not len(self.automaton):
            return []
        kept: list[Match] = []
        limit = len(text)
        ascii_word, ascii_other, new_match = ASCII_WORD, ASCII_OTHER, tuple_maker(Match)
        plural_possessive, plural = Form.PLURAL_POSSESSIVE, Form.PLURAL
        possessive_end = 0  # after the last plural possessive: it closed the open quote or none was open
        kept_end = -1  # where the last match kept ends
        # Typed for mypyc (see setup.py), which then unpacks each hit as a tuple instead of iterating over it.
        hits = cast(Iterator[tuple[int, tuple[str, Form, int]]], self.automaton.iter(text))
        for last, (acronym, form, length) in hits:
            start = last + 1 - length
            if start:
                before = text[start - 1]
                if before in ascii_word or (before not in ascii_other and is_word_char(before)):
                    continue
            end = last + 1
            if end < limit:
                after = text[end]
                if after in ascii_word or (after not in ascii_other and is_word_char(after)):
                    continue
            if form is plural_possessive:  # rare: is it a quoted plural, `'the PCSOs'`?
                quoted = closes_quote(text, last, possessive_end)
                possessive_end = end
                if quoted:
                    end, form = last, plural
            if start >= kept_end:  # the common case: clear of the last match kept
                kept.append(new_match((start, end, acronym, form)))
                kept_end = end
                continue
            # It overlaps matches kept (hits come in order of their end): it wins only if it
            # starts no later than all of them, and being longer, it then replaces them.
            first = len(kept) - 1
            while first > 0 and kept[first - 1].end > start:
                first -= 1
            if kept[first].start >= start:
                del kept[first:]
                kept.append(new_match((start, end, acronym, form)))
                kept_end = end
        return kept


_matchers: weakref.WeakKeyDictionary[Glossary, Matcher] = weakref.WeakKeyDictionary()


def matcher_for(glossary: Glossary) -> Matcher:
    """The glossary's matcher, built once and reused."""
    matcher = _matchers.get(glossary)
    if matcher is None:
        matcher = _matchers[glossary] = Matcher(glossary)
    return matcher


def find(text: str, glossary: Glossary) -> list[Match]:
    """Every known acronym in `text`, with half-open offsets into `text`.

    The cyclic garbage collector is paused meanwhile, as in `acronyms.annotation`:
    a match is a tuple that holds no other container, and a long text has many.
    """
    with collection_paused():
        return matcher_for(glossary).find(text)


# Markdown emphasis written with underscores, on one line: `_PCC_`, `__CJS__`, `_the PCC_`. An opening run
# follows no word character and no space follows it; a closing one follows no space and precedes no word character,
# so `snake_case_PCC` and `PCC_2` hold none. A run pairs with the last opening run of its length on its line,
# `EMPHASIS_REACH` characters back at most (an emphasised sentence fits).
MAX_EMPHASIS_RUN: Final = 3  # `___bold italic___`
EMPHASIS_REACH: Final = 1000


def find_in_markdown(text: str, glossary: Glossary) -> list[Match]:
    """`find`, and also the acronyms at the inner edges of Markdown emphasis written with underscores.

    `find` reads `_` as part of a word (as in `snake_case_PCC`), so `_PCC_`
    holds no match for it; here the text inside each such emphasis is searched
    too, and the hits at its edges join the others (leftmost-longest, as `find`).
    Only Markdown that holds an `_` pays, once per run of underscores.

    >>> from acronyms.glossary import Entry, Glossary
    >>> g = Glossary.from_entries([Entry("PCC", "Police and Crime Commissioner")])
    >>> [(m.start, m.end) for m in find_in_markdown("The _PCC_, __PCC__ and PCC_2, not snake_PCC_", g)]
    [(5, 8), (13, 16)]
    """
    matches = find(text, glossary)
    if "_" not in text:
        return matches
    edges = []
    for start, end in underscore_emphasis(text):
        for hit in find(text[start:end], glossary):
            if hit.start == 0 or hit.end == end - start:
                edges.append(hit._replace(start=hit.start + start, end=hit.end + start))
    if not edges:
        return matches
    for edge in edges:  # few: each goes in its place, leftmost-longest against its neighbours
        at = bisect.bisect_left(matches, edge.start, key=_start)
        if at and matches[at - 1].end > edge.start:
            continue
        last = at
        while last < len(matches) and matches[last].start < edge.end:
            last += 1
        matches[at:last] = [edge]
    return matches


def _start(match: Match) -> int:
    return match.start


def underscore_emphasis(text: str) -> Iterator[tuple[int, int]]:
    """The spans of text inside Markdown emphasis written with underscores, in text order.

    >>> text = "_a_ x_y_ __b c__ _d\\ne_"
    >>> [text[start:end] for start, end in underscore_emphasis(text)]
    ['a', 'b c']
    """
    opened: dict[int, int] = {}  # run length: where the text it opens starts
    line_end = -1
    limit = len(text)
    start = text.find("_")  # `str.find` runs at memory speed, a regex for the runs ten times slower
    while start != -1:
        end = start + 1
        while end < limit and text[end] == "_":
            end += 1
        if start > line_end:  # a new line: nothing opened before it pairs with what follows
            opened.clear()
            line_end = text.find("\n", start)
            line_end = limit if line_end == -1 else line_end
        length = end - start
        if length <= MAX_EMPHASIS_RUN:
            before = text[start - 1] if start else " "
            after = text[end] if end < limit else " "
            if not before.isspace() and not is_word_char(after) and length in opened:
                if start - opened[length] <= EMPHASIS_REACH:
                    yield opened[length], start
                del opened[length]
            elif not is_word_char(before) and not after.isspace():
                opened[length] = end
        start = text.find("_", end)
