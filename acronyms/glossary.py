"""Glossaries: load, validate and layer acronym definitions.

A glossary is an ordered collection of `Entry` rows read from a CSV file in the
bundled schema (see DESIGN.md). One acronym may have several rows when they are
different senses. Glossaries are layered: a later layer's senses of an acronym
replace the earlier layers' senses of that acronym.

>>> g = Glossary.bundled()
>>> g.lookup("PCSO")[0].expansion
'Police Community Support Officer'
>>> mine = Glossary.from_entries([Entry("SNP", "Safer Neighbourhood Panel")])
>>> layered = Glossary.layered([g, mine])
>>> layered.lookup("SNP")[0].expansion
'Safer Neighbourhood Panel'
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import functools
import gc
import io
import itertools
import json
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from importlib import resources
from operator import itemgetter
from pathlib import Path
from types import MappingProxyType
from typing import Final, Protocol, TextIO

from .errors import GlossaryError, InputError
from .positions import line_at
from .textio import byte_line, decode, not_text, reads

COLUMNS = ("acronym", "expansion", "plural", "context", "category", "replaced_by", "well_known", "note")
REQUIRED_COLUMNS = ("acronym", "expansion")
TRUE_WORDS = frozenset({"yes", "y", "true", "1"})
FALSE_WORDS = frozenset({"", "no", "n", "false", "0"})
FLAG_WORDS = TRUE_WORDS | FALSE_WORDS
BUNDLED_NAME = "<bundled glossary>"
UTF8_HINT = "save the glossary as UTF-8 (in Excel: 'CSV UTF-8')"
NUL_MESSAGE = "a NUL byte: this is not a CSV text file; save the glossary as CSV (UTF-8)"
OTHER_APOSTROPHES = "\u2019\u2018\u02bc"  # right and left single quotation marks, modifier letter apostrophe
_STRAIGHT_APOSTROPHES = str.maketrans(dict.fromkeys(OTHER_APOSTROPHES, "'"))


def straight_apostrophes(text: str) -> str:
    """`text` with every apostrophe written as `'`, so `Majesty’s` and `Majesty's` compare equal (lengths kept).

    >>> straight_apostrophes("Majesty’s ‘PCC‘s’ PCCʼs")
    "Majesty's 'PCC's' PCC's"
    """
    return text.translate(_STRAIGHT_APOSTROPHES)


SOFT_HYPHEN: Final = "\u00ad"  # Word's optional hyphen: shown only where a line breaks at it


def without_soft_hyphens(text: str) -> str:
    """`text` as read: a soft hyphen splits no word (`Neighbour\u00adhood` is `Neighbourhood`)."""
    return text.replace(SOFT_HYPHEN, "") if SOFT_HYPHEN in text else text


# Last words that are plural already, or the same in both numbers: `British Transport Police`, `Next of Kin`.
INVARIANT_PLURALS: Final = frozenset({"police", "people", "children", "kin", "staff", "personnel"})
_LAST_WORD: Final = re.compile(r"[^\W\d_]+\Z")  # the letters a long form ends with, if it ends with a letter


def ends_as_plural(long: str) -> bool:
    """True for a long form ending in a plural noun in `s` (`Services`): not `ss`, `us` or `is` (`Business`, `Census`).

    Its plural is itself, and its possessive the apostrophe alone.

    >>> ends_as_plural("Rape and Serious Sexual Offences"), ends_as_plural("Police Service"), ends_as_plural("Business")
    (True, False, False)
    """
    return long.endswith("s") and not long.endswith(("ss", "us", "is"))


def regular_plural(expansion: str) -> str:
    """The plural of a long form by the regular rules of English, made on its last word.

    A consonant and `y` become `ies`; `s`, `x`, `z`, `ch` and `sh` take `es` and `is` becomes `es`;
    anything else takes an `s`. A long form that is plural already (`Services`, `Police`) or ends
    in no letter (an Act and its year) stays as it is. Irregular plurals (`Attorneys General`) go in
    the glossary's `plural` column.

    >>> forms = ["Crime Agency", "Neighbourhood Watch", "Any Other Business", "Crisis", "Survey", "Officer"]
    >>> [regular_plural(form).rsplit(maxsplit=1)[-1] for form in forms]
    ['Agencies', 'Watches', 'Businesses', 'Crises', 'Surveys', 'Officers']
    >>> regular_plural("Human Resources"), regular_plural("British Transport Police"), regular_plural("Terrorism Act 2000")
    ('Human Resources', 'British Transport Police', 'Terrorism Act 2000')
    """
    word = _LAST_WORD.search(expansion)
    if word is None or word[0].casefold() in INVARIANT_PLURALS or ends_as_plural(expansion):
        return expansion
    last = word[0].casefold()
    if last.endswith("is"):
        return expansion[:-2] + "es"
    if last.endswith(("s", "x", "z", "ch", "sh")):
        return expansion + "es"
    if last.endswith("y") and len(last) > 1 and last[-2] not in "aeiou":
        return expansion[:-1] + "ies"
    return expansion + "s"


@dataclass(frozen=True)
class Entry:
    """One sense of one acronym, with where it was defined.

    >>> Entry("PCSO", "Police Community Support Officer").plural_expansion
    'Police Community Support Officers'
    >>> Entry("PCC", "Police and Crime Commissioner", plural="Police and Crime Commissioners").plural_expansion
    'Police and Crime Commissioners'
    """

    acronym: str
    expansion: str
    plural: str = ""
    context: tuple[str, ...] = ()
    category: str = ""
    replaced_by: str = ""
    well_known: bool = False
    note: str = ""
    source: str = field(default="", compare=False)
    line: int = field(default=0, compare=False)

    @functools.cached_property
    def plural_expansion(self) -> str:
        """The plural long form: the `plural` column, or the regular plural of the last word (`regular_plural`).

        Worked out once per entry (stored beside the fields, so equality and hashing ignore it): annotation
        asks again at every plural use, and the regular plural costs a regex search.
        """
        return self.plural or regular_plural(self.expansion)

    def row(self) -> dict[str, str]:
        """The entry as a CSV row in the bundled schema."""
        return {
            "acronym": self.acronym,
            "expansion": self.expansion,
            "plural": self.plural,
            "context": " ".join(self.context),
            "category": self.category,
            "replaced_by": self.replaced_by,
            "well_known": "yes" if self.well_known else "",
            "note": self.note,
        }


def _search_words(text: str) -> list[str]:
    """The words of `text` as `Glossary.search` compares them: case-folded, apostrophes straight, without accents
    (a Welsh `ŵ` typed as `w`, `café` as `cafe`), in any Unicode composition."""
    decomposed = unicodedata.normalize("NFKD", straight_apostrophes(text).casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char)).split()


def expansion_key(expansion: str) -> str:
    """An expansion as compared: case, spacing, hyphens, `&`, apostrophes and a plural `s` do not count.

    >>> expansion_key("Safer Neighbourhood Panels") == expansion_key("safer  neighbourhood panel")
    True
    >>> expansion_key("Anti-Social Behaviour") == expansion_key("Anti social behaviour")
    True
    >>> expansion_key("Local Police Team") == expansion_key("Local Policing Team")
    False
    >>> expansion_key("Neighbour\u00adhood Policing Team") == expansion_key("Neighbourhood Policing Team")
    True
    """
    read = without_soft_hyphens(straight_apostrophes(expansion)).casefold().replace("&", " and ")
    words = re.sub(r"[-–—/]", " ", read).split()
    if words and len(words[-1]) > 3 and words[-1].endswith("s") and not words[-1].endswith("ss"):
        words[-1] = words[-1][:-1]
    return " ".join(words)


class Glossary:
    """An ordered, immutable set of entries with lookup by acronym.

    Rows that repeat an acronym and expansion (as compared, `expansion_key`: `Force Control Room` and
    `Force control room`) are kept in `entries` (so checks can report them, G001) but give one sense in
    `lookup`, the first: two would make the acronym ambiguous, and it would never be expanded. The constructor takes entries as they
    are (the checks read rows the loader would refuse); `from_entries` holds them to its rules.
    """

    def __init__(self, entries: Iterable[Entry], *, name: str = "") -> None:
        self.entries: tuple[Entry, ...] = tuple(entries)
        self.name = name
        # The senses are built as tuples directly, one small object per acronym: a list per
        # acronym, copied to a tuple afterwards, made indexing 50,000 entries about three times slower.
        self._senses: dict[str, tuple[Entry, ...]] = {}
        self._plain_senses: dict[str, Entry] | None = None  # built when first asked for (a dict: it pickles)
        for entry in self.entries:
            known = self._senses.get(entry.acronym)
            if known is None:
                self._senses[entry.acronym] = (entry,)
            else:
                key = expansion_key(entry.expansion)  # the new row's, once; only an acronym seen before pays
                if all(expansion_key(sense.expansion) != key for sense in known):
                    self._senses[entry.acronym] = (*known, entry)

    @classmethod
    def from_entries(cls, entries: Iterable[Entry], *, name: str = "") -> Glossary:
        """A glossary of the given entries, in order, held to the CSV loader's rules.

        An empty acronym or expansion, or an acronym with a space, a comma or an invisible character, raises
        `GlossaryError`; context words are compared in lower case, as the loader writes them. A context given
        as one string, or a `well_known` that is not a bool, raises `TypeError` (its letters, or `"no"`, would
        be read for what they are not); a list of words is kept as a tuple.

        >>> Glossary.from_entries([Entry("", "Safer Neighbourhood Panel")])
        Traceback (most recent call last):
        acronyms.errors.GlossaryError: entry 1: empty acronym; give each entry an acronym and an expansion
        >>> Glossary.from_entries([Entry("CC", "Catalytic Converter", context=("Theft",))]).lookup("CC")[0].context
        ('theft',)
        >>> Glossary.from_entries([Entry("CC", "Catalytic Converter", context="theft metal")])
        Traceback (most recent call last):
        TypeError: entry 1: context is a tuple of words, not the string 'theft metal'; write ('theft', 'metal')
        """
        return cls(map(_checked_entry, entries, itertools.count(1)), name=name)

    @classmethod
    def bundled(cls) -> Glossary:
        """The bundled UK policing glossary (`data/glossary.csv`), loaded once."""
        return _bundled()

    @classmethod
    def from_csv(cls, path: str | Path, *, encoding: str | None = None) -> Glossary:
        """Read a glossary CSV, as UTF-8 when it is, else in `encoding` (`decode_csv`); raise `GlossaryError`
        naming the line of any problem."""
        path = Path(path)
        try:
            data = path.read_bytes()
        except OSError as error:
            raise GlossaryError(f"cannot read glossary: {error.strerror}; check the path", path=str(path)) from None
        text = decode_csv(data, encoding=encoding, path=str(path))
        if path.suffix.lower() != ".csv" and not has_glossary_header(text):
            raise GlossaryError(
                f"not a glossary CSV (its first row does not name {' and '.join(REQUIRED_COLUMNS)}); to use a "
                f"document's own glossary, run `acronyms extract {path} > {path.with_suffix('.csv')}` and pass that",
                path=str(path),
                line=1,
            )
        return cls.from_text(text, name=str(path))

    @classmethod
    def from_text(cls, text: str, *, name: str = "<glossary>") -> Glossary:
        """Parse glossary CSV text (already decoded)."""
        with collection_paused():  # tens of thousands of new entries: the collector would only rescan them
            return cls(parse_csv(text, name), name=name)

    @classmethod
    def layered(cls, layers: Sequence[Glossary]) -> Glossary:
        """Combine glossaries; each later layer's senses replace earlier senses of the same acronym."""
        overridden: set[str] = set()
        kept: list[Entry] = []
        for layer in reversed(layers):
            kept[:0] = [entry for entry in layer.entries if entry.acronym not in overridden]
            overridden.update(layer.acronyms)
        return cls(kept, name=" + ".join(layer.name for layer in layers))

    @property
    def acronyms(self) -> tuple[str, ...]:
        """Every acronym defined, in first-definition order."""
        return tuple(self._senses)

    def lookup(self, acronym: str) -> tuple[Entry, ...]:
        """The senses of `acronym` (exact, case-sensitive); empty when it is not defined."""
        return self._senses.get(acronym, ())

    @property
    def senses(self) -> Mapping[str, tuple[Entry, ...]]:
        """The senses of each acronym, as `lookup` gives them, as a read-only mapping.

        For a caller that looks up thousands of hits: `senses.get(acronym, ())` is a
        dictionary lookup, without a method call around it.
        """
        return MappingProxyType(self._senses)

    @property
    def plain_senses(self) -> Mapping[str, Entry]:
        """The sense of each acronym that has only one, not well known, as a read-only mapping built once.

        What a first use of such an acronym expands to, without weighing senses: for the
        annotator, one lookup per hit that reads no tuple of senses and no entry's fields,
        which with a large glossary lie far apart in memory (`planner._Judge.first_use`).

        >>> entries = [Entry("CC", "County Council"), Entry("CC", "Chief Constable"), Entry("SNP", "Panel")]
        >>> plain = Glossary([*entries, Entry("PC", "Police Constable", well_known=True)]).plain_senses
        >>> {acronym: entry.expansion for acronym, entry in plain.items()}
        {'SNP': 'Panel'}
        """
        if self._plain_senses is None:
            only = (senses[0] for senses in self._senses.values() if len(senses) == 1)
            self._plain_senses = {entry.acronym: entry for entry in only if not entry.well_known}
        return MappingProxyType(self._plain_senses)

    def lookup_ignoring_case(self, acronym: str) -> tuple[Entry, ...]:
        """The senses of every acronym that is `acronym` in another case (`pcso`: `PCSO`), in glossary order.

        >>> [entry.acronym for entry in Glossary.bundled().lookup_ignoring_case("tomv")]
        ['ToMV']
        """
        wanted = acronym.casefold()
        return tuple(entry for known in self._senses if known.casefold() == wanted for entry in self._senses[known])

    def search(self, words: str) -> tuple[Entry, ...]:
        """Entries whose expansion contains every word of `words` (case, accents and apostrophe style do not count).

        >>> [e.acronym for e in Glossary.bundled().search("number plate")]
        ['ANPR']
        >>> [e.acronym for e in Glossary.bundled().search("Majesty’s Inspectorate of Prisons")]
        ['HMIP']
        >>> [e.acronym for e in Glossary.from_entries([Entry("QWX", "Gwasanaeth Ŵyn Ffug")]).search("wyn")]
        ['QWX']
        """
        wanted = set(_search_words(words))
        if not wanted:
            return ()
        return tuple(entry for entry in self.entries if wanted <= set(_search_words(entry.expansion)))

    def __contains__(self, acronym: object) -> bool:
        return acronym in self._senses

    def __iter__(self) -> Iterator[Entry]:
        return iter(self.entries)

    def __len__(self) -> int:
        return len(self.entries)

    def __repr__(self) -> str:
        return f"Glossary({self.name!r}, {len(self.entries)} entries)"

    def write_csv(self, stream: TextIO) -> None:
        """Write the glossary as CSV in the bundled schema, with its header row."""
        writer = csv.DictWriter(stream, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(entry.row() for entry in self.entries)

    def to_json(self) -> str:
        """The glossary as a JSON array of rows in the bundled schema."""
        rows = [
            {**entry.row(), "context": list(entry.context), "well_known": entry.well_known} for entry in self.entries
        ]
        return json.dumps(rows, ensure_ascii=False, indent=2)


@functools.cache
def _bundled() -> Glossary:
    return Glossary.from_text(bundled_csv_text(), name=BUNDLED_NAME)


# Where the bundled glossary is in a checkout: installing it makes `data/` the package `acronyms.data`.
CHECKOUT_CSV: Final = Path(__file__).resolve().parent.parent / "data" / "glossary.csv"


def bundled_csv_text() -> str:
    """The text of the bundled `glossary.csv`: from the installed package, or from the checkout this code runs in.

    Code run from a checkout's root (`python cli.py`) is imported from there even when the
    package is installed too, and the checkout has no `acronyms.data` package.
    """
    try:
        return resources.files("acronyms.data").joinpath("glossary.csv").read_text(encoding="utf-8")
    except ModuleNotFoundError:
        return CHECKOUT_CSV.read_text(encoding="utf-8")


def decode_csv(data: bytes, *, encoding: str | None = None, path: str) -> str:
    """The text of a glossary CSV's bytes; `GlossaryError` naming the line of a NUL byte or a bad byte.

    Every command reads a glossary the same way: as UTF-8 (with or without a byte-order mark; UTF-16
    with one) whenever the bytes are UTF-8, else in `encoding` (the `--encoding` given, which is the
    documents' too; None, no other), else it is an error that names the bad byte. So a UTF-8 glossary stays UTF-8 beside
    a cp1252 document, and a cp1252 glossary reads beside it too.

    >>> decode_csv("acronym,expansion\\nCO,Chief’s Office\\n".encode(), encoding="cp1252", path="g.csv").split(",")[-1]
    'Chief’s Office\\n'
    >>> decode_csv(b"acronym,expansion\\nSNP,\\x00\\n", path="g.csv")
    Traceback (most recent call last):
    acronyms.errors.GlossaryError: g.csv:2: a NUL byte: this is not a CSV text file; save the glossary as CSV (UTF-8)
    """
    kind = not_text(data, path)  # an Excel workbook given as the glossary: say how to save it as a CSV
    if kind is not None:
        raise GlossaryError(kind, path=path)
    utf16 = data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))  # NUL bytes are part of its characters
    nul = -1 if utf16 else data.find(b"\x00")
    if nul != -1:
        raise GlossaryError(NUL_MESSAGE, path=path, line=byte_line(data, nul))
    if encoding is None or (not utf16 and encoding != "utf-8" and reads(data, "utf-8")):  # else decode it once
        encoding = "utf-8"
    try:
        text = decode(data, encoding=encoding, path=path, hint=UTF8_HINT).text
    except InputError as error:
        raise GlossaryError(error.message, path=error.path, line=error.line) from None
    nul = text.find("\x00")  # in UTF-16, a NUL character
    if nul != -1:
        raise GlossaryError(NUL_MESSAGE, path=path, line=line_at(text, nul))
    return text


