"""The matcher: encode parts, check requirements, score and explain, in both directions."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Sequence

import numpy as np

from jobmatch.errors import ConfigError
from jobmatch.match.checks import eligibility_checks, requirement_checks
from jobmatch.match.competencies import competency_coverage, competency_evidence, required_entries
from jobmatch.match.documents import document_spans
from jobmatch.match.explain import explain
from jobmatch.match.lexical import IDF_FILE, Idf, lexical_similarity, shared_terms, weighted_terms
from jobmatch.match.parts import candidate_parts, vacancy_parts
from jobmatch.match.scoring import (FEATURES, Weights, combine, is_eligible, requirement_features, score_many,
                                    semantic_features, semantic_features_many)
from jobmatch.match.settings import MatchSettings
from jobmatch.model import Candidate, Match, Profile, Vacancy

Encoded = dict[str, np.ndarray]
WEIGHTS_FILE = "match_weights.json"
TERMS_CACHE = 4096          # texts whose weighted terms a matcher remembers


@lru_cache(maxsize=1)
def _blas_controller():
    from threadpoolctl import ThreadpoolController

    return ThreadpoolController()


def one_blas_thread():
    """A context with numpy's BLAS on one thread. A shortlist's products are small (a few query
    passages against a few thousand), and BLAS threads that spin while they wait cost more than
    they save: re-scoring 252 CVs took 106 ms wall with the default threads and 58 ms with one on
    the shared 2-core machine (load 2)."""
    return _blas_controller().limit(limits=1, user_api="blas")


def default_weights_path(settings: MatchSettings) -> Path | None:
    """The weights file in use: the settings', else the one a query model folder ships beside its
    vectors (fitted on features made with its queries), else None (the packaged weights)."""
    if settings.weights_path is not None or not settings.separate_query_model or settings.mode == "requirements":
        return settings.weights_path
    from jobmatch.match.encoder import resolve_model_path

    beside = resolve_model_path(settings.query_model) / WEIGHTS_FILE
    return beside if beside.is_file() else None


def load_weights(settings: MatchSettings) -> Weights:
    """The weights of the settings' mode, from the settings' file or the packaged one."""
    path = default_weights_path(settings)
    try:
        if path is not None:
            data = json.loads(path.read_text("utf-8"))
        else:
            data = json.loads(resources.files("jobmatch.data").joinpath("match_weights.json").read_text("utf-8"))
        return Weights.from_json(data["modes"][settings.mode])
    except (OSError, ValueError, KeyError) as exc:
        where = path or "jobmatch/data/match_weights.json"
        raise ConfigError(f"cannot read match weights for mode {settings.mode!r} from {where}: {exc}") from None


class Matcher:
    """Ranks candidates for a vacancy (recruiters) and vacancies for a candidate (candidates)."""

    def __init__(self, settings: MatchSettings | None = None, weights: Weights | None = None):
        self.settings = settings or MatchSettings.from_env()
        self.weights = weights or load_weights(self.settings)
        self._encoder = None
        self._query_encoder = None
        self._idf = None
        self._terms: dict[str, dict[str, float]] = {}
        self._last_vacancy: tuple | None = None          # (vacancy, its requirements, their prepared side)

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
    def query_encoder(self):
        """The encoder of queries: the documents' own, or a model that declares their vector space
        (`MatchSettings.query_model`); one that does not is refused, since its vectors could not be
        compared with the documents'."""
        if not self.settings.separate_query_model:
            return self.encoder
        if self._query_encoder is None:
            from jobmatch.match.encoder import Encoder, vector_space
            from jobmatch.match.settings import vector_model_name

            query, documents = self.settings.query_model, self.settings.vector_model
            space = vector_space(query)
            if vector_model_name(space, False) != documents:
                raise ConfigError(f"query model {query!r} encodes into the space of {space!r}, but documents are "
                                  f"encoded by {documents!r}: set JOBMATCH_QUERY_MODEL to a model fitted to "
                                  f"{documents!r} (`jobmatch match fit-query-model`) or unset it")
            # no embedding cache: a static query costs about as much as a cache look-up, and a
            # model refitted under the same name must never be served its old vectors
            self._query_encoder = Encoder(query, None, threads=self.settings.encoder_threads,
                                          query_threads=self.settings.query_threads)
        return self._query_encoder

    @property
    def idf(self) -> Idf:
        """IDF weights beside the weights file in use (both come from `jobmatch match fit`)."""
        if self._idf is None:
            path = default_weights_path(self.settings)
            self._idf = Idf.load(path.parent / IDF_FILE if path is not None and (path.parent / IDF_FILE).exists() else None)
        return self._idf

    def terms(self, text: str) -> dict[str, float]:
        """Weighted terms of a text, remembered: a candidate's search weighs each notice's text
        once, not once per CV (the cache is bounded; an index keeps the terms anyway)."""
        if text not in self._terms:
            if len(self._terms) >= TERMS_CACHE:
                self._terms.clear()
            self._terms[text] = weighted_terms(text, self.idf)
        return self._terms[text]

    def item_terms(self, item: Vacancy | Candidate) -> dict[str, float]:
        """The weighted terms an index kept, or those of the document's text."""
        if item.terms:
            return item.terms
        return self.terms(item.document.text) if item.document is not None and item.document.text else {}

    # -- encoding ---------------------------------------------------------------------------
    def encode_parts(self, parts: dict[str, list[str]]) -> Encoded:
        """One matrix of unit passage vectors per part, encoded in one batch."""
        return self.encode_many([parts])[0]

    def encode_many(self, documents: list[dict[str, list[str]]], encoder=None) -> list[Encoded]:
        """Passage vectors of many documents in one encoder call (bigger batches run faster)."""
        if not self.uses_embeddings:
            return [{} for _ in documents]
        texts = [t for parts in documents for passages in parts.values() for t in passages]
        vectors = (encoder or self.encoder).encode(texts)
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

    def encode_query(self, item: Vacancy | Candidate) -> Encoded:
        """A query's passage vectors (a vacancy ranking CVs, a CV searching openings), by the
        query encoder: used for the index search and for re-scoring the shortlist alike."""
        parts = vacancy_parts(item) if isinstance(item, Vacancy) else candidate_parts(item)
        return self.encode_many([parts], encoder=self.query_encoder)[0]

    # -- scoring ----------------------------------------------------------------------------
    def features(self, vacancy: Vacancy, candidate: Candidate, vacancy_vectors: Encoded | None,
                 candidate_vectors: Encoded | None, vacancy_terms: dict | None = None,
                 candidate_terms: dict | None = None) -> tuple[dict, list, dict]:
        """(features, requirement checks, competency coverage) of one pair; terms are computed
        from the texts when not given."""
        features, checks, coverage = self._pool_features(
            [vacancy], [candidate], [vacancy_vectors], [candidate_vectors],
            [vacancy_terms if vacancy_terms is not None else self.item_terms(vacancy)],
            [candidate_terms if candidate_terms is not None else self.item_terms(candidate)])
        return features[0], checks[0], coverage[0]

    def _pool_features(self, vacancies: Sequence[Vacancy], candidates: Sequence[Candidate],
                       vacancy_vectors: Sequence[Encoded | None], candidate_vectors: Sequence[Encoded | None],
                       vacancy_terms: Sequence[dict], candidate_terms: Sequence[dict]) -> tuple[list, list, list]:
        """Features, checks and coverage of the pairs of one vacancy with many candidates, or of
        one candidate with many vacancies (the shorter list has one item and is broadcast). The
        fixed side is prepared once (its programme rules, required competencies, passages) and
        the passage similarities of the whole pool come from `semantic_features_many`."""
        pairs = max(len(vacancies), len(candidates))

        def each(items: Sequence) -> Sequence:
            return items if len(items) == pairs else [items[0]] * pairs

        evidence: dict[int, dict] = {}                     # id(candidate) -> competency evidence
        rows, all_checks, coverages = [], [], []
        for vacancy, candidate in zip(each(vacancies), each(candidates)):
            if id(candidate) not in evidence:
                evidence[id(candidate)] = competency_evidence(document_spans(candidate))
            rules, required = self._vacancy_side(vacancy)
            checks = requirement_checks(vacancy.requirements, candidate.profile, rules=rules)
            coverage = competency_coverage(vacancy.requirements, candidate.profile.competencies, [],
                                           required=required, evidence=evidence[id(candidate)])
            rows.append(requirement_features(checks, coverage["coverage"], vacancy.requirements.experience.min_years,
                                             candidate.profile.total_years))
            all_checks.append(checks)
            coverages.append(coverage)
        if self.uses_embeddings and all(v is not None for v in vacancy_vectors) and all(v is not None for v in candidate_vectors):
            many = (semantic_features_many(vacancy_vectors, candidate_vectors) if pairs > 1
                    else [semantic_features(vacancy_vectors[0], candidate_vectors[0])])
            for row, semantic in zip(rows, many):
                row.update(semantic)
        if self.settings.mode == "full":
            for row, a, b in zip(rows, each(vacancy_terms), each(candidate_terms)):
                row["sim_lexical"] = lexical_similarity(a, b)
        return rows, all_checks, coverages

    def _vacancy_side(self, vacancy: Vacancy) -> tuple[list, list]:
        """A notice's programme rules (as reported) and required competencies (with their names):
        they do not depend on the CV, so they are made once per vacancy, and remembered for the
        last vacancy so that pairs scored one by one (`match` in a loop) share them too."""
        last = self._last_vacancy
        if last is None or last[0] is not vacancy or last[1] is not vacancy.requirements:
            side = (eligibility_checks(vacancy.requirements.eligibility, Profile()), required_entries(vacancy.requirements))
            self._last_vacancy = last = (vacancy, vacancy.requirements, side)
        return last[2]

    def _result(self, features: dict, checks: list, coverage: dict, result_id: str,
                vacancy_terms: dict | None = None, candidate_terms: dict | None = None) -> Match:
        """A scored pair with its explanation (made only for the results returned)."""
        used = {k: features.get(k) for k in FEATURES[self.settings.mode]}
        score, contributions = combine(used, self.weights)
        eligible = is_eligible(checks)
        shared = shared_terms(vacancy_terms or {}, candidate_terms or {}) if "sim_lexical" in used else []
        return Match(id=result_id, score=round(score, 6), eligible=eligible, requirements=checks,
                     competencies=coverage,
                     explanation=explain(score, eligible, checks, coverage, used, contributions, shared),
                     score_parts={"mode": self.settings.mode, "features": used,
                                  "contributions": {k: round(v, 4) for k, v in contributions.items()},
                                  "shared_terms": shared,
                                  "grade_thresholds": [g for g, _, _ in self.weights.thresholds]})

    def match(self, vacancy: Vacancy, candidate: Candidate, vacancy_vectors: Encoded | None = None,
              candidate_vectors: Encoded | None = None, result_id: str | None = None,
              vacancy_terms: dict | None = None, candidate_terms: dict | None = None) -> Match:
        """Score one pair and say why."""
        vacancy_terms = vacancy_terms if vacancy_terms is not None else self.item_terms(vacancy)
        candidate_terms = candidate_terms if candidate_terms is not None else self.item_terms(candidate)
        features, checks, coverage = self.features(vacancy, candidate, vacancy_vectors, candidate_vectors,
                                                   vacancy_terms, candidate_terms)
        return self._result(features, checks, coverage, result_id or candidate.id, vacancy_terms, candidate_terms)

    def _rank(self, vacancies: Sequence[Vacancy], candidates: Sequence[Candidate], vacancy_vectors: Sequence,
              candidate_vectors: Sequence, top: int | None, recruiter: bool) -> list[Match]:
        """Score the whole pool with one matrix product per grade threshold, then build the full
        result (contributions, explanation) only for the `top` returned."""
        wants_terms = self.settings.mode == "full"
        vacancy_terms = [self.item_terms(v) if wants_terms else {} for v in vacancies]
        candidate_terms = [self.item_terms(c) if wants_terms else {} for c in candidates]
        with one_blas_thread():
            rows, checks, coverages = self._pool_features(vacancies, candidates, vacancy_vectors, candidate_vectors,
                                                          vacancy_terms, candidate_terms)
            scores = np.round(score_many(rows, self.weights), 6).tolist()
        pool = candidates if recruiter else vacancies
        order = sorted(range(len(pool)), key=lambda i: (-scores[i], pool[i].id))
        if self.settings.strict:
            order = [i for i in order if is_eligible(checks[i])]
        order = order[:top] if top else order

        def terms(side: list, i: int) -> dict:
            return side[i] if len(side) > 1 else side[0]
        return [self._result(rows[i], checks[i], coverages[i], pool[i].id, terms(vacancy_terms, i), terms(candidate_terms, i))
                for i in order]

    def rank_candidates(self, vacancy: Vacancy, candidates: Sequence[Candidate], top: int | None = None,
                        candidate_vectors: Sequence[Encoded] | None = None,
                        vacancy_vectors: Encoded | None = None) -> list[Match]:
        """Recruiter view: candidates for one vacancy, best first (the vacancy is encoded unless
        its vectors are given, e.g. already encoded for the index search)."""
        if not candidates:
            return []
        if vacancy_vectors is None and self.uses_embeddings:
            vacancy_vectors = self.encode_query(vacancy)
        if candidate_vectors is None:
            candidate_vectors = [self.encode_candidate(c) for c in candidates] if self.uses_embeddings else [None] * len(candidates)
        return self._rank([vacancy], list(candidates), [vacancy_vectors], list(candidate_vectors), top, recruiter=True)

    def rank_vacancies(self, candidate: Candidate, vacancies: Sequence[Vacancy], top: int | None = None,
                       vacancy_vectors: Sequence[Encoded] | None = None,
                       candidate_vectors: Encoded | None = None) -> list[Match]:
        """Candidate view: openings for one CV, best first; each result says what the CV lacks."""
        if not vacancies:
            return []
        if candidate_vectors is None and self.uses_embeddings:
            candidate_vectors = self.encode_query(candidate)
        if vacancy_vectors is None:
            vacancy_vectors = [self.encode_vacancy(v) for v in vacancies] if self.uses_embeddings else [None] * len(vacancies)
        return self._rank(list(vacancies), [candidate], list(vacancy_vectors), [candidate_vectors], top, recruiter=False)
