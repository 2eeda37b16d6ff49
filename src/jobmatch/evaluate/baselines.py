"""Baselines that any matcher must beat: seeded random, BM25 and TF-IDF cosine over the raw text."""

from __future__ import annotations

import zlib
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from jobmatch.evaluate.dataset import EvalDocument
from jobmatch.evaluate.systems import TrainingData


def _analyzer():
    # One tokenizer for both lexical baselines: sklearn's word analyzer, accents folded so that
    # "expérience" and "experience" meet in the French and Spanish documents.
    from sklearn.feature_extraction.text import TfidfVectorizer
    return TfidfVectorizer(lowercase=True, strip_accents="unicode").build_analyzer()


@dataclass
class RandomSystem:
    """A uniformly random order, seeded per query so that each run gives the same numbers."""

    seed: int
    name: str = "random"

    def fit(self, train: TrainingData) -> None:
        return None

    def rank(self, direction: str, query: EvalDocument, pool: Sequence[EvalDocument]) -> dict[str, float]:
        rng = np.random.default_rng([self.seed, zlib.crc32(f"{direction}:{query.id}".encode())])
        return {d.id: float(s) for d, s in zip(pool, rng.random(len(pool)))}


@dataclass
class BM25System:
    """Okapi BM25 (rank-bm25) of the query document's words against each pool document."""

    name: str = "bm25"
    _indexes: dict[tuple[str, ...], object] = field(default_factory=dict)

    def fit(self, train: TrainingData) -> None:
        return None

    def rank(self, direction: str, query: EvalDocument, pool: Sequence[EvalDocument]) -> dict[str, float]:
        from rank_bm25 import BM25Okapi

        analyze = _analyzer()
        key = tuple(d.id for d in pool)
        if key not in self._indexes:
            self._indexes[key] = BM25Okapi([analyze(d.text) for d in pool])
        scores = self._indexes[key].get_scores(analyze(query.text))
        return {d.id: float(s) for d, s in zip(pool, scores)}


@dataclass
class TfidfSystem:
    """Cosine similarity of TF-IDF vectors (scikit-learn), IDF taken from the pool being searched."""

    name: str = "tfidf"
    _models: dict[tuple[str, ...], tuple[object, object]] = field(default_factory=dict)

    def fit(self, train: TrainingData) -> None:
        return None

    def rank(self, direction: str, query: EvalDocument, pool: Sequence[EvalDocument]) -> dict[str, float]:
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.metrics.pairwise import linear_kernel

        key = tuple(d.id for d in pool)
        if key not in self._models:
            vectorizer = TfidfVectorizer(sublinear_tf=True, strip_accents="unicode")
            self._models[key] = (vectorizer, vectorizer.fit_transform([d.text for d in pool]))
        vectorizer, matrix = self._models[key]
        scores = linear_kernel(vectorizer.transform([query.text]), matrix)[0]
        return {d.id: float(s) for d, s in zip(pool, scores)}
