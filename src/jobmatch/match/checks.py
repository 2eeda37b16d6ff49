"""Requirement checks: pure functions from a notice's requirements and a CV's profile to
met / unmet / unknown, each with what was required, what was found and the evidence.

"unknown" means the CV does not say (no education section, no language stated): it never counts
as unmet, but it is shown so a recruiter can ask."""

from __future__ import annotations

from jobmatch.model import (DegreeSubstitution, EligibilityRule, LanguageNeed, Profile, RequirementCheck,
                            Requirements)
from jobmatch.vocab import LANGUAGE_LEVEL_RANK, level_rank

# Rules stated in programme calls that jobmatch reports but never assesses: they need facts that
# are not inputs to any score (age, citizenship) or that only the applicant can declare.
NOT_ASSESSED_RULES = {
    "max_age": "age is not an input to jobmatch; HR checks it",
    "citizenship": "nationality is not an input to jobmatch; HR checks it",
    "government_nomination": "nomination is a procedural step, checked by HR",
    "enrolment": "enrolment status is declared by the applicant",
    "graduated_within_months": "graduation date is checked by HR",
    "availability_months": "availability is declared by the applicant",
}


def _fmt_years(years: float | None) -> str:
    if years is None:
        return "?"
    return f"{years:g}"


def _effective_years(profile: Profile, doctorate_years: float | None) -> tuple[float, str]:
    """Years of experience, plus the years a doctorate counts for when the notice says so."""
    years = profile.total_years or 0.0
    if doctorate_years and profile.highest_level == "doctorate":
        return years + doctorate_years, f"{_fmt_years(years)} years + {_fmt_years(doctorate_years)} for the doctorate"
    return years, f"{_fmt_years(round(years, 1))} years"


def _awarded(profile: Profile) -> list:
    """Degrees held: an enrolled or abandoned degree (EducationEntry.status) meets no requirement,
    as profile.highest_level already ignores it."""
    return [entry for entry in profile.education if entry.status is None]


def _education_evidence(profile: Profile, level: str | None) -> str:
    awarded = _awarded(profile)
    for entry in awarded:
        if entry.level == level and entry.text:
            return entry.text
    return awarded[0].text if awarded else ""


def _substitution_years(sub: DegreeSubstitution, main_min_years: float | None) -> float | None:
    if sub.min_years is not None:
        return sub.min_years
    if sub.additional_years is not None:
        return (main_min_years or 0.0) + sub.additional_years
    return main_min_years


def education_check(requirements: Requirements, profile: Profile) -> RequirementCheck | None:
    """Degree level, with the notice's substitutions (a first degree plus more years)."""
    education = requirements.education
    if education.min_level is None:
        return None
    required = education.min_level
    if profile.highest_level is None:
        return RequirementCheck(name="education", status="unknown", required=required,
                                found="no degree found", evidence=education.evidence)
    found = profile.highest_level
    evidence = _education_evidence(profile, found)
    if level_rank(found) >= level_rank(required):
        return RequirementCheck(name="education", status="met", required=required, found=found, evidence=evidence)
    years, _ = _effective_years(profile, requirements.experience.doctorate_substitutes_years)
    for sub in education.substitutions:
        if sub.internal_only or level_rank(found) < level_rank(sub.level):
            continue
        needed = _substitution_years(sub, requirements.experience.min_years)
        if needed is None or years >= needed:
            return RequirementCheck(
                name="education", status="met", required=f"{required} (or {sub.level} + {_fmt_years(needed)} years)",
                found=f"{found} with {_fmt_years(round(years, 1))} years (substitution)", evidence=evidence)
    return RequirementCheck(name="education", status="unmet", required=required, found=found, evidence=evidence)


def field_check(requirements: Requirements, profile: Profile) -> RequirementCheck | None:
    """Field of study against the accepted ISCED-F codes; a shared narrow field (3 digits) counts,
    as notices accept "or a related field"."""
    accepted = requirements.education.fields
    if not accepted:
        return None
    awarded = _awarded(profile)
    fields = [e.field for e in awarded if e.field]
    if not fields:
        return RequirementCheck(name="field", status="unknown", hard=False, required=", ".join(accepted),
                                found="no field of study found", evidence=requirements.education.evidence)
    for entry in awarded:
        if entry.field and any(entry.field[:3] == code[:3] for code in accepted):
            return RequirementCheck(name="field", status="met", hard=False, required=", ".join(accepted),
                                    found=entry.field, evidence=entry.text)
    return RequirementCheck(name="field", status="unmet", hard=False, required=", ".join(accepted),
                            found=", ".join(dict.fromkeys(fields)), evidence=awarded[0].text)


def experience_check(requirements: Requirements, profile: Profile) -> RequirementCheck | None:
    """Minimum years of relevant experience; a doctorate counts for the years the notice states.
    When a lower degree is accepted with more years, the education check has asked for those."""
    experience = requirements.experience
    if experience.min_years is None:
        return None
    if not profile.experience and not profile.total_years:
        return RequirementCheck(name="experience", status="unknown", required=f"{_fmt_years(experience.min_years)} years",
                                found="no dated experience found", evidence=experience.evidence)
    years, found = _effective_years(profile, experience.doctorate_substitutes_years)
    status = "met" if years + 1e-9 >= experience.min_years else "unmet"
    return RequirementCheck(name="experience", status=status, required=f"{_fmt_years(experience.min_years)} years",
                            found=found, evidence=experience.evidence)


