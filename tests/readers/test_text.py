from jobmatch.readers.text import normalise_text


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
