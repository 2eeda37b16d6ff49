"""Render chosen text CVs of the corpus to PDF (reportlab) and DOCX (python-docx).

The text file stays the source of truth: spans point into it, and a rendering is a derived file
whose read-back text the readers must turn into the same words. Output is deterministic (fixed
dates, fixed zip timestamps, reportlab's invariant mode), and `rendered/manifest.json` records the
sha256 of each source, so `jobmatch corpus check` can tell a rendering that no longer matches its
text. Which CVs are rendered, in which format and layout, is data: `rendered/selection.yaml`."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import re
import zipfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from xml.sax.saxutils import escape

import yaml

from jobmatch.errors import CorpusError

RENDER_DIR = "rendered"
SELECTION_FILE = "selection.yaml"
MANIFEST_FILE = "manifest.json"
FORMATS = ("pdf", "docx")
STYLES = ("plain", "tables", "two-column")
MIN_RENDERINGS = 20  # issue 3: at least 20 CVs as .pdf or .docx

# Fixed metadata, so that the same text always gives the same bytes.
FIXED_DATE = dt.datetime(2026, 11, 1, 0, 0, 0)
ZIP_DATE = (2026, 11, 1, 0, 0, 0)
AUTHOR = "jobmatch gold corpus (fictitious CV)"

# Fonts for the PDF, first found wins. DejaVu covers every character of the corpus (é, ñ, ç, ș, ł...);
# reportlab's bundled Bitstream Vera (DejaVu's ancestor) covers Latin-1 and is always there, so a
# CV with a character outside it is refused by name rather than rendered with empty boxes.
FONT_CANDIDATES = (
    ("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"),
    ("matplotlib:mpl-data/fonts/ttf/DejaVuSans.ttf", "matplotlib:mpl-data/fonts/ttf/DejaVuSans-Bold.ttf"),
    ("reportlab:fonts/Vera.ttf", "reportlab:fonts/VeraBd.ttf"),
)

_BULLET = re.compile(r"^\s*[-•*▪]\s+(?P<text>\S.*)$")
_COLUMNS = re.compile(r"\S\s{2,}\S")
_KEY_VALUE = re.compile(r"^(?P<key>[^:|]{2,40}?)\s*[:|]\s+(?P<value>\S.*)$")
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
# A date range that opens a line ("2020 – 2022 : Master ...", "Sept. 2022 – déc. 2024 | Développeur").
_DATED = re.compile(r"^(?P<date>[^|:—]{0,40}?\b(?:19|20)\d{2}\b[^|:—]{0,30}?)\s+[|:—]\s+(?P<rest>\S.*)$")
# A line holding a date range only ("Octobre 2021 – aujourd'hui"), as in Europass layouts.
_DATE_ONLY = re.compile(r"^[\w.'’ ]{0,14}\b(?:19|20)\d{2}\b(?:\s*[–-]\s*[\w.'’ ]{0,18})?$")


@dataclass(frozen=True)
class RenderChoice:
    """One CV to render: id, format (pdf/docx), layout style, and why it was chosen."""

    id: str
    format: str
    style: str
    why: str

    @property
    def file_name(self) -> str:
        return f"{self.id}.{self.format}"


@dataclass(frozen=True)
class Block:
    """A piece of a CV's layout: title, heading, paragraph, bullet, or a table of rows."""

    kind: str
    text: str = ""
    rows: tuple[tuple[str, ...], ...] = ()


def load_selection(root: Path) -> list[RenderChoice]:
    """The chosen CVs from `rendered/selection.yaml`; a CorpusError names a bad entry."""
    path = Path(root) / RENDER_DIR / SELECTION_FILE
    if not path.exists():
        return []
    try:
        data = yaml.safe_load(path.read_text("utf-8")) or {}
    except yaml.YAMLError as exc:
        raise CorpusError(f"{path}: not valid YAML ({exc})") from None
    choices = []
    for n, item in enumerate(data.get("renderings") or []):
        if not isinstance(item, dict) or not item.get("id"):
            raise CorpusError(f"{path}: entry #{n} has no id")
        choice = RenderChoice(str(item["id"]), str(item.get("format", "")), str(item.get("style", "plain")),
                              str(item.get("why", "")))
        if choice.format not in FORMATS:
            raise CorpusError(f"{path}: {choice.id} format {choice.format!r} is not one of {list(FORMATS)}")
        if choice.style not in STYLES:
            raise CorpusError(f"{path}: {choice.id} style {choice.style!r} is not one of {list(STYLES)}")
        choices.append(choice)
    return choices


