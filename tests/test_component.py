"""The spaCy component: entry point, spans and expansions, serialisation, DocBin, multiprocessing."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import DocBin

import acronyms.component  # noqa: F401  (registers the extensions for docs read back from DocBin)
from acronyms.errors import GlossaryError

TEXT = "The PCSOs met Matthew Ellis (ME). Thieves stole the CC for its metal. See www.x.org/SNP."


def pipeline(**config: object) -> Language:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("acronyms", config=config)
    return nlp


def described(doc: spacy.tokens.Doc) -> list[tuple[str, str, str | None]]:
    return [(span.text, span.label_, span._.expansion) for span in doc._.acronyms]


EXPECTED = [
    ("PCSOs", "PCSO", "Police Community Support Officer"),
    ("ME", "ME", "Matthew Ellis"),
    ("CC", "CC", "Catalytic Converter"),
]


def test_add_pipe_works_in_a_fresh_interpreter_without_importing_the_package() -> None:
    script = (
        "import sys, spacy\n"
        "assert 'acronyms' not in sys.modules\n"
        "nlp = spacy.blank('en')\n"
        "nlp.add_pipe('acronyms')\n"
        "doc = nlp('The PCC met the PCSOs.')\n"
        "print([(s.text, s._.expansion) for s in doc.spans['acronyms']])\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True, cwd="/")
    assert (
        result.stdout == "[('PCC', 'Police and Crime Commissioner'), ('PCSOs', 'Police Community Support Officer')]\n"
    )


def test_spans_carry_acronym_and_expansion() -> None:
    doc = pipeline()(TEXT)
    assert described(doc) == EXPECTED
    assert [span.text for span in doc.spans["acronyms"]] == ["PCSOs", "ME", "CC"]


def test_spans_key_and_definitions_are_configurable() -> None:
    doc = pipeline(spans_key="abbr", include_definitions=False)(TEXT)
    assert "acronyms" not in doc.spans
    assert [span.text for span in doc.spans["abbr"]] == ["PCSOs", "CC"]
    assert described(doc) == [EXPECTED[0], EXPECTED[2]]


def test_ambiguous_acronyms_are_spans_without_an_expansion() -> None:
    doc = pipeline()("We wrote to the CC.")
    assert described(doc) == [("CC", "CC", None)]


def test_hits_that_are_not_whole_tokens_or_in_headings_are_not_spans() -> None:
    doc = pipeline()("IT WAS AGREED THAT THE PCC WOULD RESPOND\nReference A-ACC-7 logged.")
    assert described(doc) == []


def test_own_glossary_layers(tmp_path: Path) -> None:
    glossary = tmp_path / "force.csv"
    glossary.write_text("acronym,expansion\nSNP,Safer Neighbourhood Panels\n", encoding="utf-8")
    doc = pipeline(glossaries=[str(glossary)], bundled=False)("The SNP and the PCC met.")
    assert described(doc) == [("SNP", "SNP", "Safer Neighbourhood Panels")]


def test_pipeline_saves_and_loads_with_its_glossary(tmp_path: Path) -> None:
    glossary = tmp_path / "force.csv"
    glossary.write_text("acronym,expansion\nSNP,Safer Neighbourhood Panels\n", encoding="utf-8")
    pipeline(glossaries=[str(glossary)]).to_disk(tmp_path / "saved")
    glossary.unlink()
    script = (
        "import sys, spacy\n"
        f"nlp = spacy.load({str(tmp_path / 'saved')!r})\n"
        "doc = nlp('The SNP met the PCSO.')\n"
        "print([(s.text, s._.expansion) for s in doc.spans['acronyms']])\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True, cwd="/")
    assert result.stdout == "[('SNP', 'Safer Neighbourhood Panels'), ('PCSO', 'Police Community Support Officer')]\n"


def test_component_to_disk_and_from_disk(tmp_path: Path) -> None:
    component = pipeline(bundled=False, glossaries=[]).get_pipe("acronyms")
    assert len(component.glossary) == 0
    pipeline().get_pipe("acronyms").to_disk(tmp_path)
    assert len(component.from_disk(tmp_path).glossary) > 250


def test_docs_survive_docbin() -> None:
    docs = DocBin(docs=[pipeline()(TEXT)]).to_bytes()
    (restored,) = DocBin().from_bytes(docs).get_docs(spacy.blank("en").vocab)
    assert described(restored) == EXPECTED


def test_pipe_with_two_processes() -> None:
    texts = [TEXT, "The PCC met the ACC.", "Nothing here."] * 4
    docs = list(pipeline().pipe(texts, n_process=2, batch_size=2))
    assert [described(doc) for doc in docs] == [described(doc) for doc in map(pipeline(), texts)]
    assert described(docs[1]) == [
        ("PCC", "PCC", "Police and Crime Commissioner"),
        ("ACC", "ACC", "Assistant Chief Constable"),
    ]


def test_works_without_a_sentencizer() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("acronyms")
    text = "We wrote to the CC.\n\nThieves stole the CC for its metal. The CC was found."
    doc = nlp(text)
    assert described(doc) == [
        ("CC", "CC", None),
        ("CC", "CC", "Catalytic Converter"),
        ("CC", "CC", "Catalytic Converter"),
    ]
    assert described(doc) == described(pipeline()(text))
    assert not doc.has_annotation("SENT_START")  # the component leaves the document's sentences alone


def test_a_bad_glossary_path_is_an_error_naming_the_file(tmp_path: Path) -> None:
    """Reported at the first document: a saved pipeline is built without its glossary files, then reads its copy."""
    nlp = spacy.blank("en")
    nlp.add_pipe("acronyms", config={"glossaries": [str(tmp_path / "missing.csv")]})
    with pytest.raises(GlossaryError, match=r"missing\.csv: cannot read glossary"):
        nlp("The SNP met.")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "The Quick Widget Team (QWT) met. The QWT left.\n\nGlossary\n\nQWT\tQuick Widget Team\n",
            [("QWT", "QWT", "Quick Widget Team")] * 2,
            id="in-the-glossary-section",
        ),
        pytest.param(
            "The Police and Crime Commissioner's (PCC's) office.",
            [("PCC's", "PCC", "Police and Crime Commissioner")],
            id="possessive",
        ),
    ],
)
def test_a_definition_the_glossary_pass_found_is_one_span(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert described(pipeline()(text)) == expected


def test_a_possessive_definition_is_labelled_with_its_acronym() -> None:
    doc = pipeline()("The Quick Widget Team’s (QWT’s) report and the Widget Audit Teams' (WAT's) view.")
    assert described(doc) == [("QWT’s", "QWT", "Quick Widget Team"), ("WAT's", "WAT", "Widget Audit Teams")]


def test_pipeline_bytes_carry_the_glossary(tmp_path: Path) -> None:
    """`nlp.to_bytes()` holds the glossary read, as `nlp.to_disk()` does: not the file as it is later, nor none."""
    glossary = tmp_path / "force.csv"
    glossary.write_text("acronym,expansion\nSNP,Safer Neighbourhood Panels\n", encoding="utf-8")
    nlp = pipeline(glossaries=[str(glossary)], bundled=False)
    data = nlp.to_bytes()
    glossary.write_text("acronym,expansion\nSNP,Scottish National Party\n", encoding="utf-8")
    assert described(type(nlp).from_config(nlp.config).from_bytes(data)("The SNP met.")) == [
        ("SNP", "SNP", "Safer Neighbourhood Panels")
    ]
    glossary.unlink()
    assert described(type(nlp).from_config(nlp.config).from_bytes(data)("The SNP met.")) == [
        ("SNP", "SNP", "Safer Neighbourhood Panels")
    ]


def test_a_sentence_of_the_pipeline_does_not_run_on_past_a_blank_line() -> None:
    """spaCy's sentencizer splits only at sentence punctuation: an agenda item without it is still its own paragraph."""
    text = "Item 4: a letter from the CC\n\nItem 5: metal theft from cars rose."
    nlp = spacy.blank("en")
    nlp.add_pipe("acronyms")
    assert described(pipeline()(text)) == described(nlp(text)) == [("CC", "CC", None)]
