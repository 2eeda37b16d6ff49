"""Notice requirements in the wordings of other organisations and languages than the corpus:
a challenge set written for this project (WHO, UNDP, UNICEF, World Bank, ILO, EU agencies, NGOs,
French and Spanish notices and job-board ads)."""

from __future__ import annotations

import pytest

from jobmatch.extract import extract_document
from jobmatch.model import Document


def _requirements(text: str) -> dict:
    return extract_document(Document(id="n", source="n.txt", format="txt", text=text), "notice")["requirements"]


def _named(needs: list[dict]) -> set[tuple]:
    return {(n["language"] or tuple(n["any_of"]), n["level"]) for n in needs}


WHO_STYLE = """Technical Officer (Epidemiology)

Grade: P3
Duty station: Brazzaville

Description of duties
- Lead surveillance work in the region.

Required qualifications
Education
Essential: A university degree (Master's level or above) in public health or epidemiology.
Desirable: A PhD in epidemiology.

Experience
Essential: At least seven years of relevant experience, including at least three years at the international level in surveillance.

Use of language skills
Essential: Expert knowledge of English.
Desirable: Intermediate knowledge of French.
"""


def test_who_style_bracketed_level_essential_desirable_and_expert_knowledge():
    r = _requirements(WHO_STYLE)
    assert r["education"]["min_level"] == "master"
    assert (r["experience"]["min_years"], r["experience"]["international_years"]) == (7, 3)
    assert _named(r["languages"]["required"]) == {("en", "advanced")}
    assert _named(r["languages"]["desirable"]) == {("fr", "intermediate")}


UNDP_STYLE = """Programme Specialist

Min. Education requirements
Advanced university degree (master's degree or equivalent) in economics, development studies or a related field.
A first-level university degree (bachelor's degree) in combination with an additional two years of qualifying experience will be given due consideration in lieu of the advanced university degree.

Min. years of relevant work experience
Minimum of 5 years (with master's degree) or 7 years (with bachelor's degree) of relevant experience in programme management.

Required Languages
Fluency in English and French is required; knowledge of Spanish is an asset.
"""


def test_undp_style_headings_years_with_degree_alternatives_and_an_asset_language():
    r = _requirements(UNDP_STYLE)
    assert r["education"]["min_level"] == "master"
    assert r["education"]["substitutions"][0]["level"] == "bachelor"
    assert r["education"]["substitutions"][0]["additional_years"] == 2
    assert r["experience"]["min_years"] == 5
    assert _named(r["languages"]["required"]) == {("en", "advanced"), ("fr", "advanced")}
    assert _named(r["languages"]["desirable"]) == {("es", None)}


WORLD_BANK_STYLE = """Senior Economist

Selection Criteria
- Master's degree in economics with a minimum of 8 years of relevant experience, or an equivalent combination of education and experience.
- Excellent command of English (C1); working knowledge of Portuguese.
"""


def test_world_bank_equivalent_combination_keeps_the_degree_and_cefr_levels():
    r = _requirements(WORLD_BANK_STYLE)
    assert r["education"]["min_level"] == "master"
    assert r["experience"]["min_years"] == 8
    assert _named(r["languages"]["required"]) == {("en", "advanced"), ("pt", "intermediate")}


NGO_LEADERSHIP = """Country Director

Requirements
- Degree in international development or a related discipline.
- At least 10 years of experience in humanitarian programmes, of which 4 years in a senior management role in an international NGO.
- A doctorate may count towards two years of the required experience.
"""


def test_ngo_leadership_years_and_a_doctorate_counting_towards_years():
    r = _requirements(NGO_LEADERSHIP)
    assert r["experience"]["min_years"] == 10
    assert (r["experience"]["international_years"], r["experience"]["leadership_years"]) == (4, 4)
    assert r["experience"]["doctorate_substitutes_years"] == 2


def test_experience_in_the_field_of_a_subject_is_not_field_duty():
    r = _requirements("Experience\nFive years of experience in the field of public finance.\n")
    assert r["experience"]["min_years"] == 5
    assert r["experience"]["international_years"] is None


