"""A small report with the structure `run_evaluation` produces, for gate and report tests."""

from __future__ import annotations

import copy

import pytest

METRIC = {"mean": 0.8, "ci_low": 0.7, "ci_high": 0.9}


def _spans(f1: float) -> dict:
    scheme = {"precision": f1, "recall": f1, "f1": f1, "correct": 8, "incorrect": 0, "partial": 0, "missed": 2, "spurious": 2}
    return {"documents": 2, "labels": {"DEGREE": {"gold": 10, "predicted": 10, "strict": scheme, "partial": scheme}},
            "micro": {"strict": scheme, "partial": scheme},
            "macro": {"strict": {"precision": f1, "recall": f1, "f1": f1}, "partial": {"precision": f1, "recall": f1, "f1": f1}}}


def _direction() -> dict:
    metrics = {m: dict(METRIC) for m in ("ndcg@5", "ndcg@10", "mrr", "map", "recall@10", "precision@5")}
    return {"queries": 2, "queries_without_relevant": 0, "pool": 4, "relevant_grade": 2, "reference": "bm25",
            "systems": {"bm25": {"available": True, "metrics": metrics, "latency": {"p50_ms": 1.0, "p95_ms": 2.0, "p99_ms": 2.0, "max_ms": 2.0}},
                        "random": {"available": True, "metrics": copy.deepcopy(metrics),
                                   "vs_reference": {m: {"p_value": 0.01, "significant": True} for m in metrics},
                                   "latency": {"p50_ms": 0.1, "p95_ms": 0.1, "p99_ms": 0.1, "max_ms": 0.1}},
                        "jobmatch": {"available": False, "reason": "not available: ModuleNotFoundError: x"}}}


@pytest.fixture
def fake_report() -> dict:
    return {
        "meta": {"corpus": {"path": "corpora", "name": "gold", "version": "0.1.0", "status": "complete"}, "split": "test",
                 "documents": {"notice": 1, "cv": 1}, "git": {"commit": "abc", "dirty": False},
                 "models": {"extraction": "rules", "matcher": "n/a"}, "date": "2026-11-23",
                 "settings": {"relevant_grade": 2, "bootstrap_resamples": 100, "confidence": 0.95, "stat_test": "fisher",
                              "permutations": 100, "max_p": 0.05, "seed": 1, "years_tolerance": 0.5,
                              "embedding_cache": "fresh per run"}},
        "extraction": {"all": {"spans": _spans(0.8), "attributes": {"span": {"degree_level": {"accuracy": 0.9, "n": 10}}}},
                       "cv": {"spans": _spans(0.7), "attributes": {}}},
        "peers": {"jobmatch": {"available": True, "description": "x",
                               "scores": {"strict": {"precision": 0.5, "recall": 0.5, "f1": 0.5},
                                          "partial": {"precision": 0.6, "recall": 0.6, "f1": 0.6}}},
                  "skillner": {"available": False, "description": "y", "reason": "ConnectionError: offline"}},
        "ranking": {"recruiter": _direction(), "candidate": _direction()},
        "eligibility": {},
        "speed": {"extraction": {"notice": {"documents": 1, "seconds": 0.1, "docs_per_s": 10.0},
                                 "cv": {"documents": 1, "seconds": 0.1, "docs_per_s": 10.0}},
                  "peak_rss_mb": 100.0, "query_latency": {}, "matcher": {}, "total_s": 1.0},
        "external": {"skillspan": {"status": "skipped", "reason": "../shared/external/skillspan is not present"}},
    }
