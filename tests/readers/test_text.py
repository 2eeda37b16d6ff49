import pytest

from jobmatch.readers.text import normalise_text
from jobmatch.readers import read_document


def test_crlf_becomes_lf_and_offsets_point_back_to_the_source():
    source = "Grade: P4\r\nDuty station: Geneva\r\n"
    text, offsets = normalise_text(source)
    assert text == "Grade: P4\nDuty station: Geneva\n"
    start = text.index("Geneva")
    assert source[offsets.to_source(start):offsets.to_source(start) + 6] == "Geneva"


def test_hyphenated_line_breaks_are_joined():
    text, _ = normalise_text("progressively respon-\nsible experience")
    assert text == "progressively responsible experience"


def test_capitalised_continuations_keep_their_hyphen():
    text, _ = normalise_text("Franco-\nGerman")
    assert text == "Franco-\nGerman"


def test_bullets_become_dash_list_items():
    text, _ = normalise_text("Duties:\n  • Leads the team\n\u25aa Drafts reports\n")
    assert text == "Duties:\n- Leads the team\n- Drafts reports\n"


def test_decomposed_accents_are_composed_nfc():
    text, offsets = normalise_text("Gene\u0300ve et Zu\u0308rich")
    assert text == "Genève et Zürich"
    assert offsets.to_source(text.index("et")) == len("Gene\u0300ve ")


def test_nbsp_soft_hyphen_and_runs_of_blank_lines_are_tidied():
    text, _ = normalise_text("salary\u00a0$ 77,326\n\n\n\nTotal in\u00adformation  \n")
    assert text == "salary $ 77,326\n\nTotal information\n"


def test_a_line_longer_than_the_limit_is_wrapped_at_spaces_keeping_offsets():
    from jobmatch.readers.text import wrap_long_lines

    text = "short line\n" + " ".join(["word"] * 100) + "\nend"
    wrapped = wrap_long_lines(text, 50)
    assert len(wrapped) == len(text)
    assert wrapped.replace("\n", " ") == text.replace("\n", " ")
    assert max(len(line) for line in wrapped.split("\n")) <= 50
    assert wrapped.startswith("short line\n") and wrapped.endswith("\nend")


def test_lines_within_the_limit_and_runs_without_spaces_are_kept():
    from jobmatch.readers.text import wrap_long_lines

    assert wrap_long_lines("a b c\nd e", 5) == "a b c\nd e"
    assert wrap_long_lines("x" * 30, 10) == "x" * 30


def test_a_file_without_line_breaks_is_read_as_bounded_lines(tmp_path):
    path = tmp_path / "oneline.txt"
    path.write_text("Languages: French (fluent). " * 2000)
    document = read_document(path)
    assert max(len(line) for line in document.text.split("\n")) <= 2000
    assert document.text.replace("\n", " ").strip() == path.read_text().strip()


def test_ligatures_are_spelled_out_and_offsets_still_point_back():
    source = "Oﬃce of the ﬁnance oﬀicer"
    text, offsets = normalise_text(source)
    assert text == "Office of the finance officer"
    start = text.index("the")
    assert source[offsets.to_source(start):offsets.to_source(start) + 3] == "the"


def test_control_characters_are_dropped_and_page_breaks_are_line_breaks():
    text, _ = normalise_text("Budget\x00 Officer\x0cEXPERIENCE\u2028Analyst\x1b")
    assert text == "Budget Officer\nEXPERIENCE\nAnalyst"


@pytest.mark.parametrize("bullet", ["\uf0b7", "\uf0a7", "\uf0fc", "▪", "•", "➢", "❖", "◆", "➤"])
def test_symbol_bullets_of_word_templates(bullet):
    text, _ = normalise_text(f"Duties\n{bullet}\tDrafted the budget\n")
    assert text == "Duties\n- Drafted the budget\n"


def test_soft_hyphens_and_non_breaking_spaces():
    text, _ = normalise_text("Adminis\u00adtración\u00a0de\u00a0empresas, 2016\u202f–\u202f2019")
    assert text == "Administración de empresas, 2016 – 2019"