def file_sha256(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def _is_heading(line: str) -> bool:
    from jobmatch.structure.cv import cv_patterns
    from jobmatch.structure.headings import match_heading

    stripped = line.strip()
    letters = [c for c in stripped if c.isalpha()]
    shouting = bool(letters) and len(stripped) <= 60 and all(c.isupper() for c in letters) and len(letters) >= 4
    return shouting or match_heading(stripped, cv_patterns()) is not None


def cv_blocks(text: str, style: str = "plain") -> list[Block]:
    """The layout of a text CV: the first line is the title, headings, bullets, paragraphs;
    with style "tables" column-aligned lines and "Key : value" runs become tables, with
    "two-column" dated lines become a date column beside the entry."""
    blocks: list[Block] = []
    lines = text.splitlines()
    i = 0
    titled = False
    while i < len(lines):
        line = lines[i].rstrip()
        if not line.strip():
            i += 1
            continue
        if not titled:
            blocks.append(Block("title", line.strip()))
            titled = True
            i += 1
            continue
        if style in ("tables", "two-column"):
            run = _table_run(lines, i)
            if run:
                rows, i = run
                blocks.append(Block("table", rows=rows))
                continue
        if style == "two-column":
            dated = _dated_entry(lines, i)
            if dated:
                row, i = dated
                blocks.append(Block("table", rows=(row,)))
                continue
        bullet = _BULLET.match(line)
        if bullet:
            blocks.append(Block("bullet", bullet.group("text").strip()))
        elif _is_heading(line):
            blocks.append(Block("heading", line.strip()))
        else:
            blocks.append(Block("para", line.strip()))
        i += 1
    return blocks


def _table_run(lines: list[str], i: int) -> tuple[tuple[tuple[str, ...], ...], int] | None:
    """Two or more consecutive lines laid out in columns (two+ spaces) or as "Key : value"."""
    def columns(line: str) -> tuple[str, ...] | None:
        if _COLUMNS.search(line.strip()) and not _BULLET.match(line):
            return tuple(cell for cell in re.split(r"\s{2,}", line.strip()) if cell)
        return None

    def key_value(line: str) -> tuple[str, ...] | None:
        match = _KEY_VALUE.match(line.strip())
        if match and not _BULLET.match(line) and not _YEAR.search(match.group("key")):
            return (match.group("key").strip(), match.group("value").strip())
        return None

    for splitter in (columns, key_value):
        rows = []
        j = i
        while j < len(lines) and lines[j].strip() and (row := splitter(lines[j])):
            rows.append(row)
            j += 1
        if len(rows) >= 2:
            return tuple(rows), j
    return None


def _dated_entry(lines: list[str], i: int) -> tuple[tuple[str, ...], int] | None:
    """A date column beside its entry: "2015 – 2019 | Title" or a date-only line and what follows."""
    line = lines[i].strip()
    match = _DATED.match(line)
    if match:
        return (match.group("date").strip(), match.group("rest").strip()), i + 1
    if _DATE_ONLY.match(line) and len(line) <= 40:
        body = []
        j = i + 1
        while j < len(lines) and lines[j].strip() and not _BULLET.match(lines[j]) and len(body) < 3:
            if _DATE_ONLY.match(lines[j].strip()) or _is_heading(lines[j]):
                break
            body.append(lines[j].strip())
            j += 1
        if body:
            return (line, "\n".join(body)), j
    return None


# ---------------------------------------------------------------------------------------- PDF

def _locate(candidate: str) -> Path | None:
    if ":" in candidate and not candidate.startswith("/"):
        package, relative = candidate.split(":", 1)
        try:
            module = __import__(package)
        except ImportError:
            return None
        path = Path(module.__file__).parent / relative
    else:
        path = Path(candidate)
    return path if path.is_file() else None


@lru_cache(maxsize=1)
def pdf_fonts() -> tuple[str, str, frozenset[int]]:
    """Register the first available regular/bold TTF pair; returns their names and covered code points."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    for regular, bold in FONT_CANDIDATES:
        regular_path, bold_path = _locate(regular), _locate(bold)
        if regular_path and bold_path:
            stem = regular_path.stem
            pdfmetrics.registerFont(TTFont(stem, str(regular_path)))
            pdfmetrics.registerFont(TTFont(f"{stem}-Bold", str(bold_path)))
            covered = frozenset(pdfmetrics.getFont(stem).face.charToGlyph)
            return stem, f"{stem}-Bold", covered
    raise CorpusError("no TTF font found to render PDFs (looked for DejaVu Sans and reportlab's Vera)")


CELL_PADDING = 8  # points of padding a table cell takes from its column (reportlab's default 6, plus slack)


def column_widths(rows: list[list[str]], width: float, font: str, size: float) -> list[float] | None:
    """Columns as wide as their content needs, never narrower than their longest word (a word
    split inside a cell reads back as two words); None when even that does not fit."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    ncols = len(rows[0])
    least = [max((stringWidth(w, font, size) for r in rows for w in r[c].split()), default=0) + CELL_PADDING
             for c in range(ncols)]
    wanted = [max(max((stringWidth(line, font, size) for line in r[c].split("\n")), default=0)
                  for r in rows) + CELL_PADDING for c in range(ncols)]
    if sum(least) > width:
        return None
    if sum(wanted) <= width:
        return [w * width / sum(wanted) for w in wanted]
    spare = width - sum(least)
    extra = [w - m for w, m in zip(wanted, least)]
    return [m + spare * e / (sum(extra) or 1) for m, e in zip(least, extra)]


def _pdf_paragraph_text(text: str) -> str:
    return escape(text).replace("\n", "<br/>")


def render_pdf(text: str, style: str, title: str, doc_id: str = "") -> bytes:
    """A4 PDF of a text CV with an embedded TTF font; same text, same bytes."""
    try:
        from reportlab.lib import colors
    except ImportError:
        raise CorpusError("rendering PDFs needs reportlab (a dev dependency): pip install -e '.[dev]'") from None
    from reportlab.lib.enums import TA_LEFT
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import cm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    regular, bold, covered = pdf_fonts()
    missing = sorted({c for c in text if ord(c) >= 32 and ord(c) not in covered})
    if missing:
        raise CorpusError(f"{doc_id or title}: the PDF font {regular} has no glyph for {''.join(missing)!r} "
                          "(install DejaVu Sans)")
    body = ParagraphStyle("body", fontName=regular, fontSize=10.5, leading=14.5, alignment=TA_LEFT, spaceAfter=3)
    heading = ParagraphStyle("heading", parent=body, fontName=bold, fontSize=12.5, leading=16, spaceBefore=10,
                             spaceAfter=4, textColor=colors.HexColor("#1F3864"))
    name = ParagraphStyle("title", parent=body, fontName=bold, fontSize=18, leading=22, spaceAfter=8)
    cell = ParagraphStyle("cell", parent=body, fontSize=9.5, leading=12.5, spaceAfter=0)
    width = A4[0] - 4.4 * cm

    # A bullet is drawn in the paragraph's own text object (bulletText), so a reader meets it before
    # the item's words; a ListFlowable draws it apart and pypdf reads it after them.
    bullet = ParagraphStyle("bullet", parent=body, leftIndent=16, bulletIndent=4, bulletFontName=regular,
                            spaceAfter=1.5)
    story = []
    for block in cv_blocks(text, style):
        if block.kind == "title":
            story.append(Paragraph(_pdf_paragraph_text(block.text), name))
        elif block.kind == "heading":
            story.append(Paragraph(_pdf_paragraph_text(block.text), heading))
        elif block.kind == "bullet":
            story.append(Paragraph(_pdf_paragraph_text(block.text), bullet, bulletText="•"))
        elif block.kind == "table":
            ncols = max(len(row) for row in block.rows)
            rows = [list(row) + [""] * (ncols - len(row)) for row in block.rows]
            size = cell.fontSize
            widths = column_widths(rows, width, regular, size)
            while widths is None and size > 7:  # too many columns: a smaller font before any word is split
                size -= 0.5
                widths = column_widths(rows, width, regular, size)
            small = ParagraphStyle("cell-small", parent=cell, fontSize=size, leading=size + 3)
            data = [[Paragraph(_pdf_paragraph_text(c), small) for c in row] for row in rows]
            table = Table(data, colWidths=widths or [width / ncols] * ncols, hAlign="LEFT")
            table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                                       ("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.HexColor("#BFBFBF")),
                                       ("LEFTPADDING", (0, 0), (-1, -1), 2)]))
            story.append(table)
            story.append(Spacer(1, 4))
        else:
            story.append(Paragraph(_pdf_paragraph_text(block.text), body))

    out = io.BytesIO()
    document = SimpleDocTemplate(out, pagesize=A4, leftMargin=2.2 * cm, rightMargin=2.2 * cm,
                                 topMargin=2.0 * cm, bottomMargin=2.0 * cm, title=title, author=AUTHOR,
                                 subject="jobmatch gold corpus rendering", creator="jobmatch corpus render",
                                 invariant=1)
    document.build(story)
    return out.getvalue()


