"""Whole CVs in layouts and wordings the gold corpus does not use (Europass, LinkedIn exports,
sidebar-first text, one line per job with dates on the right, forward chronology, academic CVs,
French and Spanish headings without accents), each with the profile a recruiter expects."""

from __future__ import annotations

import pytest

from jobmatch.extract import extract_document
from jobmatch.model import Document

REFERENCE = "2026-11-01"


def _profile(text: str) -> dict:
    return extract_document(Document(id="cv", source="cv.txt", format="txt", text=text), "cv", REFERENCE)["profile"]


def _titles(text: str) -> list[str]:
    result = extract_document(Document(id="cv", source="cv.txt", format="txt", text=text), "cv", REFERENCE)
    return [s["text"] for s in result["spans"] if s["label"] == "EXPERIENCE" and s["attrs"]["kind"] != "claimed"]


EUROPASS_FR = """Curriculum vitae Europass

INFORMATIONS PERSONNELLES
Nom : Ndiaye Fatou
Nationalité : sénégalaise

EXPÉRIENCES PROFESSIONNELLES
Sept. 2015 - Août 2019
Chargée de suivi-évaluation
Programme alimentaire mondial (PAM), Dakar

2019 – aujourd'hui
Responsable suivi-évaluation
Ministère de l'Agriculture, Dakar

DIPLÔMES
2013 – 2015 Master en économie du développement, Université Cheikh Anta Diop
2010 – 2013 Licence en économie, Université Gaston Berger

COMPÉTENCES LINGUISTIQUES
Français : langue maternelle
Anglais : courant
Wolof : langue maternelle
"""

ES_TRAYECTORIA = """Lucía Méndez Ortiz
Economista

TRAYECTORIA PROFESIONAL
desde 2018 — Coordinadora de proyectos, Fondo de las Naciones Unidas para la Infancia (UNICEF), Ciudad de Guatemala
05/2016 – 08/2018 — Analista económica, Banco de Guatemala
2014–16 — Asistente de investigación, Universidad Rafael Landívar

ESTUDIOS
Maestría en Economía, FLACSO, 2014
Licenciatura en Economía, Universidad Rafael Landívar, 2012

IDIOMAS
Español: lengua materna
Inglés: nivel avanzado (C1)
Francés: nivel básico (A2)
"""

WORK_HISTORY = """EMEKA NWOSU
Abuja, Nigeria | emeka@example.org

WORK HISTORY
Jan 2020 - Current
Programme Analyst | UNDP Nigeria, Abuja
- Managed a portfolio of governance projects.

Mar 2015 - Dec 2019
Research Officer | Nigerian Economic Summit Group, Lagos

EDUCATION & TRAINING
MSc Development Economics, University of Sussex, 2014
BSc Economics, University of Lagos, 2012

LANGUAGES
English – native
French – intermediate (B1)
"""

SKILLS_FIRST = """Abena Owusu
Data analyst

Skills
Python, R, SQL, Power BI

Languages
English (Full professional proficiency)
French (Elementary proficiency)
Hausa (Native or bilingual proficiency)

Employment
Data Analyst, Accra Metropolitan Assembly          2021 – present
Junior Statistician, Kumasi Polytechnic            2018 – 2021

Qualifications
MPhil Statistics, University of Ghana (2018)
"""

CAREER_SUMMARY = """RÉMI FAVRE

Career summary
2017 – 2024  Head of Finance, Médecins Sans Frontières, Geneva
2011 – 2016  Senior Accountant, Deloitte SA, Geneva

Education
2010  Master of Science in Accounting, HEC Lausanne
"""

FR_PARCOURS = """Hugo PERRIN
Ingénieur télécoms

Parcours professionnel
Depuis mars 2020 : Ingénieur radio, Orange, Rennes
Janv. 2016 - Févr. 2020 · 4 ans 2 mois : Ingénieur d'études, Union internationale des télécommunications, Genève
2014 - 2015 : Stagiaire, Bouygues Telecom

Formation
2014 : Diplôme d'ingénieur en télécommunications, IMT Atlantique
2011 : Baccalauréat scientifique

Langues
Anglais : courant (TOEIC 950)
Espagnol : notions
"""

