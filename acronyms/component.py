"""The `acronyms` spaCy pipeline component: acronyms as spans, each with its expansion.

Registered through the `spacy_factories` entry point, so `nlp.add_pipe("acronyms")`
works without importing this package first. The component finds the glossary's
acronyms (and, optionally, the definitions the document makes itself), decides
with the same context rules as annotation, using the pipeline's own tokens,
sentences and lemmas, and writes the spans to `doc.spans["acronyms"]` (the key
is configurable). Each span is labelled with its acronym; its `kb_id_` holds the
chosen expansion (empty when the context does not decide between senses).
`Span._.expansion` and `Doc._.acronyms` are getters over that group.

>>> import spacy
>>> nlp = spacy.blank("en")
>>> _ = nlp.add_pipe("sentencizer")
>>> _ = nlp.add_pipe("acronyms")
>>> doc = nlp("The PCSOs met Matthew Ellis (ME). Thieves stole the CC for its metal.")
>>> [(span.text, span.label_, span._.expansion) for span in doc._.acronyms]
[('PCSOs', 'PCSO', 'Police Community Support Officer'), ('ME', 'ME', 'Matthew Ellis'), ('CC', 'CC', 'Catalytic Converter')]
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, SpanGroup

from .context import ContextMode
from .definitions import find_inline_definitions
from .glossary import Glossary
from .planner import Action, Options, plan
from .positions import lf_view
from .scan import singular_owner

GROUP_MARK = "acronyms"  # a span group attribute naming groups this component wrote
GLOSSARY_FILE = "glossary.csv"


@Language.factory(
    "acronyms",
    default_config={"glossaries": [], "bundled": True, "spans_key": "acronyms", "include_definitions": True},
)
def make_acronyms(
    nlp: Language, name: str, glossaries: list[str], bundled: bool, spans_key: str, include_definitions: bool
) -> AcronymsComponent:
    """The factory behind `nlp.add_pipe("acronyms", config={...})`."""
    return AcronymsComponent(
        nlp, name, glossaries=glossaries, bundled=bundled, spans_key=spans_key, include_definitions=include_definitions
    )


class AcronymsComponent:
    """Finds acronyms and their expansions; see the module docstring."""

    def __init__(
        self,
        nlp: Language,
        name: str = "acronyms",
        *,
        glossaries: Iterable[str] = (),
        bundled: bool = True,
        spans_key: str = "acronyms",
        include_definitions: bool = True,
    ) -> None:
        self.name = name
        self.spans_key = spans_key
        self.include_definitions = include_definitions
        self.glossary_paths = tuple(glossaries)
        self.bundled = bundled
        # Read on first use, not here: `spacy.load` builds a saved pipeline through this same
        # constructor, and its glossary comes from the saved copy (`from_disk`), the files may be gone.
        self._glossary: Glossary | None = None
        self.options = Options(every_use=True, context=ContextMode.FULL)

    def _read_glossaries(self) -> Glossary:
        layers = [Glossary.bundled()] if self.bundled else []
        return Glossary.layered(layers + [Glossary.from_csv(path) for path in self.glossary_paths])

    @property
    def glossary(self) -> Glossary:
        """The layered glossary: bundled (unless left out), then each configured file."""
        if self._glossary is None:
            self._glossary = self._read_glossaries()
        return self._glossary

    def __call__(self, doc: Doc) -> Doc:
        spans = list(self._glossary_spans(doc))
        if self.include_definitions:
            # A definition the glossary pass has a span for already (the document's glossary section defines its
            # acronym too, or `PCC's` defines the glossary's `PCC`) is the same hit: one span for it, the glossary's.
            found = {(span.start, span.end) for span in spans}
            spans += [span for span in self._definition_spans(doc) if (span.start, span.end) not in found]
        spans.sort(key=lambda span: (span.start_char, span.end_char))
        doc.spans[self.spans_key] = SpanGroup(doc, name=self.spans_key, attrs={GROUP_MARK: True}, spans=spans)
        return doc

    def _glossary_spans(self, doc: Doc) -> Iterable[Span]:
        for decision in plan(doc.text, self.glossary, self.options, doc=doc).decisions:
            ambiguous = decision.action is Action.SKIP and decision.reason.startswith("ambiguous")
            if decision.entry is None and not ambiguous:
                continue  # inside a URL or tag, or not an acronym here
            span = doc.char_span(decision.match.start, decision.match.end)
            if span is not None:
                expansion = decision.entry.expansion if decision.entry else ""
                yield Span(doc, span.start, span.end, label=decision.match.acronym, kb_id=expansion)

    def _definition_spans(self, doc: Doc) -> Iterable[Span]:
        text = lf_view(doc.text)
        for definition in (singular_owner(found, text) for found in find_inline_definitions(text)):
            if definition.acronym in self.glossary:
                continue  # the glossary pass has it, in the glossary's sense or the document's
            span = doc.char_span(definition.short_start, definition.short_end)
            if span is not None:
                yield Span(doc, span.start, span.end, label=definition.acronym, kb_id=definition.expansion)

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        """The layered glossary as CSV, so `nlp.to_bytes()` carries it as `nlp.to_disk()` does."""
        stream = io.StringIO()
        self.glossary.write_csv(stream)
        return stream.getvalue().encode("utf-8")

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = ()) -> AcronymsComponent:
        """Load the glossary saved by `to_bytes`."""
        self._glossary = Glossary.from_text(data.decode("utf-8"), name=f"{self.name} (from bytes)")
        return self

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        """Save the layered glossary, so the pipeline loads anywhere without the original files."""
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        with (path / GLOSSARY_FILE).open("w", encoding="utf-8", newline="") as stream:
            self.glossary.write_csv(stream)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> AcronymsComponent:
        """Load the glossary saved by `to_disk`."""
        self._glossary = Glossary.from_csv(Path(path) / GLOSSARY_FILE)
        return self


def _acronyms(doc: Doc) -> list[Span]:
    """Every span in the span groups this component wrote, in text order."""
    groups = [group for group in doc.spans.values() if group.attrs.get(GROUP_MARK)]
    return sorted((span for group in groups for span in group), key=lambda span: (span.start_char, span.end_char))


def _expansion(span: Span) -> str | None:
    return span.kb_id_ or None


def _register(obj: type[Any], name: str, getter: Callable[[Any], Any]) -> None:
    if not obj.has_extension(name):
        obj.set_extension(name, getter=getter)


_register(Doc, "acronyms", _acronyms)
_register(Span, "expansion", _expansion)
