"""Score the inline-definition extractor on Ab3P's MED1250 gold standard, beside Ab3P itself.

Reads `MED1250_labeled` (hand-annotated `SF|LF` pairs) and `Ab3P_output_on_MED1250`
(Ab3P's own `SF|LF|precision` output) from the benchmark directory, runs
`find_inline_definitions` on each record's title and abstract, and scores both
systems the same way: as sets of (record id, SF, LF), compared case-insensitively
after collapsing white space. See the directory's README.md for the formats.

    python benchmarks/ab3p_accuracy.py [PATH] [--errors]

PATH defaults to `../shared/benchmarks/ab3p` relative to the repository root;
`--errors` also lists our false positives and false negatives.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from acronyms.definitions import Definition

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DIR = REPO_ROOT.parent / "shared" / "benchmarks" / "ab3p"
GOLD_FILE = "MED1250_labeled"
AB3P_FILE = "Ab3P_output_on_MED1250"
PAIR_PREFIX = "  "
# Annotators' comments, including pairs they struck out (`//*  SF|LF`): not gold, not text.
COMMENT_PREFIX = "//"
# The title and abstract are separate paragraphs: no long form runs from one into the other.
TEXT_SEPARATOR = "\n\n"

Pair = tuple[str, str, str]
Extractor = Callable[[str], Iterable["Definition"]]


@dataclass
class Record:
    """One MEDLINE record: its text lines and the pairs listed under them."""

    pmid: str
    lines: list[str] = field(default_factory=list)
    pairs: list[tuple[str, str]] = field(default_factory=list)

    @property
    def text(self) -> str:
        return TEXT_SEPARATOR.join(self.lines)


@dataclass(frozen=True)
class Score:
    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def line(self, name: str) -> str:
        return (
            f"{name:<8} precision {self.precision:6.1%}  recall {self.recall:6.1%}  "
            f"F1 {self.f1:6.1%}  (tp {self.tp}, fp {self.fp}, fn {self.fn})"
        )


def normalise(value: str) -> str:
    """Case-folded, white space collapsed: the level at which pairs are compared."""
    return " ".join(value.split()).casefold()


def read_records(path: Path, fields: int) -> Iterator[Record]:
    """Records of a file in either format: an id line, text lines, indented pair lines.

    `fields` is how many `|`-separated fields a pair line has (2 gold, 3 Ab3P);
    only the first two are kept. Some records are split over several blocks
    with the same id: they are yielded separately and merged by the caller.
    """
    record: Record | None = None
    # A few comment lines hold stray Windows-1252 quotes; the records themselves are UTF-8.
    for raw in path.read_text(encoding="utf-8", errors="replace").split("\n"):
        line = raw.rstrip("\r")
        if re.fullmatch(r"\d+\s*", line):
            if record is not None:
                yield record
            record = Record(line.strip())
        elif record is None or not line.strip() or line.startswith(COMMENT_PREFIX):
            continue
        elif line.startswith(PAIR_PREFIX) and line.count("|") >= fields - 1:
            body = line[len(PAIR_PREFIX) :]
            if fields > 2:
                body = body.rsplit("|", fields - 2)[0]
            short, long = body.split("|", 1)
            record.pairs.append((short, long))
        else:
            record.lines.append(line)
    if record is not None:
        yield record


def pair_set(pairs: Iterable[Pair]) -> set[Pair]:
    return {(pmid, normalise(short), normalise(long)) for pmid, short, long in pairs}


def score(found: set[Pair], gold: set[Pair]) -> Score:
    return Score(tp=len(found & gold), fp=len(found - gold), fn=len(gold - found))


def our_pairs(records: Iterable[Record], extract: Extractor) -> Iterator[Pair]:
    for record in records:
        for definition in extract(record.text):
            yield record.pmid, definition.short_text, definition.expansion


def listed_pairs(records: Iterable[Record]) -> Iterator[Pair]:
    for record in records:
        for short, long in record.pairs:
            yield record.pmid, short, long


def print_errors(found: set[Pair], gold: set[Pair]) -> None:
    for title, pairs in (("false positives", found - gold), ("false negatives", gold - found)):
        print(f"\n{title} ({len(pairs)}):")
        for pmid, short, long in sorted(pairs):
            print(f"  {pmid}  {short} | {long}")


def load_extractor() -> Extractor:
    """`find_inline_definitions` from this checkout, whether or not the package is installed."""
    if str(REPO_ROOT) not in sys.path:
        sys.path.insert(0, str(REPO_ROOT))
    from acronyms.definitions import find_inline_definitions

    return find_inline_definitions


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("path", nargs="?", type=Path, default=DEFAULT_DIR)
    parser.add_argument("--errors", action="store_true", help="list our false positives and negatives")
    args = parser.parse_args(argv)
    missing = [name for name in (GOLD_FILE, AB3P_FILE) if not (args.path / name).is_file()]
    if missing:
        print(f"Error: {', '.join(missing)} not found in {args.path}; pass the benchmark directory", file=sys.stderr)
        return 2
    gold_records = list(read_records(args.path / GOLD_FILE, fields=2))
    ab3p_records = list(read_records(args.path / AB3P_FILE, fields=3))
    gold = pair_set(listed_pairs(gold_records))
    extract = load_extractor()
    began = time.perf_counter()
    ours = pair_set(our_pairs(gold_records, extract))
    elapsed = time.perf_counter() - began
    ab3p = pair_set(listed_pairs(ab3p_records))
    print(f"MED1250: {len({r.pmid for r in gold_records})} records, {len(gold)} gold pairs")
    print(score(ours, gold).line("ours"))
    print(score(ab3p, gold).line("Ab3P"))
    chars = sum(len(r.text) for r in gold_records)
    print(f"ours took {elapsed:.2f} s for {chars / 1e6:.2f} M characters")
    if args.errors:
        print_errors(ours, gold)
    return 0


if __name__ == "__main__":
    sys.exit(main())
