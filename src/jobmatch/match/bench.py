"""Matching benchmark: query latency over a large exact index, memory per CV, and the recall and
latency of the approximate (HNSW) index against exact search.

Large collections are made from the corpus' real CV embeddings plus Gaussian noise, so the
vectors keep the clustered shape of real data (recall of HNSW on uniform random vectors says
nothing about real use). Query encoding uses the real model with the cache disabled."""

from __future__ import annotations

import os
import statistics
import time
from pathlib import Path

import numpy as np

from jobmatch.evaluate.speed import peak_rss_mb
from jobmatch.match.documents import candidate_from_document, vacancy_from_document
from jobmatch.match.matcher import Matcher
from jobmatch.match.parts import candidate_parts
from jobmatch.match.scoring import doc_vector
from jobmatch.match.settings import MatchSettings

NOISE = 0.35          # relative noise around each real vector (cosine to its seed about 0.94)


def _percentiles(values: list[float]) -> dict:
    ordered = sorted(values)
    pick = lambda q: ordered[min(len(ordered) - 1, int(q * len(ordered)))]
    return {"p50_ms": round(statistics.median(ordered) * 1000, 2), "p90_ms": round(pick(0.9) * 1000, 2),
            "p99_ms": round(pick(0.99) * 1000, 2)}


def synthetic_vectors(seeds: np.ndarray, n: int, rng: np.random.Generator) -> np.ndarray:
    """n unit vectors scattered around real ones."""
    base = seeds[rng.integers(0, len(seeds), n)]
    noise = rng.normal(scale=NOISE / np.sqrt(seeds.shape[1]), size=base.shape).astype(np.float32)
    out = base + noise
    out /= np.linalg.norm(out, axis=1, keepdims=True)
    return out.astype(np.float32)


