"""Find, expand and check UK policing acronyms in documents."""

from .annotation import annotate, annotation
from .errors import AcronymsError, GlossaryError, InputError, UsageError
from .glossary import Entry, Glossary
from .matcher import Form, Match, find
from .planner import Action, Decision, Options, Style
from .regions import Format
from .render import Annotation, Insertion

__version__ = "0.1.0"

__all__ = [
    "AcronymsError",
    "Action",
    "Annotation",
    "Decision",
    "Entry",
    "Form",
    "Format",
    "Glossary",
    "GlossaryError",
    "InputError",
    "Insertion",
    "Match",
    "Options",
    "Style",
    "UsageError",
    "__version__",
    "annotate",
    "annotation",
    "find",
]
