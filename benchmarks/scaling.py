"""Find work that grows faster than the text: profile each job at two sizes and compare per function.

`speed.py` times whole runs, and a part that is quadratic can hide in them: at 1 MB it costs a few
milliseconds, at 20 MB seconds. This script runs each job (`annotate` in every format and style,
and `scan` with `check`) under cProfile on the first `--small` MB of the benchmark corpus and on
the first `--big` MB, and prints, for each job, how its total time grew, then every function that
took at least `SHARE` of the big run and grew more than `FLAG_FACTOR` times the size ratio.

    python benchmarks/scaling.py [--glossary bundled|synthetic] [--small 0.5] [--big 4] [JOB ...]

A flagged function is a lead, not a verdict: with the 50,000-entry glossary the number of
acronyms used more than once grows faster than the text (a small text uses most acronyms once),
so the work for later uses (`_kept`, `decide` in the tooltip style) grows faster too. cProfile
slows every call, so read the ratios, not the times.
"""

from __future__ import annotations

import argparse
import cProfile
import functools
import gc
import html
import pstats
import sys
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from speed import MB, generate_corpus, synthetic_entries

from acronyms import Format, Glossary, Options, Style, annotate
from acronyms.checks import check_document
from acronyms.scan import scan

SHARE = 0.03  # of the big run's time: smaller parts are noise
FLAG_FACTOR = 1.6  # growth beyond this times the size ratio is flagged


def as_markdown(text: str) -> str:
    """The corpus as Markdown: a heading, and a link, code span and address between paragraphs."""
    between = "\n\nSee [the report](https://example.org/r) and `code` at a@b.example.\n\n## Item\n\n"
    return "# Minutes\n\n" + text.replace("\n\n", between)


def as_html(text: str) -> str:
    """The corpus as an HTML page: one `<p>` per paragraph."""
    paragraphs = "".join(f"<p>{html.escape(paragraph)}</p>\n" for paragraph in text.split("\n\n"))
    return f"<html><body>{paragraphs}</body></html>"


CONVERT: dict[Format, Callable[[str], str]] = {Format.TEXT: str, Format.MARKDOWN: as_markdown, Format.HTML: as_html}


def jobs(glossary: Glossary) -> dict[str, tuple[Format, Callable[[str], object]]]:
    """Each job: the format its text is written in, and what it runs on that text."""
    found: dict[str, tuple[Format, Callable[[str], object]]] = {}
    for format in Format:
        for style in Style:
            if format is Format.TEXT and style is Style.TOOLTIP:
                continue  # plain text cannot show tooltips
            options = Options(format=format, style=style)
            found[f"annotate-{format.value}-{style.value}"] = (
                format,
                lambda text, o=options: annotate(text, glossary, o),
            )
        found[f"check-{format.value}"] = (
            format,
            lambda text, f=format: check_document(scan(text, glossary, format=f), glossary),
        )
    return found


def profiled(action: Callable[[], object]) -> tuple[dict[str, float], float]:
    """Cumulative seconds per function of one run of `action`, and the run's total."""
    profile = cProfile.Profile()
    gc.collect()
    profile.enable()
    action()
    profile.disable()
    stats = pstats.Stats(profile).stats  # type: ignore[attr-defined]
    per_function = {f"{Path(file).name}:{line}({name})": row[3] for (file, line, name), row in stats.items()}
    return per_function, sum(row[2] for row in stats.values())


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--glossary", choices=("bundled", "synthetic"), default="synthetic")
    parser.add_argument("--small", type=float, default=0.5, help="MB")
    parser.add_argument("--big", type=float, default=4.0, help="MB")
    parser.add_argument("jobs", nargs="*", help="names or parts of names of the jobs to run (default: all)")
    args = parser.parse_args(argv)
    glossary = Glossary.bundled() if args.glossary == "bundled" else Glossary.from_entries(synthetic_entries())
    corpus = generate_corpus(glossary, int(args.big * MB)).text(int(args.big * MB))
    ratio = args.big / args.small
    print(
        f"Glossary {args.glossary}; {args.small} MB and {args.big} MB (x{ratio:g}); flagged: grew over x{FLAG_FACTOR * ratio:g}"
    )
    for name, (format, job) in jobs(glossary).items():
        if args.jobs and not any(wanted in name for wanted in args.jobs):
            continue
        texts = [CONVERT[format](corpus[: int(size * MB)]) for size in (args.small, args.big)]
        (small, small_total), (big, big_total) = (profiled(functools.partial(job, text)) for text in texts)
        print(f"{name}: {small_total:.2f} s -> {big_total:.2f} s (x{big_total / small_total:.1f})", flush=True)
        for function in sorted(big, key=big.__getitem__, reverse=True):
            grew = big[function] / small[function] if small.get(function) else float("inf")
            if big[function] >= SHARE * big_total and grew > FLAG_FACTOR * ratio:
                print(f"    grew x{grew:.1f}: {function} {small.get(function, 0):.3f} s -> {big[function]:.3f} s")


if __name__ == "__main__":
    main()
