"""What a document uses and defines: candidates, `scan` (and its JSON shape) and `extract`."""

from __future__ import annotations

import csv
import importlib
import io
import json
from pathlib import Path

import jsonschema
import pytest
from conftest import ROOT

from acronyms import Entry, Format, Glossary
from acronyms.candidates import find_candidates, is_acronym_shaped
from acronyms.scan import DefinedBy, extract, scan

SCHEMA = json.loads((ROOT / "tests" / "data" / "checks" / "scan.schema.json").read_text(encoding="utf-8"))
EMPTY = Glossary.from_entries([])


@pytest.mark.parametrize(
    ("word", "shaped"),
    [
        ("ANPR", True),
        ("ToMV", True),
        ("PhD", True),
        ("COVID19", True),
        ("HMICFRS", True),
        ("Police", False),
        ("McDonald", False),
        ("iPhone", False),
        ("A", False),
        ("2PM", False),
        ("XIV", False),
        ("II", False),
        ("CID", True),
        ("ABCDEFGHIJK", False),
        ("CHTh", True),
        ("SCHTh", True),
        ("PHDd", True),
        ("ABth", False),
    ],
    ids=lambda value: str(value),
)
def test_acronym_shape(word: str, shaped: bool) -> None:
    assert is_acronym_shaped(word) is shaped


def test_candidates_sit_on_unicode_word_boundaries() -> None:
    text = "éNPT, ñGM and GMé stay out; NPT’s and the PCSOs' and GM\u0301 too"
    assert [(text[c.start : c.end], c.acronym, c.form.value) for c in find_candidates(text)] == [
        ("NPT", "NPT", "possessive"),
        ("PCSOs", "PCSO", "plural-possessive"),
    ]


def test_a_welsh_acronym_ending_in_a_digraph_is_reported_when_undefined() -> None:
    """`CHTh` (Comisiynydd Heddlu a Throseddu) ends in the Welsh letter `Th`, as `PhD` ends in a capital."""
    found = scan("Cyfarfu’r CHTh â’r SCHTh ddoe.", EMPTY).acronyms
    assert [(a.acronym, a.column, a.expansion) for a in found] == [("CHTh", 11, None), ("SCHTh", 20, None)]


def test_a_word_in_capitals_that_the_text_also_writes_in_lower_case_is_not_a_candidate() -> None:
    text = "ACTION 19 - this action is closed. GOLD: RASSO and IT."
    assert [c.acronym for c in find_candidates(text)] == ["GOLD", "RASSO", "IT"]


@pytest.mark.parametrize(
    "text",
    [
        "RESOLVED: That the report be noted.",
        "AGREED: the plan.",
        "NOTED",
        "ACTIONS: none.",
        "ACTION 4",
        "APOLOGIES: Matthew Ellis.",
        "PRESENT: the Chair.",
        "ITEM 6 - AGENDA",
        "APPENDIX B",
        "OFFICIAL",
        "DRAFT - FOR DECISION",
        "| Budget | RED | AMBER | GREEN |",
        "ACTION LOG",
        "ENDS",
        "PRESS RELEASE",
        "MEDIA RELEASE",
        "FOR IMMEDIATE RELEASE – 3 April 2024",
        "EMBARGOED UNTIL 00:01",
        "NOTES TO EDITORS",
        "CYTUNWYD: y cynllun.",
        "NODWYD",
        "YN BRESENNOL: y Cadeirydd.",
        "ABSENNOL",
        "EITEM 6 - AGENDA",
        "ATODIAD B",
        "SWYDDOGOL - SENSITIF",
        "DRAFFT",
        "| Cyllideb | COCH | AMBR | GWYRDD |",
        "CAMAU GWEITHREDU",
        "DATGANIAD I'R WASG",
        "DIWEDD",
        "NODIADAU I OLYGYDDION",
    ],
    ids=lambda text: text.split()[0].strip(":|") or text.split()[1],
)
def test_a_word_minutes_write_in_capitals_is_not_a_candidate(text: str) -> None:
    assert find_candidates(text) == []


