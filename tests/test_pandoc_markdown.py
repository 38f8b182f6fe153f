"""Markdown that pandoc writes from Word minutes (`pandoc minutes.docx -o minutes.md`): its tables laid out in columns.

The texts are pandoc 3.9's output, copied here so that no test needs pandoc.
"""

from __future__ import annotations

import pytest

from acronyms import Format, Glossary, GlossaryMode, Options, Style, annotate
from acronyms.sections import find_glossary_section

# A Word table under a `Glossary` heading, as `pandoc -t markdown` writes it: a multiline table whose long
# expansions wrap onto lines of their own, under the expansion's column.
MULTILINE_GLOSSARY = """\
The SNP and the APCC met.

# Glossary

  -----------------------------------------------------------------------
  Acronym                             Meaning
  ----------------------------------- -----------------------------------
  ACC                                 Assistant Chief Constable

  APCC                                Association of Police and Crime
                                      Commissioners

  SNP                                 Safer Neighbourhood Panels
  -----------------------------------------------------------------------

[^1]: LPT areas as defined in the Police and Crime Plan.
"""


def test_a_pandoc_multiline_table_is_the_glossary_section() -> None:
    section = find_glossary_section(MULTILINE_GLOSSARY, Format.MARKDOWN)
    assert section is not None
    assert [(row.acronym, row.expansion, row.line) for row in section.rows] == [
        ("ACC", "Assistant Chief Constable", 8),
        ("APCC", "Association of Police and Crime Commissioners", 10),
        ("SNP", "Safer Neighbourhood Panels", 13),
    ]


def test_a_pandoc_multiline_glossary_is_not_annotated_and_lends_its_rows() -> None:
    out = annotate(MULTILINE_GLOSSARY, Glossary.bundled(), Options(format=Format.MARKDOWN))
    assert out == MULTILINE_GLOSSARY.replace(
        "The SNP and the APCC met.",
        "The Safer Neighbourhood Panel (SNP) and the Association of Police and Crime Commissioners (APCC) met.",
    )


def test_rows_appended_to_a_pandoc_multiline_table_keep_its_columns() -> None:
    text = MULTILINE_GLOSSARY.replace("The SNP and the APCC met.", "The SNP, the CJ board and the NSPCC met.")
    options = Options(format=Format.MARKDOWN, glossary_section=GlossaryMode.APPEND)
    out = annotate(text, Glossary.bundled(), options)
    assert "\n  CJ                                  Criminal Justice\n" in out
    assert "\n  NSPCC                               National Society for the Prevention of Cruelty to Children\n" in out
    assert annotate(out, Glossary.bundled(), options) == out


# The minutes' actions, a Word table, as `pandoc -t markdown` writes it: a multiline table, each cell's words
# under its column's dashes.
MULTILINE_ACTIONS = """\
# Actions

  -----------------------------------------------------------------------
  Action No               Actions Outstanding and Who
                          Arising From This       
                          Meeting                 
  ----------------------- ----------------------- -----------------------
  019                     [Missing                NB
                          persons]{.underline} -- 
                          It was agreed that a    
                          deep dive would be      
                          carried out by the SNP. 
  -----------------------------------------------------------------------

The SNP will report back.
"""

# A table whose cells hold paragraphs or lists, as `pandoc -t markdown` writes it: a grid table.
GRID_ITEMS = """\
+-----------------------+-----------------------+-----------------------+
| Item                  | Discussion            | Who                   |
+=======================+=======================+=======================+
| 2 A                   | The SNP met the NPT.  | NB                    |
|                       |                       |                       |
|                       | - Missing Persons     |                       |
+-----------------------+-----------------------+-----------------------+

The SNP and the NPT will report back.
"""

SIMPLE_ITEMS = """\
  Item   Discussion                      Who
  ------ ------------------------------- -----
  1      The SNP met.                    NB

The SNP will report back.
"""


