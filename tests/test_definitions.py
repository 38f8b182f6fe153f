"""Inline and implicit acronym definitions: alignment, refinements, offsets into the original text."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Iterator

import pytest
from conftest import compiled
from hypothesis import given, settings
from hypothesis import strategies as st

from acronyms import Glossary, Options, annotate, definitions
from acronyms.context import ContextMode
from acronyms.definitions import (
    Definition,
    DefinitionKind,
    align,
    find_definitions_near,
    find_implicit_definitions,
    find_inline_definitions,
)
from acronyms.planner import FirstUse
from acronyms.positions import finds

# Lines copied from the sample minutes (Staffordshire Public Performance Meeting, 27 February 2020).
ATTENDEES = (
    "Present:\tMatthew Ellis (ME):Staffordshire Commissioner (Chair) Nick Baker (NB):Temporary Chief "
    "Constable, Staffordshire Police Glynn Dixon (GD):Chief Executive, Staffordshire Commissioner's "
    "Office Emma Barnett (EB):Temporary Deputy Chief Constable, Staffordshire Police Helen Booth "
    "(HB):Performance Manager, Staffordshire Commissioner's Office"
)
INTRODUCTION = (
    "1\t<u>Introduction</u> The Commissioner welcomed the Temporary Chief Constable (TCC Baker) and "
    "Temporary Deputy Chief Constable (TDCC Barnett). The Commissioner noted that he is pleased that "
    "overall crime is falling in Staffordshire, this is good news for the people of Staffordshire & "
    "Stoke on Trent.\t"
)
LATER_USE = "They are small numbers reflecting the spike however TCC Baker and the Force are cognisant"


def pairs(text: str) -> list[tuple[str, str, str]]:
    return [(d.acronym, d.expansion, d.short_text) for d in find_inline_definitions(text)]


def test_attendee_initials_are_defined_inline() -> None:
    assert [(d.acronym, d.expansion) for d in find_inline_definitions(ATTENDEES)] == [
        ("ME", "Matthew Ellis"),
        ("NB", "Nick Baker"),
        ("GD", "Glynn Dixon"),
        ("EB", "Emma Barnett"),
        ("HB", "Helen Booth"),
    ]


def test_attendee_offsets_by_hand() -> None:
    # "Present:" is 0-7, the tab 8, "Matthew Ellis" 9-21, "(" 23, "ME" 24-25;
    # then ":Staffordshire Commissioner (Chair) " up to "Nick Baker" at 63-72, "NB" at 75-76.
    me, nb = find_inline_definitions(ATTENDEES)[:2]
    assert (me.long_start, me.long_end, me.short_start, me.short_end) == (9, 22, 24, 26)
    assert (nb.long_start, nb.long_end, nb.short_start, nb.short_end) == (63, 73, 75, 77)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "the work you are doing with Artificial Intelligence (AI) - where are you",
            [("AI", "Artificial Intelligence", "AI")],
            id="artificial-intelligence",
        ),
        pytest.param(
            "positive feedback from Safer Neighbourhood Panels (SNP) and no complaint spikes",
            [("SNP", "Safer Neighbourhood Panels", "SNP")],
            id="long-form-then-short",
        ),
        pytest.param(
            "positive feedback from SNP (Safer Neighbourhood Panels) and no complaint spikes",
            [("SNP", "Safer Neighbourhood Panels", "SNP")],
            id="short-form-then-long",
        ),
        pytest.param(
            'feedback from the Safer Neighbourhood Panels ("SNP") and',
            [("SNP", "Safer Neighbourhood Panels", "SNP")],
            id="straight-quotes",
        ),
        pytest.param(
            "feedback from the Safer Neighbourhood Panels (\u201cSNP\u201d) and",
            [("SNP", "Safer Neighbourhood Panels", "SNP")],
            id="curly-double-quotes",
        ),
        pytest.param(
            "feedback from the \u201cSafer Neighbourhood Panels\u201d (\u2018SNP\u2019) and",
            [("SNP", "Safer Neighbourhood Panels", "SNP")],
            id="curly-single-quotes-and-quoted-long-form",
        ),
        pytest.param(
            "We made investment in Police Community Support Officers (PCSOs), recognised they are",
            [("PCSO", "Police Community Support Officers", "PCSOs")],
            id="plural-short-form",
        ),
        pytest.param(
            "a rise in Theft of Motor Vehicle (ToMV) offences",
            [("ToMV", "Theft of Motor Vehicle", "ToMV")],
            id="inner-lower-case",
        ),
        pytest.param(
            "a rise in ToMV (Theft of Motor Vehicle) offences",
            [("ToMV", "Theft of Motor Vehicle", "ToMV")],
            id="inner-lower-case-reversed",
        ),
        pytest.param(
            "read by Automatic Number Plate Recognition (ANPR, see below) cameras",
            [("ANPR", "Automatic Number Plate Recognition", "ANPR")],
            id="comma-see-below",
        ),
        pytest.param(
            "sent to the Crown Prosecution Service (CPS; formerly the DPP) for a decision",
            [("CPS", "Crown Prosecution Service", "CPS")],
            id="semicolon",
        ),
        pytest.param(
            "the cameras (Automatic Number Plate Recognition, ANPR) were moved",
            [("ANPR", "Automatic Number Plate Recognition", "ANPR")],
            id="long-and-short-inside",
        ),
        pytest.param(
            "the Neighbourhood Policing Team [NPT] met",
            [("NPT", "Neighbourhood Policing Team", "NPT")],
            id="square-brackets",
        ),
        pytest.param(
            "detained under Section 136 (S136) of the Act",
            [("S136", "Section 136", "S136")],
            id="digits",
        ),
        pytest.param(
            "reports of Anti-Social Behaviour (ASB) fell",
            [("ASB", "Anti-Social Behaviour", "ASB")],
            id="hyphenated-word",
        ),
        pytest.param(
            "a statement from the Office of the Police and Crime Commissioner (OPCC) said",
            [("OPCC", "Office of the Police and Crime Commissioner", "OPCC")],
            id="small-words-inside",
        ),
        pytest.param(
            "were anti-Anti-Social Behaviour Orders (ASBOs) useful",
            [("ASBO", "Anti-Social Behaviour Orders", "ASBOs")],
            id="detached-hyphenated-prefix",
        ),
        pytest.param(
            "stolen catalytic converters (CC) rose",
            [("CC", "catalytic converters", "CC")],
            id="lower-case-long-form",
        ),
        pytest.param(
            "Present:SNP (Safer Neighbourhood Panels)",
            [("SNP", "Safer Neighbourhood Panels", "SNP")],
            id="short-form-right-after-a-colon",
        ),
        pytest.param(
            "the Crime Recording Unit (formerly Team B; CRU) reported",
            [("CRU", "Crime Recording Unit", "CRU")],
            id="short-form-after-semicolon",
        ),
        pytest.param(
            "after training with Antiterrorism Detectives (ATD)",
            [("ATD", "Antiterrorism Detectives", "ATD")],
            id="words-left-out-count-against",
        ),
        pytest.param(
            "the Ratio 3:1 Crewing Model (RCM) was",
            [("RCM", "Ratio 3:1 Crewing Model", "RCM")],
            id="colon-inside-a-number",
        ),
        pytest.param(
            "through the Police and Crime Panel (PCP) and the Crime Registrar (CR)",
            [("PCP", "Police and Crime Panel", "PCP"), ("CR", "Crime Registrar", "CR")],
            id="text-order",
        ),
        pytest.param(
            "Temporary Assistant Chief Constable Moore (T/ACC) and A/DCI (Acting Detective Chief Inspector Jones)",
            [
                ("T/ACC", "Temporary Assistant Chief Constable", "T/ACC"),
                ("A/DCI", "Acting Detective Chief Inspector", "A/DCI"),
            ],
            id="rank-then-holder",
        ),
        pytest.param(
            "the Center for Epidemiologic Studies-Depression Scale (CES-D) was",
            [("CES-D", "Center for Epidemiologic Studies-Depression Scale", "CES-D")],
            id="capitalised-word-after-the-initials",
        ),
        pytest.param(
            'The Community Safety Partnership (the "CSP") meets monthly.',
            [("CSP", "Community Safety Partnership", "CSP")],
            id="article-and-quotes",
        ),
        pytest.param(
            "The Community Safety Partnership (the CSP) meets monthly.",
            [("CSP", "Community Safety Partnership", "CSP")],
            id="article",
        ),
        pytest.param(
            "The Community Safety Partnership (the \u201cCSP\u201d) meets monthly.",
            [("CSP", "Community Safety Partnership", "CSP")],
            id="article-and-curly-quotes",
        ),
        pytest.param(
            "The Community Safety Partnership (the 'CSP') meets monthly.",
            [("CSP", "Community Safety Partnership", "CSP")],
            id="article-and-single-quotes",
        ),
        pytest.param(
            'The Community Safety Partnership (hereafter "CSP") meets monthly.',
            [("CSP", "Community Safety Partnership", "CSP")],
            id="hereafter",
        ),
        pytest.param(
            'The Community Safety Partnership (hereafter the "CSP") meets monthly.',
            [("CSP", "Community Safety Partnership", "CSP")],
            id="hereafter-the",
        ),
        pytest.param(
            'The Community Safety Partnership (the "CSP", a statutory body) meets monthly.',
            [("CSP", "Community Safety Partnership", "CSP")],
            id="article-then-comma",
        ),
        pytest.param(
            'The Police and Crime Panel ("the Panel" or "PCP") scrutinises the plan.',
            [("PCP", "Police and Crime Panel", "PCP")],
            id="quoted-name-or-short-form",
        ),
    ],
)
def test_inline_definitions(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert pairs(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Road Crime Teams, improved by local funding (2019/2020) and", id="years"),
        pytest.param("Matthew Ellis:Staffordshire Commissioner (Chair) Nick", id="role-in-brackets"),
        pytest.param("Missing Persons Team Development (discussed above) and", id="aside"),
        pytest.param("welcomed the Temporary Chief Constable (TCC Baker) and", id="title-and-surname"),
        pytest.param("and Temporary Deputy Chief Constable (TDCC Barnett).", id="title-and-surname-4"),
        pytest.param("the most vulnerable people (children and elderly). In", id="lower-case-phrase"),
        pytest.param("working with partners (e.g. councils) on", id="latin-abbreviation"),
        pytest.param("as set out in item (2b) above", id="numbered-item"),
        pytest.param("Option (A) was chosen", id="single-letter"),
        pytest.param("the NPT Team (NPT) met", id="short-form-repeated-in-long"),
        pytest.param("reviewed by the Crime Team (CR) last week", id="two-capitals-inside-words"),
        pytest.param("Xmas was a busy lazy day (XYZ)", id="sprawling-clause"),
        pytest.param("the Chairs (CHAIRS) said", id="same-word-in-capitals"),
        pytest.param("the benzo(a)pyrene(BaP)-DNA adducts", id="bracket-inside-a-word"),
        pytest.param("the rest of the reports (Staffordshire Police, 2019)", id="citation"),
        pytest.param("the Commissioner is chairing (Chair) today", id="ordinary-word-in-brackets"),
        pytest.param("as in section 2 of the bylaws (2b)", id="numbered-item-after-number"),
        pytest.param("led by Detective Chief Inspector Smith (DCI Smith) today", id="title-and-surname-aligned"),
        pytest.param("the information exchange (i.e., the data sharing) protocol", id="latin-abbreviation-aligned"),
        pytest.param("met the panel (Police And Neighbourhood Engagement Leads)", id="ordinary-word-before-bracket"),
        pytest.param("SNP (minutes of the Safer Neighbourhood Panels)", id="long-form-deep-inside-bracket"),
        pytest.param("the ABCDEFGHIJKLMNSNP   (Safer Neighbourhood Panels)", id="end-of-a-longer-word"),
        pytest.param("the SNP (Safer\n\nNeighbourhood Panels) met", id="bracket-across-a-blank-line"),
        pytest.param("PCSOs (PCC's\r\n \r\nPolice Community Support Officers)", id="across-a-blank-crlf-line"),
        pytest.param("the Force (the PCC agreed) met", id="article-then-a-clause"),
        pytest.param("The Community Safety Partnership (the CSP's plan) met", id="article-then-a-possessive-phrase"),
        pytest.param('The panel (the "SNP") met.', id="article-without-the-long-form"),
        pytest.param("The Community Safety Partnership (the Chair) met", id="article-and-an-ordinary-word"),
        pytest.param('The Police and Crime Panel ("the Panel" or "the Chair") met', id="quoted-name-or-a-word"),
        pytest.param("SNPs(SNPs)", id="the-short-form-again"),  # was SNP, "SNPs": a later `SNP` became `SNP (SNP)`
        pytest.param("the snp (SNP) met", id="the-short-form-again-in-lower-case"),
    ],
)
def test_not_definitions(text: str) -> None:
    assert pairs(text) == []


def test_a_bracket_across_a_blank_line_defines_nothing_near_a_hit() -> None:
    """The annotator's reading (`find_definitions_near`) as the scanner's: a bracket of prose closes in its paragraph.
    A line break alone (a wrapped line) still reads."""
    across = "The SNP (Safer\n\nNeighbourhood Panels) met."
    wrapped = "The SNP (Safer\nNeighbourhood Panels) met."
    assert find_definitions_near(across, [(4, 7)]) == []
    assert [(d.acronym, d.expansion) for d in find_definitions_near(wrapped, [(4, 7)])] == [
        ("SNP", "Safer\nNeighbourhood Panels")
    ]


@pytest.mark.parametrize(
    ("text", "short"),
    [
        pytest.param('The Community Safety Partnership (the "CSP") meets.', "CSP", id="article-and-quotes"),
        pytest.param("The Community Safety Partnership (the CSP) meets.", "CSP", id="article"),
        pytest.param('The Community Safety Partnership (hereafter the "CSP") meets.', "CSP", id="hereafter-the"),
        pytest.param('The Police and Crime Panel ("the Panel" or "PCP") meets.', "PCP", id="quoted-name-or-short-form"),
    ],
)
def test_a_short_form_after_a_lead_in_is_defined_near_its_hit(text: str, short: str) -> None:
    """The annotator reads what the scanner reads: the hit is the short form after `(the "` or `("the Panel" or "`."""
    start = text.index(short, text.index("("))
    (definition,) = find_inline_definitions(text)
    assert (definition.short_start, definition.short_end) == (start, start + len(short))
    assert find_definitions_near(text, [(start, start + len(short))]) == [definition]


@pytest.mark.parametrize(
    ("short", "long", "expected"),
    [
        pytest.param("SNP", "the Safer Neighbourhood Panels", 4, id="skips-leading-word"),
        pytest.param("PCSO", "Police Community Support Officers", 0, id="whole"),
        pytest.param("ME", "Present: Matthew Ellis", 9, id="initials"),
        pytest.param("ToMV", "Theft of Motor Vehicle", 0, id="inner-lower-case"),
        pytest.param("TCC", "our Chief Constable", None, id="missing-letter"),
        pytest.param("TCC", "Temporary Chief", None, id="too-few-letters"),
        pytest.param("NB", "in Baker", None, id="first-letter-starts-a-word"),
        pytest.param("PPI", "proton pump inhibitors", 7, id="greedy-right-to-left"),
        pytest.param("HIV", "anti-human immunodeficiency virus", 0, id="token-start"),
    ],
)
def test_align(short: str, long: str, expected: int | None) -> None:
    assert align(short, long) == expected


def test_refined_alignment_prefers_letters_that_begin_words() -> None:
    # Plain right-to-left alignment stops at "pump"; the refined one reaches "proton".
    assert pairs("from antacids to proton pump inhibitors (PPIs) and") == [("PPI", "proton pump inhibitors", "PPIs")]


@pytest.mark.parametrize(
    ("text", "short_text", "short", "long"),
    [
        # İ is one character (its lower case is two); “ and ” one each; CRLF two; the NBSP one.
        # "İ"0 " "1 "“"2 "quoted"3-8 "”"9 "\r\n"10-11 "Safer"12-16 NBSP 17 "Neighbourhood"18-30
        # " "31 "Panels"32-37 " "38 "("39 "SNP"40-42 ")"43
        pytest.param("İ “quoted”\r\nSafer\u00a0Neighbourhood Panels (SNP)", "SNP", (40, 43), (12, 38), id="long-first"),
        # "Ç"0 "a"1 " "2 "«"3 " "4 "va"5-6 " "7 "»"8 " "9 "—"10 " "11 "SNP"12-14 " "15 "("16
        # "Safer Neighbourhood Panels"17-42 ")"43
        pytest.param("Ça « va » — SNP (Safer Neighbourhood Panels)\r\n", "SNP", (12, 15), (17, 43), id="short-first"),
        # "Minutes"0-6 "\r\n\r\n"7-10 "Artificial"11-20 " "21 "Intelligence"22-33 " "34 "("35 "AI"36-37
        pytest.param("Minutes\r\n\r\nArtificial Intelligence (AI)\r\n", "AI", (36, 38), (11, 34), id="crlf-blank-line"),
        # "İ" as I + combining dot above, two code points: "I\u0307"0-1 " "2 "Safer"3-7 " "8
        # "Neighbourhood"9-21 " "22 "Panels"23-28 " "29 "("30 "SNP"31-33
        pytest.param("I\u0307 Safer Neighbourhood Panels (SNP)", "SNP", (31, 34), (3, 29), id="combining-mark"),
    ],
)
def test_offsets_index_the_original_text(
    text: str, short_text: str, short: tuple[int, int], long: tuple[int, int]
) -> None:
    (definition,) = find_inline_definitions(text)
    assert (definition.short_start, definition.short_end) == short
    assert (definition.long_start, definition.long_end) == long
    assert text[definition.short_start : definition.short_end] == definition.short_text == short_text
    assert text[definition.long_start : definition.long_end] == definition.expansion


def test_inline_definition_fields() -> None:
    (definition,) = find_inline_definitions("feedback from Safer Neighbourhood Panels (SNP) and")
    assert definition == Definition(
        acronym="SNP",
        expansion="Safer Neighbourhood Panels",
        kind=DefinitionKind.INLINE,
        short_start=42,
        short_end=45,
        long_start=14,
        long_end=40,
        short_text="SNP",
        confidence=1.0,
    )


def test_definition_is_frozen() -> None:
    (definition,) = find_inline_definitions("Safer Neighbourhood Panels (SNP)")
    with pytest.raises(dataclasses.FrozenInstanceError):
        definition.acronym = "X"  # type: ignore[misc]


def test_implicit_definition_from_the_sample() -> None:
    # "Temporary Chief Constable" is INTRODUCTION[52:77] and "Temporary Deputy Chief Constable" [94:126];
    # "(TCC Baker)" puts TCC at 79 and "(TDCC Barnett)" puts TDCC at 128.
    text = INTRODUCTION + "\n" + LATER_USE
    later = len(INTRODUCTION) + 1 + LATER_USE.index("TCC")
    found = find_implicit_definitions(text, [("TCC", later), ("TDCC", 128), ("TCC", 79)])
    assert [(d.acronym, d.expansion, d.long_start, d.long_end, d.short_start, d.short_end) for d in found] == [
        ("TCC", "Temporary Chief Constable", 52, 77, 79, 82),
        ("TDCC", "Temporary Deputy Chief Constable", 94, 126, 128, 132),
        ("TCC", "Temporary Chief Constable", 52, 77, later, later + 3),
    ]
    assert {d.kind for d in found} == {DefinitionKind.IMPLICIT}
    assert all(0 < d.confidence < 1 for d in found)


def test_introduction_has_no_inline_definition_but_an_implicit_one() -> None:
    assert find_inline_definitions(INTRODUCTION) == []
    (implicit,) = find_implicit_definitions(INTRODUCTION, [("TCC", 79)])
    assert implicit.expansion == "Temporary Chief Constable"


@pytest.mark.parametrize(
    ("text", "acronym", "expected"),
    [
        pytest.param(
            "the Police and Crime Commissioner said. PCC", "PCC", "Police and Crime Commissioner", id="small-word"
        ),
        pytest.param("a Theft of Motor Vehicle. ToMV", "ToMV", "Theft of Motor Vehicle", id="inner-lower-case"),
        pytest.param(
            "Chief Constable; Crown Court; Clerk Chambers. CC", "CC", "Clerk Chambers", id="nearest-before-use"
        ),
        pytest.param("The Chief Constable said. TCC", "TCC", None, id="not-from-a-leading-the"),
        pytest.param("TCC. Temporary Chief Constable", "TCC", None, id="phrase-after-use"),
        pytest.param("Temporary Chief\n\nConstable TCC", "TCC", None, id="not-across-paragraphs"),
        pytest.param("Temporary Chief\nConstable TCC", "TCC", "Temporary Chief\nConstable", id="across-a-wrapped-line"),
        pytest.param("Temporary Chief\u00a0Constable TCC", "TCC", "Temporary Chief\u00a0Constable", id="nbsp"),
        pytest.param("temporary chief constable TCC", "TCC", None, id="not-lower-case"),
        pytest.param(
            "The Temporary Chief Constable's office. TCC", "TCC", "Temporary Chief Constable", id="possessive"
        ),
        pytest.param(
            "The Temporary Chief Constable’s office. TCC", "TCC", "Temporary Chief Constable", id="possessive-curly"
        ),
        pytest.param(
            "The Temporary Chief Constables' office. TCCs", "TCC", "Temporary Chief Constables", id="plural-possessive"
        ),
    ],
)
def test_implicit_definitions(text: str, acronym: str, expected: str | None) -> None:
    offset = text.rindex(acronym)
    found = find_implicit_definitions(text, [(acronym, offset)])
    assert [d.expansion for d in found] == ([expected] if expected else [])
    for definition in found:
        assert text[definition.long_start : definition.long_end] == definition.expansion
        assert (definition.short_start, definition.short_text) == (offset, acronym)


def test_implicit_offsets_after_non_ascii() -> None:
    # "İ"0 " "1 "“"2 "ok"3-4 "”"5 "\r\n"6-7 "Temporary"8-16 " "17 "Chief"18-22 " "23 "Constable"24-32 " "33 "TCC"34
    text = "İ “ok”\r\nTemporary Chief Constable TCC"
    (definition,) = find_implicit_definitions(text, [("TCC", 34)])
    assert (definition.long_start, definition.long_end, definition.short_start, definition.short_end) == (8, 33, 34, 37)


def test_two_letter_implicit_definitions_are_less_certain() -> None:
    text = "Glynn Dixon and the Temporary Chief Constable: GD and TCC"
    two, three = find_implicit_definitions(text, [("GD", text.index("GD")), ("TCC", text.index("TCC"))])
    assert two.confidence < three.confidence < 1


def test_implicit_rejects_a_wrong_offset() -> None:
    with pytest.raises(ValueError, match="not at offset 0"):
        find_implicit_definitions("Temporary Chief Constable TCC", [("TCC", 0)])


# --- Implicit definitions: one pass for the places a phrase may start, the same phrases as the plain regex search

PHRASE_PIECES = [
    *("Police", "Crime", "Chief", "Constable", "Commissioner", "Temporary", "Theft", "Motor", "Of", "The", "THE"),
    *("and", "And", "of", "the", "to", "a", "an", "as", "aſ", "in", "İn", "&", "PC", "PoC", "TCC", "1", "2"),
    *(" ", " ", " ", "\n", "\n\n", "\t", "\u00a0", "\r", "'", "\u2019", "-", "_", "(", ")", ".", ","),
]
INITIALS = "PCTMOoat12İſ&-"
phrase_texts = st.lists(st.sampled_from(PHRASE_PIECES), max_size=30).map("".join)
initials_acronyms = st.text(alphabet=INITIALS, min_size=2, max_size=4)


def plain_phrases(text: str, acronym: str) -> list[tuple[int, int]]:
    """The straightforward search: the acronym's regex run over the whole text."""
    pattern = definitions._initials_pattern(acronym)
    return [match.span() for match in pattern.finditer(text)] if pattern else []


