"""The checks: one test per finding code on small inputs, then the sample minutes, options and settings."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import ROOT, SAMPLE

from acronyms import Entry, Format, Glossary
from acronyms.checks import (
    RULES,
    CheckOptions,
    Finding,
    Severity,
    check_document,
    check_glossary,
    check_paths,
    exit_status,
    read_csv_rows,
    selected,
    validate_codes,
)
from acronyms.cli import cli
from acronyms.config import Config, check_options, find_config
from acronyms.errors import GlossaryError, UsageError
from acronyms.reporters import ReportFormat, report
from acronyms.scan import extract, scan

BUNDLED = Glossary.bundled()
EMPTY = Glossary.from_entries([])


def csv_findings(text: str, reference: Glossary | None = None) -> list[tuple[str, int, str]]:
    """(code, line, message) of the G findings for a glossary CSV."""
    entries, problems = read_csv_rows(text, "g.csv")
    return [(f.code, f.line, f.message) for f in problems + check_glossary(entries, "g.csv", reference=reference)]


def document_findings(text: str, glossary: Glossary = EMPTY, **kwargs: object) -> list[Finding]:
    return check_document(scan(text, glossary, path="doc.txt"), glossary, **kwargs)  # type: ignore[arg-type]


def codes(findings: list[Finding]) -> list[tuple[str, int, int, str]]:
    return [(f.code, f.line, f.column, f.acronym) for f in findings]


# Glossary codes ------------------------------------------------------------------------------------------------


def test_g001_duplicate_row_names_both_lines() -> None:
    text = "acronym,expansion\nDA,Domestic Abuse\nCT,Counter Terrorism\nDA,domestic  abuse\n"
    assert ("G001", 4, "DA is listed twice with the same expansion (lines 2 and 4); delete line 4") in csv_findings(
        text
    )


def test_g002_senses_without_context() -> None:
    text = "acronym,expansion,context\nCC,Chief Constable,\nCC,County Council,council\n"
    assert [code for code, _, _ in csv_findings(text)] == ["G002"]
    assert csv_findings(text)[0][:2] == ("G002", 3)
    told_apart = "acronym,expansion,context\nCC,Chief Constable,force\nCC,County Council,council\n"
    assert csv_findings(told_apart) == []


def test_g002_a_documents_glossary_section_has_no_context_column() -> None:
    text = "CC met.\n\nGlossary\n\nCC\tChief Constable\nCC\tCounty Council\n"
    (finding,) = [f for f in document_findings(text) if f.code == "G002"]
    assert (finding.line, finding.message) == (
        6,
        (
            "CC has 2 expansions, 'Chief Constable' (line 5), 'County Council' (line 6); "
            "keep the sense the document means, or use a different acronym for the other"
        ),
    )


def test_g003_case_variants() -> None:
    text = "acronym,expansion\nToMV,Theft of Motor Vehicle\nTOMV,Theft of Motor Vehicle\n"
    assert csv_findings(text) == [
        ("G003", 3, "TOMV differs only in case from ToMV (line 2); use one spelling, the one in use")
    ]


def test_g004_says_which_row_is_out_of_place() -> None:
    text = "acronym,expansion\nACC,Assistant Chief Constable\nYOS,Youth Offending Service\nBCU,Basic Command Unit\n"
    text += "CPS,Crown Prosecution Service\n"
    assert csv_findings(text) == [("G004", 3, "YOS is out of alphabetical order; move it after CPS (line 5)")]


def test_g004_first_row_belongs_at_the_top() -> None:
    text = "acronym,expansion\nCPS,Crown Prosecution Service\nBCU,Basic Command Unit\nACC,Assistant Chief Constable\n"
    text += "DCI,Detective Chief Inspector\n"
    findings = csv_findings(text)
    assert [(code, line) for code, line, _ in findings] == [("G004", 2), ("G004", 3)]
    assert [message for *_, message in findings] == [
        "CPS is out of alphabetical order; move it after ACC (line 4), following BCU (line 3), which moves there too",
        "BCU is out of alphabetical order; move it after ACC (line 4)",
    ]


def test_g004_rows_moved_into_one_place_are_put_in_order() -> None:
    """Several rows go between the same two rows in place: each says which of the others it follows."""
    rows = ["OPCC", "PFCC", "LPT", "DV", "JS", "SC"]
    text = "acronym,expansion\n" + "".join(f"{acronym},Something\n" for acronym in rows)
    assert [(line, message) for code, line, message in csv_findings(text) if code == "G004"] == [
        (
            2,
            "OPCC is out of alphabetical order; move it after JS (line 6), following LPT (line 4), which moves there too",
        ),
        (
            3,
            "PFCC is out of alphabetical order; move it after JS (line 6), following OPCC (line 2), which moves there too",
        ),
        (4, "LPT is out of alphabetical order; move it after JS (line 6)"),
    ]


def test_g005_letters_do_not_match() -> None:
    text = "acronym,expansion\nPCSO,Domestic Abuse\nToMV,Theft of Motor Vehicle\n"
    assert csv_findings(text) == [
        ("G005", 2, "the letters of PCSO do not match 'Domestic Abuse'; check both for a typo"),
    ]


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("DA,", "empty expansion; fill in the 'expansion' column or delete the row"),
        (",Domestic Abuse", "empty acronym; fill in the 'acronym' column or delete the row"),
        ("DA,Domestic Abuse,maybe", "well_known is 'maybe'; write 'yes' or leave it empty"),
        ("DA,Domestic Abuse,,extra", "4 fields but the header has 3; quote fields that contain commas"),
        ("D A,Domestic Abuse", "acronym 'D A' contains a space; acronyms cannot contain spaces, write it as one word"),
        (
            '"D,A",Domestic Abuse',
            "acronym 'D,A' contains a comma; acronyms cannot contain commas, write it as one word",
        ),
    ],
    ids=["empty-expansion", "empty-acronym", "well-known", "extra-field", "space-in-acronym", "comma-in-acronym"],
)
def test_g006_malformed_fields(row: str, message: str) -> None:
    assert csv_findings(f"acronym,expansion,well_known\n{row}\n") == [("G006", 2, message)]


def test_g006_bad_quoting_unknown_column_and_unknown_replacement() -> None:
    text = 'acronym,expansion,replaced_by,colour\nHMIC,HM Inspectorate of Constabulary,HMICFRSX,\nA,"b"c\n'
    findings = csv_findings(text)
    assert [(code, line) for code, line, _ in findings if code == "G006"] == [("G006", 1), ("G006", 3), ("G006", 2)]
    assert any("replaced_by names HMICFRSX, which no glossary defines" in message for *_, message in findings)
    assert any(message.startswith("bad CSV quoting") for *_, message in findings)


def test_empty_columns_excel_leaves_after_the_header_are_ignored() -> None:
    """Excel writes a trailing comma per column once used: no finding, and the loader reads the rows."""
    text = "acronym,expansion,,\r\nFCR,Force Control Room,,\r\n,,,\r\nLPT,Local Policing Team,, \r\n"
    assert csv_findings(text) == []
    assert [entry.acronym for entry in Glossary.from_text(text)] == ["FCR", "LPT"]


def test_g006_a_column_with_no_name_but_something_in_it() -> None:
    text = (
        "acronym,expansion,,note,\nFCR,Force Control Room,,,\nLPT,Local Policing Team,,,see map\n"
        "SNP,Safer Neighbourhood Panel,x,,y\n"
    )
    assert csv_findings(text) == [
        ("G006", 1, "column 3 has no name in the header row, but line 4 has 'x' in it; name it or delete it"),
        ("G006", 1, "column 5 has no name in the header row, but line 3 has 'see map' in it; name it or delete it"),
    ]


def test_g007_disagrees_with_the_bundled_reference() -> None:
    text = "acronym,expansion\nPCSO,Police Community Safety Officer\nSNP,Safer Neighbourhood Panels\n"
    assert csv_findings(text, BUNDLED) == [
        (
            "G007",
            2,
            (
                "PCSO is 'Police Community Safety Officer' here but the reference glossary has "
                "'Police Community Support Officer'; correct it, or ignore G007 for this file (per-file-ignores) "
                "if this is a local sense"
            ),
        )
    ]
    assert csv_findings(text) == []  # no reference, no G007


def test_g006_an_expansion_cut_at_an_unquoted_comma() -> None:
    """QA: the rest of the expansion went into the plural column, silently. A plural as written is no cut."""
    text = (
        "acronym,expansion,plural\nCSP,Community Safety Partnership,CSPs x\nPFCC,Police, Fire and Crime Commissioner\n"
    )
    found = csv_findings(text)
    assert [(code, line) for code, line, _ in found] == [("G006", 3), ("G005", 3)]
    assert found[0][2].endswith('quote it, "Police, Fire and Crime Commissioner"')


def test_g001_keeps_the_context_words_of_the_row_it_deletes() -> None:
    text = "acronym,expansion,context\nDC,District Council,council district\nDC,District Council,planning council\n"
    assert csv_findings(text) == [
        (
            "G001",
            3,
            (
                "DC is listed twice with the same expansion (lines 2 and 3); add its context words planning to line 2 "
                "and delete line 3"
            ),
        )
    ]


def test_g003_a_spelling_that_differs_from_the_references_only_in_case() -> None:
    text = "acronym,expansion\nTOMV,Taking of Motor Vehicle\n"
    assert [(code, line) for code, line, _ in csv_findings(text, BUNDLED)] == [("G003", 2)]
    assert csv_findings(text) == []  # no reference, no G003


def test_g007_says_that_one_row_replaces_every_bundled_sense() -> None:
    """QA: a force added `CC,Collaboration Committee` and lost the bundled Chief Constable and County Council."""
    (finding,) = csv_findings("acronym,expansion,context\nCC,Collaboration Committee,collaboration\n", BUNDLED)
    assert finding[2].endswith(
        "layered over it, this file's rows of CC replace all 3 of those senses: add rows for the ones to keep, "
        "or correct this one"
    )


def test_g008_superseded_acronym() -> None:
    listed_as_current = "acronym,expansion\nHMIC,Her Majesty's Inspectorate of Constabulary\n"
    ((code, line, message),) = csv_findings(listed_as_current, BUNDLED)
    assert (code, line) == ("G008", 2)
    assert message.startswith("HMIC was superseded by HMICFRS; list HMICFRS instead")
    recorded = "acronym,expansion,replaced_by\nACPO,Association of Chief Police Officers,NPCC\nNPCC,National Police Chiefs' Council,\n"
    entries, _ = read_csv_rows(recorded, "g.csv")
    (finding,) = check_glossary(entries, "g.csv")
    assert (finding.code, finding.severity) == ("G008", Severity.INFO)


HMIC_ROW = "HMIC,Her Majesty's Inspectorate of Constabulary"
HMICFRS_ROW = "HMICFRS,His Majesty's Inspectorate of Constabulary and Fire & Rescue Services"


@pytest.mark.parametrize(
    ("rows", "reference", "message"),
    [
        (
            ["CCC,Charlie Charlie Charlie,CCC"],
            None,
            "CCC is replaced_by itself; leave replaced_by empty if it is current, or name the acronym that superseded it",
        ),
        (
            [f"{HMIC_ROW},HMICFRS", f"{HMICFRS_ROW},HMIC"],
            None,
            (
                "replaced_by goes round in a cycle, HMIC (line 2) -> HMICFRS (line 3) -> HMIC, so none of them is current; "
                "leave replaced_by empty on the one in use"
            ),
        ),
        (
            [f"{HMICFRS_ROW},HMIC"],
            BUNDLED,
            (
                "replaced_by goes round in a cycle, HMICFRS (line 2) -> HMIC (the bundled glossary) -> HMICFRS, so none "
                "of them is current; leave replaced_by empty on the one in use"
            ),
        ),
    ],
    ids=["itself", "two-rows", "with-the-reference"],
)
def test_g006_replaced_by_itself_or_in_a_cycle(rows: list[str], reference: Glossary | None, message: str) -> None:
    """One G006 per cycle, on its first row, and no G008 that says a row was superseded by itself in the end."""
    text = "acronym,expansion,replaced_by\n" + "".join(row + "\n" for row in rows)
    assert csv_findings(text, reference) == [("G006", 2, message)]


def test_d006_gives_no_advice_round_a_cycle_of_replacements() -> None:
    rows = f"acronym,expansion,replaced_by\n{HMIC_ROW},HMICFRS\n{HMICFRS_ROW},HMIC\nCCC,Charlie Charlie Charlie,CCC\n"
    glossary = Glossary.layered([BUNDLED, Glossary.from_text(rows)])  # the loader takes the cycle as it is
    findings = document_findings("The HMIC, the HMICFRS and the CCC reported.", glossary)
    assert [f.code for f in findings if f.code == "D006"] == []


def test_the_bundled_glossary_passes_its_own_structural_checks() -> None:
    findings = check_glossary(BUNDLED.entries, "data/glossary.csv")
    assert [f for f in findings if f.code in ("G001", "G002", "G003", "G004", "G005", "G006")] == []


def test_the_bundled_glossary_passes_acronyms_check_with_its_superseded_rows_as_info() -> None:
    """What a maintainer runs on a copy of it: `acronyms check glossary.csv` exits 0."""
    result = CliRunner().invoke(cli, ["check", str(ROOT / "data" / "glossary.csv")], catch_exceptions=False)
    assert result.exit_code == 0, result.stdout
    assert {line.split(" ")[1] for line in result.stdout.splitlines()} == {"G008"}


# Document codes ------------------------------------------------------------------------------------------------


def test_d001_severity_depends_on_who_knows_the_acronym() -> None:
    glossary = Glossary.from_entries(
        [Entry("ANPR", "Automatic Number Plate Recognition"), Entry("UK", "United Kingdom", well_known=True)]
    )
    text = "GM saw ANPR data in the UK.\nThe Temporary Deputy Chief Constable and the TDCC. NB"
    findings = document_findings(text, glossary, allow=frozenset({"NB"}))
    assert [(f.code, f.acronym, f.line, f.column, f.severity) for f in findings] == [
        ("D001", "GM", 1, 1, Severity.ERROR),
        ("D001", "ANPR", 1, 8, Severity.WARNING),
        ("D001", "TDCC", 2, 46, Severity.INFO),
    ]
    assert "'Automatic Number Plate Recognition (ANPR)'" in findings[1].message
    assert "'Temporary Deputy Chief Constable (TDCC)'" in findings[2].message


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The fault was logged (ref INC-20230814-117).", []),
        ("See A-QXZ-7 here.", []),
        ("The QXZ-led team and the QXZ/politicians.", [("D001", 1, 5, "QXZ")]),
    ],
    ids=["reference", "code", "hyphen-and-slash-split"],
)
def test_d001_leaves_out_capitals_glued_into_a_code(text: str, expected: list[tuple[str, int, int, str]]) -> None:
    assert codes(document_findings(text)) == expected


@pytest.mark.parametrize(
    "marker",
    ["[TOC]", "* TOC\n{:toc}", "1. Contents\n{: toc }"],
    ids=["python-markdown", "kramdown", "kramdown-numbered"],
)
def test_d001_leaves_out_a_markdown_table_of_contents_marker(marker: str) -> None:
    text = f"# Stop and search\n\n{marker}\n\nThe QXZ unit met.\n"
    findings = check_document(scan(text, EMPTY, path="doc.md"), EMPTY)
    assert codes(findings) == [("D001", len(marker.splitlines()) + 4, 5, "QXZ")]


def test_d001_reads_a_possessive_phrase_as_the_long_form_it_spells() -> None:
    glossary = Glossary.from_entries([Entry("PCC", "Police and Crime Commissioner")])
    (finding,) = document_findings("# Police and Crime Commissioner's Budget\n\nThe PCC's budget.\n", glossary)
    assert (finding.code, finding.severity) == ("D001", Severity.INFO)
    assert "though 'Police and Crime Commissioner' at line 1 looks like its long form" in finding.message


@pytest.mark.parametrize(
    "address",
    [
        "Wycliffe House, Wilmslow SK9 5AF.",
        "Police Headquarters, Northtown, NT1 4PQ, or",
        "London SW1A 2AA",
        "Leeds LS1\u00a04AP",
    ],
    ids=["SK9", "NT1", "SW1A", "no-break-space"],
)
def test_d001_leaves_out_a_postcode(address: str) -> None:
    assert codes(document_findings(f"Write to the QXZ at {address}")) == [("D001", 1, 14, "QXZ")]


def test_d007_ambiguous_acronym_lists_the_senses() -> None:
    glossary = Glossary.from_entries([Entry("CC", "Chief Constable"), Entry("CC", "County Council")])
    (finding,) = document_findings("The CC spoke.", glossary)
    assert (finding.code, finding.severity, finding.line, finding.column) == ("D007", Severity.WARNING, 1, 5)
    assert finding.message == (
        "CC could mean 'Chief Constable' or 'County Council' and the words around it do not say which; "
        "spell out the one meant at first use, such as 'Chief Constable (CC)'"
    )
    (plural,) = document_findings("The CCs spoke.", glossary)
    assert plural.message.endswith("such as 'Chief Constables (CCs)'")


def test_an_ambiguous_acronym_the_context_decides_is_not_d007() -> None:
    glossary = Glossary.from_entries(
        [Entry("CC", "Chief Constable", context=("force",)), Entry("CC", "County Council", context=("council",))]
    )
    (finding,) = document_findings("The CC set the council budget.", glossary)
    assert finding.code == "D001"
    assert "'County Council (CC)'" in finding.message


def test_context_rules_keep_headings_and_codes_out_of_the_findings() -> None:
    glossary = Glossary.from_entries([Entry("ACC", "Assistant Chief Constable")])
    assert document_findings("IT WAS AGREED THAT THE ACC WOULD RESPOND\nReference A-ACC-7 logged.", glossary) == []


def test_d002_glossary_row_never_used() -> None:
    text = "SNP met.\n\nGlossary\n\nCT\tCounter Terrorism\nSNP\tSafer Neighbourhood Panel\n"
    assert codes(document_findings(text)) == [("D002", 5, 1, "CT")]


def test_d003_used_before_its_definition() -> None:
    text = "SNP met.\nLater the Safer Neighbourhood Panel (SNP) agreed."
    (finding,) = document_findings(text)
    assert codes([finding]) == [("D003", 1, 1, "SNP")]
    assert finding.message == (
        "SNP is used before it is defined at line 2; define it here instead, 'Safer Neighbourhood Panel (SNP)'"
    )


@pytest.mark.parametrize(
    ("text", "suggested"),
    [
        ("Later the QQZ's report. The Quick Quiz Zones (QQZs) met.", "Quick Quiz Zone's (QQZ's)"),
        ("Later the QQZ report. The Quick Quiz Zones (QQZs) met.", "Quick Quiz Zone (QQZ)"),
        ("Later the QQZs met. The Quick Quiz Zone (QQZ) agreed.", "Quick Quiz Zones (QQZs)"),
        ("Later the QQZs met. The Quick Quiz Zones (QQZs) agreed.", "Quick Quiz Zones (QQZs)"),
    ],
    ids=["possessive-use-plural-definition", "use-plural-definition", "plural-use-definition", "plural-both"],
)
def test_d003_suggests_the_definition_in_the_number_and_case_of_the_use(text: str, suggested: str) -> None:
    (finding,) = document_findings(text)
    assert finding.code == "D003"
    assert finding.message.endswith(f"define it here instead, '{suggested}'")


@pytest.mark.parametrize(
    ("use", "suggested"),
    [
        ("Under PACE 1984 the", "Police and Criminal Evidence Act (PACE)"),
        ("Under the PACE Act the", "Police and Criminal Evidence (PACE)"),
        ("Under PACE the", "Police and Criminal Evidence Act 1984 (PACE)"),
    ],
    ids=["year-written", "act-written", "nothing-written"],
)
def test_d001_and_d003_suggest_what_the_text_does_not_write_already(use: str, suggested: str) -> None:
    """As annotation writes it: `PACE 1984` becomes `Police and Criminal Evidence Act (PACE) 1984`."""
    (d001,) = document_findings(f"{use} police acted.", BUNDLED)
    assert d001.message.startswith(
        f"PACE is used but the document does not define it; spell it out at first use, '{suggested}'"
    )
    late = f"{use} police acted.\n\nThe Police and Criminal Evidence Act 1984 (PACE) applies."
    (d003,) = document_findings(late, BUNDLED)
    assert d003.message.endswith(f"define it here instead, '{suggested}'")


@pytest.mark.parametrize(
    ("text", "suggested"),
    [
        ("The PCSOs met. A PCSO spoke.", "Police Community Support Officers (PCSOs)"),
        ("The PCC’s plan. The PCC spoke.", "Police and Crime Commissioner’s (PCC’s)"),
        ("The PCSOs' van. A PCSO spoke.", "Police Community Support Officers' (PCSOs')"),
    ],
    ids=["plural", "possessive", "plural-possessive"],
)
def test_d001_suggests_the_definition_in_the_form_of_the_first_use(text: str, suggested: str) -> None:
    """As annotation writes it there."""
    (finding,) = document_findings(text, BUNDLED)
    assert f"spell it out at first use, '{suggested}'" in finding.message


def test_d004_defined_twice_or_two_ways() -> None:
    again = "Safer Neighbourhood Panel (SNP) met. Then the Safer Neighbourhood Panels (SNPs) agreed."
    (finding,) = document_findings(again)
    assert (finding.code, finding.column) == ("D004", 47)
    assert finding.message == "SNP is defined again (first at line 1); define it once, at first use"
    two_ways = "Safer Neighbourhood Panel (SNP) met.\nThe Scottish National Party (SNP) did not."
    (finding,) = document_findings(two_ways)
    assert (finding.code, finding.line) == ("D004", 2)
    assert "as 'Scottish National Party' but at line 1 as 'Safer Neighbourhood Panel'" in finding.message


LATER = "Later the Police and Crime Commissioner (PCC) spoke."
NOTED_FIRST_USE = {
    "doc.txt": f"The PCC[1] met.\n\n{LATER}\n\nNotes\n\n[1] PCC: Police and Crime Commissioner\n",
    "doc.md": f"The PCC[^PCC] met.\n\n{LATER}\n\n[^PCC]: Police and Crime Commissioner\n",
    "doc.html": (
        '<p>The PCC<sup class="acronym-ref" data-acronyms="ref"><a id="acronym-ref-PCC-1" href="#acronym-note-PCC" '
        f'role="doc-noteref">1</a></sup> met.</p>\n<p>{LATER}</p>\n\n'
        '<section class="acronym-notes" data-acronyms="notes" role="doc-endnotes">\n<h2>Notes</h2>\n<ol>\n'
        '<li id="acronym-note-PCC">PCC: Police and Crime Commissioner <a class="acronym-backref" '
        'href="#acronym-ref-PCC-1" role="doc-backlink" aria-label="Back to PCC in the text">↩</a></li>\n'
        "</ol>\n</section>\n"
    ),
}


@pytest.mark.parametrize("path", list(NOTED_FIRST_USE))
def test_d004_not_d003_when_the_first_use_has_a_footnote(path: str) -> None:
    """As the footnote style annotates a text that defines an acronym after its first use: the footnote defines
    it there, so the author's definition is a second one (as `Long Form (LF)` at the first use would make it)."""
    text = NOTED_FIRST_USE[path]
    (finding,) = check_document(scan(text, EMPTY, path=path), EMPTY)
    assert (finding.code, finding.line, finding.acronym) == ("D004", 3 if path != "doc.html" else 2, "PCC")
    assert (
        finding.message == "PCC is defined again (its first use, line 1, has a footnote); define it once, at first use"
    )


