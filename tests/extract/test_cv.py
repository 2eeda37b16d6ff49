"""Profiles read from CVs: periods merged without double counting, degrees, languages."""

from __future__ import annotations

from jobmatch.extract import extract_document
from jobmatch.readers import read_document


def _profile(fixtures):
    return extract_document(read_document(fixtures / "cvs" / "cv_overlapping_jobs.txt"), "cv", "2026-11-01")["profile"]


def test_overlapping_jobs_are_counted_once_and_internships_not_at_all(fixtures):
    profile = _profile(fixtures)
    # 2012-01..2016-06, 2016-01..2019-12, 2019-03..2026-11: one run of 179 months.
    assert profile["total_years"] == 14.9
    assert [j["kind"] for j in profile["experience"]] == ["job", "job", "job", "internship"]


def test_international_years_come_from_international_employers(fixtures):
    assert _profile(fixtures)["international_years"] == 7.8  # UNDP since March 2019: 93 months


def test_degrees_fields_and_languages(fixtures):
    profile = _profile(fixtures)
    assert profile["highest_level"] == "master"
    assert [(e["level"], e["field"]) for e in profile["education"]] == [("master", "0311"), ("bachelor", "0311")]
    assert {(l["language"], l["level"]) for l in profile["languages"]} == {
        ("fr", "native"), ("en", "advanced"), ("es", "intermediate")}
