"""Context decisions on real sentences: headings, numerals, units, tokens, senses, laziness, models."""

from __future__ import annotations

import bisect
import json
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from acronyms import Entry, Format, Glossary, Options, UsageError, annotate, annotation, find, scan
from acronyms import context as context_module
from acronyms.context import ContextMode
from acronyms.senses import choose_sense, words

TRICKY: dict[str, Any] = json.loads((Path(__file__).parent / "data" / "tricky.json").read_text(encoding="utf-8"))
CASES = TRICKY["cases"]


@pytest.fixture(scope="module")
def glossary() -> Glossary:
    extra = Glossary.from_entries([Entry(acronym, expansion) for acronym, expansion in TRICKY["extra"]])
    return Glossary.layered([Glossary.bundled(), extra])


@pytest.mark.parametrize("mode", [ContextMode.AUTO, ContextMode.FULL], ids=["auto", "full"])
@pytest.mark.parametrize("case", CASES, ids=[case["id"] for case in CASES])
def test_tricky_sentences(glossary: Glossary, case: dict[str, Any], mode: ContextMode) -> None:
    assert annotate(case["text"], glossary, Options(context=mode)) == case["expected"]


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        ("IT WAS AGREED THAT THE PCC WOULD RESPOND", "Information Technology (IT) WAS AGREED"),
        ("The meeting starts at 10 AM.", "10 Assembly Member (AM)"),
        ("Reference A-ACC-7 was logged.", "A-Assistant Chief Constable (ACC)-7"),
        ("See Part IV of the report.", "Part Intravenous (IV)"),
    ],
    ids=["heading", "time", "code", "roman"],
)
def test_without_context_the_glossary_alone_expands_wrongly(glossary: Glossary, text: str, wrong: str) -> None:
    assert wrong in annotate(text, glossary, Options(context=ContextMode.OFF))
    assert wrong not in annotate(text, glossary)


def test_without_context_ambiguous_acronyms_stay_unexpanded(glossary: Glossary) -> None:
    text = "Thieves steal the CC from parked vehicles for the metal."
    result = annotation(text, glossary, Options(context=ContextMode.OFF))
    assert result.text == text
    assert result.decisions[0].reason == "ambiguous: 3 senses and the context is not read (--context off)"


def test_explanations_name_the_rule(glossary: Glossary) -> None:
    reasons = [d.reason for d in annotation("Part IV. Reference A-ACC-7.", glossary).decisions]
    assert reasons == [
        "not an acronym: a Roman numeral",
        "not an acronym: part of a longer token (a code, file name or address)",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The PCSOs and the PCC saw CC theft of metal.",
            (
                "The Police Community Support Officers (PCSOs) and the Police and Crime Commissioner (PCC) saw "
                "Catalytic Converter (CC) theft of metal."
            ),
        ),
        (
            "The PCC and the PCSOs met the CC of the force.",
            (
                "The Police and Crime Commissioner (PCC) and the Police Community Support Officers (PCSOs) met the "
                "Chief Constable (CC) of the force."
            ),
        ),
        (
            "The PCC and the PCSOs met the CC.",
            (
                "The Police and Crime Commissioner (PCC) and the Police Community Support Officers (PCSOs) met the "
                "Chief Constable (CC)."
            ),
        ),
    ],
    ids=["words-of-the-sentence-win", "both-agree", "neighbours-alone-still-decide"],
)
def test_words_written_outweigh_neighbouring_expansions(glossary: Glossary, text: str, expected: str) -> None:
    assert annotate(text, glossary) == expected
    assert annotate(expected, glossary) == expected


def test_choose_sense_counts_written_words_more_than_words_only_from_expansions() -> None:
    chief = Entry("CC", "Chief Constable", context=("police", "officer", "commissioner"))
    converter = Entry("CC", "Catalytic Converter", context=("theft", "metal"))
    sentence = frozenset({"police", "officer", "commissioner", "theft", "metal"})
    assert choose_sense((chief, converter), sentence, sentence) == chief  # every word written: three beat two
    chosen = choose_sense((chief, converter), sentence, sentence, written=frozenset({"theft", "metal"}))
    assert chosen == converter


