"""The command line through click's CliRunner: output, exit codes and every error."""

from __future__ import annotations

import csv
import io
import json
import os
import stat
import subprocess
import sys
import threading
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import ROOT, SAMPLE, compiled

from acronyms import CheckOptions, __version__, check_paths, planner
from acronyms.cli import cli
from acronyms.textio import ENCODING_HINT


def run(*args: str, input: bytes | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def glossary_csv(tmp_path: Path) -> Path:
    path = tmp_path / "mine.csv"
    path.write_text("acronym,expansion\nSNP,Safer Neighbourhood Panel\nPCSO,Police Community Support Officer\n")
    return path


def test_annotate_writes_to_standard_output(tmp_path: Path, glossary_csv: Path) -> None:
    document = tmp_path / "minutes.txt"
    document.write_text("SNP met the PCSOs.\n")
    assert run("annotate", str(document), "-g", str(glossary_csv)) == (
        0,
        "Safer Neighbourhood Panel (SNP) met the Police Community Support Officers (PCSOs).\n",
        "",
    )


def test_annotate_reads_standard_input(glossary_csv: Path) -> None:
    assert run("annotate", "-", "-g", str(glossary_csv), "--no-bundled", "--style", "footnote", input=b"SNP.") == (
        0,
        "SNP[1].\n\nNotes\n\n[1] SNP: Safer Neighbourhood Panel\n",
        "",
    )


def test_annotate_keeps_bom_crlf_and_tabs(tmp_path: Path, glossary_csv: Path) -> None:
    document = tmp_path / "minutes.txt"
    document.write_bytes(b"\xef\xbb\xbf\tSNP\r\n<i>x</i>\r\n")
    result = CliRunner().invoke(cli, ["annotate", str(document), "-g", str(glossary_csv)])
    assert result.stdout_bytes == b"\xef\xbb\xbf\tSafer Neighbourhood Panel (SNP)\r\n<i>x</i>\r\n"


def test_markdown_is_detected_from_the_file_name(tmp_path: Path, glossary_csv: Path) -> None:
    document = tmp_path / "minutes.md"
    document.write_text("`SNP` and SNP\n")
    assert run("annotate", str(document), "-g", str(glossary_csv), "--style", "footnote")[1] == (
        "`SNP` and SNP[^SNP]\n\n[^SNP]: Safer Neighbourhood Panel\n"
    )


def test_format_option_overrides_the_file_name(tmp_path: Path, glossary_csv: Path) -> None:
    document = tmp_path / "minutes.txt"
    document.write_text("`SNP` and SNP\n")
    assert run("annotate", str(document), "-g", str(glossary_csv), "--format", "markdown")[1] == (
        "`SNP` and Safer Neighbourhood Panel (SNP)\n"
    )


def test_output_file(tmp_path: Path, glossary_csv: Path) -> None:
    document, output = tmp_path / "minutes.txt", tmp_path / "out.txt"
    document.write_text("SNP\n")
    assert run("annotate", str(document), "-g", str(glossary_csv), "-o", str(output)) == (0, "", "")
    assert output.read_text() == "Safer Neighbourhood Panel (SNP)\n"
    assert document.read_text() == "SNP\n"


def test_in_place(tmp_path: Path, glossary_csv: Path) -> None:
    document = tmp_path / "minutes.txt"
    document.write_text("SNP\n")
    assert run("annotate", str(document), "-g", str(glossary_csv), "--in-place") == (0, "", "")
    assert document.read_text() == "Safer Neighbourhood Panel (SNP)\n"


def test_in_place_keeps_the_original_on_error(tmp_path: Path) -> None:
    document, bad = tmp_path / "minutes.txt", tmp_path / "bad.csv"
    document.write_text("SNP\n")
    bad.write_text("acronym,expansion\nSNP,\n")
    code, _, error = run("annotate", str(document), "-g", str(bad), "--in-place")
    assert (code, error) == (1, f"Error: {bad}:2: empty expansion; fill in the 'expansion' column or delete the row\n")
    assert document.read_text() == "SNP\n"


def test_in_place_keeps_the_original_when_the_result_cannot_be_encoded(tmp_path: Path) -> None:
    document, glossary = tmp_path / "minutes.txt", tmp_path / "arrows.csv"
    document.write_bytes("SNP – café\n".encode("cp1252"))
    glossary.write_text("acronym,expansion\nSNP,Safer → Panel\n")
    code, _, error = run("annotate", str(document), "-g", str(glossary), "--encoding", "cp1252", "--in-place")
    assert code == 1
    assert error.startswith(
        f"Error: {document}:1: '→', which annotation writes on this line, cannot be written in cp1252"
    )
    assert document.read_bytes() == "SNP – café\n".encode("cp1252")


@pytest.mark.parametrize("style", ["inline", "footnote", "tooltip"])
def test_html_in_cp1252_writes_what_it_lacks_as_references(tmp_path: Path, style: str) -> None:
    """The footnotes' back link `↩` and an expansion's `ā` are not in cp1252: references, and twice is once."""
    document, once, twice = tmp_path / "word.html", tmp_path / "once.html", tmp_path / "twice.html"
    document.write_bytes("<p>The MW and the PCC’s office.</p>\r\n<p>MW again.</p>\r\n".encode("cp1252"))
    glossary = tmp_path / "mine.csv"
    glossary.write_text("acronym,expansion\nMW,Māori Wardens\n", encoding="utf-8")
    options = ("-g", str(glossary), "--encoding", "cp1252", "--style", style)
    assert run("annotate", str(document), *options, "-o", str(once)) == (0, "", "")
    written = once.read_bytes().decode("cp1252")
    assert "M&#257;ori Wardens" in written
    assert ("&#8617;" in written) is (style == "footnote")
    assert "’s" in written and "&#8217;" not in written  # what cp1252 has stays a character
    assert run("annotate", str(once), *options, "-o", str(twice)) == (0, "", "")
    assert twice.read_bytes() == once.read_bytes()


@pytest.mark.parametrize(
    "command",
    [["annotate", "FILE"], ["scan", "FILE"], ["extract", "FILE"], ["check", "FILE"], ["glossary", "--used-in", "FILE"]],
    ids=lambda command: command[0],
)
@pytest.mark.parametrize("encoding", ["klingon", "base64", "rot13"])  # the last two are codecs, but not of text
def test_an_unknown_encoding_is_a_usage_error_in_every_command(
    tmp_path: Path, command: list[str], encoding: str
) -> None:
    document = tmp_path / "minutes.txt"
    document.write_text("The PCC met.\n")
    args = [str(document) if arg == "FILE" else arg for arg in command]
    code, out, error = run(*args, "--encoding", encoding)
    assert (code, out) == (2, "")
    assert error.endswith(
        f"Error: Invalid value for '--encoding': unknown encoding {encoding!r}; try utf-8 or cp1252\n"
    )


def test_explain_reports_each_decision(tmp_path: Path, glossary_csv: Path) -> None:
    document = tmp_path / "m.txt"
    document.write_text("SNP\nSNPs at https://x.org/SNP\n")
    assert run("annotate", str(document), "-g", str(glossary_csv), "--no-bundled", "--explain")[2] == (
        f"{document}:1:1: SNP expand (first use) -> Safer Neighbourhood Panel\n"
        f"{document}:2:1: SNPs keep (already introduced at line 1) -> Safer Neighbourhood Panel\n"
        f"{document}:2:23: SNP skip (inside a URL)\n"
    )


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"], ids=["lf", "crlf", "cr"])
def test_explain_and_errors_count_every_kind_of_line_break(tmp_path: Path, glossary_csv: Path, newline: str) -> None:
    document = tmp_path / "m.txt"
    document.write_bytes(newline.join(["a", "The SNP met.", "SNP again.", "Caf\xe9"]).encode("latin-1"))
    code, _, error = run("annotate", str(document), "-g", str(glossary_csv), "--no-bundled", "--explain")
    assert (code, error) == (1, f"Error: {document}:4: not valid utf-8 (byte 0xe9); {ENCODING_HINT}\n")
    args = ("annotate", str(document), "-g", str(glossary_csv), "--no-bundled", "--explain", "--encoding", "cp1252")
    assert run(*args)[2] == (
        f"{document}:2:5: SNP expand (first use) -> Safer Neighbourhood Panel\n"
        f"{document}:3:1: SNP keep (already introduced at line 2) -> Safer Neighbourhood Panel\n"
    )


def test_cp1252_file_with_encoding_option(tmp_path: Path, glossary_csv: Path) -> None:
    document = tmp_path / "word.txt"
    document.write_bytes("SNP – the PCSO’s view\r\n".encode("cp1252"))
    result = CliRunner().invoke(cli, ["annotate", str(document), "-g", str(glossary_csv), "--encoding", "cp1252"])
    assert result.stdout_bytes == (
        "Safer Neighbourhood Panel (SNP) – the Police Community Support Officer’s (PCSO’s) view\r\n".encode("cp1252")
    )


def test_cp1252_quoted_definition_is_left_as_it_is(tmp_path: Path, glossary_csv: Path) -> None:
    document = tmp_path / "word.txt"
    original = "The Safer Neighbourhood Panel (“SNP”) met.\r\n".encode("cp1252")
    assert original == b"The Safer Neighbourhood Panel (\x93SNP\x94) met.\r\n"
    document.write_bytes(original)
    command = ["annotate", str(document), "-g", str(glossary_csv), "--encoding", "cp1252", "--explain"]
    result = CliRunner().invoke(cli, command)
    assert result.stdout_bytes == original
    assert result.stderr == f"{document}:1:33: SNP keep (defined inline) -> Safer Neighbourhood Panel\n"


def word_document() -> bytes:
    """The parts of a .docx that say what it is (Word's own files hold more, zipped the same way)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document><w:t>The PCSO met.</w:t></w:document>")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("minutes.docx", word_document(), "is a Word document (.docx), which acronyms cannot read; in Word use File"),
        ("minutes.pdf", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", "is a PDF, which acronyms cannot read; export its text"),
        ("minutes.rtf", b"{\\rtf1\\ansi The PCSO\\'92s report}", "is a Rich Text Format file (.rtf), which"),
    ],
    ids=["docx", "pdf", "rtf"],
)
def test_word_and_pdf_files_are_refused_and_left_alone(tmp_path: Path, name: str, content: bytes, message: str) -> None:
    # Before, the PDF was "not valid utf-8; try --encoding cp1252", and with it, read and rewritten as text.
    document = tmp_path / name
    document.write_bytes(content)
    for extra in ([], ["--encoding", "cp1252", "--in-place"]):
        code, out, error = run("annotate", str(document), *extra)
        assert (code, out) == (1, "")
        assert error.startswith(f"Error: {document}: {message}")
        assert document.read_bytes() == content
    code, out, error = run("check", str(document))
    assert (code, out) == (2, "")
    assert error.startswith(f"Error: {document}: {message}")


def test_an_excel_workbook_given_as_a_glossary_says_to_save_a_csv(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
    (tmp_path / "terms.xlsx").write_bytes(buffer.getvalue())
    (tmp_path / "minutes.txt").write_text("The PCSO met.\n")
    code, out, error = run("annotate", str(tmp_path / "minutes.txt"), "-g", str(tmp_path / "terms.xlsx"))
    assert (code, out) == (1, "")
    assert error.startswith(f"Error: {tmp_path / 'terms.xlsx'}: is an Excel workbook (.xlsx), which acronyms cannot")
    assert "CSV UTF-8 (Comma delimited)" in error


# Word's "Web Page, Filtered" in windows-1252, as it declares.
WORD_PAGE_HEAD = b'<html><head><meta http-equiv=Content-Type content="text/html; charset=windows-1252"></head>'


def test_a_page_is_read_and_written_in_the_encoding_it_declares(tmp_path: Path) -> None:
    page = tmp_path / "minutes.htm"
    page.write_bytes(WORD_PAGE_HEAD + b"<body><p>The PCSO\x92s caf\xe9 and the CO.</p></body></html>")
    glossary = tmp_path / "force.csv"
    glossary.write_text("acronym,expansion\nCO,Chief\u2019s Office\nPCSO,Police Community Support Officer\n")
    result = CliRunner().invoke(cli, ["annotate", str(page), "-g", str(glossary), "--no-bundled"])
    assert (result.exit_code, result.stderr) == (0, "")
    # The possessive is read as one (0x92 is a right single quotation mark), and the expansion's apostrophe
    # is written in windows-1252, as the page says it is: UTF-8 bytes there would show as "Chiefâ€™s".
    assert result.stdout_bytes == WORD_PAGE_HEAD + (
        b"<body><p>The Police Community Support Officer\x92s (PCSO\x92s) caf\xe9 and the Chief\x92s Office (CO)."
        b"</p></body></html>"
    )
    assert run("check", str(page), "-g", str(glossary), "--no-bundled")[0] == 1  # read, and its findings reported
    assert run("scan", str(page), "-g", str(glossary), "--no-bundled")[0] == 0
    used = run("glossary", "--used-in", str(page), "-g", str(glossary), "--no-bundled")
    assert (used[0], used[1].splitlines()[1:]) == (
        0,
        ["CO,Chief\u2019s Office,,,,,,", "PCSO,Police Community Support Officer,,,,,,"],
    )
    assert check_paths([str(page)], CheckOptions(glossaries=[str(glossary)], bundled=False))  # the library reads it too


def test_an_ascii_page_that_declares_windows_1252_gets_windows_1252(tmp_path: Path) -> None:
    page = tmp_path / "minutes.html"
    page.write_bytes(WORD_PAGE_HEAD + b"<body><p>The CO met.</p></body></html>")
    glossary = tmp_path / "force.csv"
    glossary.write_text("acronym,expansion\nCO,Chief\u2019s Office\n")
    result = CliRunner().invoke(cli, ["annotate", str(page), "-g", str(glossary), "--no-bundled"])
    assert result.exit_code == 0
    assert b"Chief\x92s Office (CO)" in result.stdout_bytes
    _, out, _ = run("annotate", str(page), "-g", str(glossary), "--no-bundled", "--encoding", "utf-8")
    assert "Chief\u2019s Office (CO)" in out  # what is given wins


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "no such file; check the path"),
        (b"SNP \x96 dash\n", "1: not valid utf-8 (byte 0x96); try --encoding cp1252"),
        (b"GIF89a\x00\x01\x00", "looks like a binary file"),
    ],
    ids=["missing", "undecodable", "binary"],
)
def test_bad_documents_exit_1_without_a_traceback(tmp_path: Path, content: bytes | None, message: str) -> None:
    document = tmp_path / "minutes.txt"
    if content is not None:
        document.write_bytes(content)
    code, out, error = run("annotate", str(document))
    assert (code, out) == (1, "")
    separator = ":" if message[0].isdigit() else ": "
    assert error.startswith(f"Error: {document}{separator}{message}")
    assert "Traceback" not in error


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"acronym\nSNP\n", "1: missing column 'expansion'"),
        (b"acronym,expansion\n,Empty\n", "2: empty acronym"),
        (b'acronym,expansion\nSNP,"Safer "Panel"\n', "2: bad CSV quoting"),
        (b"acronym,expansion\nSNP,Caf\xe9\n", "2: not valid utf-8 (byte 0xe9); save the glossary as UTF-8"),
        (
            b"acronym,expansion\rSNP,Safer\rPCC,\x00\r",
            "3: a NUL byte: this is not a CSV text file; save the glossary as CSV (UTF-8)\n",
        ),
        (b"acronym,expansion,acronym\nSNP,x,y\n", "1: the column 'acronym' appears twice in the header; remove one\n"),
        (b"acronym,expansion\nS NP,Safer\n", "2: acronym 'S NP' contains a space; acronyms cannot contain spaces"),
    ],
    ids=["missing-column", "empty-acronym", "bad-quote", "wrong-encoding", "nul-byte", "repeated-column", "space"],
)
def test_bad_glossaries_exit_1_naming_file_and_line(tmp_path: Path, content: bytes, message: str) -> None:
    glossary = tmp_path / "bad.csv"
    glossary.write_bytes(content)
    for command in (["annotate", "-"], ["glossary"], ["lookup", "SNP"]):
        code, _, error = run(*command, "-g", str(glossary), input=b"SNP")
        assert code == 1
        assert error.startswith(f"Error: {glossary}:{message}")


@pytest.mark.parametrize("glossary_encoding", ["utf-8", "utf-8-sig", "utf-16", "cp1252"])
def test_every_command_reads_a_glossary_as_utf8_when_it_is_else_in_the_encoding_given(
    tmp_path: Path, glossary_encoding: str
) -> None:
    glossary = tmp_path / "force.csv"
    glossary.write_bytes("acronym,expansion\nCO,Chief’s Office\n".encode(glossary_encoding))
    document = tmp_path / "doc.txt"
    document.write_bytes("The CO met.\n".encode("cp1252"))
    given = ["-g", str(glossary), "--no-bundled", "--encoding", "cp1252"]
    assert run("annotate", str(document), *given, "-o", str(tmp_path / "out.txt")) == (0, "", "")
    assert (tmp_path / "out.txt").read_bytes() == "The Chief’s Office (CO) met.\n".encode("cp1252")
    assert run("scan", str(document), *given)[0] == 0
    assert "Chief’s Office" in run("glossary", *given)[1]


def test_a_glossary_in_cp1252_without_an_encoding_given_is_an_error(tmp_path: Path) -> None:
    glossary = tmp_path / "force.csv"
    glossary.write_bytes("acronym,expansion\nCO,Chief’s Office\n".encode("cp1252"))
    for command in (["lookup", "CO"], ["glossary"], ["annotate", "-"]):
        assert run(*command, "-g", str(glossary), input=b"CO") == (
            1,
            "",
            f"Error: {glossary}:2: not valid utf-8 (byte 0x92); save the glossary as UTF-8 (in Excel: 'CSV UTF-8')\n",
        )


def test_a_document_given_as_a_glossary_csv_says_how_to_use_its_glossary(tmp_path: Path) -> None:
    minutes = tmp_path / "minutes.txt"
    minutes.write_text("Minutes\n\nThe SNP met.\n\nGlossary\n\nSNP\tSafer Neighbourhood Panel\n")
    for command in (["annotate", "-"], ["glossary"], ["lookup", "SNP"]):
        assert run(*command, "-g", str(minutes), input=b"SNP") == (
            1,
            "",
            (
                f"Error: {minutes}:1: not a glossary CSV (its first row does not name acronym and expansion); to use a "
                f"document's own glossary, run `acronyms extract {minutes} > {tmp_path / 'minutes.csv'}` and pass that\n"
            ),
        )


def test_a_glossary_csv_with_another_suffix_still_loads(tmp_path: Path) -> None:
    glossary = tmp_path / "force.txt"
    glossary.write_text("acronym,expansion\nQQZ,Quick Quiz Zone\n")
    assert run("annotate", "-", "-g", str(glossary), input=b"QQZ") == (0, "Quick Quiz Zone (QQZ)", "")


def test_missing_glossary_exits_1(tmp_path: Path) -> None:
    code, _, error = run("glossary", "-g", str(tmp_path / "nope.csv"))
    assert (code, error) == (
        1,
        f"Error: {tmp_path / 'nope.csv'}: cannot read glossary: No such file or directory; check the path\n",
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["annotate", "-", "--in-place"], "--in-place needs a file, not standard input"),
        (["annotate", "FILE", "--in-place", "-o", "x"], "give either --in-place or -o/--output, not both"),
        (["annotate", "FILE", "--in-place", "-o", "-"], "give either --in-place or -o/--output, not both"),
        (["annotate", "FILE", "-o", "FILE"], "the output is the input file; use --in-place to replace it"),
        (["annotate", "FILE", "--style", "bubbles"], "Invalid value for '--style'"),
        (["annotate"], "Missing argument 'FILE|-'"),
        (["annotate", "FILE", "--frobnicate"], "No such option '--frobnicate'"),
        (["glossary", "--format", "xml"], "Invalid value for '--format'"),
        (["nonsense"], "No such command 'nonsense'"),
    ],
    ids=[
        "in-place-stdin",
        "in-place-and-output",
        "in-place-and-standard-output",
        "output-is-input",
        "bad-style",
        "no-file",
        "bad-option",
        "bad-export-format",
        "bad-command",
    ],
)
def test_usage_errors_exit_2(tmp_path: Path, args: list[str], message: str) -> None:
    document = tmp_path / "minutes.txt"
    document.write_text("SNP\n")
    code, _, error = run(*(str(document) if arg == "FILE" else arg for arg in args), input=b"SNP")
    assert code == 2
    assert message in error
    assert document.read_text() == "SNP\n"


@pytest.mark.parametrize(
    ("term", "expected"),
    [
        ("PCSO", "PCSO\tPolice Community Support Officer"),
        ("PCSOs", "PCSO\tPolice Community Support Officer"),
        ("PCC’s", "PCC\tPolice and Crime Commissioner"),
        ("PCC‘s", "PCC\tPolice and Crime Commissioner"),
        ("PCCʼs", "PCC\tPolice and Crime Commissioner"),
        ("PCCs‘", "PCC\tPolice and Crime Commissioner"),
        ("Majesty’s Inspectorate of Constabulary", "HMIC\tHer Majesty's Inspectorate of Constabulary"),
        ("majesty‘s inspectorate of constabulary", "HMIC\tHer Majesty's Inspectorate of Constabulary"),
        ("number plate", "ANPR\tAutomatic Number Plate Recognition"),
    ],
)
def test_lookup(term: str, expected: str) -> None:
    code, out, _ = run("lookup", term)
    assert code == 0
    assert out.startswith(expected)


def test_lookup_shows_what_replaced_an_acronym() -> None:
    assert "replaced by HMICFRS" in run("lookup", "HMIC")[1]


@pytest.mark.parametrize(
    ("term", "expected", "shown"),
    [
        ("pcso", "PCSO\tPolice Community Support Officer", "PCSO"),
        ("Pcc", "PCC\tPolice and Crime Commissioner", "PCC"),
        ("TOMV", "ToMV\tTheft of Motor Vehicle", "ToMV"),
        ("pcsos", "PCSO\tPolice Community Support Officer", "PCSO"),
        ("pcc’s", "PCC\tPolice and Crime Commissioner", "PCC"),
        # Before the expansions that hold the word: `anpr` is not the National ANPR Data Centre.
        ("anpr", "ANPR\tAutomatic Number Plate Recognition", "ANPR"),
        ("uk", "UK\tUnited Kingdom", "UK"),
    ],
)
def test_lookup_in_another_case_shows_the_acronym_with_a_note(term: str, expected: str, shown: str) -> None:
    code, out, err = run("lookup", term)
    assert (code, out.split("  (")[0]) == (0, expected)
    assert err == f"no entry for {term!r}; showing {shown} (acronyms are case-sensitive)\n"


def test_lookup_in_another_case_shows_every_acronym_it_could_be(tmp_path: Path) -> None:
    glossary = tmp_path / "case.csv"
    glossary.write_text("acronym,expansion\nToMV,Theft of Motor Vehicle\nTOMV,Tomorrow's Vehicles\n")
    assert run("lookup", "tomv", "-g", str(glossary), "--no-bundled") == (
        0,
        "ToMV\tTheft of Motor Vehicle\nTOMV\tTomorrow's Vehicles\n",
        "no entry for 'tomv'; showing ToMV, TOMV (acronyms are case-sensitive)\n",
    )
    assert run("lookup", "TOMV", "-g", str(glossary), "--no-bundled") == (0, "TOMV\tTomorrow's Vehicles\n", "")


def test_lookup_reads_the_term_without_surrounding_spaces() -> None:
    assert run("lookup", " PCSO ")[:2] == (0, "PCSO\tPolice Community Support Officer  (role)\n")


def test_lookup_without_result_exits_1() -> None:
    assert run("lookup", "ZZQX") == (
        1,
        "",
        "Error: no entry for 'ZZQX'; try words of the expansion, or `acronyms glossary`\n",
    )


def test_glossary_export_csv_has_the_bundled_schema(glossary_csv: Path) -> None:
    code, out, _ = run("glossary", "-g", str(glossary_csv))
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0
    assert out.splitlines()[0] == "acronym,expansion,plural,context,category,replaced_by,well_known,note"
    assert [row["expansion"] for row in rows if row["acronym"] == "SNP"] == ["Safer Neighbourhood Panel"]
    assert len(rows) > 250


def test_glossary_export_is_in_alphabetical_order_and_passes_check(tmp_path: Path) -> None:
    """A layer's rows take their places, so the export of a layered glossary passes `check` (no G004)."""
    force = tmp_path / "force.csv"
    force.write_text(
        "acronym,expansion,context\nZZQ,Zed Zed Queue,\nAAQ,Aa Aa Queue,\nCC,Collaboration Committee,joint\n"
    )
    code, out, _ = run("glossary", "-g", str(force))
    acronyms = [row["acronym"] for row in csv.DictReader(io.StringIO(out))]
    assert code == 0
    assert acronyms == sorted(acronyms, key=str.casefold)
    assert acronyms.index("AAQ") < acronyms.index("ACC") and acronyms.index("CC") < acronyms.index("CCTV")
    (tmp_path / "layered.csv").write_text(out, encoding="utf-8")
    assert run("check", str(tmp_path / "layered.csv"), "--select", "G004") == (0, "", "")


def test_glossary_export_json(glossary_csv: Path) -> None:
    """In alphabetical order, as the CSV export: the file lists SNP first."""
    code, out, _ = run("glossary", "-g", str(glossary_csv), "--no-bundled", "--format", "json")
    assert (code, json.loads(out)) == (
        0,
        [
            {
                "acronym": "PCSO",
                "expansion": "Police Community Support Officer",
                "plural": "",
                "context": [],
                "category": "",
                "replaced_by": "",
                "well_known": False,
                "note": "",
            },
            {
                "acronym": "SNP",
                "expansion": "Safer Neighbourhood Panel",
                "plural": "",
                "context": [],
                "category": "",
                "replaced_by": "",
                "well_known": False,
                "note": "",
            },
        ],
    )


# What `--version` says of the build running the tests: the compiled one when CI's second run installs it.
BUILD = "compiled with mypyc" if compiled(planner) else "pure Python"


def test_version() -> None:
    assert run("--version") == (0, f"acronyms, version {__version__} ({BUILD})\n", "")


def test_python_dash_m_and_the_checkout_shim() -> None:
    for command in (
        [sys.executable, "-m", "acronyms", "--version"],
        [sys.executable, str(ROOT / "cli.py"), "--version"],
    ):
        result = subprocess.run(command, capture_output=True, text=True, check=True, cwd=ROOT)
        assert result.stdout == f"acronyms, version {__version__} (pure Python)\n"  # from the checkout: its source


def test_installed_command_annotates_the_sample(tmp_path: Path) -> None:
    command = Path(sys.executable).with_name("acronyms")
    result = subprocess.run([str(command), "annotate", str(SAMPLE)], capture_output=True, check=True)
    assert b"Automatic Number Plate Recognition (ANPR)" in result.stdout


# writing: every failed write is one clean line, nothing partial is left ----------------------------------------------

NO_FOLDER = "cannot write: No such file or directory; check the folder exists and is writable"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["annotate", "s.txt", "-o", "missing/out.txt"], f"Error: missing/out.txt: {NO_FOLDER}\n"),
        (["extract", "s.txt", "-o", "missing/x.csv"], f"Error: missing/x.csv: {NO_FOLDER}\n"),
        (
            ["annotate", "s.txt", "-o", "adir"],
            "Error: adir: cannot write: Is a directory; give a file name, not a folder\n",
        ),
    ],
    ids=["annotate-missing-folder", "extract-missing-folder", "output-is-a-folder"],
)
def test_failed_writes_exit_1_with_a_clean_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str], message: str
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("s.txt").write_text("SNP met.\n")
    Path("adir").mkdir()
    assert run(*args) == (1, "", message)
    assert sorted(path.name for path in tmp_path.iterdir()) == ["adir", "s.txt"]
    assert list(Path("adir").iterdir()) == []