def test_d004_says_when_the_footnote_on_the_first_use_gives_another_expansion() -> None:
    text = "The CC[1] met.\n\nThe Chief Constable (CC) spoke.\n\nNotes\n\n[1] CC: County Council\n"
    (finding,) = document_findings(text)
    assert (finding.code, finding.line) == ("D004", 3)
    assert "as 'Chief Constable' but the footnote at line 1 says 'County Council'" in finding.message


def test_d003_when_only_a_later_use_has_a_footnote() -> None:
    text = f"The PCC met. The PCC[^PCC] again.\n\n{LATER}\n\n[^PCC]: Police and Crime Commissioner\n"
    findings = check_document(scan(text, EMPTY, path="doc.md"), EMPTY)
    assert codes(findings) == [("D003", 1, 5, "PCC")]


@pytest.mark.parametrize("mark", ["'", "\u2019", "\u2018", "\u02bc"], ids=["straight", "right", "left", "modifier"])
def test_d005_the_apostrophe_style_is_no_contradiction(mark: str) -> None:
    text = f"Her Majesty{mark}s Inspectorate of Constabulary (HMIC) visited."
    assert [finding.code for finding in document_findings(text, BUNDLED)] == ["D006"]


def test_d005_inline_definition_contradicts_the_glossary() -> None:
    text = "The Police Community Safety Officer (PCSO) came.\n\nGlossary\n\nPCSO\tPolice Community Support Officer\n"
    (finding,) = document_findings(text)
    assert codes([finding]) == [("D005", 1, 5, "PCSO")]
    assert "but the glossary says 'Police Community Support Officer' (the glossary section (line 5))" in finding.message
    (bundled,) = document_findings("The Police Community Safety Officer (PCSO) came.", BUNDLED)
    assert "(the bundled glossary)" in bundled.message
    assert document_findings("The Staffordshire Police Community Support Officers (PCSOs) came.", BUNDLED) == []


