"""Competency rules: taxonomy phrases matched on stems, so inflections count and other words do not."""

from __future__ import annotations

import pytest

from jobmatch.pipeline import SPANS_KEY, build_pipeline


@pytest.fixture(scope="module")
def nlp():
    return build_pipeline()


def _ids(nlp, text: str) -> dict[str, str]:
    doc = nlp.make_doc(text)
    doc._.kind = "cv"
    return {s.text: s._.taxonomy_id for s in nlp(doc).spans[SPANS_KEY] if s.label_ == "COMPETENCY"}


def test_inflections_find_the_taxonomy_phrase(nlp):
    found = _ids(nlp, "Skills: negotiating with donors; gestion de projets; drafting reports.")
    assert found["negotiating"] == "core.negotiation"
    assert found["gestion de projets"] == "skill.project_management"


def test_words_that_only_share_a_stem_are_not_competencies(nlp):
    found = _ids(nlp, "2019 – present: plans the annual work of a professional team.")
    assert "present" not in found            # stem of "presentation"
    assert "plans" not in found              # stem of "planning"
    assert "professional" not in found       # stem of "professionalism"


def test_short_names_count_only_in_capitals(nlp):
    assert "R" in _ids(nlp, "Statistics in R and Stata.")
    assert "r" not in _ids(nlp, "Statistics in r and Stata.")


def test_notice_competency_types_come_from_the_sections(nlp):
    doc = nlp("Vacancy notice no: 1\n\nCore competencies\n- Teamwork\n\nFunctional competencies\n- Planning and Organising\n"
              "\nDuties and responsibilities\n- Teamwork with partners.\n")
    types = {(s.text, s.start_char): s._.attrs["type"] for s in doc.spans[SPANS_KEY] if s.label_ == "COMPETENCY"}
    assert sorted(types.values()) == ["core", "functional", "skill"]
    assert doc._.requirements.competencies.functional == ["functional.planning_organising"]


def test_the_phrases_are_saved_and_restored_with_the_component(nlp, tmp_path):
    rules = build_pipeline().get_pipe("jobmatch_competency_rules")
    rules.initialize(entries=[{"id": "skill.seamcat", "name": "SEAMCAT simulation", "type": "skill"}])
    rules.to_disk(tmp_path)
    restored = build_pipeline().get_pipe("jobmatch_competency_rules").from_disk(tmp_path)
    assert restored.entries == [{"id": "skill.seamcat", "name": "SEAMCAT simulation", "type": "skill"}]
