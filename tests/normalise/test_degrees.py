"""Degree expressions in English, French, Spanish (and the European names CVs carry) -> level."""

from __future__ import annotations

import pytest

from jobmatch.normalise.degrees import find_degrees


def _found(text: str) -> list[tuple[str, str]]:
    return [(text[s:e], level) for s, e, level in find_degrees(text)]


@pytest.mark.parametrize("text, expected", [
    ("Licence en sciences politiques", [("Licence", "bachelor")]),
    ("Maîtrise en droit", [("Maîtrise", "bachelor")]),
    ("Diplôme de niveau Bac+5 en gestion", [("Bac+5", "master")]),
    ("Bac +3 en comptabilité", [("Bac +3", "bachelor")]),
    ("Licenciatura en Economía", [("Licenciatura", "bachelor")]),
    ("Máster Universitario en Derecho", [("Máster Universitario", "master")]),
    ("Laurea Triennale in Storia", [("Laurea Triennale", "bachelor")]),
    ("Maturité gymnasiale, Collège de Genève", [("Maturité gymnasiale", "secondary")]),
    ("Tecnólogo en sistemas", [("Tecnólogo", "short_cycle")]),
])
def test_european_and_latin_american_degree_names(text, expected):
    assert _found(text) == expected


def test_the_full_degree_name_wins_over_the_bare_word():
    assert _found("Bachelor of Engineering in Civil Engineering") == [("Bachelor of Engineering", "bachelor")]
    assert _found("Master of Public Policy, 2019") == [("Master of Public Policy", "master")]


def test_typographic_apostrophes():
    assert _found("Master’s degree in statistics") == [("Master’s degree", "master")]


def test_a_degree_named_again_in_brackets_is_a_span_of_its_own():
    """GUIDE.md: "Master of Science (MSc)" is two DEGREE spans; a bracket naming no degree is neither."""
    assert _found("Master of Science (M.Sc.) in Physics") == [("Master of Science", "master"), ("M.Sc.", "master")]
    assert _found("MBA (Finance), Boston") == [("MBA", "master")]   # a specialisation, not an abbreviation
    # an abbreviation no pattern knows takes the level of the degree it abbreviates
    assert _found("Licenciatura en Derecho (LLB), Lima") == [("Licenciatura", "bachelor"), ("LLB", "bachelor")]
    assert _found("Master of Social Work (MSW) - Toronto") == [("Master of Social Work", "master"), ("MSW", "master")]
    assert _found("Bachelor of Arts - BA, History · 2001 - 2004") == [("Bachelor of Arts", "bachelor"), ("BA", "bachelor")]
    assert _found("Bachillerato (upper secondary education), Quito") == [
        ("Bachillerato", "secondary"), ("upper secondary education", "secondary")]


def test_marks_that_qualify_a_degree_stay_inside_it():
    assert _found("BA (Hons) in Geography") == [("BA (Hons)", "bachelor")]
    assert _found("PhD (ABD) in Sociology, thesis not defended") == [("PhD (ABD)", "doctorate")]
    assert _found("Dr.-Ing. (cand.), TU Berlin") == [("Dr.-Ing. (cand.)", "doctorate")]


def test_a_bracket_that_explains_a_level_keeps_only_the_degree_it_names():
    assert _found("Diplom (five-year programme, equivalent to a Master's degree) in Physics") == [
        ("Diplom", "master"), ("Master's degree", "master")]
    assert _found("Licence (Bac+3) en droit") == [("Licence", "bachelor"), ("Bac+3", "bachelor")]


def test_words_that_look_like_degrees_in_other_uses():
    assert _found("Maîtrise parfaite de l'anglais") == []
    assert _found("Driving licence: B") == []


def test_an_equivalent_written_out_in_brackets_is_a_degree_of_its_own():
    assert _found("Laurea Magistrale (Master's degree) in Economics") == [("Laurea Magistrale", "master"),
                                                                          ("Master's degree", "master")]