def test_catalytic_converters_in_the_sample_minutes(sample_text: str) -> None:
    decisions = annotation(sample_text, Glossary.bundled()).decisions
    (cc,) = [d for d in decisions if d.match.acronym == "CC"]
    assert cc.entry is not None and cc.entry.expansion == "Catalytic Converter"


def test_spacy_is_not_used_when_no_hit_needs_it(monkeypatch: pytest.MonkeyPatch, glossary: Glossary) -> None:
    def refuse(model: str | None = None) -> None:
        raise AssertionError("spaCy was loaded")

    monkeypatch.setattr(context_module, "load_pipeline", refuse)
    text = "The PCC met the ACC. (SNP) feedback, then NPT: done.\n" * 50
    assert annotate(text, glossary).startswith("The Police and Crime Commissioner (PCC)")


class Recording:
    """Stands in for the spaCy pipeline and records what it is asked to read."""

    def __init__(self) -> None:
        self.real = context_module.load_pipeline()
        self.tokenized: list[str] = []
        self.parsed: list[str] = []

    def tokenizer(self, text: str) -> Any:
        self.tokenized.append(text)
        return self.real.tokenizer(text)

    def __call__(self, text: str) -> Any:
        self.parsed.append(text)
        return self.real(text)


@pytest.fixture
def recording(monkeypatch: pytest.MonkeyPatch) -> Recording:
    spy = Recording()
    monkeypatch.setattr(context_module, "load_pipeline", lambda model=None: spy)
    return spy


FILLER = "The PCC met the ACC and the NPT in the town hall. " * 400


def test_spacy_tokenizes_only_the_pieces_that_need_it(recording: Recording, glossary: Glossary) -> None:
    text = "Reference A-ACC-7 and thieves steal the CC from parked vehicles for the metal. " + FILLER
    assert "Catalytic Converter (CC)" in annotate(text, glossary)
    assert recording.tokenized == ["A-ACC-7"]  # later uses of an introduced acronym need no second look
    assert recording.parsed == []


def test_full_context_reads_windows_around_every_hit(recording: Recording, glossary: Glossary) -> None:
    text = FILLER + "Thieves steal the CC from parked vehicles for the metal. " + FILLER
    assert "Catalytic Converter (CC)" in annotate(text, glossary, Options(context=ContextMode.FULL))
    assert len(recording.parsed) == 1
    assert len(recording.parsed[0]) < 2000 < len(text)


def tiny_pipeline(path: Path) -> Path:
    """A pipeline saved to disk whose attribute ruler sets lemmas, standing in for a trained one."""
    import spacy

    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "vetted"}]], {"LEMMA": "vet"})
    ruler.add([[{"LOWER": "abused"}]], {"LEMMA": "abuse"})
    nlp.add_pipe("sentencizer")
    nlp.to_disk(path)
    return path


def test_a_named_pipeline_supplies_lemmas(tmp_path: Path) -> None:
    glossary = Glossary.from_entries(
        [Entry("DV", "Developed Vetting", context=("vet",)), Entry("DV", "Domestic Violence", context=("abuse",))]
    )
    text = "Her DV was renewed once she had been vetted."
    model = str(tiny_pipeline(tmp_path / "tiny"))
    assert annotate(text, glossary) == text
    assert annotate(text, glossary, Options(spacy_model=model)) == (
        "Her Developed Vetting (DV) was renewed once she had been vetted."
    )


def test_a_missing_pipeline_is_a_usage_error() -> None:
    glossary = Glossary.from_entries(
        [Entry("CC", "Chief Constable", context=("force",)), Entry("CC", "County Council")]
    )
    with pytest.raises(UsageError, match="cannot load the spaCy pipeline 'no_such_pipeline'"):
        annotate("The CC spoke.", glossary, Options(spacy_model="no_such_pipeline"))


def test_a_trained_english_pipeline_when_installed(glossary: Glossary) -> None:
    pytest.importorskip("en_core_web_sm", reason="en_core_web_sm is not installed; the blank pipeline is tested above")
    text = "Victims of DV were abused by their partners."
    assert annotate(text, glossary, Options(spacy_model="en_core_web_sm")).startswith(
        "Victims of Domestic Violence (DV)"
    )


