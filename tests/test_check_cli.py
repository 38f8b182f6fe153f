"""`acronyms check`, `scan` and `extract` through click's CliRunner, the output formats, and the pre-commit hook."""

from __future__ import annotations

import json
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
import yaml
from click.testing import CliRunner
from conftest import ROOT, SAMPLE

from acronyms.cli import cli

DATA = ROOT / "tests" / "data" / "checks"
CLEAN = "The Safer Neighbourhood Panel (SNP) met the UK team.\nSNP agreed.\n"


def run(*args: str, input: bytes | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(autouse=True)
def no_settings_from_the_checkout(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Run every command in an empty directory, so no pyproject.toml of ours or of others is read."""
    monkeypatch.chdir(tmp_path)


@pytest.fixture
def minutes(tmp_path: Path) -> Path:
    path = tmp_path / "minutes.txt"
    shutil.copyfile(SAMPLE, path)
    return path


def write(path: Path, text: str) -> str:
    path.write_text(text, encoding="utf-8")
    return path.name


# Exit status ---------------------------------------------------------------------------------------------------


def test_exit_0_and_no_output_when_clean(tmp_path: Path) -> None:
    assert run("check", write(tmp_path / "clean.txt", CLEAN)) == (0, "", "")


def test_exit_1_with_findings_as_linter_lines(minutes: Path) -> None:
    status, out, err = run("check", "minutes.txt", "--select", "G001,G004")
    assert status == 1
    assert out == (
        "minutes.txt:93:1: G001 DA is listed twice with the same expansion (lines 89 and 93); delete line 93\n"
        "minutes.txt:111:1: G004 SPOC is out of alphabetical order; move it after SNP (line 112)\n"
    )
    assert err == "2 findings (error: 1, info: 1); --fail-on warning\n"


@pytest.mark.parametrize(
    ("fail_on", "status"),
    [("error", 0), ("warning", 0), ("info", 1)],
    ids=["error", "warning", "info"],
)
def test_fail_on_sets_the_threshold(minutes: Path, fail_on: str, status: int) -> None:
    assert run("check", "minutes.txt", "--select", "D002", "--fail-on", fail_on)[0] == status


def test_warnings_fail_by_default_and_not_with_fail_on_error(tmp_path: Path) -> None:
    document = write(tmp_path / "doc.txt", "ANPR cameras.\n")
    assert run("check", document)[0] == 1
    assert run("check", document, "--fail-on", "error")[0] == 0
    assert run("check", document, "--no-bundled", "--fail-on", "error")[0] == 1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["missing.txt"], "Error: missing.txt: no such file; check the path"),
        (["--select", "X1", "doc.txt"], "Error: unknown code 'X1'; give codes or prefixes of G001-G008 and D001-D007"),
        (["--fail-on", "never", "doc.txt"], "Invalid value for '--fail-on'"),
        (["--colour", "doc.txt"], "--colour"),
        ([], "give the documents or glossaries to check"),
        (["-g", "bad.csv", "doc.txt"], "Error: bad.csv:1: missing column 'expansion'"),
        (["-g", "doc.txt", "doc.txt"], "Error: doc.txt: no glossary section found"),
        (["binary.txt"], "Error: binary.txt: looks like a binary file"),
        (["latin.txt"], "Error: latin.txt:1: not valid utf-8 (byte 0x96)"),
        (["nul.csv"], "Error: nul.csv:3: a NUL byte: this is not a CSV text file; save the glossary as CSV (UTF-8)"),
        (["-g", "nul.csv", "doc.txt"], "Error: nul.csv:3: a NUL byte: this is not a CSV text file"),
        (["twice.csv"], "Error: twice.csv:1: the column 'acronym' appears twice in the header; remove one"),
    ],
    ids=[
        "missing-file",
        "unknown-code",
        "bad-fail-on",
        "unknown-option",
        "nothing-to-check",
        "glossary-without-expansion",
        "no-glossary-section",
        "binary",
        "encoding",
        "csv-with-nul",
        "glossary-with-nul",
        "repeated-column",
    ],
)
def test_exit_2_on_usage_and_input_errors(tmp_path: Path, args: list[str], message: str) -> None:
    write(tmp_path / "doc.txt", "GM met.\n")
    write(tmp_path / "bad.csv", "acronym,meaning\nGM,Gold Manager\n")
    (tmp_path / "binary.txt").write_bytes(b"GM\x00\x01")
    (tmp_path / "latin.txt").write_bytes(b"GM \x96 met\n")
    (tmp_path / "nul.csv").write_bytes(b"acronym,expansion\nGM,Gold Manager\nSNP,\x00\n")
    write(tmp_path / "twice.csv", "acronym,expansion,acronym\nGM,Gold Manager,SNP\n")
    status, out, err = run("check", *args)
    assert (status, out) == (2, "")
    assert message in err
    assert "Traceback" not in err


def test_exit_2_on_bad_settings(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", '[tool.acronyms]\nfail-on = "sometimes"\n')
    status, _, err = run("check", write(tmp_path / "doc.txt", CLEAN))
    assert status == 2
    assert err.startswith("Error: ") and "fail-on is 'sometimes'; write error, warning or info" in err


@pytest.mark.parametrize("command", ["check", "annotate", "scan"])
def test_an_unknown_encoding_in_the_settings_names_the_settings_file(tmp_path: Path, command: str) -> None:
    """Not the document, which was never read: the settings' line is what to fix."""
    settings = tmp_path / "pyproject.toml"
    write(settings, '[tool.acronyms]\nbundled = true\nencoding = "klingon"\n')
    status, _, err = run(command, write(tmp_path / "doc.txt", CLEAN))
    assert status == 2
    assert f"Error: {settings}:3: encoding 'klingon' is unknown; try utf-8 or cp1252" in err


def test_a_configured_glossary_that_is_no_file_names_the_settings(tmp_path: Path) -> None:
    settings = tmp_path / "pyproject.toml"
    write(settings, '[tool.acronyms]\nglossaries = ["glossaries/office.csv"]\n')
    status, _, err = run("check", write(tmp_path / "doc.txt", CLEAN))
    assert status == 2
    assert err == (
        f"Error: {settings}: glossaries: no such file 'glossaries/office.csv' (its path is read from this file's "
        "folder); check the path\n"
    )


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"], ids=["lf", "crlf", "cr"])
def test_findings_count_every_kind_of_line_break(tmp_path: Path, newline: str) -> None:
    (tmp_path / "doc.txt").write_bytes(newline.join(["Minutes", "", "The ANPR cameras.", ""]).encode())
    status, out, _ = run("check", "doc.txt", "--select", "D001")
    assert (status, out.split(" D001")[0]) == (1, "doc.txt:3:5:")


def test_the_encoding_option_reads_word_files(tmp_path: Path) -> None:
    (tmp_path / "latin.txt").write_bytes(
        "The Safer Neighbourhood Panel (SNP) met \u2013 SNP agreed.\n".encode("cp1252")
    )
    assert run("check", "latin.txt", "--encoding", "cp1252") == (0, "", "")


def test_a_utf8_glossary_stays_utf8_beside_a_cp1252_document(tmp_path: Path) -> None:
    """--encoding is the documents'; a glossary is read as UTF-8 whenever its bytes are UTF-8 (no mojibake, no D005)."""
    (tmp_path / "doc.txt").write_bytes("The Chief’s Office (CO) met. CO agreed.\n".encode("cp1252"))
    write(tmp_path / "force.csv", "acronym,expansion\nCO,Chief’s Office\n")
    assert run("check", "doc.txt", "-g", "force.csv", "--encoding", "cp1252", "--no-bundled") == (0, "", "")
    (tmp_path / "force.csv").write_bytes("acronym,expansion\nCO,Chief’s Office\n".encode("cp1252"))
    assert run("check", "doc.txt", "-g", "force.csv", "--encoding", "cp1252", "--no-bundled") == (0, "", "")


# Options and settings ------------------------------------------------------------------------------------------


def test_allow_and_ignore(tmp_path: Path) -> None:
    document = write(tmp_path / "doc.txt", "GM and HB met.\n")
    assert run("check", document, "--allow", "GM", "--allow", "HB") == (0, "", "")
    assert run("check", document, "--allow", "GM,HB") == (0, "", "")
    assert run("check", document, "--ignore", "D")[0] == 0


def test_glossaries_are_checked_and_layered(tmp_path: Path) -> None:
    glossary = write(tmp_path / "force.csv", "acronym,expansion\nGM,Gold Manager\nGM,Gold Manager\n")
    document = write(tmp_path / "doc.txt", "The Gold Manager (GM) met.\n")
    status, out, _ = run("check", document, "-g", glossary)
    assert status == 1
    assert out == "force.csv:3:1: G001 GM is listed twice with the same expansion (lines 2 and 3); delete line 3\n"


def test_a_csv_given_as_a_file_is_checked_as_a_glossary(tmp_path: Path) -> None:
    glossary = write(tmp_path / "force.csv", "acronym,expansion\nPCSO,Police Community Safety Officer\n")
    status, out, _ = run("check", glossary)
    assert status == 1
    assert out.startswith("force.csv:2:1: G007 PCSO is 'Police Community Safety Officer' here")
    assert run("check", glossary, "--no-bundled") == (0, "", "")


def test_a_glossary_with_excel_s_empty_columns_checks_clean(tmp_path: Path) -> None:
    glossary = write(tmp_path / "trail.csv", "acronym,expansion,,\r\nFCR,Force Control Room,,\r\n")
    assert run("check", glossary, "--no-bundled") == (0, "", "")


def test_settings_from_pyproject_and_the_command_line_overrides_them(tmp_path: Path) -> None:
    write(tmp_path / "force.csv", "acronym,expansion\nGM,Gold Manager\n")
    write(
        tmp_path / "pyproject.toml",
        '[tool.acronyms]\nglossaries = ["force.csv"]\nbundled = false\nallow = ["HB"]\nfail-on = "error"\n',
    )
    document = write(tmp_path / "doc.txt", "GM and HB met.\n")
    status, out, _ = run("check", document)
    assert status == 0  # GM is a warning (force.csv knows it), below fail-on = error; HB is allowed
    assert out == (
        "doc.txt:1:1: D001 GM is used but the document does not define it; spell it out at first use, "
        "'Gold Manager (GM)', or add it to the document's glossary\n"
    )
    assert run("check", document, "--fail-on", "warning")[0] == 1
    assert run("check", document, "--allow", "GM")[1].startswith("doc.txt:1:8: D001 HB is used but defined nowhere")


def test_settings_from_setup_cfg(tmp_path: Path) -> None:
    write(tmp_path / "setup.cfg", "[acronyms]\nignore = D001\n")
    assert run("check", write(tmp_path / "doc.txt", "GM met.\n")) == (0, "", "")


# Output formats ------------------------------------------------------------------------------------------------


def test_json_output_matches_its_schema(minutes: Path) -> None:
    status, out, err = run("check", "minutes.txt", "--format", "json")
    data = json.loads(out)
    jsonschema.validate(data, json.loads((DATA / "findings.schema.json").read_text(encoding="utf-8")))
    assert (status, err) == (1, "")
    assert {
        "code": "G001",
        "severity": "error",
        "path": "minutes.txt",
        "line": 93,
        "column": 1,
        "acronym": "DA",
    }.items() <= next(row for row in data["findings"] if row["code"] == "G001").items()
    assert data["summary"] == {
        severity: sum(row["severity"] == severity for row in data["findings"])
        for severity in ("error", "warning", "info")
    }


def test_sarif_output_is_valid_sarif_2_1_0(minutes: Path) -> None:
    status, out, _ = run("check", "minutes.txt", "--format", "sarif")
    log = json.loads(out)
    schema = json.loads((DATA / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(schema).validate(log)
    (run_,) = log["runs"]
    rules = run_["tool"]["driver"]["rules"]
    assert [rule["id"] for rule in rules][:2] == ["G001", "G002"]
    g001 = next(result for result in run_["results"] if result["ruleId"] == "G001")
    assert g001["level"] == "error" and rules[g001["ruleIndex"]]["id"] == "G001"
    assert g001["locations"][0]["physicalLocation"] == {
        "artifactLocation": {"uri": "minutes.txt"},
        "region": {"startLine": 93, "startColumn": 1},
    }
    assert {result["level"] for result in run_["results"]} == {"error", "warning", "note"}
    assert status == 1


def test_sarif_schema_check_can_fail() -> None:
    schema = json.loads((DATA / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft4Validator(schema).validate({"version": "2.1.0", "runs": [{"results": []}]})


def test_github_annotations(tmp_path: Path) -> None:
    write(tmp_path / "a, b.txt", "GM met.\n")
    status, out, _ = run("check", "a, b.txt", "--format", "github")
    assert status == 1
    assert out == (
        "::error file=a%2C b.txt,line=1,col=1,title=acronyms D001::GM is used but defined nowhere; spell it out "
        "at first use, 'Long Form (GM)', add it to the document's glossary, or allow it (--allow GM) if every "
        "reader knows it\n"
    )


# scan and extract ----------------------------------------------------------------------------------------------


def test_scan_json(minutes: Path) -> None:
    status, out, _ = run("scan", "minutes.txt", "--format", "json")
    data = json.loads(out)
    jsonschema.validate(data, json.loads((DATA / "scan.schema.json").read_text(encoding="utf-8")))
    assert status == 0
    assert data["path"] == "minutes.txt"
    assert next(row for row in data["acronyms"] if row["acronym"] == "GM") == {
        "acronym": "GM",
        "count": 2,
        "defined_by": "none",
        "expansion": None,
        "first": {"line": 11, "column": 112},
        "well_known": False,
    }


def test_scan_text_from_standard_input() -> None:
    assert run("scan", "-", "--no-bundled", input=b"Matthew Ellis (ME) and GM. ME.\n") == (
        0,
        "<stdin>:1:16: ME (2 uses) inline: Matthew Ellis\n<stdin>:1:24: GM (1 use) none\n",
        "",
    )


def test_scan_reports_a_missing_file_with_status_1() -> None:
    assert run("scan", "missing.txt") == (1, "", "Error: missing.txt: no such file; check the path\n")


def test_extract_to_a_file_and_back_with_g(tmp_path: Path) -> None:
    write(tmp_path / "doc.txt", "Matthew Ellis (ME) chaired.\n\nGlossary\n\nGM\tGold Manager\n")
    assert run("extract", "doc.txt", "-o", "doc.csv") == (0, "", "")
    assert (tmp_path / "doc.csv").read_text(encoding="utf-8") == (
        "acronym,expansion,plural,context,category,replaced_by,well_known,note\n"
        'GM,Gold Manager,,,,,,"glossary section, line 5"\n'
        'ME,Matthew Ellis,,,,,,"inline, line 1"\n'
    )
    write(tmp_path / "other.txt", "GM met ME.\n")
    assert run("check", "other.txt", "-g", "doc.csv", "--no-bundled", "--select", "D001")[1].count("D001") == 2
    assert run("check", "other.txt", "-g", "doc.csv", "--no-bundled", "--fail-on", "error")[0] == 0


def test_extract_refuses_to_overwrite_its_input(tmp_path: Path) -> None:
    write(tmp_path / "doc.txt", "Matthew Ellis (ME).\n")
    status, _, err = run("extract", "doc.txt", "-o", "doc.txt")
    assert status == 2 and "the output is the input file; write the CSV to another file" in err
    assert "--in-place" not in err  # extract has no such option


# pre-commit --------------------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def hook() -> dict[str, object]:
    (found,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert isinstance(found, dict)
    return found


def test_the_hook_is_a_python_hook_on_documents_and_glossaries(hook: dict[str, object]) -> None:
    assert (hook["id"], hook["language"], hook["entry"]) == (
        "acronyms-check",
        "python",
        "acronyms check --skip-other-csv",
    )
    assert hook.get("pass_filenames", True) is True
    files = str(hook["files"])
    assert [bool(re.search(files, name)) for name in ("docs/minutes.txt", "notes.md", "glossary.csv", "page.html")] == [
        True
    ] * 4
    assert [bool(re.search(files, name)) for name in ("setup.py", "data.json", "minutes.txt.bak")] == [False] * 3


def test_the_hook_runs_once_for_all_files(hook: dict[str, object]) -> None:
    """In batches, each run would check the configured glossaries again and report their findings once more."""
    assert hook["require_serial"] is True


def test_a_file_named_twice_is_checked_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("docs").mkdir()
    Path("docs/faq.txt").write_text("The QXZ met.\n")
    Path("office.csv").write_text("acronym,expansion\nSNP,Safer Neighbourhood Panel\nSNP,Safer Neighbourhood Panel\n")
    code, out, _ = run("check", "docs/faq.txt", "./docs/faq.txt", "office.csv", "-g", "./office.csv")
    assert code == 1
    assert [line.split(": ", 1)[0] for line in out.splitlines() if line[:1] != " "] == [
        "./office.csv:3:1",
        "docs/faq.txt:1:5",
    ]


def hook_command(hook: dict[str, object], *files: str) -> subprocess.CompletedProcess[str]:
    """Run the hook as pre-commit does: its entry from the installed environment, then the file names."""
    executable, *arguments = shlex.split(str(hook["entry"]))
    installed = shutil.which(executable, path=str(Path(sys.executable).parent))
    assert installed, f"{executable} is not installed next to {sys.executable}"
    return subprocess.run([installed, *arguments, *files], capture_output=True, text=True, check=False)


def test_the_hook_passes_clean_files(hook: dict[str, object], tmp_path: Path) -> None:
    write(tmp_path / "clean.md", CLEAN)
    write(tmp_path / "glossary.csv", "acronym,expansion\nSNP,Safer Neighbourhood Panel\n")
    result = hook_command(hook, "clean.md", "glossary.csv")
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")


def test_the_hook_fails_on_findings_and_names_each_file(hook: dict[str, object], tmp_path: Path) -> None:
    write(tmp_path / "clean.md", CLEAN)
    write(
        tmp_path / "glossary.csv", "acronym,expansion\nSNP,Safer Neighbourhood Panel\nSNP,Safer Neighbourhood Panel\n"
    )
    write(tmp_path / "notes.txt", "GM met.\n")
    result = hook_command(hook, "clean.md", "glossary.csv", "notes.txt")
    assert result.returncode == 1
    assert [line.split(": ")[0] for line in result.stdout.splitlines()] == ["glossary.csv:3:1", "notes.txt:1:1"]


def test_the_hook_skips_a_csv_that_is_no_glossary_and_checks_the_rest(hook: dict[str, object], tmp_path: Path) -> None:
    write(tmp_path / "data.csv", "name,age\nAnn,40\n")
    write(tmp_path / "notes.txt", "GM met.\n")
    result = hook_command(hook, "data.csv", "notes.txt")
    assert result.returncode == 1
    assert [line.split(": ")[0] for line in result.stdout.splitlines()] == ["notes.txt:1:1"]
    assert "data.csv: skipped: no 'acronym' and 'expansion' columns, so not a glossary" in result.stderr


def test_skip_other_csv_still_checks_glossaries(tmp_path: Path) -> None:
    write(tmp_path / "data.csv", "")
    write(
        tmp_path / "glossary.csv", "Acronym,Expansion\nSNP,Safer Neighbourhood Panel\nSNP,Safer Neighbourhood Panel\n"
    )
    status, out, err = run("check", "--skip-other-csv", "data.csv", "glossary.csv")
    assert status == 1
    assert [line.split(": ")[0] for line in out.splitlines()] == ["glossary.csv:3:1"]
    assert "data.csv: skipped" in err


def test_a_csv_that_is_no_glossary_given_without_skip_is_an_error(tmp_path: Path) -> None:
    write(tmp_path / "data.csv", "name,age\nAnn,40\n")
    status, _out, err = run("check", "data.csv")
    assert status == 2
    assert "data.csv:1: missing columns 'acronym' and 'expansion'" in err


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("acronym;expansion\r\nFCR;Force Control Room\r\n", "1: the file is separated by semicolons, not commas"),
        ("Acronym\tExpansion\r\nFCR\tForce Control Room\r\n", "1: the file is separated by tabs, not commas"),
        (
            ",,\r\nacronym,expansion\r\nFCR,Force Control Room\r\n",
            "1: the header row must be the first row, but line 2",
        ),
    ],
    ids=["semicolons", "tabs", "blank-first-row"],
)
def test_skip_other_csv_does_not_skip_a_glossary_excel_saved_otherwise(
    tmp_path: Path, content: str, message: str
) -> None:
    """A glossary saved with another separator, or with a row above its header, is reported, not skipped unchecked."""
    write(tmp_path / "force.csv", content)
    for args in (
        ["force.csv"],
        ["--skip-other-csv", "force.csv"],
        ["-g", "force.csv", write(tmp_path / "d.txt", CLEAN)],
    ):
        status, out, err = run("check", *args)
        assert (status, out) == (2, "")
        assert err.startswith(f"Error: force.csv:{message}")
        assert "skipped" not in err


def test_the_hook_reads_the_projects_settings(hook: dict[str, object], tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", '[tool.acronyms]\nallow = ["GM"]\n')
    write(tmp_path / "notes.txt", "GM met.\n")
    assert hook_command(hook, "notes.txt").returncode == 0


def test_g_reads_the_glossary_table_of_an_html_document(tmp_path: Path) -> None:
    shutil.copyfile(SAMPLE.with_suffix(".html"), tmp_path / "minutes.html")
    write(tmp_path / "x.txt", "The ETAP met.\n")
    assert run("check", "x.txt", "-g", "minutes.html", "--no-bundled", "--select", "D001", "--fail-on", "info") == (
        1,
        (
            "x.txt:1:5: D001 ETAP is used but the document does not define it; spell it out at first use, "
            "'Ethics, Transparency and Audit Panel (ETAP)', or add it to the document's glossary\n"
        ),
        "1 finding (warning: 1); --fail-on info\n",
    )


def test_a_long_form_in_an_html_comment_leaves_an_error(tmp_path: Path) -> None:
    write(tmp_path / "q.html", "<!-- Quick Quiz Zone -->\n<p>The QQZ met.</p>\n")
    status, out, _ = run("check", "q.html", "--format", "github")
    assert status == 1
    assert out.startswith("::error file=q.html,line=2,col=8,title=acronyms D001::QQZ is used but defined nowhere")


def test_scan_gives_no_implicit_long_form_from_the_glossary_section(tmp_path: Path) -> None:
    write(
        tmp_path / "g.txt",
        "Intro.\n\nGlossary\n\nSNP\tSafer Neighbourhood Panels\nToMV\tTheft of Motor Vehicle\n\nNotes\n\nThe NPT met.\n",
    )
    assert run("scan", "g.txt", "--no-bundled") == (0, "g.txt:10:5: NPT (1 use) none\n", "")


def test_extract_leaves_out_short_forms_that_g_refuses(tmp_path: Path) -> None:
    """`(Code A)` holds a space: no acronym, so extract's CSV loads with -g."""
    write(tmp_path / "foi.txt", "The PACE Codes of Practice (Code A) and Matthew Ellis (ME) apply.\n")
    assert run("extract", "foi.txt", "-o", "x.csv") == (0, "", "")
    assert (tmp_path / "x.csv").read_text(encoding="utf-8") == (
        "acronym,expansion,plural,context,category,replaced_by,well_known,note\n"
        'ME,Matthew Ellis,,,,,,"inline, line 1"\n'
    )
    assert run("annotate", "foi.txt", "-g", "x.csv")[0] == 0
    assert "Code A" not in run("scan", "foi.txt", "--no-bundled")[1]


def test_extract_ends_a_long_form_where_its_initials_end(tmp_path: Path) -> None:
    """The surname after `Temporary Assistant Chief Constable` is not part of `T/ACC`."""
    write(tmp_path / "doc.txt", "Temporary Assistant Chief Constable Moore (T/ACC) spoke.\n")
    assert run("extract", "doc.txt")[1] == (
        "acronym,expansion,plural,context,category,replaced_by,well_known,note\n"
        'T/ACC,Temporary Assistant Chief Constable,,,,,,"inline, line 1"\n'
    )


def test_check_agrees_with_annotate_on_a_rank_code(tmp_path: Path) -> None:
    """ACC inside `T/ACC` is no use of ACC (annotate leaves it alone): its glossary row is unused; T/ACC agrees."""
    text = (
        "Temporary Assistant Chief Constable Moore (T/ACC) spoke.\n\nGlossary\n\n"
        "ACC\tAssistant Chief Constable\nT/ACC\tTemporary Assistant Chief Constable\n"
    )
    write(tmp_path / "doc.txt", text)
    assert run("annotate", "doc.txt")[1] == text
    assert run("check", "doc.txt")[1] == (
        "doc.txt:5:1: D002 ACC is in the glossary section but never used in the text; delete the row\n"
    )


# False findings: lines in capitals between tags, slash codes, marked-up glossary rows ----------------------


@pytest.mark.parametrize("name", ["minutes.html", "minutes.md"])
def test_a_line_in_capitals_between_tags_has_no_acronyms(tmp_path: Path, name: str) -> None:
    text = "<p>IT WAS AGREED THAT THE PCC WOULD RESPOND</p>\n<h2>CRIME &amp; DISORDER PCC UPDATE</h2>\n"
    write(tmp_path / name, text)
    assert run("check", name) == (0, "", "")
    assert run("scan", name) == (0, "", "")


@pytest.mark.parametrize(
    ("name", "text"),
    [("minutes.txt", "4. HMICFRS PEEL INSPECTION\n"), ("minutes.md", "# PCSO NUMBERS\n")],
    ids=["numbered-text", "markdown"],
)
def test_a_heading_in_capitals_of_acronyms_and_one_word_has_no_uses(tmp_path: Path, name: str, text: str) -> None:
    write(tmp_path / name, text)
    assert run("check", name) == (0, "", "")
    assert run("scan", name) == (0, "", "")
    assert run("annotate", name) == (0, text, "")


def test_a_heading_in_capitals_of_one_word_checks_clean_after_annotation(tmp_path: Path) -> None:
    write(tmp_path / "minutes.md", "# PCSO NUMBERS\n\nThe PCSO team grew.\n")
    status, annotated, _ = run("annotate", "minutes.md")
    write(tmp_path / "annotated.md", annotated)
    assert (status, run("check", "annotated.md")) == (0, (0, "", ""))


def test_initials_beside_an_acronym_in_capitals_are_still_reported(tmp_path: Path) -> None:
    write(tmp_path / "minutes.txt", "PCC GM\n")
    status, out, _ = run("check", "minutes.txt", "--select", "D001", "--allow", "PCC")
    assert status == 1
    assert out == (
        "minutes.txt:1:5: D001 GM is used but defined nowhere; spell it out at first use, 'Long Form (GM)', "
        "add it to the document's glossary, or allow it (--allow GM) if every reader knows it\n"
    )


def test_an_unknown_acronym_between_tags_is_still_reported(tmp_path: Path) -> None:
    write(tmp_path / "minutes.html", "<p>The QXZ met on Monday.</p>\n")
    status, out, _ = run("check", "minutes.html")
    assert status == 1
    assert out == (
        "minutes.html:1:8: D001 QXZ is used but defined nowhere; spell it out at first use, 'Long Form (QXZ)', "
        "add it to the document's glossary, or allow it (--allow QXZ) if every reader knows it\n"
    )


@pytest.mark.parametrize(
    "line",
    [
        "RESOLVED: That the report be noted.",
        "AGREED: the plan.",
        "ACTIONS: none outstanding.",
        "APOLOGIES: Matthew Ellis.",
        "OFFICIAL",
    ],
    ids=lambda line: line.split()[0].strip(":"),
)
def test_a_word_minutes_write_in_capitals_is_no_undefined_acronym(tmp_path: Path, line: str) -> None:
    write(tmp_path / "minutes.txt", line + "\n")
    assert run("check", "minutes.txt") == (0, "", "")
    assert run("scan", "minutes.txt") == (0, "", "")


def test_an_unknown_acronym_beside_a_minute_book_word_is_still_reported(tmp_path: Path) -> None:
    write(tmp_path / "minutes.txt", "ACTION 3: QXZ to report.\n")
    status, out, _ = run("check", "minutes.txt")
    assert status == 1
    assert out == (
        "minutes.txt:1:11: D001 QXZ is used but defined nowhere; spell it out at first use, 'Long Form (QXZ)', "
        "add it to the document's glossary, or allow it (--allow QXZ) if every reader knows it\n"
    )


def test_the_pieces_of_a_slash_code_are_no_acronym_uses(tmp_path: Path) -> None:
    write(tmp_path / "minutes.txt", "Ref OPCC/JS/0412 was filed.\n")
    assert run("check", "minutes.txt") == (0, "", "")
    assert run("scan", "minutes.txt") == (0, "", "")


def test_a_piece_of_a_slash_code_is_no_use_of_an_acronym_the_text_defines(tmp_path: Path) -> None:
    write(tmp_path / "minutes.txt", "Actions: OPCC/JS/0412 - Jane Smith (JS) to circulate.\n")
    assert run("check", "minutes.txt") == (0, "", "")
    assert run("scan", "minutes.txt") == (0, "minutes.txt:1:37: JS (1 use) inline: Jane Smith\n", "")


def test_a_piece_of_a_slash_code_is_no_use_of_a_glossary_section_row(tmp_path: Path) -> None:
    write(tmp_path / "minutes.txt", "Ref OPCC/JS/0412 was filed.\n\nGlossary\n\nJS\tJane Smith\n")
    assert run("scan", "minutes.txt") == (0, "", "")
    assert run("check", "minutes.txt", "--fail-on", "info")[:2] == (
        1,
        "minutes.txt:5:1: D002 JS is in the glossary section but never used in the text; delete the row\n",
    )


@pytest.mark.parametrize(
    "row", ["- **DA** – Domestic *Abuse*", "- **DA** – Domestic _Abuse_", "- **DA** – Domestic <em>Abuse</em>"]
)
def test_a_glossary_row_is_read_without_its_emphasis(tmp_path: Path, row: str) -> None:
    write(tmp_path / "minutes.md", f"Domestic Abuse (DA) is rising.\n\n## Glossary\n\n{row}\n")
    assert run("check", "minutes.md") == (0, "", "")
    write(tmp_path / "minutes.md", f"Minutes about DA.\n\n## Glossary\n\n{row}\n")
    assert run("scan", "minutes.md") == (0, "minutes.md:1:15: DA (1 use) glossary-section: Domestic Abuse\n", "")


def test_a_finding_on_a_row_of_a_one_line_definition_list_is_at_the_row(tmp_path: Path) -> None:
    write(
        tmp_path / "minutes.html",
        "<p>PND and DV.</p>\n<h2>Glossary</h2><dl><dt>PND</dt><dd>Police National Database</dd>"
        "<dt>DV</dt><dd>Domestic Violence</dd></dl>\n",
    )
    status, out, _ = run("check", "minutes.html", "--fail-on", "info")
    assert (status, out) == (1, "minutes.html:2:26: G004 PND is out of alphabetical order; move it after DV (line 2)\n")


def test_a_glossary_section_row_is_compared_with_the_glossaries_given(tmp_path: Path) -> None:
    """Annotation writes the `-g` glossary's sense: a section row that contradicts it is reported, and
    one that agrees with it is not, though the bundled glossary says otherwise."""
    force = write(
        tmp_path / "force.csv", "acronym,expansion\nLPT,Local Police Team\nSNP,Safer Neighbourhood Partnership\n"
    )
    document = write(
        tmp_path / "minutes.txt",
        "The SNP and the LPT met.\n\nGlossary\nLPT\tLocal Police Team\nSNP\tSafer Neighbourhood Panel\n",
    )
    status, out, _ = run("check", document, "-g", force, "--select", "G007")
    assert status == 1
    assert "".join(line for line in out.splitlines(keepends=True) if line.startswith("minutes.txt")) == (
        "minutes.txt:5:1: G007 SNP is 'Safer Neighbourhood Panel' here but the glossary says 'Safer Neighbourhood "
        "Partnership' (force.csv, line 3), as annotation writes it; correct the row, or turn G007 off for it if the "
        "document means a local sense\n"
    )
    status, out, _ = run("check", document, "--select", "G007")  # the bundled glossary alone: LPT disagrees
    assert [line.split(" ")[:2] for line in out.splitlines()] == [["minutes.txt:4:1:", "G007"]]


def test_check_of_standard_input_is_a_usage_error_that_says_what_to_do() -> None:
    """`-` is standard input for annotate, scan and extract; check reads files, and says so instead of 'no such file'."""
    result = CliRunner().invoke(cli, ["check", "-"], input="The PCSO met.\n")
    assert result.exit_code == 2
    assert "check reads files, not standard input" in result.output
    assert "no such file" not in result.output
