from jobmatch.match.checks import assign_languages, requirement_checks
from jobmatch.model import (DegreeSubstitution, EducationEntry, EducationRequirement, EligibilityRule,
                            ExperienceRequirement, JobPeriod, LanguageNeed, LanguageRequirement, LanguageSkill,
                            Profile, Requirements)

UN = ["ar", "zh", "en", "fr", "ru", "es"]


def notice(**overrides) -> Requirements:
    base = Requirements(
        education=EducationRequirement(min_level="master", fields=["0714"], substitutions=[
            DegreeSubstitution(level="bachelor", additional_years=2, in_lieu_of="master")]),
        experience=ExperienceRequirement(min_years=7, international_years=3, doctorate_substitutes_years=3),
        languages=LanguageRequirement(required=[LanguageNeed(any_of=UN, level="advanced"),
                                                LanguageNeed(any_of=UN, level="intermediate")]))
    return base.model_copy(update=overrides)


def cv(level="master", field="0714", years=8.0, intl=4.0, languages=(("en", "advanced"), ("fr", "intermediate"))) -> Profile:
    return Profile(education=[EducationEntry(level=level, field=field, text=f"{level} in {field}")],
                   highest_level=level, total_years=years, international_years=intl,
                   experience=[JobPeriod(title="Engineer", years=years, international=intl > 0, text="Engineer, ITU")],
                   languages=[LanguageSkill(language=l, level=v, text=f"{l} {v}") for l, v in languages])


def status(checks, name):
    return [c.status for c in checks if c.name == name]


def test_a_candidate_who_meets_everything_has_every_check_met():
    checks = requirement_checks(notice(), cv())
    assert {c.name: c.status for c in checks} == {"education": "met", "field": "met", "experience": "met",
                                                  "international_experience": "met", "language": "met"}


def test_first_degree_with_enough_extra_years_is_accepted_in_lieu_of_a_master():
    assert status(requirement_checks(notice(), cv(level="bachelor", years=9)), "education") == ["met"]
    assert status(requirement_checks(notice(), cv(level="bachelor", years=8)), "education") == ["unmet"]


def test_doctorate_counts_for_the_years_the_notice_states():
    checks = requirement_checks(notice(), cv(level="doctorate", years=4.5))
    assert status(checks, "experience") == ["met"]
    assert status(requirement_checks(notice(), cv(level="master", years=4.5)), "experience") == ["unmet"]


def test_un_language_rule_needs_two_different_languages():
    one_language = cv(languages=(("en", "native"),))
    assert status(requirement_checks(notice(), one_language), "language") == ["met", "unmet"]
    assert status(requirement_checks(notice(), cv(languages=(("en", "advanced"), ("de", "advanced")))), "language") == ["met", "unmet"]


def test_language_assignment_keeps_the_strong_language_for_the_strict_need():
    needs = [LanguageNeed(any_of=UN, level="intermediate"), LanguageNeed(language="fr", level="advanced")]
    assert assign_languages(needs, {"fr": "advanced", "en": "intermediate"}) == ["en", "fr"]


def test_missing_information_is_unknown_not_unmet():
    checks = requirement_checks(notice(), Profile())
    assert status(checks, "education") == ["unknown"]
    assert status(checks, "experience") == ["unknown"]
    assert status(checks, "language") == ["unknown", "unknown"]


def test_programme_rules_are_reported_but_never_assessed():
    rules = [EligibilityRule(rule="max_age", value=32, text="Candidates must be 32 or younger.")]
    checks = requirement_checks(notice(eligibility=rules), cv())
    rule = [c for c in checks if c.name == "eligibility:max_age"][0]
    assert rule.status == "unknown" and not rule.hard
    assert "age is not an input" in rule.found


def test_a_desirable_third_language_must_be_another_language_than_the_required_two():
    requirements = notice(languages=LanguageRequirement(
        required=[LanguageNeed(any_of=UN, level="advanced"), LanguageNeed(any_of=UN, level="intermediate")],
        desirable=[LanguageNeed(any_of=UN, level=None)]))
    two = requirement_checks(requirements, cv(languages=(("en", "advanced"), ("fr", "intermediate"))))
    three = requirement_checks(requirements, cv(languages=(("en", "advanced"), ("fr", "advanced"), ("es", "basic"))))
    assert status(two, "language_desirable") == ["unmet"]
    assert status(three, "language_desirable") == ["met"]


def test_a_degree_still_being_studied_meets_no_field_or_level():
    profile = cv(level="bachelor", field="0311").model_copy(update={"education": [
        EducationEntry(level="master", field="0714", status="enrolled", text="MSc Telecommunications (expected 2027)"),
        EducationEntry(level="bachelor", field="0311", text="BA Economics, 2015")]})
    checks = {c.name: c for c in requirement_checks(notice(), profile)}
    assert checks["field"].status == "unmet" and checks["field"].found == "0311"
    assert checks["education"].found == "bachelor" and checks["education"].evidence == "BA Economics, 2015"