# Sense choice looks up only the senses' words in case-folded text (senses._Reading);
# it must find exactly what collecting every word (senses.words) finds.
_TEXT_CHARS = st.sampled_from(list("abcsSFORCE forceß İıΣσς-’'.,()\n0123456789_éÉ\u00a0\u0307ﬁ"))
_WORDS = st.sampled_from(["force", "forces", "forc", "council", "ss", "strasse", "i\u0307stanbul", "σσ", "bus", "é"])


@given(text=st.text(_TEXT_CHARS, max_size=60), among=st.frozensets(_WORDS | st.text("abcsforceé", min_size=1)))
def test_reading_finds_what_words_finds(text: str, among: frozenset[str]) -> None:
    from acronyms.senses import _Reading, words

    assert _Reading(text, frozenset()).words(among) == words(text) & among


@pytest.mark.parametrize(
    ("text", "word", "found"),
    [
        ("Police forces met", "force", True),  # a plural counts as its singular
        ("the buses", "buse", True),
        ("the cars", "car", True),  # the shortest plural that counts
        ("the bus", "bu", False),  # too short to be a plural
        ("enforcement", "force", False),  # inside a longer word
        ("Force-wide", "force", True),
        ("force2", "force", True),  # a digit ends a word
        ("STRAßE", "strasse", True),  # folding changes the length: every word is collected instead
    ],
)
def test_reading_named_cases(text: str, word: str, found: bool) -> None:
    from acronyms.senses import _Reading

    assert (word in _Reading(text, frozenset()).words(frozenset({word}))) is found


# The sentence-end pattern is written for speed; it must find what the plain form finds.
_PLAIN_SENTENCE_END = re.compile(r"[.!?\u2026]+[\"'\u2019\u201d)\]]*(?=\s)\s*|\n[ \t]*\r?\n")


@given(text=st.text(st.sampled_from(list(".!?\u2026\"'\u2019\u201d)]\n\r\t ab")), max_size=40))
def test_sentence_end_finds_what_the_plain_pattern_finds(text: str) -> None:
    spans = [found.span() for found in context_module.SENTENCE_END.finditer(text)]
    assert spans == [found.span() for found in _PLAIN_SENTENCE_END.finditer(text)]


_CONTEXT_GLOSSARY = Glossary.from_entries(
    [Entry("FC", "Force Control"), Entry("CC", "County Council"), Entry("CC", "Chief Constable")]
)


@given(
    pieces=st.lists(st.sampled_from(["FC", "CC", " ", "\n", "\n\n", "council", "forces", "Chief", ".", "(", ")", "ß"])),
    offsets=st.lists(st.integers(0, 200), max_size=4),
)
def test_context_among_gives_the_words_less_the_rest(pieces: list[str], offsets: list[int]) -> None:
    """With `among`, Context gives what it gives without, less the words not asked about."""
    from acronyms.senses import Context

    text = "".join(pieces)

    among = frozenset({"council", "county", "force", "forces", "chief", "control", "constable", "ß", "ss"})
    matches = find(text, _CONTEXT_GLOSSARY)
    long_forms = [(0, min(3, len(text)))]  # a long form left out, sometimes inside a paragraph
    fast, plain = (
        Context(text, matches, _CONTEXT_GLOSSARY, long_forms),
        Context(text, matches, _CONTEXT_GLOSSARY, long_forms),
    )
    for offset in (min(offset, len(text)) for offset in offsets):
        assert fast.words_near(offset, among) == plain.words_near(offset) & among
        start, end = max(0, offset - 7), min(len(text), offset + 9)
        assert fast.words_in(start, end, among) == plain.words_in(start, end) & among
        written = plain.written_near(offset)
        assert fast.written_near(offset, among) == written & among
        assert written <= plain.words_near(offset)
        # Never a word that only an expansion brings: Force Control's, from FC ("forces" is written, "control" never).
        assert "control" not in written and ("force" not in written or "forces" in text)
        assert fast.written_in(start, end, among) == words(plain._without_long_forms(start, end)) & among


