"""The shape shared by the rule components: one rule for notices, another for CVs, each reading
the document text and the sections found by jobmatch_structure, adding the spans it finds and
leaving its normalised result in Doc._.findings for the assembler."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from jobmatch.pipeline.extensions import add_model_spans, prepare


class KindRules:
    """Subclasses name their finding and implement `notice` and `cv` (text, doc, found spans)."""

    finding = ""

    def __init__(self, nlp: Language, name: str, spans_key: str):
        self.name = name
        self.spans_key = spans_key

    def notice(self, text: str, doc: Doc, found: list):
        raise NotImplementedError

    def cv(self, text: str, doc: Doc, found: list):
        raise NotImplementedError

    def __call__(self, doc: Doc) -> Doc:
        prepare(doc)
        found: list = []
        rule = self.notice if doc._.kind == "notice" else self.cv
        doc._.findings[self.finding] = rule(doc._.source_text, doc, found)
        add_model_spans(doc, found, self.spans_key)
        return doc
