"""Glossaries: the bundled one's properties, CSV errors, layering and lookup."""

from __future__ import annotations

import csv
import dataclasses
import io
import pickle
import re
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from acronyms import Entry, Glossary, GlossaryError, annotate
from acronyms.glossary import COLUMNS, _entry, regular_plural, row_entry

SAMPLE_GLOSSARY = (  # noqa: SIM905 (35 acronyms read more easily as one string)
    "ACC APCC ASB CCR CJ CMPG CPS CSE CSP CT DA DCC DCI DPCC EI ETAP GP HMIC IDVA IOM LPT MASH NPS NSPCC "
    "OOCD OPST PCC PCSO PEQF RASSO SCO SPOC SNP ToMV YOS"
).split()
USED_IN_SAMPLE_TEXT = ["ANPR", "CJS", "NPT", "PCC", "PCSO", "AI", "LA"]
PEOPLE_IN_SAMPLE = ["ME", "NB", "GD", "EB", "HB", "GM"]


@pytest.fixture(scope="module")
def bundled() -> Glossary:
    return Glossary.bundled()


def test_bundled_glossary_is_large_enough(bundled: Glossary) -> None:
    assert len(bundled) >= 250


def test_bundled_glossary_has_no_duplicate_rows(bundled: Glossary) -> None:
    rows = Counter((entry.acronym, entry.expansion.casefold()) for entry in bundled)
    assert [row for row, count in rows.items() if count > 1] == []


def test_every_sense_of_an_ambiguous_acronym_has_context(bundled: Glossary) -> None:
    senses = Counter(entry.acronym for entry in bundled)
    missing = [entry.acronym for entry in bundled if senses[entry.acronym] > 1 and not entry.context]
    assert missing == []


def test_bundled_glossary_has_real_ambiguous_acronyms(bundled: Glossary) -> None:
    assert {"Chief Constable", "County Council"} <= {entry.expansion for entry in bundled.lookup("CC")}


def test_superseded_entries_point_at_real_entries(bundled: Glossary) -> None:
    assert [e.acronym for e in bundled if e.replaced_by and e.replaced_by not in bundled] == []


def test_fields_are_trimmed_and_filled(bundled: Glossary) -> None:
    bad = [e.line for e in bundled if not e.acronym or not e.expansion or e.expansion != e.expansion.strip()]
    assert bad == []


@pytest.mark.parametrize("acronym", SAMPLE_GLOSSARY + USED_IN_SAMPLE_TEXT)
def test_sample_acronyms_are_defined(bundled: Glossary, acronym: str) -> None:
    assert bundled.lookup(acronym)


@pytest.mark.parametrize("acronym", PEOPLE_IN_SAMPLE)
def test_peoples_initials_are_not_acronyms(bundled: Glossary, acronym: str) -> None:
    assert bundled.lookup(acronym) == ()


@pytest.mark.parametrize(
    ("acronym", "expansion"),
    [
        ("PCSO", "Police Community Support Officer"),
        ("HMIC", "Her Majesty's Inspectorate of Constabulary"),
        ("ANPR", "Automatic Number Plate Recognition"),
        ("CJS", "Criminal Justice System"),
        ("NPT", "Neighbourhood Policing Team"),
        ("ToMV", "Theft of Motor Vehicle"),
    ],
)
def test_established_expansions(bundled: Glossary, acronym: str, expansion: str) -> None:
    assert [entry.expansion for entry in bundled.lookup(acronym)] == [expansion]


def test_hmic_is_superseded_by_hmicfrs(bundled: Glossary) -> None:
    assert bundled.lookup("HMIC")[0].replaced_by == "HMICFRS"
    assert "HMICFRS" in bundled


@pytest.mark.parametrize(
    ("expansion", "plural"),
    [
        ("Police Community Support Officer", "Police Community Support Officers"),
        ("National Crime Agency", "National Crime Agencies"),
        ("Crime Survey", "Crime Surveys"),
        ("Neighbourhood Watch", "Neighbourhood Watches"),
        ("Any Other Business", "Any Other Businesses"),
        ("Tax Box", "Tax Boxes"),
        ("Case Analysis", "Case Analyses"),
        ("Bus Census", "Bus Censuses"),
        ("Human Resources", "Human Resources"),
        ("England and Wales", "England and Wales"),
        ("British Transport Police", "British Transport Police"),
        ("Children and Young People", "Children and Young People"),
        ("Terrorism Act 2000", "Terrorism Act 2000"),
        ("Health and Safety at Work etc.", "Health and Safety at Work etc."),
    ],
)
def test_regular_plural(expansion: str, plural: str) -> None:
    assert regular_plural(expansion) == plural
    assert Entry("X", expansion).plural_expansion == plural


