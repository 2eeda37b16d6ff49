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
                        "experience": [{"title": "Legal Officer", "org": "UNHCR", "start": "2015-01", "end": "2019-12",
                                        "years": 5.0, "international": True, "kind": "job"}],
                        "total_years": 5.0, "international_years": 5.0,
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


# --- annotation decisions (GUIDE.md "Annotation decisions") that the check enforces -------------

def _other_messages(root: Path) -> list[str]:
    """Errors apart from the ones a one-notice corpus always has (judgment counts, no derived files)."""
    return [m for m in _messages(root) if "judged" not in m and "jobmatch corpus build" not in m]


def test_attributes_the_guide_does_not_define_are_reported(tmp_path):
    notice = _notice_annotation()
    notice["spans"][0]["attrs"]["note"] = "equivalent"
    cv = _cv_annotation()
    cv["spans"][3]["attrs"]["desirable"] = True          # desirable belongs to notices
    cv["profile"]["education"][0]["incomplete"] = True   # replaced by status
    messages = _messages(make_corpus(tmp_path, notice=notice, cv=cv))
    assert any("unknown attribute 'note'" in m for m in messages)
    assert any("'desirable' is only for notices" in m for m in messages)
    assert any("profile.education[] has unknown key 'incomplete'" in m for m in messages)


def test_a_degree_status_is_enrolled_or_incomplete_and_does_not_count_as_highest(tmp_path):
    cv = _cv_annotation()
    cv["spans"][3]["attrs"]["status"] = "ongoing"
    cv["profile"]["education"].append({"level": "doctorate", "field": "0421", "year": 2027, "status": "enrolled"})
    cv["profile"]["highest_level"] = "doctorate"
    messages = _messages(make_corpus(tmp_path, cv=cv))
    assert any("status 'ongoing' not in ['enrolled', 'incomplete']" in m for m in messages)
    assert any("highest_level 'doctorate' should be 'master'" in m for m in messages)
    cv["spans"][3]["attrs"]["status"] = "enrolled"
    cv["profile"]["highest_level"] = "master"
    assert not _other_messages(make_corpus(tmp_path, cv=cv))


def test_substitution_years_follow_one_encoding(tmp_path):
    notice = _notice_annotation()
    notice["requirements"]["experience"]["min_years"] = 5
    substitution = {"level": "bachelor", "min_years": 2, "additional_years": 2, "in_lieu_of": "master",
                    "internal_only": False}
    notice["requirements"]["education"]["substitutions"] = [substitution]
    messages = _messages(make_corpus(tmp_path, notice=notice))
    assert any("min_years 2 should be the main minimum 5 + additional_years 2 = 7" in m for m in messages)
    substitution.update(min_years=None)
    assert any("min_years is missing" in m for m in _messages(make_corpus(tmp_path, notice=notice)))
    substitution.update(min_years=7, note="x")
    messages = _messages(make_corpus(tmp_path, notice=notice))
    assert any("substitutions[] has unknown key 'note'" in m for m in messages)
    del substitution["note"]
    assert not _other_messages(make_corpus(tmp_path, notice=notice))


def test_an_experience_only_substitution_has_a_null_level(tmp_path):
    notice = _notice_annotation()
    notice["requirements"]["education"]["substitutions"] = [
        {"level": None, "min_years": None, "additional_years": None, "in_lieu_of": "master", "internal_only": False}]
    assert not _other_messages(make_corpus(tmp_path, notice=notice))
    notice["requirements"]["education"]["substitutions"][0]["level"] = "doctorate"
    assert any("a doctorate cannot stand in lieu of a master" in m for m in _messages(make_corpus(tmp_path, notice=notice)))


def test_job_years_are_rounded_half_up_unless_a_shorter_duration_is_stated(tmp_path):
    cv = _cv_annotation()
    job = cv["spans"][1]["attrs"]
    job.update(start="2015-01", end="2019-03", years=4.2)        # 51 months = 4.25 -> 4.3
    messages = _messages(make_corpus(tmp_path, cv=cv))
    assert any("years 4.2 should be 4.3" in m for m in messages)
    job.update(years=0.5, duration_stated=True)                  # "(6 months)" within the year range
    assert not any("EXPERIENCE 'Legal Officer'" in m for m in _messages(make_corpus(tmp_path, cv=cv)))


def test_profile_totals_are_the_union_of_job_periods(tmp_path):
    cv = _cv_annotation()
    cv["profile"]["experience"].append({"title": "Consultant", "org": "UNDP", "start": "2018-01", "end": "2020-12",
                                        "years": 3.0, "international": False, "kind": "job"})
    cv["profile"]["total_years"] = 8.0                            # overlapping 2018-2019 counted twice
    messages = _messages(make_corpus(tmp_path, cv=cv))
    assert any("profile.total_years 8.0 should be 6.0" in m for m in messages)


def test_a_language_named_only_as_an_asset_is_marked_desirable(tmp_path):
    notice = _notice_annotation()
    notice["spans"][2]["attrs"]["lang"] = "fr"                    # "English" read as French: not required
    messages = _messages(make_corpus(tmp_path, notice=notice))
    assert any("'fr' is not a required language" in m for m in messages)
    notice["spans"][2]["attrs"]["desirable"] = True
    messages = _messages(make_corpus(tmp_path, notice=notice))
    assert any("'fr' is not in requirements.languages.desirable" in m for m in messages)
    notice["requirements"]["languages"]["desirable"] = [{"language": "fr", "any_of": None, "level": None}]
    assert not any("LANGUAGE" in m for m in _messages(make_corpus(tmp_path, notice=notice)))


