"""Requirements read from notices: the seed notices and our own fixtures."""

from __future__ import annotations

import json

from jobmatch.extract import extract_document
from jobmatch.readers import read_document
from tests.conftest import run_cli

UN_SIX = ["ar", "zh", "en", "fr", "ru", "es"]


def _requirements(path):
    return extract_document(read_document(path), "notice")["requirements"]


def test_vn1307_master_seven_years_three_international_doctorate_three(seeds):
    r = _requirements(seeds / "itu-vn1307-political-external-affairs-officer-p4.txt")
    assert r["education"]["min_level"] == "master"
    assert {"0312", "0413", "0421"} <= set(r["education"]["fields"])
    assert r["education"]["substitutions"][0]["level"] == "bachelor"
    assert r["education"]["substitutions"][0]["min_years"] == 10
    assert r["education"]["substitutions"][0]["internal_only"] is True
    assert (r["experience"]["min_years"], r["experience"]["international_years"],
            r["experience"]["doctorate_substitutes_years"]) == (7, 3, 3)
    assert r["languages"]["required"] == [{"language": None, "any_of": UN_SIX, "level": "advanced"},
                                          {"language": None, "any_of": UN_SIX, "level": "intermediate"}]
    assert r["languages"]["desirable"] == [{"language": None, "any_of": UN_SIX, "level": None}]
    assert "core.applying_expertise" in r["competencies"]["core"]
    assert "functional.networking_partnerships" in r["competencies"]["functional"]


def test_vn2207_ten_years_five_international_in_leadership(seeds):
    r = _requirements(seeds / "itu-vn2207-head-safety-security-resilience-p5.txt")
    assert (r["experience"]["min_years"], r["experience"]["international_years"],
            r["experience"]["leadership_years"]) == (10, 5, 5)
    assert r["education"]["substitutions"][0]["min_years"] == 15


def test_additional_years_substitution_and_named_languages(fixtures):
    r = _requirements(fixtures / "notices" / "inspira_statistician.txt")
    assert r["education"]["min_level"] == "master"
    assert r["education"]["substitutions"][0]["additional_years"] == 2
    assert r["experience"]["min_years"] == 5
    assert r["languages"]["required"] == [{"language": "en", "any_of": None, "level": "advanced"}]
    assert r["languages"]["desirable"][0]["any_of"] == ["ar", "zh", "fr", "ru", "es"]


def test_french_notice_words_for_years_and_levels(fixtures):
    r = _requirements(fixtures / "notices" / "avis_vacance_juriste.txt")
    assert r["education"]["min_level"] == "master"
    assert r["education"]["fields"] == ["0421"]
    assert (r["experience"]["min_years"], r["experience"]["international_years"]) == (7, 3)
    assert {(n["language"], n["level"]) for n in r["languages"]["required"]} == {("fr", "advanced"), ("en", "advanced")}


def test_un_rule_with_elided_second_language(fixtures):
    r = _requirements(fixtures / "notices" / "itu_bare_network_engineer.txt")
    assert [n["level"] for n in r["languages"]["required"]] == ["advanced", "intermediate"]


def test_extract_cli_json_for_a_notice(fixtures):
    result = run_cli("extract", str(fixtures / "notices" / "ngo_programme_manager.md"), "--json")
    assert result.returncode == 0, result.stderr
    payload = json.loads(result.stdout)
    assert payload["kind"] == "notice"
    assert payload["requirements"]["experience"]["min_years"] == 6
    assert any(s["label"] == "DEGREE" and s["text"] == "Master's degree" for s in payload["spans"])


def _requirements_of(text: str) -> dict:
    from jobmatch.model import Document
    return extract_document(Document(id="n", source="n.txt", format="txt", text=text), "notice")["requirements"]


EU_STYLE = """Vacancy notice no: EA/2026/01

Duties
- Manage partnerships.

Eligibility criteria
Candidates must have a level of education which corresponds to completed university studies of at least three years
attested by a diploma, and at least five years of professional experience, preferably in an EU agency.
Candidates must be under 65 years of age.
"""


def test_eu_style_studies_length_age_limit_and_preferred_setting():
    r = _requirements_of(EU_STYLE)
    assert r["education"]["min_level"] == "bachelor"
    assert r["experience"]["min_years"] == 5


INTERNSHIP = """Vacancy notice no: INT-2026-3

Duties
- Support the team.

Qualifications required
Education: Candidates must be enrolled in a master's or PhD programme.
"""


def test_the_degree_an_intern_is_enrolled_in_is_not_a_minimum_level():
    assert _requirements_of(INTERNSHIP)["education"]["min_level"] is None
