"""Ranking systems behind one protocol, so baselines and jobmatch are run and scored alike.

A system scores the candidate documents of a pool for a query document in a direction:
"recruiter" (a notice ranks CVs) or "candidate" (a CV ranks notices)."""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Protocol, runtime_checkable

from jobmatch.corpus.loader import Judgment
from jobmatch.evaluate.dataset import EvalDocument

DIRECTIONS = ("recruiter", "candidate")
JOBMATCH_MODES = {"embeddings-only": "semantic", "requirements-only": "requirements", "jobmatch": "full"}


@dataclass
class TrainingData:
    """What a system may learn from: the train split's documents and judgments, never the test split."""

    notices: list[EvalDocument]
    cvs: list[EvalDocument]
    judgments: list[Judgment]


@runtime_checkable
class RankingSystem(Protocol):
    name: str

    def fit(self, train: TrainingData) -> None:
        """Learn from the train split (most baselines learn nothing)."""

    def rank(self, direction: str, query: EvalDocument, pool: Sequence[EvalDocument]) -> dict[str, float]:
        """Scores of the pool's documents for the query, higher is better."""


@dataclass
class SystemUnavailable:
    """A named system that cannot run here, with the reason the report prints."""

    name: str
    reason: str


@dataclass
class JobmatchSystem:
    """Adapter over `jobmatch.match.Matcher` in one of its modes (full, semantic, requirements)."""

    name: str
    mode: str
    embedding_cache: Path | None = None
    matcher: object = None
    eligible: dict[tuple[str, str, str], bool] = field(default_factory=dict)
    scores: dict[tuple[str, str, str], float] = field(default_factory=dict)
    _entities: dict[str, object] = field(default_factory=dict)
    _vectors: dict[str, object] = field(default_factory=dict)

    def __post_init__(self) -> None:
        from jobmatch.match import Matcher, MatchSettings
        # The harness hands a fresh cache per run unless told otherwise, so that encoding speed is
        # measured cold and a query document encoded once is not encoded again for every query.
        # The model, weights and threads come from the environment, as for `jobmatch rank`, so that
        # JOBMATCH_EMBEDDING_MODEL=... jobmatch eval measures that model.
        settings = replace(MatchSettings.from_env(mode=self.mode), cache_path=self.embedding_cache)
        self.matcher = Matcher(settings)

    @property
    def uses_embeddings(self) -> bool:
        return bool(getattr(self.matcher, "uses_embeddings", False))

    def prepare(self, documents: Sequence[EvalDocument], shared_vectors: dict) -> dict:
        """Build the matcher's Vacancy/Candidate of each document and encode it once; vectors are
        shared between systems with the same embedding model. Returns the speed figures."""
        started = time.perf_counter()
        for doc in documents:
            self._entity(doc)
        converted = time.perf_counter()
        figures = {"documents": len(documents), "to_model_docs_per_s": len(documents) / max(1e-9, converted - started)}
        if self.uses_embeddings:
            model = self.matcher.settings.embedding_model
            fresh = [d for d in documents if (model, d.id) not in shared_vectors]
            for doc in fresh:
                entity = self._entity(doc)
                encode = self.matcher.encode_vacancy if doc.kind == "notice" else self.matcher.encode_candidate
                shared_vectors[(model, doc.id)] = encode(entity)
            self._vectors = {d.id: shared_vectors[(model, d.id)] for d in documents}
            if fresh:
                seconds = time.perf_counter() - converted
                figures.update({"encoded_documents": len(fresh), "encode_s": seconds,
                                "encode_docs_per_s": len(fresh) / max(1e-9, seconds), "embedding_model": model})
        return figures

    def _entity(self, doc: EvalDocument):
        """The matcher's Vacancy or Candidate, built once from the extraction the harness made."""
        if doc.id not in self._entities:
            from jobmatch.match import candidate_from_document, vacancy_from_document
            convert = vacancy_from_document if doc.kind == "notice" else candidate_from_document
            self._entities[doc.id] = convert(doc.document, extraction=doc.extraction)
        return self._entities[doc.id]

    @property
    def learns(self) -> bool:
        """The matcher may ship weights learned offline (`jobmatch match fit`) and have no `fit`."""
        return callable(getattr(self.matcher, "fit", None))

    def fit(self, train: TrainingData) -> None:
        fit = getattr(self.matcher, "fit", None)
        if fit is not None:
            fit([self._entity(d) for d in train.notices], [self._entity(d) for d in train.cvs], train.judgments)

    def rank(self, direction: str, query: EvalDocument, pool: Sequence[EvalDocument]) -> dict[str, float]:
        entities = [self._entity(d) for d in pool]
        vectors = [self._vectors[d.id] for d in pool] if self._vectors else None
        if direction == "recruiter":
            matches = self.matcher.rank_candidates(self._entity(query), entities, candidate_vectors=vectors)
        else:
            matches = self.matcher.rank_vacancies(self._entity(query), entities, vacancy_vectors=vectors)
        for match in matches:
            self.eligible[(direction, query.id, match.id)] = bool(match.eligible)
            self.scores[(direction, query.id, match.id)] = float(match.score)
        # The matcher's order is the ranking (it may put eligible candidates first), so the
        # run gets scores that reproduce that order rather than the raw Match.score.
        return {match.id: float(len(matches) - i) for i, match in enumerate(matches)}


def jobmatch_systems(embedding_cache: Path | None = None) -> list[JobmatchSystem | SystemUnavailable]:
    """The three jobmatch configurations, or why they cannot run (never a stand-in)."""
    systems: list[JobmatchSystem | SystemUnavailable] = []
    for name, mode in JOBMATCH_MODES.items():
        try:
            systems.append(JobmatchSystem(name, mode, embedding_cache))
        except Exception as exc:  # noqa: BLE001 - any failure to build the matcher is reported as such
            systems.append(SystemUnavailable(name, f"not available: {type(exc).__name__}: {exc}"))
    return systems


def build_systems(seed: int, embedding_cache: Path | None = None) -> list[RankingSystem | SystemUnavailable]:
    from jobmatch.evaluate.baselines import BM25System, RandomSystem, TfidfSystem
    return [RandomSystem(seed), BM25System(), TfidfSystem(), *jobmatch_systems(embedding_cache)]