def plain_implicit_definitions(text: str, uses: list[tuple[str, int]]) -> list[Definition]:
    """`find_implicit_definitions` as it was first written: the nearest plain phrase ending before each use."""
    found = []
    for acronym, offset in sorted(set(uses), key=lambda use: (use[1], use[0])):
        before = [span for span in plain_phrases(text, acronym) if span[1] <= offset]
        if before:
            found.append(definitions._implicit_definition(text, acronym, offset, before[-1]))
    return found


@settings(max_examples=400, deadline=None)
@given(phrase_texts, st.lists(initials_acronyms, min_size=1, max_size=4))
def test_phrases_are_the_plain_regex_matches(text: str, acronyms: list[str]) -> None:
    heads = definitions._phrase_heads(text, acronyms)
    for acronym in acronyms:
        assert definitions._phrases(text, acronym, heads) == plain_phrases(text, acronym)


@settings(max_examples=200, deadline=None)
@given(st.lists(initials_acronyms, min_size=1, max_size=4).flatmap(lambda acronyms: st.tuples(
    st.lists(st.sampled_from(PHRASE_PIECES + acronyms), max_size=40).map("".join), st.just(acronyms)
)))  # fmt: skip
def test_implicit_definitions_are_those_of_the_plain_search(text_and_acronyms: tuple[str, list[str]]) -> None:
    text, acronyms = text_and_acronyms
    uses = [(acronym, at) for acronym in acronyms for at in finds(text, acronym)]
    assert find_implicit_definitions(text, uses) == plain_implicit_definitions(text, uses)


