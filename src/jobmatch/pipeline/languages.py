"""jobmatch_languages: LANGUAGE spans (ISO 639-1, level, CEFR); for a notice the required and
desirable languages with the UN official-language rule as a structured requirement, for a CV the
best level stated for each language."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from jobmatch.extract.cv import language_skills
from jobmatch.extract.notice import language_requirement
from jobmatch.pipeline.extensions import SPANS_KEY, add_model_spans, prepare


class Languages:
    def __init__(self, nlp: Language, name: str, spans_key: str):
        self.name = name
        self.spans_key = spans_key

    def __call__(self, doc: Doc) -> Doc:
        prepare(doc)
        found = []
        text = doc._.source_text
        if doc._.kind == "notice":
            doc._.findings["languages"] = language_requirement(text, doc._.structure, found)
        else:
            doc._.findings["languages"] = language_skills(text, doc._.sections or [], found)
        add_model_spans(doc, found, self.spans_key)
        return doc


@Language.factory("jobmatch_languages", default_config={"spans_key": SPANS_KEY})
def make_languages(nlp: Language, name: str, spans_key: str) -> Languages:
    return Languages(nlp, name, spans_key)
