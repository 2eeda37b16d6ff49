"""Load the gold corpus and resolve its quote-anchored spans to character offsets."""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass, field
from pathlib import Path

from jobmatch.errors import CorpusError
from jobmatch.readers.text import normalise_text

DOC_FOLDERS = {"notice": "notices", "cv": "cvs"}


@dataclass
class GoldSpan:
    label: str
    start: int
    end: int
    text: str
    attrs: dict = field(default_factory=dict)

    def to_json(self) -> dict:
        return {"label": self.label, "start": self.start, "end": self.end, "text": self.text,
                "attrs": self.attrs}


@dataclass
class GoldDocument:
    id: str
    kind: str
    language: str
    path: Path
    text: str
    annotation: dict
    spans: list[GoldSpan] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    @property
    def cluster(self) -> str:
        return cluster_of(self.id)


@dataclass
class Judgment:
    notice_id: str
    cv_id: str
    grade: int
    rationale: str
    source: str


@dataclass
class Corpus:
    root: Path
    meta: dict
    documents: dict[str, GoldDocument]
    judgments: list[Judgment]
    splits: dict[str, list[str]]

    def ids(self, kind: str | None = None, split: str | None = None) -> list[str]:
        wanted = set(self.splits.get(split, [])) if split else None
        return sorted(d.id for d in self.documents.values()
                      if (kind is None or d.kind == kind) and (wanted is None or d.id in wanted))

    def qrels(self, direction: str, split: str | None = None) -> dict[str, dict[str, int]]:
        """Judgments as {query: {doc: grade}}; recruiter = notice -> CVs, candidate = CV -> notices."""
        allowed = set(self.splits.get(split, [])) if split else None
        out: dict[str, dict[str, int]] = {}
        for j in self.judgments:
            if allowed is not None and not (j.notice_id in allowed and j.cv_id in allowed):
                continue
            query, doc = (j.notice_id, j.cv_id) if direction == "recruiter" else (j.cv_id, j.notice_id)
            out.setdefault(query, {})[doc] = j.grade
        return out


def cluster_of(doc_id: str) -> str:
    parts = doc_id.split("-")
    return parts[1] if len(parts) >= 3 else ""


def read_corpus_text(path: Path) -> str:
    """The text offsets point into: the .txt source, normalised as the readers normalise it."""
    text, _ = normalise_text(path.read_text(encoding="utf-8"))
    return text


def resolve_spans(text: str, raw_spans: list[dict]) -> tuple[list[GoldSpan], list[str]]:
    """Turn {"text", "occurrence"} anchors into offsets; report anchors that are not found."""
    spans: list[GoldSpan] = []
    problems: list[str] = []
    for n, raw in enumerate(raw_spans):
        quote = raw.get("text")
        label = raw.get("label")
        if not isinstance(quote, str) or not quote:
            problems.append(f"span #{n} ({label}) has no text")
            continue
        occurrence = int(raw.get("occurrence") or 0)
        start = -1
        for _ in range(occurrence + 1):
            start = text.find(quote, start + 1)
            if start < 0:
                break
        if start < 0:
            found = text.count(quote)
            problems.append(f"span #{n} ({label}) {quote!r} occurrence {occurrence} not found "
                            f"(the text has {found} occurrence(s))")
            continue
        spans.append(GoldSpan(str(label), start, start + len(quote), quote, dict(raw.get("attrs") or {})))
    return spans, problems


def _load_document(root: Path, ann_path: Path) -> GoldDocument:
    try:
        annotation = json.loads(ann_path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise CorpusError(f"{ann_path.name}: not valid JSON ({exc})") from exc
    doc_id = annotation.get("id") or ann_path.stem
    kind = annotation.get("kind", "")
    folder = DOC_FOLDERS.get(kind)
    path = root / (folder or "missing") / f"{doc_id}.txt"
    doc = GoldDocument(doc_id, kind, annotation.get("language", ""), path, "", annotation)
    if doc_id != ann_path.stem:
        doc.problems.append(f"id {doc_id!r} differs from the file name {ann_path.stem!r}")
    if folder is None:
        doc.problems.append(f"kind {kind!r} is not 'notice' or 'cv'")
        return doc
    if not path.exists():
        doc.problems.append(f"text file {path.relative_to(root)} is missing")
        return doc
    doc.text = read_corpus_text(path)
    doc.spans, problems = resolve_spans(doc.text, annotation.get("spans") or [])
    doc.problems.extend(problems)
    return doc


def _load_judgments(root: Path) -> tuple[list[Judgment], list[str]]:
    judgments: list[Judgment] = []
    problems: list[str] = []
    for path in sorted((root / "judgments").glob("*.tsv")):
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
            expected = ["notice_id", "cv_id", "grade", "rationale"]
            if reader.fieldnames != expected:
                problems.append(f"{path.name}: header {reader.fieldnames} should be {expected}")
                continue
            for line, row in enumerate(reader, start=2):
                try:
                    grade = int(row["grade"])
                except (TypeError, ValueError):
                    problems.append(f"{path.name}:{line}: grade {row.get('grade')!r} is not 0-3")
                    continue
                judgments.append(Judgment(row["notice_id"] or "", row["cv_id"] or "", grade,
                                          (row.get("rationale") or "").strip(), path.name))
    return judgments, problems


def load_corpus(root: str | Path) -> Corpus:
    """Read corpora/: every annotated document with resolved spans, judgments and splits."""
    root = Path(root)
    if not (root / "annotations").is_dir():
        raise CorpusError(f"{root} is not a jobmatch corpus (no annotations/ folder)")
    meta_path = root / "meta.json"
    meta = json.loads(meta_path.read_text("utf-8")) if meta_path.exists() else {}
    documents = {}
    for ann_path in sorted((root / "annotations").glob("*.json")):
        doc = _load_document(root, ann_path)
        documents[doc.id] = doc
    judgments, problems = _load_judgments(root)
    splits_path = root / "splits.json"
    splits = json.loads(splits_path.read_text("utf-8")) if splits_path.exists() else {}
    corpus = Corpus(root, meta, documents, judgments, splits)
    corpus.meta.setdefault("_load_problems", problems)
    return corpus