def has_glossary_header(text: str) -> bool:
    """True when the CSV text's header names the glossary's columns, or would but for a slip (`misplaced_header`).

    >>> has_glossary_header("acronym;expansion\\n"), has_glossary_header("Minutes of the meeting\\n\\nPresent: ...\\n")
    (True, False)
    """
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader, [])
        return names_glossary_columns(header) or misplaced_header(header, reader) is not None
    except csv.Error:
        return False


def refuse_repeated_columns(header: Sequence[str], path: str) -> None:
    """Raise `GlossaryError` when `header` names a column of the schema twice: its cells would be misread.

    >>> refuse_repeated_columns(["acronym", "expansion", "acronym"], "g.csv")
    Traceback (most recent call last):
    acronyms.errors.GlossaryError: g.csv:1: the column 'acronym' appears twice in the header; remove one
    """
    for index, column in enumerate(header):
        if column in COLUMNS and column in header[:index]:
            raise GlossaryError(f"the column {column!r} appears twice in the header; remove one", path=path, line=1)


def _checked_entry(entry: Entry, number: int) -> Entry:
    """`entry` as the loader would make it, or `GlossaryError` saying what the loader would refuse."""
    acronym, expansion, context = entry.acronym, entry.expansion, entry.context
    if not acronym.strip() or not expansion.strip():
        empty = "acronym" if not acronym.strip() else "expansion"
        raise GlossaryError(f"entry {number}: empty {empty}; give each entry an acronym and an expansion")
    if (problem := acronym_problem(acronym)) is not None:
        raise GlossaryError(f"entry {number}: {problem}")
    if isinstance(context, str):  # its letters would be read as the words
        raise TypeError(
            f"entry {number}: context is a tuple of words, not the string {context!r}; write {tuple(context.split())!r}"
        )
    if not isinstance(entry.well_known, bool):  # `"no"` would be read as true
        raise TypeError(f"entry {number}: well_known is True or False, not {entry.well_known!r}")
    if not isinstance(context, tuple) or any(word != word.lower() for word in context):
        return replace(entry, context=tuple(word.lower() for word in context))
    return entry


