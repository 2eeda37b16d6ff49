"""Learning the scoring weights from graded judgments (never from the test split).

Each judged (notice, CV) pair of the split, plus sampled pairs across job families (unrelated by
construction of the corpus, so grade 0), becomes one row of features; for each scoring mode an
ordinal model (a logistic regression per grade threshold) learns how features move the grade."""

from __future__ import annotations

import json
import random
from pathlib import Path

import numpy as np

from jobmatch.match.lexical import IDF_FILE, Idf
from jobmatch.match.scoring import FEATURES, Weights, feature_vector
from jobmatch.match.settings import MatchSettings

RELEVANT_GRADE = 2
GRADE_THRESHOLDS = (1, 2, 3)
CROSS_FAMILY_NEGATIVES = 4   # sampled unrelated CVs per notice
REGULARISATION_C = 10.0      # chosen on the dev split (0.1, 1, 10, 100 tried)


def pair_features(corpus, split: str, settings: MatchSettings, seed: int = 13,
                  idf: Idf | None = None) -> tuple[list[dict], list[int]]:
    """Features and grades of the split's judged pairs and of sampled cross-family pairs."""
    from jobmatch.match.documents import candidate_from_document, vacancy_from_document
    from jobmatch.match.matcher import Matcher
    from jobmatch.readers import read_document

    # features only: no weights are needed (and the ones on disk may be the ones being replaced)
    matcher = Matcher(MatchSettings(**{**settings.__dict__, "mode": "full"}), weights=Weights(thresholds=()))
    if idf is not None:
        matcher._idf = idf
    qrels = corpus.qrels("recruiter", split)
    notices = sorted(qrels)
    cvs = corpus.ids("cv", split)
    rng = random.Random(seed)
    pairs: dict[tuple[str, str], int] = {}
    for notice in notices:
        for cv, grade in qrels[notice].items():
            pairs[(notice, cv)] = grade
        family = notice.split("-")[1]
        others = [cv for cv in cvs if cv.split("-")[1] != family]
        for cv in rng.sample(others, min(CROSS_FAMILY_NEGATIVES, len(others))):
            pairs.setdefault((notice, cv), 0)
    needed = {n for n, _ in pairs} | {c for _, c in pairs}
    items, vectors = {}, {}
    for doc_id in sorted(needed):
        document = read_document(corpus.documents[doc_id].path)
        if doc_id in qrels:
            items[doc_id] = vacancy_from_document(document, reference_date=settings.reference_date)
            vectors[doc_id] = matcher.encode_vacancy(items[doc_id])
        else:
            items[doc_id] = candidate_from_document(document, reference_date=settings.reference_date)
            vectors[doc_id] = matcher.encode_candidate(items[doc_id])
    rows, grades = [], []
    for (notice, cv), grade in sorted(pairs.items()):
        features, _, _ = matcher.features(items[notice], items[cv], vectors[notice], vectors[cv])
        rows.append(features)
        grades.append(grade)
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
                        f"embedding model {settings.embedding_model}",
               "modes": modes}
    write_atomic(Path(out), json.dumps(payload, indent=2) + "\n")
    write_atomic(Path(out).parent / IDF_FILE, json.dumps(idf.to_json(), ensure_ascii=False) + "\n")
    return {"pairs": len(rows), "relevant": sum(g >= RELEVANT_GRADE for g in grades), "out": str(out), "modes": modes}
