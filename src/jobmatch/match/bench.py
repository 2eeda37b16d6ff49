"""Matching benchmark: query latency over a large exact index, memory per CV, and the recall and
latency of the approximate (HNSW) index against exact search.

Large collections are made from the corpus' real CV embeddings plus Gaussian noise, so the
vectors keep the clustered shape of real data (recall of HNSW on uniform random vectors says
nothing about real use). Query encoding uses the real model with the cache disabled."""

from __future__ import annotations

import itertools
import os
import statistics
import time
from pathlib import Path

import numpy as np

from jobmatch.errors import ConfigError
from jobmatch.evaluate.speed import peak_rss_mb
from jobmatch.match.documents import candidate_from_document, vacancy_from_document
from jobmatch.match.matcher import Matcher
from jobmatch.match.parts import candidate_parts, vacancy_parts
from jobmatch.match.scoring import doc_vector
from jobmatch.match.settings import QUERY_MODEL, STATIC_MODEL, MatchSettings

NOISE = 0.35          # relative noise around each real vector (cosine to its seed about 0.94)
FIRST_STAGE_TOKENS = 64   # a first-stage query: the vacancy's title and duties cut to this many tokens
SHORTLIST_DEPTHS = (10, 25, 50)   # how deep a static first stage must go to hold MiniLM's top 10


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


def first_stage_text(vacancy, tokenizer, max_tokens: int) -> str:
    """The vacancy's most informative passage for a fast first-stage query: its title and
    duties, cut to `max_tokens` model tokens."""
    text = " ".join(([vacancy.header.title] if vacancy.header.title else []) +
                    [s.text for s in vacancy.sections if s.name == "duties"])
    ids = tokenizer(text, add_special_tokens=False, truncation=True, max_length=max_tokens)["input_ids"]
    return tokenizer.decode(ids)


def ranking_agreement(reference: np.ndarray, other: np.ndarray, depths=SHORTLIST_DEPTHS) -> dict:
    """How far two encoders rank the same items alike, per query row of two (queries x items)
    score matrices: Spearman correlation of the scores, overlap of the top 10, and the share of
    the reference's top 10 within the other's top k (what a first stage of depth k would keep)."""
    from scipy.stats import spearmanr

    k = min(10, reference.shape[1])
    top = lambda scores, n: set(np.argsort(-scores, kind="stable")[:n].tolist())
    rho = [spearmanr(r, o).statistic for r, o in zip(reference, other)]
    out = {"queries": int(reference.shape[0]), "items": int(reference.shape[1]),
           "spearman_mean": round(float(np.nanmean(rho)), 3), "spearman_min": round(float(np.nanmin(rho)), 3),
           "top10_overlap": round(float(np.mean([len(top(r, k) & top(o, k)) / k for r, o in zip(reference, other)])), 3)}
    for depth in depths:
        if depth > k and depth < reference.shape[1]:
            out[f"reference_top10_within_top{depth}"] = round(float(np.mean(
                [len(top(r, k) & top(o, depth)) / k for r, o in zip(reference, other)])), 3)
    return out


def query_sweep(matcher: Matcher, index, notices: list, first_stage_tokens: int) -> list[dict]:
    """Latency of encoding a vacancy and searching the index for its 10 nearest, per way of
    encoding: all parts (padded in one batch, or one passage at a time), or a first-stage query
    of `first_stage_tokens` tokens; float or int8; 1 or 2 torch threads (restored after)."""
    from jobmatch.match.encoder import quantized, torch_threads

    model = matcher.encoder.model
    models = {False: model, True: quantized(model)}
    all_parts = [[p for ps in vacancy_parts(n).values() for p in ps] for n in notices]
    short = [[first_stage_text(n, model.tokenizer, first_stage_tokens)] for n in notices]
    rows = []
    for query, texts in (("all_parts", all_parts), ("first_stage", short)):
        for int8, threads, unpadded in itertools.product((False, True), (1, 2), (True, False)):
            if query == "first_stage" and not unpadded:
                continue                     # one text: nothing to pad
            encoder = models[int8]
            encoder.encode(texts[0], batch_size=1)          # warm-up per configuration
            times, cpu = [], []
            with torch_threads(threads):
                for passages in texts:
                    t0, c0 = time.perf_counter(), time.process_time()
                    rows_ = encoder.encode(passages, batch_size=1 if unpadded else 64, normalize_embeddings=True,
                                           convert_to_numpy=True).astype(np.float32)
                    vector = rows_.mean(axis=0)
                    index.search((vector / np.linalg.norm(vector)).reshape(1, -1), 10)
                    times.append(time.perf_counter() - t0)
                    cpu.append(time.process_time() - c0)
            # CPU time of a one-thread query is what it would take on an idle core: the figure
            # to read on a shared machine, where wall time mostly measures the other processes
            rows.append({"query": query, "int8": int8, "threads": threads, "unpadded": unpadded, **_percentiles(times),
                         "cpu_p50_ms": round(statistics.median(cpu) * 1000, 2)})
    return rows


