"""jobmatch_degrees: DEGREE spans (level, ISCED level) and FIELD spans (ISCED-F code); for a notice
the education requirement (minimum level, accepted fields, substitution clauses), for a CV one
education entry per degree."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from jobmatch.extract.cv import education_entries
from jobmatch.extract.notice import education_requirement
from jobmatch.pipeline.extensions import SPANS_KEY
from jobmatch.pipeline.rules_component import KindRules
from jobmatch.settings import Settings


class Degrees(KindRules):
    finding = "education"

    def notice(self, text: str, doc: Doc, found: list):
        return education_requirement(text, doc._.structure, found)

    def cv(self, text: str, doc: Doc, found: list):
        # The reference date tells a degree dated in the future (still enrolled) from one awarded.
        return education_entries(text, doc._.sections or [], found, doc._.reference_date or Settings().reference_date)


@Language.factory("jobmatch_degrees", default_config={"spans_key": SPANS_KEY})
def make_degrees(nlp: Language, name: str, spans_key: str) -> Degrees:
    return Degrees(nlp, name, spans_key)
