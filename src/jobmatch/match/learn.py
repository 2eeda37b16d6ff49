"""Learning the scoring weights from graded judgments (never from the test split).

Every (notice, CV) pair of the split (a pair nobody judged counts as grade 0, as in the
evaluation) becomes one row of features; for each scoring mode an
ordinal model (a logistic regression per grade threshold) learns how features move the grade."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from jobmatch.match.lexical import IDF_FILE, Idf
from jobmatch.match.scoring import FEATURES, Weights, feature_vector
from jobmatch.match.settings import MatchSettings

RELEVANT_GRADE = 2
GRADE_THRESHOLDS = (1, 2, 3)
# chosen on the dev split and by leave-one-job-family-out on train (0.3, 1, 3, 10 tried)
REGULARISATION_C = 1.0


def pair_features(corpus, split: str, settings: MatchSettings, idf: Idf | None = None) -> tuple[list[dict], list[int]]:
    """Features and grades of every (notice, CV) pair of the split, a pair nobody judged being
    grade 0: the matcher ranks a whole pool, so it learns from the same mix of pairs it will
    rank (the judged pairs alone are mostly one job family, and all but unrelated CVs are rare)."""
    from jobmatch.extract import extract_documents
    from jobmatch.match.documents import candidate_from_document, vacancy_from_document
    from jobmatch.match.matcher import Matcher
    from jobmatch.readers import read_document

    # features only: no weights are needed (and the ones on disk may be the ones being replaced)
    matcher = Matcher(MatchSettings(**{**settings.__dict__, "mode": "full"}), weights=Weights(thresholds=()))
    if idf is not None:
        matcher._idf = idf
    qrels = corpus.qrels("recruiter", split)
    items, vectors, terms = {}, {}, {}
    for kind, convert in (("notice", vacancy_from_document), ("cv", candidate_from_document)):
        ids = corpus.ids(kind, split)
        documents = [read_document(corpus.documents[i].path) for i in ids]
        for doc_id, document, extraction in zip(ids, documents, extract_documents(documents, kind, settings.reference_date)):
            items[doc_id] = convert(document, extraction)
            terms[doc_id] = matcher.item_terms(items[doc_id])
        encode = matcher.encode_vacancy if kind == "notice" else matcher.encode_candidate
        vectors.update((i, encode(items[i])) for i in ids)
    # with a query model, the query side of a pair is encoded by it and the other by the document
    # model: a notice is the query of a recruiter, a CV the query of a candidate, so every pair
    # is a row once per direction (one set of weights serves both)
    directions = [(vectors, vectors)]
    if settings.separate_query_model:
        queries = {i: matcher.encode_query(item) for i, item in items.items()}
        directions = [(queries, vectors), (vectors, queries)]
    rows, grades = [], []
    for notice_vectors, cv_vectors in directions:
        for notice in corpus.ids("notice", split):
            for cv in corpus.ids("cv", split):
                features, _, _ = matcher.features(items[notice], items[cv], notice_vectors[notice], cv_vectors[cv],
                                                  vacancy_terms=terms[notice], candidate_terms=terms[cv])
                rows.append(features)
                grades.append(qrels.get(notice, {}).get(cv, 0))
    return rows, grades


def fit_mode(rows: list[dict], grades: list[int], names: tuple[str, ...], c: float = REGULARISATION_C) -> Weights:
    """One logistic regression of "grade >= t" on the named features per threshold t."""
    from sklearn.linear_model import LogisticRegression

    x = np.vstack([feature_vector(r, names) for r in rows])
    thresholds = []
    for threshold in GRADE_THRESHOLDS:
        y = np.array([g >= threshold for g in grades], dtype=int)
        model = LogisticRegression(C=c, max_iter=5000).fit(x, y)
        thresholds.append((threshold, round(float(model.intercept_[0]), 4),
                           {n: round(float(w), 4) for n, w in zip(names, model.coef_[0])}))
    means = {n: round(float(v), 4) for n, v in zip(names, x.mean(axis=0))}
    return Weights(thresholds=tuple(thresholds), means=means)


def fit_weights(corpus_dir: Path, split: str, out: Path, settings: MatchSettings) -> dict:
    """Fit every mode's weights and write them (atomically) to `out`."""
    from jobmatch.corpus.build import write_atomic
    from jobmatch.corpus.loader import load_corpus

    from jobmatch.readers import read_document

    corpus = load_corpus(Path(corpus_dir))
    idf = Idf.fit([read_document(corpus.documents[i].path).text for i in corpus.ids(split=split)])
    rows, grades = pair_features(corpus, split, settings, idf=idf)
    modes = {mode: fit_mode(rows, grades, names).to_json() for mode, names in FEATURES.items()}
    payload = {"about": f"learned by `jobmatch match fit` on the {split} split of {corpus_dir} "
                        f"({len(rows)} pairs, {sum(g >= RELEVANT_GRADE for g in grades)} with grade >= {RELEVANT_GRADE}); "
                        f"embedding model {settings.embedding_model}"
                        + (f", queries encoded by {settings.query_model} (each pair once per direction)"
                           if settings.separate_query_model else ""),
               "modes": modes}
    write_atomic(Path(out), json.dumps(payload, indent=2) + "\n")
    write_atomic(Path(out).parent / IDF_FILE, json.dumps(idf.to_json(), ensure_ascii=False) + "\n")
    return {"pairs": len(rows), "relevant": sum(g >= RELEVANT_GRADE for g in grades), "out": str(out), "modes": modes}
