"""CV headings as other templates and languages write them: plural and qualified forms, headings
joined by "&" or "et", capitals without accents, and lines that only look like headings."""

from __future__ import annotations

import pytest

from jobmatch.structure.cv import parse_cv_sections


def _names(text: str) -> list[str]:
    return [s.name for s in parse_cv_sections(text)]


@pytest.mark.parametrize(("heading", "name"), [
    # experience
    ("Expériences professionnelles", "experience"),
    ("EXPÉRIENCES", "experience"),
    ("Expérience professionnelle récente", "experience"),
    ("Historique professionnel", "experience"),
    ("Parcours", "experience"),
    ("Carrière", "experience"),
    ("Experiencia Laboral y Profesional", "experience"),
    ("Antecedentes laborales", "experience"),
    ("Trayectoria", "experience"),
    ("Work history", "experience"),
    ("Employment", "experience"),
    ("Selected consulting experience", "experience"),
    ("Key Experience", "experience"),
    ("Professional Career", "experience"),
    ("Experience summary", "experience"),
    ("Professional Experience & Consultancies", "experience"),
    # education
    ("Education & training", "education"),
    ("Education / Training", "education"),
    ("Education and Qualifications", "education"),
    ("Qualifications", "education"),
    ("Diplômes", "education"),
    ("Études et diplômes", "education"),
    ("Diplômes et formations", "education"),
    ("Cursus universitaire", "education"),
    ("Estudios", "education"),
    ("Estudios realizados", "education"),
    ("Formación universitaria", "education"),
    ("Titulaciones académicas", "education"),
    ("Educational background", "education"),
    # languages
    ("Langues", "languages"),
    ("Idiomas", "languages"),
    ("Languages spoken", "languages"),
    ("Conocimiento de idiomas", "languages"),
    ("Langues vivantes", "languages"),
    # skills
    ("Compétences informatiques", "skills"),
    ("Herramientas informáticas", "skills"),
    ("Skills & Tools", "skills"),
    ("Computer literacy", "skills"),
    # other parts, whose dates are not jobs
    ("Publications", "other"),
    ("Références", "other"),
    ("Conference presentations", "other"),
    ("Awards and honours", "other"),
    ("Prix et distinctions", "other"),
    ("Centres d'intérêt", "other"),
    ("Loisirs", "other"),
    ("Formations complémentaires", "other"),
    ("Formación complementaria", "other"),
    ("Projects", "other"),
    ("Coordonnées", "other"),
    ("Datos personales", "other"),
    # summaries
    ("Career summary", "summary"),
    ("Executive summary", "summary"),
    ("Sobre mí", "summary"),
    ("À propos", "summary"),
])
def test_heading_wordings(heading, name):
    assert _names(f"{heading}\nsome content\n") == [name]


@pytest.mark.parametrize(("heading", "name"), [
    ("EXPERIENCE PROFESSIONNELLE", "experience"),
    ("FORMACION ACADEMICA", "education"),
    ("COMPETENCES LINGUISTIQUES", "languages"),
    ("ETUDES ET DIPLOMES", "education"),
    ("Experiencia Laboral", "experience"),
])
def test_capitals_without_accents(heading, name):
    assert _names(f"{heading}\nsome content\n") == [name]


@pytest.mark.parametrize("line", [
    "Experience and Outcomes",          # only the first part is a heading
    "Education, Health and Nutrition",  # a list of sectors
    "Languages and Literature",         # a field of study
    "Skills Development Officer",
    "Project Manager & Team Lead",
])
def test_lines_that_only_look_like_joined_headings(line):
    assert _names(f"{line}\nsome content\n") == []
