"""Find, expand and check UK policing acronyms in documents."""

from .annotation import annotate, annotation
from .checks import CheckOptions, Finding, Severity, check_document, check_glossary, check_paths
from .context import ContextMode
from .edits import Replacement, restore
from .errors import AcronymsError, GlossaryError, InputError, OutputError, UsageError
from .generate import used_glossary
from .glossary import Entry, Glossary
from .matcher import Form, Match, find
from .planner import Action, Decision, FirstUse, GlossaryMode, Options, Style
from .regions import Format
from .render import Annotation, Insertion
from .reporters import ReportFormat, report
from .scan import DefinedBy, Scan, extract, scan

__version__ = "0.1.0"

__all__ = [
    "AcronymsError",
    "Action",
    "Annotation",
    "CheckOptions",
    "ContextMode",
    "Decision",
    "DefinedBy",
    "Entry",
    "Finding",
    "FirstUse",
    "Form",
    "Format",
    "Glossary",
    "GlossaryError",
    "GlossaryMode",
    "InputError",
    "Insertion",
    "Match",
    "Options",
    "OutputError",
    "Replacement",
    "ReportFormat",
    "Scan",
    "Severity",
    "Style",
    "UsageError",
    "__version__",
    "annotate",
    "annotation",
    "check_document",
    "check_glossary",
    "check_paths",
    "extract",
    "find",
    "report",
    "restore",
    "scan",
    "used_glossary",
]
