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


W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
# Not text a reader sees: deleted or moved-away revisions, field codes, property blocks, and the
# VML fallback that repeats a text box's content for old Word versions.
_HIDDEN = {W + "delText", W + "del", W + "moveFrom", W + "instrText", W + "pPr", W + "rPr",
           W + "sdtPr", W + "sdtEndPr", MC + "Fallback"}
# Wrappers whose children are ordinary body content: content controls (CV templates put whole
# sections in them), tracked insertions, custom XML and smart tags.
_BLOCK_WRAPPERS = {W + "ins", W + "moveTo", W + "customXml", W + "smartTag"}


def _inline_text(element, out: list[str], boxes: list) -> None:
    """The visible text of a paragraph in reading order, including runs inside hyperlinks, inline
    content controls, fields and tracked insertions (python-docx's `Paragraph.text` skips those).
    The outermost text boxes anchored in it go to `boxes`, to be read as blocks of their own (a
    VML fallback copy is skipped with the other hidden parts)."""
    for child in element:
        tag = child.tag
        if not isinstance(tag, str) or tag in _HIDDEN:
            continue
        if tag == W + "txbxContent":
            boxes.append(child)
        elif tag == W + "t":
            out.append(child.text or "")
        elif tag in (W + "tab", W + "ptab"):
            out.append("\t")
        elif tag in (W + "br", W + "cr"):
            out.append("\n")
        elif tag == W + "noBreakHyphen":
            out.append("-")
        else:
            _inline_text(child, out, boxes)


def _paragraph_text(paragraph, boxes: list) -> str:
    parts: list[str] = []
    _inline_text(paragraph._p, parts, boxes)
    text = "".join(parts)
    style = (paragraph.style.name if paragraph.style is not None else "") or ""
    numbered = paragraph._p.pPr is not None and paragraph._p.pPr.numPr is not None
    if text.strip() and (numbered or any(key in style.lower() for key in _LIST_STYLES)):
        return "- " + text.strip()
    return text


def _blocks(container, document) -> list[str]:
    """Lines of a body, cell, content control or text box, in document order."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    lines: list[str] = []
    for child in container:
        tag = child.tag
        if not isinstance(tag, str):
            continue
        if tag == W + "p":
            boxes: list = []
            lines.append(_paragraph_text(Paragraph(child, document), boxes))
            for box in boxes:
                lines.extend(_blocks(box, document))
        elif tag == W + "tbl":
            lines.extend(_table_rows(Table(child, document), document))
            lines.append("")
        elif tag == W + "sdt":
            content = child.find(W + "sdtContent")
            if content is not None:
                lines.extend(_blocks(content, document))
        elif tag in _BLOCK_WRAPPERS:
            lines.extend(_blocks(child, document))
    return lines


def _table_rows(table, document) -> list[str]:
    """The rows of a table as lines (see _row_lines). A merged cell is listed by python-docx once per
    grid column it spans (and again in each row of a vertical merge): it is read once, by identity of
    its XML element, so that neighbouring cells that merely hold the same text ("C1 | C1") both stay.
    A cell's content controls and nested tables are read with its paragraphs."""
    seen: set = set()
    lines = []
    for row in table.rows:
        cells = []
        for cell in row.cells:
            if cell._tc in seen:
                continue
            seen.add(cell._tc)
            cell_lines = [" ".join(line.split()) for block in _blocks(cell._tc, document) for line in block.split("\n")]
            cells.append([line for line in cell_lines if line])
        lines.extend(_row_lines([c for c in cells if c]))
    return lines


def _row_lines(cells: list[list[str]]) -> list[str]:
    """One line per row, cells joined by " | ", where each cell is one line ("English | C1 | B2").
    Where only the last cell runs to several lines, as in Europass ("01/03/2019 – Present" beside the
    title, employer and duties), its first line joins the row and the others follow, so that the title
    and the employer stay apart. Several long cells side by side (a sidebar beside the main column)
    are read one after the other."""
    if all(len(cell) == 1 for cell in cells):
        return [" | ".join(cell[0] for cell in cells)] if cells else [""]
    if all(len(cell) == 1 for cell in cells[:-1]):
        return [" | ".join([*(cell[0] for cell in cells[:-1]), cells[-1][0]]), *cells[-1][1:]]
    return [line for cell in cells for line in cell]


def read_docx(path: Path, data: bytes, limits: ReaderLimits) -> tuple[str, list[int]]:
    _guard_package(path, data, limits)
    try:
        import docx

        document = docx.Document(io.BytesIO(data))
        blocks = _blocks(document.element.body, document)
    except ReadError:
        raise
    except Exception as exc:  # noqa: BLE001 - python-docx raises many types on damaged files
        raise ReadError(path, f"the DOCX is damaged ({type(exc).__name__}: {str(exc)[:120]})") from None
    text = "\n".join(blocks)
    if not text.strip():
        raise ReadError(path, "the DOCX has no text")
    return text, []
