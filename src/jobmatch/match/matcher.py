"""The matcher: encode parts, check requirements, score and explain, in both directions."""

from __future__ import annotations

import json
from importlib import resources
from typing import Sequence

import numpy as np

from jobmatch.errors import ConfigError
from jobmatch.match.checks import requirement_checks
from jobmatch.match.competencies import competency_coverage
from jobmatch.match.documents import document_spans
from jobmatch.match.explain import explain
from jobmatch.match.lexical import IDF_FILE, Idf, lexical_similarity, weighted_terms
from jobmatch.match.parts import candidate_parts, vacancy_parts
from jobmatch.match.scoring import FEATURES, Weights, combine, is_eligible, requirement_features, semantic_features
from jobmatch.match.settings import MatchSettings
from jobmatch.model import Candidate, Match, Vacancy

Encoded = dict[str, np.ndarray]


def load_weights(settings: MatchSettings) -> Weights:
    """The weights of the settings' mode, from the settings' file or the packaged one."""
    try:
        if settings.weights_path is not None:
            data = json.loads(settings.weights_path.read_text("utf-8"))
        else:
            data = json.loads(resources.files("jobmatch.data").joinpath("match_weights.json").read_text("utf-8"))
        return Weights.from_json(data["modes"][settings.mode])
    except (OSError, ValueError, KeyError) as exc:
        where = settings.weights_path or "jobmatch/data/match_weights.json"
        raise ConfigError(f"cannot read match weights for mode {settings.mode!r} from {where}: {exc}") from None