@pytest.mark.parametrize("shy", ["\u00ad", "&shy;"], ids=["character", "reference"])
def test_d005_a_soft_hyphen_is_no_contradiction(shy: str) -> None:
    """A soft hyphen (Word's optional hyphen) is seen by no reader: `Neighbour­hood` is `Neighbourhood`."""
    text = f"<p>The Neighbour{shy}hood Policing Team (NPT) met. The NPT agreed.</p>"
    assert check_document(scan(text, BUNDLED, path="doc.html"), BUNDLED) == []
    glossary = Glossary([Entry("NPT", "Neighbour\u00adhood Policing Team")])  # a CSV's `&shy;` is text
    assert [finding.code for finding in check_glossary(list(glossary.entries), "g.csv", reference=BUNDLED)] == []


def test_d006_superseded_acronym_used() -> None:
    findings = document_findings("The HMIC report came.", BUNDLED)
    assert [(f.code, f.column) for f in findings if f.code == "D006"] == [("D006", 5)]
    (d006,) = [f for f in findings if f.code == "D006"]
    assert d006.message.startswith("HMIC was superseded by HMICFRS (His Majesty's Inspectorate of Constabulary")


def test_a_clean_document_has_no_findings() -> None:
    text = "The Safer Neighbourhood Panel (SNP) met the UK team.\nSNP agreed.\n"
    assert document_findings(text, BUNDLED) == []


