"""The fast whole-text passes find exactly what their straightforward definitions find.

Each pass has a plain reference written here (or, for protected regions, the
combined regex it stands in for), compared on generated texts rich in the
characters that matter, and on hand-picked edge cases.
"""

from __future__ import annotations

import re
from typing import SupportsIndex

import pytest
from conftest import compiled
from hypothesis import given, settings
from hypothesis import strategies as st

from acronyms import candidates, definitions, headings, regions, sections
from acronyms.forms import beside_bracket, beside_brackets
from acronyms.glossary import Entry, Glossary
from acronyms.matcher import find, is_word_char
from acronyms.planner import _definition_brackets
from acronyms.positions import MAX_KEPT_LINES, LineCounter, LineIndex, NextOf, line_at
from acronyms.regions import KIND_NAMES, Format, Spans

# --- Protected regions: `_anchored_common` against the combined `_COMMON` regex ----------

REGION_PIECES = [
    *("<", ">", "<!--", "-->", "--", "<b>", "</b>", "<a href='x'>", "<br/>", "<p\nclass=x>", "<1", "</", "<K>", "<ſ>"),
    *("http://", "https://x.org/a", "HTTP://", "ftp://", "fTp://", "httpſ://x", "://", ":", "//", "x:"),
    *("www.", "WwW.", "wWw.x.org", "ww.", "w.", "W.", "xwww.", "www.a@b.co", "a@www.x.org"),
    *("@", "a@b.co", "x.y", "a.b", "+", "-", "_", ".", ",", ")", "]", '"', "'", "`", "?", "!", ";"),
    *(" ", "\n", "\t", "\u00a0", "é", "İ", "ı", "1", "x", "ab", "com", "org"),
]
region_texts = st.lists(st.sampled_from(REGION_PIECES) | st.text(max_size=2), max_size=40).map("".join)


def combined_regex_spans(text: str) -> list[tuple[int, int, str]]:
    """The straightforward definition: every `_COMMON` alternative tried at every position."""
    return [
        (match.start(), match.end(), KIND_NAMES[match.lastgroup or ""])
        for match in regions._PATTERNS[Format.TEXT].finditer(text)
        if match.end() > match.start()
    ]


@settings(max_examples=400, deadline=None)
@given(region_texts)
def test_anchored_regions_are_the_combined_regex_matches(text: str) -> None:
    assert regions.protected_spans(text, Format.TEXT) == combined_regex_spans(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("a <!-- <b>x</b> --> <i>", [(2, 19, "comment"), (20, 23, "tag")], id="comment-holds-a-tag"),
        pytest.param("<b>x <!-- <i> never closed", [(0, 3, "tag"), (5, 26, "comment")], id="unclosed-comment"),
        pytest.param("<!--<!-- -->-->", [(0, 12, "comment")], id="comment-inside-comment"),
        pytest.param("see WwW.x.org.", [(4, 13, "url")], id="mixed-case-www"),
        pytest.param("xwww.x.org www.y.org", [(11, 20, "url")], id="www-inside-a-word"),
        pytest.param("go to httpſ://x.org now", [(6, 19, "url")], id="long-s-in-scheme"),
        pytest.param(
            "<a href='https://x.org'>https://x.org</a>",
            [(0, 24, "tag"), (24, 37, "url"), (37, 41, "tag")],
            id="url-in-tag",
        ),
        pytest.param("www.x.org/a@b.co", [(0, 16, "url")], id="address-inside-url"),
        pytest.param("a@b.W+@x.r", [(0, 5, "email"), (5, 10, "email")], id="address-right-after-address"),
        pytest.param("a@b.c..x@y.zz", [(0, 5, "email"), (5, 13, "email")], id="address-starts-where-one-ends"),
        pytest.param("a" * 300 + "@b.co", [(0, 305, "email")], id="long-local-part"),
        pytest.param("<b>a@b.co</b>", [(0, 3, "tag"), (3, 9, "email"), (9, 13, "tag")], id="address-between-tags"),
    ],
)
def test_anchored_region_edge_cases(text: str, expected: list[tuple[int, int, str]]) -> None:
    spans = regions.protected_spans(text, Format.TEXT)
    assert spans == combined_regex_spans(text)
    assert spans == [(start, end, KIND_NAMES[kind]) for start, end, kind in expected]


# --- Markdown regions: each alternative searched on its own against the combined regex ----------

