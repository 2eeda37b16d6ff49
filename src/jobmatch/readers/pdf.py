"""PDF text via pypdf, with page limits, encryption and damage reported in the user's words."""

from __future__ import annotations

import io
import logging
from pathlib import Path

from jobmatch.errors import ReadError
from jobmatch.readers.limits import ReaderLimits


def read_pdf(path: Path, data: bytes, limits: ReaderLimits) -> tuple[str, list[int]]:
    from pypdf import PdfReader
    from pypdf.errors import FileNotDecryptedError, PdfReadError

    if not data.lstrip()[:5].startswith(b"%PDF-"):
        raise ReadError(path, "not a PDF file (no %PDF header)")
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            try:
                opened = reader.decrypt("")
            except Exception:  # noqa: BLE001 - any failure here means we cannot open it
                opened = 0
            if not opened:
                raise ReadError(path, "the PDF is encrypted")
        count = len(reader.pages)
        if count > limits.max_pdf_pages:
            raise ReadError(path, f"the PDF has {count} pages, over the limit of {limits.max_pdf_pages}")
        texts: list[str] = []
        page_starts: list[int] = []
        length = 0
        for page in reader.pages:
            page_starts.append(length)
            page_text = page.extract_text() or ""
            texts.append(page_text)
            length += len(page_text) + 2
            if length > limits.max_text_chars:
                raise ReadError(path, f"the PDF holds more than {limits.max_text_chars} characters of text")
    except ReadError:
        raise
    except FileNotDecryptedError:
        raise ReadError(path, "the PDF is encrypted") from None
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, IndexError, OSError,
            RecursionError, AssertionError, ZeroDivisionError) as exc:
        raise ReadError(path, f"the PDF is damaged ({type(exc).__name__}: {str(exc)[:120]})") from None
    text = "\n\n".join(texts)
    if not text.strip():
        raise ReadError(path, "the PDF has no extractable text (a scanned image needs OCR first)")
    return text, page_starts
