"""DOCX tables: merged cells are read once, equal neighbouring cells are all kept."""

from __future__ import annotations

import docx

from jobmatch.readers import read_document


def test_neighbouring_cells_with_the_same_text_are_all_read(tmp_path):
    # Found by reading back the rendered corpus CVs: a Europass grid "French | C1 | C1 | B2" lost
    # its second "C1" because repeated text was taken for a merged cell.
    path = tmp_path / "grid.docx"
    word = docx.Document()
    table = word.add_table(rows=2, cols=4)
    for col, value in enumerate(["English", "Easily", "Easily", "Not easily"]):
        table.cell(0, col).text = value
    for col, value in enumerate(["French", "C1", "C1", "B2"]):
        table.cell(1, col).text = value
    word.save(path)
    text = read_document(path).text
    assert "English | Easily | Easily | Not easily\nFrench | C1 | C1 | B2" in text


def test_a_merged_cell_is_read_once(tmp_path):
    path = tmp_path / "merged.docx"
    word = docx.Document()
    table = word.add_table(rows=2, cols=3)
    table.cell(0, 0).merge(table.cell(0, 2)).text = "Languages"
    table.cell(1, 0).merge(table.cell(1, 1)).text = "Spanish (C2)"  # spans two columns, then a third cell
    table.cell(1, 2).text = "native"
    word.save(path)
    text = read_document(path).text
    assert "Languages\nSpanish (C2) | native" in text


def test_a_vertically_merged_cell_is_read_in_its_first_row_only(tmp_path):
    path = tmp_path / "vmerged.docx"
    word = docx.Document()
    table = word.add_table(rows=2, cols=2)
    table.cell(0, 0).merge(table.cell(1, 0)).text = "2015-2019"
    table.cell(0, 1).text = "Network Engineer"
    table.cell(1, 1).text = "Team lead"
    word.save(path)
    text = read_document(path).text
    assert "2015-2019 | Network Engineer\nTeam lead" in text


# --- content that python-docx's Paragraph.text and Document.paragraphs do not reach -----------

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _xml(fragment: str):
    from docx.oxml import parse_xml
    return parse_xml(f'<root xmlns:w="{W_NS}" '
                     'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
                     'xmlns:v="urn:schemas-microsoft-com:vml" '
                     'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
                     f'{fragment}</root>')


def _docx_with_body_xml(path, fragment: str):
    word = docx.Document()
    word.add_paragraph("Curriculum vitae")
    body = word.element.body
    sect = body[-1]                       # keep the section properties last
    for element in list(_xml(fragment)):
        sect.addprevious(element)
    word.save(path)
    return path


def test_sections_inside_content_controls_are_read(tmp_path):
    # CV templates wrap whole sections in block-level content controls (w:sdt).
    path = _docx_with_body_xml(tmp_path / "template.docx", """
      <w:sdt><w:sdtPr><w:alias w:val="Experience"/></w:sdtPr><w:sdtContent>
        <w:p><w:r><w:t>EXPERIENCE</w:t></w:r></w:p>
        <w:p><w:r><w:t>2016 - 2021 Water engineer, Ministry of Water</w:t></w:r></w:p>
      </w:sdtContent></w:sdt>""")
    text = read_document(path).text
    assert "EXPERIENCE\n2016 - 2021 Water engineer, Ministry of Water" in text


def test_inline_content_controls_hyperlinks_and_tracked_changes(tmp_path):
    path = _docx_with_body_xml(tmp_path / "inline.docx", """
      <w:p>
        <w:r><w:t xml:space="preserve">Languages: </w:t></w:r>
        <w:sdt><w:sdtContent><w:r><w:t>French (C1)</w:t></w:r></w:sdtContent></w:sdt>
        <w:r><w:t xml:space="preserve">, </w:t></w:r>
        <w:ins w:id="1" w:author="a"><w:r><w:t>Spanish (B2)</w:t></w:r></w:ins>
        <w:del w:id="2" w:author="a"><w:r><w:delText>, German</w:delText></w:r></w:del>
        <w:r><w:tab/></w:r>
        <w:hyperlink><w:r><w:t>portfolio</w:t></w:r></w:hyperlink>
      </w:p>""")
    text = read_document(path).text
    assert "Languages: French (C1), Spanish (B2)" in text
    assert "German" not in text          # deleted revision text is not the document's text
    assert "portfolio" in text


def test_text_boxes_are_read_once_without_their_vml_fallback(tmp_path):
    path = _docx_with_body_xml(tmp_path / "sidebar.docx", """
      <w:p><w:r><mc:AlternateContent>
        <mc:Choice Requires="wps"><w:drawing><wps:txbx><w:txbxContent>
          <w:p><w:r><w:t>Skills: GIS, hydrology modelling</w:t></w:r></w:p>
        </w:txbxContent></wps:txbx></w:drawing></mc:Choice>
        <mc:Fallback><w:pict><v:textbox><w:txbxContent>
          <w:p><w:r><w:t>Skills: GIS, hydrology modelling</w:t></w:r></w:p>
        </w:txbxContent></v:textbox></w:pict></mc:Fallback>
      </mc:AlternateContent></w:r></w:p>""")
    text = read_document(path).text
    assert text.count("Skills: GIS, hydrology modelling") == 1


def test_a_nested_table_is_read_inside_its_cell(tmp_path):
    path = tmp_path / "nested.docx"
    word = docx.Document()
    outer = word.add_table(rows=1, cols=2)
    outer.cell(0, 0).text = "Education"
    inner = outer.cell(0, 1).add_table(rows=2, cols=1)
    inner.cell(0, 0).text = "MSc Hydrology, 2012"
    inner.cell(1, 0).text = "BSc Civil Engineering, 2009"
    word.save(path)
    text = read_document(path).text
    assert "Education | MSc Hydrology, 2012\nBSc Civil Engineering, 2009" in text


def test_a_europass_row_keeps_the_title_the_employer_and_the_duties_on_their_own_lines(tmp_path):
    path = tmp_path / "europass.docx"
    word = docx.Document()
    table = word.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "01/03/2019 – Present"
    table.cell(0, 1).text = "Programme Analyst"
    table.cell(0, 1).add_paragraph("UNDP, Quito (Ecuador)")
    table.cell(0, 1).add_paragraph("Monitoring of the country portfolio")
    table.cell(1, 0).text = "English"
    table.cell(1, 1).text = "C1"
    word.save(path)
    lines = read_document(path).text.splitlines()
    assert lines[:4] == ["01/03/2019 – Present | Programme Analyst", "UNDP, Quito (Ecuador)",
                         "Monitoring of the country portfolio", "English | C1"]


def test_side_by_side_columns_are_read_one_after_the_other(tmp_path):
    path = tmp_path / "sidebar.docx"
    word = docx.Document()
    table = word.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Contact"
    table.cell(0, 0).add_paragraph("jane@example.org")
    table.cell(0, 1).text = "Experience"
    table.cell(0, 1).add_paragraph("2019 - present Analyst, WHO")
    word.save(path)
    lines = read_document(path).text.splitlines()
    assert lines[:4] == ["Contact", "jane@example.org", "Experience", "2019 - present Analyst, WHO"]