MARKDOWN_PIECES = [
    *REGION_PIECES,
    *("`", "``", "```", "~~~", "    ", "\n\n", "\n    x\n", "---\n", "...", "[", "]", "](u)", '](u "t")', "[^1]"),
    *(
        "[x]: u",
        "*[SNP]: x",
        "<abbr title=x>",
        "</abbr>",
        "<pre>",
        "</pre>",
        "<div>",
        "<script>",
        "\r\n",
        "#",
        "*",
        "{: x}",
        "{#",
        "[TOC]",
        "* x\n{:toc}",
    ),
]
markdown_texts = st.lists(st.sampled_from(MARKDOWN_PIECES) | st.text(max_size=2), max_size=40).map("".join)


def combined_markdown_matches(text: str) -> list[tuple[int, int, str | None]]:
    """The straightforward definition: every Markdown alternative tried at every position."""
    return [
        (match.start(), match.end(), match.lastgroup)
        for match in regions._PATTERNS[Format.MARKDOWN].finditer(text)
        if match.end() > match.start()
    ]


@settings(max_examples=500, deadline=None)
@given(markdown_texts)
def test_markdown_regions_are_the_combined_regex_matches(text: str) -> None:
    found = [(match.start(), match.end(), match.lastgroup) for match in regions._markdown_matches(text)]
    assert found == combined_markdown_matches(text)


class MatchOnly:
    """A pattern that may be matched at a place but not searched for: a search would try every position."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern

    def match(self, text: str, position: int = 0) -> re.Match[str] | None:
        return self.pattern.match(text, position)

    def search(self, text: str, position: int = 0) -> re.Match[str] | None:
        raise AssertionError(f"searched the text for {self.pattern.pattern[:30]!r}")


@pytest.mark.skipif(compiled(regions), reason="patches a module constant, which compiled code reads directly")
@pytest.mark.parametrize("kind", sorted(regions._MARKDOWN_ORDER))
def test_markdown_alternatives_the_engine_tries_everywhere_are_matched_only_where_they_start(
    kind: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`^`, `\\A`, a look back or a word boundary first: 15 to 120 ms per MB each, searched for."""
    text = "---\nt: x\n---\n<pre>\nx\n</pre>\n*[SNP]: y\n\n```\ncode\n```\n\n    indented\n\n[x]: u\n`a` a@b.co https://x.org\n\n[TOC]"
    order = regions._MARKDOWN_ORDER[kind]
    alternatives = list(regions._MARKDOWN_ALTERNATIVES)
    expected = combined_markdown_matches(text)
    slow = kind in {"front_matter", "html_block", "abbreviation", "fenced_code", "unclosed_fence", "indented_code"}
    slow |= kind in {"code_span", "definition", "toc_marker", "url", "email"}
    if slow:
        alternatives[order] = MatchOnly(alternatives[order])  # type: ignore[call-overload]
    monkeypatch.setattr(regions, "_MARKDOWN_ALTERNATIVES", alternatives)
    assert [(match.start(), match.end(), match.lastgroup) for match in regions._markdown_matches(text)] == expected
    if slow and kind != "unclosed_fence":  # (a text with a closed fence has none unclosed)
        assert kind in {lastgroup for _, _, lastgroup in expected}  # so the places found were the right ones


class NoSlices(list[int]):
    """A list that may be indexed but not sliced: a slice copies the rest of the list each time it is asked."""

    def __getitem__(self, index):  # type: ignore[no-untyped-def]
        assert not isinstance(index, slice), "sliced"
        return super().__getitem__(index)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(0, 50), unique=True).map(sorted), st.lists(st.integers(0, 55), max_size=8))
def test_sorted_starts_are_those_from_a_position_on_without_a_copy(found: list[int], positions: list[int]) -> None:
    """10,000 addresses and URLs in a Markdown text took 7.4 s when each search copied the places after it."""
    starts = regions._sorted_starts(NoSlices(found)) if not compiled(regions) else regions._sorted_starts(found)
    for position in positions:
        assert list(starts(position)) == [at for at in found if at >= position]


