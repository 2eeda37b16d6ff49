"""Training examples for the competency tagger: gold corpus lines and SkillSpan sentences as spaCy
Docs with COMPETENCY entities, written to DocBin files for `spacy train`.

Documents are cut into lines because the corpus has ~175 training documents of up to a few
thousand words: lines (a bullet, a skills row, a sentence of a profile) are the unit that holds a
competency (no gold span crosses a line) and give the optimiser thousands of small examples."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, DocBin, Span

from jobmatch.corpus.loader import Corpus, GoldDocument
from jobmatch.errors import JobmatchError
from jobmatch.pipeline.competency_tagger import text_lines

LABEL = "COMPETENCY"
SKILLSPAN_TAG_COLUMNS = ("tags_skill", "tags_knowledge")


class TrainingDataError(JobmatchError):
    """Training data is missing or malformed: the message names the file and the problem."""


@dataclass(frozen=True)
class Segment:
    """A piece of text with gold competency spans as (start, end) character offsets in it."""
    text: str
    spans: tuple[tuple[int, int], ...]
    source: str


def document_lines(text: str, spans: list[tuple[int, int]], source: str = "") -> list[Segment]:
    """Cut a document into non-blank lines without their surrounding white space (the unit the
    tagger runs on, `text_lines`), moving each span into its line's offsets."""
    segments = []
    for start, end in text_lines(text):
        inside = tuple((s - start, e - start) for s, e in spans if s >= start and e <= end)
        segments.append(Segment(text[start:end], inside, source))
    return segments


def corpus_segments(corpus: Corpus, split: str) -> list[Segment]:
    """The lines of every document of a split with their gold COMPETENCY spans."""
    if split not in corpus.splits:
        raise TrainingDataError(f"{corpus.root / 'splits.json'}: no {split!r} split")
    segments: list[Segment] = []
    for doc_id in corpus.ids(split=split):
        segments.extend(gold_document_lines(corpus.documents[doc_id]))
    return segments


def gold_document_lines(document: GoldDocument) -> list[Segment]:
    spans = [(s.start, s.end) for s in document.spans if s.label == LABEL]
    return document_lines(document.text, spans, document.id)


def bio_spans(tags: list[str]) -> list[tuple[int, int]]:
    """(start, end) token spans of a BIO sequence; a stray I- opens a span as B- would."""
    spans, start = [], None
    for i, tag in enumerate([*tags, "O"]):
        if tag[0] in "BO" or start is None:
            if start is not None:
                spans.append((start, i))
                start = None
            if tag[0] in "BI":
                start = i
    return spans


def read_skillspan(path: str | Path) -> list[dict]:
    """One SkillSpan split (`train.jsonl`, ...) as rows with tokens and skill/knowledge token spans."""
    path = Path(path)
    if not path.is_file():
        raise TrainingDataError(f"{path}: SkillSpan file not found")
    rows = []
    for number, line in enumerate(path.read_text("utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            raw = json.loads(line)
            tokens = [str(t) for t in raw["tokens"]]
            row = {"tokens": tokens, **{c: bio_spans(raw[c]) for c in SKILLSPAN_TAG_COLUMNS}}
        except (json.JSONDecodeError, KeyError, TypeError, IndexError) as exc:
            raise TrainingDataError(f"{path}:{number}: not a SkillSpan row ({exc})") from None
        rows.append(row)
    return rows


def merged_skillspan_spans(row: dict) -> list[tuple[int, int]]:
    """Skill and knowledge spans as one set; where they overlap the longer span wins, because
    our single COMPETENCY label cannot hold nested spans."""
    spans = sorted(set(row["tags_skill"]) | set(row["tags_knowledge"]), key=lambda s: (s[0] - s[1], s[0]))
    kept: list[tuple[int, int]] = []
    for start, end in spans:
        if all(end <= s or start >= e for s, e in kept):
            kept.append((start, end))
    return sorted(kept)


def token_char_offsets(tokens: list[str]) -> list[tuple[int, int]]:
    """Character offsets of pre-split tokens in their space-joined text."""
    offsets, position = [], 0
    for token in tokens:
        offsets.append((position, position + len(token)))
        position += len(token) + 1
    return offsets


def skillspan_segments(path: str | Path) -> list[Segment]:
    """SkillSpan sentences as space-joined text with merged skill+knowledge spans."""
    segments = []
    for row in read_skillspan(path):
        offsets = token_char_offsets(row["tokens"])
        spans = tuple((offsets[s][0], offsets[e - 1][1]) for s, e in merged_skillspan_spans(row))
        segments.append(Segment(" ".join(row["tokens"]), spans, "skillspan"))
    return segments


def segment_doc(nlp: Language, segment: Segment) -> tuple[Doc, int]:
    """The segment tokenised by the tagger's tokenizer with its spans as entities; also how many
    spans had to be widened to token boundaries (the tokenizer split inside a word)."""
    doc = nlp.make_doc(segment.text)
    entities: list[Span] = []
    widened = 0
    for start, end in segment.spans:
        span = doc.char_span(start, end, label=LABEL)
        if span is None:
            span = doc.char_span(start, end, label=LABEL, alignment_mode="expand")
            widened += 1
        if span is not None and all(span.end <= e.start or span.start >= e.end for e in entities):
            entities.append(span)
    doc.ents = sorted(entities, key=lambda s: s.start)
    return doc, widened


def write_docbin(nlp: Language, segments: list[Segment], path: str | Path) -> dict:
    """Write the segments as a DocBin; returns counts for the training log."""
    docs, widened = [], 0
    for segment in segments:
        doc, n = segment_doc(nlp, segment)
        docs.append(doc)
        widened += n
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    DocBin(docs=docs, store_user_data=False).to_disk(path)
    return {"segments": len(docs), "spans": sum(len(d.ents) for d in docs), "widened": widened}
