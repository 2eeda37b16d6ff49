from pathlib import Path

import pytest

from jobmatch.corpus.loader import GoldDocument, GoldSpan
from jobmatch.evaluate.dataset import EvalDocument
from jobmatch.evaluate.extraction import attribute_accuracy, document_groups, span_scores
from jobmatch.model import Document


def span(label, start, end, **attrs):
    return {"label": label, "start": start, "end": end, "attrs": attrs}


def test_exact_spans_score_one_in_both_schemes():
    gold = [[span("DEGREE", 0, 6), span("FIELD", 10, 20)]]
    scores = span_scores(gold, gold, ("DEGREE", "FIELD"))
    assert scores["micro"]["strict"]["f1"] == 1.0
    assert scores["labels"]["FIELD"]["partial"]["f1"] == 1.0


def test_overlap_counts_half_in_partial_and_nothing_in_strict():
    gold = [[span("COMPETENCY", 0, 18)]]          # "project management"
    predicted = [[span("COMPETENCY", 8, 18)]]     # "management"
    row = span_scores(gold, predicted, ("COMPETENCY",))["labels"]["COMPETENCY"]
    assert row["strict"]["f1"] == 0.0
    assert row["partial"]["precision"] == pytest.approx(0.5)
    assert row["partial"]["recall"] == pytest.approx(0.5)


def test_overlap_with_another_label_is_not_a_partial_match():
    gold = [[span("ORG", 0, 10)]]
    predicted = [[span("EXPERIENCE", 0, 10)]]
    scores = span_scores(gold, predicted, ("ORG", "EXPERIENCE"))
    assert scores["labels"]["ORG"]["partial"]["recall"] == 0.0
    assert scores["labels"]["EXPERIENCE"]["partial"]["precision"] == 0.0
    assert scores["micro"]["partial"]["f1"] == 0.0


def test_micro_pools_counts_and_macro_averages_labels_with_gold():
    gold = [[span("DEGREE", 0, 5), span("DEGREE", 10, 15), span("FIELD", 20, 25)], [span("DEGREE", 0, 5)]]
    predicted = [[span("DEGREE", 0, 5), span("DEGREE", 10, 15)], [span("DEGREE", 0, 5), span("LANGUAGE", 7, 9)]]
    scores = span_scores(gold, predicted, ("DEGREE", "FIELD", "LANGUAGE"))
    micro = scores["micro"]["strict"]
    assert (micro["correct"], micro["missed"], micro["spurious"]) == (3, 1, 1)
    assert micro["precision"] == pytest.approx(3 / 4)
    assert micro["recall"] == pytest.approx(3 / 4)
    # macro over DEGREE (1.0) and FIELD (0.0): LANGUAGE has no gold span
    assert scores["macro"]["strict"]["f1"] == pytest.approx(0.5)


def _doc(doc_id, kind, language, spans, annotation, extraction):
    gold = GoldDocument(doc_id, kind, language, Path(f"{doc_id}.txt"), "x" * 100, annotation,
                        [GoldSpan(s["label"], s["start"], s["end"], "", s["attrs"]) for s in spans])
    return EvalDocument(gold, Document(id=doc_id, source="", format="text", text="x" * 100), extraction)


def test_attribute_accuracy_compares_overlapping_spans_and_document_gold():
    cv = _doc("cv-a", "cv", "fr",
              [span("DEGREE", 0, 6, level="master"), span("LANGUAGE", 20, 27, lang="fr", level="native")],
              {"profile": {"total_years": 10.0, "highest_level": "master", "languages": [{"language": "fr", "level": "native"}]}},
              {"spans": [span("DEGREE", 0, 4, level="bachelor"), span("LANGUAGE", 20, 27, lang="fr", level="native")],
               "profile": {"total_years": 10.4, "highest_level": "master", "languages": [{"language": "fr", "level": "native"}]}})
    notice = _doc("n-a", "notice", "en", [span("FIELD", 30, 40, isced_f="0312")],
                  {"requirements": {"experience": {"min_years": 7}, "education": {"min_level": "master"}}},
                  {"spans": [], "requirements": {"experience": {"min_years": 5}, "education": {"min_level": "master"}}})
    result = attribute_accuracy([cv, notice], years_tolerance=0.5)
    assert result["span"]["degree_level"] == {"accuracy": 0.0, "n": 1}   # found, level wrong
    assert result["span"]["language"] == {"accuracy": 1.0, "n": 1}
    assert "field_code" not in result["span"]                            # gold FIELD never found
    assert result["cv"]["total_years"]["accuracy"] == 1.0                  # 10.4 within 0.5 of 10.0
    assert result["notice"]["min_years"]["accuracy"] == 0.0
    assert result["notice"]["min_level"]["accuracy"] == 1.0
    assert set(document_groups([cv, notice])) == {"all", "notice", "cv", "en", "fr"}