AVIS_FR = """Avis de vacance : Spécialiste de programme

Formation
Diplôme universitaire de niveau Master (Bac+5) en économie, gestion ou domaine connexe.

Expérience professionnelle
Au moins cinq ans d'expérience professionnelle, dont deux ans au niveau international.

Langues
Maîtrise du français et de l'anglais. La connaissance de l'espagnol est souhaitée.
"""


def test_french_notice_university_diploma_at_master_level_and_maitrise_of_languages():
    r = _requirements(AVIS_FR)
    assert r["education"]["min_level"] == "master"
    assert (r["experience"]["min_years"], r["experience"]["international_years"]) == (5, 2)
    assert _named(r["languages"]["required"]) == {("fr", "advanced"), ("en", "advanced")}
    assert _named(r["languages"]["desirable"]) == {("es", None)}


ANUNCIO_ES = """Oficial de Programa

Formación académica
Título universitario avanzado (maestría) en ciencias sociales. Una licenciatura con dos años adicionales de experiencia podrá aceptarse en lugar del título avanzado.

Experiencia
Al menos siete años de experiencia progresiva en gestión de proyectos, de los cuales tres a nivel internacional.

Idiomas
Dominio del español e inglés. El conocimiento del francés es deseable.
"""


def test_spanish_notice_advanced_title_years_and_dominio():
    r = _requirements(ANUNCIO_ES)
    assert r["education"]["min_level"] == "master"
    assert r["education"]["substitutions"][0]["level"] == "bachelor"
    assert (r["experience"]["min_years"], r["experience"]["international_years"]) == (7, 3)
    assert _named(r["languages"]["required"]) == {("es", "advanced"), ("en", "advanced")}
    assert _named(r["languages"]["desirable"]) == {("fr", None)}


@pytest.mark.parametrize("text, level, years", [
    ("Ingénieur d'études\n\nProfil recherché\nBac+5 école d'ingénieur, 3 à 5 ans d'expérience.\n", "master", 3),
    ("Ingénieur commercial\n\nProfil\nDe formation Bac +4/5, vous justifiez d'une expérience de 2 ans minimum.\n", "bachelor", 2),
    ("Comptable\n\nProfil\nBTS/DUT en comptabilité, entre 2 et 4 ans d'expérience.\n", "short_cycle", 2),
    ("Chef de projet\n\nProfil\nDiplôme d'une grande école de commerce, plus de 10 ans d'expérience.\n", "master", 10),
    ("Juriste\n\nProfil\nTitulaire d'un DEA ou DESS en droit des affaires, minimum 3 ans d'expérience.\n", "master", 3),
    ("Technicien\n\nProfil\nNiveau Bac+2 (DEUG, BTS), une première expérience est souhaitée.\n", "short_cycle", None),
    ("Chercheur\n\nProfil\nDoctorat (Bac+8) en biologie.\n", "doctorate", None),
    ("Analyste\n\nProfil\nBac+4 ou 5 en finance, 5 ans minimum en banque.\n", "bachelor", 5),
    ("Software engineer\n\nProfile\nBac + 5 in computer science, 3-5 years of experience.\n", "master", 3),
])
def test_french_job_board_ads_the_job_title_is_not_a_degree_and_ranges_give_the_lower_bound(text, level, years):
    r = _requirements(text)
    assert (r["education"]["min_level"], r["experience"]["min_years"]) == (level, years)


def test_years_stated_only_at_the_international_level_are_the_minimum_too():
    r = _requirements("Experience\nA minimum of seven years of progressively responsible experience at the international level.\n")
    assert (r["experience"]["min_years"], r["experience"]["international_years"]) == (7, 7)


def test_an_engineer_job_title_without_headings_is_not_a_degree_but_under_education_it_is():
    r = _requirements("INGÉNIEUR RÉSEAUX ET TÉLÉCOMS\n\nVous êtes titulaire d'un Bac+5 en télécoms.\n5 ans d'expérience minimum.\n")
    assert (r["education"]["min_level"], r["experience"]["min_years"]) == ("master", 5)
    assert _requirements("INGÉNIEUR COMMERCIAL\n\nVous avez le sens du contact.\n")["education"]["min_level"] is None
    assert _requirements("Formación\nIngeniero industrial o carrera afín.\n")["education"]["min_level"] == "bachelor"