def _paragraphs_by_whole_scan(text: str, offset: int) -> list[tuple[int, int]]:
    """The paragraph holding `offset` and the one before it, from every break of the text (the reference)."""
    from acronyms.positions import PARAGRAPH_BREAK
    from acronyms.senses import PARAGRAPHS_BEFORE

    starts = [0, *(found.end() for found in PARAGRAPH_BREAK.finditer(text))]
    index = bisect.bisect_right(starts, offset) - 1
    ends = [*starts[1:], len(text)]
    return [(starts[i], ends[i]) for i in range(max(0, index - PARAGRAPHS_BEFORE), index + 1)]


@given(
    pieces=st.lists(st.sampled_from(["\n", "\n\n", "\r\n", " ", "\t", "a", "word ", "x" * 300])),
    offsets=st.lists(st.integers(0, 5000), min_size=1, max_size=6),
    reach=st.sampled_from([1, 2, 7, 2000]),
)
def test_paragraphs_around_a_hit_are_those_of_the_whole_text(pieces: list[str], offsets: list[int], reach: int) -> None:
    """Asked in any order, by one `Context` (which remembers the paragraphs it found)."""
    from acronyms import senses

    text = "".join(pieces)
    context = senses.Context(text, [], Glossary.from_entries([]))
    original, senses.PARAGRAPH_REACH = senses.PARAGRAPH_REACH, reach  # short reaches make it look further back
    try:
        for offset in (min(offset, len(text)) for offset in offsets):
            assert context.paragraphs_around(offset) == _paragraphs_by_whole_scan(text, offset)
    finally:
        senses.PARAGRAPH_REACH = original


@pytest.mark.parametrize(
    "text",
    ["The SNP&rsquo;s report.", "The&nbsp;CJS met.", "and&mdash;CJS&mdash;x", "(&ldquo;NPT&rdquo;)"],
    ids=["possessive", "nbsp", "dashes", "quotes"],
)
def test_in_plain_text_an_ampersand_is_only_a_character(glossary: Glossary, text: str) -> None:
    result = annotation(text, glossary)
    assert result.text == text
    assert [d.reason for d in result.decisions] == [
        "not an acronym: part of a longer token (a code, file name or address)"
    ]


def test_references_that_stand_for_safe_neighbours_need_no_spacy(
    monkeypatch: pytest.MonkeyPatch, glossary: Glossary
) -> None:
    def refuse(model: str | None = None) -> None:
        raise AssertionError("spaCy was loaded")

    monkeypatch.setattr(context_module, "load_pipeline", refuse)
    page = "<p>The SNP&rsquo;s report, (&ldquo;NPT&rdquo;) and the&nbsp;CJS.</p>"
    assert annotate(page, glossary, Options(format=Format.HTML)) == (
        "<p>The Safer Neighbourhood Panel&rsquo;s (SNP&rsquo;s) report, (&ldquo;Neighbourhood Policing Team (NPT)"
        "&rdquo;) and the&nbsp;Criminal Justice System (CJS).</p>"
    )


def test_the_hits_of_one_paragraph_find_its_breaks_once() -> None:
    """Work per paragraph, not per hit: one long paragraph of undecided `CC`s was quadratic (minutes on 5 MB)."""
    from acronyms.senses import Context

    text = "\n".join(["The CC met."] * 200) + "\n\nThe CC agreed."
    glossary = Glossary.bundled()
    matches = find(text, glossary)
    context = Context(text, matches, glossary)
    last = text.index("The CC agreed.")
    found = [context.paragraphs_around(match.start) for match in matches]
    assert found == [[(0, last)]] * 200 + [[(0, last), (last, len(text))]]
    assert len(context._paragraphs) == 2  # what it found, remembered once for each paragraph


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("CRIME &amp; DISORDER PCC UPDATE", "in a line written in capitals"),
        ("CRIME &amp;&nbsp;DISORDER PCC UPDATE", "in a line written in capitals"),
        ("Crime &amp; disorder PCC update", None),
        ("CRIME &amp; DISORDER PCC caf&eacute;", None),
        ("CAF&eacute; DISORDER PCC UPDATE", None),
    ],
    ids=["amp", "two-references", "prose", "lower-case-word-too", "lower-case-reference"],
)
def test_references_are_no_lower_case_words_in_a_line_in_capitals(line: str, reason: str | None) -> None:
    start = line.index("PCC")
    assert context_module.not_an_acronym(line, start, start + 3) == reason


