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
