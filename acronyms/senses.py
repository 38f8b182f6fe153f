"""Choosing between the senses of an ambiguous acronym from the words around it.

Without spaCy this compares lower-cased words: a sense scores one point for each
of its `context` words and expansion words found near the acronym, and more for
a word the text itself writes than for one that only a neighbouring acronym's
expansion brings. The best score wins only when it is above zero and no other
sense ties with it; otherwise the choice is left open (annotation does not guess).

"Near" means the acronym's paragraph and the one before it, plus the
expansions of the unambiguous acronyms used there, less the long forms spelled
out beside an acronym. Paragraphs are separated by blank lines, which
annotation never inserts, and an expansion counts the same whether it is
spelled out or not, so annotating twice sees the same context as once.

>>> from acronyms.glossary import Entry
>>> senses = (Entry("CC", "Chief Constable", context=("force", "police")),
...           Entry("CC", "County Council", context=("council", "councillors")))
>>> choose_sense(senses, words("The county council budget was set.")).expansion
'County Council'
>>> choose_sense(senses, words("Nothing to go on here.")) is None
True
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections.abc import Sequence
from typing import Final

from .glossary import Entry, Glossary
from .matcher import Match
from .positions import PARAGRAPH_BREAK

WORD: Final = re.compile(r"[^\W\d_]+")
_NOT_BLANK: Final = re.compile(r"[^ \t\r\n]")  # a character that no paragraph break holds
PARAGRAPH_REACH: Final = 2000  # how far before a hit the search for its paragraph's breaks starts (then twice as far)
PARAGRAPHS_BEFORE: Final = 1  # minutes often name the topic in the paragraph before the one that abbreviates it
SENTENCE_WEIGHT: Final = 2  # the acronym's own sentence speaks for it more directly than its paragraph
# A word the text writes says what it is about; a word that only a neighbouring acronym's expansion brings
# says which acronyms stand near ("the PCC saw CC theft of metal": Police ... from PCC, theft and metal written).
WRITTEN_WEIGHT: Final = 2
MIN_SINGULAR: Final = 3  # a plural of four letters or more also counts as its singular (`forces`: `force`); `bus` stays
STOP_WORDS: Final = frozenset(
    ["a", "an", "and", "as", "at", "by", "for", "from", "in", "of", "on", "or", "the", "to", "with"]
)


def words(text: str) -> frozenset[str]:
    """Lower-cased words of `text`, with a crude singular for each plural.

    >>> sorted(words("Catalytic Converters, metal"))
    ['catalytic', 'converter', 'converters', 'metal']
    """
    found = set(map(str.casefold, WORD.findall(text)))
    found.update([word[:-1] for word in found if len(word) > MIN_SINGULAR and word[-1] == "s"])
    return frozenset(found)


@functools.lru_cache(maxsize=65536)  # each paragraph adds the expansions of its acronyms: the same ones, often
def expansion_words(expansion: str) -> frozenset[str]:
    """`words` of an expansion, cached."""
    return words(expansion)


@functools.lru_cache(maxsize=4096)  # the same few ambiguous senses are scored again and again
def sense_words(entry: Entry) -> frozenset[str]:
    """The words that signal `entry`: its context words and its expansion's words (runs of letters, as `words`)."""
    signals = (frozenset(entry.context) | expansion_words(entry.expansion)) - STOP_WORDS
    return frozenset(word for word in signals if WORD.fullmatch(word))  # `24/7` could never be found


def choose_sense(
    senses: Sequence[Entry],
    nearby: frozenset[str],
    sentence: frozenset[str] = frozenset(),
    written: frozenset[str] | None = None,
) -> Entry | None:
    """The one sense whose words best match the `nearby` and `sentence` words, or None when nothing decides.

    A word of the acronym's own sentence counts `SENTENCE_WEIGHT` times a word nearby,
    and a word `written` in the text near the acronym (rather than only brought by an
    acronym's expansion) `WRITTEN_WEIGHT` times one that is not; without `written`
    every word counts as written.
    """
    if len(senses) == 1:
        return senses[0]
    if not senses:
        return None

    def weight(found: frozenset[str]) -> int:
        if written is None:
            return WRITTEN_WEIGHT * len(found)
        return len(found) + (WRITTEN_WEIGHT - 1) * len(found & written)

    def score(sense: Entry) -> int:
        signals = sense_words(sense)
        return SENTENCE_WEIGHT * weight(signals & sentence) + weight(signals & nearby)

    scores = sorted(((score(sense), index) for index, sense in enumerate(senses)), reverse=True)
    (best, index), (runner_up, _) = scores[0], scores[1]
    return senses[index] if best > runner_up else None