HEADING = "in a line written in capitals"


@pytest.mark.parametrize(
    ("line", "word", "reason"),
    [
        ("# PCSO NUMBERS", "PCSO", HEADING),
        ("# PCSO NUMBERS", "NUMBERS", HEADING),
        ("4. HMICFRS PEEL INSPECTION", "HMICFRS", HEADING),
        ("4. HMICFRS PEEL INSPECTION", "INSPECTION", HEADING),
        ("PCC / SNP", "PCC", None),
        ("PCC GM", "PCC", None),
        ("PCC GM", "GM", None),
        ("QXZ TEAM", "TEAM", None),
        ("QXZ TEAM", "QXZ", None),
        ("# PCSO numbers", "PCSO", None),
    ],
    ids=[
        "acronym-beside-one-word",
        "one-word-beside-an-acronym",
        "two-acronyms-beside-one-word",
        "one-word-beside-two-acronyms",
        "acronyms-only",
        "acronym-beside-initials",
        "initials-beside-an-acronym",
        "unknown-capitals-only",
        "unknown-capitals-only-short",
        "lower-case-word",
    ],
)
def test_one_ordinary_word_beside_a_known_acronym_makes_a_heading(line: str, word: str, reason: str | None) -> None:
    start = line.index(word)
    known = {"PCSO", "HMICFRS", "PEEL", "PCC", "SNP"}
    assert context_module.not_an_acronym(line, start, start + len(word), known) == reason


def test_an_acronym_in_a_heading_of_one_word_is_expanded_in_the_text_below(glossary: Glossary) -> None:
    text = "# PCSO NUMBERS\n\nThe PCSO team grew.\n"
    assert annotate(text, glossary, Options(format=Format.MARKDOWN)) == (
        "# PCSO NUMBERS\n\nThe Police Community Support Officer (PCSO) team grew.\n"
    )


@pytest.mark.parametrize(
    ("page", "forms"),
    [
        ("<p>The SNP&rsquo;s van</p>", ["possessive"]),
        ("<p>The SNP&#39;s van</p>", ["possessive"]),
        ("<p>The SNP&rsquo;sx van</p>", []),
        ("<p>The SNP&ldquo;s van</p>", []),
        ("<p>The SNP&rsquo; van</p>", ["base"]),
    ],
    ids=["rsquo", "decimal", "letter-after", "not-an-apostrophe", "no-s"],
)
def test_only_a_reference_to_an_apostrophe_and_an_s_make_a_possessive(page: str, forms: list[str]) -> None:
    glossary = Glossary.from_entries([Entry("SNP", "Safer Neighbourhood Panel")])
    decisions = annotation(page, glossary, Options(format=Format.HTML, context=ContextMode.FULL)).decisions
    assert [d.match.form.value for d in decisions if not d.reason.startswith("not an acronym")] == forms


