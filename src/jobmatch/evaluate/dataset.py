"""The documents of one evaluation run, each read and extracted exactly once.

Every metric module reads from this store, so a run costs one pass of the reader and the
extractor per document, and the time of that pass is the extraction speed we report."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

from jobmatch.corpus.loader import Corpus, GoldDocument, load_corpus
from jobmatch.errors import CorpusError
from jobmatch.model import Document


@dataclass
class EvalDocument:
    """One corpus document with its gold annotation and jobmatch's extraction of it."""

    gold: GoldDocument
    document: Document
    extraction: dict

    @property
    def id(self) -> str:
        return self.gold.id

    @property
    def kind(self) -> str:
        return self.gold.kind

    @property
    def language(self) -> str:
        return self.gold.language

    @property
    def text(self) -> str:
        return self.document.text


@dataclass
class DocumentStore:
    """Reads and extracts corpus documents on first request and keeps the results for the run."""

    corpus: Corpus
    reference_date: str
    _cache: dict[str, EvalDocument] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=lambda: {"notice": 0.0, "cv": 0.0})
    counts: dict[str, int] = field(default_factory=lambda: {"notice": 0, "cv": 0})
    pipeline_load_seconds: float | None = None

    def get(self, doc_id: str) -> EvalDocument:
        if doc_id not in self._cache:
            self._load([doc_id])
        return self._cache[doc_id]

    def split(self, split: str, kind: str | None = None) -> list[EvalDocument]:
        ids = self.corpus.ids(kind=kind, split=split)
        if not ids:
            known = ", ".join(sorted(self.corpus.splits)) or "none"
            raise CorpusError(f"{self.corpus.root / 'splits.json'}: split {split!r} has no "
                              f"{kind or 'document'}s (splits: {known})")
        self._load([i for i in ids if i not in self._cache])
        return [self._cache[i] for i in ids]

    def _gold(self, doc_id: str) -> GoldDocument:
        gold = self.corpus.documents.get(doc_id)
        if gold is None:
            raise CorpusError(f"{self.corpus.root}: no annotation for document {doc_id!r}")
        if gold.problems:
            raise CorpusError(f"{gold.path}: {gold.problems[0]} (run `jobmatch corpus check`)")
        return gold

    def _load(self, ids: list[str]) -> None:
        """Read and extract documents in one pipeline stream per kind, timing each kind."""
        from jobmatch import load
        from jobmatch.extract import extract_documents
        from jobmatch.readers import read_document

        if self.pipeline_load_seconds is None:   # loading the pipeline is not extraction throughput
            started = time.perf_counter()
            load()
            self.pipeline_load_seconds = time.perf_counter() - started
        for kind in ("notice", "cv"):
            golds = [g for g in (self._gold(i) for i in ids) if g.kind == kind]
            if not golds:
                continue
            started = time.perf_counter()
            documents = [read_document(g.path) for g in golds]
            extractions = list(extract_documents(documents, kind, self.reference_date))
            self.seconds[kind] += time.perf_counter() - started
            self.counts[kind] += len(golds)
            for gold, document, extraction in zip(golds, documents, extractions):
                if document.text != gold.text:
                    raise CorpusError(f"{gold.path}: the reader's text differs from the annotated text, "
                                      "so gold offsets cannot be compared")
                self._cache[gold.id] = EvalDocument(gold, document, extraction)


def open_store(corpus_dir: str | Path) -> DocumentStore:
    corpus = load_corpus(corpus_dir)
    return DocumentStore(corpus, str(corpus.meta.get("reference_date", "2026-11-01")))
