"""Extraction: spans and normalised requirements (notices) or profiles (CVs).

This first version is rule-based (degree, field, years, language and taxonomy rules over the
document's sections); the spaCy pipeline packaging and the trained competency tagger come next."""

from __future__ import annotations

from jobmatch.extract.cv import extract_cv
from jobmatch.extract.notice import extract_notice
from jobmatch.model import Document, NoticeStructure
from jobmatch.structure.cv import parse_cv_sections
from jobmatch.structure.notice import parse_notice

NOTICE_MARKERS = {"duties", "qualifications", "core_competencies", "functional_competencies",
                  "technical_competencies", "recruitment_process", "benefits"}


def looks_like_notice(structure: NoticeStructure) -> bool:
    """True when the text has a notice's sections or header fields."""
    names = {s.name for s in structure.sections}
    header = structure.header
    return bool(len(names & NOTICE_MARKERS) >= 2 or header.vacancy_number or header.deadline)


def extract_document(document: Document, kind: str | None = None, reference_date: str = "2026-11-01") -> dict:
    """The JSON-ready extraction of one document: id, kind, spans, and requirements or profile."""
    structure = parse_notice(document) if kind != "cv" else None
    if kind == "notice" or (kind is None and looks_like_notice(structure)):
        spans, requirements = extract_notice(document.text, structure)
        return {"id": document.id, "source": document.source, "kind": "notice",
                "header": structure.header.model_dump(mode="json"),
                "spans": [s.model_dump(mode="json") for s in spans],
                "requirements": requirements.model_dump(mode="json")}
    sections = parse_cv_sections(document.text)
    spans, profile = extract_cv(document.text, sections, reference_date)
    return {"id": document.id, "source": document.source, "kind": "cv",
            "spans": [s.model_dump(mode="json") for s in spans],
            "profile": profile.model_dump(mode="json")}
