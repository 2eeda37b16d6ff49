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


def test_variant_taggers_are_the_trained_siblings_of_the_shipped_one(tmp_path):
    from jobmatch.evaluate.external.skillspan import variant_tagger_dirs
    for name in ("competency-tagger", "competency-tagger-skillspan", "competency-tagger-half-copied", "other-tagger"):
        (tmp_path / name).mkdir()
    for name in ("competency-tagger", "competency-tagger-skillspan", "other-tagger"):
        (tmp_path / name / "config.cfg").write_text("")
    assert variant_tagger_dirs(tmp_path / "competency-tagger") == [tmp_path / "competency-tagger-skillspan"]


def test_the_tagger_training_record_names_the_system():
    from jobmatch.evaluate.external.skillspan import training_name
    assert training_name({"jobmatch_training": {"skillspan": True}}) == "trained with SkillSpan train"
    assert training_name({"jobmatch_training": {"skillspan": False}}) == "trained on our corpus only"
    assert training_name({}) == "training data not recorded"


def test_report_rows_say_how_each_tagger_was_trained_and_how_fast_it_runs_alone():
    from jobmatch.evaluate.external.markdown import skillspan_markdown
    row = {"strict": {"precision": 0.5, "recall": 0.4, "f1": 0.44}, "partial": {"precision": 0.7, "recall": 0.6, "f1": 0.65}}
    block = {"split": "test", "sentences": 2, "gold_spans": {"SKILL": 1, "KNOWLEDGE": 2}, "mapping": "m",
             "published": {"merged_strict_f1": 0.6, "source": "paper"},
             "systems": {"jobmatch": {"available": True, "tagger": "trained on our corpus only", "merged": row,
                                      "sentences_per_s": 400.0, "tagger_sentences_per_s": 2500.0},
                         "jobmatch, tagger trained with SkillSpan train": {
                             "available": True, "tagger": "trained with SkillSpan train", "merged": row,
                             "sentences_per_s": 390.0, "tagger_sentences_per_s": 2400.0}}}
    text = "\n".join(skillspan_markdown(block))
    assert "| jobmatch (trained on our corpus only) | merged | 0.500 | 0.400 | 0.440 |" in text
    assert "| jobmatch, tagger trained with SkillSpan train | merged |" in text
    assert "| 400 | 2500 |" in text and "| 390 | 2400 |" in text


def test_shipped_variant_is_reported_beside_the_shipped_tagger(tmp_path):
    from jobmatch.evaluate.external.skillspan import variant_tagger_dirs
    if not variant_tagger_dirs():
        pytest.skip("no variant tagger beside models/competency-tagger")
    rows = [{"idx": 1, "tokens": ["Experience", "with", "Python", "."], "tags_skill": ["O"] * 4,
             "tags_knowledge": ["O", "O", "B", "O"], "source": "tech"}]
    (tmp_path / "test.jsonl").write_text(json.dumps(rows[0]) + "\n")
    systems = evaluate_skillspan(tmp_path, _no_peers())["systems"]
    assert len(systems) == 1 + len(variant_tagger_dirs())
    assert {s["tagger"] for s in systems.values()} == {"trained on our corpus only", "trained with SkillSpan train"}
    assert all(s["tagger_sentences_per_s"] > 0 for s in systems.values())