# --------------------------------------------------------------------------------------- DOCX

def render_docx(text: str, style: str, title: str) -> bytes:
    """DOCX of a text CV with Word's own heading, list and table styles; same text, same bytes."""
    import docx
    from docx.shared import Pt

    document = docx.Document()
    normal = document.styles["Normal"]
    normal.font.name = "Calibri"
    normal.font.size = Pt(10.5)
    for block in cv_blocks(text, style):
        if block.kind == "title":
            document.add_paragraph(block.text, style="Title")
        elif block.kind == "heading":
            document.add_paragraph(block.text, style="Heading 1")
        elif block.kind == "bullet":
            document.add_paragraph(block.text, style="List Bullet")
        elif block.kind == "table":
            ncols = max(len(row) for row in block.rows)
            table = document.add_table(rows=len(block.rows), cols=ncols)
            table.style = "Table Grid"
            for r, row in enumerate(block.rows):
                for c, value in enumerate(row):
                    table.cell(r, c).text = value
        else:
            document.add_paragraph(block.text)
    props = document.core_properties
    props.title = title
    props.author = AUTHOR
    props.last_modified_by = AUTHOR
    props.created = FIXED_DATE
    props.modified = FIXED_DATE
    props.last_printed = FIXED_DATE
    props.revision = 1
    props.comments = "Rendered by `jobmatch corpus render` from the text source"
    raw = io.BytesIO()
    document.save(raw)
    return _deterministic_zip(raw.getvalue())


