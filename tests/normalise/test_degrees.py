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


def test_an_abbreviation_in_brackets_belongs_to_the_degree():
    assert _found("Master of Science (M.Sc.) in Physics") == [("Master of Science (M.Sc.)", "master")]
    assert _found("MBA (Finance), Boston") == [("MBA", "master")]   # a specialisation, not an abbreviation


def test_words_that_look_like_degrees_in_other_uses():
    assert _found("Maîtrise parfaite de l'anglais") == []
    assert _found("Driving licence: B") == []


def test_an_equivalent_written_out_in_brackets_is_a_degree_of_its_own():
    assert _found("Laurea Magistrale (Master's degree) in Economics") == [("Laurea Magistrale", "master"),
                                                                          ("Master's degree", "master")]
