"""Reading and writing documents byte for byte: encoding, BOM, atomic replacement.

Text is decoded without newline translation, so CRLF and lone CR survive, and a
byte-order mark is remembered and written back.

>>> doc = decode(b"\\xef\\xbb\\xbfSNP\\r\\n")
>>> doc.text, doc.bom
('SNP\\r\\n', b'\\xef\\xbb\\xbf')
>>> encode("SNP\\r\\n", doc)
b'\\xef\\xbb\\xbfSNP\\r\\n'
"""

from __future__ import annotations

import codecs
import errno
import io
import os
import re
import stat
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from .errors import InputError, OutputError
from .positions import line_at

BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
SNIFF_BYTES = 8192  # a NUL byte this early means a binary file, not text
STDIN = "-"
STDOUT = "-"


@dataclass(frozen=True)
class Decoded:
    """A document's text and how to encode it again."""

    text: str
    encoding: str = "utf-8"
    bom: bytes = b""


ENCODING_HINT = "try --encoding cp1252 (files saved by Word or Excel on Windows)"
# What to suggest when an encoding fails: the first of these, other than the one that failed, that reads the file.
SUGGESTIONS = (
    ("utf-8", "try --encoding utf-8"),
    ("cp1252", ENCODING_HINT),
    ("latin-1", "try --encoding latin-1, which reads any byte (check the accented letters in the result)"),
)


def decode(data: bytes, *, encoding: str = "utf-8", path: str = "<stdin>", hint: str | None = None) -> Decoded:
    """Decode bytes strictly, keeping any BOM; raise `InputError` naming the line of a bad byte.

    A BOM names the encoding, except that a UTF-8 BOM before text that is not UTF-8 gives way to an
    `encoding` other than UTF-8 (a mixed file: the BOM is kept as it is and the rest read in `encoding`).
    `utf-8-sig` is UTF-8. The error suggests an encoding that reads the file, or `hint` when UTF-8 fails.

    >>> decode(b"\\xef\\xbb\\xbfThe SNP\\x92s", encoding="cp1252").text
    'The SNP’s'
    """
    kind = not_text(data, path)
    if kind is not None:
        raise InputError(kind, path=path)
    codec = _codec(encoding, path)
    if codec == "utf-8-sig":
        encoding = codec = "utf-8"
    for bom, bom_encoding in BOMS:
        if data.startswith(bom):
            body = data[len(bom) :]
            if bom == codecs.BOM_UTF8 and codec != "utf-8" and not reads(body, "utf-8"):
                bom_encoding = encoding
            return Decoded(_decode(body, bom_encoding, path, hint), bom_encoding, bom)
    if b"\x00" in data[:SNIFF_BYTES]:
        raise InputError(
            "looks like a binary file (it contains NUL bytes); give a plain text, Markdown or HTML file", path=path
        )
    return Decoded(_decode(data, encoding, path, hint), encoding, b"")


# An HTML page names its encoding in a `<meta>` near its start: `<meta charset="windows-1252">`, or as Word
# writes it, `<meta http-equiv=Content-Type content="text/html; charset=windows-1252">`. Not in a comment.
META_CHARSET: Final = re.compile(rb"<meta\b[^>]*?\bcharset[ \t\r\n]*=[ \t\r\n]*[\"']?([A-Za-z0-9_.:-]+)", re.IGNORECASE)
COMMENT: Final = re.compile(rb"<!--.*?(?:-->|\Z)", re.DOTALL)
# Labels that browsers read as another encoding than Python's codec of that name (the WHATWG Encoding
# standard): a page that says ISO-8859-1 or ASCII is read as windows-1252, whose quotes Word writes, and
# a `<meta>` cannot declare UTF-16 (the page would have to be read before the `<meta>` could be).
AS_BROWSERS_READ: Final = {
    "iso8859-1": "cp1252",
    "ascii": "cp1252",
    "iso8859-9": "cp1254",
    "iso8859-11": "cp874",
    "tis-620": "cp874",
    "gb2312": "gbk",
    "utf-16": "utf-8",
    "utf-16-le": "utf-8",
    "utf-16-be": "utf-8",
}


