"""jobmatch_structure: the document's kind (notice or CV) and its sections, so later components
read "Languages:" text as a language requirement and "Core competencies" items as core ones."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from jobmatch.model import Document
from jobmatch.pipeline.extensions import SECTIONS_KEY, prepare
from jobmatch.structure.cv import parse_cv_sections
from jobmatch.structure.kind import guess_kind
from jobmatch.structure.notice import parse_notice


class DocumentStructure:
    """Sets Doc._.kind (jobmatch.structure.kind weighs the evidence), Doc._.sections
    (jobmatch.model.Section), Doc._.structure (notices) and doc.spans["sections"]. A kind preset
    on the Doc (the caller knows it) is kept, and only that kind's parser runs."""

    def __init__(self, nlp: Language, name: str):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        prepare(doc)
        text = doc._.source_text
        structure = None
        if doc._.kind != "cv":
            structure = parse_notice(Document(id="", source="", format="txt", text=text))
        cv_sections = parse_cv_sections(text) if doc._.kind != "notice" else None
        if doc._.kind is None:
            doc._.kind = guess_kind(text, structure, cv_sections)
        if doc._.kind == "notice":
            doc._.structure = structure
            doc._.sections = list(structure.sections)
        else:
            doc._.sections = cv_sections
        section_spans = []
        for section in doc._.sections:
            span = doc.char_span(section.start, section.end, label=section.name, alignment_mode="expand")
            if span is not None:
                section_spans.append(span)
        doc.spans[SECTIONS_KEY] = section_spans
        return doc


@Language.factory("jobmatch_structure")
def make_structure(nlp: Language, name: str) -> DocumentStructure:
    return DocumentStructure(nlp, name)
