"""Challenge cases: requirement fragments in the wordings of organisations outside the corpus
(UN agencies and funds, development banks, EU bodies, NGOs, companies) and in French and
Spanish, written for this project. Each case is one fragment under the heading such a notice
would give it, and the requirement fields it must produce."""

from __future__ import annotations

import pytest

from jobmatch.extract import extract_document
from jobmatch.model import Document

UN_SIX = ("ar", "zh", "en", "fr", "ru", "es")


def _requirements(text: str) -> dict:
    return extract_document(Document(id="c", source="c.txt", format="txt", text=text), "notice")["requirements"]


def _needs(needs: list[dict]) -> set[tuple]:
    """{(language or the tuple of alternatives, level)} of a list of language needs."""
    return {(n["language"] or tuple(n["any_of"]), n["level"]) for n in needs}


def _others(*named: str) -> tuple[str, ...]:
    return tuple(code for code in UN_SIX if code not in named)


EDUCATION_CASES = [
    ("Education\nMaster's degree or equivalent in economics, statistics or a related field; a Bachelor's degree "
     "with 2 additional years of relevant experience may be accepted in lieu of the Master's degree.\n", "master"),
    ("Education\nUniversity degree (BA/BSc) in communications, journalism or a related field.\n", "bachelor"),
    ("Qualifications\nAdvanced degree (Master's or PhD) in public health, epidemiology or nutrition.\n", "master"),
    ("Formation\nLicence ou Master en sciences sociales, sociologie ou domaine apparenté.\n", "bachelor"),
    ("Formación\nTítulo universitario en administración de empresas, economía o carreras afines.\n", "bachelor"),
    ("Requirements\n- Bachelor's degree required; a Master's degree is preferred.\n", "bachelor"),
    ("Education\nA PhD in epidemiology or a closely related discipline is required.\n", "doctorate"),
    ("Education\nPostgraduate degree (MSc, MA or equivalent) in agricultural economics.\n", "master"),
    ("Formation\nDiplôme de Master (Bac+5) en économie du développement.\n", "master"),
    ("Formación académica\nMaestría en Salud Pública o campos afines.\n", "master"),
    ("Formación\nLicenciatura en Ciencias Políticas, Relaciones Internacionales o afines; se valorará una maestría.\n",
     "bachelor"),
    ("Requirements\n- Minimum Bachelor's degree in finance or accounting; a professional qualification (ACCA, CPA) "
     "is an advantage.\n", "bachelor"),
    ("Education\nHigh school diploma or equivalent.\n", "secondary"),
    ("Education\nCompletion of secondary education is required. A university degree is desirable.\n", "secondary"),
    ("Formation\nDoctorat ou diplôme d'ingénieur en génie civil.\n", "master"),
    ("Education\nAn undergraduate degree in a relevant subject.\n", "bachelor"),
    ("Person specification\n- Degree-level education in environmental science, or equivalent experience.\n", "bachelor"),
    ("Formation\nTitulaire d'un diplôme universitaire de deuxième cycle (Master 2) en droit international.\n", "master"),
    ("Formation\nDiplôme universitaire de premier cycle en comptabilité ou en gestion.\n", "bachelor"),
    ("Formación\nTítulo de licenciatura o equivalente en ingeniería.\n", "bachelor"),
    ("Education\nMBA or Master's degree in finance.\n", "master"),
    ("Profil recherché\nDiplôme de niveau Bac+3 minimum en comptabilité.\n", "bachelor"),
    ("Formación\nGrado universitario en Derecho.\n", "bachelor"),
    ("Educación\nTítulo universitario de posgrado (maestría) en economía.\n", "master"),
    ("Education\nMaster's degree in statistics. A first-level university degree in combination with two additional "
     "years of qualifying experience may be accepted in lieu of the advanced university degree.\n", "master"),
    ("Education\nAdvanced university degree (Master's or equivalent) in law. A doctorate is desirable.\n", "master"),
    ("Formation\nUn diplôme d'études supérieures (Master ou équivalent) en relations internationales est exigé.\n",
     "master"),
    ("Formación\nTítulo universitario avanzado (maestría o doctorado) en ciencias ambientales.\n", "master"),
    ("Education\nA Bachelor's degree in nursing (four-year programme) is required.\n", "bachelor"),
    ("Qualifications\nA recognised degree in accountancy or a professional accounting qualification.\n", "bachelor"),
    ("Requirements\n- Bachelor's degree in economics, finance or a related field with 5 years of experience, or a "
     "Master's degree with 3 years of experience.\n", "bachelor"),
    ("Profil recherché\nFormation supérieure (Bac+5) en ingénierie ou équivalent.\n", "master"),
    ("Profil\nDiplôme d'ingénieur ou Master 2 en informatique.\n", "master"),
    ("Formación\nTítulo profesional en Ingeniería Civil o afines.\n", "bachelor"),
    ("Requisitos\n- Estudios universitarios completos en Economía, Administración o afines.\n", "bachelor"),
    ("Formación\nDoctorado en Economía, o Maestría con cinco años de experiencia adicional.\n", "master"),
    ("Profil\nBac+2 minimum (BTS, DUT) en logistique.\n", "short_cycle"),
    ("Education\nPh.D. in physics, chemistry or materials science.\n", "doctorate"),
    ("Education\nMSc/MA in development economics or agricultural economics.\n", "master"),
    ("Education\nCandidates should hold at least a Master's or equivalent degree.\n", "master"),
    ("Formation\nFormation universitaire de niveau Licence (Bac+3) en gestion.\n", "bachelor"),
    ("Qualifications\nMinimum of a Bachelor's degree in social work; a Master's would be an added advantage.\n", "bachelor"),
    ("Formation\nTitulaire au minimum d'une Licence en sciences de l'éducation ; un Master serait un atout.\n", "bachelor"),
    ("Formación\nLicenciado/a en Derecho; valorable máster en derechos humanos.\n", "bachelor"),
    ("Education\nEither a PhD in statistics, or a Master's degree in statistics plus three years of research "
     "experience.\n", "master"),
]