# The sample minutes --------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def sample_findings() -> list[Finding]:
    return check_paths([str(SAMPLE)])


def test_sample_duplicate_da_with_both_lines(sample_findings: list[Finding]) -> None:
    (g001,) = [f for f in sample_findings if f.code == "G001"]
    assert (g001.line, g001.column, g001.acronym, g001.severity) == (93, 1, "DA", Severity.ERROR)
    assert "(lines 89 and 93)" in g001.message


def test_sample_undefined_acronyms_with_their_locations(sample_findings: list[Finding]) -> None:
    assert [(f.acronym, f.line, f.column, f.severity.value) for f in sample_findings if f.code == "D001"] == [
        ("GM", 11, 112, "error"),
        ("TCC", 16, 80, "info"),
        ("TDCC", 16, 129, "info"),
        ("LA", 25, 527, "warning"),
        ("CC", 31, 123, "warning"),
        ("ANPR", 35, 167, "warning"),
        ("NPT", 59, 146, "warning"),
        ("CJS", 74, 635, "warning"),
        ("HM", 74, 3345, "error"),
    ]


def test_sample_without_the_bundled_glossary_leaves_anpr_npt_cjs_undefined_by_anyone() -> None:
    findings = check_paths([str(SAMPLE)], CheckOptions(bundled=False, select=("D001",)))
    severities = {f.acronym: f.severity for f in findings}
    assert [severities[a] for a in ("ANPR", "NPT", "CJS", "GM")] == [Severity.ERROR] * 4
    assert [severities[a] for a in ("TCC", "TDCC")] == [Severity.INFO] * 2


