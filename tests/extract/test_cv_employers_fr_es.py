"""International employers named in French and Spanish CVs: a post at the "Union internationale des
télécommunications" is as international as one at the ITU."""

from __future__ import annotations

import pytest

from jobmatch.extract.cv import is_international_post


@pytest.mark.parametrize("line", [
    "Ingénieure radio, Union internationale des télécommunications (UIT), Genève",
    "Analista, Banco Interamericano de Desarrollo (BID), Washington",
    "Chargé de programme, Programme des Nations Unies pour le développement, Dakar",
    "Oficial de protección, Alto Comisionado de las Naciones Unidas para los Refugiados (ACNUR)",
    "Économiste, Banque africaine de développement, Abidjan",
    "Asesor, Comisión Económica para América Latina y el Caribe, Santiago",
])
def test_a_french_or_spanish_name_of_an_international_employer_counts(line):
    assert is_international_post(line)


@pytest.mark.parametrize("line", [
    "Economista, Banco de la República, Bogotá",
    "Chargée d'études, Banque de France, Paris",
    "Asesora, Ministerio de Relaciones Exteriores, Lima",
])
def test_a_national_employer_does_not(line):
    assert not is_international_post(line)


def test_an_acronym_shared_with_a_national_body_is_not_enough():
    assert not is_international_post("Conseillère, CAF du Rhône, Lyon")      # caisse d'allocations familiales
    assert is_international_post("Analista, CAF – Banco de Desarrollo de América Latina, Caracas")


SPANISH_TITLE_ABOVE_DATES = """JAVIER GÓMEZ
javier.gomez@correo.es

EXPERIENCIA LABORAL
Analista de políticas públicas — Banco Interamericano de Desarrollo (BID), Washington D.C.
Enero 2018 – actualidad
Asistente de investigación — Universidad Complutense de Madrid
Septiembre 2014 – diciembre 2017
"""


def test_a_line_ending_with_an_abbreviation_is_a_title_line_not_prose():
    from jobmatch.extract import extract_document
    from jobmatch.model import Document
    profile = extract_document(Document(id="c", source="c.txt", format="txt", text=SPANISH_TITLE_ABOVE_DATES), "cv")["profile"]
    assert [(job["title"], job["international"]) for job in profile["experience"]] == [
        ("Analista de políticas públicas", True), ("Asistente de investigación", False)]