@given(
    pieces=st.lists(
        st.sampled_from(
            ["FC", "CC", " ", "\n", "\n\n", "\n \n", "council", "forces", "Chief", ".", "!", "’", "(", ")", "ß"]
        )
    ),
    filler=st.integers(0, 1200),
)
def test_the_sentence_of_a_hit_says_nothing_its_paragraphs_do_not(pieces: list[str], filler: int) -> None:
    """The words of a hit's sentence (as the blank pipeline finds it) are among the words near it.

    `_Judge.sense` relies on it: it looks in the sentence only for the words found near the hit.
    """
    from acronyms.context import _sentence_bounds
    from acronyms.senses import Context

    text = "".join(pieces[: len(pieces) // 2]) + "x " * (filler // 2) + "".join(pieces[len(pieces) // 2 :])
    matches = find(text, _CONTEXT_GLOSSARY)
    context = Context(text, matches, _CONTEXT_GLOSSARY, [(0, min(3, len(text)))])
    for match in matches:
        start, end = _sentence_bounds(text, match.start, match.end)
        assert context.words_in(start, end) <= context.words_near(match.start)
        assert context.written_in(start, end, frozenset(context.words_in(start, end))) <= context.written_near(
            match.start
        )


# Invisible characters from Word and web pages beside a hit: a zero-width space breaks a word, and the
# others are looked past, so the hit is judged by the visible character beyond them.
PCSO_LONG = "Police Community Support Officer (PCSO)"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The PCSO\u200b met.", f"The {PCSO_LONG}\u200b met."),  # zero-width space
        ("The \u200bPCSO met.", f"The \u200b{PCSO_LONG} met."),
        ("The PCSO\u200bmet.", f"The {PCSO_LONG}\u200bmet."),  # a word break between two words
        ("The PCSO\u2060 met.", f"The {PCSO_LONG}\u2060 met."),  # word joiner
        ("The PCSO\u00ad met.", f"The {PCSO_LONG}\u00ad met."),  # soft hyphen
        ("The PCSO\ufeff met.", f"The {PCSO_LONG}\ufeff met."),  # a byte-order mark inside the text
        ("The PCSO\u200d\u200e, then", f"The {PCSO_LONG}\u200d\u200e, then"),  # zero-width joiner, direction mark
        ("The PCSO\u00adled team", "The PCSO\u00adled team"),  # a soft hyphen inside a word: one word
        ("The x\u2060PCSO team", "The x\u2060PCSO team"),  # joined to the word before
    ],
)
@pytest.mark.parametrize("mode", [ContextMode.AUTO, ContextMode.FULL], ids=["auto", "full"])
def test_invisible_characters_beside_a_hit(glossary: Glossary, text: str, expected: str, mode: ContextMode) -> None:
    """`full` asks spaCy about every hit, and reads the invisible characters as `auto` does."""
    assert annotate(text, glossary, Options(context=mode)) == expected
    assert annotate(expected, glossary, Options(context=mode)) == expected


def test_a_hit_beside_a_zero_width_space_is_a_use_for_check(glossary: Glossary) -> None:
    found = scan("The PCSO\u200b met.", glossary).acronyms
    assert [(item.acronym, item.count) for item in found] == [("PCSO", 1)]


# `amid_prose` is a shortcut: whenever it says a hit's edges settle the rules, the rules must agree.
_PROSE_BEFORE = st.sampled_from(["the", "The", "THE", " ", "\n", "&", "&nbsp", "&amp;", "Part", "at 10", "5", "x", "("])
_PROSE_AFTER = st.sampled_from([" ", ",", ".", ":", " 5AF", "5", "[1]", "’s", "'", "s", "-", "/X", "\n", "met", "“"])


@given(
    before=st.lists(_PROSE_BEFORE, max_size=30),
    hit=st.sampled_from(["PCC", "IV", "AM", "SK9", "CC", "MXNB"]),
    after=st.lists(_PROSE_AFTER, max_size=4),
)
def test_amid_prose_only_where_the_rules_find_nothing(before: list[str], hit: str, after: list[str]) -> None:
    from acronyms.matcher import Match

    start = len(prefix := "".join(before))
    text, end = prefix + hit + "".join(after), start + len(hit)
    if context_module.amid_prose(text, start, end):
        assert context_module.not_an_acronym(text, start, end, {"PCC", "CC", "MXNB"}) is None
        assert not context_module.needs_tokens(text, Match(start, end, hit))


@pytest.mark.parametrize(
    ("text", "hit", "amid"),
    [
        ("The minutes record that the board thanked the PCC met.", "PCC", True),
        ("The minutes record that the board thanked the PCC, then", "PCC", True),
        ("CRIME AND DISORDER IN THE COUNTY: &nbsp PCC UPDATE", "PCC", False),  # a reference's name: no lower case
        ("The minutes record that the board thanked the PCC 5AF", "PCC", False),  # a postcode's inward code may follow
        ("The minutes record that the board thanked the PCC-led", "PCC", False),
        ("The minutes record that the board thanked the CC met", "CC", False),  # a Roman numeral, perhaps
        ("The board thanked the PCC met", "PCC", False),  # too near the start to tell
    ],
    ids=["space", "comma", "reference", "digit-after", "hyphen", "roman", "near-the-start"],
)
def test_amid_prose_named_cases(text: str, hit: str, amid: bool) -> None:
    start = text.index(f" {hit}") + 1
    assert context_module.amid_prose(text, start, start + len(hit)) is amid