def acronym_problem(acronym: str) -> str | None:
    """What is wrong with an acronym that holds white space, a comma or an invisible character, if it does.

    Each is a slip (of the CSV, or a byte-order mark or zero-width space pasted in), never part of
    one word, and an acronym holding an invisible character would never match what a text shows.
    The loader refuses such a row; `acronyms check` reports it as G006 with the same words.

    >>> acronym_problem("S NP"), acronym_problem("SNP")
    ("acronym 'S NP' contains a space; acronyms cannot contain spaces, write it as one word", None)
    >>> acronym_problem("\ufeffSNP")
    "acronym '\\\\ufeffSNP' contains the invisible character U+FEFF; delete it"
    """
    if " " not in acronym and "," not in acronym and acronym.isprintable():  # the common case (other spaces print not)
        return None
    if any(char.isspace() for char in acronym):
        return f"acronym {acronym!r} contains a space; acronyms cannot contain spaces, write it as one word"
    if "," in acronym:
        return f"acronym {acronym!r} contains a comma; acronyms cannot contain commas, write it as one word"
    hidden = next((char for char in acronym if not char.isprintable()), None)
    if hidden is not None:
        return f"acronym {acronym!r} contains the invisible character U+{ord(hidden):04X}; delete it"
    return None


# Rows read below a header row that lacks the glossary's columns, looking for the header Excel left lower
# down: a title or a blank row above the table takes one or two; a glossary's header is never far down.
HEADER_SEARCH_ROWS: Final = 10
# Excel writes a CSV with these separators where the locale's list separator is not a comma.
OTHER_SEPARATORS: Final = {";": "semicolons", "\t": "tabs"}
EXCEL_CSV = "save it from Excel as 'CSV UTF-8 (Comma delimited)'"


