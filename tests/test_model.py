"""The data model round-trips through JSON and its published schemas are current."""

from __future__ import annotations

from jobmatch.model import (Candidate, DegreeSubstitution, EducationRequirement, JobPeriod, LanguageNeed,
                            LanguageRequirement, LanguageSkill, Match, Profile, Requirements,
                            RequirementCheck, Span, Vacancy, schema_texts)
from tests.conftest import ROOT


def test_vacancy_round_trips_through_json():
    vacancy = Vacancy(id="vn1307", requirements=Requirements(
        education=EducationRequirement(min_level="master", fields=["0312", "0421"], substitutions=[
            DegreeSubstitution(level="bachelor", min_years=10, in_lieu_of="master", internal_only=True)]),
        languages=LanguageRequirement(required=[
            LanguageNeed(any_of=["ar", "zh", "en", "fr", "ru", "es"], level="advanced")])))
    assert Vacancy.model_validate_json(vacancy.model_dump_json()) == vacancy


def test_candidate_and_match_round_trip():
    candidate = Candidate(id="cv07", profile=Profile(
        highest_level="master", total_years=8.5, international_years=3.0,
        experience=[JobPeriod(title="Programme Officer", start="2019-03", end="present", years=7.7)],
        languages=[LanguageSkill(language="fr", level="native")]))
    assert Candidate.model_validate_json(candidate.model_dump_json()) == candidate
    match = Match(id="cv07", score=0.81, eligible=True, requirements=[
        RequirementCheck(name="education", status="met", required="master", found="master")],
        competencies={"matched": ["core.teamwork_collaboration"], "missing": []}, explanation="fits")
    assert Match.model_validate_json(match.model_dump_json()) == match


def test_unknown_fields_are_refused():
    import pydantic
    import pytest
    with pytest.raises(pydantic.ValidationError):
        Span.model_validate({"label": "DEGREE", "start": 0, "end": 3, "text": "PhD", "colour": "red"})


def test_published_schemas_match_the_code():
    folder = ROOT / "docs" / "schema"
    for name, text in schema_texts().items():
        assert (folder / name).read_text(encoding="utf-8") == text, f"regenerate with `jobmatch schema`: {name}"