@pytest.mark.parametrize("text", [MULTILINE_ACTIONS, GRID_ITEMS, SIMPLE_ITEMS], ids=["multiline", "grid", "simple"])
@pytest.mark.parametrize("style", [Style.INLINE, Style.FOOTNOTE, Style.TOOLTIP], ids=lambda style: style.value)
def test_a_pandoc_table_laid_out_in_columns_is_left_as_it_is(text: str, style: Style) -> None:
    out = annotate(text, Glossary.bundled(), Options(format=Format.MARKDOWN, style=style))
    table_end = text.index("\n\n", text.index("--")) if text.startswith("#") else text.index("\n\n")
    assert out[:table_end] == text[:table_end]
    assert out != text  # the use after the table is annotated
    if style is not Style.FOOTNOTE:
        assert "Safer Neighbourhood Panel (SNP) will report back" in out or "Panel (SNP) and" in out


# Straight quotes in Word, as `pandoc -t markdown` writes them: escaped, so that pandoc does not curl them.
ESCAPED_QUOTES = 'The PCC\\\'s team and \\"SNP\\" met the NPT\\.\n'


@pytest.mark.parametrize(
    ("style", "expected"),
    [
        (
            Style.INLINE,
            (
                "The Police and Crime Commissioner's (PCC\\'s) team and \\\"Safer Neighbourhood Panel (SNP)\\\" met the "
                "Neighbourhood Policing Team (NPT)\\.\n"
            ),
        ),
        (Style.FOOTNOTE, 'The PCC\\\'s[^PCC] team and \\"SNP[^SNP]\\" met the NPT[^NPT]\\.\n'),
    ],
    ids=["inline", "footnote"],
)
def test_an_acronym_beside_a_backslash_escape_is_read_as_beside_the_character(style: Style, expected: str) -> None:
    options = Options(format=Format.MARKDOWN, style=style)
    out = annotate(ESCAPED_QUOTES, Glossary.bundled(), options)
    assert out.partition("\n")[0] + "\n" == expected
    assert annotate(out, Glossary.bundled(), options) == out


# Word paragraphs typed `ACRONYM<tab>Expansion` under a `Glossary` heading, as `pandoc -t markdown` writes them:
# the tab becomes a space.
SPACED_GLOSSARY = """\
The SNP and the CJ board met.

# Glossary

ACC Assistant Chief Constable

ToMV Theft of Motor Vehicle

SNP Safer Neighbourhood Panels

[^1]: LPT areas as defined in the Police and Crime Plan.
"""


def test_paragraphs_with_one_space_under_a_glossary_heading_are_its_rows_in_markdown() -> None:
    section = find_glossary_section(SPACED_GLOSSARY, Format.MARKDOWN)
    assert section is not None
    assert [(row.acronym, row.expansion, row.line) for row in section.rows] == [
        ("ACC", "Assistant Chief Constable", 5),
        ("ToMV", "Theft of Motor Vehicle", 7),
        ("SNP", "Safer Neighbourhood Panels", 9),
    ]
    assert find_glossary_section("# Glossary\n\nSee the force website.\n", Format.MARKDOWN) is None


def test_rows_appended_among_one_space_paragraphs_are_written_so() -> None:
    options = Options(format=Format.MARKDOWN, glossary_section=GlossaryMode.APPEND)
    out = annotate(SPACED_GLOSSARY, Glossary.bundled(), options)
    assert "\n\nACC Assistant Chief Constable\n\nCJ Criminal Justice\n\nToMV Theft" in out
    assert out.count("Glossary") == 1
    assert annotate(out, Glossary.bundled(), options) == out


def test_an_acronym_before_a_hard_line_break_is_read() -> None:
    text = "Present:\\\nThe Chair of the SNP\\\nThe NPT lead\n"  # Word's Shift+Enter, as pandoc writes it
    out = annotate(text, Glossary.bundled(), Options(format=Format.MARKDOWN))
    assert (
        out
        == "Present:\\\nThe Chair of the Safer Neighbourhood Panel (SNP)\\\nThe Neighbourhood Policing Team (NPT) lead\n"
    )
    assert annotate(out, Glossary.bundled(), Options(format=Format.MARKDOWN)) == out


def test_a_line_of_prose_after_one_space_rows_is_no_row() -> None:
    """A row with one space is read only when its expansion starts with its acronym's first letter: a note after
    the rows (`NB The rows…`) is prose, not a row defining NB, which `check` would report as never used."""
    text = SPACED_GLOSSARY.replace("\n[^1]", "\nNB The rows above are the force's own.\n\n[^1]")
    section = find_glossary_section(text, Format.MARKDOWN)
    assert section is not None
    assert [row.acronym for row in section.rows] == ["ACC", "ToMV", "SNP"]
