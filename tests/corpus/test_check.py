"""`jobmatch corpus check` finds what is wrong in a corpus, and passes on the project's corpus."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from jobmatch.corpus.build import build_corpus
from jobmatch.corpus.check import check_corpus
from jobmatch.corpus.loader import load_corpus
from tests.conftest import ROOT, run_cli

NOTICE = "Grade: P3\nEducation: Advanced university degree in law.\nLanguages: fluent English.\n"
CV = "Jane Example\n2015-2019 Legal Officer, UNHCR\nLLM in International Law\nEnglish (C2)\n"


def _notice_annotation(spans=None):
    return {"id": "n-pol-01", "kind": "notice", "language": "en", "layout": "itu-bare",
            "spans": spans if spans is not None else [
                {"label": "DEGREE", "text": "Advanced university degree", "attrs": {"level": "master", "isced": 7}},
                {"label": "FIELD", "text": "law", "attrs": {"isced_f": "0421"}},
                {"label": "LANGUAGE", "text": "English", "attrs": {"lang": "en", "level": "advanced"}}],
            "requirements": {"education": {"min_level": "master", "fields": ["0421"], "substitutions": []},
                             "experience": {"min_years": None, "international_years": None, "domains": [],
                                            "doctorate_substitutes_years": None},
                             "languages": {"required": [{"language": "en", "any_of": None, "level": "advanced"}],
                                           "desirable": []},
                             "competencies": {"core": [], "functional": [], "technical": []}}}


def _cv_annotation(spans=None):
    return {"id": "cv-pol-001", "kind": "cv", "language": "en", "layout": "chronological",
            "written_for": "n-pol-01", "purpose": "strong fit",
            "spans": spans if spans is not None else [
                {"label": "DATE_RANGE", "text": "2015-2019", "attrs": {"start": "2015-01", "end": "2019-12"}},
                {"label": "EXPERIENCE", "text": "Legal Officer", "attrs": {
                    "kind": "job", "start": "2015-01", "end": "2019-12", "years": 5.0, "international": True}},
                {"label": "ORG", "text": "UNHCR", "attrs": {"type": "un"}},
                {"label": "DEGREE", "text": "LLM", "attrs": {"level": "master", "isced": 7}},
                {"label": "FIELD", "text": "International Law", "attrs": {"isced_f": "0421"}},
                {"label": "LANGUAGE", "text": "English", "attrs": {"lang": "en", "level": "advanced", "cefr": "C2"}}],
            "profile": {"education": [{"level": "master", "field": "0421"}], "highest_level": "master",
                        "experience": [], "total_years": 5.0, "international_years": 5.0,
                        "languages": [{"language": "en", "level": "advanced"}], "competencies": []}}


def make_corpus(root: Path, notice=None, cv=None, judgments=None) -> Path:
    for folder in ("notices", "cvs", "annotations", "judgments", "taxonomy"):
        (root / folder).mkdir(parents=True, exist_ok=True)
    (root / "notices" / "n-pol-01.txt").write_text(NOTICE)
    (root / "cvs" / "cv-pol-001.txt").write_text(CV)
    (root / "annotations" / "n-pol-01.json").write_text(json.dumps(notice or _notice_annotation()))
    (root / "annotations" / "cv-pol-001.json").write_text(json.dumps(cv or _cv_annotation()))
    rows = judgments if judgments is not None else ["n-pol-01\tcv-pol-001\t3\tLLM, 5 yrs, EN C2"]
    (root / "judgments" / "pol.tsv").write_text("notice_id\tcv_id\tgrade\trationale\n" + "\n".join(rows) + "\n")
    return root


def _messages(root: Path) -> list[str]:
    return [str(p) for p in check_corpus(load_corpus(root)) if p.severity == "error"]


def test_quoted_spans_resolve_to_offsets(tmp_path):
    corpus = load_corpus(make_corpus(tmp_path))
    degree = corpus.documents["n-pol-01"].spans[0]
    assert NOTICE[degree.start:degree.end] == "Advanced university degree"


def test_a_valid_corpus_builds_and_passes_apart_from_judgment_counts(tmp_path):
    root = make_corpus(tmp_path)
    summary = build_corpus(root)
    assert "2 documents" in summary
    messages = _messages(root)
    assert all("judged" in m for m in messages), messages  # one CV cannot give 12 judgments
    assert messages
    qrels = (root / "qrels" / "recruiter.trec").read_text()
    assert qrels == "n-pol-01 0 cv-pol-001 3\n"


def test_a_span_whose_text_is_not_in_the_document_is_reported(tmp_path):
    spans = _notice_annotation()["spans"] + [{"label": "FIELD", "text": "economics", "attrs": {"isced_f": "0311"}}]
    root = make_corpus(tmp_path, notice=_notice_annotation(spans))
    assert any("'economics' occurrence 0 not found" in m for m in _messages(root))


def test_invalid_attributes_are_reported(tmp_path):
    spans = [{"label": "DEGREE", "text": "Advanced university degree", "attrs": {"level": "masters", "isced": 7}},
             {"label": "LANGUAGE", "text": "English", "attrs": {"lang": "eng", "level": "fluent"}},
             {"label": "SKILLZ", "text": "law", "attrs": {}}]
    messages = _messages(make_corpus(tmp_path, notice=_notice_annotation(spans)))
    assert any("level 'masters'" in m for m in messages)
    assert any("lang 'eng'" in m for m in messages)
    assert any("level 'fluent'" in m for m in messages)
    assert any("label not in" in m for m in messages)


def test_overlapping_spans_of_one_label_are_reported(tmp_path):
    spans = [{"label": "DEGREE", "text": "Advanced university degree", "attrs": {"level": "master", "isced": 7}},
             {"label": "DEGREE", "text": "university degree", "attrs": {"level": "master", "isced": 7}}]
    assert any("DEGREE spans overlap" in m for m in _messages(make_corpus(tmp_path, notice=_notice_annotation(spans))))


def test_judgments_on_unknown_ids_and_bad_grades_are_reported(tmp_path):
    root = make_corpus(tmp_path, judgments=["n-pol-01\tcv-pol-999\t3\tx", "n-pol-01\tcv-pol-001\t7\ty"])
    messages = _messages(root)
    assert any("CV 'cv-pol-999' does not exist" in m for m in messages)
    assert any("grade 7" in m for m in messages)


def test_stale_derived_files_are_reported(tmp_path):
    root = make_corpus(tmp_path)
    build_corpus(root)
    (root / "notices" / "n-pol-01.txt").write_text("Note: " + NOTICE)
    assert any("rebuild" in m for m in _messages(root))


def test_splits_must_not_overlap(tmp_path):
    root = make_corpus(tmp_path)
    build_corpus(root)
    (root / "splits.json").write_text(json.dumps({"train": ["n-pol-01", "cv-pol-001"], "dev": [], "test": ["cv-pol-001"]}))
    assert any("cv-pol-001 is in train and test" in m for m in _messages(root))


def test_the_project_corpus_passes_the_check():
    if not any((ROOT / "corpora" / "annotations").glob("*.json")):
        pytest.skip("the corpus has no annotated documents yet")
    result = run_cli("corpus", "check")
    assert result.returncode == 0, result.stdout[-3000:]


def test_missing_judgments_are_errors_once_the_corpus_is_complete(tmp_path):
    root = make_corpus(tmp_path)
    build_corpus(root)
    (root / "meta.json").write_text(json.dumps({"status": "complete"}))
    assert any("judged CVs" in m for m in _messages(root))
    (root / "meta.json").write_text(json.dumps({"status": "in-progress"}))
    assert not any("judged" in m for m in _messages(root))


def test_the_datasheet_counts_match_the_files():
    from jobmatch.corpus.stats import BEGIN, END, corpus_counts_markdown
    if not any((ROOT / "corpora" / "annotations").glob("*.json")):
        pytest.skip("the corpus has no annotated documents yet")
    datasheet = (ROOT / "corpora" / "README.md").read_text(encoding="utf-8")
    committed = datasheet[datasheet.index(BEGIN):datasheet.index(END) + len(END)]
    assert committed == corpus_counts_markdown(load_corpus(ROOT / "corpora")), "run `jobmatch corpus stats`"
