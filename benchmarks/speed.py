"""Measure matching and annotation speed against a bare Aho-Corasick scan of the same text.

Generates a minutes-like corpus deterministically (sentences of the sample
minutes in `examples/` mixed with ordinary English written here, about one
acronym in forty words), then prints, in one run, MB/s of

1. a bare pyahocorasick scan: `iter` over the matcher's own automaton (the
   forms that are whole words), every hit consumed in a Python loop (the
   fair baseline; `find` searches the same automaton with `iter_long`; a second
   automaton built alike ran up to twice as fast or as slow as the matcher's
   from one run to the next, as the two land differently in memory);
2. `acronyms.find(text, glossary)`;
3. `acronyms.annotate(text, glossary)` (inline style, text format);

for each size, with the bundled glossary and with a 50,000-entry synthetic
one, plus the time to build each glossary and its matcher; then the ratios
to the baseline and whether the targets of issue 2 hold.

    python benchmarks/speed.py [--sizes 1,20] [--quick] [--repeats 15]

Sizes are in MB of UTF-8 text (1 MB = 10**6 bytes). Each timing is the best
of `--repeats` rounds (fewer when a 20 MB round is already slow); a round
runs the bare scan, find and annotate once each, interleaved so that other
load on the machine slows all three alike, and each gets as many tries at a
quiet moment, so that no ratio favours one side. Garbage is collected
before each run and the collector stays on while it runs, as in real use.
Nothing is read from the network.

It measures the package Python imports, and says which build that is: the
installed one (`pip install .` compiles it with mypyc where a C compiler is
installed; an editable install is this checkout's pure-Python source), else,
with none installed, this checkout's source.
"""

from __future__ import annotations

import argparse
import gc
import importlib.util
import io
import os
import random
import re
import string
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from importlib import metadata
from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
SAMPLE = REPO_ROOT / "examples" / "staffordshire-public-performance-meeting-2020-02-27.txt"

# The package Python imports: the installed one (which `pip install .` compiles where a C compiler is),
# else, with none installed, this checkout's source.
if importlib.util.find_spec("acronyms") is None:
    sys.path.insert(0, str(REPO_ROOT))

import ahocorasick

from acronyms import Entry, Glossary, annotate, find
from acronyms.glossary import bundled_csv_text
from acronyms.matcher import Matcher, matcher_for

SEED = 20200227  # the sample meeting's date: any fixed value gives the same corpus on every run
MB = 10**6
DEFAULT_SIZES = (1, 20)
DEFAULT_REPEATS = 15  # rounds are cheap at 1 MB, and a noisy machine needs many for a steady best
# Stop repeating a measurement once it has used this much time: a 20 MB
# annotation that takes seconds varies less than the run-to-run noise.
REPEAT_BUDGET_SECONDS = 40.0

# The corpus: about one acronym in forty words, the density of dense minutes.
WORDS_PER_ACRONYM = 40
SAMPLE_SHARE = 0.35  # of sentences taken from the sample minutes; the rest are generated
PARAGRAPH_SENTENCES = (2, 6)
PARAGRAPH_SEPARATOR = "\n\n"  # a blank line, as minutes separate paragraphs
PLURAL_SHARE = 0.10  # of generated acronym uses written as plurals (`PCSOs`)
POSSESSIVE_SHARE = 0.05  # ... and as possessives (`PCC’s`)
DEFINITION_SHARE = 0.08  # of generated acronym sentences that spell one out: `Long Form (LF)`

# The synthetic glossary.
SYNTHETIC_ENTRIES = 50_000
SECOND_SENSES = 1_000  # entries that add a second sense to an acronym, so sense choice is exercised
ACRONYM_LENGTHS = {2: 5, 3: 30, 4: 35, 5: 20, 6: 10}  # length: weight
DIGIT_SHARE = 0.12  # of acronym characters after the first (always a capital, so never a bare number)

# A load average within this much of the number of CPUs means other work competes with the run.
BUSY_MARGIN = 0.5

