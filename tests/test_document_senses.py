"""The sense a document settles for an ambiguous acronym (bundled glossary: PND, DV and CC have several senses).

A definition the document writes itself, anywhere in it, or a row of its glossary section that
names one of the senses, decides the sense of every use; the context decides only what they leave open.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from acronyms import Glossary
from acronyms.cli import cli
from acronyms.planner import plan

PND_NOTED = "The guidance on PND was noted: the penalty notice for disorder (PND) scheme is under review.\n"
PND_SEARCH = (
    "A PND search was noted: the penalty notice for disorder (PND) scheme is under review. The SNP met.\n"
    "\nGlossary\n\nSNP\tSafer Neighbourhood Panel\n"
)


def run(*args: str, input: str | None = None) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)
    return result.exit_code, result.stdout


def annotate_twice(text: str, *args: str) -> str:
    """Annotate `text` from stdin and check that annotating the result again changes nothing."""
    code, once = run("annotate", *args, "-", input=text)
    assert code == 0
    assert run("annotate", *args, "-", input=once) == (0, once)
    return once


def test_a_lower_case_definition_later_in_the_text_gives_the_first_use_its_sense() -> None:
    assert annotate_twice(PND_NOTED) == (
        "The guidance on Penalty Notice for Disorder (PND) was noted:"
        " the penalty notice for disorder (PND) scheme is under review.\n"
    )


def test_a_later_definition_outweighs_the_words_of_the_first_uses_sentence() -> None:
    assert annotate_twice(PND_SEARCH).startswith(
        "A Penalty Notice for Disorder (PND) search was noted: the penalty notice for disorder (PND) scheme"
    )


def test_the_generated_glossary_section_lists_the_sense_annotation_used() -> None:
    assert annotate_twice(PND_SEARCH, "--glossary-section", "replace").endswith(
        "\nGlossary\n\nPND\tPenalty Notice for Disorder\nSNP\tSafer Neighbourhood Panel\n"
    )


def test_glossary_used_in_lists_the_sense_annotation_used(tmp_path: Path) -> None:
    document = tmp_path / "minutes.txt"
    document.write_text(PND_SEARCH)
    code, output = run("glossary", "--used-in", str(document))
    assert code == 0
    assert [line.split(",")[:2] for line in output.splitlines()[1:]] == [
        ["PND", "Penalty Notice for Disorder"],
        ["SNP", "Safer Neighbourhood Panel"],
    ]


def test_a_definition_annotation_could_have_written_does_not_reach_back() -> None:
    # Annotation writes `Developed Vetting (DV)` itself: read back, it must not decide the use before it.
    text = "The DV figures were noted.\n\nThe Developed Vetting (DV) figures rose.\n"
    assert annotate_twice(text) == text


SECTION_TEXT = (
    "Minutes\n\nThe DV figures were noted.\n\nThe board discussed DV again. Victims of DV were supported.\n"
    "\nGlossary\n\nDV\tDomestic Violence\n"
)
SECTION_MARKDOWN = (
    "# Minutes\n\nThe DV figures were noted.\n\nThe board discussed DV again.\n\n## Glossary\n\n"
    "- **DV**: domestic violence\n"
)
SECTION_OVER_CONTEXT = (
    "Minutes\n\nThe DV figures were noted.\n\nVetting: DV was discussed.\n\nGlossary\n\nDV\tDomestic Violence\n"
)


@pytest.mark.parametrize(
    ("text", "args", "expected"),
    [
        (
            SECTION_TEXT,
            (),
            (
                "Minutes\n\nThe Domestic Violence (DV) figures were noted.\n\n"
                "The board discussed DV again. Victims of DV were supported.\n\nGlossary\n\nDV\tDomestic Violence\n"
            ),
        ),
        (
            SECTION_MARKDOWN,
            ("--format", "markdown"),
            (
                "# Minutes\n\nThe Domestic Violence (DV) figures were noted.\n\nThe board discussed DV again.\n\n"
                "## Glossary\n\n- **DV**: domestic violence\n"
            ),
        ),
        (
            SECTION_OVER_CONTEXT,
            ("--every-use",),
            (
                "Minutes\n\nThe Domestic Violence (DV) figures were noted.\n\n"
                "Vetting: Domestic Violence (DV) was discussed.\n\nGlossary\n\nDV\tDomestic Violence\n"
            ),
        ),
    ],
    ids=["text", "markdown-list", "every-use-over-context"],
)
def test_a_glossary_section_row_naming_one_sense_settles_it(text: str, args: tuple[str, ...], expected: str) -> None:
    assert annotate_twice(text, *args) == expected


def test_a_definition_after_the_first_use_gives_it_its_sense() -> None:
    text = "The DV figures were noted.\n\nThe domestic violence (DV) figures rose.\n"
    assert annotate_twice(text) == (
        "The Domestic Violence (DV) figures were noted.\n\nThe domestic violence (DV) figures rose.\n"
    )


@pytest.mark.parametrize("mode", ["append", "replace"])
def test_the_sense_a_written_glossary_section_settles_is_settled_on_the_first_run(tmp_path: Path, mode: str) -> None:
    """The section annotation appends names CFO's sense; the next run would read it as the document's own."""
    document = tmp_path / "m.md"
    document.write_text(
        "Apologies from the CFO.\n\nThe Chief Finance Officer (CFO) presented the budget.\n", encoding="utf-8"
    )
    once = CliRunner().invoke(cli, ["annotate", str(document), "--glossary-section", mode])
    assert once.exit_code == 0
    assert once.output.startswith("Apologies from the Chief Finance Officer (CFO).\n")
    document.write_text(once.output, encoding="utf-8")
    twice = CliRunner().invoke(cli, ["annotate", str(document), "--glossary-section", mode])
    assert twice.output == once.output


def test_a_later_section_takes_the_sense_an_earlier_expansion_gave() -> None:
    """With first use counted per section, the expansion written in the first section is the document's
    definition to the next run, which gives its sense to a use of a later section that the context leaves open
    (`council` and `PCC` pull two ways there). This run does the same."""
    text = "The PCC and the CC met.\n\n# Later\n\nThe CC and the council.\n"
    assert annotate_twice(text, "--first-use", "section") == (
        "The Police and Crime Commissioner (PCC) and the Chief Constable (CC) met.\n\n# Later\n\n"
        "The Chief Constable (CC) and the council.\n"
    )


def test_the_glossary_section_and_notes_are_no_context() -> None:
    """A row `CC<tab>Chief Constable` says nothing of a `DC` beside it: annotation writes such rows and notes
    (`--glossary-section`, footnotes), and their words would decide a sense on the next run that this one left open."""
    text = "Glossary\nCC\tChief Constable\nThe DC spoke.\n"
    assert annotate_twice(text) == text
    (dc,) = [decision for decision in plan(text, Glossary.bundled()).decisions if decision.match.acronym == "DC"]
    assert (dc.action.value, dc.reason) == ("skip", "ambiguous: 2 senses and the context does not decide")
    replaced = "Glossary\nC\tPolice\ncouncil PCC\nDC CC"
    assert annotate_twice(replaced, "--style", "footnote", "--glossary-section", "replace").startswith(
        "Glossary\nDC\tDistrict Council\nPCC\tPolice and Crime Commissioner\ncouncil PCC[1]\nDC[2] CC\n"
    )
