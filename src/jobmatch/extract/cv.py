"""A candidate's profile from a CV: degrees and fields, job periods merged into total and
international years, languages with levels, competencies."""

from __future__ import annotations

import re

from jobmatch.extract.regions import regions, section_at
from jobmatch.model import EducationEntry, JobPeriod, LanguageSkill, Profile, Section, Span
from jobmatch.normalise.degrees import find_degrees, isced_level
from jobmatch.normalise.fields import find_fields
from jobmatch.normalise.languages import find_languages, level_in
from jobmatch.normalise.periods import find_date_ranges, months_between, union_years
from jobmatch.vocab import LANGUAGE_LEVEL_RANK, level_rank

INTERNATIONAL_EMPLOYERS = re.compile(
    r"\b(?:United Nations|UN|UNDP|UNICEF|UNHCR|UNFPA|UNEP|UNESCO|UNIDO|UNCTAD|UNOPS|UNOG|UNON|UNOV|UNODC|UN Women|"
    r"UN-Habitat|OCHA|OHCHR|DPPA|DPO|DESA|ESCAP|ECA|ECLAC|ESCWA|ECE|WHO|PAHO|ILO|ITU|FAO|IFAD|WFP|IAEA|IMO|ICAO|"
    r"WIPO|WMO|UPU|UNWTO|IOM|UNAIDS|UNRWA|World Bank|IMF|OECD|WTO|OSCE|NATO|African Union|European Commission|"
    r"European Union|EU|Council of Europe|ICRC|IFRC|Red Cross|Red Crescent|MSF|Médecins Sans Frontières|"
    r"Inter-American Development Bank|IDB|Asian Development Bank|ADB|African Development Bank|AfDB|OAS|ASEAN|"
    r"Commonwealth Secretariat|CERN|ESA|Gavi|Global Fund|Nations Unies|ONU|Naciones Unidas|OIF|"
    r"Organisation internationale|Organización Internacional|international organi[sz]ation|international NGO)\b")
INTERNSHIP = re.compile(r"\b(?:intern(?:ship)?|trainee|stagiaire|stage|pasant[eí]a?|prácticas|practicante|becario)\b", re.IGNORECASE)
VOLUNTEER = re.compile(r"\b(?:volunteer|bénévole|voluntari[oa]|UNV)\b", re.IGNORECASE)


def _span(text: str, label: str, begin: int, finish: int, **attrs) -> Span:
    return Span(label=label, start=begin, end=finish, text=text[begin:finish], attrs=attrs)


def _line_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    left = text.rfind("\n", 0, start) + 1
    right = text.find("\n", end)
    return left, len(text) if right < 0 else right


def _job_context(text: str, start: int, end: int) -> str:
    """The line of a date range and the next one: where title and employer usually are."""
    left, right = _line_bounds(text, start, end)
    following = text.find("\n", right + 1)
    return text[left:(len(text) if following < 0 else following)]


def job_periods(text: str, sections: list[Section], reference: str, spans: list[Span]) -> list[JobPeriod]:
    """DATE_RANGE spans and the job each period belongs to (title line, kind, international employer)."""
    jobs = []
    has_experience_section = any(s.name == "experience" for s in sections)
    for period in find_date_ranges(text):
        section = section_at(sections, period.start)
        spans.append(_span(text, "DATE_RANGE", period.start, period.end, start=period.start_month, end=period.end_month))
        context = _job_context(text, period.start, period.end)
        if section in ("education", "languages", "skills") or (has_experience_section and section not in ("experience", None)):
            continue
        if section is None and find_degrees(context):
            continue  # a degree's dates, in a CV without headings
        kind = "internship" if INTERNSHIP.search(context) else "volunteer" if VOLUNTEER.search(context) else "job"
        line_left, line_right = _line_bounds(text, period.start, period.end)
        line = (text[line_left:period.start] + " " + text[period.end:line_right]).strip(" |·•-–—,:()\t")
        jobs.append(JobPeriod(title=line[:120] or None, start=period.start_month, end=period.end_month,
                              years=round(months_between(period.start_month, period.end_month, reference) / 12, 1),
                              international=bool(INTERNATIONAL_EMPLOYERS.search(context)), kind=kind,
                              text=context.strip()[:300]))
    return jobs


def education_entries(text: str, sections: list[Section], spans: list[Span]) -> list[EducationEntry]:
    """DEGREE and FIELD spans of the education section and one entry per degree."""
    entries = []
    searched = regions(sections, {"education"}, len(text))
    fields = [(s, e, code) for s, e, code in find_fields(text)]
    for start, end, level in find_degrees(text):
        if not any(a <= start < b for a, b in searched):
            continue
        spans.append(_span(text, "DEGREE", start, end, level=level, isced=isced_level(level)))
        line_left, line_right = _line_bounds(text, start, end)
        field = next((code for s, e, code in fields if line_left <= s < line_right and s >= start), None)
        field = field or next((code for s, e, code in fields if line_left <= s < line_right), None)
        entries.append(EducationEntry(level=level, field=field, text=text[line_left:line_right].strip()))
    for s, e, code in fields:
        if any(a <= s < b for a, b in searched) and any(_line_bounds(text, s, e) == _line_bounds(text, d.start, d.end)
                                                       for d in spans if d.label == "DEGREE"):
            spans.append(_span(text, "FIELD", s, e, isced_f=code))
    return entries


def language_skills(text: str, sections: list[Section], spans: list[Span]) -> list[LanguageSkill]:
    """LANGUAGE spans of the languages section and the best level stated for each language."""
    searched = regions(sections, {"languages"}, len(text))
    best: dict[str, LanguageSkill] = {}
    for start, end, code in find_languages(text):
        if not any(a <= start < b for a, b in searched):
            continue
        line_left, line_right = _line_bounds(text, start, end)
        after = text[end:line_right]
        cut = re.search(r"[,;]\s*(?=[A-ZÀ-Ý])", after)
        clause_left = max(line_left, start - 40, text.rfind(";", line_left, start) + 1, text.rfind(",", line_left, start) + 1)
        window = text[clause_left:start] + " " + (after[:cut.start()] if cut else after[:60])
        level, cefr = level_in(window)
        spans.append(_span(text, "LANGUAGE", start, end, lang=code, level=level, **({"cefr": cefr} if cefr else {})))
        current = best.get(code)
        if current is None or LANGUAGE_LEVEL_RANK.get(level or "", 0) > LANGUAGE_LEVEL_RANK.get(current.level or "", 0):
            best[code] = LanguageSkill(language=code, level=level, cefr=cefr, text=text[line_left:line_right].strip())
    return list(best.values())


def profile_from(jobs: list[JobPeriod], education: list[EducationEntry], languages: list[LanguageSkill],
                 competencies: list[str], reference_date: str) -> Profile:
    """The profile: job periods merged so overlaps count once, internships and volunteer work left out."""
    counted = [(j.start, j.end) for j in jobs if j.kind == "job" and j.start]
    international = [(j.start, j.end) for j in jobs if j.kind == "job" and j.international and j.start]
    return Profile(
        education=education,
        highest_level=max((e.level for e in education if e.level), key=level_rank, default=None),
        experience=jobs,
        total_years=union_years(counted, reference_date),
        international_years=union_years(international, reference_date),
        languages=languages,
        competencies=competencies,
    )
