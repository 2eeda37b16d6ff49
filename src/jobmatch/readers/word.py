"""DOCX text via python-docx, after zip-bomb and XML-entity guards on the raw package."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from jobmatch.errors import ReadError
from jobmatch.readers.limits import ReaderLimits

_LIST_STYLES = ("list", "bullet", "number", "liste", "viñeta")


def _guard_package(path: Path, data: bytes, limits: ReaderLimits) -> None:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise ReadError(path, "not a DOCX file (not a valid zip package)") from None
    with archive:
        infos = archive.infolist()
        total = sum(info.file_size for info in infos)
        packed = sum(info.compress_size for info in infos) or 1
        if total > limits.max_docx_uncompressed_bytes:
            raise ReadError(path, f"the DOCX unpacks to {total / 1e6:.0f} MB, over the "
                                  f"{limits.max_docx_uncompressed_bytes / 1e6:.0f} MB limit (zip bomb?)")
        if total / packed > limits.max_docx_compression_ratio and total > 1_000_000:
            raise ReadError(path, f"the DOCX compression ratio {total / packed:.0f}:1 is suspicious (zip bomb?)")
        names = {info.filename for info in infos}
        if "word/document.xml" not in names:
            raise ReadError(path, "not a DOCX file (no word/document.xml)")
        for info in infos:
            if info.filename.endswith((".xml", ".rels")):
                head = archive.read(info)[:4096]
                if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
                    raise ReadError(path, f"{info.filename} declares XML entities (refused for safety)")


def _paragraph_text(paragraph) -> str:
    text = paragraph.text
    style = (paragraph.style.name if paragraph.style is not None else "") or ""
    numbered = paragraph._p.pPr is not None and paragraph._p.pPr.numPr is not None
    if text.strip() and (numbered or any(key in style.lower() for key in _LIST_STYLES)):
        return "- " + text.strip()
    return text


def _table_rows(table) -> list[str]:
    """One line per row, cells joined by " | ". A merged cell is listed by python-docx once per grid
    column it spans (and again in each row of a vertical merge): it is read once, by identity of its
    XML element, so that neighbouring cells that merely hold the same text ("C1 | C1") both stay."""
    seen: set = set()
    lines = []
    for row in table.rows:
        cells = []
        for cell in row.cells:
            if cell._tc in seen:
                continue
            seen.add(cell._tc)
            value = " ".join(cell.text.split())
            if value:
                cells.append(value)
        lines.append(" | ".join(cells))
    return lines


def read_docx(path: Path, data: bytes, limits: ReaderLimits) -> tuple[str, list[int]]:
    _guard_package(path, data, limits)
    try:
        import docx
        from docx.table import Table
        from docx.text.paragraph import Paragraph

        document = docx.Document(io.BytesIO(data))
        blocks: list[str] = []
        for child in document.element.body.iterchildren():
            tag = child.tag.rsplit("}", 1)[-1]
            if tag == "p":
                blocks.append(_paragraph_text(Paragraph(child, document)))
            elif tag == "tbl":
                blocks.extend(_table_rows(Table(child, document)))
                blocks.append("")
    except ReadError:
        raise
    except Exception as exc:  # noqa: BLE001 - python-docx raises many types on damaged files
        raise ReadError(path, f"the DOCX is damaged ({type(exc).__name__}: {str(exc)[:120]})") from None
    text = "\n".join(blocks)
    if not text.strip():
        raise ReadError(path, "the DOCX has no text")
    return text, []