@pytest.mark.parametrize(
    "text",
    [
        "```\na ` b\n```\nthen `code` here",
        "`a\n\nb` and `c`",
        "x\n\n    code\n    more\n\ntext `y`",
        "<pre>\n`x\n</pre>\n`y`",
        "see a@b.co and https://x.org/a@b `z`",
        "```\nnever closed `x`",
        "---\ntitle: x\n---\n`y`",
    ],
    ids=["backtick-in-fence", "span-across-blank", "indented", "html-block", "address-and-url", "unclosed", "front"],
)
def test_markdown_region_edge_cases(text: str) -> None:
    found = [(match.start(), match.end(), match.lastgroup) for match in regions._markdown_matches(text)]
    assert found == combined_markdown_matches(text)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("a ``b` PCSO", []),  # a run of two backticks that nothing closes is text, as in CommonMark
        ("a ``b`` c `d`", ["``b``", "`d`"]),
        ("\\``PCSO` met", ["`PCSO`"]),  # after an escaped backtick, as CommonMark reads it
    ],
    ids=["unclosed-run", "runs", "escaped"],
)
def test_a_code_span_opens_at_a_whole_run_of_backticks(text: str, code: list[str]) -> None:
    assert [text[start:end] for start, end, _ in regions.protected_spans(text, Format.MARKDOWN)] == code


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("a `b\n## Glossary\nc` PCSO", []),  # a heading ends the paragraph: the backticks are text
        ("a `b\n```\nc` PCSO", ["```\nc` PCSO"]),  # (the fence that opens there runs to the end, unclosed)
        ("a `b\n> c` PCSO", []),
        ("a `b\n- c` PCSO", []),
        ("a `b\nc` PCSO", ["`b\nc`"]),  # a line of the same paragraph
        ("- a `b\n  c` PCSO", ["`b\n  c`"]),  # a list item's own next line
        ("a `b\n#hashtag c` PCSO", ["`b\n#hashtag c`"]),  # no heading without a space after the `#`
    ],
    ids=["heading", "fence", "quote", "list-item", "same-paragraph", "item-continued", "hashtag"],
)
def test_a_code_span_ends_with_its_paragraph(text: str, code: list[str]) -> None:
    """Found by the idempotency property: a backtick before `## Glossary` and one after paired across it, so the
    first line's `SNP` was code until the glossary annotation added under the heading parted them."""
    spans = regions.protected_spans(text, Format.MARKDOWN)
    assert [text[start:end] for start, end, kind in spans if kind != "an HTML tag"] == code


# --- Acronym-shaped words: `find_candidates` against every word tried --------------------------


def candidates_word_by_word(text: str) -> list[tuple[int, int, str, str]]:
    """The straightforward definition: every word of the text tried (what `find_candidates` did)."""
    lower_words = {word for word in candidates.WORD.findall(text) if not word.isupper()}
    found = []
    for word in candidates.WORD.finditer(text):
        start, end = word.span()
        if (start and is_word_char(text[start - 1])) or (end < len(text) and is_word_char(text[end])):
            continue
        base, form = candidates._base(word.group())
        if candidates.is_acronym_shaped(base) and not candidates._is_shouted(base, lower_words):
            found.append((start, end, base, candidates._possessive(text, end, form).value))
    return found


candidate_texts = st.lists(
    st.sampled_from(["PCC", "PCSOs", "ToMV", "İSNP", "ÉCU", "Ünit", "ACTION", "action", "IX", "a", "_", "’s", "'s"])
    | st.sampled_from([" ", "\n", "-", "\u0301", "é", "1", "ß", "ǅ", "Σ", "x"])
    | st.text(max_size=2),
    max_size=30,
).map("".join)


@settings(max_examples=500, deadline=None)
@given(candidate_texts)
def test_candidates_are_the_words_tried_one_by_one(text: str) -> None:
    found = [(c.start, c.end, c.acronym, c.form.value) for c in candidates.find_candidates(text)]
    assert found == candidates_word_by_word(text)


# --- Dashes: `dash_starts` against `DASH.finditer` ---------------------------------------------

dash_texts = st.lists(
    st.sampled_from(["-", " -", "- ", " - ", "\u2013", "\u2014", "\t-", "\u00a0-", "-\n", "a-b", "\u2028", "x"])
    | st.text(max_size=2),
    max_size=30,
).map("".join)


@settings(max_examples=400, deadline=None)
@given(dash_texts)
def test_dash_starts_are_the_dash_patterns_matches(text: str) -> None:
    assert definitions.dash_starts(text) == [match.start() for match in definitions.DASH.finditer(text)]


# --- Glossary headings: `_headings` against `HEADING.finditer` -----------------------------


def mixed_case(draw: st.DrawFn, word: str) -> str:
    return "".join(char.upper() if draw(st.booleans()) else char for char in word)