# Targets of issue 2.
FIND_TARGET = 0.5  # find ≥ 0.5 × bare scan
ANNOTATE_TARGET = 0.33  # annotate ≥ 0.33 × bare scan
# MB/s at the largest size ≥ 0.8 × MB/s at the smallest, plainly or beyond what the bare scan itself
# loses on a text that no longer fits the caches (either: the bare scan's own timing is noisy too):
# linear, allowing for noise.
LINEAR_TARGET = 0.8
BUILD_TARGET_SECONDS = 1.0  # 50,000 entries: glossary and matcher in under a second

# The sample ends with its own glossary section, whose rows are not sentences.
SAMPLE_GLOSSARY_HEADING = re.compile(r"^Glossary[ \t]*$", re.MULTILINE)
# A sentence ends at a stop before a capital, but not after the sample's `Temp.` (Temporary).
SENTENCE_END = re.compile(r"(?<=[.!?])(?<!Temp\.)\s+(?=[A-Z“\"'(<])")
MIN_SENTENCE_WORDS = 4
WORD = re.compile(r"\S+")

# Ordinary English for the generated sentences: minutes of any public meeting.
ROLES = (
    "the Chair",
    "the Chief Executive",
    "the Commissioner",
    "the Treasurer",
    "the Deputy Chief Constable",
    "the Head of Finance",
    "a member of the panel",
    "the Performance Manager",
    "the Clerk",
    "the Secretary",
    "the Director of Resources",
    "one councillor",
    "the independent member",
    "the Vice Chair",
)
THINGS = (
    "budget",
    "annual report",
    "workforce plan",
    "estates strategy",
    "training programme",
    "response times",
    "recruitment figures",
    "complaints process",
    "victim survey",
    "capital programme",
    "risk register",
    "community engagement plan",
    "audit findings",
    "overtime spending",
    "fleet replacement",
    "call handling",
)
VERBS = ("noted", "welcomed", "questioned", "agreed", "asked about", "challenged", "supported", "reviewed")
PLACES = (
    "Stafford",
    "Burton",
    "Cannock",
    "Lichfield",
    "Tamworth",
    "Leek",
    "Stone",
    "Uttoxeter",
    "Newcastle",
    "Stoke",
)
NUMBERS = ("two", "three", "four", "five", "six", "a dozen", "several", "twenty", "fifty", "a hundred")
QUARTERS = ("the first quarter", "the second quarter", "the third quarter", "the last quarter", "the year to date")
PLAIN_TEMPLATES = (
    "{role} thanked members for their work on the {thing} and asked that it be circulated before the next meeting.",
    "{role} {verb} the {thing}, noting that the figures for {quarter} were broadly in line with expectations.",
    "It was agreed that the {thing} would be brought back to the panel in {number} months' time.",
    "{role} explained that the team in {place} had been reorganised and that {number} new posts had been filled.",
    "Members discussed whether the {thing} could be published on the website so that residents could follow it.",
    "There was a short discussion about the {thing}; {role} said that further work was needed before any decision.",
    "{role} reported that feedback from residents in {place} had been positive, although there was more to do.",
    "The meeting heard that {number} officers had completed the course and that the rest would do so by the summer.",
    "{role} {verb} the progress made since the last meeting and thanked staff for their efforts during the winter.",
    "Questions were raised about the cost of the {thing}, and {role} agreed to provide a written answer.",
    "It was noted that the {thing} had been delayed by {number} weeks because of a change of supplier.",
    "{role} said that the figures for {place} should be read with care, as the numbers involved were small.",
    "The panel was reminded that the {thing} would be reviewed again at the end of {quarter}.",
    "{role} asked how the public would know whether the {thing} had made a difference to them.",
    "Everyone agreed that the next meeting would be held in {place}, with the date to be confirmed.",
    "The minutes of the previous meeting were approved as a correct record, subject to {number} small amendments.",
)
ACRONYM_TEMPLATES = (
    "{role} said that the {a} had reviewed the {thing} and was broadly content with it.",
    "The {a} in {place} reported {number} cases during {quarter}, which {role} {verb}.",
    "{role} asked whether the {a} and the {b} were working together on the {thing}.",
    "Funding for the {a} was {verb} by members, and {role} agreed to write to the {b}.",
    "It was agreed that the {a} would present the {thing} at the next meeting in {place}.",
    "{role} {verb} the work of the {a}, noting that {number} referrals had come from the {b}.",
    "According to the {a}, the {thing} would need {number} more staff before {quarter} ended.",
    "The {a} lead explained how the {thing} fitted with the plans of the {b} and the {c}.",
    "Members {verb} the report from the {a} on the {thing}.",
    "{role} confirmed that the {a} had met the {b} in {place} to discuss the {thing}.",
)
DEFINITION_TEMPLATE = "{role} introduced the {long} ({a}), which would take over the {thing} in {place}."

