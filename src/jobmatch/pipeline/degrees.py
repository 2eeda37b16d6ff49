"""jobmatch_degrees: DEGREE spans (level, ISCED level) and FIELD spans (ISCED-F code); for a notice
the education requirement (minimum level, accepted fields, substitution clauses), for a CV one
education entry per degree."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from jobmatch.extract.cv import education_entries
from jobmatch.extract.notice import education_requirement
from jobmatch.pipeline.extensions import SPANS_KEY, add_model_spans, prepare


class Degrees:
    def __init__(self, nlp: Language, name: str, spans_key: str):
        self.name = name
        self.spans_key = spans_key

    def __call__(self, doc: Doc) -> Doc:
        prepare(doc)
        found = []
        text = doc._.source_text
        if doc._.kind == "notice":
            doc._.findings["education"] = education_requirement(text, doc._.structure, found)
        else:
            doc._.findings["education"] = education_entries(text, doc._.sections or [], found)
        add_model_spans(doc, found, self.spans_key)
        return doc


@Language.factory("jobmatch_degrees", default_config={"spans_key": SPANS_KEY})
def make_degrees(nlp: Language, name: str, spans_key: str) -> Degrees:
    return Degrees(nlp, name, spans_key)