@st.composite
def heading_lines(draw: st.DrawFn) -> str:
    words = draw(
        st.sampled_from(
            ["glossary", "glossary of terms", "abbreviations", "abbreviations and acronyms", "acronyms"]
            + ["acronyms and abbreviations", "jargon buster", "jargon", "gloſſary", "glossaries", "agenda"]
            + ["geirfa", "byrfoddau", "acronymau", "glossary / geirfa", "geirfa/acronyms", "geirfa / agenda"]
        )
    )
    pad = st.sampled_from(["", " ", "\t", "  "])
    return "".join(
        [
            draw(pad),
            draw(st.sampled_from(["", "#", "## ", "####### ", "**", "__", "# **"])),
            draw(pad),
            draw(st.sampled_from(["", "6. ", "6.1 ", "Appendix A: ", "annex b ", "Schedule 2 - ", "ſchedule 1 "])),
            draw(st.sampled_from(["", "", "٣. ", "List of ", "list\tof "])),
            mixed_case(draw, words),
            draw(st.sampled_from(["", ":", " :", "**", "**:", ":__", " x"])),
            draw(pad),
            draw(st.sampled_from(["", "\r"])),
        ]
    )


section_lines = st.one_of(
    heading_lines(),
    st.sampled_from(["", " ", "DA\tDomestic Abuse", "SNP - Safer Neighbourhood Panels", "| PCC | Police and Crime |"]),
    st.sampled_from(["|---|---|", "The Chair thanked members.", "Glossary of the meeting", "\r", "acronym\tmeaning"]),
    st.text(max_size=8),
)
section_texts = st.lists(section_lines, max_size=12).map("\n".join)


def reference_section(text: str) -> sections.GlossarySection | None:
    """The straightforward definition: every `HEADING` match, last first."""
    for heading in reversed(list(sections.HEADING.finditer(text))):
        section = sections._section_after(text, heading.span())
        if section is not None:
            return section
    return None


@pytest.mark.parametrize(
    "heading",
    ["Glossary", "abbreviations", "ACRONYMS and abbreviations", "Jargon buster", "List of abbreviations", "gloſſary"]
    + ["Appendix A: Glossary", "annex b Acronyms", "Schedule 2 - Glossary", "ſchedule 1 Glossary", "6. Glossary"]
    + ["6.1 Acronyms", "٣. Glossary", " Glossary", "\tGlossary", "# Glossary", "**Acronyms**", "__Glossary__"]
    + ["Geirfa", "Byrfoddau", "BYRFODDAU", "Acronymau", "Glossary / Geirfa", "Byrfoddau/Abbreviations"],
)
def test_a_heading_after_a_line_break_is_found_whatever_it_starts_with(heading: str) -> None:
    """Each way a heading's line may start (`_HEADING_START`), where the property's random lines seldom reach."""
    text = f"The PCC met.\n{heading}\nDA\tDomestic Abuse\n"
    assert (
        sections._headings(text)
        == [match.span() for match in sections.HEADING.finditer(text)]
        == [(13, 13 + len(heading))]
    )


@settings(max_examples=400, deadline=None)
@given(section_texts)
def test_headings_are_the_heading_pattern_matches(text: str) -> None:
    assert sections._headings(text) == [match.span() for match in sections.HEADING.finditer(text)]
    assert sections.find_glossary_section(text, Format.TEXT) == reference_section(text)


# Plain-text headings (`--skip-headings`, `--first-use section`), against the regex that read every line to its end
PLAIN_TEXT_LINE = re.compile(r"(?:\A|(?<=\n))[ \t]*(?P<line>[^\s][^\r\n]*?)[ \t]*(?=\r?\n|\r|\Z)")
text_heading_pieces = st.sampled_from(
    [
        "\n",
        "\n",
        "\r\n",
        "\r",
        " ",
        "\t",
        "Heading",
        "A",
        "x" * 30,
        "y" * 25,
        ".",
        ":",
        "1",
        "\u00a0",
        "\x0c",
        "GLOSSARY",
    ]
)


def plain_text_headings(text: str) -> list[tuple[int, int]]:
    """Each line of at most 60 characters, letters in it, not ending like a sentence, between blank lines."""
    found = []
    for match in PLAIN_TEXT_LINE.finditer(text):
        line = match["line"]
        if len(line) > 60 or line.endswith(headings.SENTENCE_END) or not any(char.isalpha() for char in line):
            continue
        if headings._blank_before(text, match.start()) and headings._blank_after(text, match.end()):
            found.append(match.span("line"))
    return found