def bench_match(corpus_dir: Path, n_cvs: int = 100_000, n_approx: int = 1_000_000, queries: int = 30,
                approx_queries: int = 1000, settings: MatchSettings | None = None, log=print) -> dict:
    """Run every measurement; returns a JSON-ready dict."""
    import faiss

    from jobmatch.corpus.loader import load_corpus
    from jobmatch.readers import read_document

    settings = settings or MatchSettings.from_env(cache_path=None)
    settings = MatchSettings(**{**settings.__dict__, "cache_path": None})     # time real encoding
    matcher = Matcher(settings)
    corpus = load_corpus(corpus_dir)
    rng = np.random.default_rng(7)
    result: dict = {"model": settings.embedding_model, "encoder_threads": settings.encoder_threads,
                    "cpu_count": os.cpu_count(), "load_average_at_start": os.getloadavg()}

    started = time.perf_counter()
    cvs = [candidate_from_document(read_document(corpus.documents[i].path)) for i in corpus.ids("cv")]
    notices = [vacancy_from_document(read_document(corpus.documents[i].path)) for i in corpus.ids("notice")]
    passages = [p for c in cvs for ps in candidate_parts(c).values() for p in ps]
    matcher.encoder.encode(["warm-up"])
    t0 = time.perf_counter()
    cv_parts = [matcher.encode_candidate(c) for c in cvs]
    cv_vectors = np.vstack([doc_vector(parts) for parts in cv_parts])
    encode_s = time.perf_counter() - t0
    result["encoding"] = {"cvs": len(cvs), "passages": len(passages), "seconds": round(encode_s, 2),
                          "cvs_per_s": round(len(cvs) / encode_s, 1), "passages_per_s": round(len(passages) / encode_s, 1)}
    log(f"encoded {len(cvs)} CVs ({len(passages)} passages) in {encode_s:.1f} s")

    # -- exact index at n_cvs --------------------------------------------------------------
    vectors = synthetic_vectors(cv_vectors, n_cvs, rng)
    rss_before = peak_rss_mb()
    t0 = time.perf_counter()
    exact = faiss.IndexFlatIP(vectors.shape[1])
    exact.add(vectors)
    build_s = time.perf_counter() - t0
    faiss.omp_set_num_threads(1)              # single queries, as `rank --index` runs them
    one_passage, full = [], []
    for notice in (notices * ((queries // len(notices)) + 1))[:queries]:
        text = " ".join(([notice.header.title] if notice.header.title else []) +
                        [s.text for s in notice.sections if s.name == "duties"])[:1000]
        t0 = time.perf_counter()
        query = matcher.encoder.model.encode([text], normalize_embeddings=True, convert_to_numpy=True).astype(np.float32)
        exact.search(query, 10)
        one_passage.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        parts = matcher.encode_vacancy(notice)
        exact.search(doc_vector(parts).reshape(1, -1), 10)
        full.append(time.perf_counter() - t0)
    batch = vectors[rng.integers(0, n_cvs, 1000)]
    faiss.omp_set_num_threads(2)
    t0 = time.perf_counter()
    exact.search(batch, 10)
    batch_s = time.perf_counter() - t0
    result["exact"] = {
        "index": "IndexFlatIP", "vectors": n_cvs, "build_s": round(build_s, 3),
        "query_one_passage_encoded": _percentiles(one_passage),
        "query_all_parts_encoded": _percentiles(full),
        "search_only_batch_1000_queries_per_s": round(1000 / batch_s, 1),
    }
    log(f"exact {n_cvs}: one-passage query p50 {result['exact']['query_one_passage_encoded']['p50_ms']} ms, "
        f"all-parts query p50 {result['exact']['query_all_parts_encoded']['p50_ms']} ms")

    # -- memory per CV in a real index ------------------------------------------------------
    per_cv_parts = np.mean([sum(len(v) for v in parts.values()) for parts in cv_parts])
    dim = vectors.shape[1]
    result["memory_per_cv_bytes"] = {
        "doc_vector_float32": dim * 4,
        "passage_vectors_float16": int(per_cv_parts * dim * 2),
        "faiss_flat_rss_growth_mb_for_index": round(peak_rss_mb() - rss_before, 1),
    }

    # -- re-scoring a shortlist (requirements + part similarities) --------------------------
    for candidate in cvs:               # as an index keeps them: terms computed at indexing time
        candidate.terms = matcher.item_terms(candidate)
    shortlist = min(settings.shortlist, len(cvs))
    notice = notices[0]
    notice_parts = matcher.encode_vacancy(notice)     # encoded before the clock starts: only scoring is timed
    notice_terms = matcher.item_terms(notice)
    t0 = time.perf_counter()
    for candidate, parts in zip(cvs[:shortlist], cv_parts[:shortlist]):
        matcher.match(notice, candidate, notice_parts, parts, vacancy_terms=notice_terms)
    result["rescoring"] = {"candidates": shortlist, "ms": round((time.perf_counter() - t0) * 1000, 1)}
    del exact, vectors

    # -- approximate index at n_approx ------------------------------------------------------
    if n_approx:
        vectors = synthetic_vectors(cv_vectors, n_approx, rng)
        queries_v = synthetic_vectors(cv_vectors, approx_queries, rng)
        exact = faiss.IndexFlatIP(vectors.shape[1])
        exact.add(vectors)
        t0 = time.perf_counter()
        _, truth = exact.search(queries_v, 10)
        exact_s = time.perf_counter() - t0
        del exact
        faiss.omp_set_num_threads(2)
        hnsw = faiss.IndexHNSWFlat(vectors.shape[1], 32, faiss.METRIC_INNER_PRODUCT)
        hnsw.hnsw.efConstruction = 40
        t0 = time.perf_counter()
        hnsw.add(vectors)
        build_s = time.perf_counter() - t0
        log(f"HNSW over {n_approx} built in {build_s:.0f} s")
        sweeps = []
        for ef in (32, 64, 128, 256):
            hnsw.hnsw.efSearch = ef
            t0 = time.perf_counter()
            _, found = hnsw.search(queries_v, 10)
            batch_s = time.perf_counter() - t0
            single = []
            faiss.omp_set_num_threads(1)
            for q in queries_v[:200]:
                t1 = time.perf_counter()
                hnsw.search(q.reshape(1, -1), 10)
                single.append(time.perf_counter() - t1)
            faiss.omp_set_num_threads(2)
            recall = float(np.mean([len(set(f) & set(t)) / 10 for f, t in zip(found, truth)]))
            sweeps.append({"efSearch": ef, "recall@10": round(recall, 4), **_percentiles(single),
                           "batch_queries_per_s": round(len(queries_v) / batch_s, 1)})
            log(f"HNSW efSearch {ef}: recall@10 {recall:.4f}, p50 {sweeps[-1]['p50_ms']} ms")
        result["approximate"] = {"index": "IndexHNSWFlat", "M": 32, "efConstruction": 40, "vectors": n_approx,
                                 "build_s": round(build_s, 1), "exact_batch_search_s": round(exact_s, 2),
                                 "sweep": sweeps}
    result["peak_rss_mb"] = round(peak_rss_mb(), 1)
    result["wall_s"] = round(time.perf_counter() - started, 1)
    return result