# Words for synthetic expansions, by initial; digits are spelt out.
DIGIT_WORDS = ("Zero", "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine")
INITIAL_WORDS = {
    "A": ("Area", "Authority", "Assessment", "Analysis", "Action", "Advisory"),
    "B": ("Board", "Borough", "Bureau", "Budget", "Behaviour", "Business"),
    "C": ("Community", "Crime", "Council", "Control", "Centre", "Case"),
    "D": ("Development", "District", "Data", "Division", "Duty", "Digital"),
    "E": ("Enforcement", "Emergency", "Evidence", "Education", "Estates", "Engagement"),
    "F": ("Force", "Framework", "Forum", "Fraud", "Finance", "Family"),
    "G": ("Group", "Governance", "Guidance", "General", "Grant", "Gateway"),
    "H": ("Hub", "Health", "Harm", "Housing", "Highways", "Headquarters"),
    "I": ("Investigation", "Intelligence", "Incident", "Integrated", "Independent", "Information"),
    "J": ("Joint", "Justice", "Judicial", "Junior", "Journey", "Jurisdiction"),
    "K": ("Key", "Knowledge", "Kinship", "Kerbside", "Keyworker", "Kiosk"),
    "L": ("Local", "Liaison", "Licensing", "Learning", "Legal", "Leadership"),
    "M": ("Management", "Multi", "Missing", "Monitoring", "Mental", "Major"),
    "N": ("National", "Neighbourhood", "Network", "Notice", "Night", "Navigation"),
    "O": ("Office", "Officer", "Operations", "Offender", "Oversight", "Outreach"),
    "P": ("Police", "Panel", "Partnership", "Programme", "Prevention", "Public"),
    "Q": ("Quality", "Quarterly", "Qualification", "Queue", "Quick", "Quorum"),
    "R": ("Response", "Review", "Resources", "Regional", "Risk", "Road"),
    "S": ("Service", "Safety", "Support", "Scheme", "Strategy", "Safeguarding"),
    "T": ("Team", "Training", "Transport", "Tactical", "Trust", "Tasking"),
    "U": ("Unit", "Urban", "Uniform", "Update", "Unauthorised", "Urgent"),
    "V": ("Victim", "Violence", "Vehicle", "Vulnerability", "Volunteer", "Visiting"),
    "W": ("Working", "Welfare", "Warrant", "Witness", "Workforce", "Wellbeing"),
    "X": ("Xenon", "Xray", "Xylograph", "Xeric", "Xenial", "Xyst"),
    "Y": ("Youth", "Young", "Yearly", "Yard", "Yield", "Yorkshire"),
    "Z": ("Zone", "Zero", "Zonal", "Zenith", "Zeal", "Zigzag"),
    **{str(digit): (word,) for digit, word in enumerate(DIGIT_WORDS)},
}
LINKING_WORDS = ("and", "of", "for")
LINKING_SHARE = 0.15  # of synthetic expansions with a small word between two of their words
CONTEXT_WORDS = ("council", "force", "court", "school", "hospital", "road", "prison", "charity", "housing", "budget")
CATEGORIES = ("team", "process", "organisation", "role", "system", "programme")