# Endings no English plural has: `Agencys`, `Officerss`, `Watchs`, `1984s`, and words that take no `s`.
WRONG_PLURAL = re.compile(
    r"(?:[^aeiou]ys|ss|[xz]s|[cs]hs|\ds|\b(?:Police|People|Children|Kin|Ethnic|Nuclear|Injured|Lieu|General|Ombudsman|Operandi)s)\Z"
)


def test_bundled_plurals_are_english(bundled: Glossary) -> None:
    wrong = [entry.plural_expansion for entry in bundled.entries if WRONG_PLURAL.search(entry.plural_expansion)]
    assert wrong == []


def test_bundled_irregular_plurals(bundled: Glossary) -> None:
    assert bundled.lookup("AG")[0].plural_expansion == "Attorneys General"
    assert bundled.lookup("MO")[0].plural_expansion == "Modi Operandi"


def test_bundled_csv_round_trips(bundled: Glossary) -> None:
    stream = io.StringIO()
    bundled.write_csv(stream)
    assert Glossary.from_text(stream.getvalue()).entries == bundled.entries


def write(tmp_path: Path, content: bytes) -> Path:
    path = tmp_path / "mine.csv"
    path.write_bytes(content)
    return path


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "mine.csv:1: the file is empty; add a header row 'acronym,expansion'"),
        (b"acronym,meaning\nSNP,Safer\n", "mine.csv:1: missing column 'expansion'; the header row must name acronym"),
        (b"name,age\nAnn,40\n", "mine.csv:1: missing columns 'acronym' and 'expansion'; the header row must name"),
        (
            b"acronym;expansion\r\nFCR;Force Control Room\r\n",
            (
                "mine.csv:1: the file is separated by semicolons, not commas; save it from Excel as 'CSV UTF-8 "
                "(Comma delimited)'"
            ),
        ),
        (
            b"\xef\xbb\xbfAcronym;Expansion;Note\r\nFCR;Force Control Room;a, b\r\n",
            "mine.csv:1: the file is separated by semicolons, not commas",
        ),
        (b"acronym\texpansion\nFCR\tForce Control Room\n", "mine.csv:1: the file is separated by tabs, not commas"),
        (
            b",,\r\nacronym,expansion,note\r\nFCR,Force Control Room,\r\n",
            (
                "mine.csv:1: the header row must be the first row, but line 2 names acronym and expansion; delete "
                "the rows above it"
            ),
        ),
        (
            b'Force glossary,"updated\nMay",\r\n,,\r\nAcronym,Expansion,\r\nFCR,Force Control Room,\r\n',
            "mine.csv:1: the header row must be the first row, but line 4 names acronym and expansion",
        ),
        (b"acronym,expansion\nSNP,Safer\n,Empty\n", "mine.csv:3: empty acronym; fill in the 'acronym' column"),
        (b"acronym,expansion\nSNP,\n", "mine.csv:2: empty expansion; fill in the 'expansion' column"),
        (b'acronym,expansion\nSNP,Safer\nPCC,"Police and "Crime"\n', "mine.csv:3: bad CSV quoting"),
        (b"acronym,expansion\nSNP,Safer,Neighbourhood\n", "mine.csv:2: 3 fields but the header has 2"),
        (b"acronym,expansion,well_known\nUK,United Kingdom,maybe\n", "mine.csv:2: well_known is 'maybe'"),
        (b"acronym,expansion\nSNP,Safer\nCC,Caf\xe9 Council\n", "mine.csv:3: not valid utf-8 (byte 0xe9)"),
        (
            b"acronym,expansion\nSNP,Safer\nPCC,\x00\x00\n",
            "mine.csv:3: a NUL byte: this is not a CSV text file; save the glossary as CSV (UTF-8)",
        ),
        (
            b"acronym,expansion\rSNP,Safer\r\nPCC,Police" + b"x" * 9000 + b"\rDA,\x00\n",
            "mine.csv:4: a NUL byte: this is not a CSV text file",
        ),
        (
            "acronym,expansion\nSNP,Safer\nPCC,\x00\n".encode("utf-16"),
            "mine.csv:3: a NUL byte: this is not a CSV text file",
        ),
        (
            b"acronym,expansion,acronym\nSNP,Safer,PCC\n",
            "mine.csv:1: the column 'acronym' appears twice in the header; remove one",
        ),
        (
            b"Acronym,expansion,note,NOTE \nSNP,Safer,a,b\n",
            "mine.csv:1: the column 'note' appears twice in the header; remove one",
        ),
        (
            b"acronym,expansion\nSNP,Safer\nS NP,Safer Neighbourhood Panel\n",
            "mine.csv:3: acronym 'S NP' contains a space; acronyms cannot contain spaces, write it as one word",
        ),
        (
            b"acronym,expansion\nS\xc2\xa0NP,Safer Neighbourhood Panel\n",
            "mine.csv:2: acronym 'S\\xa0NP' contains a space",
        ),
        (
            b'acronym,expansion\nSNP,Safer\n"S\tN",Safer Neighbourhood Panel\n',
            "mine.csv:3: acronym 'S\\tN' contains a space",
        ),
        (
            b'acronym,expansion\nSNP,Safer\n"S,NP",Safer Neighbourhood Panel\n',
            "mine.csv:3: acronym 'S,NP' contains a comma; acronyms cannot contain commas, write it as one word",
        ),
    ],
    ids=[
        "empty",
        "missing-column",
        "missing-columns",
        "semicolons",
        "semicolons-with-bom-and-a-comma",
        "tabs",
        "blank-first-row",
        "title-row-over-two-lines",
        "empty-acronym",
        "empty-expansion",
        "bad-quote",
        "extra-field",
        "bad-flag",
        "wrong-encoding",
        "nul-byte",
        "nul-byte-late-after-cr-lines",
        "nul-in-utf16",
        "repeated-column",
        "repeated-column-case-and-spaces",
        "space-in-acronym",
        "no-break-space-in-acronym",
        "tab-in-acronym",
        "comma-in-acronym",
    ],
)
def test_bad_csv_names_the_line(tmp_path: Path, content: bytes, message: str) -> None:
    with pytest.raises(GlossaryError) as raised:
        Glossary.from_csv(write(tmp_path, content))
    assert str(raised.value).startswith(str(tmp_path / message.split(":")[0]) + message[len("mine.csv") :])


