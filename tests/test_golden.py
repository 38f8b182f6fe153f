"""Golden-file tests of rendered output; tests/golden/README.md documents the schema."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from acronyms import Format, Glossary, Options, Style, annotate
from acronyms.textio import decode, encode

GOLDEN = Path(__file__).resolve().parent / "golden"
CASES: list[dict[str, Any]] = json.loads((GOLDEN / "cases.json").read_text(encoding="utf-8"))
REGENERATE = os.environ.get("ACRONYMS_REGENERATE") == "1"


def options(fields: dict[str, Any]) -> Options:
    converters = {"style": Style, "format": Format}
    return Options(**{key: converters.get(key, lambda value: value)(value) for key, value in fields.items()})


def run(case: dict[str, Any], data: bytes) -> bytes:
    glossary = Glossary.from_csv(GOLDEN / case["glossary"]) if case["glossary"] else Glossary.bundled()
    document = decode(data)
    return encode(annotate(document.text, glossary, options(case["options"])), document)


@pytest.mark.parametrize("case", CASES, ids=[case["name"] for case in CASES])
def test_golden(case: dict[str, Any]) -> None:
    expected_path = GOLDEN / "expected" / case["expected"]
    result = run(case, (GOLDEN / case["input"]).read_bytes())
    if REGENERATE:
        expected_path.write_bytes(result)
    assert result == expected_path.read_bytes()


@pytest.mark.parametrize("case", CASES, ids=[case["name"] for case in CASES])
def test_golden_output_is_a_fixed_point(case: dict[str, Any]) -> None:
    expected = (GOLDEN / "expected" / case["expected"]).read_bytes()
    assert run(case, expected) == expected
