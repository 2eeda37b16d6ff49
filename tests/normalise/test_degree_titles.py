"""Degree titles as French and Spanish CVs write them, in the feminine too: a degree held by a woman
must read as the same level as a man's."""

from __future__ import annotations

import pytest

from jobmatch.normalise.degrees import find_degrees


@pytest.mark.parametrize("text, level", [
    ("Licenciada en Relaciones Internacionales, Universidad de Chile", "bachelor"),
    ("Licenciado en Economía, UNAM", "bachelor"),
    ("Licenciée en droit, Université libre de Bruxelles", "bachelor"),
    ("Abogada, Universidad del Rosario (2011)", "bachelor"),
    ("Ingénieure agronome, 2009", "bachelor"),
    ("Docteure en géographie, Université de Montréal", "doctorate"),
    ("Doctora en Ciencias Políticas, FLACSO", "doctorate"),
    ("Magistra en Gestión Pública", "master"),
    ("Técnica superior en contabilidad", "short_cycle"),
])
def test_a_degree_title_reads_its_level_in_either_gender(text, level):
    assert [found[2] for found in find_degrees(text)] == [level]