def test_missing_glossary_file(tmp_path: Path) -> None:
    with pytest.raises(GlossaryError, match="cannot read glossary: No such file or directory"):
        Glossary.from_csv(tmp_path / "nowhere.csv")


def test_csv_with_bom_crlf_and_quoted_commas(tmp_path: Path) -> None:
    content = '\ufeffacronym,expansion,context\r\nETAP,"Ethics, Transparency and Audit Panel",\r\n'.encode()
    glossary = Glossary.from_csv(write(tmp_path, content))
    assert glossary.entries == (Entry("ETAP", "Ethics, Transparency and Audit Panel"),)
    assert glossary.entries[0].line == 2


def test_quoted_field_spanning_lines_reports_the_right_next_line(tmp_path: Path) -> None:
    content = b'acronym,expansion,note\nSNP,Safer,"two\nlines"\nPCC,,\n'
    with pytest.raises(GlossaryError, match=r"mine.csv:4: empty expansion"):
        Glossary.from_csv(write(tmp_path, content))


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        (Entry("", "Empty"), "entry 2: empty acronym; give each entry an acronym and an expansion"),
        (Entry(" ", "Empty"), "entry 2: empty acronym; give each entry an acronym and an expansion"),
        (Entry("SNP", " "), "entry 2: empty expansion; give each entry an acronym and an expansion"),
        (Entry("S NP", "Safer"), "entry 2: acronym 'S NP' contains a space; acronyms cannot contain spaces"),
        (Entry("SNP,", "Safer"), "entry 2: acronym 'SNP,' contains a comma; acronyms cannot contain commas"),
    ],
    ids=["empty-acronym", "blank-acronym", "blank-expansion", "space", "comma"],
)
def test_from_entries_refuses_what_the_loader_refuses(entry: Entry, message: str) -> None:
    with pytest.raises(GlossaryError, match=re.escape(message)):
        Glossary.from_entries([Entry("PCC", "Police and Crime Commissioner"), entry])