ACADEMIC = """Dr. Chiara Benedetti
Curriculum Vitae

Academic appointments
2019 – present  Associate Professor of Epidemiology, University of Bologna
2015 – 2019  Postdoctoral Researcher, London School of Hygiene & Tropical Medicine

Education
2015  PhD in Epidemiology, University of Milan
2010  MSc in Public Health, University of Milan

Publications
Benedetti C, et al. (2018–2020 cohort). Mortality trends in Emilia. Journal of Epidemiology 2021.
Benedetti C. Cohort follow-up 2005–2015. BMJ 2017.

Conference presentations
2016–2018 Annual meetings of the European Epidemiology Federation

Languages
Italian (native), English (C2)
"""

DATES_FIRST_NO_BLANKS = """Andrés Quintero

EXPERIENCIA LABORAL
Enero 2019 – actualidad
Oficial de logística, Programa Mundial de Alimentos, Bogotá
Abril 2015 – Diciembre 2018
Coordinador de almacén, Almacenes Andinos S.A., Medellín

ESTUDIOS
Licenciatura en Administración de Empresas, Universidad de Antioquia (2014)

Idiomas
Español (nativo); inglés (B2)
"""

FORWARD_TWO_DIGIT_YEARS = """Meera Pillai

Professional background
2008–10  Junior Engineer, Infosys, Pune
2010–14  Network Engineer, Bharti Airtel, Delhi
2014–22  Senior Network Engineer, International Telecommunication Union, Geneva

Education
B.Tech Electronics, IIT Delhi, 2008
"""

PIPE_ROWS = """Nom | Camille Rey

Expérience professionnelle
2018 – 2023 | Juriste | Comité international de la Croix-Rouge, Genève
2015 – 2018 | Avocate | Cabinet Lenoir, Paris

Formation
2014 | Master 2 Droit international public | Université Paris 1

Langues
Français | langue maternelle
Anglais | C1
"""

LINKEDIN_EXPORT = """Contact
www.linkedin.com/in/rania-saleh
Top Skills
Monitoring and Evaluation
Languages
Arabic (Native or Bilingual)
English (Full Professional)
French (Elementary)
Rania Saleh
M&E Specialist at UNHCR
Amman, Jordan
Summary
Ten years in monitoring and evaluation.
Experience
UNHCR
M&E Specialist
March 2019 - Present (7 years 9 months)
Amman, Jordan
Jordan River Foundation
MEAL Officer
June 2015 - February 2019 (3 years 9 months)
Amman
Education
University of Jordan
Master of Science - MS, Statistics · (2013 - 2015)
Page 1 of 2
"""

SIDEBAR_FIRST = """CONTACT
+33 6 12 34 56 78
manon.roux@mail.fr
LANGUES
Anglais – C1
Allemand – B1
COMPÉTENCES
SIG, R, QGIS
Manon Roux
Chargée d'études environnementales
EXPÉRIENCES PROFESSIONNELLES
Chargée d'études	2019 – aujourd'hui
Bureau Vert SARL, Lyon
Assistante de recherche	2016 – 2019
Programme des Nations Unies pour l'environnement, Genève
FORMATION
Master Sciences de l'environnement, Université Lyon 1, 2016
"""

RIGHT_ALIGNED_DATES = """Joaquín Salas

EXPERIENCIA
Consultor en evaluación, BID, Washington D.C.                     Mar 2021 – Presente
Especialista en monitoreo, Ministerio de Desarrollo Social        Ene 2017 – Feb 2021
Asistente técnico, CEPAL, Santiago                                  2014 – 2016

EDUCACIÓN
Magíster en Economía, Pontificia Universidad Católica de Chile     2012 – 2014
"""

