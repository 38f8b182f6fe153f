"""Time `annotate` on texts made of one odd pattern repeated, at one size and eight times it.

Work that grows with the square of a pattern's length hides in ordinary text (a few spaces, a
backtick or two) and shows on a text made of it: lines indented by thousands of spaces, as
pdftotext's layout writes them, took seconds to read for a glossary heading; a run of 20,000
backticks took seconds in Markdown. The test suite checks what these texts give, never how long
they take; this prints it. A pattern read in linear time takes about eight times as long at eight
times the size; one read in quadratic time, sixty-four.

    python benchmarks/pathological.py [--repeats 3]
"""

from __future__ import annotations

import argparse
import functools
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from acronyms import Format, Glossary, Options, annotate

LINEAR_LIMIT = 8 * 1.6  # growth at eight times the size beyond this is flagged, as in scaling.py
# Each case: its format, and the text at `size` repetitions of its pattern.
CASES: dict[str, tuple[Format, Callable[[int], str]]] = {
    "lines indented by many spaces": (Format.TEXT, lambda n: ("The PCSO met.\n" + " " * (200 * n) + "Page 1\n") * 10),
    "a run of backticks (Markdown)": (Format.MARKDOWN, lambda n: "The " + "`" * (250 * n) + " PCSO met.\n"),
    "open brackets": (Format.TEXT, lambda n: "The PCSO (" * (100 * n)),
    "stray '<' in HTML": (Format.HTML, lambda n: "<p>x <b and y PCSO</p>\n" * (50 * n)),
}
SIZE = 10  # repetitions (of the pattern, or of its characters) at the small size


def best(action: Callable[[], object], repeats: int) -> float:
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return min(times)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args(argv)
    glossary = Glossary.bundled()
    print(f"{'case':<34} {'small':>10} {'8x':>10} {'growth':>8}")
    for name, (format, make) in CASES.items():
        options = Options(format=format)
        small, big = (
            best(functools.partial(annotate, make(size), glossary, options), args.repeats) for size in (SIZE, 8 * SIZE)
        )
        growth = big / small
        verdict = "ok" if growth <= LINEAR_LIMIT else "GROWS FASTER THAN THE TEXT"
        print(f"{name:<34} {small * 1000:>8.1f}ms {big * 1000:>8.1f}ms {growth:>7.1f}x  {verdict}", flush=True)


if __name__ == "__main__":
    main()