@dataclass(frozen=True)
class Corpus:
    """A generated text in paragraphs, so that prefixes of any size end at a paragraph."""

    paragraphs: tuple[str, ...]

    def text(self, size_bytes: int) -> str:
        """The first paragraphs, up to the first `size_bytes` bytes of UTF-8 or just over."""
        kept: list[str] = []
        total = 0
        for paragraph in self.paragraphs:
            kept.append(paragraph)
            total += len(paragraph.encode("utf-8")) + len(PARAGRAPH_SEPARATOR)
            if total >= size_bytes:
                break
        return PARAGRAPH_SEPARATOR.join(kept)


@dataclass(frozen=True)
class Row:
    """One line of the results table."""

    glossary: str
    size_mb: int
    density: float  # acronyms found per word
    bare: float  # MB/s
    find: float
    annotate: float


# ---------------------------------------------------------------------------- corpus


def sample_sentences(path: Path = SAMPLE) -> list[str]:
    """The sentences of the sample minutes, before its glossary section."""
    text = path.read_text(encoding="utf-8")
    heading = SAMPLE_GLOSSARY_HEADING.search(text)
    body = text[: heading.start()] if heading else text
    sentences = []
    for line in body.splitlines():
        for sentence in SENTENCE_END.split(line.strip()):
            if len(sentence.split()) >= MIN_SENTENCE_WORDS:
                sentences.append(sentence)
    return sentences


def _acronym_use(rng: random.Random, acronym: str) -> str:
    roll = rng.random()
    if roll < PLURAL_SHARE:
        return acronym + "s"
    if roll < PLURAL_SHARE + POSSESSIVE_SHARE:
        return acronym + rng.choice(("'s", "\u2019s"))
    return acronym


def _fill(rng: random.Random, template: str, **slots: str) -> str:
    words = {
        "role": rng.choice(ROLES),
        "thing": rng.choice(THINGS),
        "verb": rng.choice(VERBS),
        "place": rng.choice(PLACES),
        "number": rng.choice(NUMBERS),
        "quarter": rng.choice(QUARTERS),
        **slots,
    }
    sentence = template.format(**words)
    return sentence[0].upper() + sentence[1:]


def _acronym_sentence(rng: random.Random, glossary: Glossary, acronyms: Sequence[str]) -> tuple[str, int]:
    """A generated sentence using acronyms of `glossary`, and how many it uses."""
    if rng.random() < DEFINITION_SHARE:
        acronym = rng.choice(acronyms)
        long = glossary.lookup(acronym)[0].expansion
        return _fill(rng, DEFINITION_TEMPLATE, long=long, a=acronym), 1
    template = rng.choice(ACRONYM_TEMPLATES)
    slots = {name: _acronym_use(rng, rng.choice(acronyms)) for name in "abc" if "{" + name + "}" in template}
    return _fill(rng, template, **slots), len(slots)


def generate_corpus(glossary: Glossary, size_bytes: int, seed: int = SEED) -> Corpus:
    """Paragraphs of sample and generated sentences, about one acronym of `glossary` in forty words.

    Sample sentences keep whatever acronyms they have; generated sentences
    use acronyms of `glossary` when the running density is below the target
    and none when it is above, so the density holds whichever glossary is used.
    """
    rng = random.Random(seed)
    sample = [(sentence, len(find(sentence, glossary)), len(sentence.split())) for sentence in sample_sentences()]
    acronyms = glossary.acronyms
    paragraphs: list[str] = []
    words = uses = total = 0
    while total < size_bytes:
        sentences = []
        for _ in range(rng.randint(*PARAGRAPH_SENTENCES)):
            if rng.random() < SAMPLE_SHARE:
                sentence, count, length = rng.choice(sample)
            else:
                if uses * WORDS_PER_ACRONYM < words:
                    sentence, count = _acronym_sentence(rng, glossary, acronyms)
                else:
                    sentence, count = _fill(rng, rng.choice(PLAIN_TEMPLATES)), 0
                length = len(sentence.split())
            sentences.append(sentence)
            uses, words = uses + count, words + length
        paragraph = " ".join(sentences)
        paragraphs.append(paragraph)
        total += len(paragraph.encode("utf-8")) + len(PARAGRAPH_SEPARATOR)
    return Corpus(tuple(paragraphs))


