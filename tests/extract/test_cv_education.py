"""Degrees in CVs: national degree names, levels stated as equivalents, studies under way or stopped."""

from __future__ import annotations

from jobmatch.extract import extract_document
from jobmatch.extract.cv import degree_status
from jobmatch.model import Document


def _extract(text: str) -> dict:
    return extract_document(Document(id="cv", source="cv.txt", format="txt", text=text), "cv", "2026-11-01")


def _spans(result: dict, label: str) -> list[tuple[str, dict]]:
    return [(s["text"], s["attrs"]) for s in result["spans"] if s["label"] == label]


def test_a_level_stated_as_an_equivalent_is_the_level_of_the_degree():
    result = _extract("Maria Ortiz\n\nFORMACIÓN ACADÉMICA\n"
                      "Ingeniero de Caminos (título de 6 años, equivalente a Máster), Universidad de Cantabria, 2009\n")
    assert [e["level"] for e in result["profile"]["education"]] == ["master"]
    result = _extract("Jean Dupont\n\nFormation\nMaîtrise (M.A.), Lettres modernes, Université de Lille, 1998\n")
    assert result["profile"]["highest_level"] == "master"


def test_a_degree_in_brackets_explains_the_first_and_is_not_a_second_degree():
    result = _extract("Ana Souza\n\nEDUCATION\nLicenciatura (Bachelor's degree) in Economics, Universidade de Lisboa, 2012\n")
    assert [e["level"] for e in result["profile"]["education"]] == ["bachelor"]
    assert [text for text, _ in _spans(result, "DEGREE")] == ["Licenciatura", "Bachelor's degree"]


def test_degree_names_in_french_and_spanish():
    result = _extract("Awa Diallo\n\nÉtudes\n2010 – 2015  Diplôme d'ingénieur en génie civil, École Polytechnique de Thiès\n"
                      "2016 – 2017  Magíster en Políticas Públicas, Universidad de Chile\n"
                      "2005 – 2009  Licenciatura en Ciencias Políticas, Universidad de Buenos Aires\n")
    assert [(e["level"], e["field"]) for e in result["profile"]["education"]] == [
        ("master", "0732"), ("master", "0312"), ("bachelor", "0312")]
    assert [text for text, _ in _spans(result, "FIELD")] == ["génie civil", "Políticas Públicas", "Ciencias Políticas"]


def test_master_in_a_field_is_the_degree_master_and_the_field():
    result = _extract("Ali Khan\n\nEDUCATION\nMaster in Security and Defence Studies, King's College London, 2015\n")
    assert [text for text, _ in _spans(result, "DEGREE")] == ["Master"]
    assert [text for text, _ in _spans(result, "FIELD")] == ["Security and Defence Studies"]


def test_studies_under_way_or_stopped_carry_a_status_and_do_not_count_as_awarded():
    result = _extract("Lena Berg\n\nEDUCATION\nPhD candidate in Sociology, University of Oslo (since 2023)\n"
                      "MSc in Sociology, University of Bergen, 2019\n")
    assert [(text, attrs.get("status")) for text, attrs in _spans(result, "DEGREE")] == [("PhD", "enrolled"), ("MSc", None)]
    assert result["profile"]["highest_level"] == "master"


def test_the_profile_lists_degrees_not_held_with_their_status():
    """An enrolled or abandoned degree is in profile.education (recruiters see it) but not in highest_level."""
    result = _extract("Inés Prado\n\nFORMACIÓN\nDoctorado en Economía, Universidad de Salamanca (en curso)\n"
                      "Maestría en Finanzas, Universidad de Chile, 2018\n"
                      "Licence de sociologie, Université de Lyon, 2012\n")
    assert [(e["level"], e["status"]) for e in result["profile"]["education"]] == [
        ("doctorate", "enrolled"), ("master", None), ("bachelor", None)]
    assert result["profile"]["highest_level"] == "master"
    result = _extract("Tom Reid\n\nEDUCATION\nPhD (ABD) in History, University of Toronto, thesis not defended\n"
                      "BA (Hons) in History, McGill University, 2009\n")
    assert [(e["level"], e["status"]) for e in result["profile"]["education"]] == [
        ("doctorate", "incomplete"), ("bachelor", None)]
    assert result["profile"]["highest_level"] == "bachelor"


def test_only_degrees_under_way_give_no_highest_level():
    result = _extract("Lea Kim\n\nEDUCATION\nSep 2025 – present   BSc in Nursing, University of Leeds\n")
    assert [(e["level"], e["status"]) for e in result["profile"]["education"]] == [("bachelor", "enrolled")]
    assert result["profile"]["highest_level"] is None


def test_status_wordings():
    assert degree_status("Sep 2024 – present   MSc in Computer Science, EPFL") == "enrolled"
    assert degree_status("Licence Informatique (L3 en cours), Université de Montpellier") == "enrolled"
    assert degree_status("Máster en Economía, Universidad de Sevilla (en curso)") == "enrolled"
    assert degree_status("MSc Data Science, University of Edinburgh, 2027", reference_year=2026) == "enrolled"
    assert degree_status("PhD (ABD) in Biology — research completed 2018, thesis not defended") == "incomplete"
    assert degree_status("Doctorat en droit, thèse non soutenue") == "incomplete"
    assert degree_status("MSc in Economics, University of Ghana, 2014") is None


