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
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from .errors import InputError

BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
SNIFF_BYTES = 8192  # a NUL byte this early means a binary file, not text
STDIN = "-"


@dataclass(frozen=True)
class Decoded:
    """A document's text and how to encode it again."""

    text: str
    encoding: str = "utf-8"
    bom: bytes = b""


ENCODING_HINT = "try --encoding cp1252 (files saved by Word or Excel on Windows)"


def decode(data: bytes, *, encoding: str = "utf-8", path: str = "<stdin>", hint: str = ENCODING_HINT) -> Decoded:
    """Decode bytes strictly, keeping any BOM; raise `InputError` naming the line of a bad byte."""
    for bom, bom_encoding in BOMS:
        if data.startswith(bom):
            return Decoded(_decode(data[len(bom) :], bom_encoding, path, hint), bom_encoding, bom)
    if b"\x00" in data[:SNIFF_BYTES]:
        raise InputError(
            "looks like a binary file (it contains NUL bytes); give a plain text, Markdown or HTML file", path=path
        )
    return Decoded(_decode(data, encoding, path, hint), encoding, b"")


def _decode(data: bytes, encoding: str, path: str, hint: str) -> str:
    try:
        return data.decode(encoding)
    except LookupError:
        raise InputError(f"unknown encoding {encoding!r}; try utf-8 or cp1252", path=path) from None
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        byte = data[error.start : error.start + 1].hex()
        if encoding.replace("-", "").lower() != "utf8":
            hint = "try --encoding utf-8"
        raise InputError(f"not valid {encoding} (byte 0x{byte}); {hint}", path=path, line=line) from None


def encode(text: str, like: Decoded, *, path: str = "<stdout>") -> bytes:
    """Encode text the way `like` was encoded, BOM included."""
    try:
        return like.bom + text.encode(like.encoding)
    except UnicodeEncodeError as error:
        line = text.count("\n", 0, error.start) + 1
        raise InputError(
            f"{text[error.start]!r} cannot be written in {like.encoding}; use a UTF-8 file or change the glossary",
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


def write_atomic(path: str, data: bytes) -> None:
    """Replace `path` with `data` atomically: the old file stays whole if anything fails."""
    target = Path(path)
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        if target.exists():
            os.chmod(temporary, target.stat().st_mode & 0o7777)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