def names_glossary_columns(cells: Iterable[str]) -> bool:
    """True when the header cells name the required columns, `acronym` and `expansion` (case and spaces aside).

    >>> names_glossary_columns(["Acronym ", "EXPANSION", "note"]), names_glossary_columns(["acronym;expansion"])
    (True, False)
    """
    return set(REQUIRED_COLUMNS) <= {cell.strip().strip('"').strip().lower() for cell in cells}


def other_separator(header: Sequence[str]) -> str | None:
    """The separator (`;` or a tab) that splits the header row into the glossary's columns, if one does.

    >>> other_separator(["acronym;expansion;note"]), other_separator(["acronym\\texpansion"]), other_separator(["a"])
    (';', '\\t', None)
    """
    line = ",".join(header)  # the cells the comma split, joined again: the row as written, quotes aside
    return next((sep for sep in OTHER_SEPARATORS if names_glossary_columns(line.split(sep))), None)


class CsvRows(Protocol):
    """What `read_header` needs of a `csv.reader`: its rows, and the line it has read up to."""

    @property
    def line_num(self) -> int: ...

    def __iter__(self) -> Iterator[list[str]]: ...

    def __next__(self) -> list[str]: ...


def misplaced_header(header: Sequence[str], reader: CsvRows) -> str | None:
    """What is wrong with a header row that lacks the glossary's columns, when the file is still a glossary.

    A glossary saved with semicolons or tabs between its fields, or with a title or blank row above
    its header (as Excel writes them), gets a message saying how to fix it; any other file, `None`.
    `reader` has read the header row; the search goes on for at most `HEADER_SEARCH_ROWS` rows.

    >>> misplaced_header(["acronym;expansion"], csv.reader([]))
    "the file is separated by semicolons, not commas; save it from Excel as 'CSV UTF-8 (Comma delimited)'"
    >>> reader = csv.reader(["Force glossary,\\n", ",\\n", "Acronym,Expansion\\n"])
    >>> print(misplaced_header(next(reader), reader))
    the header row must be the first row, but line 3 names acronym and expansion; delete the rows above it
    >>> reader = csv.reader(["name,age\\n", "Ann,40\\n"])
    >>> misplaced_header(next(reader), reader) is None
    True
    """
    separator = other_separator(header)
    if separator is not None:
        return f"the file is separated by {OTHER_SEPARATORS[separator]}, not commas; {EXCEL_CSV}"
    line = reader.line_num + 1
    try:
        for row in itertools.islice(reader, HEADER_SEARCH_ROWS):
            if names_glossary_columns(row):
                columns = " and ".join(REQUIRED_COLUMNS)
                return (
                    f"the header row must be the first row, but line {line} names {columns}; delete the rows above it"
                )
            line = reader.line_num + 1
    except csv.Error:  # a row that cannot be read: the search ends there
        pass
    return None


