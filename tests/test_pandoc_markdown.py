"""Markdown that pandoc writes from Word minutes (`pandoc minutes.docx -o minutes.md`): its tables laid out in columns.

The texts are pandoc 3.9's output, copied here so that no test needs pandoc.
"""

from __future__ import annotations

from acronyms import Format, Glossary, GlossaryMode, Options, annotate
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