@pytest.mark.parametrize(
    ("row", "character"), [("\u200bXYZ", "U+200B"), ("\ufeffXYZ", "U+FEFF"), ("XY\u00adZ", "U+00AD")]
)
def test_an_acronym_with_an_invisible_character_is_refused(row: str, character: str) -> None:
    """A zero-width space or a byte-order mark pasted into an acronym: it could never match what a text shows."""
    message = f"acronym .* contains the invisible character {re.escape(character)}"
    with pytest.raises(GlossaryError, match=f"g.csv:3: {message}"):
        Glossary.from_text(f"acronym,expansion\nPCC,Police and Crime Commissioner\n{row},Thing\n", name="g.csv")
    with pytest.raises(GlossaryError, match=f"entry 1: {message}"):
        Glossary.from_entries([Entry(row, "Thing")])


def test_from_entries_compares_context_in_lower_case_as_the_loader_does() -> None:
    entries = [Entry("ZZ", "Alpha Thing", context=("Theft",)), Entry("ZZ", "Beta Thing", context=("Budget",))]
    made = Glossary.from_entries(entries)
    loaded = Glossary.from_text("acronym,expansion,context\nZZ,Alpha Thing,Theft\nZZ,Beta Thing,Budget\n")
    assert made.entries == loaded.entries
    assert annotate("The ZZ theft was reported.", made) == "The Alpha Thing (ZZ) theft was reported."


def test_layers_override_whole_acronyms() -> None:
    base = Glossary.from_entries(
        [
            Entry("CC", "Chief Constable", context=("force",)),
            Entry("CC", "County Council", context=("council",)),
            Entry("DA", "Domestic Abuse"),
        ]
    )
    mine = Glossary.from_entries([Entry("CC", "Catalytic Converter"), Entry("SNP", "Safer Neighbourhood Panel")])
    layered = Glossary.layered([base, mine])
    assert [e.expansion for e in layered.lookup("CC")] == ["Catalytic Converter"]
    assert [e.acronym for e in layered] == ["DA", "CC", "SNP"]


def test_duplicate_rows_give_one_sense_but_stay_in_entries() -> None:
    glossary = Glossary.from_entries([Entry("DA", "Domestic Abuse"), Entry("DA", "Domestic Abuse")])
    assert len(glossary.lookup("DA")) == 1
    assert len(glossary) == 2


@pytest.mark.parametrize("typed", ["'", "\u2019", "\u2018", "\u02bc"], ids=["straight", "right", "left", "modifier"])
@pytest.mark.parametrize("stored", ["'", "\u2019", "\u2018", "\u02bc"], ids=["straight", "right", "left", "modifier"])
def test_search_ignores_the_apostrophe_style(typed: str, stored: str) -> None:
    glossary = Glossary.from_entries(
        [Entry("HMIC", f"Her Majesty{stored}s Inspectorate of Constabulary"), Entry("HMP", "Her Majesty Prison")]
    )
    assert [e.acronym for e in glossary.search(f"majesty{typed}s INSPECTORATE")] == ["HMIC"]
    assert [e.acronym for e in glossary.search("majesty")] == ["HMP"]


@pytest.mark.parametrize(
    "context",
    [
        "animals stripes savannah",
        "animals,stripes,savannah",
        "animals;stripes;savannah",
        " Animals; stripes , savannah;",
    ],
    ids=["spaces", "commas", "semicolons", "mixed"],
)
def test_context_words_are_separated_by_spaces_commas_or_semicolons(context: str) -> None:
    glossary = Glossary.from_text(f'acronym,expansion,context\nZB,Zebra Board,"{context}"\n')
    assert glossary.entries[0].context == ("animals", "stripes", "savannah")
    stream = io.StringIO()
    glossary.write_csv(stream)
    assert stream.getvalue().splitlines()[1] == "ZB,Zebra Board,,animals stripes savannah,,,,"
    assert Glossary.from_text(stream.getvalue()).entries == glossary.entries


def test_search_by_words_of_the_expansion() -> None:
    glossary = Glossary.from_entries(
        [Entry("NPT", "Neighbourhood Policing Team"), Entry("SNP", "Safer Neighbourhood Panel")]
    )
    assert [e.acronym for e in glossary.search("neighbourhood")] == ["NPT", "SNP"]
    assert [e.acronym for e in glossary.search("policing team")] == ["NPT"]
    assert glossary.search("") == ()


# The fast path of parse_csv ------------------------------------------------------------------------------------