def read_header(reader: CsvRows, name: str) -> list[str]:
    """The column names of the header row, lower-cased; `GlossaryError` when there is none, or it lacks one.

    The error says what to do: name the columns, save the file with commas between its fields, or
    delete the rows above the header (`misplaced_header`).
    """
    try:
        header = [column.strip().lower() for column in next(reader)]
    except StopIteration:
        raise GlossaryError("the file is empty; add a header row 'acronym,expansion'", path=name, line=1) from None
    except csv.Error as error:
        raise GlossaryError(f"bad CSV ({error}); check the quoting of the header row", path=name, line=1) from None
    missing = [column for column in REQUIRED_COLUMNS if column not in header]
    if missing:
        problem = misplaced_header(header, reader)
        if problem is not None:
            raise GlossaryError(problem, path=name, line=1)
        columns = "column " + repr(missing[0]) if len(missing) == 1 else "columns " + " and ".join(map(repr, missing))
        raise GlossaryError(
            f"missing {columns}; the header row must name "
            f"{' and '.join(REQUIRED_COLUMNS)} (optional: {', '.join(COLUMNS[2:])})",
            path=name,
            line=1,
        )
    refuse_repeated_columns(header, name)
    return header


def parse_csv(text: str, name: str) -> list[Entry]:
    """Parse CSV text into entries, raising `GlossaryError` with the line of the problem.

    Most rows are plainly valid, and `_PlainRows` turns those straight into
    entries; any other row (blank, short, or breaking a rule) goes through
    `row_problems` and `row_entry`, which give the same entry or the error.
    """
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    header = read_header(reader, name)
    plain = _PlainRows(header)
    entries = []
    line = reader.line_num + 1
    try:
        for row in reader:
            entry = plain.entry(row, name, line)
            if entry is not None:
                entries.append(entry)
            elif any(cell.strip() for cell in row):
                entries.append(_entry(dict(zip(header, (cell.strip() for cell in row))), row, header, name, line))
            line = reader.line_num + 1
    except csv.Error as error:  # `line` is still the first line of the row that could not be read
        raise GlossaryError(
            f"bad CSV quoting ({error}); a field that contains a quote must be quoted and the quote doubled",
            path=name,
            line=line,
        ) from None
    return entries