def query_agreement(matcher: Matcher, notices: list, cv_vectors: np.ndarray, index, shortlist: int) -> dict:
    """What int8 and a first-stage query change in what is found: cosine of int8 to float passage
    vectors; overlap of each query's top-10 among the real CVs with the float all-parts top-10;
    and, in the large index, how much of the all-parts top-10 the first-stage shortlist holds."""
    from jobmatch.match.encoder import quantized

    model = matcher.encoder.model
    int8 = quantized(model)

    def top(vector: np.ndarray, k: int = 10) -> set[int]:
        return set(np.argsort(-(cv_vectors @ vector))[:k].tolist())

    def unit(rows: np.ndarray) -> np.ndarray:
        mean = rows.mean(axis=0)
        return (mean / np.linalg.norm(mean)).astype(np.float32)

    cosines, int8_overlap, short_overlap, in_shortlist = [], [], [], []
    for notice in notices:
        passages = [p for ps in vacancy_parts(notice).values() for p in ps]
        exact = model.encode(passages, batch_size=1, normalize_embeddings=True)
        approx = int8.encode(passages, batch_size=1, normalize_embeddings=True)
        cosines.extend((exact * approx).sum(axis=1).tolist())
        short = model.encode([first_stage_text(notice, model.tokenizer, FIRST_STAGE_TOKENS)], normalize_embeddings=True)[0]
        truth = top(unit(exact))
        int8_overlap.append(len(truth & top(unit(approx))) / 10)
        short_overlap.append(len(truth & top(short)) / 10)
        _, full_top = index.search(unit(exact).reshape(1, -1), 10)
        _, short_top = index.search(short.reshape(1, -1).astype(np.float32), shortlist)
        in_shortlist.append(len(set(full_top[0].tolist()) & set(short_top[0].tolist())) / 10)
    return {"notices": len(notices), "cvs": len(cv_vectors),
            "int8_passage_cosine_min": round(float(min(cosines)), 4),
            "int8_passage_cosine_mean": round(float(np.mean(cosines)), 4),
            "top10_overlap_int8_vs_float": round(float(np.mean(int8_overlap)), 3),
            "top10_overlap_first_stage_vs_all_parts": round(float(np.mean(short_overlap)), 3),
            f"large_index_all_parts_top10_within_first_stage_top{shortlist}": round(float(np.mean(in_shortlist)), 3)}


