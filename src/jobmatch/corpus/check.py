"""Validate the gold corpus: every problem a machine can see, named by document and span."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from jobmatch.corpus import schema
from jobmatch.corpus.loader import Corpus, GoldDocument, GoldSpan, cluster_of
from jobmatch.taxonomy import load_taxonomy
from jobmatch.vocab import (CEFR_LEVELS, COMPETENCY_TYPES, DEGREE_LEVELS, DOCUMENT_KINDS,
                            EXPERIENCE_KINDS, LABELS, LANGUAGE_LEVELS, ORG_TYPES,
                            RELEVANCE_GRADES)

_MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
_LANG = re.compile(r"^[a-z]{2}$")
_ISCED_F = re.compile(r"^\d{4}$")
SPLIT_NAMES = ("train", "dev", "test")
_OVER_QUALIFIED = re.compile(r"(?<!not )(?<!never )over-?qualified", re.IGNORECASE)


@dataclass(frozen=True)
class Problem:
    where: str
    message: str
    severity: str = "error"

    def __str__(self) -> str:
        return f"{self.severity}: {self.where}: {self.message}"


def corpus_taxonomy_files(root: Path) -> dict[str, list[tuple[str, dict]]]:
    """Each competency id of corpora/taxonomy/*.yaml with the files (and entries) that define it."""
    defined: dict[str, list[tuple[str, dict]]] = {}
    for path in sorted((root / "taxonomy").glob("*.yaml")):
        for cid, entry in (yaml.safe_load(path.read_text("utf-8")) or {}).items():
            defined.setdefault(cid, []).append((path.name, entry if isinstance(entry, dict) else {}))
    return defined


def corpus_competency_ids(root: Path, include_test_only: bool = True) -> set[str]:
    """Ids of the packaged taxonomy plus the cluster additions under corpora/taxonomy/, which form one
    taxonomy. Rules, training and tuning use include_test_only=False: ids attested only in test
    documents (`test_only: true`) are labels for scoring, not knowledge a system may be given."""
    ids = set(load_taxonomy().competencies)
    for cid, definitions in corpus_taxonomy_files(root).items():
        if include_test_only or not any(entry.get("test_only") for _, entry in definitions):
            ids.add(cid)
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


# Span conventions of GUIDE.md that a machine can check (one boundary rule each).
_DEGREE_MARK = re.compile(r"\((?:hons\.?|honours|abd|cand\.?|candidate)\)", re.IGNORECASE)
_DATE_LABEL = re.compile(r"^(?:from|du|de)\b\s*:?\s*(?=\d|[^\W\d_]{3})", re.IGNORECASE)
_CLAIM_QUALIFIER = re.compile(r"^(?:more than|over|nearly|almost|plus de|près de|más de|casi)\s", re.IGNORECASE)
_CLAIM_NOUN = re.compile(r"\s(?:of (?:[\w-]+ )?(?:experience|practice)|d['’]expérience|de experiencia)$", re.IGNORECASE)


def _check_boundaries(span: GoldSpan) -> str | None:
    if span.text != span.text.strip():
        return "leading or trailing whitespace"
    if span.label != "DEGREE" and span.text[-1] in ",;:":
        return "trailing punctuation"
    if span.label == "DEGREE" and "(" in _DEGREE_MARK.sub("", span.text):
        return "a bracket inside a DEGREE span: a degree named in it is a span of its own (GUIDE.md, DEGREE)"
    if span.label == "FIELD" and "(" in span.text:
        return "a bracket inside a FIELD span: a field named in it is a span of its own (GUIDE.md, FIELD)"
    if span.label == "DATE_RANGE" and _DATE_LABEL.match(span.text):
        return "a DATE_RANGE starts at its first date, not at a 'From:' label (GUIDE.md, DATE_RANGE)"
    if span.label == "EXPERIENCE" and span.attrs.get("kind") == "claimed" \
            and (_CLAIM_QUALIFIER.match(span.text) or _CLAIM_NOUN.search(span.text)):
        return "a claimed amount runs from the number to 'years', without 'more than' or 'of experience' (GUIDE.md, EXPERIENCE)"
    if span.label == "EXPERIENCE" and span.attrs.get("kind") in schema.PERIOD_KINDS and span.text.endswith(")"):
        return "a job title ends before a note in brackets (grade, contract, working time) (GUIDE.md, EXPERIENCE)"
    return None


def _check_document(doc: GoldDocument, competency_ids: set[str], field_codes: set[str],
                    reference: str) -> list[Problem]:
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
    problems.extend(_check_keys(doc))
    if doc.kind == "cv":
        problems.extend(_check_job_durations(doc, reference))
    key = "requirements" if doc.kind == "notice" else "profile"
    gold = doc.annotation.get(key)
    if not isinstance(gold, dict):
        problems.append(Problem(where, f"document gold {key!r} is missing"))
    elif doc.kind == "notice":
        problems.extend(_check_requirements(where, gold))
        problems.extend(_check_desirable_languages(doc, gold))
    else:
        problems.extend(_check_profile(where, gold))
        problems.extend(_check_profile_decisions(where, gold, reference))
        if not doc.annotation.get("written_for"):
            problems.append(Problem(where, "CV has no 'written_for' notice id", "warning"))
    return problems


def _check_keys(doc: GoldDocument) -> list[Problem]:
    """Keys the guide does not define, and the optional attributes used where they do not belong."""
    out = []
    allowed = schema.NOTICE_KEYS if doc.kind == "notice" else schema.CV_KEYS
    for key in schema.unknown_keys(doc.annotation, allowed):
        out.append(Problem(doc.id, f"unknown key {key!r} (GUIDE.md defines {sorted(allowed)})"))
    for n, raw in enumerate(doc.annotation.get("spans") or []):
        tag = f"{doc.id} span #{n} {raw.get('label')} {str(raw.get('text'))[:40]!r}"
        for key in schema.unknown_keys(raw, schema.SPAN_KEYS):
            out.append(Problem(tag, f"unknown key {key!r}"))
        attrs = raw.get("attrs") or {}
        label_attrs = schema.SPAN_ATTRS.get(raw.get("label"), frozenset())
        for key in schema.unknown_keys(attrs, label_attrs):
            out.append(Problem(tag, f"unknown attribute {key!r} (GUIDE.md defines {sorted(label_attrs)})"))
        misplaced = schema.CV_ONLY_ATTRS if doc.kind == "notice" else schema.NOTICE_ONLY_ATTRS
        for key in sorted(misplaced & set(attrs)):
            out.append(Problem(tag, f"attribute {key!r} is only for {'CVs' if doc.kind == 'notice' else 'notices'}"))
        if "desirable" in attrs and attrs["desirable"] is not True:
            out.append(Problem(tag, "desirable is true or absent"))
        if "status" in attrs and attrs["status"] not in schema.DEGREE_STATUSES:
            out.append(Problem(tag, f"status {attrs['status']!r} not in {list(schema.DEGREE_STATUSES)} (absent = awarded)"))
        if "duration_stated" in attrs and (attrs["duration_stated"] is not True
                                           or attrs.get("kind") not in schema.PERIOD_KINDS):
            out.append(Problem(tag, "duration_stated is true, on a job, internship or volunteer period"))
    return out


def _check_job_durations(doc: GoldDocument, reference: str) -> list[Problem]:
    """A period's years are its months inclusive / 12, halves rounded up, unless the CV states a
    shorter duration ("(6 months)") and the span says so with duration_stated."""
    out = []
    for span in doc.spans:
        a = span.attrs
        if span.label != "EXPERIENCE" or a.get("kind") not in schema.PERIOD_KINDS or _check_period(a):
            continue
        expected = schema.duration_years(a["start"], a["end"], reference)
        if a.get("duration_stated"):
            if not isinstance(a.get("years"), (int, float)) or a["years"] > expected:
                out.append(Problem(f"{doc.id} EXPERIENCE {span.text[:40]!r}@{span.start}",
                                   f"stated years {a.get('years')!r} exceed the period's {expected}"))
        elif a.get("years") != expected:
            out.append(Problem(f"{doc.id} EXPERIENCE {span.text[:40]!r}@{span.start}",
                               f"years {a.get('years')!r} should be {expected} ({a['start']} to {a['end']}, "
                               "months inclusive / 12, halves up)"))
    return out


def _language_codes(items: list) -> set[str]:
    codes: set[str] = set()
    for item in items or []:
        if isinstance(item, dict):
            codes.update([item["language"]] if item.get("language") else [])
            codes.update(item.get("any_of") or [])
    return codes


def _check_desirable_languages(doc: GoldDocument, req: dict) -> list[Problem]:
    """A language a notice names only as an asset carries desirable: true, and only such a language."""
    langs = req.get("languages") or {}
    required, desirable = _language_codes(langs.get("required")), _language_codes(langs.get("desirable"))
    out = []
    for span in doc.spans:
        if span.label != "LANGUAGE":
            continue
        code, flagged = span.attrs.get("lang"), span.attrs.get("desirable") is True
        tag = f"{doc.id} LANGUAGE {span.text!r}@{span.start}"
        if flagged and code not in desirable:
            out.append(Problem(tag, f"desirable, but {code!r} is not in requirements.languages.desirable"))
        elif not flagged and code not in required:
            out.append(Problem(tag, f"{code!r} is not a required language: mark the span desirable: true "
                                    "or add it to requirements.languages.required"))
    return out


def _check_requirement_keys(where: str, req: dict) -> list[Problem]:
    out = []
    groups = [("requirements", req, schema.REQUIREMENTS_KEYS),
              ("requirements.education", req.get("education"), schema.EDUCATION_KEYS),
              ("requirements.experience", req.get("experience"), schema.EXPERIENCE_KEYS),
              ("requirements.languages", req.get("languages"), schema.LANGUAGE_GROUP_KEYS),
              ("requirements.competencies", req.get("competencies"), schema.COMPETENCY_GROUP_KEYS)]
    for group in ("required", "desirable"):
        for item in (req.get("languages") or {}).get(group) or []:
            groups.append((f"requirements.languages.{group}[]", item, schema.LANGUAGE_ITEM_KEYS))
    for item in (req.get("education") or {}).get("substitutions") or []:
        groups.append(("requirements.education.substitutions[]", item, schema.SUBSTITUTION_KEYS))
    for item in req.get("eligibility") or []:
        groups.append(("requirements.eligibility[]", item, schema.ELIGIBILITY_KEYS))
    for name, value, allowed in groups:
        for key in schema.unknown_keys(value, allowed):
            out.append(Problem(where, f"{name} has unknown key {key!r} (GUIDE.md defines {sorted(allowed)})"))
    return out


def _check_substitutions(where: str, req: dict) -> list[Problem]:
    """One encoding: min_years is the total a substitution needs, additional_years (where the notice
    words it "two additional years") the part over the main minimum, so both agree."""
    out = []
    main = (req.get("experience") or {}).get("min_years")
    for n, sub in enumerate((req.get("education") or {}).get("substitutions") or []):
        tag = f"requirements.education.substitutions[{n}]"
        level, instead = sub.get("level"), sub.get("in_lieu_of")
        if level is not None and level not in DEGREE_LEVELS:
            out.append(Problem(where, f"{tag}.level {level!r} invalid (a degree level, or null for experience only)"))
        if instead not in DEGREE_LEVELS:
            out.append(Problem(where, f"{tag}.in_lieu_of {instead!r} invalid"))
        elif level in DEGREE_LEVELS and DEGREE_LEVELS[level] >= DEGREE_LEVELS[instead]:
            out.append(Problem(where, f"{tag}: a {level} cannot stand in lieu of a {instead}"))
        if not isinstance(sub.get("internal_only"), bool):
            out.append(Problem(where, f"{tag}.internal_only {sub.get('internal_only')!r} is not true/false"))
        years, extra = sub.get("min_years"), sub.get("additional_years")
        for name, value in (("min_years", years), ("additional_years", extra)):
            if value is not None and not isinstance(value, (int, float)):
                out.append(Problem(where, f"{tag}.{name} {value!r} is not a number"))
        if level is not None and not isinstance(years, (int, float)):
            out.append(Problem(where, f"{tag}.min_years is missing: give the total years the substitution needs"))
        if isinstance(extra, (int, float)) and isinstance(years, (int, float)):
            if not isinstance(main, (int, float)):
                out.append(Problem(where, f"{tag}.additional_years needs requirements.experience.min_years"))
            elif years != main + extra:
                out.append(Problem(where, f"{tag}.min_years {years} should be the main minimum {main} + "
                                          f"additional_years {extra} = {main + extra}"))
    return out


def _check_profile_decisions(where: str, profile: dict, reference: str) -> list[Problem]:
    """Profile keys; highest_level counts awarded degrees only; total and international years are the
    union of job periods (internships and volunteer work excluded)."""
    out = []
    groups = [("profile", profile, schema.PROFILE_KEYS)]
    groups += [("profile.education[]", e, schema.PROFILE_EDUCATION_KEYS) for e in profile.get("education") or []]
    groups += [("profile.experience[]", e, schema.PROFILE_EXPERIENCE_KEYS) for e in profile.get("experience") or []]
    groups += [("profile.languages[]", e, schema.PROFILE_LANGUAGE_KEYS) for e in profile.get("languages") or []]
    for name, value, allowed in groups:
        for key in schema.unknown_keys(value, allowed):
            out.append(Problem(where, f"{name} has unknown key {key!r} (GUIDE.md defines {sorted(allowed)})"))
    education = [e for e in profile.get("education") or [] if isinstance(e, dict)]
    for item in education:
        if "status" in item and item["status"] not in schema.DEGREE_STATUSES:
            out.append(Problem(where, f"profile.education status {item['status']!r} not in {list(schema.DEGREE_STATUSES)}"))
    awarded = [e.get("level") for e in education if "status" not in e and e.get("level") in DEGREE_LEVELS]
    highest = max(awarded, key=DEGREE_LEVELS.__getitem__) if awarded else None
    if profile.get("highest_level") != highest:
        out.append(Problem(where, f"profile.highest_level {profile.get('highest_level')!r} should be {highest!r} "
                                  "(the highest awarded degree; enrolled or incomplete ones do not count)"))
    jobs = [e for e in profile.get("experience") or [] if isinstance(e, dict) and not _check_period(e)]
    for item in jobs:
        expected = schema.duration_years(item["start"], item["end"], reference)
        if item.get("years") != expected and not item.get("duration_stated"):
            out.append(Problem(where, f"profile.experience {item.get('title')!r} years {item.get('years')!r} "
                                      f"should be {expected}"))
    for name, only_international in (("total_years", False), ("international_years", True)):
        expected = schema.union_years([(e["start"], e["end"]) for e in jobs if e.get("kind") == "job"
                                       and (e.get("international") is True or not only_international)], reference)
        if isinstance(profile.get(name), (int, float)) and profile[name] != expected:
            out.append(Problem(where, f"profile.{name} {profile[name]} should be {expected} (union of the "
                                      f"{'international ' if only_international else ''}job periods)"))
    return out


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
    out.extend(_check_requirement_keys(where, req))
    out.extend(_check_substitutions(where, req))
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
        if j.grade == 3 and _OVER_QUALIFIED.search(j.rationale):
            problems.append(Problem(where, "grade 3 for a candidate the rationale calls over-qualified: "
                                           "GUIDE.md grades over-qualification 2"))
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


def _check_taxonomy(corpus: Corpus) -> list[Problem]:
    """The cluster files form one taxonomy: an id is defined once, never over a packaged id, with the
    guide's keys; `test_only: true` marks exactly the ids that only test documents use."""
    packaged = set(load_taxonomy().competencies)
    split_of = {doc_id: name for name, ids in corpus.splits.items() for doc_id in ids}
    used_in: dict[str, set[str]] = {}
    for doc in corpus.documents.values():
        for span in doc.spans:
            if span.label == "COMPETENCY" and span.attrs.get("id"):
                used_in.setdefault(span.attrs["id"], set()).add(split_of.get(doc.id, "none"))
    problems = []
    for cid, definitions in sorted(corpus_taxonomy_files(corpus.root).items()):
        files = [name for name, _ in definitions]
        where = f"taxonomy/{files[0]} {cid}"
        if len(definitions) > 1:
            problems.append(Problem(where, f"defined in {len(files)} files ({', '.join(files)}): keep one entry "
                                           "and merge the synonyms"))
        if cid in packaged:
            problems.append(Problem(where, "already in the packaged competencies.yaml"))
        for name, entry in definitions:
            for key in schema.unknown_keys(entry, schema.TAXONOMY_ENTRY_KEYS):
                problems.append(Problem(f"taxonomy/{name} {cid}", f"unknown key {key!r}"))
        marked = any(entry.get("test_only") for _, entry in definitions)
        test_only = used_in.get(cid) == {"test"}
        if test_only and not marked:
            problems.append(Problem(where, "only test documents use this id: mark it test_only: true"))
        elif marked and not test_only:
            problems.append(Problem(where, f"test_only, but used in {sorted(used_in.get(cid, set()) - {'test'}) or 'no document'}"))
    return problems


def check_corpus(corpus: Corpus, clusters: set[str] | None = None, derived: bool = True) -> list[Problem]:
    """All problems of the corpus (or of some clusters); an empty list means it is valid."""
    competency_ids = corpus_competency_ids(corpus.root)
    field_codes = set(load_taxonomy().fields)
    reference = str(corpus.meta.get("reference_date") or "2026-11-01")[:7]
    problems: list[Problem] = []
    for doc in corpus.documents.values():
        if clusters and doc.cluster not in clusters:
            continue
        problems.extend(_check_document(doc, competency_ids, field_codes, reference))
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
        problems.extend(_check_taxonomy(corpus))
    return problems