def permission_denied(*args: object, **kwargs: object) -> None:
    raise PermissionError(13, "Permission denied")


@pytest.mark.parametrize(
    ("patched", "args", "path"),
    [
        ("tempfile.mkstemp", ["annotate", "s.txt", "-o", "rodir/new.txt"], "rodir/new.txt"),
        ("os.replace", ["annotate", "s.txt", "-o", "rodir/new.txt"], "rodir/new.txt"),
        ("os.replace", ["annotate", "rodir/f.txt", "--in-place"], "rodir/f.txt"),
        ("tempfile.mkstemp", ["extract", "s.txt", "-o", "rodir/new.csv"], "rodir/new.csv"),
    ],
    ids=["output-no-temp-file", "output-no-rename", "in-place-no-rename", "extract"],
)
def test_a_read_only_folder_is_a_clean_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, patched: str, args: list[str], path: str
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("s.txt").write_text("SNP met.\n")
    Path("rodir").mkdir()
    Path("rodir/f.txt").write_text("SNP\n")
    monkeypatch.setattr(patched, permission_denied)
    assert run(*args) == (
        1,
        "",
        f"Error: {path}: cannot write: Permission denied; check the folder exists and is writable\n",
    )
    assert [p.name for p in Path("rodir").iterdir()] == ["f.txt"]
    assert Path("rodir/f.txt").read_text() == "SNP\n"