class Matcher:
    """Ranks candidates for a vacancy (recruiters) and vacancies for a candidate (candidates)."""

    def __init__(self, settings: MatchSettings | None = None, weights: Weights | None = None):
        self.settings = settings or MatchSettings.from_env()
        self.weights = weights or load_weights(self.settings)
        self._encoder = None
        self._idf = None

    @property
    def uses_embeddings(self) -> bool:
        return self.settings.mode != "requirements"

    @property
    def encoder(self):
        if self._encoder is None:
            from jobmatch.match.encoder import Encoder
            self._encoder = Encoder(self.settings.embedding_model, self.settings.cache_path,
                                    threads=self.settings.encoder_threads, query_threads=self.settings.query_threads,
                                    quantize=self.settings.quantize_encoder)
        return self._encoder

    @property
    def idf(self) -> Idf:
        """IDF weights beside the weights file in use (both come from `jobmatch match fit`)."""
        if self._idf is None:
            path = self.settings.weights_path
            self._idf = Idf.load(path.parent / IDF_FILE if path is not None and (path.parent / IDF_FILE).exists() else None)
        return self._idf

    def terms(self, text: str) -> dict[str, float]:
        return weighted_terms(text, self.idf)

    def item_terms(self, item: Vacancy | Candidate) -> dict[str, float]:
        """The weighted terms an index kept, or those of the document's text."""
        if item.terms:
            return item.terms
        return self.terms(item.document.text) if item.document is not None and item.document.text else {}

    # -- encoding ---------------------------------------------------------------------------
    def encode_parts(self, parts: dict[str, list[str]]) -> Encoded:
        """One matrix of unit passage vectors per part, encoded in one batch."""
        return self.encode_many([parts])[0]

    def encode_many(self, documents: list[dict[str, list[str]]]) -> list[Encoded]:
        """Passage vectors of many documents in one encoder call (bigger batches run faster)."""
        if not self.uses_embeddings:
            return [{} for _ in documents]
        texts = [t for parts in documents for passages in parts.values() for t in passages]
        vectors = self.encoder.encode(texts)
        encoded, row = [], 0
        for parts in documents:
            item = {}
            for name, passages in parts.items():
                item[name] = vectors[row:row + len(passages)]
                row += len(passages)
            encoded.append(item)
        return encoded

    def encode_vacancy(self, vacancy: Vacancy) -> Encoded:
        return self.encode_parts(vacancy_parts(vacancy))

    def encode_candidate(self, candidate: Candidate) -> Encoded:
        return self.encode_parts(candidate_parts(candidate))

    # -- scoring ----------------------------------------------------------------------------
    def features(self, vacancy: Vacancy, candidate: Candidate, vacancy_vectors: Encoded | None,
                 candidate_vectors: Encoded | None, vacancy_terms: dict | None = None,
                 candidate_terms: dict | None = None) -> tuple[dict, list, dict]:
        """(features, requirement checks, competency coverage) of one pair; terms are computed
        from the texts when not given."""
        checks = requirement_checks(vacancy.requirements, candidate.profile)
        coverage = competency_coverage(vacancy.requirements, candidate.profile.competencies, document_spans(candidate))
        features = requirement_features(checks, coverage["coverage"], vacancy.requirements.experience.min_years,
                                        candidate.profile.total_years)
        if self.uses_embeddings and vacancy_vectors is not None and candidate_vectors is not None:
            features.update(semantic_features(vacancy_vectors, candidate_vectors))
        if self.settings.mode == "full":
            features["sim_lexical"] = lexical_similarity(
                vacancy_terms if vacancy_terms is not None else self.item_terms(vacancy),
                candidate_terms if candidate_terms is not None else self.item_terms(candidate))
        return features, checks, coverage

    def match(self, vacancy: Vacancy, candidate: Candidate, vacancy_vectors: Encoded | None = None,
              candidate_vectors: Encoded | None = None, result_id: str | None = None,
              vacancy_terms: dict | None = None, candidate_terms: dict | None = None) -> Match:
        """Score one pair and say why."""
        features, checks, coverage = self.features(vacancy, candidate, vacancy_vectors, candidate_vectors,
                                                   vacancy_terms, candidate_terms)
        wanted = FEATURES[self.settings.mode]
        used = {k: features.get(k) for k in wanted}
        score, contributions = combine(used, self.weights)
        eligible = is_eligible(checks)
        return Match(id=result_id or candidate.id, score=round(score, 6), eligible=eligible, requirements=checks,
                     competencies=coverage,
                     explanation=explain(score, eligible, checks, coverage, used, contributions),
                     score_parts={"mode": self.settings.mode, "features": used,
                                  "contributions": {k: round(v, 4) for k, v in contributions.items()},
                                  "grade_thresholds": [g for g, _, _ in self.weights.thresholds]})

    def _finish(self, matches: list[Match], top: int | None) -> list[Match]:
        if self.settings.strict:
            matches = [m for m in matches if m.eligible]
        matches.sort(key=lambda m: (-m.score, m.id))
        return matches[:top] if top else matches

    def rank_candidates(self, vacancy: Vacancy, candidates: Sequence[Candidate], top: int | None = None,
                        candidate_vectors: Sequence[Encoded] | None = None,
                        vacancy_vectors: Encoded | None = None) -> list[Match]:
        """Recruiter view: candidates for one vacancy, best first (the vacancy is encoded unless
        its vectors are given, e.g. already encoded for the index search)."""
        if vacancy_vectors is None and self.uses_embeddings:
            vacancy_vectors = self.encode_vacancy(vacancy)
        if candidate_vectors is None:
            candidate_vectors = [self.encode_candidate(c) for c in candidates] if self.uses_embeddings else [None] * len(candidates)
        terms = self.item_terms(vacancy) if self.settings.mode == "full" else {}
        matches = [self.match(vacancy, c, vacancy_vectors, v, vacancy_terms=terms)
                   for c, v in zip(candidates, candidate_vectors)]
        return self._finish(matches, top)

    def rank_vacancies(self, candidate: Candidate, vacancies: Sequence[Vacancy], top: int | None = None,
                       vacancy_vectors: Sequence[Encoded] | None = None,
                       candidate_vectors: Encoded | None = None) -> list[Match]:
        """Candidate view: openings for one CV, best first; each result says what the CV lacks."""
        if candidate_vectors is None and self.uses_embeddings:
            candidate_vectors = self.encode_candidate(candidate)
        if vacancy_vectors is None:
            vacancy_vectors = [self.encode_vacancy(v) for v in vacancies] if self.uses_embeddings else [None] * len(vacancies)
        terms = self.item_terms(candidate) if self.settings.mode == "full" else {}
        matches = [self.match(v, candidate, vv, candidate_vectors, result_id=v.id, candidate_terms=terms)
                   for v, vv in zip(vacancies, vacancy_vectors)]
        return self._finish(matches, top)