def test_years_under_an_assets_heading_are_not_a_minimum():
    r = _requirements("Experience\nAt least four years of professional experience.\n\n"
                      "Assets\nTwo years of experience in international organisations.\n")
    assert (r["experience"]["min_years"], r["experience"]["international_years"]) == (4, None)


def test_a_short_ad_states_its_requirements_before_its_only_heading():
    r = _requirements("Comptable confirmé\n\nTitulaire d'un Bac+3 en comptabilité avec 4 ans d'expérience.\n\n"
                      "Atouts\nLa connaissance de SAP est un plus.\n")
    assert (r["education"]["min_level"], r["experience"]["min_years"]) == ("bachelor", 4)


def test_a_header_field_with_years_is_not_the_experience_required():
    r = _requirements("Type of contract: Fixed term, 2 years\n\nEducation\nBachelor's degree in finance.\n")
    assert r["experience"]["min_years"] is None


def test_an_asset_in_another_piece_of_the_sentence_leaves_the_years_required():
    r = _requirements("Requirements\n- 3 years of experience in payroll, knowledge of Sage is a plus.\n")
    assert r["experience"]["min_years"] == 3


UNHCR_STYLE = """Senior Protection Officer

Duties and Responsibilities
- Lead the protection team.

Education & Professional Work Experience
Years of Experience / Degree Level
For P4/NOD - 9 years relevant experience with Undergraduate degree; or 8 years relevant experience with Graduate degree.

Field(s) of Education
Law, international law or political science.

Required Languages: English
Desired Languages: French, Arabic
"""


def test_unhcr_style_headings_and_desired_languages_on_a_label_line():
    r = _requirements(UNHCR_STYLE)
    assert (r["education"]["min_level"], r["experience"]["min_years"]) == ("bachelor", 9)
    assert {"0421"} <= set(r["education"]["fields"])
    assert [(n["language"], n["level"]) for n in r["languages"]["required"]] == [("en", None)]
    assert {code for n in r["languages"]["desirable"] for code in ([n["language"]] if n["language"] else n["any_of"])} == {"fr", "ar"}


def test_eu_length_of_studies_is_not_experience_and_post_secondary_is_short_cycle():
    r = _requirements("Eligibility criteria\nA level of education which corresponds to completed university studies attested by a "
                      "diploma when the normal period of university education is four years or more, and after having obtained "
                      "the diploma, at least 9 years of professional experience.\n")
    assert (r["education"]["min_level"], r["experience"]["min_years"]) == ("bachelor", 9)
    r = _requirements("Eligibility criteria\nA level of post-secondary education attested by a diploma.\n")
    assert r["education"]["min_level"] == "short_cycle"


def test_degrees_offered_as_alternatives_require_the_lower_one():
    r = _requirements("Qualifications\nPhD in economics, or a Master's degree with at least 5 years of relevant experience.\n")
    assert (r["education"]["min_level"], r["experience"]["min_years"]) == ("master", 5)


AVIS_ONU_FR = """Formation
Un diplôme universitaire supérieur (master ou équivalent) en droit. Un diplôme universitaire de premier cycle assorti de deux années supplémentaires d'expérience peut être accepté à la place du diplôme universitaire supérieur.

Expérience
Au moins sept années d'expérience progressivement responsable, dont trois au niveau international.

Langues
Une connaissance approfondie du français et de l'anglais est exigée. La connaissance d'une autre langue officielle de l'ONU est un atout.
"""


def test_un_notice_in_french_substitution_elided_years_and_thorough_knowledge():
    r = _requirements(AVIS_ONU_FR)
    assert r["education"]["min_level"] == "master"
    assert (r["education"]["substitutions"][0]["level"], r["education"]["substitutions"][0]["additional_years"]) == ("bachelor", 2)
    assert (r["experience"]["min_years"], r["experience"]["international_years"]) == (7, 3)
    assert _named(r["languages"]["required"]) == {("fr", "advanced"), ("en", "advanced")}
    assert _named(r["languages"]["desirable"]) == {(("ar", "zh", "ru", "es"), None)}


