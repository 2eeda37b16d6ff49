import json
from pathlib import Path

import pytest

from jobmatch.evaluate.external.skillspan import (bio_spans, detokenise, evaluate_skillspan, skillspan_label,
                                                  to_token_spans, token_span)

SHARED_SKILLSPAN = Path(__file__).resolve().parents[4] / "shared" / "external" / "skillspan"


def test_detokenised_text_keeps_each_token_offset():
    text, offsets = detokenise(["Experience", "with", "Python", "."])
    assert text == "Experience with Python ."
    assert [text[a:b] for a, b in offsets] == ["Experience", "with", "Python", "."]


def test_bio_tags_become_inclusive_token_spans():
    tags = ["O", "B", "I", "O", "B", "B", "I", "I"]
    assert [(s["start"], s["end"]) for s in bio_spans(tags, "SKILL")] == [(1, 2), (4, 4), (5, 7)]
    assert [(s["start"], s["end"]) for s in bio_spans(["I", "I", "O"], "SKILL")] == [(0, 1)]


def test_character_spans_map_to_the_tokens_they_overlap():
    _, offsets = detokenise(["strong", "project", "management", "skills"])
    assert token_span(7, 25, offsets) == (1, 2)        # "project management"
    assert token_span(9, 12, offsets) == (1, 1)        # inside "project"
    assert token_span(100, 110, offsets) is None


def test_behavioural_competencies_are_skills_and_the_rest_knowledge():
    assert skillspan_label({"attrs": {"type": "core", "id": "core.teamwork_collaboration"}}) == "SKILL"
    assert skillspan_label({"attrs": {"type": "skill", "id": "functional.planning_organising"}}) == "SKILL"
    assert skillspan_label({"attrs": {"type": "skill", "id": "skill.python"}}) == "KNOWLEDGE"
    _, offsets = detokenise(["Python", "and", "teamwork"])
    spans = [{"start": 0, "end": 6, "attrs": {"type": "skill"}}, {"start": 11, "end": 19, "attrs": {"type": "core"}}]
    assert to_token_spans(spans, offsets, typed=True) == [{"label": "KNOWLEDGE", "start": 0, "end": 0},
                                                          {"label": "SKILL", "start": 2, "end": 2}]


def test_skillspan_run_scores_jobmatch_on_a_small_file(tmp_path):
    rows = [{"idx": 1, "tokens": ["Experience", "with", "Python", "and", "project", "management", "."],
             "tags_skill": ["O"] * 7, "tags_knowledge": ["O", "O", "B", "O", "B", "I", "O"], "source": "tech"},
            {"idx": 2, "tokens": ["Good", "teamwork", "."], "tags_skill": ["O", "B", "O"],
             "tags_knowledge": ["O", "O", "O"], "source": "house"}]
    (tmp_path / "test.jsonl").write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    result = evaluate_skillspan(tmp_path, _no_peers())
    assert result["sentences"] == 2
    assert result["gold_spans"] == {"SKILL": 1, "KNOWLEDGE": 2}
    merged = result["systems"]["jobmatch"]["merged"]
    assert merged["gold"] == 3
    assert 0.0 <= merged["strict"]["f1"] <= merged["partial"]["f1"] <= 1.0
    assert result["systems"]["jobmatch"]["sentences_per_s"] > 0


def _no_peers():
    from dataclasses import replace
    from jobmatch.evaluate.settings import EvalSettings
    return replace(EvalSettings(), peers=False)


def test_the_shared_test_split_has_the_published_span_counts():
    if not (SHARED_SKILLSPAN / "test.jsonl").is_file():
        pytest.skip("../shared/external/skillspan is not present")
    from jobmatch.evaluate.external.skillspan import read_sentences
    sentences = read_sentences(SHARED_SKILLSPAN / "test.jsonl")
    skills = sum(len(bio_spans(s["tags_skill"], "SKILL")) for s in sentences)
    knowledge = sum(len(bio_spans(s["tags_knowledge"], "KNOWLEDGE")) for s in sentences)
    assert len(sentences) == 3569
    assert abs(skills - 1090) <= 2 and knowledge == 1174