def test_sample_initials_defined_inline_are_not_undefined(sample_findings: list[Finding]) -> None:
    undefined = {f.acronym for f in sample_findings if f.code == "D001"}
    assert undefined.isdisjoint({"ME", "NB", "GD", "EB", "HB", "AI", "SNP", "LPT", "ACTION"})


def test_sample_rows_that_disagree_with_the_reference(sample_findings: list[Finding]) -> None:
    g007 = {f.acronym: f.line for f in sample_findings if f.code == "G007"}
    assert g007["PCSO"] == 107
    assert g007["HMIC"] == 97
    assert [(f.acronym, f.line) for f in sample_findings if f.code == "G008"] == [("HMIC", 97)]


def test_sample_findings_are_sorted_and_have_messages(sample_findings: list[Finding]) -> None:
    assert sample_findings == sorted(sample_findings, key=lambda f: f.sort_key)
    assert all(f.path == str(SAMPLE) and f.line >= 1 and f.column >= 1 and f.message for f in sample_findings)


# Options, selection, exit status, settings ---------------------------------------------------------------------


def test_every_code_has_a_rule() -> None:
    assert list(RULES) == [f"G00{n}" for n in range(1, 9)] + [f"D00{n}" for n in range(1, 8)]


def test_select_and_ignore_take_prefixes() -> None:
    found = [Finding(code, Severity.INFO, "p", 1, 1, "X", "m") for code in ("G001", "G004", "D001")]
    assert [f.code for f in selected(found, select=("G",), ignore=("G004",))] == ["G001"]
    assert [f.code for f in selected(found, ignore=("D",))] == ["G001", "G004"]
    with pytest.raises(UsageError, match="unknown code 'X9'"):
        validate_codes(["X9"])


@pytest.mark.parametrize(
    ("severities", "fail_on", "status"),
    [
        ((), Severity.INFO, 0),
        ((Severity.INFO,), Severity.WARNING, 0),
        ((Severity.INFO,), Severity.INFO, 1),
        ((Severity.WARNING,), Severity.ERROR, 0),
        ((Severity.ERROR,), Severity.ERROR, 1),
    ],
    ids=["none", "info-under-warning", "info-at-info", "warning-under-error", "error-at-error"],
)
def test_exit_status(severities: tuple[Severity, ...], fail_on: Severity, status: int) -> None:
    assert exit_status([Finding("D001", s, "p", 1, 1, "X", "m") for s in severities], fail_on) == status


def test_a_glossary_without_an_expansion_column_is_an_input_error() -> None:
    with pytest.raises(GlossaryError, match="missing column 'expansion'"):
        read_csv_rows("acronym,meaning\nDA,Domestic Abuse\n", "g.csv")


def test_a_document_given_as_a_glossary_lends_its_glossary_section(tmp_path: Path) -> None:
    source = tmp_path / "source.txt"
    source.write_text("Text.\n\nGlossary\n\nGM\tGold Manager\n", encoding="utf-8")
    document = tmp_path / "doc.txt"
    document.write_text("GM met.\n", encoding="utf-8")
    findings = check_paths([str(document)], CheckOptions(glossaries=(str(source),), bundled=False))
    ((code, severity),) = [(f.code, f.severity) for f in findings if f.acronym == "GM"]
    assert (code, severity) == ("D001", Severity.WARNING)


def test_settings_from_pyproject_with_the_command_line_on_top(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.acronyms]\nglossaries = ["force.csv"]\nallow = ["GM"]\nignore = ["D002"]\nfail-on = "error"\n'
        "bundled = false\n",
        encoding="utf-8",
    )
    (tmp_path / "force.csv").write_text("acronym,expansion\n", encoding="utf-8")  # a glossary named there must exist
    (tmp_path / "docs").mkdir()
    monkeypatch.chdir(tmp_path / "docs")
    config = find_config()
    assert config.path == str(tmp_path / "pyproject.toml")
    options = check_options(config)
    assert options == CheckOptions(
        glossaries=(os.path.join("..", "force.csv"),),
        bundled=False,
        allow=frozenset({"GM"}),
        ignore=("D002",),
        fail_on=Severity.ERROR,
    )
    overridden = check_options(config, allow=("NB,HB",), fail_on="info", ignore=("g004",))
    assert (overridden.allow, overridden.fail_on, overridden.ignore) == (
        frozenset({"NB", "HB"}),
        Severity.INFO,
        ("G004",),
    )


def test_settings_from_setup_cfg(tmp_path: Path) -> None:
    (tmp_path / "setup.cfg").write_text(
        "[metadata]\nname = x\n\n[acronyms]\nallow = GM, NB\nselect =\n    D001\n    G\nbundled = no\n",
        encoding="utf-8",
    )
    config = find_config(tmp_path)
    assert (config.allow, config.select, config.bundled) == (("GM", "NB"), ("D001", "G"), False)


def test_a_percent_sign_in_setup_cfg_is_a_character(tmp_path: Path) -> None:
    """As flake8 reads setup.cfg: no `%(name)s` interpolation, which made a lone `%` a traceback."""
    (tmp_path / "setup.cfg").write_text("[acronyms]\nglossaries = 50%.csv\nallow = GM\n", encoding="utf-8")
    assert find_config(tmp_path).glossaries == (os.path.relpath(tmp_path / "50%.csv"),)


def test_a_key_repeated_in_another_tools_section_of_setup_cfg_is_no_error(tmp_path: Path) -> None:
    """configparser's strict mode refused the whole file for another tool's slip, stopping every command."""
    (tmp_path / "setup.cfg").write_text("[metadata]\nname = a\nname = b\n\n[acronyms]\nallow = GM\n", encoding="utf-8")
    assert find_config(tmp_path).allow == ("GM",)


def test_a_pyproject_whose_tool_is_no_table_has_no_settings(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('tool = "x"\n', encoding="utf-8")
    (tmp_path / "setup.cfg").write_text("[acronyms]\nallow = GM\n", encoding="utf-8")
    assert find_config(tmp_path).allow == ("GM",)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "[acronyms\nallow = GM\n",
            "setup.cfg:1: cannot read settings (File contains no section headers.); fix the file",
        ),
        ("[acronyms]\nallow = GM\nGM\n", "setup.cfg:3: cannot read settings (Source contains parsing errors: "),
    ],
    ids=["no-section-header", "no-equals-sign"],
)
def test_a_setup_cfg_that_cannot_be_read_is_one_line_naming_its_line(tmp_path: Path, text: str, message: str) -> None:
    (tmp_path / "setup.cfg").write_text(text, encoding="utf-8")
    with pytest.raises(UsageError) as raised:
        find_config(tmp_path)
    assert str(raised.value).startswith(f"{tmp_path / message}")
    assert "\n" not in str(raised.value)


