import numpy as np
import pytest

from jobmatch.evaluate.ranking import by_query_language, judged_queries, ranx_name, score_runs
from jobmatch.evaluate.settings import EvalSettings

QRELS = {f"q{i}": {f"d{i}": 3, f"d{i}b": 2, f"d{i}c": 1} for i in range(8)}
DOCS = [f"d{i}{s}" for i in range(8) for s in ("", "b", "c")]


def run_ranking(good: bool) -> dict:
    run = {}
    for q in QRELS:
        i = q[1:]
        order = [f"d{i}", f"d{i}b", f"d{i}c"] + [d for d in DOCS if not d.startswith(f"d{i}")]
        if not good:
            order = order[::-1]
        run[q] = {d: float(len(order) - rank) for rank, d in enumerate(order)}
    return run


def test_binary_measures_use_the_relevance_grade_and_ndcg_the_grades():
    assert ranx_name("ndcg@10", 2) == "ndcg@10"
    assert ranx_name("mrr", 2) == "mrr-l2"
    assert ranx_name("precision@5", 2) == "precision@5-l2"


def test_queries_without_a_relevant_document_are_left_out():
    qrels = {"q1": {"a": 1, "b": 0}, "q2": {"a": 2}}
    assert list(judged_queries(qrels, 2)) == ["q2"]


def test_perfect_run_scores_one_and_differs_significantly_from_a_reversed_one():
    settings = EvalSettings(bootstrap_resamples=200, permutations=500)
    scores = score_runs(QRELS, {"good": run_ranking(True), "bad": run_ranking(False)}, settings, "good")
    good, bad = scores["good"]["metrics"], scores["bad"]["metrics"]
    assert good["ndcg@10"]["mean"] == pytest.approx(1.0)
    assert good["mrr"]["mean"] == pytest.approx(1.0)
    assert good["recall@10"]["mean"] == pytest.approx(1.0)   # the grade-2 and grade-3 documents
    assert good["precision@5"]["mean"] == pytest.approx(2 / 5)
    assert bad["ndcg@10"]["mean"] < 0.2
    assert bad["ndcg@10"]["ci_low"] <= bad["ndcg@10"]["mean"] <= bad["ndcg@10"]["ci_high"]
    assert scores["bad"]["vs_reference"]["ndcg@10"]["significant"] is True
    assert "vs_reference" not in scores["good"]


def test_a_query_the_system_left_empty_counts_as_zero():
    run = run_ranking(True)
    run["q0"] = {}
    scores = score_runs(QRELS, {"s": run}, EvalSettings(bootstrap_resamples=100), None)
    assert scores["s"]["metrics"]["mrr"]["mean"] == pytest.approx(7 / 8)


def test_confidence_interval_brackets_the_mean_of_varied_scores():
    from jobmatch.evaluate.ranking import confidence_interval
    values = np.array([0.0, 0.2, 0.4, 0.6, 0.8, 1.0] * 3)
    low, high = confidence_interval(values, EvalSettings(bootstrap_resamples=500))
    assert low < values.mean() < high
    assert 0.0 <= low and high <= 1.0


def test_figures_by_query_language_separate_the_languages_and_need_two_of_them():
    run = run_ranking(True)
    for q in ("q0", "q1"):           # the French queries get their relevant documents last
        run[q] = {d: -v for d, v in run[q].items()}
    languages = {q: ("fr" if q in ("q0", "q1") else "en") for q in QRELS}
    groups = by_query_language(QRELS, {"s": run}, languages, EvalSettings())
    assert {lang: g["queries"] for lang, g in groups.items()} == {"en": 6, "fr": 2}
    assert groups["en"]["systems"]["s"]["mrr"] == pytest.approx(1.0)
    assert groups["fr"]["systems"]["s"]["mrr"] < 0.2
    assert by_query_language(QRELS, {"s": run}, {q: "en" for q in QRELS}, EvalSettings()) == {}