FORWARD_CHRONOLOGY_FR = """Bruno Garnier

Expérience
2005 - 2010 : Professeur de mathématiques, Lycée Victor Hugo, Besançon
2010 - 2016 : Inspecteur pédagogique, Ministère de l'Éducation nationale
2016 - aujourd'hui : Spécialiste de programme, UNESCO, Paris

Diplômes
1998 - 2003 : Master de mathématiques appliquées, Université de Franche-Comté
"""

CAPITALS_WITHOUT_ACCENTS = """ELENA CASTRO

EXPERIENCIA PROFESIONAL
2019 - actual  Jefa de proyecto, Telefónica, Madrid
2015 - 2019  Ingeniera de redes, Orange España

FORMACION ACADEMICA
Máster en Ingeniería de Telecomunicación, Universidad Politécnica de Madrid, 2015

IDIOMAS
Inglés: C1
Francés: A2
"""

EUROPASS_TABLE = """Europass Curriculum Vitae
Personal information
First name(s) / Surname(s) | Kofi Boateng
Work experience
Dates | 01/03/2018 – Present
Occupation or position held | Procurement Officer
Name and address of employer | World Health Organization, Accra
Dates | 01/06/2013 – 28/02/2018
Occupation or position held | Buyer
Name and address of employer | Ghana Cocoa Board, Accra
Education and training
Dates | 2011 – 2013
Title of qualification awarded | MBA in Supply Chain Management
Personal skills
Mother tongue(s) | Akan
Other language(s) | UNDERSTANDING | SPEAKING | WRITING
English | C2 | C1 | C1
French | A2 | A2 | A1
"""

CASES = {
    # name: (text, periods (start, end, kind, international), total_years, international_years, languages, degree levels)
    "europass_fr": (EUROPASS_FR, [("2015-09", "2019-08", "job", True), ("2019-01", "present", "job", False)], 11.3, 4.0,
                    {"fr": "native", "en": "advanced", "wo": "native"}, ["master", "bachelor"]),
    "es_trayectoria": (ES_TRAYECTORIA, [("2018-01", "present", "job", True), ("2016-05", "2018-08", "job", False),
                                        ("2014-01", "2016-12", "job", False)], 12.9, 8.9,
                       {"es": "native", "en": "advanced", "fr": "basic"}, ["master", "bachelor"]),
    "work_history": (WORK_HISTORY, [("2020-01", "present", "job", True), ("2015-03", "2019-12", "job", False)], 11.8, 6.9,
                     {"en": "native", "fr": "intermediate"}, ["master", "bachelor"]),
    "skills_first": (SKILLS_FIRST, [("2021-01", "present", "job", False), ("2018-01", "2021-12", "job", False)], 8.9, 0.0,
                     {"en": "advanced", "fr": "basic", "ha": "native"}, ["master"]),
    "career_summary": (CAREER_SUMMARY, [("2017-01", "2024-12", "job", True), ("2011-01", "2016-12", "job", False)], 14.0, 8.0,
                       {}, ["master"]),
    "fr_parcours": (FR_PARCOURS, [("2020-03", "present", "job", False), ("2016-01", "2020-02", "job", True),
                                  ("2014-01", "2015-12", "internship", False)], 10.9, 4.2,
                    {"en": "advanced", "es": "basic"}, ["master", "secondary"]),
    "academic": (ACADEMIC, [("2019-01", "present", "job", False), ("2015-01", "2019-12", "job", False)], 11.9, 0.0,
                 {"it": "native", "en": "advanced"}, ["doctorate", "master"]),
    "dates_first_no_blanks": (DATES_FIRST_NO_BLANKS, [("2019-01", "present", "job", True), ("2015-04", "2018-12", "job", False)],
                              11.7, 7.9, {"es": "native", "en": "intermediate"}, ["bachelor"]),
    "forward_two_digit_years": (FORWARD_TWO_DIGIT_YEARS, [("2008-01", "2010-12", "job", False), ("2010-01", "2014-12", "job", False),
                                                          ("2014-01", "2022-12", "job", True)], 15.0, 9.0, {}, ["bachelor"]),
    "pipe_rows": (PIPE_ROWS, [("2018-01", "2023-12", "job", True), ("2015-01", "2018-12", "job", False)], 9.0, 6.0,
                  {"fr": "native", "en": "advanced"}, ["master"]),
    "linkedin_export": (LINKEDIN_EXPORT, [("2019-03", "present", "job", True), ("2015-06", "2019-02", "job", False)], 11.5, 7.8,
                        {"ar": "native", "en": "advanced", "fr": "basic"}, ["master"]),
    "sidebar_first": (SIDEBAR_FIRST, [("2019-01", "present", "job", False), ("2016-01", "2019-12", "job", True)], 10.9, 4.0,
                      {"en": "advanced", "de": "intermediate"}, ["master"]),
    "right_aligned_dates": (RIGHT_ALIGNED_DATES, [("2021-03", "present", "job", True), ("2017-01", "2021-02", "job", False),
                                                  ("2014-01", "2016-12", "job", True)], 12.9, 8.8, {}, ["master"]),
    "forward_chronology_fr": (FORWARD_CHRONOLOGY_FR, [("2005-01", "2010-12", "job", False), ("2010-01", "2016-12", "job", False),
                                                      ("2016-01", "present", "job", True)], 21.9, 10.9, {}, ["master"]),
    "capitals_without_accents": (CAPITALS_WITHOUT_ACCENTS, [("2019-01", "present", "job", False), ("2015-01", "2019-12", "job", False)],
                                 11.9, 0.0, {"en": "advanced", "fr": "basic"}, ["master"]),
    "europass_table": (EUROPASS_TABLE, [("2018-03", "present", "job", True), ("2013-06", "2018-02", "job", False)], 13.5, 8.8,
                       {"ak": "native", "en": "advanced", "fr": "basic"}, ["master"]),
}


