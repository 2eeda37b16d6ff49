"""Each supported format reads to the same normalised text shape."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from jobmatch.errors import ReadError
from jobmatch.readers import read_document


def write_pdf(path: Path, pages: list[list[str]]) -> Path:
    pdf = canvas.Canvas(str(path), pagesize=A4)
    for lines in pages:
        y = 800
        for line in lines:
            pdf.drawString(72, y, line)
            y -= 16
        pdf.showPage()
    pdf.save()
    return path


def test_plain_text_keeps_its_lines(tmp_path):
    path = tmp_path / "notice.txt"
    path.write_text("Grade: P3\nDuty station: Geneva\n", encoding="utf-8")
    document = read_document(path)
    assert document.id == "notice"
    assert document.format == "text"
    assert document.text == "Grade: P3\nDuty station: Geneva\n"


def test_utf16_with_bom_is_decoded(tmp_path):
    path = tmp_path / "cv.txt"
    path.write_bytes("Langues : français, español".encode("utf-16"))
    assert read_document(path).text == "Langues : français, español"


def test_latin1_text_falls_back_to_a_legacy_encoding(tmp_path):
    path = tmp_path / "cv.txt"
    path.write_bytes("Expérience professionnelle à Genève".encode("latin-1"))
    assert read_document(path).text == "Expérience professionnelle à Genève"


def test_html_keeps_headings_and_list_items(tmp_path):
    path = tmp_path / "notice.html"
    path.write_text("<html><head><style>p{}</style></head><body><h2>Duties</h2><ul><li>Leads the "
                    "team</li><li>Drafts   reports</li></ul><p>Grade: P4</p><script>x()</script></body></html>")
    text = read_document(path).text
    assert "Duties\n" in text
    assert "- Leads the team\n- Drafts reports" in text
    assert "Grade: P4" in text
    assert "x()" not in text


def test_pdf_text_and_page_starts(tmp_path):
    path = write_pdf(tmp_path / "cv07.pdf", [["Jane Example", "Languages: French (C1)"], ["Education", "MSc Statistics"]])
    document = read_document(path)
    assert document.id == "cv07"
    assert document.format == "pdf"
    assert "Languages: French (C1)" in document.text
    assert len(document.page_starts) == 2
    assert document.text[document.page_starts[1]:].startswith("Education")


def test_docx_paragraphs_lists_and_tables(tmp_path):
    path = tmp_path / "cv.docx"
    word = docx.Document()
    word.add_heading("Work experience", level=1)
    word.add_paragraph("Led the network team", style="List Bullet")
    table = word.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "2015-2019"
    table.cell(0, 1).text = "Network Engineer, ITU"
    word.save(path)
    text = read_document(path).text
    assert "Work experience\n- Led the network team\n2015-2019 | Network Engineer, ITU" in text


def test_markdown_is_read_as_text(fixtures):
    document = read_document(fixtures / "notices" / "ngo_programme_manager.md")
    assert document.text.startswith("# Programme Manager")


def test_offset_map_points_into_the_source_file(tmp_path):
    path = tmp_path / "notice.txt"
    source = "Duties\r\n  \u2022 Leads the team\r\n"
    path.write_bytes(source.encode("utf-8"))
    document = read_document(path)
    from jobmatch.readers.text import OffsetMap
    offsets = OffsetMap(document.offset_map)
    start = document.text.index("Leads")
    assert source[offsets.to_source(start):].startswith("Leads")


def test_a_pdf_over_the_page_limit_is_refused(tmp_path):
    from jobmatch.readers import ReaderLimits
    path = write_pdf(tmp_path / "long.pdf", [["page"]] * 3)
    with pytest.raises(ReadError, match="3 pages, over the limit of 2"):
        read_document(path, ReaderLimits(max_pdf_pages=2))


def test_html_list_items_holding_paragraphs_stay_on_one_line(tmp_path):
    path = tmp_path / "notice.htm"
    path.write_text("<ul><li><p>Drafts reports</p></li><li><div>Leads &amp; plans</div></li></ul>")
    assert "- Drafts reports\n- Leads & plans" in read_document(path).text


def _write_pdf_grid(path: Path, rows: list[list[str]], column_x: list[int]) -> Path:
    """A PDF table as word processors draw one: each cell its own text object on the row's baseline."""
    pdf = canvas.Canvas(str(path), pagesize=A4)
    y = 800
    for row in rows:
        for x, cell in zip(column_x, row):
            pdf.drawString(x, y, cell)
        y -= 16
    pdf.showPage()
    pdf.save()
    return path


def test_pdf_table_cells_of_a_row_stay_on_one_line(tmp_path):
    path = _write_pdf_grid(tmp_path / "grid.pdf", [["Languages"], ["French", "C1 (fluent)"], ["Spanish", "B2"],
                                                   ["2015 - 2019", "Water engineer, Ministry of Water"]],
                           [72, 250])
    text = read_document(path).text
    assert "Languages\nFrench | C1 (fluent)\nSpanish | B2\n2015 - 2019 | Water engineer, Ministry of Water" in text


def test_pdf_lines_one_under_the_other_are_not_joined(tmp_path):
    path = write_pdf(tmp_path / "lines.pdf", [["Languages", "French (fluent)", "Spanish (basic)"]])
    assert "Languages\nFrench (fluent)\nSpanish (basic)" in read_document(path).text


def test_html_nested_far_beyond_the_recursion_limit_is_read(tmp_path):
    path = tmp_path / "nested.html"
    path.write_text("<div>" * 50_000 + "<p>Languages: French (fluent)</p>" + "</div>" * 50_000)
    assert read_document(path).text.strip() == "Languages: French (fluent)"