def precise_parse(text: str, name: str) -> list[Entry]:
    """The body of a glossary CSV read the slow, precise way: every row through `_entry` (row_problems, row_entry)."""
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    header = [column.strip().lower() for column in next(reader)]
    entries = []
    line = reader.line_num + 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            raise GlossaryError(
                f"bad CSV quoting ({error}); a field that contains a quote must be quoted and the quote doubled",
                path=name,
                line=line,
            ) from None
        if any(cell.strip() for cell in row):
            entries.append(_entry(dict(zip(header, (cell.strip() for cell in row))), row, header, name, line))
        line = reader.line_num + 1
    return entries


def outcome(load: object) -> object:
    """What loading gives: every entry with its source and line, or the error's message."""
    try:
        entries = load()  # type: ignore[operator]
    except GlossaryError as error:
        return str(error)
    return [(entry, entry.source, entry.line) for entry in entries]


def assert_same_as_precise(text: str) -> None:
    fast = outcome(lambda: Glossary.from_text(text, name="g.csv").entries)
    assert fast == outcome(lambda: precise_parse(text, "g.csv"))


@pytest.mark.parametrize(
    "text",
    [
        "acronym,expansion\nPCC,Police and Crime Commissioner\n",
        (
            "acronym,expansion,plural,context,category,replaced_by,well_known,note\n"
            'CC, Chief  Constable ,,"Force, Police",role,,Yes," a note "\n'
        ),
        "expansion,acronym,well_known\n Domestic Abuse , DA , y \n",
        "acronym,expansion,mystery\nA,First,x\n,,\n\n ,  , \nB,Second\n",
        'acronym,expansion,note\nSNP,Safer,"two\nlines"\nPCC,Police\n',
        'acronym,expansion\r\nSNP,Safer\r\nPCC,"Police, and Crime"\r\n',
        "acronym,expansion\nSNP,Safer,Neighbourhood\n",
        "acronym,expansion,well_known\nUK,United Kingdom,maybe\n",
        "acronym,expansion\nSNP,Safer\n,Empty\n",
        "acronym,expansion,context\nSNP,\t\n",
        'acronym,expansion\nSNP,Safer\nPCC,"Police and "Crime"\n',
        "acronym,expansion\nSNP,Safer\nS NP,Spaced\n",
        'acronym,expansion\n"S\u2003NP",Spaced\nSNP,Safer\n',
        "acronym,expansion\nS\u00adNP,Soft hyphen\n",
    ],
    ids=[
        "two-columns",
        "every-column-trimmed",
        "reordered-columns",
        "blank-and-short-rows",
        "multi-line-field",
        "crlf-and-quoted-comma",
        "extra-field",
        "bad-flag",
        "empty-acronym",
        "blank-expansion",
        "bad-quote",
        "space-in-acronym",
        "em-space-in-acronym",
        "soft-hyphen-in-acronym",
    ],
)
def test_fast_path_loads_like_the_precise_path(text: str) -> None:
    assert_same_as_precise(text)


CELLS = st.sampled_from(["", " ", "PCC", " DA ", "Police  and Crime", "a,b", 'say "hi"', "x\ny", "yes", "Y", "no", "?"])
HEADERS = st.lists(st.sampled_from([*COLUMNS, "mystery", " Acronym "]), min_size=1, max_size=9)


@settings(max_examples=300, deadline=None)
@given(header=HEADERS, rows=st.lists(st.lists(CELLS, max_size=10), max_size=6))
def test_any_glossary_csv_loads_like_the_precise_path(header: list[str], rows: list[list[str]]) -> None:
    stream = io.StringIO()
    csv.writer(stream, lineterminator="\n").writerows([header, *rows])
    columns = [column.strip().lower() for column in header]
    repeated = any(columns.count(column) > 1 for column in COLUMNS)
    if {"acronym", "expansion"} <= set(columns) and not repeated:
        assert_same_as_precise(stream.getvalue())


