"""Ranking quality in both directions with ranx: graded nDCG, binary measures at a relevance
grade, bootstrap confidence intervals over queries and paired tests against a reference system.

Each query ranks the *whole* pool of the split (every CV of the split for a notice, every notice
for a CV); documents nobody judged for that query count as grade 0. Judgments exist only inside a
job-family cluster, so this is the harder and more honest setting: a system must also keep other
families' documents out of the top."""

from __future__ import annotations

import time
import warnings
from collections.abc import Sequence

import numpy as np
from ranx import evaluate as ranx_evaluate
from scipy.stats import bootstrap

from jobmatch.evaluate.dataset import EvalDocument
from jobmatch.evaluate.settings import RANKING_METRICS, EvalSettings
from jobmatch.evaluate.systems import RankingSystem, SystemUnavailable


def ranx_name(metric: str, relevant_grade: int) -> str:
    """Our metric name -> ranx's: nDCG uses the graded gains, the others a relevance level."""
    if metric.startswith("ndcg"):
        return metric
    return f"{metric}-l{relevant_grade}"


def judged_queries(qrels: dict[str, dict[str, int]], relevant_grade: int) -> dict[str, dict[str, int]]:
    """Queries with at least one relevant document: for the others every measure is undefined."""
    return {q: docs for q, docs in qrels.items() if any(g >= relevant_grade for g in docs.values())}


def run_system(system: RankingSystem, direction: str, queries: Sequence[EvalDocument],
               pool: Sequence[EvalDocument]) -> tuple[dict[str, dict[str, float]], list[float]]:
    """The system's scores for every query over the whole pool, and the seconds each query took."""
    run, latencies = {}, []
    for query in queries:
        started = time.perf_counter()
        run[query.id] = system.rank(direction, query, pool)
        latencies.append(time.perf_counter() - started)
    return run, latencies


def confidence_interval(values: np.ndarray, settings: EvalSettings) -> tuple[float, float]:
    """Percentile bootstrap of the mean over queries (scipy)."""
    if len(values) < 2 or np.all(values == values[0]):
        return float(values.mean()), float(values.mean())
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        result = bootstrap((values,), np.mean, confidence_level=settings.confidence,
                           n_resamples=settings.bootstrap_resamples, method="percentile",
                           random_state=np.random.default_rng(settings.seed))
    return float(result.confidence_interval.low), float(result.confidence_interval.high)


def paired_test(reference: np.ndarray, other: np.ndarray, settings: EvalSettings) -> dict:
    """ranx's paired test (Fisher randomisation or Student's t) on per-query scores."""
    from ranx.statistical_tests import fisher_randomization_test, paired_student_t_test

    if settings.stat_test == "fisher":
        p_value, significant = fisher_randomization_test(reference, other, settings.permutations,
                                                         settings.max_p, settings.seed)
    else:
        p_value, significant = paired_student_t_test(reference, other, settings.max_p)
    return {"p_value": float(p_value), "significant": bool(significant)}


def score_runs(qrels: dict[str, dict[str, int]], runs: dict[str, dict[str, dict[str, float]]],
               settings: EvalSettings, reference: str | None) -> dict[str, dict]:
    """Mean, 95% CI and per-query scores of each run; p-values of each against `reference`.

    Plain dicts go to ranx (its Qrels/Run objects cost tens of seconds of JIT compilation per
    process, which would dominate a CI run); queries keep the qrels' order in every run."""
    metrics = {m: ranx_name(m, settings.relevant_grade) for m in RANKING_METRICS}
    per_query: dict[str, dict[str, np.ndarray]] = {}
    for name, run in runs.items():
        # A query the system returned nothing for still counts (as zero), never silently drops out.
        complete = {q: (run.get(q) or {"": 0.0}) for q in qrels}
        scores = ranx_evaluate(qrels, complete, list(metrics.values()), return_mean=False)
        per_query[name] = {m: np.asarray(scores[rm], dtype=float) for m, rm in metrics.items()}
    out: dict[str, dict] = {}
    for name, scores in per_query.items():
        figures = {}
        for metric, values in scores.items():
            low, high = confidence_interval(values, settings)
            figures[metric] = {"mean": float(values.mean()), "ci_low": low, "ci_high": high}
        out[name] = {"available": True, "metrics": figures}
        if reference in per_query and name != reference:
            out[name]["vs_reference"] = {m: paired_test(per_query[reference][m], values, settings)
                                         for m, values in scores.items()}
    return out