class Context:
    """The words near each position of a text, computed per paragraph on first use.

    Choosing a sense only asks which of the senses' own words occur, so the
    methods take `among`, those words, and then look each one up in the
    case-folded text instead of collecting every word of a paragraph: the
    same answer as `words(...) & among` at a fraction of the cost.
    """

    def __init__(
        self, text: str, matches: Sequence[Match], glossary: Glossary, excluded: Sequence[tuple[int, int]] = ()
    ) -> None:
        self.text = text
        self.excluded = sorted(excluded)
        # How far each excluded span, and those before it, reach: `_without_long_forms` starts from the first past its start.
        self.reaches = list(itertools.accumulate((end for _, end in self.excluded), max))
        self.matches = matches
        self.match_starts = [match.start for match in matches]
        self.glossary = glossary
        self._cache: dict[int, frozenset[str]] = {}  # by paragraph start
        self._readings: dict[int, _Reading] = {}
        self._paragraph_starts: list[int] = []  # of the paragraphs `paragraphs_around` has found, sorted
        self._paragraphs: list[list[tuple[int, int]]] = []  # what it found for each

    def words_in(self, start: int, end: int, among: frozenset[str] | None = None) -> frozenset[str]:
        """Words of `[start, end)` (a sentence, say) counted the same way as a paragraph's; only `among` if given."""
        if among is None:
            return self._words(start, end)
        return self._reading(start, end).words(among)

    def written_in(self, start: int, end: int, among: frozenset[str]) -> frozenset[str]:
        """The words of `among` that `[start, end)` writes itself (not only an acronym's expansion)."""
        return self._reading(start, end).written(among)

    def written_near(self, offset: int, among: frozenset[str] | None = None) -> frozenset[str]:
        """The words that the paragraphs of `words_near` write themselves; only `among` if given."""
        paragraphs = self.paragraphs_around(offset)
        if among is None:
            return frozenset().union(*(words(self._without_long_forms(*paragraph)) for paragraph in paragraphs))
        return frozenset().union(*(self._paragraph_reading(*paragraph).written(among) for paragraph in paragraphs))

    def excluded_at(self, offset: int) -> bool:
        """True inside a long form spelled out beside its acronym."""
        index = bisect.bisect_right(self.excluded, (offset, len(self.text) + 1)) - 1
        return index >= 0 and self.excluded[index][0] <= offset < self.excluded[index][1]

    def words_near(self, offset: int, among: frozenset[str] | None = None) -> frozenset[str]:
        """Words of the paragraph holding `offset` and the paragraph before it; only `among` if given."""
        paragraphs = self.paragraphs_around(offset)
        if among is None:
            return frozenset().union(*(self._paragraph_words(*paragraph) for paragraph in paragraphs))
        return frozenset().union(*(self._paragraph_reading(*paragraph).words(among) for paragraph in paragraphs))

    def paragraphs_around(self, offset: int) -> list[tuple[int, int]]:
        """The paragraph holding `offset` and up to `PARAGRAPHS_BEFORE` before it, as `[start, end)` spans.

        Found once per paragraph (`_find_paragraphs_around`): the hits of one long
        paragraph would otherwise each look for its breaks again.
        """
        index = bisect.bisect_right(self._paragraph_starts, offset) - 1
        if index >= 0 and offset < self._paragraphs[index][-1][1]:
            return self._paragraphs[index]
        found = self._find_paragraphs_around(offset)
        start = found[-1][0]
        index = bisect.bisect_left(self._paragraph_starts, start)
        if index < len(self._paragraph_starts) and self._paragraph_starts[index] == start:  # at the text's end
            self._paragraphs[index] = found
        else:
            self._paragraph_starts.insert(index, start)
            self._paragraphs.insert(index, found)
        return found

    def _find_paragraphs_around(self, offset: int) -> list[tuple[int, int]]:
        """The paragraph holding `offset` and up to `PARAGRAPHS_BEFORE` before it, as `[start, end)` spans.

        The breaks are those a scan of the whole text from its start finds, but the
        scan starts a little before `offset`, just after a character that no break
        holds (so no break straddles that point), and reaches further back only
        when too few breaks lie there: the cost follows the hits that ask, not the
        length of the text.

        >>> Context("One.\\n\\nTwo.\\n \\nThree and SNP.\\n\\nFour.", [], Glossary.from_entries([])).paragraphs_around(20)
        [(6, 13), (13, 29)]
        """
        text, reach = self.text, PARAGRAPH_REACH
        while True:
            low = max(0, offset - reach)
            solid = _NOT_BLANK.search(text, low - 1, offset) if low else None
            if low and solid is None:  # nothing but blank lines back to `low`
                reach *= 2
                continue
            start = solid.end() if solid else 0
            starts, end = [0] if start == 0 else [], len(text)
            for found in PARAGRAPH_BREAK.finditer(text, start):
                if found.end() > offset:
                    end = found.end()
                    break
                starts.append(found.end())
            if start == 0 or len(starts) > PARAGRAPHS_BEFORE:
                starts = starts[-(PARAGRAPHS_BEFORE + 1) :]
                return list(zip(starts, [*starts[1:], end]))
            reach *= 2

    def _paragraph_words(self, start: int, end: int) -> frozenset[str]:
        if start not in self._cache:
            self._cache[start] = self._words(start, end)
        return self._cache[start]

    def _paragraph_reading(self, start: int, end: int) -> _Reading:
        if start not in self._readings:
            self._readings[start] = self._reading(start, end)
        return self._readings[start]

    def _words(self, start: int, end: int) -> frozenset[str]:
        """Words of `[start, end)` less spelled-out long forms, plus unambiguous acronyms' expansions."""
        return frozenset(words(self._without_long_forms(start, end)) | self._expansion_words(start, end))

    def _reading(self, start: int, end: int) -> _Reading:
        return _Reading(self._without_long_forms(start, end), self._expansion_words(start, end))

    def _expansion_words(self, start: int, end: int) -> frozenset[str]:
        """The words of the expansions of the unambiguous acronyms used in `[start, end)`."""
        low, high = bisect.bisect_left(self.match_starts, start), bisect.bisect_left(self.match_starts, end)
        found: set[str] = set()
        lookup = self.glossary.lookup
        for match in self.matches[low:high]:
            senses = lookup(match.acronym)
            if len(senses) == 1:
                found.update(expansion_words(senses[0].expansion))
        return frozenset(found)

    def _without_long_forms(self, start: int, end: int) -> str:
        pieces, position = [], start
        # From the first span that reaches past `start` (one may start before it: a sentence starting in a long form).
        for index in range(bisect.bisect_right(self.reaches, start), len(self.excluded)):
            excluded_start, excluded_end = self.excluded[index]
            if excluded_start >= end:
                break
            pieces.append(self.text[position:excluded_start])
            position = max(position, excluded_end)
        pieces.append(self.text[position:end])
        return " ".join(pieces)