@pytest.mark.parametrize(
    ("text", "acronym", "expected"),
    [
        pytest.param("Police and Crime Commissioner", "PaC", [(0, 16)], id="small-word-as-a-word"),
        pytest.param("Police and and Crime", "PaC", [(0, 20)], id="small-word-after-small-word"),
        pytest.param("Police and Crime Police and Crime", "PC", [(0, 16), (17, 33)], id="after-the-last-match"),
        pytest.param("Police Crime Commissioner", "CC", [(7, 25)], id="inside-no-match"),
        pytest.param("The Chief Constable", "TCC", [], id="not-from-a-small-word"),
        pytest.param("A\u017f Crime", "AC", [], id="small-word-by-case-folding"),
        pytest.param("Police Crime\n\nCommissioner", "PCC", [], id="not-across-paragraphs"),
        pytest.param("Police  \n  Crime", "PC", [(0, 16)], id="spaces-around-a-line-break"),
        pytest.param("Police Crime's", "PC", [(0, 14)], id="apostrophe-in-the-last-word"),
    ],
)
def test_phrases(text: str, acronym: str, expected: list[tuple[int, int]]) -> None:
    assert definitions._phrases(text, acronym, definitions._phrase_heads(text, [acronym])) == expected
    assert plain_phrases(text, acronym) == expected