@pytest.mark.parametrize("name", list(CASES))
def test_profile(name):
    text, periods, total, international, languages, levels = CASES[name]
    profile = _profile(text)
    assert [(j["start"], j["end"], j["kind"], j["international"]) for j in profile["experience"]] == periods
    assert profile["total_years"] == total
    assert profile["international_years"] == international
    assert {s["language"]: s["level"] for s in profile["languages"]} == languages
    assert [e["level"] for e in profile["education"]] == levels


@pytest.mark.parametrize(("name", "fields"), [
    ("europass_fr", ["0311", "0311"]),
    ("work_history", ["0311", "0311"]),
    ("skills_first", ["0542"]),
    ("pipe_rows", ["0421"]),
    ("linkedin_export", ["0542"]),
    ("right_aligned_dates", ["0311"]),
])
def test_fields_of_study(name, fields):
    assert [e["field"] for e in _profile(CASES[name][0])["education"]] == fields


@pytest.mark.parametrize(("text", "titles"), [
    (FR_PARCOURS, ["Ingénieur radio", "Ingénieur d'études", "Stagiaire"]),      # after the job's length
    (DATES_FIRST_NO_BLANKS, ["Oficial de logística", "Coordinador de almacén"]),  # the line under its dates
    (EUROPASS_TABLE, ["Procurement Officer", "Buyer"]),                          # "Label | value" rows
    (LINKEDIN_EXPORT, ["M&E Specialist", "MEAL Officer"]),
    (RIGHT_ALIGNED_DATES, ["Consultor en evaluación", "Especialista en monitoreo", "Asistente técnico"]),
])
def test_job_titles(text, titles):
    assert _titles(text) == titles



# A PDF's text: no blank lines between entries, each headed by a title and an employer line.
NO_BLANK_LINES = """EXPERIENCIA PROFESIONAL
Técnico de almacén
Logística Levante S.L. — Valencia
marzo 2023 – actualidad
- Control de inventario.
Estancia en Australia
febrero 2022 – enero 2023: trabajos temporales en agricultura
(visado de trabajo y vacaciones).
Prácticas en el Departamento de Compras
Azulejos del Turia S.L. — Manises
sept. 2021 – ene. 2022 (prácticas curriculares)
"""


