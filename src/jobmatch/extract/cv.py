"""A candidate's profile from a CV: degrees and fields, job periods merged into total and
international years, languages with levels, competencies."""

from __future__ import annotations

import re
from bisect import bisect_right

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
INTERNSHIP = re.compile(r"\b(?:intern(?:ship)?|trainee|stagiaire|stage|pasant[eí]a?|prácticas?(?: profesional(?:es)?)?|practicante|becario)\b", re.IGNORECASE)
VOLUNTEER = re.compile(r"\b(?:volunteer|bénévole|voluntari[oa]|UNV)\b", re.IGNORECASE)


def _span(text: str, label: str, begin: int, finish: int, **attrs) -> Span:
    return Span(label=label, start=begin, end=finish, text=text[begin:finish], attrs=attrs)


def _line_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    left = text.rfind("\n", 0, start) + 1
    right = text.find("\n", end)
    return left, len(text) if right < 0 else right


_BULLET = re.compile(r"^\s*(?:[-–—•*·▪◦]|\d{1,2}[.)])\s")
_LABELS_ONLY = re.compile(r"^[\W\d_]*(?:(?:attended|employed|from|to|de|desde|hasta|du|au|dates?|period|période|periodo|from\s*[-–/]\s*to)\b[\W\d_]*)*$", re.IGNORECASE)
# Periods that are not a job: a gap in employment, a career break.
NOT_A_JOB = re.compile(r"\b(?:gap|career break|not in (?:paid )?employment|sabbatical|parental leave|unemployed|"
                       r"interruption de carrière|sans emploi|pausa profesional|desempleado)\b", re.IGNORECASE)
MAX_BLOCK_LINES = 4


def _lines(text: str) -> list[tuple[int, int]]:
    bounds, start = [], 0
    for line in text.split("\n"):
        bounds.append((start, start + len(line)))
        start += len(line) + 1
    return bounds


def _job_block(text: str, lines: list[tuple[int, int]], index: int, range_lines: set[int]) -> str:
    """The lines that describe the job of the period on line `index`: its own line, the lines after
    it up to a blank line, a bullet or another period, and, when the period stands on a line of its
    own ("From: 03/2019 To: present"), the title and employer lines just above it."""
    block = [index]
    for i in range(index + 1, min(len(lines), index + 1 + MAX_BLOCK_LINES)):
        line = text[slice(*lines[i])]
        if not line.strip() or i in range_lines or _BULLET.match(line):
            break
        block.append(i)
    own = text[slice(*lines[index])]
    if _LABELS_ONLY.match(_PERIOD_PLACEHOLDER.sub(" ", own)):
        for i in range(index - 1, max(-1, index - 1 - MAX_BLOCK_LINES), -1):
            line = text[slice(*lines[i])]
            if not line.strip() or i in range_lines:
                break
            block.insert(0, i)
    return "\n".join(text[slice(*lines[i])] for i in block)


_PERIOD_PLACEHOLDER = re.compile("\x00+")


def _inside_prose(text: str, line_left: int, line_right: int, start: int, end: int) -> bool:
    """A period quoted inside a description ("the fonds of the ILO (1919–1980) according to ...")
    rather than heading a job: mid-line, and in brackets or on a bullet line."""
    before, after = text[line_left:start], text[end:line_right]
    if not re.search(r"[^\W\d_]", _BULLET.sub("", before)) or not re.search(r"[^\W\d_]{3}", after):
        return False
    in_brackets = before.rstrip().endswith("(") and after.lstrip().startswith(")")
    return in_brackets or bool(_BULLET.match(text[line_left:line_right]))


def job_periods(text: str, sections: list[Section], reference: str, spans: list[Span]) -> list[JobPeriod]:
    """DATE_RANGE spans and the job each period belongs to (title line, kind, international employer)."""
    jobs = []
    has_experience_section = any(s.name == "experience" for s in sections)
    periods = find_date_ranges(text)
    lines = _lines(text)
    line_starts = [a for a, _ in lines]
    masked = list(text)
    for period in periods:
        masked[period.start:period.end] = "\x00" * (period.end - period.start)
    masked_text = "".join(masked)
    range_lines = {bisect_right(line_starts, p.start) - 1 for p in periods}
    for period in periods:
        section = section_at(sections, period.start)
        spans.append(_span(text, "DATE_RANGE", period.start, period.end, start=period.start_month, end=period.end_month))
        index = bisect_right(line_starts, period.start) - 1
        line_left, line_right = lines[index]
        context = _job_block(masked_text, lines, index, range_lines).replace("\x00", " ")
        if section in ("education", "languages", "skills") or (has_experience_section and section not in ("experience", None)):
            continue
        line = (text[line_left:period.start] + " " + text[period.end:line_right]).strip(" |·•-–—,:()\t")
        if section is None and find_degrees(context if _LABELS_ONLY.match(line) else line):
            continue  # a degree's dates, in a CV without headings
        if NOT_A_JOB.search(context) or _inside_prose(text, line_left, line_right, period.start, period.end):
            continue
        kind = "internship" if INTERNSHIP.search(context) else "volunteer" if VOLUNTEER.search(context) else "job"
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
