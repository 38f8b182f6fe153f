"""Shared fixtures: the sample minutes shipped in examples/ and a small glossary."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import settings

from acronyms import Entry, Glossary

# No deadline for any property: on a loaded machine (CI, or helpers running suites side by side) a first
# run that takes longer than 200 ms made Hypothesis report a flaky failure for a correct example.
settings.register_profile("acronyms", deadline=None)
settings.load_profile("acronyms")

ROOT = Path(__file__).resolve().parent.parent


def compiled(module: ModuleType) -> bool:
    """True for a module of the compiled build (setup.py): its functions call each other directly,
    so a test that patches one of them to see it called can only see it in the pure build (CI runs both)."""
    return not str(module.__file__).endswith(".py")


SAMPLE = ROOT / "examples" / "staffordshire-public-performance-meeting-2020-02-27.txt"


@pytest.fixture(scope="session")
def small() -> Glossary:
    """A hand-made glossary, independent of the bundled one."""
    return Glossary.from_entries(
        [
            Entry("SNP", "Safer Neighbourhood Panel"),
            Entry("PCSO", "Police Community Support Officer"),
            Entry("PCC", "Police and Crime Commissioner"),
            Entry("ACC", "Assistant Chief Constable"),
            Entry("A/ACC", "Acting Assistant Chief Constable"),
            Entry("UK", "United Kingdom", well_known=True),
            Entry("CC", "Chief Constable", context=("force", "chief", "officers")),
            Entry("CC", "County Council", context=("council", "councillors", "budget")),
        ],
        name="small",
    )


@pytest.fixture
def sample_text() -> str:
    return SAMPLE.read_text(encoding="utf-8")


def cli_output(*args: str) -> tuple[int, str]:
    """The exit status and the output (standard output and error together) of `acronyms ARGS`, through click."""
    from click.testing import CliRunner

    from acronyms.cli import cli

    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.output
