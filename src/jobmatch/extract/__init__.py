"""Extraction: spans and normalised requirements (notices) or profiles (CVs).

The rules live here, one module per concern (notice requirements, CV profiles, competencies,
regions); they run as the components of the spaCy pipeline in `jobmatch.pipeline`, and
`extract_document` / `extract_documents` run a document through that pipeline."""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterable, Iterator

from jobmatch.model import Document

DEFAULT_REFERENCE_DATE = "2026-11-01"


def _result(document: Document, doc) -> dict:
    from jobmatch.pipeline.assembler import model_spans  # the pipeline's components import the rules here

    spans = [s.model_dump(mode="json") for s in (doc._.findings or {}).get("spans") or model_spans(doc)]
    if doc._.kind == "notice":
        return {"id": document.id, "source": document.source, "kind": "notice",
                "header": doc._.structure.header.model_dump(mode="json"),
                "spans": spans, "requirements": doc._.requirements.model_dump(mode="json")}
    return {"id": document.id, "source": document.source, "kind": "cv",
            "spans": spans, "profile": doc._.profile.model_dump(mode="json")}


def _prepared(nlp, document: Document, kind: str | None, reference_date: str):
    doc = nlp.make_doc(document.text)
    doc._.source_text = document.text
    doc._.kind = kind
    doc._.reference_date = reference_date
    return doc


def extract_documents(documents: Iterable[Document], kind: str | None = None,
                      reference_date: str = DEFAULT_REFERENCE_DATE, nlp=None, batch_size: int = 32,
                      n_process: int = 1) -> Iterator[dict]:
    """The JSON-ready extraction of each document, in order, through one `nlp.pipe` stream, or
    through `n_process` forked workers that share the loaded pipeline (see `_extract_forked`)."""
    if nlp is None:
        from jobmatch import load
        nlp = load()
    if n_process > 1 and "fork" in multiprocessing.get_all_start_methods():
        yield from _extract_forked(documents, kind, reference_date, nlp, batch_size, n_process)
        return
    pending: list[Document] = []

    def docs():
        for document in documents:
            pending.append(document)
            yield _prepared(nlp, document, kind, reference_date)

    for doc in nlp.pipe(docs(), batch_size=batch_size):
        yield _result(pending.pop(0), doc)


_FORKED: dict = {}    # what forked workers inherit: the pipeline and the run's settings


def _extract_chunk(documents: list[Document]) -> list[dict]:
    return list(extract_documents(documents, _FORKED["kind"], _FORKED["reference_date"], _FORKED["nlp"],
                                  _FORKED["batch_size"]))


def _extract_forked(documents: Iterable[Document], kind: str | None, reference_date: str, nlp, batch_size: int,
                    n_process: int) -> Iterator[dict]:
    """Batches of documents extracted by worker processes forked from this one, results in order.

    spaCy's own `nlp.pipe(n_process=...)` sends Docs back as bytes, which the components'
    Python objects on `Doc._` (requirements, profiles) cannot travel as; forked workers inherit
    the loaded pipeline instead (no reloading) and send back the JSON-ready results."""
    from spacy.util import minibatch

    _FORKED.update(kind=kind, reference_date=reference_date, nlp=nlp, batch_size=batch_size)
    with multiprocessing.get_context("fork").Pool(n_process) as pool:
        for results in pool.imap(_extract_chunk, minibatch(documents, size=batch_size)):
            yield from results


def extract_document(document: Document, kind: str | None = None, reference_date: str = DEFAULT_REFERENCE_DATE,
                     nlp=None) -> dict:
    """The JSON-ready extraction of one document: id, source, kind, spans, and requirements
    (notice, with its header) or profile (CV). `kind` None: guessed from the text."""
    return next(extract_documents([document], kind, reference_date, nlp))