def international_check(requirements: Requirements, profile: Profile) -> RequirementCheck | None:
    """Years at the international level (international organisations or postings abroad)."""
    needed = requirements.experience.international_years
    if needed is None:
        return None
    international = [p.text.splitlines()[0] for p in profile.experience if p.international and p.text]
    status = "met" if profile.international_years + 1e-9 >= needed else "unmet"
    return RequirementCheck(name="international_experience", status=status,
                            required=f"{_fmt_years(needed)} years", found=f"{profile.international_years:g} years",
                            evidence="; ".join(international[:3]))


def _level_ok(have: str | None, need: str | None) -> bool:
    if need is None:
        return True
    if have is None:
        return False
    return LANGUAGE_LEVEL_RANK.get(have, 0) >= LANGUAGE_LEVEL_RANK.get(need, 0)


def _need_text(need: LanguageNeed) -> str:
    what = need.language or ("one of " + "/".join(need.any_of or []))
    return f"{what} ({need.level or 'any level'})"


def assign_languages(needs: list[LanguageNeed], skills: dict[str, str | None],
                     taken: set[str] | None = None) -> list[str | None]:
    """Give each need a distinct language of the candidate at a sufficient level (the UN rule asks
    for two *different* official languages); needs are tried from the most specific."""
    order = sorted(range(len(needs)), key=lambda i: (needs[i].any_of is not None, len(needs[i].any_of or []),
                                                     -LANGUAGE_LEVEL_RANK.get(needs[i].level or "", 0)))
    used: set[str] = set(taken or ())
    result: list[str | None] = [None] * len(needs)
    for i in order:
        need = needs[i]
        options = [need.language] if need.language else list(need.any_of or [])
        # prefer the option the candidate knows least well that still suffices, keeping better ones free
        fitting = sorted((lang for lang in options if lang in skills and lang not in used and _level_ok(skills[lang], need.level)),
                         key=lambda lang: LANGUAGE_LEVEL_RANK.get(skills[lang] or "", 0))
        if fitting:
            result[i] = fitting[0]
            used.add(fitting[0])
    return result


def language_checks(requirements: Requirements, profile: Profile) -> list[RequirementCheck]:
    """One check per required language need (hard) and per desirable one (soft)."""
    skills: dict[str, str | None] = {}
    texts: dict[str, str] = {}
    for skill in profile.languages:
        if skill.language not in skills or LANGUAGE_LEVEL_RANK.get(skill.level or "", 0) > LANGUAGE_LEVEL_RANK.get(skills[skill.language] or "", 0):
            skills[skill.language] = skill.level
            texts[skill.language] = skill.text
    checks = []
    taken: set[str] = set()     # "a third language an advantage": desirable needs take other languages
    for hard, needs in ((True, requirements.languages.required), (False, requirements.languages.desirable)):
        assigned = assign_languages(needs, skills, taken if not hard else None)
        taken |= {lang for lang in assigned if lang}
        for need, lang in zip(needs, assigned):
            if lang:
                status, found, evidence = "met", f"{lang} ({skills[lang] or 'level not stated'})", texts.get(lang, "")
            elif not profile.languages:
                status, found, evidence = "unknown", "no languages found", ""
            else:
                status = "unmet"
                found = ", ".join(f"{k} ({v or '?'})" for k, v in skills.items())
                evidence = requirements.languages.evidence
            checks.append(RequirementCheck(name="language" if hard else "language_desirable", status=status,
                                           hard=hard, required=_need_text(need), found=found, evidence=evidence))
    return checks


def eligibility_checks(rules: list[EligibilityRule], profile: Profile) -> list[RequirementCheck]:
    """Programme rules (internship, JPO, YPP) are reported as stated, never scored; the ones that
    need personal data (age, nationality) are left to HR on purpose."""
    checks = []
    for rule in rules:
        reason = NOT_ASSESSED_RULES.get(rule.rule, "stated in the call; checked by HR")
        checks.append(RequirementCheck(name=f"eligibility:{rule.rule}", status="unknown", hard=False,
                                       required=f"{rule.rule} = {rule.value}", found=f"not assessed: {reason}",
                                       evidence=rule.text))
    return checks


def requirement_checks(requirements: Requirements, profile: Profile,
                       rules: list[RequirementCheck] | None = None) -> list[RequirementCheck]:
    """Every check of a notice's requirements against a CV's profile, in reading order.
    `rules`: the notice's programme rules as `eligibility_checks` reports them, when already made
    (they do not depend on the CV, so a pool ranked for one notice shares them)."""
    checks = [education_check(requirements, profile), field_check(requirements, profile),
              experience_check(requirements, profile), international_check(requirements, profile)]
    found = [c for c in checks if c is not None]
    found += language_checks(requirements, profile)
    found += eligibility_checks(requirements.eligibility, profile) if rules is None else list(rules)
    return found
