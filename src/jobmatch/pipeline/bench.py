"""Extraction throughput: notices/s and CVs/s through the whole pipeline, and peak memory.

A benchmark, not a test: `jobmatch bench extract` (targets: >= 20 notices/s, >= 40 CVs/s,
< 1.5 GB peak RSS on 2 cores). Each kind is timed over every corpus document of that kind,
`repeat` times, after one warm-up document; reading files is not timed."""

from __future__ import annotations

import os
import resource
import time
from pathlib import Path

from jobmatch.corpus.loader import load_corpus
from jobmatch.evaluate.speed import peak_rss_mb
from jobmatch.model import Document


def _children_cpu_seconds() -> float:
    """CPU seconds of this process's exited children (the forked extraction workers)."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return children.ru_utime + children.ru_stime


def bench_extract(corpus_dir: str | Path = "corpora", repeat: int = 3, batch_size: int = 32,
                  pipeline: str | None = None, reference_date: str = "2026-11-01", processes: int = 1) -> dict:
    """Documents per second for each kind and the peak RSS of the run; `processes` > 1 extracts
    with that many forked workers (`extract_documents(n_process=...)`), whose CPU time and peak
    RSS (the largest worker's) are reported separately."""
    import spacy

    from jobmatch import load
    from jobmatch.extract import extract_documents

    nlp = load(pipeline)
    corpus = load_corpus(corpus_dir)
    result = {"pipeline": nlp.pipe_names, "spacy": spacy.__version__, "repeat": repeat, "batch_size": batch_size,
              "processes": processes}
    for kind in ("notice", "cv"):
        documents = [Document(id=d.id, source=str(d.path), format="txt", text=d.text)
                     for d in corpus.documents.values() if d.kind == kind and d.text]
        list(extract_documents(documents[:1], kind, reference_date, nlp))  # warm-up: lazy tables, caches
        words = sum(len(d.text.split()) for d in documents)
        started, cpu_started, workers_cpu_started = time.perf_counter(), time.process_time(), _children_cpu_seconds()
        for _ in range(repeat):
            for _ in extract_documents(documents, kind, reference_date, nlp, batch_size=batch_size, n_process=processes):
                pass
        seconds = (time.perf_counter() - started) / repeat
        # The workers' CPU time counts too (they have all exited by now).
        cpu_seconds = (time.process_time() - cpu_started + _children_cpu_seconds() - workers_cpu_started) / repeat
        # Wall-clock figures depend on what else runs on the machine; CPU figures do not.
        result[kind] = {"documents": len(documents), "seconds": round(seconds, 3), "cpu_seconds": round(cpu_seconds, 3),
                        "docs_per_s": round(len(documents) / seconds, 1),
                        "docs_per_cpu_s": round(len(documents) / cpu_seconds, 1), "words_per_s": round(words / seconds)}
    result["peak_rss_mb"] = round(peak_rss_mb(), 1)
    if processes > 1:
        result["peak_rss_worker_mb"] = round(peak_rss_mb(children=True), 1)
    result["load_average_1min"] = round(os.getloadavg()[0], 2)
    return result