def percentiles(latencies: Sequence[float]) -> dict[str, float]:
    values = np.asarray(latencies, dtype=float) * 1000.0
    if not len(values):
        return {}
    return {"p50_ms": float(np.percentile(values, 50)), "p95_ms": float(np.percentile(values, 95)),
            "p99_ms": float(np.percentile(values, 99)), "max_ms": float(values.max())}


def by_query_language(qrels: dict[str, dict[str, int]], runs: dict[str, dict[str, dict[str, float]]],
                      languages: dict[str, str], settings: EvalSettings) -> dict[str, dict]:
    """Mean of each measure per language of the query (a French CV ranking English notices is the
    cross-lingual case the overall mean hides); only where the queries are in several languages."""
    groups: dict[str, list[str]] = {}
    for query in qrels:
        groups.setdefault(languages.get(query, "?"), []).append(query)
    if len(groups) < 2:
        return {}
    metrics = {m: ranx_name(m, settings.relevant_grade) for m in RANKING_METRICS}
    out: dict[str, dict] = {}
    for language, ids in sorted(groups.items()):
        subset = {q: qrels[q] for q in ids}
        systems = {}
        for name, run in runs.items():
            complete = {q: (run.get(q) or {"": 0.0}) for q in subset}
            scores = ranx_evaluate(subset, complete, list(metrics.values()), return_mean=False)
            systems[name] = {m: float(np.mean(scores[rm])) for m, rm in metrics.items()}
        out[language] = {"queries": len(ids), "systems": systems}
    return out


def evaluate_direction(direction: str, qrels: dict[str, dict[str, int]], queries: Sequence[EvalDocument],
                       pool: Sequence[EvalDocument], systems: Sequence[RankingSystem | SystemUnavailable],
                       settings: EvalSettings) -> dict:
    """Every system on one direction: figures with CIs and tests, latency percentiles."""
    kept = judged_queries(qrels, settings.relevant_grade)
    queries = [q for q in queries if q.id in kept]
    runs, latency, unavailable = {}, {}, {}
    for system in systems:
        if isinstance(system, SystemUnavailable):
            unavailable[system.name] = system.reason
            continue
        try:
            runs[system.name], seconds = run_system(system, direction, queries, pool)
            latency[system.name] = percentiles(seconds)
        except Exception as exc:  # noqa: BLE001 - a system that fails mid-run is reported, not hidden
            unavailable[system.name] = f"failed: {type(exc).__name__}: {exc}"
    reference = settings.reference_system if settings.reference_system in runs else settings.fallback_reference
    scored = score_runs(kept, runs, settings, reference) if kept and runs else {}
    for name, figures in scored.items():
        figures["latency"] = latency[name]
    for name, reason in unavailable.items():
        scored[name] = {"available": False, "reason": reason}
    order = [s.name for s in systems]
    languages = {q.id: q.language for q in queries}
    return {"queries": len(kept), "queries_without_relevant": len(qrels) - len(kept), "pool": len(pool),
            "relevant_grade": settings.relevant_grade, "reference": reference,
            "systems": {name: scored[name] for name in order if name in scored},
            "by_query_language": by_query_language(kept, runs, languages, settings) if kept and runs else {}}


def eligibility_figures(system, qrels_by_direction: dict[str, dict[str, dict[str, int]]],
                        relevant_grade: int) -> dict | None:
    """Precision and recall of the matcher's `eligible` flag against 'meets the minimum' (grade >=
    relevant_grade) on the judged pairs, and the precision-recall curve of its score."""
    from sklearn.metrics import average_precision_score, precision_recall_curve

    flags = getattr(system, "eligible", None)
    if not flags:
        return None
    gold, predicted, scores = [], [], []
    for direction, qrels in qrels_by_direction.items():
        for query, docs in qrels.items():
            for doc, grade in docs.items():
                key = (direction, query, doc)
                if key in flags:
                    gold.append(grade >= relevant_grade)
                    predicted.append(flags[key])
                    scores.append(system.scores.get(key, 0.0))
    if not gold or not any(gold):
        return None
    gold_a, pred_a = np.asarray(gold), np.asarray(predicted)
    tp = int((gold_a & pred_a).sum())
    precision, recall, _ = precision_recall_curve(gold_a, np.asarray(scores))
    return {"pairs": len(gold), "precision": tp / max(1, int(pred_a.sum())), "recall": tp / int(gold_a.sum()),
            "score_average_precision": float(average_precision_score(gold_a, np.asarray(scores))),
            "curve": {"precision": precision.round(4).tolist(), "recall": recall.round(4).tolist()}}