# ---------------------------------------------------------------------------- glossaries


def _synthetic_acronym(rng: random.Random) -> str:
    length = rng.choices(list(ACRONYM_LENGTHS), weights=list(ACRONYM_LENGTHS.values()))[0]
    rest = (
        rng.choice(string.digits) if rng.random() < DIGIT_SHARE else rng.choice(string.ascii_uppercase)
        for _ in range(length - 1)
    )
    return rng.choice(string.ascii_uppercase) + "".join(rest)


def _synthetic_expansion(rng: random.Random, acronym: str) -> str:
    words = [rng.choice(INITIAL_WORDS[char]) for char in acronym]
    if len(words) > 2 and rng.random() < LINKING_SHARE:
        words.insert(rng.randrange(1, len(words)), rng.choice(LINKING_WORDS))
    return " ".join(words)


def synthetic_entries(count: int = SYNTHETIC_ENTRIES, seed: int = SEED) -> list[Entry]:
    """`count` entries: distinct random acronyms, and some second senses with context words."""
    rng = random.Random(seed)
    acronyms: dict[str, None] = {}
    while len(acronyms) < count - SECOND_SENSES:
        acronyms[_synthetic_acronym(rng)] = None
    entries = [Entry(a, _synthetic_expansion(rng, a), category=rng.choice(CATEGORIES)) for a in acronyms]
    for first in rng.sample(range(len(entries)), SECOND_SENSES):
        acronym = entries[first].acronym
        expansion = _synthetic_expansion(rng, acronym)
        while expansion == entries[first].expansion:
            expansion += " " + rng.choice(INITIAL_WORDS["S"])
        entries.append(Entry(acronym, expansion, context=tuple(rng.sample(CONTEXT_WORDS, 2))))
    return entries


# ---------------------------------------------------------------------------- timing


def timed(action: Callable[[], object]) -> float:
    """Seconds for one run of `action`, after collecting the previous runs' garbage.

    What `action` returns is freed after the clock stops: building a 50,000-entry
    matcher is timed, not taking its half a million objects apart again (90 ms).
    """
    gc.collect()
    started = time.perf_counter()
    result = action()
    elapsed = time.perf_counter() - started
    del result
    return elapsed


def best_time(action: Callable[[], object], repeats: int) -> float:
    """The shortest of up to `repeats` runs, in seconds; fewer once they use `REPEAT_BUDGET_SECONDS`."""
    best, spent = float("inf"), 0.0
    for _ in range(repeats):
        elapsed = timed(action)
        best, spent = min(best, elapsed), spent + elapsed
        if spent > REPEAT_BUDGET_SECONDS:
            break
    return best


def best_times(actions: dict[str, Callable[[], object]], repeats: int) -> dict[str, float]:
    """The shortest run of each action, timed in interleaved rounds so that a busy spell slows all alike.

    Each round runs every action once (the best of more runs of one than of another
    would be the luckier of the two on a noisy machine); rounds stop after `repeats`,
    or earlier once they have used `REPEAT_BUDGET_SECONDS`.
    """
    best = dict.fromkeys(actions, float("inf"))
    spent = 0.0
    for _ in range(repeats):
        for name, action in actions.items():
            elapsed = timed(action)
            best[name], spent = min(best[name], elapsed), spent + elapsed
        if spent > REPEAT_BUDGET_SECONDS:
            break
    return best


def bare_scan(automaton: ahocorasick.Automaton, text: str) -> int:
    """Consume every hit of the automaton in a Python loop; the number of hits."""
    hits = 0
    for _end, _value in automaton.iter(text):
        hits += 1
    return hits


