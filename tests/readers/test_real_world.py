"""What real CV files do, made here with reportlab and python-docx and read through to the profile:
running headers and footers with "Page 2 of 3", an entry split by a page break, ligature glyphs,
a sidebar column, dates set right on the title's line, text boxes, two-column tables, symbol
bullets, soft hyphens and non-breaking spaces."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from jobmatch.extract import extract_document
from jobmatch.readers import read_document

REFERENCE = "2026-11-01"


def _profile(path: Path) -> dict:
    return extract_document(read_document(path), "cv", REFERENCE)["profile"]


def _jobs(profile: dict) -> list[tuple[str, str, str, bool]]:
    return [(j["start"], j["end"], j["kind"], j["international"]) for j in profile["experience"]]


def _languages(profile: dict) -> dict[str, str | None]:
    return {s["language"]: s["level"] for s in profile["languages"]}


def _pdf_pages(path: Path, pages: list[list[str]], header: str | None = None, footer: str | None = None,
               font: str = "Helvetica") -> Path:
    """One line of text per string, top down; a running header and a "Page n of N" style footer."""
    pdf = canvas.Canvas(str(path), pagesize=A4)
    for number, lines in enumerate(pages, 1):
        if header:
            pdf.setFont(font, 8)
            pdf.drawString(72, 810, header)
        pdf.setFont(font, 11)
        y = 780
        for line in lines:
            pdf.drawString(72, y, line)
            y -= 16
        if footer:
            pdf.setFont(font, 8)
            pdf.drawCentredString(297, 30, footer.format(n=number, total=len(pages)))
        pdf.showPage()
    pdf.save()
    return path


SPLIT_CV = [["Wanjiku Kamau", "EXPERIENCE", "Programme Officer, UNICEF, Nairobi", "2019 – present",
             "- Led the nutrition cluster in three counties.", "Field Assistant, Kenya Red Cross"],
            ["2012 – 2015", "- Distributed relief items.", "Volunteer teacher, Mathare Youth Centre", "2010 – 2011",
             "EDUCATION", "MSc Public Health, University of Nairobi, 2011"],
            ["LANGUAGES", "English – fluent", "Swahili – mother tongue"]]


@pytest.mark.parametrize("footer", ["Page {n} of {total}", "{n} / {total}", "- {n} -", "Página {n} de {total}"])
def test_running_header_and_page_numbers_are_dropped(tmp_path, footer):
    path = _pdf_pages(tmp_path / "cv.pdf", SPLIT_CV, header="Wanjiku Kamau – Curriculum vitae", footer=footer)
    text = read_document(path).text
    assert text.count("Curriculum vitae") == 1         # the first page's header stays, as the CV's first line
    assert footer.format(n=2, total=3) not in text
    assert footer.format(n=3, total=3) not in text


def test_an_entry_split_by_a_page_break_keeps_its_title_and_dates_together(tmp_path):
    path = _pdf_pages(tmp_path / "cv.pdf", SPLIT_CV, header="Wanjiku Kamau – Curriculum vitae", footer="Page {n} of {total}")
    document = read_document(path)
    assert "Field Assistant, Kenya Red Cross\n2012 – 2015" in document.text
    assert document.text[document.page_starts[1]:].startswith("2012 – 2015")
    profile = _profile(path)
    assert [(j["start"], j["title"]) for j in profile["experience"]] == [
        ("2019-01", "Programme Officer"), ("2012-01", "Field Assistant"), ("2010-01", "Volunteer teacher")]
    assert profile["total_years"] == 11.9      # 2019-01 .. 2026-11 and 2012-01 .. 2015-12; volunteering not counted
    assert _languages(profile) == {"en": "advanced", "sw": "native"}


def test_a_one_page_cv_keeps_its_lines_but_not_its_page_number(tmp_path):
    path = _pdf_pages(tmp_path / "cv.pdf", [["Ana Ruiz", "EXPERIENCE", "2019 – present Analyst, INE"]],
                      header="Ana Ruiz", footer="Page {n} of {total}")
    assert read_document(path).text.splitlines() == ["Ana Ruiz", "Ana Ruiz", "EXPERIENCE", "2019 – present Analyst, INE"]


def test_ligature_glyphs_are_spelled_out(tmp_path):
    pdfmetrics.registerFont(TTFont("Vera", "Vera.ttf"))      # ships with reportlab; has the ﬁ and ﬂ glyphs
    path = _pdf_pages(tmp_path / "latex.pdf", [["PROFESSIONAL EXPERIENCE", "Finance Oﬃcer, Geneva",
                                                "2018 – 2022", "Certiﬁed ﬁnancial statements", "LANGUAGES",
                                                "English – ﬂuent", "French – ﬁrst language"]], font="Vera")
    text = read_document(path).text
    assert "Certified financial statements" in text and "English – fluent" in text
    # Vera has no "ﬃ" glyph: pypdf gives NUL for it, which the reader drops rather than pass on
    assert not any("\ufb00" <= ch <= "\ufb06" or ch == "\x00" for ch in text)
    assert _languages(_profile(path)) == {"en": "advanced", "fr": "native"}


def _pdf_two_columns(path: Path, sidebar: list[str], main: list[str]) -> Path:
    """A template that draws its sidebar first, then the main column beside it (Word text boxes,
    LaTeX paracol, most CV builders)."""
    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.setFont("Helvetica", 9)
    for i, line in enumerate(sidebar):
        pdf.drawString(36, 800 - 14 * i, line)
    pdf.setFont("Helvetica", 11)
    for i, line in enumerate(main):
        pdf.drawString(200, 800 - 16 * i, line)
    pdf.showPage()
    pdf.save()
    return path


def test_a_sidebar_beside_the_main_column(tmp_path):
    path = _pdf_two_columns(tmp_path / "sidebar.pdf",
                            ["CONTACT", "+221 77 000 00 00", "LANGUES", "Français : langue maternelle", "Anglais : courant",
                             "COMPÉTENCES", "Stata, R, QGIS"],
                            ["Mariama Sow", "EXPÉRIENCES PROFESSIONNELLES", "Chargée de programme, PNUD, Dakar",
                             "2020 – aujourd'hui", "Analyste, Agence nationale de la statistique", "2016 – 2019",
                             "FORMATION", "Master en statistique, ENSAE, 2016"])
    profile = _profile(path)
    assert _jobs(profile) == [("2020-01", "present", "job", True), ("2016-01", "2019-12", "job", False)]
    assert profile["total_years"] == 10.9
    assert _languages(profile) == {"fr": "native", "en": "advanced"}
    assert [e["level"] for e in profile["education"]] == ["master"]


def test_dates_set_right_on_the_title_line(tmp_path):
    path = tmp_path / "right.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4)
    rows = [("EXPERIENCIA", ""), ("Oficial de programas, ACNUR, Quito", "mar. 2018 – actualidad"),
            ("Asistente técnica, Ministerio de Salud", "ene. 2014 – feb. 2018")]
    for i, (left, right) in enumerate(rows):
        pdf.drawString(72, 800 - 18 * i, left)
        if right:
            pdf.drawRightString(520, 800 - 18 * i, right)
    pdf.showPage()
    pdf.save()
    assert "Oficial de programas, ACNUR, Quito | mar. 2018 – actualidad" in read_document(path).text
    profile = _profile(path)
    assert _jobs(profile) == [("2018-03", "present", "job", True), ("2014-01", "2018-02", "job", False)]
    assert profile["international_years"] == 8.8     # 2018-03 .. 2026-11: 105 months


W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _add_text_box(paragraph, lines: list[str]) -> None:
    """A floating text box (Word's sidebar) anchored in the paragraph, as Word writes it: DrawingML with
    a VML copy in the fallback branch."""
    inner = "".join(f"<w:p><w:r><w:t xml:space='preserve'>{line}</w:t></w:r></w:p>" for line in lines)
    run = parse_xml(
        f'<w:r {W} xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
        'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" xmlns:v="urn:schemas-microsoft-com:vml">'
        f'<mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx><w:txbxContent>{inner}</w:txbxContent>'
        f'</wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict><v:textbox><w:txbxContent>{inner}</w:txbxContent>'
        '</v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r>')
    paragraph._p.append(run)


def test_a_docx_with_its_sidebar_in_a_text_box(tmp_path):
    word = docx.Document()
    name = word.add_paragraph("Tomás Aguilar")
    _add_text_box(name, ["IDIOMAS", "Español: lengua materna", "Inglés: nivel avanzado (C1)", "Portugués: básico"])
    word.add_paragraph("EXPERIENCIA LABORAL")
    word.add_paragraph("Coordinador de logística, Organización Panamericana de la Salud\t2017\u00a0–\u00a0actualidad")
    word.add_paragraph("\uf0b7 Gestión de almacenes regionales")
    word.add_paragraph("Jefe de compras, Farmacias Unidas S.A.\t2012\u00a0–\u00a02017")
    word.add_paragraph("➢ Negociación con proveedores")
    word.add_paragraph("FORMACIÓN ACADÉMICA")
    paragraph = word.add_paragraph("Licenciatura en Administración de Em")
    paragraph._p.append(parse_xml(f"<w:r {W}><w:softHyphen/><w:t>presas, Universidad de Chile, 2011</w:t></w:r>"))
    path = tmp_path / "cv.docx"
    word.save(path)
    text = read_document(path).text
    assert text.count("Inglés: nivel avanzado (C1)") == 1          # the VML copy is not read again
    assert "- Gestión de almacenes regionales\n" in text and "- Negociación con proveedores\n" in text
    assert "Administración de Empresas" in text
    profile = _profile(path)
    assert _jobs(profile) == [("2017-01", "present", "job", True), ("2012-01", "2017-12", "job", False)]
    assert profile["total_years"] == 14.9       # 2012-01 .. 2026-11: 179 months
    assert _languages(profile) == {"es": "native", "en": "advanced", "pt": "basic"}
    assert [e["level"] for e in profile["education"]] == ["bachelor"]


def test_a_docx_laid_out_as_a_two_column_table(tmp_path):
    word = docx.Document()
    table = word.add_table(rows=1, cols=2)
    side, main = table.cell(0, 0), table.cell(0, 1)
    side.text = "CONTACT"
    for line in ["amal@example.org", "LANGUAGES", "Arabic – native", "English – C1", "French – B1", "SKILLS", "SPSS, Excel"]:
        side.add_paragraph(line)
    main.text = "Amal Haddad"
    for line in ["WORK EXPERIENCE", "Protection Officer, UNHCR, Beirut", "Jan 2020 – Present",
                 "Case Worker, Caritas Lebanon", "Mar 2016 – Dec 2019", "EDUCATION", "MA in Social Work, Saint Joseph University, 2015"]:
        main.add_paragraph(line)
    path = tmp_path / "table.docx"
    word.save(path)
    profile = _profile(path)
    assert _jobs(profile) == [("2020-01", "present", "job", True), ("2016-03", "2019-12", "job", False)]
    assert profile["total_years"] == 10.8      # 2016-03 .. 2026-11: 129 months = 10.75, halves up
    assert _languages(profile) == {"ar": "native", "en": "advanced", "fr": "intermediate"}
    assert [e["level"] for e in profile["education"]] == ["master"]
