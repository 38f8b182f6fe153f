"""Choosing between the senses of an ambiguous acronym from the words around it.

Without spaCy this compares lower-cased words: a sense scores one point for each
of its `context` words and expansion words that appear near the acronym. The
best score wins only when it is above zero and no other sense ties with it;
otherwise the choice is left open (annotation does not guess).

>>> from acronyms.glossary import Entry
>>> senses = (Entry("CC", "Chief Constable", context=("force", "police")),
...           Entry("CC", "County Council", context=("council", "councillors")))
>>> choose_sense(senses, "The county council budget was set.").expansion
'County Council'
>>> choose_sense(senses, "Nothing to go on here.") is None
True
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .glossary import Entry

CONTEXT_CHARS = 400  # about a paragraph of minutes either side: enough words to vote, near enough to be relevant
WORD = re.compile(r"[^\W\d_]+")
STOP_WORDS = frozenset("a an and as at by for from in of on or the to with".split())


def context_window(text: str, start: int, end: int) -> str:
    """The text around `[start, end)` that senses are judged by."""
    return text[max(0, start - CONTEXT_CHARS) : end + CONTEXT_CHARS]


def words(text: str) -> set[str]:
    """Lower-cased words of `text`, with a crude singular for each plural.

    >>> sorted(words("Catalytic Converters, metal"))
    ['catalytic', 'converter', 'converters', 'metal']
    """
    found = {word.casefold() for word in WORD.findall(text)}
    return found | {word[:-1] for word in found if word.endswith("s") and len(word) > 3}


def sense_words(entry: Entry) -> set[str]:
    """The words that signal `entry`: its context words and its expansion's words."""
    return (set(entry.context) | words(entry.expansion)) - STOP_WORDS


def choose_sense(senses: Sequence[Entry], context: str) -> Entry | None:
    """The one sense whose words best match `context`, or None when nothing decides."""
    if len(senses) == 1:
        return senses[0]
    nearby = words(context)
    scores = sorted(((len(sense_words(sense) & nearby), index) for index, sense in enumerate(senses)), reverse=True)
    (best, index), (runner_up, _) = scores[0], scores[1]
    return senses[index] if best > runner_up else None