def _deterministic_zip(data: bytes) -> bytes:
    """python-docx stamps zip entries with the current time: rewrite them with a fixed one."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=ZIP_DATE)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            target.writestr(fixed, source.read(info.filename))
    return out.getvalue()


# ------------------------------------------------------------------------------------ corpus

def render_choice(root: Path, choice: RenderChoice) -> bytes:
    source = Path(root) / "cvs" / f"{choice.id}.txt"
    if not source.exists():
        raise CorpusError(f"{RENDER_DIR}/{SELECTION_FILE}: {choice.id} has no text source cvs/{choice.id}.txt")
    text = source.read_text("utf-8")
    if choice.format == "pdf":
        return render_pdf(text, choice.style, title=choice.id, doc_id=choice.id)
    return render_docx(text, choice.style, title=choice.id)


def _pdf_pages(data: bytes) -> int:
    from pypdf import PdfReader
    return len(PdfReader(io.BytesIO(data)).pages)


def render_corpus(root: str | Path) -> str:
    """Render every chosen CV into rendered/, remove renderings no longer chosen, write the manifest."""
    from jobmatch.corpus.build import write_atomic

    root = Path(root)
    choices = load_selection(root)
    if not choices:
        raise CorpusError(f"{root / RENDER_DIR / SELECTION_FILE} is missing or lists no renderings")
    folder = root / RENDER_DIR
    entries = []
    for choice in choices:
        data = render_choice(root, choice)
        target = folder / choice.file_name
        if not target.exists() or target.read_bytes() != data:
            target.write_bytes(data)
        entry = {"id": choice.id, "format": choice.format, "style": choice.style, "file": choice.file_name,
                 "source": f"cvs/{choice.id}.txt",
                 "source_sha256": file_sha256(root / "cvs" / f"{choice.id}.txt"),
                 "sha256": hashlib.sha256(data).hexdigest()}
        if choice.format == "pdf":
            entry["pages"] = _pdf_pages(data)
        entries.append(entry)
    chosen = {c.file_name for c in choices}
    for stale in sorted(folder.glob("*")):
        if stale.suffix.lstrip(".") in FORMATS and stale.name not in chosen:
            stale.unlink()
    manifest = {"generator": "jobmatch corpus render", "fixed_date": FIXED_DATE.isoformat(),
                "renderings": entries}
    write_atomic(folder / MANIFEST_FILE, json.dumps(manifest, indent=1, ensure_ascii=False) + "\n")
    counts = {fmt: sum(e["format"] == fmt for e in entries) for fmt in FORMATS}
    return f"{len(entries)} renderings ({counts['pdf']} PDF, {counts['docx']} DOCX) in {folder}"


def load_manifest(root: Path) -> dict:
    path = Path(root) / RENDER_DIR / MANIFEST_FILE
    if not path.exists():
        return {}
    try:
        return json.loads(path.read_text("utf-8"))
    except json.JSONDecodeError as exc:
        raise CorpusError(f"{path}: not valid JSON ({exc})") from None
