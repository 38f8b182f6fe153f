"""What context costs and what it saves: speed of --context off/auto/full and the spaCy component.

On the same minutes-like corpus as `benchmarks/speed.py` (bundled glossary),
prints MB/s of a plain scan (`find`), `annotate` with `--context off` (the
glossary alone: the plain annotate), `auto` and `full`, and the spaCy pipeline
component (`spacy.blank("en")`, sentencizer, `acronyms`) over the same text,
then the ratio auto/off against the target of issue 4 (at most 1.5).

Then counts false expansions on the tricky sentences of `tests/data/tricky.json`
(headings in capitals, Roman numerals, times, codes, ambiguous senses) with
context off and auto: an expansion is false when its acronym and expansion
are not among the case's correct ones; a missed one is a correct expansion
that was not made.

    python benchmarks/context.py [--size 1] [--repeats 3]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from speed import MB, best_times, generate_corpus, load_note

from acronyms import Action, Entry, Glossary, Options, annotation, find
from acronyms.context import ContextMode

TRICKY = Path(__file__).resolve().parent.parent / "tests" / "data" / "tricky.json"
AUTO_TARGET = 1.5  # auto costs at most 1.5 times the plain annotate


def speeds(size: int, repeats: int) -> dict[str, float]:
    """MB/s of each way of reading the corpus."""
    import spacy

    glossary = Glossary.bundled()
    text = generate_corpus(glossary, size * MB).text(size * MB)
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("acronyms")
    nlp.max_length = len(text) + 1
    paragraphs = text.split("\n\n")
    annotation(text, glossary, Options(context=ContextMode.FULL))  # load spaCy once, outside the timings
    nlp(paragraphs[0])
    actions = {
        "scan (find)": lambda: find(text, glossary),
        "annotate --context off": lambda: annotation(text, glossary, Options(context=ContextMode.OFF)),
        "annotate --context auto": lambda: annotation(text, glossary, Options(context=ContextMode.AUTO)),
        "annotate --context full": lambda: annotation(text, glossary, Options(context=ContextMode.FULL)),
        "spaCy component (nlp.pipe)": lambda: list(nlp.pipe(paragraphs)),
    }
    megabytes = len(text.encode("utf-8")) / MB
    return {name: megabytes / seconds for name, seconds in best_times(actions, repeats).items()}


def false_expansions(mode: ContextMode) -> tuple[int, int, int]:
    """False expansions, missed expansions and correct ones over the tricky sentences."""
    data: dict[str, Any] = json.loads(TRICKY.read_text(encoding="utf-8"))
    extra = Glossary.from_entries([Entry(acronym, expansion) for acronym, expansion in data["extra"]])
    glossary = Glossary.layered([Glossary.bundled(), extra])
    false = missed = right = 0
    for case in data["cases"]:
        wanted = {tuple(pair) for pair in case["expansions"]}
        made = {
            (d.match.acronym, d.entry.expansion)
            for d in annotation(case["text"], glossary, Options(context=mode)).decisions
            if d.action is Action.EXPAND and d.entry is not None
        }
        false += len(made - wanted)
        missed += len(wanted - made)
        right += len(made & wanted)
    return false, missed, right


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--size", type=int, default=1, help="corpus size in MB (default 1)")
    parser.add_argument("--repeats", type=int, default=3, help="best of this many rounds (default 3)")
    args = parser.parse_args(argv)
    print(load_note())
    print(f"Corpus: {args.size} MB from benchmarks/speed.py, bundled glossary; best of {args.repeats}\n")
    results = speeds(args.size, args.repeats)
    for name, rate in results.items():
        print(f"  {name:<30} {rate:8.2f} MB/s")
    ratio = results["annotate --context off"] / results["annotate --context auto"]
    verdict = "ok  " if ratio <= AUTO_TARGET else "MISS"
    print(f"\n{verdict} auto costs {ratio:.2f}x the plain annotate (--context off); target at most {AUTO_TARGET}x\n")
    cases = len(json.loads(TRICKY.read_text(encoding="utf-8"))["cases"])
    print(f"Tricky sentences ({cases} cases in tests/data/tricky.json):")
    for mode in (ContextMode.OFF, ContextMode.AUTO):
        false, missed, right = false_expansions(mode)
        print(f"  --context {mode.value:<5} false expansions {false:3d}   missed {missed:3d}   correct {right:3d}")


if __name__ == "__main__":
    main()