def test_the_head_lines_of_the_next_entry_do_not_make_the_entry_before_an_internship():
    profile = _profile(NO_BLANK_LINES)
    assert [(j["start"], j["kind"]) for j in profile["experience"]] == [
        ("2023-03", "job"), ("2022-02", "job"), ("2021-09", "internship")]
    assert profile["total_years"] == 4.8    # 2022-02 .. 2023-01 and 2023-03 .. 2026-11: 57 months


YEAR_COLUMN = """Experiencia profesional
2021 – actualidad   Docente de matemáticas, Colegio San Marcos, Arequipa
2019                Profesor suplente (medio tiempo), Liceo Técnico de Mollendo
2018 (1 año)
Asistente de cátedra, Universidad Nacional de San Agustín
2017 – traslado a Lima, sin empleo

Formación
2016                Licenciatura en Educación, Universidad Nacional de San Agustín
"""


def test_a_year_alone_in_the_date_column_dates_a_job_of_that_year():
    profile = _profile(YEAR_COLUMN)
    assert [(j["start"], j["end"]) for j in profile["experience"]] == [
        ("2021-01", "present"), ("2019-01", "2019-12"), ("2018-01", "2018-12")]
    assert profile["total_years"] == 7.9    # 2018-01 .. 2019-12 and 2021-01 .. 2026-11: 24 + 71 months
    assert [e["level"] for e in profile["education"]] == ["bachelor"]   # the degree's year is no job


# LinkedIn's export of several roles under one employer, with the employer's length of service.
LINKEDIN_ROLES = """Experience
UNICEF
5 years 11 months
Programme Specialist
January 2021 - Present (5 years 11 months)
Nairobi, Kenya
Programme Officer
January 2019 - December 2020 (2 years)
Juba, South Sudan
Kenya Ports Authority
2 years
Logistics Officer
January 2017 - December 2018 (2 years)
Mombasa
"""


def test_roles_grouped_under_one_employer_take_its_name():
    profile = _profile(LINKEDIN_ROLES)
    assert [(j["start"], j["international"]) for j in profile["experience"]] == [
        ("2021-01", True), ("2019-01", True), ("2017-01", False)]
    assert profile["international_years"] == 7.9      # 2019-01 .. 2026-11: 95 months
    assert _titles(LINKEDIN_ROLES) == ["Programme Specialist", "Programme Officer", "Logistics Officer"]


@pytest.mark.parametrize("line", [
    "Programme Officer (2019 – 2021), UNDP, New York",          # dates in brackets after the title
    "UNDP, New York — Programme Officer (Jan 2019 – Dec 2021)",  # employer first, by its acronym
    "2019–2021: Programme Officer at UNDP",
    "Programme Officer at UNDP from 2019 to 2021",
    "Chargé de programme au PNUD (2019-2021)",
    "Oficial de programas en el PNUD de 2019 a 2021",
    "• Programme Officer – UNDP – 01.2019 – 12.2021",
    "[2019 – 2021] Programme Officer, UNDP",
])
def test_one_line_job_shapes(line):
    text = f"Experience\n{line}\n- Managed a portfolio of projects.\n\nEducation\nMA Economics, 2015\n"
    result = extract_document(Document(id="cv", source="cv.txt", format="txt", text=text), "cv", REFERENCE)
    assert [(j["start"], j["end"], j["international"]) for j in result["profile"]["experience"]] == [("2019-01", "2021-12", True)]
    assert [s["text"] for s in result["spans"] if s["label"] == "EXPERIENCE"] in (["Programme Officer"], ["Chargé de programme"],
                                                                                  ["Oficial de programas"])


def test_a_date_in_brackets_inside_a_sentence_is_still_no_job():
    text = "Experience\nWorked on the archives of the League of Nations (1919 – 1946) for the library in Geneva.\n"
    assert _profile(text)["experience"] == []
