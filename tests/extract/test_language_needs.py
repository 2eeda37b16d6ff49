"""Language requirements of notices, clause by clause, in wordings beyond the corpus's."""

from __future__ import annotations

from jobmatch.extract.language_needs import read_language_requirement

SIX = ["ar", "zh", "en", "fr", "ru", "es"]


def _needs(text: str) -> tuple[list, list]:
    reading = read_language_requirement(text, [(0, len(text))], [])
    as_tuples = lambda needs: [(n.language or n.any_of, n.level) for n in needs]
    return as_tuples(reading.requirement.required), as_tuples(reading.requirement.desirable)


def test_either_or_and_the_other():
    required, desirable = _needs("Fluent French or English and a working knowledge of the other. "
                                 "Knowledge of another official language (Arabic, Chinese, Russian or Spanish) is an asset.")
    assert required == [(["fr", "en"], "advanced"), (["fr", "en"], "intermediate")]
    assert desirable == [(["ar", "zh", "ru", "es"], None)]


def test_each_named_language_takes_the_level_of_its_own_clause():
    required, desirable = _needs("Excellent command of Spanish and good command of English are required. "
                                 "Knowledge of Portuguese, French or Italian would be an advantage.")
    assert required == [("es", "advanced"), ("en", "intermediate")]
    assert desirable == [(["pt", "fr", "it"], None)]


def test_one_of_the_other_official_languages_lists_the_choice():
    required, _ = _needs("Knowledge of French at advanced level and knowledge of one of the other official languages "
                         "(Arabic, Chinese, English, Russian, Spanish) at intermediate level.")
    assert required == [("fr", "advanced"), (["ar", "zh", "en", "ru", "es"], "intermediate")]


def test_un_rule_with_a_second_and_a_third_language():
    required, desirable = _needs("One of the six official languages at advanced level and a second one at intermediate "
                                 "level. A third official language is an advantage.")
    assert required == [(SIX, "advanced"), (SIX, "intermediate")]
    assert desirable == [(SIX, None)]


def test_eu_notices_use_the_eu_official_languages():
    required, _ = _needs("Thorough knowledge of one official language of the European Union and satisfactory "
                         "knowledge of another of these languages.")
    assert [len(options) for options, _ in required] == [24, 24]
    assert [level for _, level in required] == ["advanced", "intermediate"]


def test_main_language_is_native_and_informational_sentences_are_skipped():
    required, desirable = _needs("English and French are the working languages of the Secretariat. Perfect command of "
                                 "Spanish, which must be the candidate's main language, is required. German would be an asset.")
    assert required == [("es", "native")]
    assert desirable == [("de", None)]


def test_a_country_adjective_is_not_a_language():
    required, _ = _needs("Candidates must live in Geneva or the neighbouring French departments.")
    assert required == []


def test_other_organisations_wordings_of_required_and_asset_languages():
    assert _needs("Fluency in English and French is required; knowledge of Spanish is an asset.") \
        == ([("en", "advanced"), ("fr", "advanced")], [("es", None)])
    assert _needs("Excellent command of English (C1) is required.") == ([("en", "advanced")], [])
    assert _needs("Excellent command of one working language of the Office (English, French or Spanish) and working "
                  "knowledge of a second working language of the Office.") \
        == ([(["en", "fr", "es"], "advanced"), (["en", "fr", "es"], "intermediate")], [])


def test_each_name_takes_the_cefr_level_written_after_it():
    assert _needs("English (C1) and French (B2) required.") == ([("en", "advanced"), ("fr", "intermediate")], [])


def test_french_and_spanish_command_wordings():
    assert _needs("Maîtrise du français et de l'anglais.") == ([("fr", "advanced"), ("en", "advanced")], [])
    assert _needs("Excellente maîtrise de l'anglais et bonne connaissance du français.") \
        == ([("en", "advanced"), ("fr", "intermediate")], [])
    assert _needs("La maîtrise du français est exigée; la connaissance de l'anglais serait un atout.") \
        == ([("fr", "advanced")], [("en", None)])
    assert _needs("Dominio del español e inglés.") == ([("es", "advanced"), ("en", "advanced")], [])
    assert _needs("Se requiere dominio del inglés y conocimiento práctico del francés.") \
        == ([("en", "advanced"), ("fr", "intermediate")], [])


def test_an_asset_in_the_next_clause_leaves_this_one_required():
    assert _needs("Fluent English; Arabic is an advantage.") == ([("en", "advanced")], [("ar", None)])
    assert _needs("Se requiere un excelente dominio del español; el conocimiento del inglés será valorado.") \
        == ([("es", "advanced")], [("en", None)])


def test_eu_second_official_language_completing_a_required_rule_is_required():
    required, desirable = _needs("Thorough knowledge of one of the official languages of the EU (at least level C1) and "
                                 "satisfactory knowledge of another official language of the EU (at least level B2).")
    assert [(len(options), level) for options, level in required] == [(24, "advanced"), (24, "intermediate")]
    assert desirable == []