def static_encoder_bench(model_name: str, cvs: list, notices: list, reference_cv_parts: list[dict],
                         reference_notice_parts: list[dict], n_cvs: int, queries: int, rng: np.random.Generator,
                         log=print) -> dict:
    """The static encoder where MiniLM is measured: bulk encoding speed, all-parts query latency
    (encode + exact top-10 search) at `n_cvs`, memory per CV, and how its rankings agree with
    MiniLM's (the reference) among the corpus' real CVs, per document and per passage."""
    import faiss

    matcher = Matcher(MatchSettings(embedding_model=model_name, cache_path=None))
    t0 = time.perf_counter()
    matcher.encoder.encode(["warm-up"])
    load_s = time.perf_counter() - t0
    passages = sum(len(p) for c in cvs for p in candidate_parts(c).values())
    t0 = time.perf_counter()
    cv_parts = [matcher.encode_candidate(c) for c in cvs]           # one CV at a time, as `index add` encodes
    encode_s = time.perf_counter() - t0
    cv_vectors = np.vstack([doc_vector(parts) for parts in cv_parts])
    result: dict = {"model": model_name, "dimension": int(cv_vectors.shape[1]), "load_s": round(load_s, 2),
                    "model_bytes_in_memory": int(matcher.encoder.model.embedding.nbytes),
                    "encoding": {"cvs": len(cvs), "passages": passages, "seconds": round(encode_s, 3),
                                 "cvs_per_s": round(len(cvs) / encode_s, 1),
                                 "passages_per_s": round(passages / encode_s, 1)}}
    log(f"static encoder: {len(cvs)} CVs in {encode_s:.2f} s ({len(cvs) / encode_s:.0f} CVs/s)")

    vectors = synthetic_vectors(cv_vectors, n_cvs, rng)
    t0 = time.perf_counter()
    index = faiss.IndexFlatIP(vectors.shape[1])
    index.add(vectors)
    build_s = time.perf_counter() - t0
    texts = [[p for ps in vacancy_parts(n).values() for p in ps] for n in (notices * (queries // len(notices) + 1))[:queries]]
    rows = []
    for threads in (1, 2):
        faiss.omp_set_num_threads(threads)
        matcher.encoder.encode(texts[0])                          # warm-up
        times, cpu, encode_only = [], [], []
        for passages_ in texts:
            t0, c0 = time.perf_counter(), time.process_time()
            vector = matcher.encoder.encode(passages_).mean(axis=0)
            t1 = time.perf_counter()
            index.search((vector / np.linalg.norm(vector)).reshape(1, -1).astype(np.float32), 10)
            times.append(time.perf_counter() - t0)
            cpu.append(time.process_time() - c0)
            encode_only.append(t1 - t0)
        rows.append({"query": "all_parts", "search_threads": threads, **_percentiles(times),
                     "cpu_p50_ms": round(statistics.median(cpu) * 1000, 2),
                     "encode_p50_ms": round(statistics.median(encode_only) * 1000, 2)})
        log(f"static exact {n_cvs}: all parts, {threads} search thread(s): p50 {rows[-1]['p50_ms']} ms "
            f"(encoding {rows[-1]['encode_p50_ms']} ms)")
    faiss.omp_set_num_threads(1)
    per_cv_parts = np.mean([sum(len(v) for v in parts.values()) for parts in cv_parts])
    dim = vectors.shape[1]
    result["exact"] = {"index": "IndexFlatIP", "vectors": n_cvs, "build_s": round(build_s, 3), "query": rows}
    result["memory_per_cv_bytes"] = {"doc_vector_float32": dim * 4, "passage_vectors_float16": int(per_cv_parts * dim * 2)}

    def unit_mean(parts: dict) -> np.ndarray:
        return doc_vector(parts).astype(np.float32)

    def stacked(parts: list[dict]) -> np.ndarray:
        return np.vstack([v for p in parts for v in p.values() if len(v)])

    static_notice_parts = [matcher.encode_vacancy(n) for n in notices]
    ref_docs = np.vstack([unit_mean(p) for p in reference_notice_parts]) @ np.vstack([unit_mean(p) for p in reference_cv_parts]).T
    static_docs = np.vstack([unit_mean(p) for p in static_notice_parts]) @ cv_vectors.T
    result["agreement_with_minilm"] = {
        "documents": ranking_agreement(ref_docs, static_docs),
        "passages": ranking_agreement(stacked(reference_notice_parts) @ stacked(reference_cv_parts).T,
                                      stacked(static_notice_parts) @ stacked(cv_parts).T),
    }
    log(f"static vs MiniLM: {result['agreement_with_minilm']}")
    del index, vectors
    return result


def current_rss_bytes() -> int:
    """Resident memory now (ru_maxrss is a peak: it cannot show what one step added)."""
    with open("/proc/self/statm") as handle:
        return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def large_index(folder: Path, cvs: list, cv_parts: list[dict], cv_vectors: np.ndarray, matcher: Matcher,
                n_cvs: int, rng: np.random.Generator, log=print):
    """An index of `n_cvs` CVs as `index add` would write it: each synthetic CV is a real corpus
    CV (its profile, competency spans, weighted terms and passage vectors, as `entry_data` keeps
    them) with a noisy document vector. Saved, then loaded alone, so the memory it takes is what a
    `rank --index` process holds. Returns (the loaded store, memory and disk figures)."""
    import gc
    import json

    from jobmatch.match.index import ENTRY_FORMAT, KEPT_SPAN_LABELS, IndexEntry, IndexStore

    seeds = rng.integers(0, len(cvs), n_cvs)
    vectors = synthetic_vectors_from(cv_vectors, seeds, rng)
    templates = []
    for cv in cvs:
        spans = [s.model_dump() for s in (cv.document.spans if cv.document else []) if s.label in KEPT_SPAN_LABELS]
        templates.append(json.dumps({"profile": cv.profile.model_dump(mode="json"), "spans": spans,
                                     "terms": matcher.item_terms(cv), "format": ENTRY_FORMAT}))
    t0 = time.perf_counter()
    store = IndexStore.open(folder, matcher.settings.vector_model, create=True)
    for row, seed in enumerate(seeds.tolist()):
        store.upsert(IndexEntry(id=f"cv{row:07d}", kind="cv", source=f"cv{row:07d}.pdf", sha256=str(row),
                                data=json.loads(templates[seed]), parts=cv_parts[seed], vector=vectors[row]))
    store.save()
    save_s = time.perf_counter() - t0
    del store, vectors
    gc.collect()
    grown = _load_memory(folder, matcher.settings.vector_model)
    t0 = time.perf_counter()
    store = IndexStore.open(folder, matcher.settings.vector_model)
    load_s = time.perf_counter() - t0
    stats = store.stats()
    table = store.get(store.ids("cv")[0]).term_row[0]
    figures = {"cvs": n_cvs, "save_s": round(save_s, 1), "load_s": round(load_s, 1),
               "loaded_bytes_per_cv": round((grown["python_and_numpy"] + grown["faiss"]) / n_cvs),
               "of_which_faiss_bytes_per_cv": round(grown["faiss"] / n_cvs),
               "rss_growth_on_load_bytes_per_cv": round(grown["rss"] / n_cvs),
               "of_which_terms_table_bytes_per_cv": round(table.nbytes / n_cvs),
               "of_which_passage_vectors_float16_bytes_per_cv": round(sum(
                   v.nbytes for e in list(store.entries.values())[:1000] for v in e.parts.values()) / 1000),
               "disk_bytes_per_cv": round(stats["bytes_on_disk"] / n_cvs),
               "terms_per_cv": round(len(table.ids) / n_cvs, 1)}
    log(f"index of {n_cvs} CVs: {figures}")
    return store, figures


def _load_memory(folder: Path, model: str) -> int:
    """Resident memory an index adds once loaded, measured in a fresh process: in this one, memory
    freed earlier is reused and would hide part of it."""
    import json
    import subprocess
    import sys

    code = ("import gc, json, sys, tracemalloc\n"
            "import faiss, numpy\n"
            "from jobmatch.match.index import IndexStore\n"
            "from jobmatch.match.bench import current_rss_bytes\n"
            "before = current_rss_bytes()\n"
            "tracemalloc.start()\n"
            "store = IndexStore.open(sys.argv[1], sys.argv[2])\n"
            "gc.collect()\n"
            "live = tracemalloc.get_traced_memory()[0]\n"
            "faiss_bytes = sum(i.ntotal * i.d * 4 for i in store._faiss.values())\n"
            "print(json.dumps({'rss': current_rss_bytes() - before, 'python_and_numpy': live, 'faiss': faiss_bytes}))\n")
    done = subprocess.run([sys.executable, "-c", code, str(folder), model], capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def synthetic_vectors_from(seeds_vectors: np.ndarray, seeds: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """`synthetic_vectors` around given seed rows, so each synthetic vector's real CV is known."""
    base = seeds_vectors[seeds]
    noise = rng.normal(scale=NOISE / np.sqrt(seeds_vectors.shape[1]), size=base.shape).astype(np.float32)
    out = base + noise
    out /= np.linalg.norm(out, axis=1, keepdims=True)
    return out.astype(np.float32)


def query_model_bench(settings: MatchSettings, query_model: str, store, notices: list, queries: int,
                      real_cvs: list, real_parts: list[dict], log=print) -> dict:
    """`rank --index` at the store's size with the query encoded by `query_model` (documents keep
    MiniLM's vectors), after extraction: encode the vacancy's parts, exact top-10 search, and
    with re-scoring: search the `shortlist` nearest, rebuild their candidates from the index and
    score them in full (top 10 returned). Also the MiniLM query's rows on the same index, and how
    much of the MiniLM query's top 10 the fast query finds (index search, and after re-scoring)."""
    import faiss

    from jobmatch.match.api import _shortlist

    fast = Matcher(MatchSettings(**{**settings.__dict__, "query_model": query_model, "cache_path": None}))
    minilm = Matcher(MatchSettings(**{**settings.__dict__, "query_model": "", "cache_path": None}))
    t0 = time.perf_counter()
    fast.query_encoder.encode(["warm-up"])
    load_s = time.perf_counter() - t0
    minilm.encoder.encode(["warm-up"])
    faiss.omp_set_num_threads(1)
    picked = (notices * (queries // len(notices) + 1))[:queries]
    result: dict = {"model": query_model, "load_s": round(load_s, 2), "vectors": len(store.ids("cv")),
                    "shortlist": settings.shortlist, "rows": []}
    top10: dict[str, list] = {}
    for name, matcher in (("fast_query", fast), ("minilm_query", minilm)):
        for rescore in (False, True):
            times, cpu, encode = [], [], []
            found = []
            for notice in picked:
                t0, c0 = time.perf_counter(), time.process_time()
                parts = matcher.encode_query(notice)
                t1 = time.perf_counter()
                if rescore:
                    entries = _shortlist(store.path, "cv", parts, matcher.settings, store=store)
                    results = matcher.rank_candidates(notice, [e.as_candidate() for e in entries], 10,
                                                      candidate_vectors=[e.parts for e in entries], vacancy_vectors=parts)
                    found.append([r.id for r in results])
                else:
                    found.append([i for i, _ in store.search("cv", doc_vector(parts), 10)])
                times.append(time.perf_counter() - t0)
                cpu.append(time.process_time() - c0)
                encode.append(t1 - t0)
            top10[f"{name}/{rescore}"] = found
            result["rows"].append({"query": name, "rescoring": rescore, **_percentiles(times),
                                   "cpu_p50_ms": round(statistics.median(cpu) * 1000, 2),
                                   "encode_p50_ms": round(statistics.median(encode) * 1000, 2)})
            log(f"{name} at {result['vectors']}, re-scoring {rescore}: {result['rows'][-1]}")
    for rescore in (False, True):
        pairs = zip(top10[f"fast_query/{rescore}"], top10[f"minilm_query/{rescore}"])
        key = "synthetic_top10_overlap_with_minilm_query" + ("_after_rescoring" if rescore else "_index_search")
        result[key] = round(float(np.mean([len(set(a) & set(b)) / max(1, len(b)) for a, b in pairs])), 3)
    result["real_pool"] = real_pool_agreement(fast, minilm, notices, real_cvs, real_parts)
    log(f"query model vs MiniLM query among the corpus CVs: {result['real_pool']}")
    return result


def real_pool_agreement(fast: Matcher, minilm: Matcher, notices: list, cvs: list, cv_parts: list[dict]) -> dict:
    """How much of the MiniLM query's top 10 the fast query finds among the corpus' real CVs (the
    synthetic index is hundreds of noisy copies of each, so which copy comes first there is
    chance): by the document vector alone (the index search), and after full re-scoring, each
    query model with its own weights."""
    cv_vectors = np.vstack([doc_vector(p) for p in cv_parts])
    search, rescored = [], []
    for notice in notices:
        mine, theirs = fast.encode_query(notice), minilm.encode_query(notice)
        a = set(np.argsort(-(cv_vectors @ doc_vector(mine)))[:10].tolist())
        b = set(np.argsort(-(cv_vectors @ doc_vector(theirs)))[:10].tolist())
        search.append(len(a & b) / 10)
        ranked = [{m.id for m in matcher.rank_candidates(notice, cvs, 10, candidate_vectors=cv_parts, vacancy_vectors=v)}
                  for matcher, v in ((fast, mine), (minilm, theirs))]
        rescored.append(len(ranked[0] & ranked[1]) / 10)
    return {"notices": len(notices), "cvs": len(cvs), "top10_overlap_index_search": round(float(np.mean(search)), 3),
            "top10_overlap_after_rescoring": round(float(np.mean(rescored)), 3)}


def bench_match(corpus_dir: Path, n_cvs: int = 100_000, n_approx: int = 1_000_000, queries: int = 30,
                approx_queries: int = 1000, settings: MatchSettings | None = None, log=print,
                static_model: str | None = STATIC_MODEL, query_model: str | None = QUERY_MODEL,
                sweep: bool = True) -> dict:
    """Run every measurement (the static encoder's too, unless `static_model` is None); returns
    a JSON-ready dict."""
    import faiss

    from jobmatch.corpus.loader import load_corpus
    from jobmatch.readers import read_document

    settings = settings or MatchSettings.from_env(cache_path=None)
    settings = MatchSettings(**{**settings.__dict__, "cache_path": None})     # time real encoding
    matcher = Matcher(MatchSettings(**{**settings.__dict__, "quantize_encoder": False}))   # int8 is made from it
    corpus = load_corpus(corpus_dir)
    rng = np.random.default_rng(7)
    result: dict = {"model": settings.embedding_model, "encoder_threads": settings.encoder_threads,
                    "query_threads": settings.query_threads, "quantize_encoder": settings.quantize_encoder,
                    "cpu_count": os.cpu_count(), "load_average_at_start": os.getloadavg()}

    started = time.perf_counter()
    cvs = [candidate_from_document(read_document(corpus.documents[i].path)) for i in corpus.ids("cv")]
    notices = [vacancy_from_document(read_document(corpus.documents[i].path)) for i in corpus.ids("notice")]
    passages = [p for c in cvs for ps in candidate_parts(c).values() for p in ps]
    matcher.encoder.encode(["warm-up"])
    if matcher.encoder.static:
        raise ConfigError(f"bench match measures a transformer model and, beside it, the static one given by "
                          f"--static-model; {settings.embedding_model!r} is static: unset JOBMATCH_EMBEDDING_MODEL")
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
    query_notices = (notices * ((queries // len(notices)) + 1))[:queries]
    sweep = query_sweep(matcher, exact, query_notices, FIRST_STAGE_TOKENS) if sweep else []
    batch = vectors[rng.integers(0, n_cvs, 1000)]
    faiss.omp_set_num_threads(2)
    t0 = time.perf_counter()
    exact.search(batch, 10)
    batch_s = time.perf_counter() - t0
    as_set = [row for row in sweep if row["query"] == "all_parts" and row["unpadded"]
              and row["int8"] == settings.quantize_encoder and row["threads"] == settings.query_threads]
    result["exact"] = {
        "index": "IndexFlatIP", "vectors": n_cvs, "build_s": round(build_s, 3),
        "query_all_parts_as_configured": as_set[0] if as_set else None,
        "query_sweep": sweep,
        "search_only_batch_1000_queries_per_s": round(1000 / batch_s, 1),
    }
    for row in sweep:
        log(f"exact {n_cvs}: {row['query']} int8={row['int8']} threads={row['threads']} unpadded={row['unpadded']}: "
            f"p50 {row['p50_ms']} ms (CPU {row['cpu_p50_ms']} ms)")
    faiss.omp_set_num_threads(1)
    single, cpu = [], []
    for query in batch[:200]:
        t0, c0 = time.perf_counter(), time.process_time()
        exact.search(query.reshape(1, -1), 10)
        single.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
    result["exact"]["search_only_single_query_1_thread"] = {**_percentiles(single),
                                                            "cpu_p50_ms": round(statistics.median(cpu) * 1000, 2)}
    if sweep:
        result["query_agreement"] = query_agreement(matcher, notices, cv_vectors, exact, settings.shortlist)
        log(f"query agreement: {result['query_agreement']}")
    # -- memory per CV in a real index ------------------------------------------------------
    per_cv_parts = np.mean([sum(len(v) for v in parts.values()) for parts in cv_parts])
    dim = vectors.shape[1]
    result["memory_per_cv_bytes"] = {
        "doc_vector_float32": dim * 4,
        "passage_vectors_float16": int(per_cv_parts * dim * 2),
        "faiss_flat_rss_growth_mb_for_index": round(peak_rss_mb() - rss_before, 1),
    }

    # -- the static encoder at the same size, against MiniLM as the reference ---------------
    if static_model:
        try:
            result["static"] = static_encoder_bench(static_model, cvs, notices, cv_parts,
                                                    [matcher.encode_vacancy(n) for n in notices], n_cvs, queries, rng, log)
        except ConfigError as exc:
            result["static"] = {"model": static_model, "skipped": str(exc)}
            log(f"static encoder skipped: {exc}")
        as_set_minilm = result["exact"]["query_all_parts_as_configured"]
        if "exact" in result["static"] and as_set_minilm:
            # a two-stage query (static first stage, MiniLM re-scoring) still encodes the vacancy
            # with MiniLM: its cost is the static query plus MiniLM's query encoding
            # (MiniLM's query encoding = its all-parts query less its search alone)
            minilm_encoding = as_set_minilm["p50_ms"] - result["exact"]["search_only_single_query_1_thread"]["p50_ms"]
            result["static"]["two_stage_query_p50_ms_estimate"] = round(
                result["static"]["exact"]["query"][0]["p50_ms"] + minilm_encoding, 1)

    # -- re-scoring a shortlist (requirements + part similarities) --------------------------
    for candidate in cvs:               # as an index keeps them: terms computed at indexing time
        candidate.terms = matcher.item_terms(candidate)
    shortlist = min(settings.shortlist, len(cvs))
    notice = notices[0]
    notice_parts = matcher.encode_vacancy(notice)     # encoded before the clock starts: only scoring is timed
    timings = []
    for _ in range(5):   # the call `rank --index` makes on its shortlist; the median of five
        t0 = time.perf_counter()
        matcher.rank_candidates(notice, cvs[:shortlist], top=10, candidate_vectors=cv_parts[:shortlist],
                                vacancy_vectors=notice_parts)
        timings.append((time.perf_counter() - t0) * 1000)
    result["rescoring"] = {"candidates": shortlist, "ms": round(statistics.median(timings), 1),
                           "runs_ms": [round(t, 1) for t in timings]}
    del exact, vectors

    # -- a saved index of n_cvs CVs: memory per CV with everything counted, and `rank --index`
    #    with the fast query model against MiniLM's query ------------------------------------
    if query_model:
        import shutil
        import tempfile

        folder = Path(tempfile.mkdtemp(prefix="jobmatch-bench-index-"))
        try:
            store, result["index_memory"] = large_index(folder / "ix", cvs, cv_parts, cv_vectors, matcher, n_cvs, rng, log)
            try:
                result["query_model"] = query_model_bench(settings, query_model, store, notices, queries,
                                                          cvs, cv_parts, log)
            except ConfigError as exc:
                result["query_model"] = {"model": query_model, "skipped": str(exc)}
                log(f"query model skipped: {exc}")
            del store
        finally:
            shutil.rmtree(folder, ignore_errors=True)

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
    result["load_average_at_end"] = os.getloadavg()      # wall times on a shared machine mean little without it
    return result
