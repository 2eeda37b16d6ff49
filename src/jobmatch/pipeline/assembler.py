"""jobmatch_assembler: the last component. Links the trained tagger's COMPETENCY spans (if the
pipeline has one) to the rules' ones, then assembles Doc._.requirements (notice) or Doc._.profile
(CV) from the spans and the other components' findings, with the classes of jobmatch.model.

Tagger hand-over: a tagger placed before this component writes COMPETENCY spans to
doc.spans[spans_key] (or doc.ents). Where a rule span overlaps one, the rule span (which carries a
taxonomy id) wins; the others are kept as new competencies: attrs {"id": None, "new": True,
"type": ...}, the type taken from the notice section as for rule spans."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from jobmatch.extract.competencies import (competency_regions, competency_requirement, competency_type, in_regions,
                                           profile_competencies)
from jobmatch.extract.cv import profile_from
from jobmatch.extract.notice import eligibility_rules
from jobmatch.extract.regions import section_at
from jobmatch.model import EducationRequirement, ExperienceRequirement, LanguageRequirement, Requirements, Span
from jobmatch.pipeline.extensions import SPANS_KEY, prepare
from jobmatch.settings import Settings


def model_spans(doc: Doc, spans_key: str = SPANS_KEY) -> list[Span]:
    """doc.spans[spans_key] as jobmatch.model.Span, in document order."""
    spans = [Span(label=s.label_, start=s.start_char, end=s.end_char, text=s.text, attrs=dict(s._.attrs))
             for s in doc.spans[spans_key]]
    return sorted(spans, key=lambda s: (s.start, s.end, s.label))


class Assembler:
    def __init__(self, nlp: Language, name: str, spans_key: str):
        self.name = name
        self.spans_key = spans_key

    def _link_tagged_competencies(self, doc: Doc) -> None:
        group = doc.spans[self.spans_key]
        ruled = [s for s in group if s.label_ == "COMPETENCY" and s._.attrs.get("id")]
        tagged = [s for s in group if s.label_ == "COMPETENCY" and not s._.attrs]
        tagged += [e for e in doc.ents if e.label_ == "COMPETENCY"]
        kind, sections = doc._.kind, doc._.sections or []
        regions = competency_regions(kind, sections, len(doc._.source_text))
        kept = [s for s in group if not (s.label_ == "COMPETENCY" and not s._.attrs)]
        for span in tagged:
            if any(r.start < span.end and span.start < r.end for r in ruled + [k for k in kept if k.label_ == "COMPETENCY"]):
                continue
            if not in_regions(regions, span.start_char):
                continue
            kept.append(span)
            span._.attrs = {"id": None, "new": True,
                            "type": competency_type(kind, section_at(sections, span.start_char), None)}
        doc.spans[self.spans_key] = kept

    def __call__(self, doc: Doc) -> Doc:
        prepare(doc)
        self._link_tagged_competencies(doc)
        spans = model_spans(doc, self.spans_key)
        found = doc._.findings
        found["spans"] = spans
        if doc._.kind == "notice":
            doc._.requirements = Requirements(
                education=found.get("education") or EducationRequirement(),
                experience=found.get("experience") or ExperienceRequirement(),
                languages=found.get("languages") or LanguageRequirement(),
                competencies=competency_requirement(spans),
                eligibility=eligibility_rules(doc._.source_text))
        else:
            doc._.profile = profile_from(found.get("experience") or [], found.get("education") or [],
                                         found.get("languages") or [], profile_competencies(spans),
                                         doc._.reference_date or Settings().reference_date)
        return doc


@Language.factory("jobmatch_assembler", default_config={"spans_key": SPANS_KEY})
def make_assembler(nlp: Language, name: str, spans_key: str) -> Assembler:
    return Assembler(nlp, name, spans_key)
