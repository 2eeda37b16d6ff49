"""Language names and proficiency wordings in CVs: CEFR, words, LinkedIn scales and P11 tables."""

from __future__ import annotations

import pytest

from jobmatch.normalise.languages import find_languages, skill_level


def _codes(text: str) -> list[str]:
    return [code for _, _, code in find_languages(text)]


def test_languages_beyond_the_official_six_are_named():
    assert _codes("Kiswahili (fluent); Wolof - conversational; Tigrinya: native; Lithuanian: A2") == ["sw", "wo", "ti", "lt"]
    assert _codes("Langue maternelle : peul ; tchèque (notions)") == ["ff", "cs"]
    assert _codes("Euskera: nivel medio. Gallego: nativo") == ["eu", "gl"]


def test_a_two_word_name_is_one_language():
    text = "Mandarin Chinese - HSK 5"
    assert find_languages(text) == [(0, len("Mandarin Chinese"), "zh")]


def test_a_country_or_region_is_not_a_language():
    assert _codes("Universidad del País Vasco, Bilbao") == []
    assert _codes("Trips to the Basque Country; Czech Republic") == []
    assert _codes("polish the draft; a ewe and her lamb") == []


@pytest.mark.parametrize("text, expected", [
    ("C1 (DALF)", ("advanced", "C1")),
    ("lengua materna", ("native", None)),
    ("langues maternelles", ("native", None)),
    ("courant", ("advanced", None)),
    ("notions", ("basic", None)),
    ("conocimientos básicos", ("basic", None)),
    ("Native or bilingual proficiency", ("native", None)),
    ("Full professional proficiency", ("advanced", None)),
    ("Professional working proficiency", ("intermediate", None)),
    ("Elementary proficiency", ("basic", None)),
    ("quasi-natif", ("advanced", None)),
    ("reads and speaks with difficulty", ("basic", None)),
    ("no level given here", (None, None)),
])
def test_levels_in_cefr_and_in_words(text, expected):
    assert skill_level(text) == expected


def test_a_table_of_skills_counts_the_middle_grade():
    assert skill_level("Easily   Easily   Easily   Easily")[0] == "advanced"
    assert skill_level("Easily / Not easily / Not easily / Easily")[0] == "intermediate"
    assert skill_level("Not easily  Not easily  With difficulty  With difficulty")[0] == "basic"
    assert skill_level("Reading B2, Listening C1, Speaking B1") == ("intermediate", "B2")


def test_two_wordings_in_a_phrase_are_not_a_table():
    assert skill_level("good passive knowledge")[0] == "intermediate"