FULL_DISK = "Error: <stdout>: cannot write: No space left on device; free some space or write elsewhere"
needs_dev_full = pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full (Linux)")


def run_into_a_full_disk(folder: Path, *args: str) -> tuple[int, str]:
    """Run the installed command with standard output on /dev/full, where every write fails with ENOSPC."""
    command = Path(sys.executable).with_name("acronyms")
    with open("/dev/full", "wb") as full:
        result = subprocess.run(
            [str(command), *args], check=False, stdout=full, stderr=subprocess.PIPE, text=True, cwd=folder
        )
    return result.returncode, result.stderr


@needs_dev_full
@pytest.mark.parametrize(
    "args",
    [["annotate", "s.txt"], ["glossary"], ["extract", "s.txt"], ["scan", "s.txt"], ["lookup", "PCSO"]],
    ids=["annotate", "glossary", "extract", "scan", "lookup"],
)
def test_a_full_disk_on_standard_output_is_a_clean_error(tmp_path: Path, args: list[str]) -> None:
    (tmp_path / "s.txt").write_text("Matthew Ellis (ME) met the SNP.\n")
    assert run_into_a_full_disk(tmp_path, *args) == (1, FULL_DISK + "\n")


@needs_dev_full
def test_check_keeps_status_1_for_findings_and_a_full_disk_is_status_2(tmp_path: Path) -> None:
    (tmp_path / "s.txt").write_text("GM met.\n")
    status, error = run_into_a_full_disk(tmp_path, "check", "s.txt")
    assert (status, error.splitlines()[0]) == (2, FULL_DISK)


