"""jobmatch_experience: in a notice, EXPERIENCE spans on the years it asks for (total,
international, leadership, doctorate substitution) and the experience requirement; in a CV,
DATE_RANGE spans, EXPERIENCE spans on job titles and on the years a summary claims, and the job
periods behind total and international years."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from jobmatch.extract.cv import claimed_experience, job_periods
from jobmatch.extract.notice import experience_requirement
from jobmatch.pipeline.extensions import SPANS_KEY, add_model_spans, prepare


class Experience:
    """`reference_date` is what "present" means; a Doc may carry its own in Doc._.reference_date."""

    def __init__(self, nlp: Language, name: str, reference_date: str, spans_key: str):
        self.name = name
        self.reference_date = reference_date
        self.spans_key = spans_key

    def __call__(self, doc: Doc) -> Doc:
        prepare(doc)
        found = []
        text = doc._.source_text
        if doc._.kind == "notice":
            doc._.findings["experience"] = experience_requirement(text, doc._.structure, found)
        else:
            doc._.reference_date = doc._.reference_date or self.reference_date
            doc._.findings["jobs"] = job_periods(text, doc._.sections or [], doc._.reference_date, found)
            claimed_experience(text, doc._.sections or [], found)
        add_model_spans(doc, found, self.spans_key)
        return doc


@Language.factory("jobmatch_experience", default_config={"reference_date": "2026-11-01", "spans_key": SPANS_KEY})
def make_experience(nlp: Language, name: str, reference_date: str, spans_key: str) -> Experience:
    return Experience(nlp, name, reference_date, spans_key)