class _PlainRows:
    """The fast path of `parse_csv`: an entry for each row that is plainly valid, else `None`.

    A plain row has exactly one field per header column, an acronym without a
    space, an expansion and a well_known flag that is recognised; for those rows
    `row_problems` and `acronym_problem` find nothing, and the cells read here by
    position are the cells that `dict(zip(header, row))` would give (`parse_csv`
    refuses a header that repeats a column), so the entry equals `row_entry`'s.
    """

    def __init__(self, header: Sequence[str]) -> None:
        self.width = len(header)
        # An absent column reads the empty cell that `entry` adds after the row's own cells.
        position = {column: index for index, column in enumerate(header)}
        self.cells = itemgetter(*(position.get(column, self.width) for column in COLUMNS))

    def entry(self, row: list[str], name: str, line: int) -> Entry | None:
        """The entry of `row` when it is plainly valid; `None` when it needs the precise path."""
        if len(row) != self.width:
            return None
        cells = [cell.strip() for cell in self.cells([*row, ""])]
        acronym, expansion, well_known = cells[0], cells[1], cells[6]
        if not acronym or not expansion or well_known.lower() not in FLAG_WORDS:
            return None
        if " " in acronym or "," in acronym or not acronym.isprintable():  # other white space is unprintable
            return None
        return _column_entry(cells, name, line)


