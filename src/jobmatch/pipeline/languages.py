"""jobmatch_languages: LANGUAGE spans (ISO 639-1, level, CEFR); for a notice the required and
desirable languages with the UN official-language rule as a structured requirement, for a CV the
best level stated for each language."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from jobmatch.extract.cv import language_skills
from jobmatch.extract.notice import language_requirement
from jobmatch.pipeline.extensions import SPANS_KEY
from jobmatch.pipeline.rules_component import KindRules


class Languages(KindRules):
    finding = "languages"

    def notice(self, text: str, doc: Doc, found: list):
        return language_requirement(text, doc._.structure, found)

    def cv(self, text: str, doc: Doc, found: list):
        return language_skills(text, doc._.sections or [], found)


@Language.factory("jobmatch_languages", default_config={"spans_key": SPANS_KEY})
def make_languages(nlp: Language, name: str, spans_key: str) -> Languages:
    return Languages(nlp, name, spans_key)