def test_a_bare_degree_takes_the_level_its_sentence_names():
    assert _requirements("Requirements\n- Diploma in accounting (Bac+2 minimum).\n")["education"]["min_level"] == "short_cycle"
    assert _requirements("Requirements\n- Educated to degree level in development studies.\n")["education"]["min_level"] == "bachelor"
    assert _requirements("Requirements\n- First degree in economics, a Master's degree would be an asset.\n")["education"]["min_level"] == "bachelor"


AGENCY_COMBINED_HEADING = """Radiation Protection Officer (P-3)
Type of appointment: Fixed term, 2 years

Qualifications, Experience and Language skills
- Master's degree in health physics or a related field.
- At least six years of professional experience in radiation protection.
- Excellent command of English.
"""


def test_an_appointment_length_in_the_header_is_not_the_years_of_experience():
    r = _requirements(AGENCY_COMBINED_HEADING)
    assert r["experience"]["min_years"] == 6
    assert r["education"]["min_level"] == "master"


NGO_AD = """Head of Programmes
About you
You hold a postgraduate qualification in a relevant discipline and have 10+ years of programme management experience, including at least 4 years in conflict settings.
"""


def test_a_part_of_the_main_figure_is_not_the_minimum_and_postgraduate_means_master():
    r = _requirements(NGO_AD)
    assert r["experience"]["min_years"] == 10
    assert r["education"]["min_level"] == "master"


FAO_STYLE_LANGUAGES = """Fisheries Officer
Grade Level: P-3

Minimum Requirements
- Advanced university degree in fisheries science or marine biology.
- Five years of relevant experience in fisheries management.
- Working knowledge (proficiency - level C) of English and limited knowledge (intermediate proficiency - level B) of another official language (Arabic, Chinese, French, Russian or Spanish).
"""


def test_a_band_letter_gives_the_level_and_each_clause_keeps_its_own():
    r = _requirements(FAO_STYLE_LANGUAGES)
    levels = {(n["language"] or "one of the others"): n["level"] for n in r["languages"]["required"]}
    assert levels == {"en": "advanced", "one of the others": "intermediate"}


@pytest.mark.parametrize("text, total, international", [
    ("At least 6 years of relevant experience, 2 of them in a field duty station.", 6, 2),
    ("Dix ans d'expérience professionnelle, dont cinq dans des postes internationaux.", 10, 5),
    ("Ocho años de experiencia, cuatro de ellos en organizaciones internacionales.", 8, 4),
])
def test_the_part_of_a_total_spent_internationally_is_read_apart_from_the_total(text, total, international):
    r = _requirements("Programme Officer\n\nExperience\n" + text + "\n")
    assert (r["experience"]["min_years"], r["experience"]["international_years"]) == (total, international)


@pytest.mark.parametrize("text", [
    "Master's degree in law, or a Bachelor's degree with 2 additional years of experience.",
    "Master en droit, ou Licence avec deux années supplémentaires d'expérience.",
    "Maestría en economía, o licenciatura con dos años adicionales de experiencia.",
])
def test_an_alternative_degree_with_additional_years_is_a_substitution_not_the_minimum(text):
    requirements = _requirements("Legal Officer\n\nQualifications\n" + text + "\n")
    education = requirements["education"]
    assert education["min_level"] == "master"
    assert requirements["experience"]["min_years"] is None   # the substitution's years are no minimum
    assert [(s["level"], s["additional_years"]) for s in education["substitutions"]] == [("bachelor", 2)]


def test_a_bilingual_pair_written_with_a_hyphen_requires_both():
    r = _requirements("Communications Officer\n\nQualifications\nBilingual French-English required.\n")
    assert _named(r["languages"]["required"]) == {("fr", "advanced"), ("en", "advanced")}


@pytest.mark.parametrize("text", ["English (native or fluent) is required.", "Fluent or native English required."])
def test_levels_offered_as_alternatives_ask_for_the_lower_one(text):
    r = _requirements("Editor\n\nQualifications\n" + text + "\n")
    assert _named(r["languages"]["required"]) == {("en", "advanced")}