def test_settings_search_stops_at_the_repository_root(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.acronyms]\nallow = ["GM"]\n', encoding="utf-8")
    (tmp_path / "repo" / ".git").mkdir(parents=True)
    (tmp_path / "repo" / "pyproject.toml").write_text("[tool.black]\n", encoding="utf-8")
    assert find_config(tmp_path / "repo") == Config()
    assert find_config(tmp_path).allow == ("GM",)


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ('fail_on = "never"', "fail-on is 'never'"),
        ('colour = "red"', "unknown setting 'colour'"),
        ('allow = "GM"', "allow must be a list of strings"),
        ('ignore = ["Z1"]', "unknown code 'Z1'"),
        ("bundled = 1", "bundled must be a bool"),
        ('per-file-ignores = ["D005"]', "per-file-ignores must be a table"),
        ('[tool.acronyms.per-file-ignores]\n"*.txt" = ["D009"]', "per-file-ignores \"*.txt\": unknown code 'D009'"),
        ('[tool.acronyms.per-file-ignores]\n"*.txt" = []', 'per-file-ignores "*.txt": no codes'),
        (
            '[tool.acronyms.per-file-ignores]\n"*.txt" = "D005"',
            'per-file-ignores "*.txt" must be a list of codes, e.g. "*.txt" = ["D005"]',
        ),
    ],
    ids=[
        "fail-on",
        "unknown",
        "not-a-list",
        "unknown-code",
        "not-a-bool",
        "ignores-list",
        "ignores-code",
        "empty",
        "ignores-string",
    ],
)
def test_bad_settings_say_what_is_wrong(tmp_path: Path, table: str, message: str) -> None:
    (tmp_path / "pyproject.toml").write_text(f"[tool.acronyms]\n{table}\n", encoding="utf-8")
    with pytest.raises(UsageError, match=re.escape(message)):
        check_options(find_config(tmp_path))


def per_file_project(tmp_path: Path, settings: tuple[str, str]) -> None:
    """A project whose force glossary has a local sense (G007) and whose minutes name attendees (D005)."""
    (tmp_path / "glossaries").mkdir()
    (tmp_path / "minutes").mkdir()
    (tmp_path / "glossaries" / "force.csv").write_text("acronym,expansion\nLPT,Local Police Team\n", encoding="utf-8")
    for path in (tmp_path / "minutes" / "m1.txt", tmp_path / "other.txt"):
        path.write_text("Present: Claire Carter (CC).\n", encoding="utf-8")
    name, text = settings
    (tmp_path / name).write_text(text, encoding="utf-8")


@pytest.mark.parametrize(
    "settings",
    [
        (
            "pyproject.toml",
            (
                '[tool.acronyms]\nglossaries = ["glossaries/force.csv"]\n\n[tool.acronyms.per-file-ignores]\n'
                '"glossaries/force.csv" = ["G007"]\n"minutes/*.txt" = ["D005"]\n'
            ),
        ),
        (
            "setup.cfg",
            (
                "[acronyms]\nglossaries = glossaries/force.csv\nper-file-ignores =\n    glossaries/force.csv: G007\n"
                "    minutes/*.txt: D005\n"
            ),
        ),
    ],
    ids=["pyproject", "setup.cfg"],
)
def test_per_file_ignores_leave_codes_out_for_the_files_they_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, settings: tuple[str, str]
) -> None:
    per_file_project(tmp_path, settings)
    monkeypatch.chdir(tmp_path / "minutes")  # the patterns are read from the settings file's folder
    options = check_options(find_config())
    findings = check_paths(["m1.txt", os.path.join("..", "other.txt")], options)
    assert [(found.path, found.code) for found in findings] == [(os.path.join("..", "other.txt"), "D005")]
    without = check_paths(["m1.txt"], check_options(Config(glossaries=options.glossaries)))
    assert sorted(found.code for found in without) == ["D005", "G007"]


@pytest.mark.parametrize(
    "value",
    [
        "glossaries/force.csv: G007 minutes/*.txt: D005",
        "glossaries/force.csv:G007, minutes/*.txt:D005",  # as flake8 reads them: whitespace or commas
        "glossaries/force.csv : G007,\n    minutes/*.txt:\n        D005",
        "\n    glossaries/force.csv: G007\n    minutes/: D005",
    ],
    ids=["spaces", "commas", "codes-on-the-next-line", "folder"],
)
def test_per_file_ignores_in_setup_cfg_take_several_pairs_a_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, value: str
) -> None:
    per_file_project(
        tmp_path, ("setup.cfg", f"[acronyms]\nglossaries = glossaries/force.csv\nper-file-ignores = {value}\n")
    )
    monkeypatch.chdir(tmp_path)
    findings = check_paths([os.path.join("minutes", "m1.txt"), "other.txt"], check_options(find_config()))
    assert [(found.path, found.code) for found in findings] == [("other.txt", "D005")]


@pytest.mark.parametrize(
    ("value", "line", "message"),
    [
        ("\n    minutes/*.txt D005", 4, "per-file-ignores: 'minutes/*.txt' is not in a pattern: codes pair (no colon)"),
        (
            "\n    a.txt: D001\n    minutes/*.txt D005",
            5,
            "per-file-ignores: 'minutes/*.txt' follows the codes of 'a.txt'",
        ),
        ("minutes/*.txt:", 3, "per-file-ignores: 'minutes/*.txt' has no codes after the colon"),
        ("\n    : D005", 4, "per-file-ignores: codes 'D005' with no pattern before the colon"),
        ("\n    a.txt: D001\n    minutes/*.txt: X999", 5, "per-file-ignores \"minutes/*.txt\": unknown code 'X999'"),
    ],
    ids=["no-colon", "no-colon-after-a-pair", "no-codes", "no-pattern", "unknown-code"],
)
def test_bad_per_file_ignores_in_setup_cfg_name_the_setting_and_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, value: str, line: int, message: str
) -> None:
    path = tmp_path / "setup.cfg"
    path.write_text(f"[acronyms]\nallow = GM\nper-file-ignores = {value}\n", encoding="utf-8")
    with pytest.raises(UsageError) as raised:
        find_config(tmp_path)
    assert str(raised.value).startswith(f"{path}:{line}: {message}")
    if "unknown code" not in message:
        assert str(raised.value).endswith("; write PATTERN: CODES, e.g. minutes/*.txt: D005")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["check", "-"], input="x\n", catch_exceptions=False)
    assert (result.exit_code, result.stderr.splitlines()[0]) == (2, f"Error: {raised.value}")


