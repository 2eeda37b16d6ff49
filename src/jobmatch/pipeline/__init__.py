"""The extraction pipeline: spaCy components, one module per concern, built from config.cfg.

    jobmatch_structure           kind (notice / CV) and sections      -> Doc._.kind, Doc._.sections
    jobmatch_competency_rules    taxonomy phrases, stem-aware          -> COMPETENCY spans with ids
    jobmatch_competency_tagger   (trained, when present) free-text skills
    jobmatch_degrees             DEGREE and FIELD spans, education requirement / entries
    jobmatch_experience          EXPERIENCE (notices) and DATE_RANGE (CVs) spans, years, job periods
    jobmatch_languages           LANGUAGE spans, required languages / language skills
    jobmatch_assembler           Doc._.requirements (notice) or Doc._.profile (CV)

Spans go to doc.spans["jobmatch"], their normalised attributes to Span._.attrs."""

from jobmatch.pipeline.build import CONFIG_PATH, assemble, build_pipeline, load_pipeline, register_factories
from jobmatch.pipeline.extensions import SECTIONS_KEY, SPANS_KEY

__all__ = ["CONFIG_PATH", "SECTIONS_KEY", "SPANS_KEY", "assemble", "build_pipeline", "load_pipeline",
           "register_factories"]