def declared_encoding(data: bytes) -> str | None:
    """The encoding an HTML page's `<meta>` declares in its first `SNIFF_BYTES`, as a browser reads the label; None
    when there is none, or Python knows no text encoding of that name.

    >>> declared_encoding(b'<html><head><meta http-equiv=Content-Type content="text/html; charset=windows-1252">')
    'cp1252'
    >>> declared_encoding(b'<!-- <meta charset="koi8-r"> --><meta charset=ISO-8859-1>'), declared_encoding(b"<p>")
    ('cp1252', None)
    """
    found = META_CHARSET.search(COMMENT.sub(b"", data[:SNIFF_BYTES]))
    if found is None:
        return None
    try:
        codec = text_codec(found[1].decode("ascii"))
    except LookupError:
        return None
    return AS_BROWSERS_READ.get(codec, codec)


def decode_document(data: bytes, *, encoding: str | None = None, path: str = "<stdin>", html: bool = False) -> Decoded:
    """`decode` a document in `encoding`; without one, an `html` page in the encoding it declares
    (`declared_encoding`), and anything else as UTF-8. A BOM wins over both, as in a browser.

    >>> page = '<meta charset="windows-1252"><p>The SNP’s</p>'.encode("cp1252")
    >>> document = decode_document(page, html=True)
    >>> document.text[-13:], document.encoding
    ('The SNP’s</p>', 'cp1252')
    """
    declared = declared_encoding(data) if html and encoding is None else None
    if declared is None:
        return decode(data, encoding=encoding or "utf-8", path=path)
    try:
        return decode(data, encoding=declared, path=path)
    except InputError as error:
        message = f"the page's <meta> declares {declared}, but it is {error.message}"
        raise InputError(message, path=error.path, line=error.line) from None


# How a Word, Excel, PDF or RTF file starts. Such a file is no text to annotate, whatever its bytes decode to:
# a PDF or an RTF file may well decode as cp1252, and annotating it as text would break it.
ZIP_MAGIC: Final = b"PK\x03\x04"  # .docx, .xlsx, .pptx, .odt, .ods: a ZIP archive of parts
OLE_MAGIC: Final = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Office 97-2003: .doc, .xls, .ppt
PDF_MAGIC: Final = b"%PDF-"
RTF_MAGIC: Final = b"{\\rtf1"  # RTF has had one version
# What to do instead: save the file, from the program that made it, as a format acronyms reads.
SAVE_FROM_WORD: Final = (
    "in Word use File > Save As > Web Page, Filtered (.htm) or Plain Text (.txt), "
    "or convert it (pandoc {name} -o {stem}.md), and give that file"
)
SAVE_OLD_OFFICE: Final = (
    "in Word use File > Save As > Web Page, Filtered (.htm) or Plain Text (.txt), "
    "in Excel CSV UTF-8 (Comma delimited) (.csv), and give that file"
)
SAVE_FROM_EXCEL: Final = "in Excel use File > Save As > CSV UTF-8 (Comma delimited) (.csv), and give that file"
# An Office or OpenDocument file's kind, by the name of one of its parts.
ZIP_KINDS: Final = (
    ("word/", "a Word document (.docx)", SAVE_FROM_WORD),
    ("xl/", "an Excel workbook (.xlsx)", SAVE_FROM_EXCEL),
    ("ppt/", "a PowerPoint presentation (.pptx)", "copy its text into a plain text file, and give that file"),
    ("content.xml", "an OpenDocument file (.odt, .ods)", "save it as HTML, Text (.txt) or CSV, and give that file"),
)