@contextlib.contextmanager
def collection_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector, restoring it afterwards.

    For building tens of thousands of small objects at once (entries here, the
    automaton's values in `acronyms.matcher`): the collector would only rescan them.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _entry(cells: dict[str, str], row: list[str], header: list[str], name: str, line: int) -> Entry:
    problems = row_problems(cells, len(row), header)
    acronym = acronym_problem(cells.get("acronym", ""))
    problems += [acronym] if acronym else []
    if problems:
        raise GlossaryError(problems[0], path=name, line=line)
    return row_entry(cells, name, line)


def row_problems(cells: dict[str, str], width: int, header: Sequence[str]) -> list[str]:
    """What is wrong with one CSV row, each as a message that says how to fix it."""
    problems = [
        f"empty {column}; fill in the {column!r} column or delete the row"
        for column in REQUIRED_COLUMNS
        if not cells.get(column)
    ]
    if width > len(header):
        problems.append(f"{width} fields but the header has {len(header)}; quote fields that contain commas")
    well_known = cells.get("well_known", "").lower()
    if well_known not in FLAG_WORDS:
        problems.append(f"well_known is {well_known!r}; write 'yes' or leave it empty")
    return problems


def row_entry(cells: dict[str, str], name: str, line: int) -> Entry:
    """The entry one CSV row (its cells by column name) describes."""
    return _column_entry([cells.get(column, "") for column in COLUMNS], name, line)


# The context column's words may be separated by spaces, commas or semicolons (as a list pasted from Excel in
# a locale whose list separator is the semicolon); a semicolon is never part of a word of a sentence.
_CONTEXT_SEPARATORS: Final = str.maketrans(",;", "  ")


def _column_entry(cells: Sequence[str], name: str, line: int) -> Entry:
    """The entry of one row's cells, one for each of `COLUMNS` in that order.

    The entry is made the way `pickle` remakes one, by filling in a blank
    instance's fields, because a frozen dataclass's `__init__` sets each field
    through `object.__setattr__`, which took a quarter of the time to load a
    50,000-entry glossary. The result equals `Entry(...)` while `Entry` has no
    `__post_init__` and every field is set here; tests/test_glossary.py checks both.
    """
    acronym, expansion, plural, context, category, replaced_by, well_known, note = cells
    entry = object.__new__(Entry)
    entry.__dict__.update(
        acronym=acronym,
        expansion=" ".join(expansion.split()),
        plural=plural,
        context=tuple(context.translate(_CONTEXT_SEPARATORS).lower().split()),
        category=category,
        replaced_by=replaced_by,
        well_known=well_known.lower() in TRUE_WORDS,
        note=note,
        source=name,
        line=line,
    )
    return entry