def _actions(automaton: ahocorasick.Automaton, glossary: Glossary, text: str) -> dict[str, Callable[[], object]]:
    """What is timed."""
    return {
        "bare": lambda: bare_scan(automaton, text),
        "find": lambda: find(text, glossary),
        "annotate": lambda: annotate(text, glossary),
    }


def measure(name: str, glossary: Glossary, corpus: Corpus, sizes: Sequence[int], repeats: int) -> Iterator[Row]:
    """One row per size: MB/s of the bare scan, find and annotate over the corpus with `glossary`."""
    automaton = matcher_for(glossary).automaton  # built once per glossary, reused by find and annotate; timed apart
    annotate(corpus.text(0), glossary)  # loads spaCy and compiles patterns once, outside the timings
    for size in sizes:
        text = corpus.text(size * MB)
        megabytes = len(text.encode("utf-8")) / MB
        density = len(find(text, glossary)) / len(WORD.findall(text))
        best = best_times(_actions(automaton, glossary, text), repeats)
        row = Row(name, size, density, *(megabytes / best[name] for name in ("bare", "find", "annotate")))
        print(_row_line(row), flush=True)
        yield row


def build_times(entries: list[Entry], repeats: int) -> dict[str, float]:
    """Seconds to construct each glossary and its matcher."""
    csv_text = bundled_csv_text()
    stream = io.StringIO()
    Glossary.from_entries(entries).write_csv(stream)
    synthetic_csv = stream.getvalue()
    return {
        "bundled (CSV text -> Glossary + Matcher)": best_time(
            lambda: Matcher(Glossary.from_text(csv_text, name="bundled")), repeats
        ),
        f"{len(entries):,} synthetic (Entry list -> Glossary + Matcher)": best_time(
            lambda: Matcher(Glossary.from_entries(entries)), repeats
        ),
        f"{len(entries):,} synthetic (CSV text -> Glossary + Matcher)": best_time(
            lambda: Matcher(Glossary.from_text(synthetic_csv, name="synthetic")), repeats
        ),
    }


# ---------------------------------------------------------------------------- report

HEADER = (
    f"{'glossary':<16} {'size':>5} {'acr/word':>9} {'bare MB/s':>10} {'find MB/s':>10} {'annot MB/s':>11}"
    f" {'find/bare':>10} {'annot/bare':>11}"
)


def _row_line(row: Row) -> str:
    return (
        f"{row.glossary:<16} {row.size_mb:>3} MB {f'1/{1 / row.density:.1f}':>9} {row.bare:>10.1f} {row.find:>10.1f}"
        f" {row.annotate:>11.2f} {row.find / row.bare:>10.2f} {row.annotate / row.bare:>11.3f}"
    )


def _verdict(holds: bool) -> str:
    return "ok  " if holds else "MISS"


def print_targets(rows: Sequence[Row], builds: dict[str, float], synthetic_builds: Sequence[str]) -> None:
    print("\nTargets")
    for row in rows:
        label = f"{row.glossary}, {row.size_mb} MB"
        ratio = row.find / row.bare
        print(f"  {_verdict(ratio >= FIND_TARGET)} find ≥ {FIND_TARGET}× bare ({label}): {ratio:.2f}×")
        ratio = row.annotate / row.bare
        print(f"  {_verdict(ratio >= ANNOTATE_TARGET)} annotate ≥ {ANNOTATE_TARGET}× bare ({label}): {ratio:.3f}×")
    for name in dict.fromkeys(row.glossary for row in rows):
        mine = sorted((row for row in rows if row.glossary == name), key=lambda row: row.size_mb)
        if len(mine) < 2:
            continue
        small, large = mine[0], mine[-1]
        bare = large.bare / small.bare  # the scan itself slows on a text that outgrows the caches
        for what in ("find", "annotate"):
            ratio = getattr(large, what) / getattr(small, what)
            print(
                f"  {_verdict(max(ratio, ratio / bare) >= LINEAR_TARGET)} {what} linear ({name}): MB/s at {large.size_mb} MB"
                f" is {ratio:.2f}× that at {small.size_mb} MB, {ratio / bare:.2f}× counting the bare scan's own"
                f" {bare:.2f}× (target ≥ {LINEAR_TARGET})"
            )
    for label in synthetic_builds:
        seconds = builds[label]
        print(
            f"  {_verdict(seconds < BUILD_TARGET_SECONDS)} build < {BUILD_TARGET_SECONDS:.0f} s, {label}: {seconds:.3f} s"
        )


