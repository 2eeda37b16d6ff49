"""PDF text via pypdf, with page limits, encryption and damage reported in the user's words, and
without the page numbers and running headers and footers of each page (readers.pages)."""

from __future__ import annotations

import io
import logging
from pathlib import Path

from jobmatch.errors import ReadError
from jobmatch.readers.limits import ReaderLimits
from jobmatch.readers.pages import strip_page_furniture


CELL_SEPARATOR = " | "     # the separator the DOCX reader puts between the cells of a table row
PAGE_SEPARATOR = "\n"


def _page_text(page) -> str:
    """pypdf's text of a page, with the cells of a table row kept on one line.

    pypdf ends a text object with a line break even when the next one continues the same
    baseline further right, so a table row ("French | C1") or a date column beside a job title
    comes out one cell per line and the CV extractor loses the pairing. The visitor yields the
    same pieces pypdf joins (their concatenation is its output), each with its position; a break
    between two pieces on one baseline, the second to the right of the first, becomes a cell
    separator. Pieces drawn far apart in the content stream (a sidebar drawn after the main
    column) are never neighbours here, so columns are not interleaved."""
    pieces: list[tuple[str, float, float, float]] = []

    def visit(text, cm, tm, font_dict, font_size):  # noqa: ARG001 - pypdf's visitor signature
        x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        size = abs(font_size * (cm[3] or 1.0)) or 1.0
        pieces.append((text, x, y, size))

    plain = page.extract_text(visitor_text=visit) or ""
    if "".join(text for text, *_ in pieces) != plain:
        return plain          # pypdf changed the pieces on the way: keep its text as it is
    out: list[str] = []
    previous = None           # the last piece with visible text
    for text, x, y, size in pieces:
        if not text:
            continue
        if (previous is not None and text.strip() and out and out[-1].endswith("\n")
                and out[-1].rstrip("\n").strip() and not out[-1].endswith("\n\n")
                and abs(y - previous[2]) <= 0.3 * max(size, previous[3]) and x > previous[1] + 1.0):
            out[-1] = out[-1][:-1] + CELL_SEPARATOR
            text = text.lstrip(" ")
        out.append(text)
        if text.strip():
            previous = (text, x, y, size)
    return "".join(out)


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
        length = 0
        for page in reader.pages:
            page_text = _page_text(page)
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
    # A page break is no paragraph break: an entry that runs over it ("Field Assistant" at the foot of
    # one page, its dates at the top of the next) stays one block of lines.
    texts = [page_text.rstrip("\n") for page_text in strip_page_furniture(texts)]
    page_starts = []
    length = 0
    for page_text in texts:
        page_starts.append(length)
        length += len(page_text) + len(PAGE_SEPARATOR)
    text = PAGE_SEPARATOR.join(texts)
    if not text.strip():
        raise ReadError(path, "the PDF has no extractable text (a scanned image needs OCR first)")
    return text, page_starts