def test_an_unknown_acronym_after_a_minute_book_label_is_still_a_candidate() -> None:
    assert [c.acronym for c in find_candidates("ACTION 3: QXZ to report. RESOLVED: ME to write.")] == ["QXZ", "ME"]


def test_a_glossary_acronym_spelled_as_a_minute_book_word_is_still_a_use() -> None:
    glossary = Glossary.from_entries([Entry("PART", "Police Action Response Team")])
    assert [(a.acronym, a.defined_by) for a in scan("The PART met.", glossary).acronyms] == [
        ("PART", DefinedBy.GLOSSARY)
    ]


def test_counts_include_plurals_and_possessives_but_not_the_glossary_section() -> None:
    text = "GM met the GMs and GM’s team.\n\nGlossary\n\nGM\tGold Manager\n"
    (found,) = scan(text, EMPTY).acronyms
    assert (found.acronym, found.count, found.defined_by, found.line, found.column) == (
        "GM",
        3,
        DefinedBy.GLOSSARY_SECTION,
        1,
        1,
    )


def test_uses_inside_urls_code_and_tags_do_not_count() -> None:
    text = "See https://x.org/NPT and <b class='NPT'>text</b> and `NPT` here.\n"
    assert scan(text, EMPTY, path="notes.md").acronyms == ()


@pytest.mark.parametrize(
    ("text", "defined_by", "expansion"),
    [
        (
            "Safer Neighbourhood Panel (SNP). SNP met.\n\nGlossary\n\nSNP\tSafer Panels\n",
            "inline",
            "Safer Neighbourhood Panel",
        ),
        ("SNP met.\n\nGlossary\n\nSNP\tSafer Neighbourhood Panel\n", "glossary-section", "Safer Neighbourhood Panel"),
        ("The Temporary Chief Constable spoke; TCC Baker agreed.", "implicit", "Temporary Chief Constable"),
        ("The TCC spoke.", "glossary", "Temporary Chief Constable"),
        ("The GM spoke.", "none", None),
    ],
    ids=["inline-beats-section", "section", "implicit", "glossary", "none"],
)
def test_defined_by(text: str, defined_by: str, expansion: str | None) -> None:
    glossary = Glossary.from_entries([Entry("TCC", "Temporary Chief Constable")])
    (found,) = [f for f in scan(text, glossary).acronyms if f.acronym in ("SNP", "TCC", "GM")]
    assert (found.defined_by.value, found.expansion) == (defined_by, expansion)


@pytest.mark.parametrize(
    ("text", "format"),
    [
        ("<p><b>Safer Neighbourhood Panel</b> (SNP) met. The SNP agreed.</p>", Format.HTML),
        ("<p>Safer Neighbourhood Panel (<em>SNP</em>) met.</p>", Format.HTML),
        ("<p>The Safer Neighbourhood Panel (&ldquo;SNP&rdquo;) met.</p>", Format.HTML),
        ("*Safer Neighbourhood Panel* (*SNP*) met. The SNP agreed.", Format.MARKDOWN),
        ("__Safer Neighbourhood Panel__ (SNP) met.", Format.MARKDOWN),
        ("The Safer Neighbourhood Panel (&ldquo;SNP&rdquo;) met.", Format.MARKDOWN),
        ("Some <b>Safer Neighbourhood Panel</b> (SNP) met.", Format.MARKDOWN),
    ],
    ids=[
        "html-bold",
        "html-emphasised-short",
        "html-quote-references",
        "md-emphasis",
        "md-strong",
        "md-references",
        "md-tag",
    ],
)
def test_a_definition_wrapped_in_markup_is_inline(text: str, format: Format) -> None:
    (found,) = scan(text, EMPTY, format=format).acronyms
    assert (found.defined_by, found.expansion) == (DefinedBy.INLINE, "Safer Neighbourhood Panel")
    (definition,) = scan(text, EMPTY, format=format).definitions
    assert text[definition.long_start : definition.long_end] == "Safer Neighbourhood Panel"