@settings(max_examples=500, deadline=None)
@given(st.lists(text_heading_pieces, max_size=30).map("".join))
def test_text_headings_are_the_plain_line_pattern_matches(text: str) -> None:
    assert headings.heading_spans(text, Format.TEXT) == plain_text_headings(text)


ROWS = "\n\nDA\tDomestic Abuse\nSNP - Safer Neighbourhood Panels"


@pytest.mark.parametrize(
    "heading",
    ["GLOSSARY", "Glossary", "glossary", "GlOsSaRy", "gLOSSARY", "## Jargon Buster:", "**Acronyms and ABBREVIATIONS**"]
    + ["\t__abbreviations__ :", "gloſſary", "Glossary of Terms\r"],
)
def test_heading_in_any_case_is_found(heading: str) -> None:
    text = f"Minutes of the meeting\n{heading}{ROWS}"
    section = sections.find_glossary_section(text, Format.TEXT)
    assert section is not None
    assert section == reference_section(text)
    assert text.startswith(heading, section.start)
    assert [row.acronym for row in section.rows] == ["DA", "SNP"]


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        pytest.param("Glossary", [(0, 8)], id="whole-text"),
        pytest.param("Minutes\nGlOsSaRy", [(8, 16)], id="at-the-end-without-line-break"),
        pytest.param("Glossary\r\n\r\nDA\tDomestic Abuse\r\n", [(0, 9)], id="crlf"),
        pytest.param("See the glossary\nGlossary below\n glossary \n", [(32, 42)], id="only-whole-lines"),
        pytest.param("\n\nACRONYMS\n\n", [(2, 10)], id="after-blank-lines"),
        pytest.param("Minutes of the meeting", [], id="none"),
    ],
)
def test_heading_edge_cases(text: str, spans: list[tuple[int, int]]) -> None:
    assert sections._headings(text) == [match.span() for match in sections.HEADING.finditer(text)] == spans


@settings(max_examples=300, deadline=None)
@given(section_texts)
def test_possessive_runs_of_spaces_match_what_the_plain_runs_match(text: str) -> None:
    """The heading's runs of spaces are possessive, so that a line of many spaces (pdftotext's layout) is tried
    once, not in every way of sharing them out (benchmarks/pathological.py times it): the same headings."""
    plain = re.compile(rf"^{sections._HEADING_LINE.replace('*+', '*')}", re.IGNORECASE | re.MULTILINE)
    assert [match.span() for match in sections.HEADING.finditer(text)] == [
        match.span() for match in plain.finditer(text)
    ]


def test_crlf_section_rows() -> None:
    text = "Minutes\r\n\r\nGlossary\r\n\r\nDA\tDomestic Abuse\r\nSNP - Safer Neighbourhood Panels\r\n"
    section = sections.find_glossary_section(text, Format.TEXT)
    assert section is not None and section == reference_section(text)
    assert [(row.acronym, row.expansion, row.line) for row in section.rows] == [
        ("DA", "Domestic Abuse", 5),
        ("SNP", "Safer Neighbourhood Panels", 6),
    ]


# --- Definitions: the boundary scan, the bracket window and the alignment ----------------

# `_BOUNDARY_RE` as first written: one alternative per kind of boundary.
_TIGHT = r"[^()\[\]\s]*[)\]]"
REFERENCE_BOUNDARY = re.compile(
    rf"(?P<inword>[(\[](?:(?<=[^\W_][(\[]){_TIGHT}|(?<=-[(\[]){_TIGHT}(?=\s)|{_TIGHT}(?=[^\W_]|-)))"
    r"|[()\[\]{};\t|<>]"
    r"|:(?!\d)"
    r"|[.!?](?<=[^\W\d_]{2}[.!?])(?=\s+[^\s(\[])"
    r"|\n[^\S\n]*\n"
)

