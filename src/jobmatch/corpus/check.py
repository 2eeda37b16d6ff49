"""Validate the gold corpus: every problem a machine can see, named by document and span."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from jobmatch.corpus.loader import Corpus, GoldDocument, GoldSpan, cluster_of
from jobmatch.taxonomy import load_taxonomy
from jobmatch.vocab import (CEFR_LEVELS, COMPETENCY_TYPES, DEGREE_LEVELS, DOCUMENT_KINDS,
                            EXPERIENCE_KINDS, LABELS, LANGUAGE_LEVELS, ORG_TYPES,
                            RELEVANCE_GRADES)

_MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
_LANG = re.compile(r"^[a-z]{2}$")
_ISCED_F = re.compile(r"^\d{4}$")
SPLIT_NAMES = ("train", "dev", "test")


@dataclass(frozen=True)
class Problem:
    where: str
    message: str
    severity: str = "error"

    def __str__(self) -> str:
        return f"{self.severity}: {self.where}: {self.message}"


def corpus_competency_ids(root: Path) -> set[str]:
    """Ids of the packaged taxonomy plus the cluster additions under corpora/taxonomy/."""
    ids = set(load_taxonomy().competencies)
    for path in sorted((root / "taxonomy").glob("*.yaml")):
        ids.update((yaml.safe_load(path.read_text("utf-8")) or {}).keys())
    return ids


def _check_span_attrs(span: GoldSpan, competency_ids: set[str], field_codes: set[str]) -> list[str]:
    a = span.attrs
    out: list[str] = []
    if span.label == "DEGREE":
        if a.get("level") not in DEGREE_LEVELS:
            out.append(f"level {a.get('level')!r} not in {list(DEGREE_LEVELS)}")
        elif a.get("isced") != DEGREE_LEVELS[a["level"]]:
            out.append(f"isced {a.get('isced')!r} should be {DEGREE_LEVELS[a['level']]} for {a['level']}")
    elif span.label == "FIELD":
        code = str(a.get("isced_f", ""))
        if not _ISCED_F.match(code):
            out.append(f"isced_f {a.get('isced_f')!r} is not a four-digit ISCED-F code")
        elif code not in field_codes and not code.endswith(("88", "99")):
            out.append(f"isced_f {code} is not in fields.yaml")
    elif span.label == "EXPERIENCE":
        kind = a.get("kind")
        if kind not in EXPERIENCE_KINDS:
            out.append(f"kind {kind!r} not in {list(EXPERIENCE_KINDS)}")
        if kind in ("job", "internship", "volunteer"):
            out.extend(_check_period(a))
        elif not isinstance(a.get("years"), (int, float)):
            out.append(f"years {a.get('years')!r} is not a number")
    elif span.label == "DATE_RANGE":
        out.extend(_check_period(a))
    elif span.label == "LANGUAGE":
        if not _LANG.match(str(a.get("lang", ""))):
            out.append(f"lang {a.get('lang')!r} is not an ISO 639-1 code")
        if a.get("level") is not None and a.get("level") not in LANGUAGE_LEVELS:
            out.append(f"level {a.get('level')!r} not in {list(LANGUAGE_LEVELS)} or null")
        if a.get("cefr") is not None and a.get("cefr") not in CEFR_LEVELS:
            out.append(f"cefr {a.get('cefr')!r} not in {list(CEFR_LEVELS)}")
    elif span.label == "COMPETENCY":
        if a.get("id") is not None and a.get("id") not in competency_ids:
            out.append(f"competency id {a.get('id')!r} is in no taxonomy file")
        if a.get("type") not in COMPETENCY_TYPES:
            out.append(f"type {a.get('type')!r} not in {list(COMPETENCY_TYPES)}")
    elif span.label == "ORG":
        if a.get("type") not in ORG_TYPES:
            out.append(f"type {a.get('type')!r} not in {list(ORG_TYPES)}")
    return out


def _check_period(a: dict) -> list[str]:
    out = []
    if not _MONTH.match(str(a.get("start", ""))):
        out.append(f"start {a.get('start')!r} is not YYYY-MM")
    end = str(a.get("end", ""))
    if end != "present" and not _MONTH.match(end):
        out.append(f"end {a.get('end')!r} is not YYYY-MM or 'present'")
    elif end != "present" and _MONTH.match(str(a.get("start", ""))) and end < a["start"]:
        out.append(f"end {end} is before start {a['start']}")
    return out


def _check_boundaries(span: GoldSpan) -> str | None:
    if span.text != span.text.strip():
        return "leading or trailing whitespace"
    if span.label != "DEGREE" and span.text[-1] in ",;:":
        return "trailing punctuation"
    return None


def _check_document(doc: GoldDocument, competency_ids: set[str], field_codes: set[str]) -> list[Problem]:
    where = doc.id
    problems = [Problem(where, p) for p in doc.problems]
    if doc.kind not in DOCUMENT_KINDS:
        return problems
    if doc.language not in ("en", "fr", "es"):
        problems.append(Problem(where, f"language {doc.language!r} should be en, fr or es"))
    if doc.text and not doc.text.strip():
        problems.append(Problem(where, "the text is empty"))
    for span in doc.spans:
        tag = f"{where} {span.label} {span.text[:40]!r}@{span.start}"
        if span.label not in LABELS:
            problems.append(Problem(tag, f"label not in {list(LABELS)}"))
            continue
        for message in _check_span_attrs(span, competency_ids, field_codes):
            problems.append(Problem(tag, message))
        boundary = _check_boundaries(span)
        if boundary:
            problems.append(Problem(tag, boundary))
    by_label: dict[str, list[GoldSpan]] = {}
    for span in doc.spans:
        by_label.setdefault(span.label, []).append(span)
    for label, spans in by_label.items():
        spans.sort(key=lambda s: (s.start, s.end))
        for a, b in zip(spans, spans[1:]):
            if b.start < a.end:
                problems.append(Problem(where, f"{label} spans overlap: {a.text!r}@{a.start} and {b.text!r}@{b.start}"))
    key = "requirements" if doc.kind == "notice" else "profile"
    gold = doc.annotation.get(key)
    if not isinstance(gold, dict):
        problems.append(Problem(where, f"document gold {key!r} is missing"))
    elif doc.kind == "notice":
        problems.extend(_check_requirements(where, gold))
    else:
        problems.extend(_check_profile(where, gold))
        if not doc.annotation.get("written_for"):
            problems.append(Problem(where, "CV has no 'written_for' notice id", "warning"))
    return problems


def _check_requirements(where: str, req: dict) -> list[Problem]:
    out = []
    edu = req.get("education") or {}
    if edu.get("min_level") is not None and edu.get("min_level") not in DEGREE_LEVELS:
        out.append(Problem(where, f"requirements.education.min_level {edu.get('min_level')!r} invalid"))
    for code in edu.get("fields") or []:
        if not _ISCED_F.match(str(code)):
            out.append(Problem(where, f"requirements.education.fields has {code!r}, not an ISCED-F code"))
    exp = req.get("experience") or {}
    for name in ("min_years", "international_years", "doctorate_substitutes_years"):
        value = exp.get(name)
        if value is not None and not isinstance(value, (int, float)):
            out.append(Problem(where, f"requirements.experience.{name} {value!r} is not a number"))
    langs = req.get("languages") or {}
    for group in ("required", "desirable"):
        for item in langs.get(group) or []:
            if not isinstance(item, dict) or not (item.get("language") or item.get("any_of")):
                out.append(Problem(where, f"requirements.languages.{group} item {item!r} names no language"))
            elif item.get("level") is not None and item.get("level") not in LANGUAGE_LEVELS:
                out.append(Problem(where, f"requirements.languages.{group} level {item.get('level')!r} invalid"))
    for missing in ("education", "experience", "languages", "competencies"):
        if missing not in req:
            out.append(Problem(where, f"requirements.{missing} is missing"))
    return out


def _check_profile(where: str, profile: dict) -> list[Problem]:
    out = []
    for name in ("total_years", "international_years"):
        if not isinstance(profile.get(name), (int, float)):
            out.append(Problem(where, f"profile.{name} {profile.get(name)!r} is not a number"))
    for item in profile.get("education") or []:
        if item.get("level") not in DEGREE_LEVELS:
            out.append(Problem(where, f"profile.education level {item.get('level')!r} invalid"))
    for item in profile.get("languages") or []:
        if not _LANG.match(str(item.get("language", ""))) or item.get("level") not in LANGUAGE_LEVELS:
            out.append(Problem(where, f"profile.languages item {item!r} invalid"))
    for missing in ("education", "experience", "languages"):
        if missing not in profile:
            out.append(Problem(where, f"profile.{missing} is missing"))
    return out


def _check_judgments(corpus: Corpus, clusters: set[str] | None) -> list[Problem]:
    problems = [Problem("judgments", p) for p in corpus.meta.get("_load_problems", [])]
    seen: set[tuple[str, str]] = set()
    for j in corpus.judgments:
        if clusters and cluster_of(j.notice_id) not in clusters and cluster_of(j.cv_id) not in clusters:
            continue
        where = f"{j.source} {j.notice_id}/{j.cv_id}"
        notice, cv = corpus.documents.get(j.notice_id), corpus.documents.get(j.cv_id)
        if notice is None or notice.kind != "notice":
            problems.append(Problem(where, f"notice {j.notice_id!r} does not exist"))
        if cv is None or cv.kind != "cv":
            problems.append(Problem(where, f"CV {j.cv_id!r} does not exist"))
        if j.grade not in RELEVANCE_GRADES:
            problems.append(Problem(where, f"grade {j.grade} not in 0-3"))
        if not j.rationale:
            problems.append(Problem(where, "no rationale"))
        if (j.notice_id, j.cv_id) in seen:
            problems.append(Problem(where, "judged twice"))
        seen.add((j.notice_id, j.cv_id))
    # While the corpus is being written (meta.json "status": "in-progress") missing judgments are
    # reported as warnings; every other rule stays an error.
    count_severity = "warning" if corpus.meta.get("status") == "in-progress" else "error"
    for notice_id in corpus.ids("notice"):
        if clusters and cluster_of(notice_id) not in clusters:
            continue
        judged = sum(1 for n, _ in seen if n == notice_id)
        if judged < 12:
            problems.append(Problem(notice_id, f"only {judged} judged CVs (at least 12 needed)", count_severity))
    for cv_id in corpus.ids("cv"):
        if clusters and cluster_of(cv_id) not in clusters:
            continue
        judged = sum(1 for _, c in seen if c == cv_id)
        if judged < 5:
            problems.append(Problem(cv_id, f"only {judged} judged notices (at least 5 needed)", count_severity))
        target = corpus.documents[cv_id].annotation.get("written_for")
        if target and target not in corpus.documents:
            problems.append(Problem(cv_id, f"written_for {target!r} does not exist"))
    return problems


def _check_splits(corpus: Corpus) -> list[Problem]:
    problems = []
    if not corpus.splits:
        return [Problem("splits.json", "missing: run `jobmatch corpus build`")]
    owner: dict[str, str] = {}
    for name in SPLIT_NAMES:
        for doc_id in corpus.splits.get(name, []):
            if doc_id in owner:
                problems.append(Problem("splits.json", f"{doc_id} is in {owner[doc_id]} and {name}"))
            owner[doc_id] = name
            if doc_id not in corpus.documents:
                problems.append(Problem("splits.json", f"{doc_id} in {name} does not exist"))
    for doc_id in corpus.documents:
        if doc_id not in owner:
            problems.append(Problem("splits.json", f"{doc_id} is in no split"))
    return problems


def _check_derived_spans(corpus: Corpus) -> list[Problem]:
    path = corpus.root / "spans.jsonl"
    if not path.exists():
        return [Problem("spans.jsonl", "missing: run `jobmatch corpus build`")]
    problems = []
    stored = {}
    for line in path.read_text("utf-8").splitlines():
        record = json.loads(line)
        stored[record["id"]] = record
    for doc in corpus.documents.values():
        record = stored.get(doc.id)
        if record is None:
            problems.append(Problem("spans.jsonl", f"{doc.id} is missing: rebuild"))
            continue
        for span in record["spans"]:
            if doc.text[span["start"]:span["end"]] != span["text"]:
                problems.append(Problem("spans.jsonl", f"{doc.id}: offsets {span['start']}-{span['end']} do not hold {span['text']!r}: rebuild"))
                break
        if len(record["spans"]) != len(doc.spans):
            problems.append(Problem("spans.jsonl", f"{doc.id}: {len(record['spans'])} spans stored, annotations have {len(doc.spans)}: rebuild"))
    return problems


def _check_renderings(corpus: Corpus) -> list[Problem]:
    """Every chosen CV has a rendering made from its current text (sha256 in the manifest)."""
    from jobmatch.corpus.render import (MANIFEST_FILE, MIN_RENDERINGS, RENDER_DIR, SELECTION_FILE, file_sha256,
                                        load_manifest, load_selection)
    from jobmatch.errors import CorpusError

    where = f"{RENDER_DIR}/{MANIFEST_FILE}"
    rerender = "run `jobmatch corpus render`"
    try:
        choices = load_selection(corpus.root)
        manifest = load_manifest(corpus.root)
    except CorpusError as exc:
        return [Problem(RENDER_DIR, str(exc))]
    problems = []
    if corpus.meta.get("status") == "complete" and len(choices) < MIN_RENDERINGS:
        problems.append(Problem(f"{RENDER_DIR}/{SELECTION_FILE}",
                                f"{len(choices)} CVs chosen for rendering (at least {MIN_RENDERINGS} needed)"))
    entries = {e.get("file"): e for e in manifest.get("renderings") or []}
    folder = corpus.root / RENDER_DIR
    for choice in choices:
        doc = corpus.documents.get(choice.id)
        if doc is None or doc.kind != "cv":
            problems.append(Problem(f"{RENDER_DIR}/{SELECTION_FILE}", f"{choice.id} is not a CV of the corpus"))
            continue
        entry = entries.pop(choice.file_name, None)
        path = folder / choice.file_name
        if entry is None or not path.exists():
            problems.append(Problem(where, f"{choice.file_name} is missing: {rerender}"))
        elif entry.get("source_sha256") != file_sha256(doc.path):
            problems.append(Problem(where, f"{choice.file_name} is stale: cvs/{choice.id}.txt changed since it was "
                                           f"rendered: {rerender}"))
        elif entry.get("sha256") != file_sha256(path):
            problems.append(Problem(where, f"{choice.file_name} differs from the rendering the manifest records "
                                           f"(edited by hand?): {rerender}"))
        elif entry.get("style") != choice.style:
            problems.append(Problem(where, f"{choice.file_name} was rendered in style {entry.get('style')!r}, "
                                           f"the selection asks for {choice.style!r}: {rerender}"))
    for name in sorted(entries):
        problems.append(Problem(where, f"{name} is not in {SELECTION_FILE}: {rerender}"))
    recorded = {c.file_name for c in choices}
    for path in sorted(folder.glob("*")) if folder.is_dir() else []:
        if path.suffix in (".pdf", ".docx") and path.name not in recorded and path.name not in entries:
            problems.append(Problem(RENDER_DIR, f"{path.name} is in no selection or manifest: {rerender}"))
    return problems


def check_corpus(corpus: Corpus, clusters: set[str] | None = None, derived: bool = True) -> list[Problem]:
    """All problems of the corpus (or of some clusters); an empty list means it is valid."""
    competency_ids = corpus_competency_ids(corpus.root)
    field_codes = set(load_taxonomy().fields)
    problems: list[Problem] = []
    for doc in corpus.documents.values():
        if clusters and doc.cluster not in clusters:
            continue
        problems.extend(_check_document(doc, competency_ids, field_codes))
    for folder, kind in (("notices", "notice"), ("cvs", "cv")):
        for path in sorted((corpus.root / folder).glob("*.txt")):
            if clusters and cluster_of(path.stem) not in clusters:
                continue
            if path.stem not in corpus.documents:
                problems.append(Problem(path.name, f"{kind} has no annotations/{path.stem}.json"))
    problems.extend(_check_judgments(corpus, clusters))
    if derived and not clusters:
        problems.extend(_check_splits(corpus))
        problems.extend(_check_derived_spans(corpus))
        problems.extend(_check_renderings(corpus))
    return problems