@pytest.mark.parametrize(
    ("text", "format"),
    [
        ("<p>Safer Neighbourhood Panel <code>(SNP)</code> met.</p>", Format.HTML),
        ("Safer Neighbourhood Panel `(SNP)` met.", Format.MARKDOWN),
        ("*Safer Neighbourhood Panel* (*SNP*) met.", Format.TEXT),
    ],
    ids=["html-code", "md-code", "text-asterisks-stay"],
)
def test_code_defines_nothing_and_plain_text_keeps_its_asterisks(text: str, format: Format) -> None:
    assert not [d for d in scan(text, EMPTY, format=format).definitions if d.kind.value == "inline"]


scan_module = importlib.import_module("acronyms.scan")  # `acronyms.scan` is also the function's name


def test_each_acronym_is_summed_up_from_its_own_definitions(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each looked for its own among all the document's definitions: quadratic with thousands of acronyms."""
    given = []
    summed_up = scan_module._found

    def recorded(acronym: str, uses: object, ours: list[object], *rest: object) -> object:
        given.append((acronym, [definition.acronym for definition in ours]))
        return summed_up(acronym, uses, ours, *rest)

    monkeypatch.setattr(scan_module, "_found", recorded)
    text = (
        "The Safer Neighbourhood Panel (SNP) and the PCC met. The Police Community Support Officers (PCSOs) said. SNP"
    )
    result = scan(text, Glossary.bundled())
    assert sorted(given) == [("PCC", []), ("PCSO", ["PCSO"]), ("SNP", ["SNP"])]
    assert [(found.acronym, found.defined_by) for found in result.acronyms] == [
        ("SNP", DefinedBy.INLINE),
        ("PCC", DefinedBy.GLOSSARY),
        ("PCSO", DefinedBy.INLINE),
    ]


def test_two_letter_implicit_definitions_are_too_weak_to_count() -> None:
    text = "The Chief Constable spoke about CC thefts."
    (found,) = scan(text, EMPTY).acronyms
    assert found.defined_by is DefinedBy.NONE


def test_an_ambiguous_glossary_acronym_takes_the_sense_its_context_picks(sample_text: str) -> None:
    found = {f.acronym: f for f in scan(sample_text, Glossary.bundled()).acronyms}
    assert (found["CC"].defined_by, found["CC"].expansion) == (DefinedBy.GLOSSARY, "Catalytic Converter")


def test_sample_scan_json_has_the_issue_shape(sample_text: str) -> None:
    data = json.loads(scan(sample_text, Glossary.bundled(), path="minutes.txt").to_json())
    jsonschema.validate(data, SCHEMA)
    acronyms = {row["acronym"]: row for row in data["acronyms"]}
    assert acronyms["ANPR"] == {
        "acronym": "ANPR",
        "count": 2,
        "defined_by": "glossary",
        "expansion": "Automatic Number Plate Recognition",
        "first": {"line": 35, "column": 167},
        "well_known": False,
    }
    assert {name: row["defined_by"] for name, row in acronyms.items() if row["defined_by"] != "glossary"} == {
        "ME": "inline",
        "NB": "inline",
        "GD": "inline",
        "EB": "inline",
        "HB": "inline",
        "AI": "inline",
        "GM": "none",
        "HM": "none",
        "TCC": "implicit",
        "TDCC": "implicit",
        "LPT": "glossary-section",
        "SNP": "glossary-section",
        "PCC": "glossary-section",
        "PCSO": "glossary-section",
    }
    assert data["definitions"][0] == {
        "acronym": "ME",
        "expansion": "Matthew Ellis",
        "kind": "inline",
        "line": 6,
        "column": 10,
        "confidence": 1.0,
    }
    assert [d["acronym"] for d in data["definitions"] if d["kind"] == "glossary-section"].count("DA") == 2


def test_without_glossaries_the_sample_leaves_anpr_undefined(sample_text: str) -> None:
    found = {f.acronym: f for f in scan(sample_text, EMPTY).acronyms}
    assert [(found[a].defined_by, found[a].count) for a in ("ANPR", "NPT", "CJS")] == [
        (DefinedBy.NONE, 2),
        (DefinedBy.NONE, 1),
        (DefinedBy.NONE, 1),
    ]


def test_extract_writes_the_documents_own_definitions_in_the_bundled_schema(sample_text: str) -> None:
    stream = io.StringIO()
    extract(sample_text, path="minutes.txt").write_csv(stream)
    rows = list(csv.DictReader(io.StringIO(stream.getvalue())))
    assert list(rows[0]) == [
        "acronym",
        "expansion",
        "plural",
        "context",
        "category",
        "replaced_by",
        "well_known",
        "note",
    ]
    by_acronym = {row["acronym"]: row for row in rows}
    assert by_acronym["ME"]["expansion"] == "Matthew Ellis"
    assert by_acronym["ME"]["note"] == "inline, line 6"
    assert by_acronym["TCC"]["note"] == "implicit, check it, line 16"
    assert by_acronym["PCSO"]["expansion"] == "Police Community Safety Officer"
    assert [row["acronym"] for row in rows].count("DA") == 1
    assert [row["acronym"] for row in rows] == sorted((row["acronym"] for row in rows), key=str.casefold)
    assert Glossary.from_text(stream.getvalue()).lookup("SNP")[0].expansion == "Safer Neighbourhood Panels"


def test_extract_gives_a_plural_definition_its_singular() -> None:
    (entry,) = extract("The Police Community Support Officers (PCSOs) and Local Authorities (LAs) met.").entries[:1]
    assert (entry.acronym, entry.expansion, entry.plural) == ("LA", "Local Authority", "")  # a regular plural
    assert entry.plural_expansion == "Local Authorities"
    (watch,) = extract("The Neighbourhood Watches (NHWs) met.").entries
    assert (watch.acronym, watch.expansion, watch.plural) == ("NHW", "Neighbourhood Watch", "")
    (pcso,) = [e for e in extract("The Police Community Support Officers (PCSOs) met.").entries]
    assert (pcso.acronym, pcso.expansion, pcso.plural) == ("PCSO", "Police Community Support Officer", "")


@pytest.mark.parametrize(
    ("text", "row"),
    [
        # A possessive is no plural: the plural column stays empty.
        ("The Police and Crime Commissioner's (PCC's) office.", ("PCC", "Police and Crime Commissioner", "")),
        ("The Police and Crime Commissioner’s (PCC’s) office.", ("PCC", "Police and Crime Commissioner", "")),
        ("The Crown Prosecution Service’s (CPS’) view.", ("CPS", "Crown Prosecution Service", "")),
        ("The Police Community Support Officers’ (PCSOs’) shifts.", ("PCSO", "Police Community Support Officer", "")),
        # A plural whose last word is no plural: the first plural word is made singular.
        ("The Attorneys General (AGs) met.", ("AG", "Attorney General", "Attorneys General")),
        ("The Heads of Service (HoSs) met.", ("HoS", "Head of Service", "Heads of Service")),
    ],
)
def test_extract_reads_possessives_and_irregular_plurals(text: str, row: tuple[str, str, str]) -> None:
    (entry,) = extract(text).entries
    assert (entry.acronym, entry.expansion, entry.plural) == row


def test_extract_round_trips_through_glossary_csv(tmp_path: Path) -> None:
    path = tmp_path / "mine.csv"
    with path.open("w", encoding="utf-8", newline="") as stream:
        extract("Matthew Ellis (ME) chaired.").write_csv(stream)
    assert Glossary.from_csv(path).lookup("ME")[0].expansion == "Matthew Ellis"


def test_a_possessive_definition_defines_the_base_acronym() -> None:
    result = scan("The Police and Crime Commissioner’s (PCC’s) office. The PCC said.", EMPTY)
    assert [(f.acronym, f.count, f.defined_by, f.expansion) for f in result.acronyms] == [
        ("PCC", 2, DefinedBy.INLINE, "Police and Crime Commissioner")
    ]


GLOSSARY_TABLE = (
    "<p>The DA team met.</p>\n"
    "<h2>Glossary</h2>\n"
    "<table>\n"
    "<tr><th>Acronym</th><th>Expansion</th></tr>\n"
    "<tr><td>DA</td><td>Domestic Abuse</td></tr>\n"
    "<tr><td>ACC</td><td>Assistant Chief Constable</td></tr>\n"
    "</table>\n"
)


def test_an_html_glossary_table_is_the_documents_glossary_section() -> None:
    result = scan(GLOSSARY_TABLE, EMPTY, path="minutes.html")
    assert [(f.acronym, f.count, f.defined_by, f.expansion) for f in result.acronyms] == [
        ("DA", 1, DefinedBy.GLOSSARY_SECTION, "Domestic Abuse")
    ]
    assert [(e.acronym, e.expansion, e.note) for e in extract(GLOSSARY_TABLE, path="minutes.html").entries] == [
        ("ACC", "Assistant Chief Constable", "glossary section, line 6"),
        ("DA", "Domestic Abuse", "glossary section, line 5"),
    ]


@pytest.mark.parametrize(
    ("text", "format"),
    [
        ("<!-- Quick Quiz Zone -->\n<p>The QQZ met.</p>\n", Format.HTML),
        ('<p title="Quick Quiz Zone">The QQZ met.</p>\n', Format.HTML),
        ("<p><code>Quick Quiz Zone</code>. The QQZ met.</p>\n", Format.HTML),
        ("`Quick Quiz Zone`. The QQZ met.\n", Format.MARKDOWN),
        ("<!-- Quick Quiz Zone --> The QQZ met.\n", Format.MARKDOWN),
        ("See https://example.org/Quick Quiz Zone. The QQZ met.\n", Format.TEXT),
        ("<p>The Quick <b>Quiz</b> Zone met. The QQZ agreed.</p>\n", Format.HTML),
    ],
    ids=[
        "html-comment",
        "html-attribute",
        "html-code",
        "md-code",
        "md-comment",
        "text-url",
        "across-a-tag",
    ],
)
def test_implicit_definitions_come_only_from_prose(text: str, format: Format) -> None:
    (found,) = scan(text, EMPTY, format=format).acronyms
    assert (found.acronym, found.defined_by, found.expansion) == ("QQZ", DefinedBy.NONE, None)


@pytest.mark.parametrize(
    ("text", "format"),
    [
        ("<p>The Quick Quiz Zone opened. The QQZ met.</p>\n", Format.HTML),
        ("The Quick Quiz Zone opened. The QQZ met.\n", Format.MARKDOWN),
    ],
    ids=["html", "markdown"],
)
def test_an_implicit_definition_in_prose_still_counts(text: str, format: Format) -> None:
    (found,) = scan(text, EMPTY, format=format).acronyms
    assert (found.acronym, found.defined_by, found.expansion) == ("QQZ", DefinedBy.IMPLICIT, "Quick Quiz Zone")


def test_rows_of_the_glossary_section_are_no_implicit_definition() -> None:
    text = (
        "Intro.\n\nGlossary\n\nSNP\tSafer Neighbourhood Panels\nToMV\tTheft of Motor Vehicle\n\nNotes\n\nThe NPT met.\n"
    )
    result = scan(text, EMPTY, path="g.txt")
    assert [(f.acronym, f.defined_by, f.expansion) for f in result.acronyms] == [("NPT", DefinedBy.NONE, None)]
    assert [d.kind.value for d in result.definitions] == ["glossary-section", "glossary-section"]


@pytest.mark.parametrize(
    "wrapped", ["The Quick Quiz\nZone met. The QQZ agreed.\n", "The Quick Quiz\r\nZone met. QQZ.\r\n"]
)
def test_an_implicit_definition_on_a_wrapped_line_reads_as_one_line(wrapped: str) -> None:
    (found,) = scan(wrapped, EMPTY).acronyms
    assert (found.defined_by, found.expansion) == (DefinedBy.IMPLICIT, "Quick Quiz Zone")


@pytest.mark.parametrize(
    ("text", "format"),
    [
        ("<p>The SNP&rsquo;s view. The SNP met.</p>", Format.HTML),
        ("The SNP&#8217;s view. The SNP met.\n", Format.MARKDOWN),
        ("The _SNP_ view. The SNP met.\n", Format.MARKDOWN),
    ],
    ids=["html-possessive", "markdown-possessive", "markdown-underscores"],
)
def test_scan_counts_uses_at_markup_edges(text: str, format: Format) -> None:
    glossary = Glossary.from_entries([Entry("SNP", "Safer Neighbourhood Panel")])
    result = scan(text, glossary, format=format)
    assert [(found.acronym, found.count) for found in result.acronyms] == [("SNP", 2)]


@pytest.mark.parametrize(
    ("text", "format", "acronym", "expansion", "long_form"),
    [
        (
            "<p>The Fire &amp; Rescue Services (FRS) met.</p>",
            Format.HTML,
            "FRS",
            "Fire & Rescue Services",
            "Fire &amp; Rescue Services",
        ),
        (
            "<p>The Police and Crime Commissioner&rsquo;s (PCC&rsquo;s) plan.</p>",
            Format.HTML,
            "PCC",
            "Police and Crime Commissioner",
            "Police and Crime Commissioner",
        ),
        (
            "<p>The Children&#8217;s Social Care (CSC) met.</p>",
            Format.HTML,
            "CSC",
            "Children’s Social Care",
            "Children&#8217;s Social Care",
        ),
        (
            "The Police and Crime Commissioner&rsquo;s (PCC&rsquo;s) plan.",
            Format.MARKDOWN,
            "PCC",
            "Police and Crime Commissioner",
            "Police and Crime Commissioner",
        ),
        (
            "The **Police and Crime Commissioner's (PCC**'s) plan.",
            Format.MARKDOWN,
            "PCC",
            "Police and Crime Commissioner",
            "Police and Crime Commissioner",
        ),
    ],
    ids=["html-amp", "html-possessive-reference", "html-numeric", "md-possessive-reference", "md-emphasis-in-bracket"],
)
def test_a_definition_holding_character_references_is_inline(
    text: str, format: Format, acronym: str, expansion: str, long_form: str
) -> None:
    (found,) = scan(text, EMPTY, format=format).acronyms
    assert (found.acronym, found.defined_by, found.expansion) == (acronym, DefinedBy.INLINE, expansion)
    (definition,) = scan(text, EMPTY, format=format).definitions
    assert text[definition.long_start : definition.long_end].startswith(long_form)
    assert text[definition.short_start : definition.short_start + len(acronym)] == acronym


# How `acronyms annotate` writes a definition before a plural or possessive split from its acronym by closing
# markup (`<b>PCSO</b>s`, `**PCSO**s`, `_ASB_'s`): a reader reads the short form as `(PCSOs)`, `(ASB's)`.
SPLIT_SHORT_FORMS = {
    "html-plural": (
        "<p>The <b>Police Community Support Officers (PCSO</b>s) met.</p>",
        Format.HTML,
        "Police Community Support Officers",
        "PCSO</b>s",
    ),
    "html-possessive-reference": (
        "<p>The <b>Police and Crime Commissioner&#8217;s (PCC</b>&#8217;s) team.</p>",
        Format.HTML,
        "Police and Crime Commissioner",
        "PCC</b>&#8217;s",
    ),
    "html-possessive": (
        "<p>The <i>Police and Crime Commissioner’s (PCC</i>’s) team.</p>",
        Format.HTML,
        "Police and Crime Commissioner",
        "PCC</i>’s",
    ),
    "md-plural": (
        "The **Police Community Support Officers (PCSO**s) met.\n",
        Format.MARKDOWN,
        "Police Community Support Officers",
        "PCSO**s",
    ),
    "md-possessive": (
        "The _Anti-Social Behaviour's (ASB_'s) rise.\n",
        Format.MARKDOWN,
        "Anti-Social Behaviour",
        "ASB_'s",
    ),
    "md-tag": (
        "The <b>Police Community Support Officers (PCSO</b>s) met.\n",
        Format.MARKDOWN,
        "Police Community Support Officers",
        "PCSO</b>s",
    ),
}


@pytest.mark.parametrize(
    ("text", "format", "expansion", "short_form"), SPLIT_SHORT_FORMS.values(), ids=SPLIT_SHORT_FORMS.keys()
)
def test_a_short_form_split_by_closing_markup_defines_inline_where_it_is_written(
    text: str, format: Format, expansion: str, short_form: str
) -> None:
    result = scan("Intro.\n" + text, EMPTY, format=format)
    (found,) = result.acronyms
    assert (found.defined_by, found.expansion) == (DefinedBy.INLINE, expansion)
    (definition,) = result.definitions
    assert result.text[definition.short_start : definition.short_end] == short_form
    assert result.text[definition.long_start : definition.long_end].startswith(expansion.split()[0])
    assert result.definition_position(definition) == (2, text.index(expansion.split()[0]) + 1)


@pytest.mark.parametrize(
    ("text", "format"),
    [
        ("<p>Police Community Support Officers (PCSO <b>s</b>) met.</p>", Format.HTML),
        ("<p>Police Community Support Officers (PCSO</p><p>s) met.</p>", Format.HTML),
        ("Police Community Support Officers (PCSO <b>s</b>) met.\n", Format.TEXT),
    ],
    ids=["html-space-before-tag", "html-paragraph-break", "text-tags-are-text"],
)
def test_tags_are_dropped_only_inside_a_short_form_written_as_one_word(text: str, format: Format) -> None:
    assert not [d for d in scan(text, EMPTY, format=format).definitions if d.kind.value == "inline"]


@pytest.mark.parametrize(
    ("text", "format"),
    [
        ("The Safer Neighbourhood\r\n   Panel (SNP) met.\n", Format.TEXT),
        ("<p>The Safer <span lang=EN-US>Neighbourhood</span>\nPanel (SNP) met.</p>\n", Format.HTML),
    ],
    ids=["wrapped-line", "word-language-span"],
)
def test_scan_writes_an_expansion_on_one_line(text: str, format: Format) -> None:
    """`scan` prints one line per acronym: a long form wrapped over lines, or with tags in it, is written as read."""
    result = scan(text, Glossary([]), path="minutes", format=format)
    assert result.to_text().count("\n") == 1
    assert result.to_text().endswith(" inline: Safer Neighbourhood Panel\n")
    document = result.to_dict()
    assert [found["expansion"] for found in document["acronyms"]] == ["Safer Neighbourhood Panel"]
    assert [found["expansion"] for found in document["definitions"]] == ["Safer Neighbourhood Panel"]


def test_extract_writes_no_soft_hyphen() -> None:
    """Word's optional hyphen is unseen in the text; in a glossary row it would split the word where it is shown."""
    glossary = extract("The Neighbour\u00adhood Policing Team (NPT) met.\n")
    assert [(entry.acronym, entry.expansion) for entry in glossary.entries] == [("NPT", "Neighbourhood Policing Team")]