def load_note() -> str:
    """The machine's load before the run: timings on a busy machine are slower and noisier."""
    cpus = os.cpu_count() or 1
    load = os.getloadavg()[0]
    note = f"Load average {load:.1f} on {cpus} CPU{'s' if cpus > 1 else ''}"
    if load > cpus - BUSY_MARGIN:
        note += ": other processes compete for the CPUs, so MB/s are low and noisy; the ratios suffer less"
    return note


def build_note() -> str:
    """Which build of the package runs, and from where: compiled with mypyc (see setup.py) or pure Python."""
    compiled = sorted(
        name.removeprefix("acronyms.")
        for name, module in sys.modules.items()
        if name.startswith("acronyms.") and str(getattr(module, "__file__", "")).endswith(tuple(EXTENSION_SUFFIXES))
    )
    where = Path(str(sys.modules["acronyms"].__file__)).parent
    if not compiled:
        return f"acronyms from {where}: pure Python"
    return f"acronyms from {where}: {len(compiled)} modules compiled with mypyc ({', '.join(compiled)})"


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default=",".join(map(str, DEFAULT_SIZES)), help="text sizes in MB (default 1,20)")
    parser.add_argument("--quick", action="store_true", help="only 1 MB")
    parser.add_argument(
        "--repeats", type=int, default=DEFAULT_REPEATS, help=f"best of this many runs (default {DEFAULT_REPEATS})"
    )
    args = parser.parse_args(argv)
    try:
        args.sizes = (1,) if args.quick else tuple(sorted({int(size) for size in args.sizes.split(",")}))
    except ValueError:
        parser.error(f"--sizes takes whole MB separated by commas, e.g. 1,20; not {args.sizes!r}")
    if any(size < 1 for size in args.sizes) or args.repeats < 1:
        parser.error("sizes and --repeats must be at least 1")
    return args


def main(argv: Sequence[str] | None = None) -> None:
    args = parse_args(argv)
    started = time.perf_counter()
    entries = synthetic_entries()
    glossaries = {"bundled": Glossary.bundled(), "synthetic 50k": Glossary.from_entries(entries, name="synthetic")}
    print(f"Python {sys.version.split()[0]}, pyahocorasick {metadata.version('pyahocorasick')}")
    print(build_note())
    print(load_note())
    print(
        f"Corpus: seed {SEED}, {SAMPLE_SHARE:.0%} of sentences from {SAMPLE.relative_to(REPO_ROOT)}, the rest"
        f" generated; target 1 acronym in {WORDS_PER_ACRONYM} words; sizes {', '.join(f'{s} MB' for s in args.sizes)};"
        f" best of {args.repeats}"
    )
    for name, glossary in glossaries.items():
        print(f"Glossary {name}: {len(glossary):,} entries, {len(glossary.acronyms):,} acronyms")

    builds = build_times(entries, args.repeats)
    print("\nBuild time (best of runs)")
    for label, seconds in builds.items():
        print(f"  {label:<52} {seconds * 1000:>8.1f} ms")

    print(f"\n{HEADER}")
    rows: list[Row] = []
    for name, glossary in glossaries.items():
        corpus = generate_corpus(glossary, max(args.sizes) * MB)
        rows.extend(measure(name, glossary, corpus, args.sizes, args.repeats))
    print_targets(rows, builds, [label for label in builds if "synthetic" in label])
    print(f"\nTotal time {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
