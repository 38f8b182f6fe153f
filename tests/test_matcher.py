"""Matching: surface forms, Unicode word boundaries, leftmost-longest, offsets."""

from __future__ import annotations

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from acronyms import Entry, Form, Glossary, find
from acronyms.matcher import APOSTROPHES, Match, is_word_char, surface_forms


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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He said 'the SNPs' were late.", [(13, 17, "SNP", "plural")]),
        ("The ‘SNPs’ term.", [(5, 9, "SNP", "plural")]),
        ("'SNPs'", [(1, 5, "SNP", "plural")]),
        ("(‘the SNPs’)", [(6, 10, "SNP", "plural")]),
        ("The SNPs' van.", [(4, 9, "SNP", "plural-possessive")]),
        ("The SNPs’ van.", [(4, 9, "SNP", "plural-possessive")]),
        ("'Yes,' the SNPs' van.", [(11, 16, "SNP", "plural-possessive")]),
        ("‘Yes’ and the SNPs’ van.", [(14, 19, "SNP", "plural-possessive")]),
        ("Don't let the SNPs' van go.", [(14, 19, "SNP", "plural-possessive")]),
        ("'Stop. The SNPs' van.", [(11, 16, "SNP", "plural-possessive")]),
        ("'Stop\nthe SNPs' van.", [(10, 15, "SNP", "plural-possessive")]),
        ("'the SNPs' and the SNPs' van.", [(5, 9, "SNP", "plural"), (19, 24, "SNP", "plural-possessive")]),
        ("(—'the SNPs')", [(7, 11, "SNP", "plural")]),
        ("SNP[1]'s SNPs’ van.", [(0, 3, "SNP", "base"), (9, 14, "SNP", "plural-possessive")]),
        ("<b>SNP</b>'s SNPs' van.", [(3, 6, "SNP", "base"), (13, 18, "SNP", "plural-possessive")]),
        ("He said ‘we met the SNPs’ chair’ today.", [(20, 25, "SNP", "plural-possessive")]),
        ("He said ‘we met the SNPs’ and ‘the SNPs’ later.", [(20, 24, "SNP", "plural"), (35, 39, "SNP", "plural")]),
    ],
    ids=[
        "straight-quote",
        "curly-quote",
        "quote-round-the-word",
        "curly-quote-in-brackets",
        "plural-possessive",
        "curly-plural-possessive",
        "earlier-quote-closed",
        "earlier-curly-quote-closed",
        "apostrophe-inside-a-word",
        "quote-opened-in-an-earlier-sentence",
        "quote-opened-on-an-earlier-line",
        "quote-then-possessive",
        "quote-after-a-dash",
        "apostrophe-after-a-footnote-marker",
        "apostrophe-after-a-tag",
        "quote-closed-later-in-the-sentence",
        "quote-closed-before-another-opens",
    ],
)
def test_an_apostrophe_that_closes_a_quote_ends_a_plural(
    small: Glossary, text: str, expected: list[tuple[int, int, str, str]]
) -> None:
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
    [Entry(acronym, acronym) for acronym in ("AB", "ABC", "BC", "BCD", "CD", "sA", "A", "s’AB", "ABS", "S")]
)


def _written_forms(glossary: Glossary) -> dict[str, str]:
    """Every written form and its acronym: an acronym itself before any other's plural or possessive."""
    forms = {acronym: acronym for acronym in glossary.acronyms}
    for acronym in glossary.acronyms:
        for form, _ in surface_forms(acronym):
            forms.setdefault(form, acronym)
    return forms


def _leftmost_longest(text: str, glossary: Glossary) -> list[tuple[int, int, str]]:
    forms = _written_forms(glossary)
    found = []
    for start in range(len(text)):
        for end in range(start + 1, len(text) + 1):
            boundaries = (start == 0 or not is_word_char(text[start - 1])) and (
                end == len(text) or not is_word_char(text[end])
            )
            if boundaries and text[start:end] in forms:
                found.append((start, end, forms[text[start:end]]))
    kept: list[tuple[int, int, str]] = []
    for start, end, acronym in sorted(found, key=lambda hit: (hit[0], hit[0] - hit[1])):
        if not kept or start >= kept[-1][1]:
            kept.append((start, end, acronym))
    return kept


def _with_closing_quote(text: str, match: Match) -> tuple[int, int, str]:
    """The hit as leftmost-longest sees it: a plural, or an acronym ending in S, that `find` ended before a
    closing quote takes the quote back."""
    end = match.end
    closing = text[end : end + 1] in APOSTROPHES and (end + 1 == len(text) or not is_word_char(text[end + 1]))
    ends_in_s = match.form is Form.BASE and match.acronym.endswith("S")
    if (match.form is Form.PLURAL or ends_in_s) and closing:
        end += 1
    return match.start, end, match.acronym


@given(text=st.text(st.sampled_from(list("ABCDSs’'‘ x")), max_size=16))
def test_find_is_leftmost_longest(text: str) -> None:
    found = [_with_closing_quote(text, match) for match in find(text, _OVERLAPPING)]
    assert found == _leftmost_longest(text, _OVERLAPPING)


# Glossaries of any acronyms over a few letters, some with characters that are not word characters
# (`A&B`, `B-A`, `A’`): `find` searches for the acronyms that are whole words apart from the others.
_PIECES = list("ABSs&-’'é") + ["\u0301"]


@given(
    acronyms=st.lists(st.text(st.sampled_from(_PIECES), min_size=1, max_size=4), min_size=1, max_size=6, unique=True),
    text=st.text(st.sampled_from([*_PIECES, " ", "x", "‘"]), max_size=20),
)
@example(acronyms=["&’", "&"], text="&’s")  # the plural of one is the possessive of the other: the first wins
@example(acronyms=["&", "&’"], text="&’s")
def test_find_is_leftmost_longest_for_any_glossary(acronyms: list[str], text: str) -> None:
    glossary = Glossary.from_entries([Entry(acronym, acronym) for acronym in acronyms])
    found = [_with_closing_quote(text, match) for match in find(text, glossary)]
    assert found == _leftmost_longest(text, glossary)