DEFINITION_PIECES = [
    *("Safer", "Neighbourhood", "Panels", "SNP", "SNPs", "the", "of", "and", "Police", "PCC"),
    *("İ", "Σ", "NaCl", "anti-"),
    *("(", ")", "[", "]", "(SNP)", "(a)", "b(c)d", "-(e)", "(f)-", "(zzzzzzzzzzzz.zz)", "x(", "(y)z", "a(b)-c"),
    *(".", "!", "?", ":", ":1", ";", ",", "\n", "\n\n", "\n \n", "\t", "|", "<", ">", "{", "}", "Ab.", "e.g."),
    *(" ", " ", " ", "  ", "\u00a0", "\u2003", "\x1c", "“", "”", "'", "-", "14", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"),
]
definition_texts = st.lists(st.sampled_from(DEFINITION_PIECES), max_size=120).map("".join)


@settings(max_examples=300, deadline=None)
@given(definition_texts, st.integers(0, 40), st.integers(0, 40))
def test_boundary_pattern_finds_what_one_alternative_per_kind_finds(text: str, skip: int, cut: int) -> None:
    start, end = min(skip, len(text)), max(0, len(text) - cut)

    def found(pattern: re.Pattern[str]) -> list[tuple[tuple[int, int], str | None]]:
        return [(match.span(), match.lastgroup) for match in pattern.finditer(text, start, end)]

    assert found(definitions._BOUNDARY_RE) == found(REFERENCE_BOUNDARY)


def reference_window(text: str, open_at: int) -> int:
    """`_bracket_at`'s window as first written: every boundary from well before the window on."""
    floor = max(0, open_at - definitions.MAX_WINDOW_CHARS)
    boundaries = [
        found.end()
        for found in REFERENCE_BOUNDARY.finditer(text, max(0, floor - definitions.MAX_BRACKET_CHARS), open_at)
        if found.lastgroup != "inword" and found.end() <= open_at
    ]
    return max([floor, *boundaries])


@settings(max_examples=200, deadline=None)
@given(definition_texts, st.sampled_from([1, 3, 8, 40, definitions.BOUNDARY_STEP_CHARS]), st.integers(0, 700))
def test_bracket_window_is_where_the_whole_scan_puts_it(text: str, step: int, padding: int) -> None:
    text = "word " * (padding // 5) + text  # windows that reach past the text's start, and ones that do not
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(definitions, "BOUNDARY_STEP_CHARS", step)
        for open_at in (index for index, char in enumerate(text) if char in "(["):
            bracket = definitions._bracket_at(text, open_at)
            if bracket is not None:
                assert bracket.window == reference_window(text, open_at)


def reference_best_alignment(chars: str, long: str) -> tuple[tuple[int, ...], int] | None:
    """`_best_alignment` as first written: a dense table per letter, walked one position at a time."""
    folded = [char.lower() for char in long]
    initial = [int(folded[p] in chars and definitions._begins_word(long, p)) for p in range(len(long))]
    impossible = -len(chars) - 1
    following = [0] * (len(long) + 1)
    tables = [following]
    for char in reversed(chars[1:]):
        table = [impossible] * (len(long) + 1)
        for index in range(len(long) - 1, -1, -1):
            table[index] = table[index + 1]
            if folded[index] == char and following[index + 1] > impossible:
                table[index] = max(table[index], initial[index] + following[index + 1])
        tables.append(table)
        following = table
    tables.reverse()
    best, best_score = None, 0
    for start in range(len(long) - 1, -1, -1):
        if long[start].lower() != chars[0] or (start > 0 and long[start - 1].isalnum()):
            continue
        if tables[0][start + 1] <= impossible:
            continue
        positions = [start]
        for table in tables[:-1]:
            index = positions[-1] + 1
            while table[index] == table[index + 1]:
                index += 1
            positions.append(index)
        if definitions._starts_with_connective(long, start):
            continue
        initials = 1 + tables[0][start + 1]
        unmatched = sum(
            1
            for match in definitions._ALNUM_RUN_RE.finditer(long, start)
            if not (match.group().lower() in definitions.FUNCTION_WORDS or match.group().isdigit())
            and not any(match.start() <= position < match.end() for position in positions)
        )
        if best is None or initials - unmatched > best_score:
            best, best_score = (tuple(positions), initials), initials - unmatched
    return best


LONG_FORM_WORDS = ["Safer", "Neighbourhood", "Panels", "the", "of", "and", "Police", "Crime", "NaCl", "anti-human"]
LONG_FORM_WORDS += [
    "İnspector",
    "ΣΑΣ",
    "ΑΣ",
    "ſ",
    "Dixon",
    "Glynn",
    "P450",
    "x",
    "SNP",
    "Sxs",
    "1",
    "-",
    "/",
    "“",
    "ﬁre",
]


@settings(max_examples=400, deadline=None)
@given(
    st.lists(st.sampled_from(LONG_FORM_WORDS), min_size=1, max_size=8).map(" ".join),
    st.sampled_from(["snp", "pcc", "gd", "np", "sp", "i̇n", "σα", "ασ", "σσ", "ss", "fi", "p450", "nc", "sn"]),
)
def test_best_alignment_matches_the_dense_tables(long: str, chars: str) -> None:
    best = definitions._best_alignment(chars, long)
    assert (None if best is None else (best.positions, best.initials)) == reference_best_alignment(chars, long)


@pytest.mark.parametrize(
    ("chars", "long", "expected"),
    [
        pytest.param("snp", "the Safer Neighbourhood Panels", ((4, 10, 24), 3), id="initials"),
        pytest.param("ss", "Safer Panels", ((0, 11), 1), id="same-letter-twice"),
        pytest.param("ασ", "ΑΣ", ((0, 1), 1), id="final-sigma-lowered-alone"),
        pytest.param("i̇n", "İnspector", None, id="capital-i-with-dot-lowers-to-two"),
        pytest.param("snp", "İ Safer Neighbourhood Panels", ((2, 8, 22), 3), id="beside-a-capital-i-with-dot"),
        pytest.param("gd", "of Glynn Dixon", ((3, 9), 2), id="two-words"),
        pytest.param("pcc", "our Chief Constable", None, id="no-alignment"),
    ],
)
def test_best_alignment_cases(chars: str, long: str, expected: tuple[tuple[int, ...], int] | None) -> None:
    best = definitions._best_alignment(chars, long)
    assert (
        (None if best is None else (best.positions, best.initials)) == reference_best_alignment(chars, long) == expected
    )


@settings(max_examples=300, deadline=None)
@given(definition_texts, st.integers(1, 12))
def test_last_words_start_is_the_start_of_the_last_words(text: str, count: int) -> None:
    words = definitions._words(text, 0, len(text))
    expected = words[-count:][0][0] if words else None
    assert definitions._last_words_start(text, 0, len(text), count) == expected


# --- hits beside a bracket ----------------------------------------------------

_BRACKET_GLOSSARY = Glossary.from_entries([Entry("AB", "Alpha Beta"), Entry("ABC", "Alpha Beta Gamma")])


@given(text=st.text(alphabet='ABC( )x’s\n"“*_<b/>', max_size=50))
def test_beside_brackets_is_beside_bracket_for_each_hit(text: str) -> None:
    matches = find(text, _BRACKET_GLOSSARY)
    assert beside_brackets(text, matches) == [match for match in matches if beside_bracket(text, match)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("(AB)", ["AB"]),
        ("AB    (x)", ["AB"]),  # four spaces: the widest gap
        ("AB     (x)", []),  # five: too far
        ("AB (ABC) x", ["AB", "ABC"]),
        ("x( AB", []),
        ('("AB")', ["AB"]),
        ("(“AB”)", ["AB"]),
        ("(**AB**)", ["AB"]),
        ("(<b>AB</b>)", ["AB"]),
        ("(<b>“AB”</b>)", ["AB"]),
        ("(x AB)", []),
        ("(<b>x AB)", []),
    ],
)
def test_beside_brackets_named_cases(text: str, expected: list[str]) -> None:
    assert [match.acronym for match in beside_brackets(text, find(text, _BRACKET_GLOSSARY))] == expected


# --- Line numbers: `LineCounter` against `LineIndex` ----------------------------------------


@settings(max_examples=200, deadline=None)
@given(
    st.text(st.sampled_from("ab\n\r"), max_size=60),
    st.lists(st.integers(0, 60), max_size=12),
    st.sampled_from([0, 3, MAX_KEPT_LINES]),
)
def test_line_counter_gives_the_line_index_lines(text: str, offsets: list[int], kept: int) -> None:
    """Also after it has kept `kept` answers and asks a `LineIndex` of its own."""
    counter, index = LineCounter(text, kept), LineIndex(text)
    for offset in [min(offset, len(text)) for offset in offsets]:  # in any order, repeats included
        assert counter.line(offset) == index.line(offset)


def lines_by_breaks(text: str, offset: int) -> int:
    """The line of `offset` when CR LF, CR and LF each end a line (a CR LF is one break)."""
    return 1 + sum(1 for found in re.finditer("\r\n|\r|\n", text) if found.end() <= offset)


@settings(max_examples=300, deadline=None)
@given(st.text(st.sampled_from("ab\n\r"), max_size=60), st.lists(st.integers(0, 60), max_size=12))
def test_line_numbers_count_cr_lf_and_crlf_as_breaks(text: str, offsets: list[int]) -> None:
    counter, index = LineCounter(text, kept=3), LineIndex(text)
    for offset in [min(offset, len(text)) for offset in offsets]:
        assert (index.line(offset), counter.line(offset)) == (lines_by_breaks(text, offset),) * 2


@pytest.mark.parametrize(
    ("text", "offset", "line"),
    [("a\rThe SNP met.\rxx", 6, 2), ("a\rb\r\nc\nd", 7, 4), ("a\r\nb", 2, 1), ("a\r\nb", 3, 2), ("\r\r", 2, 3)],
    ids=["cr", "mixed", "inside-crlf", "after-crlf", "blank-cr-lines"],
)
def test_line_numbers_named_cases(text: str, offset: int, line: int) -> None:
    assert (LineIndex(text).line(offset), LineCounter(text).line(offset), line_at(text, offset)) == (line,) * 3


# --- Searches that reuse earlier answers: `NextOf` -------------------------------------------


class ReadCounting(str):
    """A text that counts how many characters its `find` and `rfind` searches read."""

    read = 0

    def find(self, sub: str, start: SupportsIndex | None = None, end: SupportsIndex | None = None) -> int:
        return self._counted(super().find(sub, start, end), start, end)

    def rfind(self, sub: str, start: SupportsIndex | None = None, end: SupportsIndex | None = None) -> int:
        return self._counted(super().rfind(sub, start, end), start, end)

    def _counted(self, found: int, start: SupportsIndex | None, end: SupportsIndex | None) -> int:
        low, high = int(start or 0), len(self) if end is None else int(end)
        ReadCounting.read += max(0, high - low) if found == -1 else abs(found - low) + 1
        return found


@settings(max_examples=300, deadline=None)
@given(st.text(st.sampled_from("a)]"), max_size=40), st.sampled_from(")]"), st.lists(st.integers(0, 41), max_size=12))
def test_next_of_is_str_find(text: str, literal: str, offsets: list[int]) -> None:
    """In any order, repeats included."""
    next_of = NextOf(text, literal)
    for offset in offsets:
        assert next_of.at_or_after(offset) == text.find(literal, offset)


def test_definition_brackets_read_the_text_about_once() -> None:
    """Thousands of definitions and no `]` after them: each looking for one to the end was quadratic at 20 MB."""
    plain = "The Police Community Support Officer (PCSO) met the Safer Neighbourhood Panel (SNP). " * 2000
    found = definitions.find_inline_definitions(plain)
    assert len(found) == 4000
    text = ReadCounting(plain)
    ReadCounting.read = 0
    spans = _definition_brackets(text, found)
    assert spans == []  # `Long Form (SF)`: nothing after the short form
    assert ReadCounting.read <= 3 * len(text)


def test_glossary_section_rows_count_a_lone_cr_before_the_heading() -> None:
    section = sections.find_glossary_section("Minutes\rof the panel\n\nGlossary\n\nSNP\tSafer Neighbourhood Panel\n")
    assert section is not None
    assert [(row.acronym, row.line) for row in section.rows] == [("SNP", 6)]


# --- Spans: the columns against a plain merge of every span ---------------------------------

span_lists = st.lists(
    st.tuples(st.integers(0, 30), st.integers(0, 8), st.sampled_from(["a tag", "a URL", "code"])).map(
        lambda span: (span[0], span[0] + span[1], span[2])
    ),
    max_size=8,
)


def reference_columns(spans: list[tuple[int, int, str]]) -> tuple[list[int], list[int], list[str]]:
    """Outer spans first, each span that starts inside the previous one absorbed into it."""
    starts: list[int] = []
    ends: list[int] = []
    kinds: list[str] = []
    for start, end, kind in sorted(spans, key=lambda span: (span[0], -span[1])):
        if ends and start < ends[-1]:
            ends[-1] = max(ends[-1], end)
        else:
            starts.append(start)
            ends.append(end)
            kinds.append(kind)
    return starts, ends, kinds


@settings(max_examples=300, deadline=None)
@given(span_lists)
def test_spans_hold_the_plain_merge(spans: list[tuple[int, int, str]]) -> None:
    built = Spans(spans)
    assert (built.starts, built.ends, built.kinds) == reference_columns(spans)


def test_spans_that_never_overlap_keep_every_kind() -> None:
    spans = Spans([(10, 12, "a URL"), (0, 3, "code"), (3, 5, "a tag")])
    assert (spans.starts, spans.ends, spans.kinds) == ([0, 3, 10], [3, 5, 12], ["code", "a tag", "a URL"])
    assert [spans.overlapping(at, at + 1) for at in (2, 3, 7, 11)] == ["code", "a tag", None, "a URL"]
