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

import enum
import unicodedata
import weakref
from collections.abc import Iterator
from dataclasses import dataclass

import ahocorasick

from .glossary import Glossary


class Form(enum.Enum):
    """How a surface form relates to its acronym."""

    BASE = "base"
    PLURAL = "plural"
    POSSESSIVE = "possessive"
    PLURAL_POSSESSIVE = "plural-possessive"

    @property
    def is_plural(self) -> bool:
        return self in (Form.PLURAL, Form.PLURAL_POSSESSIVE)

    @property
    def is_possessive(self) -> bool:
        return self in (Form.POSSESSIVE, Form.PLURAL_POSSESSIVE)


APOSTROPHES = ("'", "\u2019")
SUFFIXES: tuple[tuple[str, Form], ...] = (
    ("s", Form.PLURAL),
    *((f"{mark}s", Form.POSSESSIVE) for mark in APOSTROPHES),
    *((f"s{mark}", Form.PLURAL_POSSESSIVE) for mark in APOSTROPHES),
)


@dataclass(frozen=True)
class Match:
    """One occurrence of a known acronym: `text[start:end]` is the surface form."""

    start: int
    end: int
    acronym: str
    form: Form = Form.BASE

    @property
    def base_end(self) -> int:
        """Where the acronym itself ends (before a plural or possessive suffix)."""
        return self.start + len(self.acronym)


def surface_forms(acronym: str) -> Iterator[tuple[str, Form]]:
    """Every written form of an acronym, the acronym itself first.

    >>> [form for form, _ in surface_forms("PCC")]
    ['PCC', 'PCCs', "PCC's", 'PCC’s', "PCCs'", 'PCCs’']
    """
    yield acronym, Form.BASE
    for suffix, form in SUFFIXES:
        yield acronym + suffix, form


def is_word_char(char: str) -> bool:
    """True for letters, digits, underscore and combining marks, in any script."""
    return char.isalnum() or char == "_" or unicodedata.category(char)[0] == "M"


class Matcher:
    """An Aho-Corasick automaton over every surface form of a glossary's acronyms."""

    def __init__(self, glossary: Glossary) -> None:
        self.automaton = ahocorasick.Automaton()
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
        for last, (acronym, form, length) in self.automaton.iter(text):
            start, end = last + 1 - length, last + 1
            if (start and is_word_char(text[start - 1])) or (end < limit and is_word_char(text[end])):
                continue
            while kept and kept[-1].end > start:  # overlaps: the leftmost, then longest, wins
                if kept[-1].start < start:
                    break
                kept.pop()
            else:
                kept.append(Match(start, end, acronym, form))
        return kept


_matchers: weakref.WeakKeyDictionary[Glossary, Matcher] = weakref.WeakKeyDictionary()


def matcher_for(glossary: Glossary) -> Matcher:
    """The glossary's matcher, built once and reused."""
    matcher = _matchers.get(glossary)
    if matcher is None:
        matcher = _matchers[glossary] = Matcher(glossary)
    return matcher


def find(text: str, glossary: Glossary) -> list[Match]:
    """Every known acronym in `text`, with half-open offsets into `text`."""
    return matcher_for(glossary).find(text)