def test_in_place_through_a_symlink_updates_the_target(tmp_path: Path, glossary_csv: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    target, link = tmp_path / "b" / "target.txt", tmp_path / "a" / "link.txt"
    target.write_text("SNP\n")
    link.symlink_to(target)
    assert run("annotate", str(link), "-g", str(glossary_csv), "--in-place") == (0, "", "")
    assert link.is_symlink() and link.readlink() == target
    assert target.read_text() == "Safer Neighbourhood Panel (SNP)\n"
    assert [p.name for p in (tmp_path / "a").iterdir()] == ["link.txt"]
    assert [p.name for p in (tmp_path / "b").iterdir()] == ["target.txt"]


def test_output_through_a_symlink_writes_the_target(tmp_path: Path, glossary_csv: Path) -> None:
    document, target, link = tmp_path / "s.txt", tmp_path / "target.txt", tmp_path / "link.txt"
    document.write_text("SNP\n")
    target.write_text("old\n")
    link.symlink_to(target.name)
    assert run("annotate", str(document), "-g", str(glossary_csv), "-o", str(link)) == (0, "", "")
    assert link.is_symlink() and target.read_text() == "Safer Neighbourhood Panel (SNP)\n"


needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes (POSIX)")


def read_in_the_background(path: Path) -> tuple[threading.Thread, list[bytes]]:
    """A reader of the named pipe `path`, as `cat` would be; its thread is a daemon, should no one open it to write."""
    read: list[bytes] = []
    reader = threading.Thread(target=lambda: read.append(path.read_bytes()), daemon=True)
    reader.start()
    return reader, read


@needs_fifo
def test_output_into_a_named_pipe_or_device_is_written_into_it(tmp_path: Path, glossary_csv: Path) -> None:
    """`-o /dev/null`, `-o /dev/stdout` or a named pipe is written as `>` writes it, not replaced by a file (as root,
    a replaced `/dev/null` is a regular file for every program)."""
    document, pipe = tmp_path / "s.txt", tmp_path / "pipe"
    document.write_text("SNP\n")
    os.mkfifo(pipe)
    reader, read = read_in_the_background(pipe)
    assert run("annotate", str(document), "-g", str(glossary_csv), "-o", str(pipe)) == (0, "", "")
    reader.join(timeout=10)
    assert read == [b"Safer Neighbourhood Panel (SNP)\n"]
    assert stat.S_ISFIFO(pipe.stat().st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mine.csv", "pipe", "s.txt"]


@needs_fifo
def test_in_place_refuses_a_named_pipe(tmp_path: Path, glossary_csv: Path) -> None:
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    writer = threading.Thread(target=lambda: pipe.write_bytes(b"SNP\n"), daemon=True)
    writer.start()
    code, out, error = run("annotate", str(pipe), "-g", str(glossary_csv), "--in-place")
    assert (code, out) == (2, "")
    assert error.endswith(f"Error: --in-place needs a regular file, and {pipe} is none; write elsewhere with -o\n")
    assert stat.S_ISFIFO(pipe.stat().st_mode)
    reader, _ = read_in_the_background(pipe)  # lets the writer go
    writer.join(timeout=10)
    reader.join(timeout=10)


READ_ONLY = "the file is read-only; make it writable (chmod u+w) or write elsewhere with -o"


@pytest.mark.parametrize(
    "args", [["f.txt", "--in-place"], ["s.txt", "-o", "f.txt"]], ids=["in-place", "output-over-a-read-only-file"]
)
def test_a_read_only_file_is_not_replaced(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str]) -> None:
    monkeypatch.chdir(tmp_path)
    Path("s.txt").write_text("SNP met.\n")
    Path("f.txt").write_text("SNP\n")
    Path("f.txt").chmod(0o444)
    real_access = os.access
    # root may write any file, so the check sees the file as the owner would
    monkeypatch.setattr("os.access", lambda path, mode: mode != os.W_OK and real_access(path, mode))
    assert run("annotate", *args) == (1, "", f"Error: f.txt: {READ_ONLY}\n")
    assert Path("f.txt").read_text() == "SNP\n"
    assert Path("f.txt").stat().st_mode & 0o777 == 0o444
    assert sorted(p.name for p in tmp_path.iterdir()) == ["f.txt", "s.txt"]


def test_a_read_only_file_is_not_replaced_by_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Root may write any file (`os.access` says yes), but a file that no one may write is read-only."""
    monkeypatch.chdir(tmp_path)
    Path("f.txt").write_text("SNP\n")
    Path("f.txt").chmod(0o444)
    monkeypatch.setattr("os.access", lambda path, mode: True)
    assert run("annotate", "f.txt", "--in-place") == (1, "", f"Error: f.txt: {READ_ONLY}\n")
    assert Path("f.txt").read_text() == "SNP\n"


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["annotate", "s.txt", "-o", "-"], "Safer Neighbourhood Panel (SNP) met ME.\n"),
        (["extract", "s.txt", "-o", "-"], "acronym,expansion,plural,context,category,replaced_by,well_known,note\n"),
    ],
    ids=["annotate", "extract"],
)
def test_dash_output_is_standard_output(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, glossary_csv: Path, args: list[str], expected: str
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("s.txt").write_text("SNP met ME.\n")
    code, out, error = run(*args, "-g", str(glossary_csv)) if args[0] == "annotate" else run(*args)
    assert (code, out, error) == (0, expected, "")
    assert not Path("-").exists()


def test_dash_output_from_standard_input(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, glossary_csv: Path) -> None:
    monkeypatch.chdir(tmp_path)
    assert run("annotate", "-", "-o", "-", "-g", str(glossary_csv), input=b"SNP.\n") == (
        0,
        "Safer Neighbourhood Panel (SNP).\n",
        "",
    )
    assert not Path("-").exists()


def test_explicit_encoding_reads_a_cp1252_file_that_starts_with_a_utf8_bom(tmp_path: Path, glossary_csv: Path) -> None:
    document = tmp_path / "f.txt"
    document.write_bytes(b"\xef\xbb\xbfThe SNP\x92s\r\n")
    assert run("annotate", str(document), "-g", str(glossary_csv)) == (
        1,
        "",
        f"Error: {document}:1: not valid utf-8 (byte 0x92); {ENCODING_HINT}\n",
    )
    result = CliRunner().invoke(cli, ["annotate", str(document), "-g", str(glossary_csv), "--encoding", "cp1252"])
    assert (result.exit_code, result.stdout_bytes) == (
        0,
        b"\xef\xbb\xbfThe Safer Neighbourhood Panel\x92s (SNP\x92s)\r\n",
    )


@pytest.mark.parametrize("context", ["auto", "off"])
def test_a_spacy_model_that_cannot_load_is_a_usage_error_even_when_unused(context: str) -> None:
    code, out, err = run(
        "annotate", "-", "--context", context, "--spacy-model", "no_such_pipeline_here", input=b"The SNP met."
    )
    assert code == 2
    assert out == ""
    assert "cannot load the spaCy pipeline 'no_such_pipeline_here'" in err


def test_annotate_markdown_at_markup_edges(tmp_path: Path) -> None:
    document = tmp_path / "minutes.md"
    document.write_text(
        "CRIME &amp; DISORDER PCC UPDATE\n\nThe SNP&rsquo;s view. The _PCC_ said; __PCSO__ too.\n", encoding="utf-8"
    )
    glossary = tmp_path / "g.csv"
    glossary.write_text(
        "acronym,expansion\nSNP,Safer Neighbourhood Panel\nPCC,Police and Crime Commissioner\n"
        "PCSO,Police Community Support Officer\n",
        encoding="utf-8",
    )
    code, out, _ = run("annotate", str(document), "--no-bundled", "-g", str(glossary))
    assert code == 0
    assert out == (
        "CRIME &amp; DISORDER PCC UPDATE\n\nThe Safer Neighbourhood Panel&rsquo;s (SNP&rsquo;s) view. "
        "The _Police and Crime Commissioner (PCC)_ said; __Police Community Support Officer (PCSO)__ too.\n"
    )
    document.write_text(out, encoding="utf-8")
    assert run("annotate", str(document), "--no-bundled", "-g", str(glossary))[1] == out


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Our ref: OPCC/JS/0412. T/ACC Moore and T/DCI Jones met.\n", None),
        ("Ref PCC/123 and ASB-2026-01.\n", None),
        (
            "Other issue for PCCs/politicians.\n",
            "Other issue for Police and Crime Commissioners (PCCs)/politicians.\n",
        ),
        ("ASB/CSE rose.\n", "Anti-Social Behaviour (ASB)/Child Sexual Exploitation (CSE) rose.\n"),
        ("The PCC/CC meeting.\n", "The Police and Crime Commissioner (PCC)/Chief Constable (CC) meeting.\n"),
    ],
    ids=["reference-and-ranks", "codes-glued-by-spacy", "slash-between-words", "two-acronyms", "acronym-pair"],
)
def test_an_acronym_joined_by_a_slash_to_a_code_is_left_alone(text: str, expected: str | None) -> None:
    """`OPCC/JS/0412` is a reference and `T/ACC` a rank: the slash joins them to a code, not to a word or acronym."""
    once = run("annotate", "-", input=text.encode())
    assert once == (0, text if expected is None else expected, "")
    assert run("annotate", "-", input=once[1].encode())[1] == once[1]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The PCC/A&E met.\n", "The Police and Crime Commissioner (PCC)/Accident and Emergency (A&E) met.\n"),
        ("The A&E/PCC met.\n", "The Accident and Emergency (A&E)/Police and Crime Commissioner (PCC) met.\n"),
    ],
    ids=["acronym-after", "acronym-before"],
)
def test_an_acronym_joined_by_a_slash_to_one_with_an_ampersand(tmp_path: Path, text: str, expected: str) -> None:
    """`A&E` is one piece, an acronym, not the code `A` or `E`: both are expanded, and twice is once."""
    glossary = tmp_path / "health.csv"
    glossary.write_text("acronym,expansion\nA&E,Accident and Emergency\n")
    once = run("annotate", "-", "-g", str(glossary), input=text.encode())
    assert once == (0, expected, "")
    assert run("annotate", "-", "-g", str(glossary), input=expected.encode())[1] == expected


def test_explain_says_a_slash_code_is_part_of_a_longer_token() -> None:
    status, _, err = run("annotate", "-", "--explain", input=b"Our ref: OPCC/JS/0412. T/ACC Moore.\n")
    assert status == 0
    assert err.splitlines() == [
        "<stdin>:1:10: OPCC skip (not an acronym: part of a longer token (a code, file name or address))",
        "<stdin>:1:26: ACC skip (not an acronym: part of a longer token (a code, file name or address))",
    ]


def test_nothing_is_inserted_in_the_brackets_of_a_slash_code_definition() -> None:
    text = "Temporary Assistant Chief Constable Moore (T/ACC) spoke. The ACC agreed.\n"
    once = run("annotate", "-", input=text.encode())
    assert once == (
        0,
        "Temporary Assistant Chief Constable Moore (T/ACC) spoke. The Assistant Chief Constable (ACC) agreed.\n",
        "",
    )


def test_every_command_layers_the_glossaries_the_settings_name(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """QA: only `check` read `[tool.acronyms]`, so `annotate` wrote the bundled sense that `check` then reported."""
    (tmp_path / "pyproject.toml").write_text('[tool.acronyms]\nglossaries = ["force.csv"]\n', encoding="utf-8")
    (tmp_path / "force.csv").write_text("acronym,expansion\nLPT,Local Police Team\n", encoding="utf-8")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "m.txt").write_text("The LPT and the PCC met.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path / "docs")  # the settings are found upwards, their paths read from their folder
    assert run("annotate", "m.txt")[1] == (
        "The Local Police Team (LPT) and the Police and Crime Commissioner (PCC) met.\n"
    )
    assert run("lookup", "LPT")[1] == "LPT\tLocal Police Team\n"
    assert "LPT,Local Police Team" in run("glossary")[1]
    assert run("annotate", "m.txt", "--no-bundled")[1] == "The Local Police Team (LPT) and the PCC met.\n"
    (tmp_path / "other.csv").write_text("acronym,expansion\nLPT,Local Policing Team\n", encoding="utf-8")
    assert run("annotate", "m.txt", "-g", "../other.csv")[1].startswith("The Local Policing Team (LPT)")  # -g wins
