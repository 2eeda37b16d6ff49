"""Pure scoring: features of a (vacancy, candidate) pair and their weighted combination.

A score is a logistic combination of named features, so each result can say how much each part
(semantic similarity, competencies, each requirement) added. Weights are data
(`jobmatch/data/match_weights.json`), learned on the corpus train split by `jobmatch.match.learn`."""

from __future__ import annotations

import math
from dataclasses import dataclass

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
    mean = np.vstack(rows).mean(axis=0)
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


def is_eligible(checks: list[RequirementCheck]) -> bool:
    """Eligible unless a hard requirement is clearly unmet (unknown is not a failure)."""
    return not any(c.hard and c.status == "unmet" for c in checks)
