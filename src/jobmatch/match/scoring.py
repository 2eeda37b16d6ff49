"""Pure scoring: features of a (vacancy, candidate) pair and their weighted combination.

A score is a logistic combination of named features, so each result can say how much each part
(semantic similarity, competencies, each requirement) added. Weights are data
(`jobmatch/data/match_weights.json`), learned on the corpus train split by `jobmatch.match.learn`."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Sequence

import numpy as np

from jobmatch.match.parts import PART_PAIRS
from jobmatch.model import RequirementCheck

SEMANTIC_FEATURES = ("sim_overall",) + tuple(f"sim_{a}_{b}" for a, b in PART_PAIRS) + ("sim_passages", "sim_best_passage")
LEXICAL_FEATURES = ("sim_lexical",)
REQUIREMENT_FEATURES = ("coverage", "education", "field", "experience", "experience_ratio", "international",
                        "language", "hard_unmet")
FEATURES = {
    "full": SEMANTIC_FEATURES + LEXICAL_FEATURES + REQUIREMENT_FEATURES,
    "semantic": SEMANTIC_FEATURES,
    "requirements": REQUIREMENT_FEATURES,
}
STATUS_VALUE = {"met": 1.0, "unknown": 0.5, "unmet": 0.0}
NEUTRAL = 0.5  # a feature that does not apply (the notice states no such requirement)


@dataclass(frozen=True)
class Weights:
    """An ordinal logistic model over named features: one logistic regression per grade
    threshold ("grade >= 1", ">= 2", ">= 3"); the score is their mean probability, i.e. the
    expected relevance grade divided by the top grade."""
    thresholds: tuple[tuple[int, float, dict[str, float]], ...]     # (grade, bias, weights)
    means: dict[str, float] | None = None     # feature means on the training pairs: the "typical" pair


    @property
    def names(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(n for _, _, w in self.thresholds for n in w))

    def to_json(self) -> dict:
        data = {"thresholds": [{"grade": g, "bias": b, "weights": w} for g, b, w in self.thresholds]}
        if self.means is not None:
            data["feature_means"] = self.means
        return data

    @classmethod
    def from_json(cls, data: dict) -> "Weights":
        means = data.get("feature_means")
        return cls(thresholds=tuple((int(t["grade"]), float(t["bias"]), {k: float(v) for k, v in t["weights"].items()})
                                    for t in data["thresholds"]),
                   means={k: float(v) for k, v in means.items()} if means else None)


def doc_vector(parts: dict[str, np.ndarray]) -> np.ndarray | None:
    """The unit mean of all passage vectors of a document."""
    rows = [v for v in parts.values() if len(v)]
    if not rows:
        return None
    mean = np.vstack(rows).astype(np.float32, copy=False).mean(axis=0)      # float16 (index) rows summed in float32
    norm = float(np.linalg.norm(mean))
    return mean / norm if norm else None


def part_similarity(query: np.ndarray, target: np.ndarray) -> float | None:
    """Mean over query passages of the best cosine among target passages (unit vectors)."""
    if not len(query) or not len(target):
        return None
    return float((query @ target.T).max(axis=1).mean())


def _all_passages(parts: dict[str, np.ndarray]) -> np.ndarray:
    rows = [v for v in parts.values() if len(v)]
    return np.vstack(rows) if rows else np.zeros((0, 1))


def semantic_features(vacancy_parts: dict[str, np.ndarray], candidate_parts: dict[str, np.ndarray]) -> dict[str, float | None]:
    """Document cosine, part-to-part similarities, and two that ignore the parts (a CV's headings
    may put a duty under "skills"): each vacancy passage's best match anywhere in the CV
    (`sim_passages`) and the single closest pair of passages (`sim_best_passage`)."""
    features: dict[str, float | None] = {}
    a, b = doc_vector(vacancy_parts), doc_vector(candidate_parts)
    features["sim_overall"] = float(a @ b) if a is not None and b is not None else None
    for vacancy_part, candidate_part in PART_PAIRS:
        features[f"sim_{vacancy_part}_{candidate_part}"] = part_similarity(
            vacancy_parts.get(vacancy_part, np.zeros((0, 1))), candidate_parts.get(candidate_part, np.zeros((0, 1))))
    query, target = _all_passages(vacancy_parts), _all_passages(candidate_parts)
    features["sim_passages"] = part_similarity(query, target)
    features["sim_best_passage"] = float((query @ target.T).max()) if len(query) and len(target) else None
    return features


EMPTY = np.zeros((0, 1), dtype=np.float32)


@dataclass(frozen=True)
class Runs:
    """The passages of many documents stacked once: each run of rows is one part of one document
    (documents in order, each one's parts in its order), so a feature of a (document, part) is a
    reduction over a run, done for all runs in one numpy call."""
    matrix: np.ndarray          # (passages, dim) float32
    document: np.ndarray        # run -> index of its document
    part: np.ndarray            # run -> part name
    size: np.ndarray            # run -> rows
    runs_per_document: np.ndarray

    @classmethod
    def of(cls, documents: Sequence[dict[str, np.ndarray]]) -> "Runs":
        blocks, document, part = [], [], []
        for i, parts in enumerate(documents):
            for name, rows in parts.items():
                if len(rows):
                    blocks.append(rows)
                    document.append(i)
                    part.append(name)
        document_index = np.array(document, dtype=np.int64)
        return cls(matrix=np.vstack(blocks).astype(np.float32, copy=False) if blocks else EMPTY,
                   document=document_index, part=np.array(part, dtype=object),
                   size=np.array([len(b) for b in blocks], dtype=np.int64),
                   runs_per_document=np.bincount(document_index, minlength=len(documents)))

    @property
    def starts(self) -> np.ndarray:
        return np.concatenate(([0], np.cumsum(self.size)[:-1])).astype(np.int64)

    def per_run(self, ufunc: np.ufunc, values: np.ndarray) -> np.ndarray:
        """`ufunc` over each run's rows of `values` (one row per passage)."""
        return ufunc.reduceat(values, self.starts, axis=0)

    def per_document(self, ufunc: np.ufunc, values: np.ndarray) -> np.ndarray:
        """`ufunc` over each document's runs of `values` (one row per run); NaN for a document without passages."""
        out = np.full((len(self.runs_per_document),) + values.shape[1:], np.nan)
        filled = self.runs_per_document > 0
        if filled.any():
            starts = np.concatenate(([0], np.cumsum(self.runs_per_document)[:-1]))
            out[filled] = ufunc.reduceat(values, starts[filled], axis=0)
        return out

    def document_sums(self) -> np.ndarray:
        """Each document's sum of passage vectors, as one sparse (documents x passages) product:
        `np.add.reduceat` over the rows of a wide matrix is an order of magnitude slower."""
        from scipy.sparse import csr_matrix

        documents = len(self.runs_per_document)
        owner = np.repeat(self.document, self.size)
        indicator = csr_matrix((np.ones(len(owner), dtype=np.float32), (owner, np.arange(len(owner)))),
                               shape=(documents, len(self.matrix)))
        sums = np.asarray(indicator @ self.matrix)
        sums[self.runs_per_document == 0] = np.nan
        return sums

    def of_part(self, values: np.ndarray, part: str, documents: int) -> np.ndarray:
        """One value per document from the runs of one part (NaN where the document lacks it)."""
        out = np.full((documents,) + values.shape[1:], np.nan)
        chosen = self.part == part
        out[self.document[chosen]] = values[chosen]
        return out


def _unit_rows(rows: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(rows, axis=-1, keepdims=True)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(norms > 0, rows / norms, np.nan)


def _none_if_nan(values: np.ndarray) -> list[float | None]:
    return [None if v != v else v for v in values.tolist()]         # NaN != NaN


SEMANTIC_NAMES = SEMANTIC_FEATURES


def semantic_features_many(vacancies: Sequence[dict[str, np.ndarray]],
                           candidates: Sequence[dict[str, np.ndarray]]) -> list[dict[str, float | None]]:
    """`semantic_features` of many pairs at once with one side fixed: one vacancy and many
    candidates (a recruiter's shortlist) or one candidate and many vacancies (a candidate's
    search). The pool's passages are stacked once and every similarity comes from one matrix
    product and a few reductions over runs, instead of a loop of small products per pair."""
    if len(vacancies) == 1 and len(candidates) != 1:
        columns = _one_vacancy(vacancies[0], candidates)
    elif len(candidates) == 1:
        columns = _one_candidate(vacancies, candidates[0])
    else:
        raise ValueError("semantic_features_many needs one vacancy or one candidate")
    return [dict(zip(SEMANTIC_NAMES, row)) for row in zip(*(_none_if_nan(c) for c in columns))]


def _one_vacancy(vacancy: dict[str, np.ndarray], candidates: Sequence[dict[str, np.ndarray]]) -> list[np.ndarray]:
    n = len(candidates)
    query = Runs.of([vacancy])
    pool = Runs.of(candidates)
    nothing = np.full(n, np.nan)
    if not len(query.matrix) or not len(pool.matrix):
        return [nothing] * len(SEMANTIC_NAMES)
    best = pool.per_run(np.maximum, pool.matrix @ query.matrix.T)        # (runs, vacancy passages)
    vacancy_part = np.repeat(query.part, query.size)                       # vacancy passage -> its part
    pairs = []
    for a, b in PART_PAIRS:
        rows = vacancy_part == a
        pairs.append(pool.of_part(best[:, rows].mean(axis=1), b, n) if rows.any() else nothing)
    anywhere = pool.per_document(np.maximum, best)                         # (candidates, vacancy passages)
    overall = _unit_rows(pool.document_sums()) @ doc_vector(vacancy)
    return [overall, *pairs, anywhere.mean(axis=1), anywhere.max(axis=1)]


def _one_candidate(vacancies: Sequence[dict[str, np.ndarray]], candidate: dict[str, np.ndarray]) -> list[np.ndarray]:
    n = len(vacancies)
    target = Runs.of([candidate])
    pool = Runs.of(vacancies)
    nothing = np.full(n, np.nan)
    if not len(target.matrix) or not len(pool.matrix):
        return [nothing] * len(SEMANTIC_NAMES)
    product = pool.matrix @ target.matrix.T                                 # (vacancy passages, CV passages)
    candidate_part = np.repeat(target.part, target.size)
    pairs = []
    for a, b in PART_PAIRS:
        columns = candidate_part == b
        if not columns.any():
            pairs.append(nothing)
            continue
        mean_best = pool.per_run(np.add, product[:, columns].max(axis=1)) / pool.size
        pairs.append(pool.of_part(mean_best, a, n))
    anywhere = product.max(axis=1)
    sums = pool.per_document(np.add, pool.per_run(np.add, anywhere))
    passages = sums / np.maximum(pool.per_document(np.add, pool.size.astype(float)), 1)
    top = pool.per_document(np.maximum, pool.per_run(np.maximum, anywhere))
    overall = _unit_rows(pool.document_sums()) @ doc_vector(candidate)
    return [overall, *pairs, passages, top]


def requirement_features(checks: list[RequirementCheck], coverage: float | None,
                         min_years: float | None, candidate_years: float) -> dict[str, float | None]:
    by_name: dict[str, list[RequirementCheck]] = {}
    for check in checks:
        by_name.setdefault(check.name, []).append(check)

    def status(name: str) -> float | None:
        found = by_name.get(name)
        return min(STATUS_VALUE[c.status] for c in found) if found else None

    ratio = None
    if min_years:
        ratio = min(candidate_years / min_years, 2.0) / 2.0
    return {
        "coverage": coverage,
        "education": status("education"),
        "field": status("field"),
        "experience": status("experience"),
        "experience_ratio": ratio,
        "international": status("international_experience"),
        "language": status("language"),
        "hard_unmet": float(sum(c.hard and c.status == "unmet" for c in checks)),
    }


def feature_vector(features: dict[str, float | None], names: tuple[str, ...]) -> np.ndarray:
    """Features in a fixed order; one that does not apply takes the neutral value."""
    return np.array([NEUTRAL if features.get(n) is None else float(features[n]) for n in names], dtype=np.float64)


def combine(features: dict[str, float | None], weights: Weights) -> tuple[float, dict[str, float]]:
    """Score in (0, 1) and each feature's contribution to it, in logit units averaged over the
    thresholds: weight x (value - the feature's mean on training pairs), so a contribution says
    how much this pair's value moved the score away from a typical pair's (positive helped)."""
    contributions = {name: 0.0 for name in weights.names}
    means = weights.means or {}
    probabilities = []
    for _, bias, feature_weights in weights.thresholds:
        logit = bias
        for name, weight in feature_weights.items():
            value = features.get(name)
            value = NEUTRAL if value is None else float(value)
            logit += weight * value
            contributions[name] += weight * (value - means.get(name, 0.0)) / len(weights.thresholds)
        probabilities.append(1.0 / (1.0 + math.exp(-max(-60.0, min(60.0, logit)))))
    return sum(probabilities) / len(probabilities), contributions


def score_many(rows: Sequence[dict[str, float | None]], weights: Weights) -> np.ndarray:
    """`combine`'s score of many pairs in one matrix product per grade threshold (no
    contributions: those are made only for the results returned)."""
    names = weights.names
    if not rows:
        return np.zeros(0)
    if not weights.thresholds:
        return np.full(len(rows), 0.5)
    x = np.array([[NEUTRAL if r.get(n) is None else float(r[n]) for n in names] for r in rows], dtype=np.float64)
    probabilities = []
    for _, bias, feature_weights in weights.thresholds:
        logit = bias + x @ np.array([feature_weights.get(n, 0.0) for n in names])
        probabilities.append(1.0 / (1.0 + np.exp(-np.clip(logit, -60.0, 60.0))))
    return np.mean(probabilities, axis=0)


def is_eligible(checks: list[RequirementCheck]) -> bool:
    """Eligible unless a hard requirement is clearly unmet (unknown is not a failure)."""
    return not any(c.hard and c.status == "unmet" for c in checks)