@pytest.mark.parametrize("text, level", EDUCATION_CASES)
def test_education_minimum_level(text, level):
    assert _requirements("Programme Officer\n\n" + text)["education"]["min_level"] == level


EXPERIENCE_CASES = [
    ("Experience\nAt least 7 years of progressively responsible experience in project management, of which 3 in "
     "an international setting.\n", 7, 3),
    ("Experience\nAt least seven years of progressively responsible experience, of which three in developing "
     "countries.\n", 7, 3),
    ("Experience\nA minimum of 7 years of relevant experience, of which at least 3 years with a multilateral "
     "organisation.\n", 7, 3),
    ("Experience\nAt least 8 years of experience, with at least 3 years in the field in humanitarian operations.\n", 8, 3),
    ("Requirements\n- 5+ years of experience in software development.\n", 5, None),
    ("Experience\nA minimum of five (5) years of relevant professional experience.\n", 5, None),
    ("Experience\nSeven years of relevant experience. Experience at the international level is required.\n", 7, None),
    ("Experience\nSeven years of relevant experience. Experience at the international level is desirable.\n", 7, None),
    ("Requirements\n- Minimum 3 years' experience in a similar role.\n", 3, None),
    ("Expérience\nAu moins 5 années d'expérience professionnelle pertinente, dont 2 dans une organisation "
     "internationale.\n", 5, 2),
    ("Experiencia\nUn mínimo de diez años de experiencia, de los cuales cinco en el ámbito internacional.\n", 10, 5),
    ("Experience\nAt least ten years of experience, including five years with a multilateral organisation.\n", 10, 5),
    ("Experience\nMinimum 15 years of relevant experience, 5 of which at a senior level in an international "
     "organisation.\n", 15, 5),
    ("Experience\nA minimum of 10 years' professional experience, at least 5 of which should have been at "
     "international level.\n", 10, 5),
    ("Requirements\n- Over 6 years of experience in human resources.\n", 6, None),
    ("Experience\n3-5 years in a similar position.\n", 3, None),
    ("Expérience\nCinq (5) ans d'expérience minimum dans le domaine de la finance.\n", 5, None),
    ("Experiencia\nMínimo cinco (5) años de experiencia profesional en gestión financiera.\n", 5, None),
    ("Experience\nTwo years of work experience is desirable.\n", None, None),
    ("Experience\nRelevant experience of at least seven years in education, including at least two years of "
     "experience working internationally.\n", 7, 2),
    ("Experience\nFive years of experience in development cooperation, of which at least two years in a "
     "developing country.\n", 5, 2),
    ("Requirements\n- 8 years minimum of experience in logistics.\n", 8, None),
    ("Experiencia\nExperiencia mínima de 3 años en puestos similares.\n", 3, None),
    ("Expérience\nExpérience d'au moins trois ans dans un poste similaire.\n", 3, None),
    ("Experience\nAt least 4 years of professional experience, preferably in an international organisation.\n", 4, None),
    ("Education and experience\nBachelor's degree with 2 years of relevant experience, or Master's degree with no "
     "experience required.\n", 2, None),
    ("Experience\nAt least twelve years of experience in public health, including a minimum of five years at the "
     "international level in a WHO country office or another UN agency.\n", 12, 5),
    ("Experiencia\nAl menos ocho años de experiencia laboral, de los cuales tres en organismos internacionales.\n", 8, 3),
    ("Expérience\nUn minimum de dix années d'expérience, dont au moins quatre sur le terrain dans des pays en "
     "développement.\n", 10, 4),
    ("Experience\nMinimum of six years of experience in supply chain, two of them in a field duty station.\n", 6, 2),
    ("Requirements\n- At least five years of professional experience in a similar role; international experience "
     "is an asset.\n", 5, None),
    ("Expérience\nMinimum 7 ans d'expérience dont 3 à l'international.\n", 7, 3),
    ("Experiencia\nAl menos 5 años de experiencia en cargos similares, preferiblemente en organismos internacionales.\n",
     5, None),
    ("Experience\nTen (10) years of relevant experience, of which five (5) at the international level.\n", 10, 5),
    ("Experience\nA minimum of three (3) years of experience within the UN system.\n", 3, 3),
    ("Experience\nExperience: minimum 5 years.\n", 5, None),
    ("Requirements\n- Three or more years of experience in data analysis.\n", 3, None),
    ("Experience\nExperience of not less than 8 years in procurement.\n", 8, None),
    ("Experiencia\nSiete (7) años de experiencia profesional progresiva, incluyendo al menos tres (3) años en el "
     "sistema de las Naciones Unidas.\n", 7, 3),
    ("Expérience\nAu moins sept (7) années d'expérience, dont trois (3) au sein du système des Nations Unies.\n", 7, 3),
    ("Experience\nMinimum of 5 years of relevant work experience, including 2 years of supervisory experience.\n",
     5, None),
    ("Experience\n5 years' experience (with a Bachelor's degree) or 3 years (with a Master's degree).\n", 5, None),
    ("Experiencia\nExperiencia profesional de cinco años como mínimo, de ellos dos en el extranjero.\n", 5, 2),
    ("Expérience\nUne expérience d'au moins huit ans, dont quatre hors de son pays d'origine.\n", 8, 4),
    ("Experience\nAt least 6 years of experience, 2 of which must have been gained abroad.\n", 6, 2),
]


