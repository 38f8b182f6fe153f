"""Matching: surface forms, Unicode word boundaries, leftmost-longest, offsets."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from acronyms import Entry, Form, Glossary, find
from acronyms.matcher import is_word_char, matcher_for


def spans(text: str, glossary: Glossary) -> list[tuple[int, int, str, str]]:
    return [(m.start, m.end, m.acronym, m.form.value) for m in find(text, glossary)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("SNP", [(0, 3, "SNP", "base")]),
        ("SNPs", [(0, 4, "SNP", "plural")]),
        ("SNP's", [(0, 5, "SNP", "possessive")]),
        ("SNP’s", [(0, 5, "SNP", "possessive")]),
        ("SNPs' views", [(0, 5, "SNP", "plural-possessive")]),
        ("xSNP", []),
        ("SNPx", []),
        ("SNP2", []),
        ("2SNP", []),
        ("_SNP", []),
        ("İSNP", []),
        ("éSNP", []),
        ("SNPé", []),
        ("SNP\u0301", []),
        ("snp", []),
        ("Snp", []),
        ("\u00a0SNP\u00a0", [(1, 4, "SNP", "base")]),
        ("(SNP)", [(1, 4, "SNP", "base")]),
        ("SNP.", [(0, 3, "SNP", "base")]),
        ("“SNP”", [(1, 4, "SNP", "base")]),
        ("SNP-led", [(0, 3, "SNP", "base")]),
    ],
    ids=lambda value: repr(value) if isinstance(value, str) else None,
)
def test_word_boundaries(small: Glossary, text: str, expected: list[tuple[int, int, str, str]]) -> None:
    assert spans(text, small) == expected


def test_offsets_index_the_original_text_after_non_ascii(small: Glossary) -> None:
    text = "İİ “quoted” café\u00a0— SNP\r\nPCSOs’"
    found = find(text, small)
    assert [(m.start, m.end) for m in found] == [(19, 22), (24, 30)]
    assert [text[m.start : m.end] for m in found] == ["SNP", "PCSOs’"]


def test_leftmost_longest_prefers_the_longer_acronym(small: Glossary) -> None:
    assert spans("A/ACC and ACC", small) == [(0, 5, "A/ACC", "base"), (10, 13, "ACC", "base")]


def test_shorter_acronym_inside_a_longer_word_is_not_matched(small: Glossary) -> None:
    assert spans("PCC PCCs CCs", small) == [(0, 3, "PCC", "base"), (4, 8, "PCC", "plural"), (9, 12, "CC", "plural")]


def test_slash_separated_acronyms_are_both_found(small: Glossary) -> None:
    assert spans("PCC/CC", small) == [(0, 3, "PCC", "base"), (4, 6, "CC", "base")]


def test_a_real_acronym_beats_another_acronyms_plural() -> None:
    glossary = Glossary.from_entries([Entry("CP", "Child Protection"), Entry("CPs", "Community Partners")])
    assert [(m.acronym, m.form) for m in find("CPs", glossary)] == [("CPs", Form.BASE)]


def test_case_sensitive() -> None:
    glossary = Glossary.from_entries([Entry("ToMV", "Theft of Motor Vehicle")])
    assert spans("ToMV TOMV tomv ToMVs", glossary) == [(0, 4, "ToMV", "base"), (15, 20, "ToMV", "plural")]


def test_empty_glossary_finds_nothing() -> None:
    assert find("SNP", Glossary.from_entries([])) == []


# Leftmost-longest, on word boundaries, by brute force: every occurrence of every written
# form, then the one starting first (the longest of those) again and again.
_OVERLAPPING = Glossary.from_entries(
    [Entry(acronym, acronym) for acronym in ("AB", "ABC", "BC", "BCD", "CD", "sA", "A", "s’AB")]
)


def _leftmost_longest(text: str, glossary: Glossary) -> list[tuple[int, int, str]]:
    automaton = matcher_for(glossary).automaton
    found = []
    for start in range(len(text)):
        for end in range(start + 1, len(text) + 1):
            boundaries = (start == 0 or not is_word_char(text[start - 1])) and (
                end == len(text) or not is_word_char(text[end])
            )
            if boundaries and text[start:end] in automaton:
                found.append((start, end, automaton.get(text[start:end])[0]))
    kept: list[tuple[int, int, str]] = []
    for start, end, acronym in sorted(found, key=lambda hit: (hit[0], hit[0] - hit[1])):
        if not kept or start >= kept[-1][1]:
            kept.append((start, end, acronym))
    return kept


@given(text=st.text(st.sampled_from(list("ABCDs’' x")), max_size=16))
def test_find_is_leftmost_longest(text: str) -> None:
    assert [(m.start, m.end, m.acronym) for m in find(text, _OVERLAPPING)] == _leftmost_longest(text, _OVERLAPPING)