@pytest.mark.parametrize(
    ("pattern", "ignored"),
    [
        ("docs/**/*.md", ["docs/d.md", "docs/x/y/e.md"]),  # `**/` may match no folder, as in gitignore and ruff
        ("**/*.md", ["docs/d.md", "docs/x/y/e.md", "top.md"]),
        ("docs/x/**", ["docs/x/y/e.md"]),
        ("minutes/", ["minutes/m1.txt", "minutes/2024/m2.txt"]),  # a folder covers the files in it
        ("minutes", ["minutes/m1.txt", "minutes/2024/m2.txt"]),
        ("minutes/*.txt", ["minutes/m1.txt", "minutes/2024/m2.txt"]),  # `*` reaches into folders, as in flake8
        ("minute", []),  # a folder's name, not the start of one
        ("docs/*/e.md", ["docs/x/y/e.md"]),
    ],
    ids=["double-star", "double-star-first", "double-star-last", "folder-slash", "folder", "star", "part", "star-deep"],
)
def test_per_file_ignores_patterns(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, pattern: str, ignored: list[str]
) -> None:
    files = ["docs/d.md", "docs/x/y/e.md", "minutes/m1.txt", "minutes/2024/m2.txt", "top.md"]
    for name in files:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("The QXZW unit met.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    for patterns in ([(pattern, ("D001",))], [(str(tmp_path / pattern), ("D001",))]):  # relative, then absolute
        findings = check_paths(files, CheckOptions(per_file_ignores=patterns))
        assert sorted(set(files) - {found.path for found in findings}) == sorted(ignored)
    (tmp_path / "pyproject.toml").write_text(
        f'[tool.acronyms.per-file-ignores]\n"{pattern}" = ["D001"]\n', encoding="utf-8"
    )
    monkeypatch.chdir(tmp_path / "docs")  # the configured patterns are read from the settings file's folder
    findings = check_paths([os.path.join("..", name) for name in files], check_options(find_config()))
    assert sorted(set(files) - {os.path.relpath(found.path, "..") for found in findings}) == sorted(ignored)


HTML_NOTES = (
    '<p>SNP<sup class="acronym-ref" data-acronyms="ref"><a id="acronym-ref-SNP-1" href="#acronym-note-SNP" '
    'role="doc-noteref">1</a></sup> met. Later SNP again.</p>\n'
    '<section class="acronym-notes" data-acronyms="notes" role="doc-endnotes">\n<h2>Notes</h2>\n<ol>\n'
    '<li id="acronym-note-SNP">SNP: Safer Neighbourhood Panel <a class="acronym-backref" '
    'href="#acronym-ref-SNP-1" role="doc-backlink" aria-label="Back to SNP in the text">↩</a></li>\n'
    "</ol>\n</section>\n"
)


@pytest.mark.parametrize(
    ("text", "format"),
    [
        ("The SNP[1] met. Later SNP again.\n\nNotes\n\n[1] SNP: Safer Neighbourhood Panel\n", Format.TEXT),
        ("The SNP[^SNP] met. Later SNP again.\n\n[^SNP]: Safer Neighbourhood Panel\n", Format.MARKDOWN),
        (HTML_NOTES, Format.HTML),
    ],
    ids=["text", "markdown", "html"],
)
def test_the_notes_of_the_footnote_style_define_their_acronyms(text: str, format: Format) -> None:
    glossary = Glossary.from_entries([Entry("SNP", "Safer Neighbourhood Panel")])
    result = scan(text, glossary, path="doc", format=format)
    assert [(f.acronym, f.count, f.line, f.column, f.defined_by.value, f.expansion) for f in result.acronyms] == [
        ("SNP", 2, 1, 4 if format is Format.HTML else 5, "footnote", "Safer Neighbourhood Panel")
    ]
    assert check_document(result, glossary) == []


@pytest.mark.parametrize(
    ("text", "format"),
    [
        ("The SNP[^1] met.\n\n[^1]: x\n", Format.MARKDOWN),
        ("The SNP[1] met.\n", Format.TEXT),
        ("<p>The SNP<sup>1</sup> met.</p>\n", Format.HTML),
    ],
    ids=["markdown", "text", "html"],
)
def test_an_acronym_with_the_author_s_footnote_reference_is_a_use(text: str, format: Format) -> None:
    glossary = Glossary.from_entries([Entry("SNP", "Safer Neighbourhood Panel")])
    result = scan(text, glossary, path="doc", format=format)
    assert [(f.acronym, f.count, f.defined_by.value) for f in result.acronyms] == [("SNP", 1, "glossary")]
    assert codes(check_document(result, glossary)) == [("D001", 1, 8 if format is Format.HTML else 5, "SNP")]


def test_an_author_s_markdown_note_defines_nothing() -> None:
    text = "The SNP met.[^NB]\n\n[^NB]: Not binding.\n"
    glossary = Glossary.from_entries([Entry("SNP", "Safer Neighbourhood Panel")])
    result = scan(text, glossary, path="doc", format=Format.MARKDOWN)
    assert [(f.acronym, f.defined_by.value) for f in result.acronyms] == [("SNP", "glossary")]


HTML_SAMPLE = SAMPLE.with_suffix(".html")


def test_the_html_samples_glossary_table_is_checked_like_the_text_samples_section() -> None:
    findings = check_paths([str(HTML_SAMPLE)])
    assert [(f.acronym, f.line) for f in findings if f.code == "G001"] == [("DA", 58)]
    assert ("PCSO", 61) in [(f.acronym, f.line) for f in findings if f.code == "G007"]
    assert [(f.acronym, f.line) for f in findings if f.code == "D002"] == [("ACC", 55), ("DA", 56), ("ETAP", 57)]
    assert {"ACC", "DA", "ETAP"}.isdisjoint(f.acronym for f in findings if f.code == "D001")


def test_a_long_form_readers_never_see_is_no_implicit_definition() -> None:
    text = "<!-- Quick Quiz Zone -->\n<p>The QQZ met.</p>\n"
    findings = check_document(scan(text, EMPTY, path="q.html"), EMPTY)
    assert [(f.code, f.line, f.column, f.acronym, f.severity) for f in findings] == [
        ("D001", 2, 8, "QQZ", Severity.ERROR)
    ]


def test_check_options_take_any_collection_and_refuse_a_lone_string(tmp_path: Path) -> None:
    """`select="D001"` would be read as the codes `D`, `0`, `0`, `1`, and so select D001 and D002."""
    options = CheckOptions(bundled=False, select=["d001"], allow=["SNP"], glossaries=[])
    assert (options.select, options.allow, options.glossaries) == (("D001",), frozenset({"SNP"}), ())
    assert {finding.code for finding in check_paths([str(SAMPLE)], options)} == {"D001"}
    for field in ("select", "ignore", "allow", "glossaries"):
        with pytest.raises(TypeError, match=f"CheckOptions.{field} is a collection of strings, not the string"):
            CheckOptions(**{field: "D001"})


def test_check_options_refuse_a_code_that_names_no_rule() -> None:
    with pytest.raises(UsageError, match="unknown code 'X999'"):
        CheckOptions(select=("X999",))


@pytest.mark.parametrize(
    ("text", "severity", "message"),
    [
        (
            "The Police and Crime Plan was approved.\n\nThe PCP met on Monday.\n",
            Severity.WARNING,
            (
                "PCP is used but the document does not define it ('Police and Crime Plan' at line 1 has its letters, "
                "but the glossary means another phrase); spell it out at first use, 'Police and Crime Panel (PCP)'"
            ),
        ),
        (
            "The Regulation of Investigatory Powers Act was passed.\n\nRIPA applies.\n",
            Severity.INFO,
            (
                "RIPA is used without a definition, though 'Regulation of Investigatory Powers Act' at line 1 looks like "
                "its long form; write 'Regulation of Investigatory Powers Act (RIPA)' at its first use"
            ),
        ),
    ],
    ids=["another-phrase", "the-glossary-phrase-less-its-year"],
)
def test_a_phrase_with_the_letters_of_a_glossary_acronym_in_another_sense_is_no_definition(
    text: str, severity: Severity, message: str
) -> None:
    """The glossary's PCP is the Police and Crime Panel: a Plan with its letters is no sign the text means it."""
    bundled = Glossary.bundled()
    findings = check_document(scan(text, bundled, path="m.txt"), bundled)
    assert [(f.code, f.severity, f.message) for f in findings] == [("D001", severity, message)]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("", "g.csv:1: the file is empty; add a header row 'acronym,expansion'"),
        (
            "acronym,meaning\nSNP,x\n",
            "g.csv:1: missing column 'expansion'; the header row must name acronym and expansion (optional: plural,",
        ),
    ],
    ids=["empty", "missing-column"],
)
def test_check_reads_a_bad_header_in_the_loader_s_words(tmp_path: Path, content: str, message: str) -> None:
    glossary = tmp_path / "g.csv"
    glossary.write_text(content, encoding="utf-8")
    with pytest.raises(GlossaryError) as checking:
        check_paths([str(glossary)], CheckOptions(bundled=False))
    with pytest.raises(GlossaryError) as loading:
        Glossary.from_csv(glossary)
    assert str(checking.value) == str(loading.value)
    assert str(checking.value).replace(str(glossary), "g.csv").startswith(message)


