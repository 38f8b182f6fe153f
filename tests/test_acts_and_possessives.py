"""Long forms beside what the text writes: an Act's year after its acronym, a possessive of a plural noun."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from acronyms import Entry, Format, Glossary, Options, Style, annotate
from acronyms.cli import cli

ACTS = Glossary.from_entries(
    [
        Entry("PACE", "Police and Criminal Evidence Act 1984"),
        Entry("RIPA", "Regulation of Investigatory Powers Act 2000"),
        Entry("HMICFRS", "His Majesty's Inspectorate of Constabulary and Fire & Rescue Services"),
        Entry("RASSO", "Rape and Serious Sexual Offences"),
        Entry("PCSO", "Police Community Support Officer"),
        Entry("PCC", "Police and Crime Commissioner"),
        Entry("ONS", "Office for National Statistics"),
        Entry("LPT", "Local Policing Team"),
    ],
    name="acts",
)
HTML = Options(format=Format.HTML)
HTML_TOOLTIP = Options(style=Style.TOOLTIP, format=Format.HTML)
MARKDOWN_TOOLTIP = Options(style=Style.TOOLTIP, format=Format.MARKDOWN)
HTML_FOOTNOTE = Options(style=Style.FOOTNOTE, format=Format.HTML)
FOOTNOTE = Options(style=Style.FOOTNOTE)
TEXT = Options()

CASES = [
    (
        "Searches under s.1 PACE 1984 and RIPA 2000.",
        TEXT,
        (
            "Searches under s.1 Police and Criminal Evidence Act (PACE) 1984 and "
            "Regulation of Investigatory Powers Act (RIPA) 2000."
        ),
    ),
    ("Under PACE\u00a01984.", TEXT, "Under Police and Criminal Evidence Act (PACE)\u00a01984."),
    ("Under PACE Act 1984.", TEXT, "Under Police and Criminal Evidence (PACE) Act 1984."),
    ("Under PACE.", TEXT, "Under Police and Criminal Evidence Act 1984 (PACE)."),
    # Only an ending with a year (a number) is left out: `Office for National (ONS) Statistics` names nothing.
    ("ONS Statistics show.", TEXT, "Office for National Statistics (ONS) Statistics show."),
    ("The LPT Team met.", TEXT, "The Local Policing Team (LPT) Team met."),
    ("Under PACE Act.", TEXT, "Under Police and Criminal Evidence (PACE) Act."),
    ("PACE Act powers", TEXT, "Police and Criminal Evidence (PACE) Act powers"),
    ("RIPA Powers.", TEXT, "Regulation of Investigatory Powers Act 2000 (RIPA) Powers."),
    ("PACE Actions", TEXT, "Police and Criminal Evidence Act 1984 (PACE) Actions"),
    ("Under PACE 1986.", TEXT, "Under Police and Criminal Evidence Act 1984 (PACE) 1986."),
    ("Under PACE 19845.", TEXT, "Under Police and Criminal Evidence Act 1984 (PACE) 19845."),
    ("<p>Under PACE&nbsp;1984.</p>", HTML, "<p>Under Police and Criminal Evidence Act (PACE)&nbsp;1984.</p>"),
    (
        "<p>Under PACE 1984.</p>",
        HTML_TOOLTIP,
        (
            '<p>Under Police and Criminal Evidence Act (<abbr title="Police and Criminal Evidence Act 1984">PACE</abbr>)'
            " 1984.</p>"
        ),
    ),
    (
        "Under PACE 1984.\n",
        MARKDOWN_TOOLTIP,
        "Under Police and Criminal Evidence Act (PACE) 1984.\n\n*[PACE]: Police and Criminal Evidence Act 1984\n",
    ),
    (
        "Under PACE 1984.",
        FOOTNOTE,
        "Under PACE[1] 1984.\n\nNotes\n\n[1] PACE: Police and Criminal Evidence Act 1984\n",
    ),
    (
        "The HMICFRS's report.",
        TEXT,
        "The His Majesty's Inspectorate of Constabulary and Fire & Rescue Services' (HMICFRS's) report.",
    ),
    ("The RASSO’s backlog.", TEXT, "The Rape and Serious Sexual Offences’ (RASSO’s) backlog."),
    (
        "<p>The RASSO&rsquo;s backlog.</p>",
        HTML,
        "<p>The Rape and Serious Sexual Offences&rsquo; (RASSO&rsquo;s) backlog.</p>",
    ),
    (
        "<p>The RASSO's backlog.</p>",
        HTML_TOOLTIP,
        (
            "<p>The Rape and Serious Sexual Offences' "
            '(<abbr title="Rape and Serious Sexual Offences">RASSO</abbr>\'s) backlog.</p>'
        ),
    ),
    ("The PCSOs' duties.", TEXT, "The Police Community Support Officers' (PCSOs') duties."),
    ("The PCC's office.", TEXT, "The Police and Crime Commissioner's (PCC's) office."),
]
IDS = [
    "years",
    "no-break-space",
    "act-and-year",
    "nothing-after",
    "not-a-year-statistics",
    "not-a-year-team",
    "act-without-year",
    "act-without-year-then-words",
    "not-the-words-before-the-act",
    "not-a-whole-word",
    "other-year",
    "longer-number",
    "html-nbsp-reference",
    "html-tooltip",
    "markdown-tooltip",
    "footnote-keeps-the-year",
    "possessive-of-plural",
    "curly-possessive-of-plural",
    "html-reference-possessive",
    "html-tooltip-possessive",
    "plural-possessive",
    "possessive-of-singular",
]


@pytest.mark.parametrize(("text", "options", "expected"), CASES, ids=IDS)
def test_long_form_leaves_out_what_the_text_writes(text: str, options: Options, expected: str) -> None:
    assert annotate(text, ACTS, options) == expected


@pytest.mark.parametrize(("text", "options", "expected"), CASES, ids=IDS)
def test_annotating_twice_is_annotating_once(text: str, options: Options, expected: str) -> None:
    assert annotate(expected, ACTS, options) == expected


def test_a_long_form_written_in_full_before_the_year_still_defines_it() -> None:
    text = "Under Police and Criminal Evidence Act 1984 (PACE) 1984; PACE again."
    assert annotate(text, ACTS) == text


def run(*args: str, input: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args), input=input.encode(), catch_exceptions=False)
    return result.exit_code, result.stdout


ACT_LINE = "Searches under s.1 PACE 1984 and RIPA 2000 and the DPA 2018.\n"
ACT_ANNOTATED = (
    "Searches under s.1 Police and Criminal Evidence Act (PACE) 1984 and Regulation of Investigatory Powers Act "
    "(RIPA) 2000 and the Data Protection Act (DPA) 2018.\n"
)
POSSESSIVE_LINE = "The HMICFRS's report on RASSO’s backlog; PCSOs' duties.\n"
POSSESSIVE_ANNOTATED = (
    "The His Majesty's Inspectorate of Constabulary and Fire & Rescue Services' (HMICFRS's) report on "
    "Rape and Serious Sexual Offences’ (RASSO’s) backlog; Police Community Support Officers' (PCSOs') duties.\n"
)


@pytest.mark.parametrize(
    ("line", "annotated", "acronyms"),
    [
        (ACT_LINE, ACT_ANNOTATED, ["PACE", "RIPA", "DPA"]),
        (POSSESSIVE_LINE, POSSESSIVE_ANNOTATED, ["HMICFRS", "RASSO", "PCSO"]),
    ],
    ids=["acts", "possessives"],
)
def test_the_cli_annotates_with_the_bundled_glossary_once(
    tmp_path: Path, line: str, annotated: str, acronyms: list[str]
) -> None:
    assert run("annotate", "-", input=line) == (0, annotated)
    assert run("annotate", "-", input=annotated) == (0, annotated)
    document = tmp_path / "minutes.txt"
    document.write_text(annotated, encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", str(document), "--select", "D001,D003,D005"])
    assert (result.exit_code, result.stdout) == (0, "")
    scanned = CliRunner().invoke(cli, ["scan", str(document)])
    assert scanned.exit_code == 0
    assert [row.split(": ")[1].split(" inline")[0] for row in scanned.stdout.splitlines()] == [
        f"{acronym} (1 use)" for acronym in acronyms
    ]


# An acronym ending in S may take the apostrophe alone for its possessive, as a plural noun does.
CPS = Glossary.from_entries(
    [Entry("CPS", "Crown Prosecution Service"), Entry("PCC", "Police and Crime Commissioner")], name="cps"
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The CPS’ decision was noted.", "The Crown Prosecution Service’s (CPS’) decision was noted."),
        ("The CPS' decision was noted.", "The Crown Prosecution Service's (CPS') decision was noted."),
        ("It was the CPS’.", "It was the Crown Prosecution Service’s (CPS’)."),
        # A quote it closes is no possessive: the quote stays outside the expansion.
        ("Then ‘the CPS’ said no.", "Then ‘the Crown Prosecution Service (CPS)’ said no."),
        ("Then 'the CPS' said no.", "Then 'the Crown Prosecution Service (CPS)' said no."),
        # An acronym that does not end in S takes `’s`: the apostrophe after it closes a quote or stands alone.
        ("The PCC’ decision.", "The Police and Crime Commissioner (PCC)’ decision."),
    ],
)
def test_an_acronym_ending_in_s_takes_the_apostrophe_alone(text: str, expected: str) -> None:
    assert annotate(text, CPS) == expected
    assert annotate(expected, CPS) == expected


def test_check_reads_the_possessive_of_an_acronym_ending_in_s_as_its_definition(tmp_path: Path) -> None:
    path = tmp_path / "note.txt"
    path.write_text("The Crown Prosecution Service’s (CPS’) decision was noted. The CPS agreed.\n", encoding="utf-8")
    scanned = CliRunner().invoke(cli, ["scan", str(path), "--format", "json"], catch_exceptions=False)
    assert '"expansion": "Crown Prosecution Service"' in scanned.stdout
    checked = CliRunner().invoke(cli, ["check", str(path)], catch_exceptions=False)
    assert (checked.exit_code, checked.stdout) == (0, "")


# An irregular plural (the glossary's `plural` column): its possessive takes ’s, and `check` reads what
# annotation writes for it as agreeing with the glossary.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The AGs met.", "The Attorneys General (AGs) met."),
        ("The AGs’ view.", "The Attorneys General’s (AGs’) view."),
        ("The PCSOs’ shifts.", "The Police Community Support Officers’ (PCSOs’) shifts."),
    ],
)
def test_an_irregular_plural_and_its_possessive_pass_check(tmp_path: Path, text: str, expected: str) -> None:
    bundled = Glossary.bundled()
    assert annotate(text, bundled) == expected
    assert annotate(expected, bundled) == expected
    path = tmp_path / "note.txt"
    path.write_text(expected + "\n", encoding="utf-8")
    checked = CliRunner().invoke(cli, ["check", str(path)], catch_exceptions=False)
    assert (checked.exit_code, checked.stdout) == (0, "")
