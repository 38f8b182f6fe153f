"""Find known acronyms: one Aho-Corasick automaton per glossary, Unicode word boundaries.

Every surface form of every acronym is found: the acronym itself, its plural
(`PCSOs`), possessives (`PCC's`, `PCC’s`) and plural possessives (`PCCs'`).
The original text is scanned once (see `Matcher` for how); matches are
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
# An acronym ending in `S` may take the apostrophe alone, as a plural does: `the CPS’ decision`.
S_SUFFIXES: Final = SUFFIXES + tuple((mark, Form.POSSESSIVE) for mark in APOSTROPHES)


def suffixes(acronym: str) -> tuple[tuple[str, Form], ...]:
    """The endings of the acronym's plural and possessive forms."""
    return S_SUFFIXES if acronym.endswith("S") else SUFFIXES


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
    >>> [form for form, _ in surface_forms("CPS")][-2:]
    ["CPS'", 'CPS’']
    """
    yield acronym, Form.BASE
    for suffix, form in suffixes(acronym):
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

    When a quote closes later in the sentence, before another opens, that one closes it, and the
    apostrophe is a possessive inside the quotation: `‘we accept the CPS’ decision’`.

    >>> closes_quote("He said ‘we accept the CPS’ decision’ today.", 26), closes_quote("‘the CPS’ and ‘the PCC’", 8)
    (False, True)
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
            return not _closes_later(text, at)
        else:
            closed -= 1
    return False


def _closes_later(text: str, at: int) -> bool:
    """True when the next quote event after the apostrophe at `at`, in its sentence, surely closes a quote.

    Not an apostrophe after an `s`: that may be a plural's possessive (`'the SNPs' and the SNPs' van`).
    """
    following = QUOTE_EVENTS.search(text, at + 1, at + 1 + QUOTE_REACH)
    return following is not None and following.lastgroup == "close" and text[following.start() - 1] not in "sS"


def _is_word(key: str) -> bool:
    """True when every character of `key` is a word character."""
    if key.isascii():
        return ASCII_WORD.issuperset(key)
    return all(map(is_word_char, key))


class Matcher:
    """Aho-Corasick automata over every surface form of a glossary's acronyms.

    A form that is a whole word (`PCC`, `PCCs`) can match only a whole word of
    the text, so `automaton`, which holds those, is searched with `iter_long`.
    No key of it holds a character that is not a word character, so its walk
    starts afresh at each word, and a word that is a form is walked to its end
    and given as one hit. That is every match `iter` would give once the
    boundaries are checked, from far fewer hits (`iter` gives `PCC`, `CC` and
    `CCs` in `PCCs` too). An apostrophe ending (`PCC's`, `PCCs'`) is looked up
    in `endings` once its stem is found, and the rare form with another
    character that is not a word character (`A&E`) is searched for in `others`
    with `iter`. A property test checks the matches against brute force.
    """

    def __init__(self, glossary: Glossary) -> None:
        self.automaton = ahocorasick.Automaton()
        self.endings: dict[str, tuple[str, Form, int]] = {}
        self.others = ahocorasick.Automaton()
        with collection_paused():  # hundreds of thousands of small tuples: the collector would only rescan them
            acronyms = glossary.acronyms
            names = set(acronyms)
            add_word, add_other, endings = self.automaton.add_word, self.others.add_word, self.endings
            for acronym in acronyms:
                # A form is a whole word when its acronym is one and it is the acronym or its plural. Then the
                # stem of each apostrophe ending (the acronym, or its plural) is a whole word too.
                word = _is_word(acronym)
                (add_word if word else add_other)(acronym, (acronym, Form.BASE, len(acronym)))
                for suffix, form in S_SUFFIXES if acronym[-1] == "S" else SUFFIXES:  # `suffixes`, inlined
                    key = acronym + suffix
                    if key in names:  # a real acronym beats another's plural
                        continue
                    value = (acronym, form, len(key))
                    if word and form is Form.PLURAL:  # no other acronym's form is this whole word
                        add_word(key, value)
                    elif key in endings or key in self.others:  # `PCC's`, the plural of `PCC'`: the first one wins
                        continue
                    elif word:
                        endings[key] = value
                    else:
                        add_other(key, value)
            for automaton in (self.automaton, self.others):
                if len(automaton):
                    automaton.make_automaton()

    def ending(self, text: str, start: int, end: int) -> tuple[int, tuple[str, Form, int]] | None:
        """The hit of an apostrophe ending on the word form at `[start, end)` (`PCC's`, `PCCs'`), if one ends on a word
        boundary: where it ends and which, as the automaton gives a hit."""
        limit = len(text)
        for ending_end in (end + 2, end + 1):  # `PCC's`, `PCCs'`: when one is found the other is no whole word
            if ending_end <= limit and (ending_end == limit or not is_word_char(text[ending_end])):
                ending = self.endings.get(text[start:ending_end])
                if ending is not None:
                    return ending_end - 1, ending
        return None

    def hits(self, text: str) -> Iterator[tuple[int, tuple[str, Form, int]]]:
        """Where forms end in `text` and which, in order of their end, the longest first; every form on word
        boundaries is among them. `find` looks up the apostrophe endings itself when there are no `others`."""
        if not len(self.automaton):
            words: Iterator[tuple[int, tuple[str, Form, int]]] = iter(())
        else:  # typed for mypyc (see setup.py), which then unpacks each hit as a tuple instead of iterating over it
            words = cast(Iterator[tuple[int, tuple[str, Form, int]]], self.automaton.iter_long(text))
        if not len(self.others):
            return words
        hits = []
        for hit in words:
            hits.append(hit)
            last = hit[0]
            if text[last + 1 : last + 2] in APOSTROPHES and (
                ending := self.ending(text, last + 1 - hit[1][2], last + 1)
            ):
                hits.append(ending)
        hits += cast(Iterator[tuple[int, tuple[str, Form, int]]], self.others.iter(text))
        hits.sort(key=lambda hit: (hit[0], -hit[1][2]))
        return iter(hits)

    def find(self, text: str) -> list[Match]:
        """Non-overlapping matches on word boundaries, leftmost-longest, in text order."""
        if not len(self.automaton) and not len(self.others):
            return []
        kept: list[Match] = []
        limit = len(text)
        ascii_word, ascii_other, new_match = ASCII_WORD, ASCII_OTHER, tuple_maker(Match)
        plural_possessive, plural, possessive, base = Form.PLURAL_POSSESSIVE, Form.PLURAL, Form.POSSESSIVE, Form.BASE
        endings = APOSTROPHES if not len(self.others) else ()  # else `hits` gives them
        possessive_end = 0  # after the last plural possessive: it closed the open quote or none was open
        kept_end = -1  # where the last match kept ends
        for last, (acronym, form, length) in self.hits(text):
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
                if after in endings and (ending := self.ending(text, start, end)) is not None:
                    last, (acronym, form, length) = ending
                    end = last + 1
            if form is plural_possessive or (form is possessive and text[last] != "s"):
                # Rare: is it a quoted plural, `'the PCSOs'`, or a quoted acronym ending in S, `‘the CPS’`?
                quoted = closes_quote(text, last, possessive_end)
                possessive_end = end
                if quoted:
                    end, form = last, plural if form is plural_possessive else base
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
