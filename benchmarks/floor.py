"""How fast could annotation be in pure Python? The least work an inline annotation does, timed.

`annotate` misses issue 2's target of a third of the bare scan's speed with the
50,000-entry synthetic glossary of `speed.py`, where nearly every hit is the
first use of its acronym. This prints, on the same corpus, MB/s of

1. the bare scan (the matcher's automaton, every hit consumed in a Python loop);
2. `find`;
3. the floor: `find`, then per hit only what any annotation must do (look the
   acronym up, run the context rules on first uses, make a `Decision`, make
   the two insertions of an expansion), then the joined text; no protected
   regions, definitions, senses, glossary section or prose;
4. `annotate` itself;

so that the gap between `annotate` and the target can be told apart from the
cost of doing the job in Python at all.

    python benchmarks/floor.py [--glossary bundled|synthetic] [--repeats 9]
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from speed import MB, bare_scan, best_times, generate_corpus, synthetic_entries

from acronyms import Glossary, annotate, find
from acronyms.context import needs_tokens, not_an_acronym
from acronyms.edits import Insertion, apply_edits
from acronyms.matcher import matcher_for
from acronyms.planner import Action, Decision


def floor(text: str, glossary: Glossary) -> str:
    """The least an inline annotation does: find, judge each first use by the rules, expand it."""
    introduced: set[str] = set()
    decisions: list[Decision] = []
    insertions: list[Insertion] = []
    for match in find(text, glossary):
        if match.acronym in introduced:
            decisions.append(Decision(match, Action.KEEP, "already introduced"))
            continue
        entry = glossary.lookup(match.acronym)[0]
        if not_an_acronym(text, match.start, match.end) is None and not needs_tokens(text, match):
            introduced.add(match.acronym)
            decisions.append(Decision(match, Action.EXPAND, "first use", entry))
            insertions += [Insertion(match.start, f"{entry.expansion} ("), Insertion(match.end, ")")]
    return apply_edits(text, insertions)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--glossary", choices=("bundled", "synthetic"), default="synthetic")
    parser.add_argument("--repeats", type=int, default=9)
    args = parser.parse_args()
    glossary = (
        Glossary.bundled()
        if args.glossary == "bundled"
        else Glossary.from_entries(synthetic_entries(), name="synthetic")
    )
    text = generate_corpus(glossary, MB).text(MB)
    automaton = matcher_for(glossary).automaton
    annotate(text[:2000], glossary)  # loads what annotation loads once
    megabytes = len(text.encode("utf-8")) / MB
    actions: dict[str, Callable[[], object]] = {  # each once a round, in interleaved rounds
        "bare scan": lambda: bare_scan(automaton, text),
        "find": lambda: find(text, glossary),
        "floor (find + rules + expansions)": lambda: floor(text, glossary),
        "annotate": lambda: annotate(text, glossary),
    }
    times = best_times(actions, args.repeats)
    print(f"{args.glossary} glossary, {megabytes:.1f} MB, best of {args.repeats}")
    for name, seconds in times.items():
        print(f"  {name:36} {megabytes / seconds:6.1f} MB/s  {times['bare scan'] / seconds:5.2f}x the bare scan")


if __name__ == "__main__":
    main()