def test_entries_from_rows_equal_entries_made_by_the_constructor() -> None:
    cells = dict(zip(COLUMNS, ["CC", "Chief  Constable", "Chief Constables", "Force,police", "role", "", "yes", "n"]))
    made = Entry(
        "CC", "Chief Constable", "Chief Constables", ("force", "police"), "role", "", True, "n", source="g.csv", line=3
    )
    loaded = row_entry(cells, "g.csv", 3)
    assert (loaded, loaded.source, loaded.line, hash(loaded), repr(loaded)) == (
        made,
        made.source,
        made.line,
        hash(made),
        repr(made),
    )
    # row_entry fills in a blank Entry rather than calling Entry(...): that stays right only while every
    # field is set and Entry has nothing to run after __init__.
    assert vars(loaded) == vars(made)
    assert [field.name for field in dataclasses.fields(Entry)] == list(vars(loaded))
    assert not hasattr(Entry, "__post_init__")


def test_rows_that_check_calls_duplicates_give_one_sense(tmp_path: Path) -> None:
    """QA: two rows differing only in case or a plural made FCR ambiguous, so it was never expanded."""
    path = tmp_path / "g.csv"
    path.write_text(
        "acronym,expansion\nFCR,Force Control Room\nFCR,Force control room\nFCR,Force Control  Rooms\n",
        encoding="utf-8",
    )
    glossary = Glossary.from_csv(path)
    assert [sense.expansion for sense in glossary.lookup("FCR")] == ["Force Control Room"]
    assert len(glossary.entries) == 3  # kept for check's G001
    assert annotate("The FCR met.", glossary) == "The Force Control Room (FCR) met."


def test_senses_are_lookup_as_a_read_only_mapping() -> None:
    glossary = Glossary.from_entries(
        [
            Entry("CC", "Chief Constable"),
            Entry("CC", "County Council", context=("council",)),
            Entry("DA", "Domestic Abuse"),
        ]
    )
    assert [entry.expansion for entry in glossary.senses["CC"]] == ["Chief Constable", "County Council"]
    assert dict(glossary.senses) == {acronym: glossary.lookup(acronym) for acronym in ("CC", "DA")}
    assert glossary.senses.get("XX", ()) == glossary.lookup("XX") == ()
    with pytest.raises(TypeError):
        glossary.senses["XX"] = ()  # type: ignore[index]


def test_from_entries_refuses_a_context_string_and_a_well_known_word() -> None:
    """A string's letters would be its context words (written back as `t h e f t`), and `"no"` is true."""
    with pytest.raises(TypeError, match=re.escape("entry 1: context is a tuple of words, not the string 'theft'")):
        Glossary.from_entries([Entry("ZZ", "Alpha Thing", context="theft")])  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=re.escape("entry 1: well_known is True or False, not 'no'")):
        Glossary.from_entries([Entry("ZZ", "Alpha Thing", well_known="no")])  # type: ignore[arg-type]


def test_from_entries_keeps_a_list_of_context_words_as_a_tuple() -> None:
    entries = [Entry("ZZ", "Alpha Thing", context=["Theft"]), Entry("ZZ", "Beta Thing", context=["budget"])]  # type: ignore[arg-type]
    made = Glossary.from_entries(entries)
    assert [entry.context for entry in made] == [("theft",), ("budget",)]
    assert annotate("The ZZ theft was reported.", made) == "The Alpha Thing (ZZ) theft was reported."


@pytest.mark.parametrize(
    "words",
    ["gwasanaeth wyn", "Gwasanaeth Ŵyn", "gwasanaeth w\u0302yn", "GWASANAETH ŴYN"],
    ids=["no-accents", "accents", "decomposed", "capitals"],
)
def test_search_ignores_accents_and_their_composition(words: str) -> None:
    """Welsh is often typed without its circumflexes, and pasted from a PDF with them as separate marks."""
    glossary = Glossary.from_entries(
        [Entry("QWX", "Gwasanaeth Ŵyn Ffug"), Entry("QWY", "Gwasanaeth Arall"), Entry("QWZ", "Ca\u0301fe Wyn")]
    )
    assert [entry.acronym for entry in glossary.search(words)] == ["QWX"]
    assert [entry.acronym for entry in glossary.search("cafe")] == ["QWZ"]


def test_a_glossary_pickles_after_annotating() -> None:
    """What annotation builds on a glossary, once, still pickles: a pool of processes can be handed the glossary."""
    glossary = Glossary.from_entries([Entry("SNP", "Safer Neighbourhood Panel"), Entry("CC", "County Council")])
    assert annotate("The SNP met.", glossary) == "The Safer Neighbourhood Panel (SNP) met."
    copy = pickle.loads(pickle.dumps(glossary))
    assert copy.entries == glossary.entries
    assert dict(copy.plain_senses) == dict(glossary.plain_senses)