def test_an_over_qualified_candidate_is_not_graded_3(tmp_path):
    root = make_corpus(tmp_path, judgments=["n-pol-01\tcv-pol-001\t3\tLLM, 5 yrs: meets all, over-qualified"])
    assert any("GUIDE.md grades over-qualification 2" in m for m in _messages(root))
    root = make_corpus(tmp_path, judgments=["n-pol-01\tcv-pol-001\t3\tLLM, 5 yrs: meets all, not over-qualified"])
    assert not any("over-qualification" in m for m in _messages(root))


def test_the_cluster_taxonomies_form_one_taxonomy(tmp_path):
    cv = _cv_annotation()
    cv["spans"].append({"label": "COMPETENCY", "text": "Legal", "attrs": {"id": "skill.treaty_law", "type": "skill"}})
    root = make_corpus(tmp_path, cv=cv)
    (root / "taxonomy" / "pol.yaml").write_text("skill.treaty_law: {label: treaty law, type: skill, synonyms: []}\n")
    (root / "taxonomy" / "sec.yaml").write_text("skill.treaty_law: {label: treaty law, type: skill, synonyms: [treaties]}\n")
    build_corpus(root)
    splits = json.loads((root / "splits.json").read_text())
    split = next(name for name, ids in splits.items() if "cv-pol-001" in ids)
    messages = _messages(root)
    assert any("defined in 2 files (pol.yaml, sec.yaml)" in m for m in messages)
    (root / "taxonomy" / "sec.yaml").write_text("")
    test_only_problem = [m for m in _messages(root) if "test_only" in m]
    assert bool(test_only_problem) == (split == "test")
    (root / "taxonomy" / "pol.yaml").write_text(
        "skill.treaty_law: {label: treaty law, type: skill, test_only: true, synonyms: []}\n")
    assert bool([m for m in _messages(root) if "test_only, but used in" in m]) == (split != "test")


def test_test_only_ids_are_left_out_of_what_a_system_may_use():
    from jobmatch.corpus.check import corpus_competency_ids
    if not (ROOT / "corpora" / "taxonomy").is_dir():
        pytest.skip("no corpus taxonomy")
    everything = corpus_competency_ids(ROOT / "corpora")
    usable = corpus_competency_ids(ROOT / "corpora", include_test_only=False)
    assert "skill.facilities_management" in everything - usable
    assert "skill.accounting" in usable


def test_atomic_writes_leave_a_file_readable_by_others(tmp_path):
    import stat

    from jobmatch.corpus.build import write_atomic

    target = tmp_path / "out.json"
    write_atomic(target, "{}\n")
    assert target.read_text() == "{}\n"
    assert target.stat().st_mode & stat.S_IROTH
    assert not list(tmp_path.glob(".out.json.*"))


CONVENTIONS_CV = ("Ana Example. Nearly eleven years of practice in audit.\n"
                  "B. From: 03/2016  To: 12/2020  Auditor (G-6), Court of Accounts\n"
                  "Licence (Bac+3) in Law, BSc (Hons) in Economics\n")


def _conventions_corpus(root: Path, date: str, claim: str, title: str, degree: str) -> Path:
    spans = [{"label": "EXPERIENCE", "text": claim, "attrs": {"years": 11, "kind": "claimed"}},
             {"label": "DATE_RANGE", "text": date, "attrs": {"start": "2016-03", "end": "2020-12"}},
             {"label": "EXPERIENCE", "text": title, "attrs": {
                 "kind": "job", "start": "2016-03", "end": "2020-12", "years": 4.8, "international": False}},
             {"label": "DEGREE", "text": degree, "attrs": {"level": "bachelor", "isced": 6}},
             {"label": "DEGREE", "text": "BSc (Hons)", "attrs": {"level": "bachelor", "isced": 6}}]
    cv = _cv_annotation(spans)
    cv["profile"].update(education=[{"level": "bachelor"}], highest_level="bachelor", total_years=4.8,
                         international_years=None, languages=[],
                         experience=[{"title": "Auditor", "start": "2016-03", "end": "2020-12", "years": 4.8,
                                      "international": False, "kind": "job"}])
    make_corpus(root, cv=cv)
    (root / "cvs" / "cv-pol-001.txt").write_text(CONVENTIONS_CV)
    return root


def test_span_boundary_conventions_of_the_guide_are_checked(tmp_path):
    broken = _messages(_conventions_corpus(tmp_path / "a", "From: 03/2016  To: 12/2020", "Nearly eleven years of practice",
                                           "Auditor (G-6)", "Licence (Bac+3)"))
    assert any("not at a 'From:' label" in m for m in broken)
    assert any("without 'more than' or 'of experience'" in m for m in broken)
    assert any("job title ends before a note in brackets" in m for m in broken)
    assert any("bracket inside a DEGREE span" in m and "Licence (Bac+3)" in m for m in broken)
    settled = _messages(_conventions_corpus(tmp_path / "b", "03/2016  To: 12/2020", "eleven years", "Auditor", "Licence"))
    assert not [m for m in settled if "GUIDE.md" in m]   # "(Hons)" qualifies the degree: it stays inside
