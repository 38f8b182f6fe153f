"""Decoding and encoding byte for byte, and atomic replacement."""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

import pytest

from acronyms import InputError
from acronyms.textio import SNIFF_BYTES, declared_encoding, decode, decode_document, encode, not_text, write_atomic


def zipped(*names: str) -> bytes:
    """A ZIP archive holding an empty part of each name, as an Office or OpenDocument file is made."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in names:
            archive.writestr(name, "")
    return buffer.getvalue()


@pytest.mark.parametrize(
    "data",
    [
        b"SNP\r\nline two\r\n",
        b"\xef\xbb\xbfSNP with a BOM\n",
        b"\xff\xfeS\x00N\x00P\x00",
        b"no newline at the end",
        b"tabs\tand\rlone CR",
        "curly ‘quotes’ İ and\u00a0nbsp".encode(),
    ],
    ids=["crlf", "utf8-bom", "utf16-bom", "no-final-newline", "tabs-and-cr", "unicode"],
)
def test_round_trip_is_byte_for_byte(data: bytes) -> None:
    assert encode(decode(data).text, decode(data)) == data


def test_cp1252_from_word() -> None:
    data = "Temp. Chief Constable – the PCC’s office".encode("cp1252")
    document = decode(data, encoding="cp1252")
    assert document.text == "Temp. Chief Constable – the PCC’s office"
    assert encode(document.text, document) == data


def test_undecodable_bytes_name_the_line_and_suggest_cp1252() -> None:
    with pytest.raises(InputError) as raised:
        decode(b"line one\nline two \x96 dash\n", path="minutes.txt")
    assert str(raised.value) == (
        "minutes.txt:2: not valid utf-8 (byte 0x96); try --encoding cp1252 (files saved by Word or Excel on Windows)"
    )


@pytest.mark.parametrize(
    ("data", "encoding", "message"),
    [
        (
            b"\xef\xbb\xbfThe SNP\x92s",
            "utf-8",
            "not valid utf-8 (byte 0x92); try --encoding cp1252 (files saved by Word",
        ),
        (b"SNP \x81\n", "cp1252", "not valid cp1252 (byte 0x81); try --encoding latin-1, which reads any byte"),
        (b"SNP \x81\n", "utf-8", "not valid utf-8 (byte 0x81); try --encoding latin-1, which reads any byte"),
        (b"SNP \x92\n", "utf-8-sig", "not valid utf-8 (byte 0x92); try --encoding cp1252 (files saved by Word"),
        ("SNP café".encode(), "ascii", "not valid ascii (byte 0xc3); try --encoding utf-8"),
    ],
    ids=["bom-then-cp1252", "cp1252-undefined-byte", "neither-utf8-nor-cp1252", "utf-8-sig-is-utf-8", "ascii"],
)
def test_the_encoding_suggested_reads_the_file(data: bytes, encoding: str, message: str) -> None:
    with pytest.raises(InputError) as raised:
        decode(data, encoding=encoding, path="f.txt")
    assert str(raised.value).startswith(f"f.txt:1: {message}")
    suggested = str(raised.value).split("--encoding ")[1].split()[0].rstrip(",")
    assert decode(data, encoding=suggested).text


def test_an_explicit_encoding_reads_the_body_after_a_utf8_bom() -> None:
    data = b"\xef\xbb\xbfThe SNP\x92s\r\n"
    document = decode(data, encoding="cp1252")
    assert (document.text, document.bom) == ("The SNP\u2019s\r\n", b"\xef\xbb\xbf")
    assert encode(document.text, document) == data


def test_a_utf8_bom_before_utf8_text_wins_over_an_explicit_encoding() -> None:
    document = decode("\ufeffcafé".encode(), encoding="cp1252")
    assert (document.text, document.encoding) == ("café", "utf-8")


def test_utf_8_sig_is_utf_8_and_adds_no_bom() -> None:
    assert encode("SNP", decode(b"SNP", encoding="utf-8-sig")) == b"SNP"
    assert encode("SNP", decode(b"\xef\xbb\xbfSNP", encoding="utf-8-sig")) == b"\xef\xbb\xbfSNP"


def test_binary_file_is_refused() -> None:
    with pytest.raises(InputError, match="binary"):
        decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", path="image.png")


@pytest.mark.parametrize(
    ("data", "kind", "todo"),
    [
        (zipped("[Content_Types].xml", "word/document.xml"), "a Word document (.docx)", "Web Page, Filtered (.htm)"),
        (zipped("[Content_Types].xml", "xl/workbook.xml"), "an Excel workbook (.xlsx)", "CSV UTF-8 (Comma delimited)"),
        (zipped("ppt/presentation.xml"), "a PowerPoint presentation (.pptx)", "copy its text"),
        (zipped("mimetype", "content.xml"), "an OpenDocument file (.odt, .ods)", "save it as HTML, Text (.txt) or CSV"),
        (zipped("minutes.txt"), "a ZIP archive", "unpack it"),
        (b"PK\x03\x04 cut short", "a ZIP archive", "unpack it"),
        (
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504),
            "an older Microsoft Office file (.doc, .xls or .ppt)",
            "Plain Text (.txt)",
        ),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "a PDF", "pdftotext -layout minutes.doc minutes.txt"),
        (b"{\\rtf1\\ansi The PCSO\\'92s report}", "a Rich Text Format file (.rtf)", "pandoc minutes.doc -o minutes.md"),
        (b"\xef\xbb\xbf\r\n{\\rtf1 x}", "a Rich Text Format file (.rtf)", "Plain Text (.txt)"),
    ],
    ids=["docx", "xlsx", "pptx", "odf", "zip", "damaged-zip", "doc", "pdf", "rtf", "rtf-after-bom"],
)
def test_office_pdf_and_rtf_files_are_refused_saying_how_to_save_them(data: bytes, kind: str, todo: str) -> None:
    # A PDF or an RTF file decodes as cp1252, and the suggestion to try it would have annotated it as text.
    with pytest.raises(InputError) as raised:
        decode(data, encoding="cp1252", path="minutes.doc")
    assert str(raised.value).startswith(f"minutes.doc: is {kind}, which acronyms cannot read; ")
    assert todo in str(raised.value)


@pytest.mark.parametrize(
    "data",
    [b"The PCSO met.", b"<html><p>The PCSO</p>", b"PK is a word", b"% PDF notes", b"{\\rtfm} is no RTF"],
    ids=["text", "html", "pk", "percent", "braces"],
)
def test_text_that_starts_like_a_signature_is_text(data: bytes) -> None:
    assert not_text(data) is None
    assert decode(data).text == data.decode()


@pytest.mark.parametrize(
    ("head", "encoding"),
    [
        (b'<meta charset="windows-1252">', "cp1252"),
        (b"<META CHARSET=UTF-8>", "utf-8"),
        (b'<meta http-equiv=Content-Type content="text/html; charset=windows-1252">', "cp1252"),
        (b"<meta content='text/html;charset=iso-8859-15' http-equiv='Content-Type'>", "iso8859-15"),
        (b'<meta charset="ISO-8859-1">', "cp1252"),  # as browsers read it: Word's curly quotes are 0x91-0x94
        (b'<meta charset="us-ascii">', "cp1252"),
        (b'<meta charset="utf-16">', "utf-8"),  # a page read as UTF-16 could not have been read to its <meta>
        (b'<meta charset="klingon">', None),
        (b'<meta charset="rot13">', None),  # Python's, but not a text encoding
        (b'<!-- <meta charset="koi8-r"> --><p>', None),
        (b'<p title="charset=cp1252">', None),
        (b" " * SNIFF_BYTES + b'<meta charset="cp1252">', None),
    ],
    ids=[
        "charset",
        "upper-case",
        "http-equiv",
        "content-first",
        "latin-1",
        "ascii",
        "utf-16",
        "unknown",
        "not-text",
        "in-a-comment",
        "not-a-meta",
        "too-late",
    ],
)
def test_the_encoding_a_page_declares(head: bytes, encoding: str | None) -> None:
    assert declared_encoding(b"<!DOCTYPE html><html><head>" + head + b"</head>") == encoding


WORD_PAGE = (
    b'<html><head><meta http-equiv=Content-Type content="text/html; charset=windows-1252"></head>'
    b"<body><p>The PCSO\x92s caf\xe9.</p></body></html>"
)


def test_a_page_is_read_in_the_encoding_it_declares() -> None:
    document = decode_document(WORD_PAGE, html=True)
    assert document.text.endswith("<p>The PCSO\u2019s caf\u00e9.</p></body></html>")
    assert document.encoding == "cp1252"
    assert encode(document.text, document, html=True) == WORD_PAGE


def test_what_is_given_wins_over_what_a_page_declares() -> None:
    assert decode_document(WORD_PAGE, encoding="latin-1", html=True).text.endswith(
        "PCSO\x92s caf\u00e9.</p></body></html>"
    )
    with pytest.raises(InputError, match="not valid utf-8"):
        decode_document(WORD_PAGE)  # not HTML: a <meta> in a text file says nothing
    page = b"\xef\xbb\xbf<meta charset=windows-1252><p>PCSO\xe2\x80\x99s"  # a BOM wins, as in a browser
    assert decode_document(page, html=True).text.endswith("PCSO\u2019s")


def test_a_page_that_is_not_in_the_encoding_it_declares_says_so() -> None:
    page = b'<meta charset="utf-8"><p>The PCSO\x92s</p>'
    with pytest.raises(InputError) as raised:
        decode_document(page, path="w.htm", html=True)
    assert str(raised.value) == (
        "w.htm:1: the page's <meta> declares utf-8, but it is not valid utf-8 (byte 0x92); "
        "try --encoding cp1252 (files saved by Word or Excel on Windows)"
    )


@pytest.mark.parametrize("encoding", ["klingon", "base64", "rot13"])  # as a setting gives it, unchecked by click
def test_unknown_encoding_is_an_input_error(encoding: str) -> None:
    with pytest.raises(InputError, match=f"unknown encoding '{encoding}'"):
        decode(b"SNP", encoding=encoding)


def test_unencodable_text_names_the_line() -> None:
    with pytest.raises(
        InputError, match=r"out.txt:2: '→', which annotation writes on this line, cannot be written in cp1252"
    ):
        encode("fine\n→ arrow", decode(b"", encoding="cp1252"), path="out.txt")


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"], ids=["lf", "crlf", "cr"])
def test_bad_characters_name_the_line_whatever_the_line_breaks(newline: str) -> None:
    with pytest.raises(InputError, match=r"minutes.txt:3: not valid utf-8"):
        decode(newline.join(["one", "two", "three \x96"]).encode("latin-1"), path="minutes.txt")
    with pytest.raises(
        InputError, match=r"out.txt:3: '→', which annotation writes on this line, cannot be written in cp1252"
    ):
        encode(newline.join(["one", "two", "→ arrow"]), decode(b"", encoding="cp1252"), path="out.txt")


def test_atomic_write_replaces_and_keeps_permissions(tmp_path: Path) -> None:
    target = tmp_path / "minutes.txt"
    target.write_bytes(b"old")
    target.chmod(0o640)
    write_atomic(str(target), b"new")
    assert target.read_bytes() == b"new"
    assert target.stat().st_mode & 0o777 == 0o640
    assert [path.name for path in tmp_path.iterdir()] == ["minutes.txt"]


def test_atomic_write_failure_leaves_the_original(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "minutes.txt"
    target.write_bytes(b"original")

    def fail(*args: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr("os.replace", fail)
    with pytest.raises(OSError, match="disk full"):
        write_atomic(str(target), b"new")
    assert target.read_bytes() == b"original"
    assert [path.name for path in tmp_path.iterdir()] == ["minutes.txt"]


@pytest.mark.parametrize(("umask", "mode"), [(0o022, 0o644), (0o077, 0o600), (0o002, 0o664)])
def test_a_new_file_gets_the_mode_the_shell_would_give_it(tmp_path: Path, umask: int, mode: int) -> None:
    """`annotate -o published.txt` is read by others as `> published.txt` would be: not mkstemp's 0600."""
    previous = os.umask(umask)
    try:
        write_atomic(str(tmp_path / "published.txt"), b"text")
    finally:
        os.umask(previous)
    assert (tmp_path / "published.txt").stat().st_mode & 0o777 == mode


def test_a_replaced_file_keeps_its_mode(tmp_path: Path) -> None:
    path = tmp_path / "minutes.txt"
    path.write_bytes(b"old")
    path.chmod(0o640)
    write_atomic(str(path), b"new")
    assert (path.read_bytes(), path.stat().st_mode & 0o777) == (b"new", 0o640)
