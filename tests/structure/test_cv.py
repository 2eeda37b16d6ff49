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
