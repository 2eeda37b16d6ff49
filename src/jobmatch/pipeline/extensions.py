"""The `Doc._` and `Span._` attributes the jobmatch components set, registered once.

Span attributes live in one dict per (label, start, end) on the Doc, so a DEGREE and a FIELD (or a
rule COMPETENCY and a LANGUAGE) over the same characters never share attributes."""

from __future__ import annotations

from spacy.tokens import Doc, Span

SPANS_KEY = "jobmatch"          # doc.spans[SPANS_KEY]: every extracted span, labels may overlap
SECTIONS_KEY = "sections"       # doc.spans[SECTIONS_KEY]: one span per section, labelled by its name


def _span_attrs(span: Span) -> dict:
    return span.doc._.span_attrs.setdefault((span.label_, span.start_char, span.end_char), {})


def _set_span_attrs(span: Span, value: dict) -> None:
    span.doc._.span_attrs[(span.label_, span.start_char, span.end_char)] = dict(value)


def register_extensions() -> None:
    """Register the jobmatch attributes (idempotent: spaCy keeps one registry per process)."""
    doc_defaults = {
        "kind": None,              # "notice" | "cv": preset by the caller or guessed by jobmatch_structure
        "reference_date": None,    # what "present" means in CV date ranges ("YYYY-MM-DD")
        "sections": None,          # list[jobmatch.model.Section]
        "structure": None,         # jobmatch.model.NoticeStructure (notices)
        "findings": None,          # dict: each component's normalised part, for the assembler
        "requirements": None,      # jobmatch.model.Requirements (notices)
        "profile": None,           # jobmatch.model.Profile (CVs)
        "span_attrs": None,        # dict[(label, start_char, end_char)] -> attrs; read through Span._.attrs
        "source_text": None,       # doc.text, kept once: Doc.text rebuilds the string from every token
    }
    for name, default in doc_defaults.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)
    if not Span.has_extension("attrs"):
        Span.set_extension("attrs", getter=_span_attrs, setter=_set_span_attrs)
    if not Span.has_extension("taxonomy_id"):
        Span.set_extension("taxonomy_id", getter=lambda span: _span_attrs(span).get("id") if span.label_ == "COMPETENCY" else None)


def prepare(doc: Doc) -> Doc:
    """Give a Doc the containers the components write into (the first component calls this)."""
    if doc._.findings is None:
        doc._.findings = {}
    if doc._.span_attrs is None:
        doc._.span_attrs = {}
    if SPANS_KEY not in doc.spans:
        doc.spans[SPANS_KEY] = []
    if doc._.source_text is None:
        doc._.source_text = doc.text
    return doc


def add_span(doc: Doc, label: str, start: int, end: int, attrs: dict, spans_key: str = SPANS_KEY) -> Span | None:
    """Add a span over characters [start, end) with its attributes; widened to token boundaries
    when a rule's match ends inside a token."""
    span = doc.char_span(start, end, label=label, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    doc.spans[spans_key].append(span)
    span._.attrs = attrs
    return span





def add_model_spans(doc: Doc, spans, spans_key: str = SPANS_KEY) -> None:
    """Add rule results (jobmatch.model.Span, character offsets) to doc.spans[spans_key]."""
    for span in spans:
        add_span(doc, span.label, span.start, span.end, span.attrs, spans_key)
register_extensions()
