"""Acronym-shaped words that no glossary needs to know: `GM`, `TDCC`, `ToMV`, `PCSOs`.

A candidate is a whole word (Unicode word boundaries, as in the matcher) made
of letters and digits that starts with a capital, ends with a capital, a
digit or a Welsh digraph (`CHTh`, Comisiynydd Heddlu a Throseddu), and has at
least two capitals: `ANPR`, `ToMV`, `PhD`, `COVID19`. A
final lower-case `s` after a capital or digit is a plural (`PCSOs` is `PCSO`).
Not candidates: Roman numerals written with I, V and X (`II`, `XIV`),
words shouted in capitals that the same text also writes in lower case
(`ACTION 19` where the minutes say `this action is closed`), and the words
minutes and reports write in capitals as labels (`RESOLVED:`, `AGREED`,
`APOLOGIES`, `OFFICIAL`: `MINUTE_WORDS`). Everything subtler (units, times,
headings in capitals) is left to spaCy context.

>>> [(c.acronym, c.start, c.form.value) for c in find_candidates("The PCSOs, ToMV and GM’s team met (XIV).")]
[('PCSO', 4, 'plural'), ('ToMV', 11, 'base'), ('GM', 20, 'possessive')]
"""

from __future__ import annotations

import re

from .matcher import APOSTROPHES, Form, Match, is_word_char

MIN_CAPITALS = 2  # one capital is an ordinary capitalised word ("Police"), or a letter ("A")
MAX_CHARS = 10  # Schwartz and Hearst's limit: anything longer in capitals is a shouted word, not an acronym
MIN_SHOUTED_CHARS = 4  # below this, capitals that are also words are real acronyms too: IT, US, AND
WORD = re.compile(r"\w+")
# Welsh letters written with two characters: an acronym's last letter may be one, capital first (`CHTh`, `SCHTh`).
WELSH_DIGRAPHS = frozenset({"Ch", "Dd", "Ff", "Ng", "Ll", "Ph", "Rh", "Th"})
ROMAN_NUMERAL = re.compile(r"X{0,3}(?:IX|IV|V?I{0,3})")
# Ordinary words that minutes, action logs and reports write in capitals as labels and headings
# (`RESOLVED: That the report be noted.`, `ACTION 4`, `APOLOGIES`), and the government protective
# markings at the top of a police paper (`OFFICIAL`). Only words, never an acronym: a glossary that
# defines one of them still finds it, as it finds any acronym. Words longer than `MAX_CHARS` (`RECOMMENDATION`)
# and shorter than `MIN_SHOUTED_CHARS` are left out: the first are never candidates, the second may be acronyms
# (but for RED, LOG, FOR, TO and the Welsh YN, which are none).
MINUTE_WORDS = frozenset(
    [
        # what a meeting decided
        "AGREED",
        "APPROVED",
        "DECISION",
        "DECISIONS",
        "DEFERRED",
        "NOTED",
        "OUTCOME",
        "RECEIVED",
        "RESOLVED",
        # its action log
        "ACTION",
        "ACTIONS",
        "CLOSED",
        "COMPLETE",
        "COMPLETED",
        "DEADLINE",
        "ONGOING",
        "OPEN",
        "OWNER",
        "STATUS",
        # who was there
        "ABSENT",
        "APOLOGIES",
        "ATTENDANCE",
        "ATTENDEES",
        "CHAIR",
        "PRESENT",
        # the parts of the papers
        "AGENDA",
        "ANNEX",
        "APPENDIX",
        "BACKGROUND",
        "CONCLUSION",
        "DATE",
        "ITEM",
        "ITEMS",
        "MINUTES",
        "NOTE",
        "NOTES",
        "PART",
        "PURPOSE",
        "QUESTION",
        "QUESTIONS",
        "REPORT",
        "RESPONSE",
        "SUMMARY",
        "TIME",
        "UPDATE",
        "VENUE",
        # protective markings (Government Security Classifications), and a paper's standing
        "OFFICIAL",
        "SECRET",
        "SENSITIVE",
        "DRAFT",
        "EXEMPT",
        "FINAL",
        "URGENT",
        # the labels of a press release, from its top (`PRESS RELEASE`, `FOR IMMEDIATE RELEASE`,
        # `EMBARGOED UNTIL 00:01`) to its end (`ENDS`, `NOTES TO EDITORS`)
        "PRESS",
        "RELEASE",
        "MEDIA",
        "IMMEDIATE",
        "EMBARGOED",
        "EMBARGO",
        "UNTIL",
        "ENDS",
        "EDITORS",
        # RAG ratings in performance reports; RED, LOG (`ACTION LOG`), FOR (`FOR DECISION`) and TO (`NOTES TO
        # EDITORS`) are the shorter words that are no acronym
        "AMBER",
        "GREEN",
        "RED",
        "LOG",
        "FOR",
        "TO",
        # the same labels in Welsh, as the bilingual papers of Welsh forces and commissioners write them
        # (`CYTUNWYD`, `YN BRESENNOL`, `DATGANIAD I'R WASG`, `DIWEDD`); mutated forms (`BRESENNOL`) too
        "CYTUNWYD",
        "NODWYD",
        "GWEITHREDU",
        "CAMAU",
        "STATWS",
        "PERCHENNOG",
        "CWBLHAWYD",
        "PARHAUS",
        "ABSENNOL",
        "PRESENNOL",
        "BRESENNOL",
        "YN",
        "CADEIRYDD",
        "EITEM",
        "EITEMAU",
        "ATODIAD",
        "ATODIADAU",
        "CEFNDIR",
        "CASGLIAD",
        "DYDDIAD",
        "AMSER",
        "LLEOLIAD",
        "COFNODION",
        "NODYN",
        "NODIADAU",
        "PWRPAS",
        "ADRODDIAD",
        "CRYNODEB",
        "CWESTIWN",
        "CWESTIYNAU",
        "SWYDDOGOL",
        "SENSITIF",
        "DRAFFT",
        "TERFYNOL",
        "BRYS",
        "DATGANIAD",
        "WASG",
        "DIWEDD",
        "OLYGYDDION",
        "COCH",
        "AMBR",
        "GWYRDD",
    ]
)