@pytest.mark.parametrize("text, expected", [
    ("Bac+2 en gestion", [("Bac+2", "short_cycle")]),
    ("niveau Bac+3 minimum", [("Bac+3", "bachelor")]),
    ("BAC + 5 en informatique", [("BAC + 5", "master")]),
    ("Bac +5 et plus", [("Bac +5 et plus", "master")]),
    ("Bac+8 (doctorat)", [("Bac+8", "doctorate"), ("doctorat", "doctorate")]),
    # alternatives and ranges: the minimum is the lower bound
    ("De formation Bac +4/5, vous", [("Bac +4/5", "bachelor")]),
    ("Bac+4 ou 5 en finance", [("Bac+4 ou 5", "bachelor")]),
    ("Bac+2/3 en électronique", [("Bac+2/3", "short_cycle")]),
    ("Bac+3 à Bac+5", [("Bac+3 à Bac+5", "bachelor")]),
    # the years that follow are not part of the notation
    ("Bac+5, 3 à 5 ans d'expérience", [("Bac+5", "master")]),
    ("Bac+5/3 ans d'expérience", [("Bac+5", "master")]),
])
def test_french_bac_plus_notation(text, expected):
    assert _found(text) == expected


@pytest.mark.parametrize("text, level", [
    ("BTS ou DUT en comptabilité", "short_cycle"),
    ("DEUG de sciences économiques", "short_cycle"),
    ("Licence professionnelle en logistique", "bachelor"),
    ("Maîtrise de gestion", "bachelor"),
    ("Mastère spécialisé en audit", "master"),
    ("DESS en droit des affaires", "master"),
    ("DEA de physique", "master"),
    ("Diplôme d'ingénieur en génie civil", "master"),
    ("Diplômé d'une grande école de commerce", "master"),
    ("Doctorat en épidémiologie", "doctorate"),
    ("Título universitario avanzado en economía", "master"),
    ("Maestría en salud pública", "master"),
    ("Licenciatura en derecho", "bachelor"),
])
def test_french_and_spanish_degree_names_give_their_level(text, level):
    assert [found for _, found in _found(text)][:1] == [level]


def test_lower_case_acronyms_are_words_not_degrees():
    assert _found("il deug un peu") == []


@pytest.mark.parametrize("text, expected", [
    ("Technician diploma in electronics", [("Technician diploma", "short_cycle")]),
    ("Diplôme de technicien spécialisé en logistique", [("Diplôme de technicien spécialisé", "short_cycle")]),
    ("License in management or equivalent", [("License", "bachelor")]),
    ("High school level required", [("High school level", "secondary")]),
    ("An active nursing license in good standing", []),
    ("A valid driver's license", []),
])
def test_technician_diplomas_license_as_a_degree_and_high_school(text, expected):
    assert _found(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Baccalaureate + 5 in finance", [("Baccalaureate + 5", "master")]),
    ("Bachelor's+3 in logistics", [("Bachelor's+3", "bachelor")]),
    ("You master Excel and the ERP.", []),
    ("Ability to master the tools of the trade.", []),
    ("Experience in master data management.", []),
    ("Master en gestion, 2012", [("Master", "master")]),
    ("Diplôme de niveau Bac+5 (master) en droit", [("Bac+5", "master"), ("master", "master")]),
])
def test_translated_bac_plus_and_master_as_a_verb_or_noun(text, expected):
    assert _found(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a bare "degree" has no level of its own (a translated "diplôme" is any diploma)
    ("Degree in international development or a related discipline", []),
    ("First degree in economics", [("First degree", "bachelor")]),
    ("Educated to degree level in economics", [("degree level", "bachelor")]),
    ("Degree-level education in finance", [("Degree-level education", "bachelor")]),
    ("PhD degree in economics", [("PhD", "doctorate")]),
    ("A high degree of autonomy", []),
])
def test_ngo_degree_wordings(text, expected):
    assert _found(text) == expected


def test_a_degree_qualified_by_another_word_is_not_a_bare_degree():
    assert _found("Licenciatura en Educación (teaching degree in mathematics)") == [("Licenciatura", "bachelor")]
    assert _found("An honours degree in finance") == [("honours degree", "bachelor")]