class _Reading:
    """A piece of text, case-folded, that answers which of some words `words` would find in it."""

    def __init__(self, text: str, expansions: frozenset[str]) -> None:
        self.text = text
        self.folded = text.casefold()
        self.expansions = expansions
        self._all: frozenset[str] | None = None
        self._written: dict[str, bool] = {}  # by word: `_writes`
        self._written_among: dict[frozenset[str], frozenset[str]] = {}  # by `among`: `written`

    def words(self, among: frozenset[str]) -> frozenset[str]:
        """`(words(text) | expansions) & among`: what `written` finds, and the expansions' words."""
        return self.written(among) | (self.expansions & among)

    def written(self, among: frozenset[str]) -> frozenset[str]:
        """`words(text) & among`: the words of `among` the text writes itself."""
        if len(self.folded) != len(self.text):
            return self._words() & among
        found = self._written_among.get(among)
        if found is None:
            writes = self._writes
            found = self._written_among[among] = frozenset(word for word in among if writes(word))
        return found

    def _writes(self, word: str) -> bool:
        """Whether the text writes `word`, looked up once: every hit of a long paragraph asks again."""
        found = self._written.get(word)
        if found is None:
            folded = self.folded
            # Most words are absent: one `find` settles those.
            found = folded.find(word) != -1 and _written_in(folded, word) and WORD.fullmatch(word) is not None
            self._written[word] = found
        return found

    def _words(self) -> frozenset[str]:
        if self._all is None:
            self._all = words(self.text)
        return self._all


def _written_in(folded: str, word: str) -> bool:
    """True when `words` of the text folded to `folded` holds `word` (a run of letters): whole, or before a plural `s`."""
    length = len(word)
    at = folded.find(word)
    while at != -1:
        end = at + length
        if at == 0 or not _is_letter(folded[at - 1]):
            if end == len(folded) or not _is_letter(folded[end]):
                return True
            plural = length >= MIN_SINGULAR and folded[end] == "s"
            if plural and (end + 1 == len(folded) or not _is_letter(folded[end + 1])):
                return True
        at = folded.find(word, at + 1)
    return False


def _is_letter(char: str) -> bool:
    """What `WORD` matches: letters and other alphanumerics but decimal digits (and `_`)."""
    return char.isalnum() and not char.isdecimal()
