"""Plain text and Markdown: decode strictly, refuse binary content."""

from __future__ import annotations

import codecs
from pathlib import Path

from jobmatch.errors import ReadError
from jobmatch.readers.limits import ReaderLimits

_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def looks_like_text(text: str) -> bool:
    """True when almost every character is printable or ordinary whitespace."""
    if not text:
        return True
    sample = text[:20000]
    bad = sum(1 for ch in sample if (ord(ch) < 32 and ch not in "\n\r\t\f") or 0x7f <= ord(ch) < 0xa0 or ch == "\ufffd")
    return bad / len(sample) < 0.01


def decode_bytes(data: bytes, path: Path, limits: ReaderLimits) -> str:
    """UTF-8 (or a BOM-declared UTF-16/32); a legacy 8-bit encoding only if the result reads as text."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise ReadError(path, f"undecodable bytes for {encoding} at byte {exc.start}") from None
            break
    else:
        if b"\x00" in data[:8192]:
            raise ReadError(path, "binary content, not a text document")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            text = ""
            for encoding in limits.fallback_encodings:
                try:
                    candidate = data.decode(encoding)
                except UnicodeDecodeError:
                    continue
                if looks_like_text(candidate):
                    text = candidate
                    break
            if not text:
                raise ReadError(path, f"undecodable bytes: not UTF-8 (invalid byte at offset {exc.start}) "
                                      "and not a readable legacy encoding") from None
    if not looks_like_text(text):
        raise ReadError(path, "binary content, not a text document")
    return text


def read_plain(path: Path, data: bytes, limits: ReaderLimits) -> tuple[str, list[int]]:
    return decode_bytes(data, path, limits), []