def not_text(data: bytes, path: str = "<stdin>") -> str | None:
    """Why `data` cannot be read as text, and what to do, when it is an Office, OpenDocument, PDF or RTF file;
    None for anything else.

    >>> print(not_text(b"%PDF-1.7\\n", "minutes.pdf"))
    is a PDF, which acronyms cannot read; export its text (pdftotext -layout minutes.pdf minutes.txt), and give that file
    """
    if data.startswith(ZIP_MAGIC):
        kind, todo = _zip_kind(data)
    elif data.startswith(OLE_MAGIC):
        kind, todo = "an older Microsoft Office file (.doc, .xls or .ppt)", SAVE_OLD_OFFICE
    elif data.startswith(PDF_MAGIC):
        kind, todo = "a PDF", "export its text (pdftotext -layout {name} {stem}.txt), and give that file"
    elif data.lstrip(codecs.BOM_UTF8 + b" \t\r\n").startswith(RTF_MAGIC):
        kind, todo = "a Rich Text Format file (.rtf)", SAVE_FROM_WORD
    else:
        return None
    name = path if path != "<stdin>" else "FILE"
    stem = os.path.splitext(name)[0]
    return f"is {kind}, which acronyms cannot read; {todo.format(name=name, stem=stem)}"


def _zip_kind(data: bytes) -> tuple[str, str]:
    """What a ZIP archive holds, by the names of its parts, and what to do."""
    try:
        names = zipfile.ZipFile(io.BytesIO(data)).namelist()
    except (zipfile.BadZipFile, OSError, ValueError):  # cut short or damaged: its parts cannot be listed
        names = []
    for part, kind, todo in ZIP_KINDS:
        if any(name.startswith(part) for name in names):
            return kind, todo
    return "a ZIP archive", "unpack it and give the text, Markdown or HTML file inside"


def _codec(encoding: str, path: str) -> str:
    """The codec's own name for `encoding` (`utf_8` and `UTF8` are `utf-8`)."""
    try:
        return text_codec(encoding)
    except LookupError:
        raise InputError(f"unknown encoding {encoding!r}; try utf-8 or cp1252", path=path) from None


def text_codec(encoding: str) -> str:
    """The codec's own name for the text encoding `encoding`; `LookupError` when Python knows none of that name,
    or knows only a codec of bytes to bytes or text to text (`base64`, `rot13`), which would fail on reading.

    >>> text_codec("UTF8")
    'utf-8'
    """
    name = codecs.lookup(encoding).name
    "".encode(name)  # LookupError: 'base64' is not a text encoding (an empty bytes' decode would not look)
    return name


def reads(data: bytes, encoding: str) -> bool:
    """True when `data` decodes in `encoding` without error."""
    try:
        data.decode(encoding)
    except UnicodeDecodeError:
        return False
    return True


def _decode(data: bytes, encoding: str, path: str, hint: str | None) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        line = byte_line(data, error.start)
        byte = data[error.start : error.start + 1].hex()
        suggestion = _suggestion(data, _codec(encoding, path), hint)
        raise InputError(f"not valid {encoding} (byte 0x{byte}); {suggestion}", path=path, line=line) from None


def _suggestion(data: bytes, failed: str, hint: str | None) -> str:
    """`hint` if UTF-8 failed and there is one, else an encoding other than the failed one that reads `data`."""
    if hint is not None and failed == "utf-8":
        return hint
    for encoding, suggestion in SUGGESTIONS:
        if codecs.lookup(encoding).name != failed and reads(data, encoding):
            return suggestion
    return "it is not text in utf-8, cp1252 or latin-1"  # latin-1 reads any byte, so only if latin-1 failed


def byte_line(data: bytes, offset: int) -> int:
    """The 1-based line of a byte offset; CR LF, CR and LF end lines (as in any ASCII-compatible encoding)."""
    return line_at(data[:offset].decode("latin-1"), offset)