@pytest.mark.parametrize("text, total, international", EXPERIENCE_CASES)
def test_experience_minimum_and_international_years(text, total, international):
    experience = _requirements("Programme Officer\n\n" + text)["experience"]
    assert (experience["min_years"], experience["international_years"]) == (total, international)


LANGUAGE_CASES = [
    ("Languages\nFluency in English and French is required.\n",
     {("en", "advanced"), ("fr", "advanced")}, set()),
    ("Languages\nFluency in English is required. Working knowledge of another UN official language is an asset.\n",
     {("en", "advanced")}, {(_others("en"), "intermediate")}),
    ("Languages\nExcellent written and oral English; Spanish would be an advantage.\n",
     {("en", "advanced")}, {("es", None)}),
    ("Langues\nMaîtrise du français et de l'anglais.\n",
     {("fr", "advanced"), ("en", "advanced")}, set()),
    ("Idiomas\nDominio del español e inglés.\n",
     {("es", "advanced"), ("en", "advanced")}, set()),
    ("Languages\nEnglish: C1 or above; French: B1.\n",
     {("en", "advanced"), ("fr", "intermediate")}, set()),
    ("Languages\nLanguage | Level\nEnglish | Fluent\nFrench | Intermediate\n",
     {("en", "advanced"), ("fr", "intermediate")}, set()),
    ("Languages\nProficiency in English (written and spoken) is essential; knowledge of Arabic is desirable.\n",
     {("en", "advanced")}, {("ar", None)}),
    ("Langues\nBilingue français/anglais.\n",
     {("fr", "advanced"), ("en", "advanced")}, set()),
    ("Langues\nTrès bonne maîtrise de l'anglais ; la connaissance de l'espagnol serait un atout.\n",
     {("en", "advanced")}, {("es", None)}),
    ("Idiomas\nSe requiere inglés avanzado (nivel C1). Se valorará el conocimiento de francés.\n",
     {("en", "advanced")}, {("fr", None)}),
    ("Languages\nGood knowledge of English (minimum B2 level).\n",
     {("en", "intermediate")}, set()),
    ("Languages\nFluent in English and Arabic (spoken and written).\n",
     {("en", "advanced"), ("ar", "advanced")}, set()),
    ("Languages\nEnglish is mandatory. French is a plus.\n",
     {("en", None)}, {("fr", None)}),
    ("Languages\nEnglish (fluent), French (working knowledge).\n",
     {("en", "advanced"), ("fr", "intermediate")}, set()),
    ("Languages\nExcellent English skills are required; knowledge of a second UN language is desirable.\n",
     {("en", "advanced")}, {(_others("en"), None)}),
    ("Languages\nWritten and spoken fluency in English and Spanish.\n",
     {("en", "advanced"), ("es", "advanced")}, set()),
    ("Langues\nConnaissance pratique de l'anglais (niveau B2 minimum).\n",
     {("en", "intermediate")}, set()),
    ("Idiomas\nConocimientos de portugués deseables.\n",
     set(), {("pt", None)}),
    ("Languages\nFluent English is essential, and a working knowledge of French is highly desirable.\n",
     {("en", "advanced")}, {("fr", "intermediate")}),
    ("Languages\nKnowledge of local languages (Hausa, Fulfulde) is an asset.\n",
     set(), {("ha", None), ("ff", None)}),
    ("Languages\nProficiency in English at level C1 of the Common European Framework of Reference; knowledge of "
     "French at level B1 is an advantage.\n",
     {("en", "advanced")}, {("fr", "intermediate")}),
    ("Languages\nLanguage | Requirement | Level\nEnglish | Essential | Fluent\nFrench | Desirable | Working knowledge\n",
     {("en", "advanced")}, {("fr", "intermediate")}),
    ("Langues\nAnglais courant exigé (C1). Une bonne connaissance de l'arabe est un atout.\n",
     {("en", "advanced")}, {("ar", "intermediate")}),
    ("Idiomas\nInglés fluido y buen nivel de francés (B2).\n",
     {("en", "advanced"), ("fr", "intermediate")}, set()),
    ("Languages\nExcellent knowledge of English and good knowledge of French are required.\n",
     {("en", "advanced"), ("fr", "intermediate")}, set()),
    ("Languages\n- English: fluent (required)\n- Portuguese: basic (desirable)\n",
     {("en", "advanced")}, {("pt", "basic")}),
    ("Langues\nLa maîtrise de l'anglais et du français, à l'écrit comme à l'oral, est indispensable.\n",
     {("en", "advanced"), ("fr", "advanced")}, set()),
    ("Idiomas\nImprescindible inglés nivel C1; deseable conocimiento de portugués.\n",
     {("en", "advanced")}, {("pt", None)}),
    ("Languages\nFull professional proficiency in English; Russian is highly desirable.\n",
     {("en", "advanced")}, {("ru", None)}),
    ("Languages\nFluency in oral and written English and French.\n",
     {("en", "advanced"), ("fr", "advanced")}, set()),
    ("Languages\nFluency in English; knowledge of French or Spanish is an advantage.\n",
     {("en", "advanced")}, {(("fr", "es"), None)}),
    ("Languages\nEnglish: excellent. French: good.\n",
     {("en", "advanced"), ("fr", "intermediate")}, set()),
    ("Languages\nFluency in English is required. Knowledge of another official language of the Organization is "
     "desirable.\n",
     {("en", "advanced")}, {(_others("en"), None)}),
    ("Languages\nMother tongue level in Spanish and fluent English.\n",
     {("es", "native"), ("en", "advanced")}, set()),
    ("Langues\nAnglais : niveau C1 minimum ; français : niveau B2.\n",
     {("en", "advanced"), ("fr", "intermediate")}, set()),
    ("Langues\nUne excellente maîtrise de l'anglais est requise ; la connaissance du français constitue un "
     "avantage.\n",
     {("en", "advanced")}, {("fr", None)}),
    ("Idiomas\nInglés (avanzado), francés (intermedio).\n",
     {("en", "advanced"), ("fr", "intermediate")}, set()),
    ("Idiomas\nInglés: nivel avanzado (indispensable). Portugués: nivel intermedio (deseable).\n",
     {("en", "advanced")}, {("pt", "intermediate")}),
    ("Languages\nEnglish (C1); French or Spanish (B2).\n",
     {("en", "advanced"), (("fr", "es"), "intermediate")}, set()),
    ("Languages\nEnglish - Fluent; French - Working knowledge.\n",
     {("en", "advanced"), ("fr", "intermediate")}, set()),
    ("Languages\nAbility to communicate effectively in English and Swahili.\n",
     {("en", None), ("sw", None)}, set()),
    ("Langues\nVous parlez couramment l'anglais et le français.\n",
     {("en", "advanced"), ("fr", "advanced")}, set()),
    ("Idiomas\nSe valorará como mérito el conocimiento de inglés.\n",
     set(), {("en", None)}),
]


@pytest.mark.parametrize("text, required, desirable", LANGUAGE_CASES)
def test_required_and_desirable_languages(text, required, desirable):
    languages = _requirements("Programme Officer\n\n" + text)["languages"]
    assert (_needs(languages["required"]), _needs(languages["desirable"])) == (required, desirable)