def is_acronym_shaped(word: str) -> bool:
    """True for `ANPR`, `ToMV`, `PhD`, `A1B`, `CHTh`; false for `Police`, `McDonald`, `iPhone`, `2PM`, `IX`.

    >>> [is_acronym_shaped(w) for w in ("ANPR", "ToMV", "CHTh", "Police", "McDonald", "2PM", "IX", "PCSO_1")]
    [True, True, True, False, False, False, False, False]
    """
    return (
        MIN_CAPITALS <= len(word) <= MAX_CHARS
        and word.isalnum()
        and word[0].isupper()
        and (word[-1].isupper() or word[-1].isdigit() or word[-2:] in WELSH_DIGRAPHS)
        and sum(char.isupper() for char in word) >= MIN_CAPITALS
        and not ROMAN_NUMERAL.fullmatch(word)
    )


# A word that may be a candidate: it starts with an ASCII capital or with a character outside ASCII
# (checked with `str.isupper`). Most words of prose start in lower case: the regex skips them in C.
CAPITALISED_WORD = re.compile(r"(?<!\w)(?:[A-Z]|(?=[^\x00-\x7f])\w)\w*")


def find_candidates(text: str) -> list[Match]:
    """Every acronym-shaped word of `text`, in text order, with half-open offsets into `text`."""
    lower_words = {word for word in WORD.findall(text) if not word.isupper()}
    found = []
    for word in CAPITALISED_WORD.finditer(text):
        start, end = word.span()
        if not text[start].isupper():
            continue
        if (start and is_word_char(text[start - 1])) or (end < len(text) and is_word_char(text[end])):
            continue  # part of a longer word joined by a combining mark
        base, form = _base(word.group())
        if is_acronym_shaped(base) and not _is_shouted(base, lower_words):
            found.append(Match(start, end, base, _possessive(text, end, form)))
    return found


def _base(word: str) -> tuple[str, Form]:
    if len(word) > MIN_CAPITALS and word.endswith("s") and (word[-2].isupper() or word[-2].isdigit()):
        return word[:-1], Form.PLURAL
    return word, Form.BASE


def _possessive(text: str, end: int, form: Form) -> Form:
    """`GM’s` and `PCSOs'`: the word is followed by an apostrophe (and an `s` for a singular)."""
    if text[end : end + 1] not in APOSTROPHES:
        return form
    if form is Form.PLURAL:
        return Form.PLURAL_POSSESSIVE
    after = text[end + 2 : end + 3]
    return Form.POSSESSIVE if text[end + 1 : end + 2] == "s" and not (after and is_word_char(after)) else form


def _is_shouted(word: str, lower_words: set[str]) -> bool:
    """An ordinary word in capitals: a label of minutes (`MINUTE_WORDS`), or one the text also writes in lower case
    or with only a first capital.

    >>> _is_shouted("RESOLVED", set()), _is_shouted("ACTION", {"action"}), _is_shouted("ANPR", set())
    (True, True, False)
    """
    if word in MINUTE_WORDS:
        return True
    return len(word) >= MIN_SHOUTED_CHARS and word.isalpha() and bool({word.lower(), word.capitalize()} & lower_words)
