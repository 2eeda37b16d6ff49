"""CV headings: notes in brackets, numbering, Europass and academic wordings."""

from __future__ import annotations

from jobmatch.structure.cv import parse_cv_sections


def test_headings_with_a_note_in_brackets_and_numbering():
    text = "8. EMPLOYMENT RECORD (most recent first)\nA. From: 2019 To: present\n\n7. University education\nMSc\n"
    assert [s.name for s in parse_cv_sections(text)] == ["experience", "education"]


def test_europass_french_and_academic_headings():
    text = ("INFORMATIONS PERSONNELLES\nX\nÉDUCATION ET FORMATION\nMaster\nCOMPÉTENCES PERSONNELLES\nY\n"
            "ACADEMIC AND PROFESSIONAL POSITIONS\nLecturer\nACADEMIC DEGREES\nPhD\n")
    assert [s.name for s in parse_cv_sections(text)] == ["other", "education", "other", "experience", "education"]


def test_experience_education_and_language_headings_in_three_languages():
    headings = {
        "Professional background": "experience", "EMPLOYMENT HISTORY": "experience", "Parcours professionnel": "experience",
        "Experiencia laboral": "experience", "Trayectoria profesional": "experience", "Formación académica": "education",
        "Formation universitaire": "education", "Compétences linguistiques": "languages", "KNOWLEDGE OF LANGUAGES": "languages",
        "Conocimientos lingüísticos": "languages", "Langues parlées": "languages", "## Foreign languages": "languages",
    }
    for heading, name in headings.items():
        sections = parse_cv_sections(f"{heading}\nsome content\n")
        assert [s.name for s in sections] == [name], heading


def test_a_heading_that_also_names_table_columns():
    text = "5. LANGUAGES          Read      Write     Speak\n   English    Easily    Easily    Easily\n"
    sections = parse_cv_sections(text)
    assert [s.name for s in sections] == ["languages"]
    assert sections[0].text.startswith("English")


def test_a_line_with_only_columns_after_a_non_heading_is_not_a_heading():
    assert parse_cv_sections("Budget Officer     Finance     Rome\n") == []


def test_a_mother_tongue_label_opens_the_languages_part_with_its_own_line():
    text = "6. Mother tongue: Zulu\n7. Other languages:\n   English: easily\n\nEDUCATION\nBA\n"
    sections = parse_cv_sections(text)
    assert [s.name for s in sections] == ["languages", "languages", "education"]
    assert sections[0].text == "6. Mother tongue: Zulu"
