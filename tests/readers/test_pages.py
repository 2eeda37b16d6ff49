"""Page furniture: page numbers and running headers/footers, and what must not be taken for them."""

from __future__ import annotations

import pytest

from jobmatch.readers.pages import strip_page_furniture


@pytest.mark.parametrize("number", ["Page 2 of 3", "page 2", "2/3", "2 of 3", "- 2 -", "Página 2 de 3", "Page 2 sur 3", "2"])
def test_page_number_lines_at_a_page_edge(number):
    pages = ["Jane Doe\nEXPERIENCE\n2019 – present Analyst", f"{number}\nEDUCATION\nMSc Statistics"]
    assert strip_page_furniture(pages)[1] == "EDUCATION\nMSc Statistics"


def test_a_running_footer_with_the_page_number_in_it():
    pages = [f"Section {n}\nline {n}a\nline {n}b\nJane Doe – CV – page {n}" for n in (1, 2, 3)]
    assert strip_page_furniture(pages) == [f"Section {n}\nline {n}a\nline {n}b" for n in (1, 2, 3)]


def test_a_running_header_stays_only_at_the_top_of_the_first_page():
    pages = ["Jane Doe | jane@example.org\nEXPERIENCE\nAnalyst", "Jane Doe | jane@example.org\n2015 – 2019\nOfficer"]
    assert strip_page_furniture(pages) == ["Jane Doe | jane@example.org\nEXPERIENCE\nAnalyst", "2015 – 2019\nOfficer"]


def test_different_dates_at_page_edges_are_not_furniture():
    pages = ["EXPERIENCE\nAnalyst\n2015 – 2019", "2010 – 2014\nOfficer\nEDUCATION"]
    assert strip_page_furniture(pages) == pages


def test_numbers_inside_the_text_are_not_page_numbers():
    pages = ["Languages\nEnglish\n2", "3 years in finance\nEducation"]   # a line "2" at an edge goes; "3 years" stays
    assert strip_page_furniture(pages) == ["Languages\nEnglish", "3 years in finance\nEducation"]