class OnlyMatches:
    """An acronym's regex that may be tried at a place, but not run over the whole text."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern

    def match(self, text: str, start: int) -> re.Match[str] | None:
        return self.pattern.match(text, start)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        raise AssertionError("the whole text read again for one acronym")


@pytest.mark.skipif(compiled(definitions), reason="patches module functions, which compiled code calls directly")
def test_implicit_definitions_read_the_text_once_not_once_per_acronym(monkeypatch: pytest.MonkeyPatch) -> None:
    paragraph = "The Temporary Chief Constable and the Police and Crime Commissioner met. "
    acronyms = ["TCC", "PCC", "PaCC", "XY", "ZZT", *(f"Q{index}" for index in range(100))]
    text = paragraph * 200 + " ".join(acronyms)
    uses = [(acronym, text.rindex(acronym)) for acronym in acronyms]
    expected = plain_implicit_definitions(text, uses)
    assert [(d.acronym, d.expansion) for d in expected] == [
        ("TCC", "Temporary Chief Constable"),
        ("PCC", "Police and Crime Commissioner"),
        ("PaCC", "Police and Crime Commissioner"),
    ]

    plain_pattern = definitions._initials_pattern
    monkeypatch.setattr(definitions, "_initials_pattern", lambda acronym: OnlyMatches(plain_pattern(acronym)))
    assert find_implicit_definitions(text, uses) == expected

    passes = []
    phrase_heads = definitions._phrase_heads

    def counted_phrase_heads(text: str, acronyms: Iterable[str]) -> dict[str, list[int]]:
        passes.append(text)
        return phrase_heads(text, acronyms)

    monkeypatch.setattr(definitions, "_phrase_heads", counted_phrase_heads)
    assert find_implicit_definitions(text, uses) == expected
    assert passes == [text]


def test_each_acronym_tries_only_the_places_that_may_spell_it() -> None:
    """Listed by their first two initials, 2,000 `Police Commissioner` were tried for `PCX` as well: quadratic."""
    text = "The Police Commissioner met the Police and Crime Panel. " * 1000
    heads = definitions._phrase_heads(text, ["PC", "PCX", "PCP", "PaCP"])
    assert {spelling: len(places) for spelling, places in heads.items()} == {"PC": 2000, "PCP": 1000, "PaCP": 1000}
    assert heads["PCP"] == heads["PaCP"] == [found.start() for found in re.finditer("Police and", text)]


WORDS = [
    "Safer", "Neighbourhood", "Panels", "(SNP)", "SNP", "(Safer", "Panels)", "Police", "Community",
    "Support", "Officers", "(PCSOs)", "(“SNP”)", "(Chair)", "[NPT]", "of", "the", "İ", "ß", "“", "”",
    "\u00a0", "\r\n", "\n\n", "2019/2020", "(2019/2020)", "Theft", "Motor", "Vehicle", "(ToMV)", "ToMV",
    "(ToMV,", "see", "below)", ";", "e\u0301", "👮", "(the", "(hereafter", "or", "\"SNP\")", "(also", "known", "as",
    "Panels,", "SNP,", "SNP.", "“SNP”;",
]  # fmt: skip


@given(st.lists(st.sampled_from(WORDS), max_size=40))
def test_offsets_always_slice_the_original_text(words: list[str]) -> None:
    text = " ".join(words)
    for definition in find_inline_definitions(text):
        assert text[definition.short_start : definition.short_end] == definition.short_text
        assert text[definition.long_start : definition.long_end] == definition.expansion
        assert definition.short_text in (definition.acronym, definition.acronym + "s")
        assert definition.kind is DefinitionKind.INLINE and definition.confidence == 1.0


@given(
    st.text(alphabet=st.characters(blacklist_characters="()[]", blacklist_categories=("Cs",)), max_size=30),
    st.lists(st.sampled_from(WORDS), max_size=30),
)
def test_a_preceding_paragraph_shifts_offsets_exactly(prefix: str, words: list[str]) -> None:
    text = " ".join(words)
    shift = len(prefix) + 2
    moved = [
        (d.acronym, d.expansion, d.short_start - shift, d.short_end - shift, d.long_start - shift, d.long_end - shift)
        for d in find_inline_definitions(prefix + "\n\n" + text)
    ]
    assert moved == [
        (d.acronym, d.expansion, d.short_start, d.short_end, d.long_start, d.long_end)
        for d in find_inline_definitions(text)
    ]


def test_every_definition_of_a_long_repetitive_document_is_found() -> None:
    # Speed is measured by benchmarks/ab3p_accuracy.py, not asserted here.
    text = "In 2019 the Safer Neighbourhood Panels (SNP) met (twice) and (Chair) spoke. " * 2_000
    found = find_inline_definitions(text)
    assert len(found) == 2_000
    assert {(d.acronym, d.expansion) for d in found} == {("SNP", "Safer Neighbourhood Panels")}


def test_the_short_form_in_brackets_after_itself_gives_no_sense(small: Glossary) -> None:
    """Found by the idempotency property: `SNPs(SNPs)` defined SNP as "SNPs", so with `--first-use section` and no
    context the `SNP` of the next section became `SNP (SNP)`, and the next run added another `(SNP)`."""
    options = Options(first_use=FirstUse.SECTION, context=ContextMode.OFF)
    once = annotate("SNPs(SNPs)\n\nSNP", small, options)
    assert once == "Safer Neighbourhood Panels (SNPs)(SNPs)\n\nSafer Neighbourhood Panel (SNP)"
    assert annotate(once, small, options) == once
