"""Fields of study written after a degree in CVs."""

from __future__ import annotations

from jobmatch.normalise.fields import field_phrase_after, is_field_name, more_fields_after, split_field_list


def _phrase(line: str, after: str) -> str | None:
    found = field_phrase_after(line, line.index(after) + len(after), len(line))
    return line[found[0]:found[1]] if found else None


def test_the_field_is_the_phrase_after_the_degree():
    assert _phrase("MSc in Applied Psychology, ETH Zurich, 2015", "MSc") == "Applied Psychology"
    assert _phrase("Master 2 Droit social, Université Paris 2", "Master 2") == "Droit social"
    assert _phrase("Licence, Information and Library Science · 2008 - 2012", "Licence") == "Information and Library Science"


def test_an_inline_label_is_not_part_of_the_field():
    assert _phrase("Degree: MSc    Main course of study: Information Security", "MSc") == "Information Security"


def test_an_institution_is_not_a_field():
    assert _phrase("PhD, University of Oslo", "PhD") is None


def test_lists_split_at_and_unless_an_adjective_shares_the_noun():
    line = "Economics and Environment"
    assert [line[s:e] for s, e in split_field_list(line, 0, len(line))] == ["Economics", "Environment"]
    line = "Electrical and Computer Engineering"
    assert [line[s:e] for s, e in split_field_list(line, 0, len(line))] == [line]


def test_a_field_in_brackets_after_the_degree():
    assert _phrase("MBA (Finance), Boston University", "MBA") == "Finance"
    assert _phrase("BCom (Finance option), University of Nairobi", "BCom") == "Finance"
    assert _phrase("DESS (Master) in Public Finance, Rabat", "DESS") == "Public Finance"   # a degree in brackets


def test_a_capitalised_field_is_not_taken_for_an_acronym():
    assert _phrase("Main field: Economics and International Trade", "Main field:") == "Economics and International Trade"
    assert _phrase("Bachelor of Science HES-SO in Telecommunications, HEIG-VD", "Bachelor of Science") == "Telecommunications"


def test_an_article_after_and_is_not_part_of_the_second_field():
    line = "Ciencias Políticas y de la Administración"
    assert [line[s:e] for s, e in split_field_list(line, 0, len(line))] == ["Ciencias Políticas", "Administración"]


def _split(phrase: str) -> list[str]:
    return [phrase[s:e] for s, e in split_field_list(phrase, 0, len(phrase))]


def test_and_splits_only_between_two_fields_of_their_own():
    assert _split("Political Science and Public Administration") == ["Political Science", "Public Administration"]
    assert _split("Finance et comptabilité") == ["Finance", "comptabilité"]
    assert _split("Gestión de Riesgos y Seguridad Internacional") == ["Gestión de Riesgos", "Seguridad Internacional"]
    assert _split("Spanish and History") == ["Spanish", "History"]   # a language studied is a field
    assert _split("Peace and Conflict Studies") == ["Peace and Conflict Studies"]   # no field "peace"
    assert _split("Film and Television Production") == ["Film and Television Production"]


def test_a_shared_head_noun_or_a_name_known_whole_keeps_one_field():
    assert _split("Security and Defence Studies") == ["Security and Defence Studies"]   # "security studies"
    assert _split("Electronics and Communications Engineering") == ["Electronics and Communications Engineering"]
    assert _split("Computer Science and Engineering") == ["Computer Science and Engineering"]


def test_further_known_fields_of_a_comma_list():
    line = "Master 2 Comptabilité, Contrôle de gestion, Audit (CCA), Université de Dakar"
    start = line.index(",")
    assert [line[s:e] for s, e in more_fields_after(line, start, len(line))] == ["Contrôle de gestion", "Audit"]
    line = "MSc Economics, London School of Economics, 2019"
    assert more_fields_after(line, line.index(","), len(line)) == []


def test_french_and_spanish_field_names_have_codes():
    assert is_field_name("relaciones laborales") and is_field_name("télédétection") and is_field_name("ciencia de datos")
    assert not is_field_name("peace")


def test_a_note_in_brackets_before_in_is_not_the_field():
    assert _phrase("PhD (Dr. rer. pol.) in Economics, University of Mannheim", "PhD") == "Economics"
    assert _phrase("Bachelor's degree (licencjat) in Spatial Economy, Warsaw", "Bachelor's degree") == "Spatial Economy"
    assert _phrase("MSc Eng. in Electronics and Telecommunications, Gdańsk", "MSc") == "Electronics and Telecommunications"


def test_a_field_list_with_electrical_energy_in_three_languages():
    from jobmatch.normalise.fields import is_field_name
    assert all(is_field_name(words) for words in ("énergie électrique", "electrical energy", "energía eléctrica"))


def test_fields_of_other_organisations_notices_have_their_isced_codes():
    from jobmatch.normalise.fields import find_fields
    text = "forestry, natural resource management, actuarial science, social policy or fisheries science"
    assert [code for _, _, code in find_fields(text)] == ["0821", "0521", "0542", "0312", "0831"]