@pytest.mark.parametrize("newline", ["\n", "\r\n"], ids=["lf", "crlf"])
def test_a_definition_wrapped_over_lines_is_quoted_on_one_line(newline: str) -> None:
    """Each finding is one line: a long form the author wrapped reads with one space where the line broke."""
    text = newline.join(["The DA team met.", "", "Victims of domestic", "   abuse (DA) were helped.", ""])
    bundled = Glossary.bundled()
    findings = check_document(scan(text, bundled, path="m.txt"), bundled)
    assert [(f.code, f.message) for f in findings] == [
        ("D003", "DA is used before it is defined at line 3; define it here instead, 'domestic abuse (DA)'")
    ]
    (entry,) = extract(text).entries
    assert entry.expansion == "domestic abuse"


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("# A\n\nThe Violence Reduction Unit (VRU) met.\n\n# B\n\nThe Violence Reduction Unit (VRU) met.\n", []),
        ("The Violence Reduction Unit (VRU) met. The Violence Reduction Unit (VRU) met again.\n", ["D004"]),
        ("# A\n\nThe Violence Reduction Unit (VRU) met.\n\n# B\n\nThe Violent Robbery Unit (VRU) met.\n", ["D004"]),
    ],
    ids=["again-in-a-later-section", "again-in-the-same-section", "another-way-in-a-later-section"],
)
def test_a_definition_repeated_in_a_later_section_is_no_second_definition(text: str, codes: list[str]) -> None:
    """What `annotate --first-use section` writes: each section defines its acronyms at their first use there."""
    findings = check_document(scan(text, EMPTY, path="m.md", format=Format.MARKDOWN), EMPTY)
    assert [f.code for f in findings] == codes


def test_check_options_read_the_glossaries_given_once() -> None:
    """Any iterable will do, a generator too: it is read once, and what it gave is used."""
    options = check_options(Config(), glossaries=(name for name in ["mine.csv"]))
    assert options.glossaries == ("mine.csv",)


@pytest.mark.parametrize("name", ["json", "sarif", "github", "text"])
def test_report_refuses_a_format_given_as_a_string(name: str) -> None:
    """`report(findings, "json")` gave the text format: a string is never a `ReportFormat` member."""
    found = document_findings("The QXZ met.", BUNDLED)
    with pytest.raises(TypeError, match=re.escape(f"not {name!r}; write ReportFormat({name!r})")):
        report(found, name)  # type: ignore[arg-type]
    assert report(found, ReportFormat(name)).startswith("{" if name in ("json", "sarif") else "")


def test_check_paths_refuses_a_lone_path(tmp_path: Path) -> None:
    """`check_paths("minutes.txt")` read each letter as a path: `m: no such file`."""
    minutes = tmp_path / "minutes.txt"
    minutes.write_text("The QXZ met.\n", encoding="utf-8")
    with pytest.raises(TypeError, match=re.escape(f"not the path {str(minutes)!r}; write [{str(minutes)!r}]")):
        check_paths(str(minutes))
    assert [found.code for found in check_paths([str(minutes)])] == ["D001"]


def test_entries_made_in_python_are_numbered_by_their_place() -> None:
    """Entries without lines (made in Python, not read from a CSV) are reported by their place in the list."""
    entries = [Entry("AB", "Alpha Bravo"), Entry("CD", "Charlie Delta"), Entry("AB", "Alpha Bravo")]
    [found] = check_glossary(entries, "<entries>")
    assert (found.code, found.line) == ("G001", 3)
    assert found.message == "AB is listed twice with the same expansion (lines 1 and 3); delete line 3"


def test_entries_with_lines_keep_them() -> None:
    entries = [
        Entry("AB", "Alpha Bravo", line=7),
        Entry("CD", "Charlie Delta", line=8),
        Entry("AB", "Alpha Bravo", line=9),
    ]
    assert [(found.code, found.line) for found in check_glossary(entries, "force.csv")] == [("G001", 9)]


def test_check_document_refuses_a_lone_string_to_allow() -> None:
    """`allow="PCSO"` would allow `PC`, `CS` and every other piece of it, as `CheckOptions` explains."""
    with pytest.raises(TypeError, match=r"write \['QXZT'\]"):
        document_findings("The QXZT met.", allow="QXZT")
    assert document_findings("The QXZT met.", allow=["QXZT"]) == []


def test_a_byte_order_mark_is_no_column_for_the_library_as_for_the_command_line(tmp_path: Path) -> None:
    """The command line drops a BOM on reading; a library caller's text may keep it, with the same columns."""
    text = "\ufeffThe QXZT met.\nThe PCSO met.\n"
    path = tmp_path / "minutes.txt"
    path.write_text(text, encoding="utf-8")
    found = [
        (f.code, f.line, f.column)
        for f in check_document(scan(text, Glossary.bundled(), path="m.txt"), Glossary.bundled())
    ]
    result = CliRunner().invoke(cli, ["check", str(path)])
    printed = [tuple(line.split(": ")[0].split(":")[1:3]) for line in result.stdout.splitlines() if ": D" in line]
    assert found == [("D001", 1, 5), ("D001", 2, 5)]
    assert printed == [("1", "5"), ("2", "5")]


def test_a_current_sense_beside_a_superseded_one_is_not_superseded(tmp_path: Path) -> None:
    """The bundled RTA is the Road Traffic Act (current) and Road Traffic Accident (replaced by RTC)."""
    act = "Drivers were prosecuted under section 5 of the RTA for driving offences and insurance.\n"
    accident = "The RTA left two people injured in the collision on the road.\n"
    assert [found.code for found in document_findings(act, Glossary.bundled())] == ["D001"]
    assert [found.code for found in document_findings(accident, Glossary.bundled())] == ["D001", "D006"]
    bundled = Glossary.bundled()
    rows = [Entry("RTA", "Road Traffic Act 1988", line=2), Entry("RTC", "Road Traffic Collision", line=3)]
    assert [found.code for found in check_glossary(rows, "force.csv", reference=bundled)] == []
    rows = [Entry("RTA", "Road Traffic Accidents", line=2)]
    assert [found.code for found in check_glossary(rows, "force.csv", reference=bundled)] == ["G008"]
