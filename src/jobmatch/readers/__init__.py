"""Readers: any supported file to a normalised `Document` with an offset map, or a clear ReadError."""

from __future__ import annotations

import os
from pathlib import Path

from jobmatch.errors import ReadError
from jobmatch.model import Document
from jobmatch.readers.limits import ReaderLimits, time_limit
from jobmatch.readers.text import normalise_text, wrap_long_lines

SUPPORTED_SUFFIXES = (".txt", ".md", ".html", ".htm", ".pdf", ".docx")


def _reader_for(suffix: str):
    if suffix in (".txt", ".md", ".text", ".markdown"):
        from jobmatch.readers.plain import read_plain
        return "text", read_plain
    if suffix in (".html", ".htm", ".xhtml"):
        from jobmatch.readers.html import read_html
        return "html", read_html
    if suffix == ".pdf":
        from jobmatch.readers.pdf import read_pdf
        return "pdf", read_pdf
    if suffix == ".docx":
        from jobmatch.readers.word import read_docx
        return "docx", read_docx
    return None, None


def document_id(path: str | Path) -> str:
    """A document given by path is known by its file stem (cv07.pdf -> cv07)."""
    return Path(path).stem


def read_document(path: str | Path, limits: ReaderLimits | None = None) -> Document:
    """Read a .txt/.md/.html/.pdf/.docx file into a normalised Document; ReadError on bad input."""
    limits = limits or ReaderLimits()
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".doc":
        raise ReadError(path, "legacy Word .doc files are not supported: save it as .docx or PDF")
    kind, reader = _reader_for(suffix)
    if reader is None:
        raise ReadError(path, f"unsupported file type {suffix or '(no extension)'!r} "
                              f"(supported: {', '.join(SUPPORTED_SUFFIXES)})")
    try:
        if not path.is_file():
            raise ReadError(path, "no such file" if not path.exists() else "not a regular file")
        size = os.path.getsize(path)
        if size == 0:
            raise ReadError(path, "the file is empty")
        if size > limits.max_file_bytes:
            raise ReadError(path, f"the file is {size / 1e6:.1f} MB, over the "
                                  f"{limits.max_file_bytes / 1e6:.0f} MB limit")
        data = path.read_bytes()
    except OSError as exc:
        raise ReadError(path, exc.strerror or str(exc)) from None
    with time_limit(limits.max_parse_seconds, str(path)):
        raw_text, page_starts = reader(path, data, limits)
        if len(raw_text) > limits.max_text_chars:
            raise ReadError(path, f"the text is {len(raw_text)} characters, over the "
                                  f"{limits.max_text_chars} limit")
        text, offsets = normalise_text(raw_text)
        text = wrap_long_lines(text, limits.max_line_chars)
    if not text.strip():
        raise ReadError(path, "the file has no text")
    if page_starts:
        page_starts = [offsets.to_text(start) for start in page_starts]
    return Document(id=document_id(path), source=str(path), format=kind, text=text,
                    offset_map=offsets.segments, page_starts=page_starts)


__all__ = ["ReaderLimits", "SUPPORTED_SUFFIXES", "document_id", "read_document"]