def test_a_degree_the_person_says_they_lack_is_not_a_degree():
    result = _extract("Rui Costa\n\nEDUCATION\nNo university degree; CCNA certification (2015)\n"
                      "Pas de doctorat, Master en économie, Université de Liège, 2018\n")
    assert [text for text, _ in _spans(result, "DEGREE")] == ["Master"]


def test_fields_of_postgraduate_diplomas_and_specialisations_in_brackets():
    result = _extract("Luz Pardo\n\nFORMACIÓN ACADÉMICA\nDiplomado en Gestión de Riesgos — Universidad Javeriana, 2018\n"
                      "CAS in Public Procurement Law, Université de Genève, 2021\n"
                      "MSc Computer Science (Networking), Universidad de Chile, 2012\n"
                      "M.Sc. Informatik (Computer Science), TU Berlin, 2010\n")
    # the translation in brackets is a field span too (GUIDE.md, FIELD)
    assert [text for text, _ in _spans(result, "FIELD")] == [
        "Gestión de Riesgos", "Public Procurement Law", "Computer Science", "Networking", "Informatik", "Computer Science"]


def test_the_field_of_a_doctorate_under_way():
    result = _extract("Priya Nair\n\nEducation\nPhD candidate in Development Economics, Graduate Institute Geneva (since 2022)\n")
    assert [text for text, _ in _spans(result, "FIELD")] == ["Development Economics"]


def test_a_field_named_again_in_brackets_is_a_field_span_of_its_own():
    """GUIDE.md: "Wirtschaftsinformatik (Business Informatics)" is two FIELD spans; a degree restated in
    brackets with its field ("(PhD in Public Law)") gives that field too, an equivalence does not."""
    result = _extract("Jan Novak\n\nEDUCATION\nMSc Informatika (Computer Science), Charles University, 2015\n"
                      "Doctorado en Derecho Internacional (PhD in International Law), Universidad de Chile, 2021\n"
                      "Diplom Physik, Universität Wien, 2010 – equivalent to a master's degree in physics\n")
    assert [text for text, _ in _spans(result, "FIELD")] == [
        "Informatika", "Computer Science", "Derecho Internacional", "International Law", "Physik"]
    assert [text for text, _ in _spans(result, "DEGREE")] == ["MSc", "Doctorado", "PhD", "Diplom", "master's degree"]


def test_degrees_a_summary_names_are_spans_but_not_professions():
    """GUIDE.md: a degree held or under way named in the summary is a DEGREE span (with its field);
    "Ingeniera ambiental" names a profession, "No university degree" a degree the person lacks."""
    result = _extract("Sara Lind\nData analyst with a master's in economics and six years in survey work.\n"
                      "Ingeniera de datos con experiencia en bancos. No university degree in law.\n"
                      "PhD candidate in Sociology – Lund University\n\nEXPERIENCE\n2019 – present  Analyst, Statistics Sweden\n\n"
                      "EDUCATION\nBSc in Statistics, Uppsala University, 2015\n")
    assert [(text, attrs.get("status")) for text, attrs in _spans(result, "DEGREE")] == [
        ("master's", None), ("PhD", "enrolled"), ("BSc", None)]
    assert [text for text, _ in _spans(result, "FIELD")] == ["economics", "Sociology", "Statistics"]
    # the summary gives spans; the education section gives the profile's entries
    assert [e["level"] for e in result["profile"]["education"]] == ["bachelor"]


def test_the_kind_of_engineer_belongs_to_a_french_engineering_degree():
    result = _extract("Awa Ba\n\nFORMATION\n2012 – 2015 : Diplôme d'ingénieur statisticien économiste (ISE), ENSEA, Abidjan\n"
                      "2004 – 2009   Diplôme d'Ingénieur de conception en génie informatique, ESP Dakar\n"
                      "2001 – 2004   Diplôme d'ingénieur en génie civil, INSA Lyon\n")
    assert [text for text, _ in _spans(result, "DEGREE")] == [
        "Diplôme d'ingénieur statisticien économiste", "ISE", "Diplôme d'Ingénieur de conception", "Diplôme d'ingénieur"]
    assert [text for text, _ in _spans(result, "FIELD")] == ["génie informatique", "génie civil"]
    assert [e["level"] for e in result["profile"]["education"]] == ["master", "master", "master"]


def test_a_major_or_option_on_the_degree_line_is_a_field():
    result = _extract("Noor Ali\n\nEDUCATION\nBA in Economics, major in Development Studies, University of Cape Town, 2011\n"
                      "Licence en informatique, parcours réseaux, Université de Nantes, mention Bien\n"
                      "Maestría en Derecho, mención en Derecho Ambiental, Universidad de Chile\n")
    assert [text for text, _ in _spans(result, "FIELD")] == [
        "Economics", "Development Studies", "informatique", "réseaux", "Derecho", "Derecho Ambiental"]   # "mention Bien" is a grade


def test_a_woman_engineers_degree_keeps_its_kind_too():
    result = _extract("Awa Ba\n\nFORMATION\nDiplôme d'ingénieure agronome (Bac+5), Institut agronomique, Rabat, 2015\n")
    assert [text for text, _ in _spans(result, "DEGREE")][:1] == ["Diplôme d'ingénieure agronome"]
