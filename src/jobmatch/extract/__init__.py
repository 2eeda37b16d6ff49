"""Extraction: spans and normalised requirements (notices) or profiles (CVs).

The rules live here, one module per concern (notice requirements, CV profiles, competencies,
regions); they run as the components of the spaCy pipeline in `jobmatch.pipeline`, and
`extract_document` / `extract_documents` run a document through that pipeline."""

from __future__ import annotations

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
                      reference_date: str = DEFAULT_REFERENCE_DATE, nlp=None, batch_size: int = 32) -> Iterator[dict]:
    """The JSON-ready extraction of each document, in order, through one `nlp.pipe` stream."""
    if nlp is None:
        from jobmatch import load
        nlp = load()
    pending: list[Document] = []

    def docs():
        for document in documents:
            pending.append(document)
            yield _prepared(nlp, document, kind, reference_date)

    for doc in nlp.pipe(docs(), batch_size=batch_size):
        yield _result(pending.pop(0), doc)


def extract_document(document: Document, kind: str | None = None, reference_date: str = DEFAULT_REFERENCE_DATE,
                     nlp=None) -> dict:
    """The JSON-ready extraction of one document: id, source, kind, spans, and requirements
    (notice, with its header) or profile (CV). `kind` None: guessed from the text."""
    return next(extract_documents([document], kind, reference_date, nlp))
