"""Vacancy and Candidate objects from documents (the extraction's requirements and profile)."""

from __future__ import annotations

from jobmatch.model import Candidate, Document, NoticeHeader, Profile, Requirements, Span, Vacancy


def vacancy_from_document(document: Document, extraction: dict | None = None,
                          reference_date: str = "2026-11-01") -> Vacancy:
    """A vacancy with its sections, header and extracted requirements."""
    from jobmatch.extract import extract_document
    from jobmatch.structure.notice import parse_notice

    extraction = extraction or extract_document(document, "notice", reference_date)
    structure = parse_notice(document)
    spans = [Span(**s) for s in extraction.get("spans", [])]
    header = extraction.get("header")
    return Vacancy(id=document.id, document=document.model_copy(update={"spans": spans}),
                   header=NoticeHeader(**header) if header else structure.header, sections=structure.sections,
                   requirements=Requirements(**extraction.get("requirements") or {}))


def candidate_from_document(document: Document, extraction: dict | None = None,
                            reference_date: str = "2026-11-01") -> Candidate:
    """A candidate with the CV's sections and extracted profile."""
    from jobmatch.extract import extract_document
    from jobmatch.structure.cv import parse_cv_sections

    extraction = extraction or extract_document(document, "cv", reference_date)
    spans = [Span(**s) for s in extraction.get("spans", [])]
    return Candidate(id=document.id, document=document.model_copy(update={"spans": spans}),
                     sections=parse_cv_sections(document.text),
                     profile=Profile(**extraction.get("profile") or {}))


def document_spans(item: Vacancy | Candidate) -> list[Span]:
    return list(item.document.spans) if item.document is not None else []
