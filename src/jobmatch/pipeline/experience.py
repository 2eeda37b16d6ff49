"""jobmatch_experience: in a notice, EXPERIENCE spans on the years it asks for (total,
international, leadership, doctorate substitution) and the experience requirement; in a CV,
DATE_RANGE spans, EXPERIENCE spans on job titles and on the years a summary claims, and the job
periods behind total and international years."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from jobmatch.extract.cv import claimed_experience, job_periods
from jobmatch.extract.notice import experience_requirement
from jobmatch.pipeline.extensions import SPANS_KEY
from jobmatch.pipeline.rules_component import KindRules


class Experience(KindRules):
    """`reference_date` is what "present" means; a Doc may carry its own in Doc._.reference_date."""

    finding = "experience"          # notice: the experience requirement; CV: the job periods

    def __init__(self, nlp: Language, name: str, reference_date: str, spans_key: str):
        super().__init__(nlp, name, spans_key)
        self.reference_date = reference_date

    def notice(self, text: str, doc: Doc, found: list):
        return experience_requirement(text, doc._.structure, found)

    def cv(self, text: str, doc: Doc, found: list):
        doc._.reference_date = doc._.reference_date or self.reference_date
        jobs = job_periods(text, doc._.sections or [], doc._.reference_date, found)
        claimed_experience(text, doc._.sections or [], found)
        return jobs


@Language.factory("jobmatch_experience", default_config={"reference_date": "2026-11-01", "spans_key": SPANS_KEY})
def make_experience(nlp: Language, name: str, reference_date: str, spans_key: str) -> Experience:
    return Experience(nlp, name, reference_date, spans_key)