def encode(text: str, like: Decoded, *, path: str = "<stdout>", html: bool = False) -> bytes:
    """Encode text the way `like` was encoded, BOM included.

    In `html`, a character the encoding lacks is written as a character reference (annotation
    inserts only text and attribute values there, where a reference reads as the character).

    >>> encode("SNP \u21a9", decode(b"x", encoding="cp1252"), html=True)
    b'SNP &#8617;'
    """
    try:
        return like.bom + text.encode(like.encoding, errors="xmlcharrefreplace" if html else "strict")
    except UnicodeEncodeError as error:
        line = line_at(text, error.start)
        raise InputError(
            f"{text[error.start]!r}, which annotation writes on this line, cannot be written in {like.encoding}; "
            "save the document as UTF-8 and leave out --encoding, or change the glossary's expansion",
            path=path,
            line=line,
        ) from None


def read_bytes(path: str) -> bytes:
    """Read a whole file; raise `InputError` with a hint when it cannot be read."""
    try:
        return Path(path).read_bytes()
    except FileNotFoundError:
        raise InputError("no such file; check the path", path=path) from None
    except IsADirectoryError:
        raise InputError("is a directory; give a file", path=path) from None
    except OSError as error:
        raise InputError(f"cannot read: {error.strerror}", path=path) from None


WRITE_BITS = stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH
READ_ONLY = "the file is read-only; make it writable (chmod u+w) or write elsewhere with -o"
WRITE_HINTS = {errno.ENOSPC: "free some space or write elsewhere", errno.EISDIR: "give a file name, not a folder"}
WRITE_HINT = "check the folder exists and is writable"


def write_file(path: str, data: bytes) -> None:
    """Write `data` to `path` atomically; raise `OutputError` saying why it cannot be written and what to do.

    A read-only file is not replaced (though its folder would allow it), not even by root, who may
    write any file: one that no one may write is read-only too. A symlink's target is written.
    """
    if os.path.exists(path) and (not os.access(path, os.W_OK) or not os.stat(path).st_mode & WRITE_BITS):
        raise OutputError(READ_ONLY, path=path)
    try:
        if is_special(path):  # written into, as `>` would: replaced, `/dev/null` would become a file
            with open(path, "wb") as stream:
                stream.write(data)
        else:
            write_atomic(path, data)
    except OSError as error:
        raise write_error(error, path) from None


def is_special(path: str) -> bool:
    """True for a file that is neither a regular file nor a folder: a device (`/dev/null`), a FIFO, `/dev/stdout`.

    >>> is_special("/dev/null"), is_special(".")
    (True, False)
    """
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False
    return not stat.S_ISREG(mode) and not stat.S_ISDIR(mode)


def write_error(error: OSError, path: str) -> OutputError:
    """The `OutputError` for a failed write to `path`: what the system said and what to do.

    >>> print(write_error(FileNotFoundError(2, "No such file or directory"), "out/x.txt"))
    out/x.txt: cannot write: No such file or directory; check the folder exists and is writable
    """
    hint = WRITE_HINTS.get(error.errno or 0, WRITE_HINT)
    return OutputError(f"cannot write: {error.strerror or error}; {hint}", path=path)


NEW_FILE_MODE: Final = 0o666  # what `open` and the shell's `>` create a file with, less the umask


def _umask() -> int:
    """The process's umask (read by setting it, the only portable way, and setting it back at once)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def write_atomic(path: str, data: bytes) -> None:
    """Replace `path` with `data` atomically: the old file stays whole if anything fails.

    A symlink stays a link: its target is replaced, through a temporary file in the target's folder.
    """
    target = Path(os.path.realpath(path))
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        # A file replaced keeps its mode; a new one gets the mode `>` would give it (mkstemp's is 0600,
        # which would leave a published page readable by its owner alone).
        os.chmod(temporary, target.stat().st_mode & 0o7777 if target.exists() else NEW_FILE_MODE & ~_umask())
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
