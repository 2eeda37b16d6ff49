"""Vacancy-notice structure: header fields (vacancy no., grade, duty station, deadline...) and
sections (duties, competencies, education, experience, languages...), each with its span."""

from __future__ import annotations

import re

from jobmatch.model import Document, NoticeHeader, NoticeStructure, Salary, Section
from jobmatch.normalise.dates import parse_date
from jobmatch.structure.headings import (HeadingMatch, find_headings, iter_lines, match_heading,
                                         notice_vocabulary, split_label_line)

# Sections whose heading may share its line with content ("Education: Advanced degree in ...").
INLINE_SECTIONS = frozenset({"education", "experience", "languages", "desirable", "salary", "qualifications",
                             "eligibility", "core_competencies", "functional_competencies",
                             "technical_competencies", "competencies", "duties", "organizational_context"})
# Body sections: header fields found inside them are prose, not header fields.
BODY_SECTIONS = frozenset({"duties", "core_competencies", "functional_competencies", "technical_competencies",
                           "competencies", "education", "experience", "languages", "desirable",
                           "qualifications", "organizational_unit", "organizational_context"})

_GRADE = re.compile(r"\b(?P<cat>USG|ASG|D|P|G|GS|NO|FS|AD|AST|SC|SB|ICS|NOA|NOB|NOC|NOD)[\s-]?(?P<num>\d{1,2}|[A-D])\b")
_VACANCY_INLINE = re.compile(r"(?:vacancy notice|job opening|avis de vacance|vacante)\s*(?:no\.?|n°|number|#|núm(?:ero)?\.?)\s*[:#]?\s*(?P<no>[A-Z0-9][\w/.\-]*)", re.IGNORECASE)
_QUOTED_TITLE = re.compile(r"[\"“«]\s*(?P<title>[^\"”»\n]{3,120}?)\s*[\"”»]")
_MONEY = re.compile(
    r"(?P<pre>US\s?\$|USD|CHF|EUR|GBP|€|£|\$)\s?(?P<amt>\d{1,3}(?:[,' \u202f]\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"|(?P<amt2>\d{1,3}(?:[,' \u202f]\d{3})+(?:\.\d+)?|\d{4,}(?:\.\d+)?)\s?(?P<post>USD|CHF|EUR|GBP|€|£|US dollars|euros?)",
    re.IGNORECASE)
_CURRENCY = {"$": "USD", "us$": "USD", "us $": "USD", "usd": "USD", "us dollars": "USD", "chf": "CHF",
             "eur": "EUR", "€": "EUR", "euro": "EUR", "euros": "EUR", "gbp": "GBP", "£": "GBP"}
_NOT_A_TITLE = re.compile(r"vacancy|avis de|vacante|job opening|circular|secretariat|\d{1,2} \w+ \d{4}", re.IGNORECASE)
_ORG_WORDS = re.compile(r"\b(UNION|ORGANI[SZ]ATION|NATIONS|PROGRAMME|PROGRAM|FUND|AGENCY|OFFICE|BANK|INSTITUTE|COMMISSION|"
                        r"AUTHORITY|MINISTRY|COUNCIL|UNIVERSITY|CENTRE|CENTER|FOUNDATION|COMPANY|GROUP|LTD|INC)\b")


def normalise_grade(value: str) -> str:
    """"P-4", "P 4", "p4" -> "P4"; other grades as written."""
    m = _GRADE.search(value.upper())
    if m and len(value.strip()) <= 12:
        return f"{m['cat']}{m['num']}"
    return value.strip()


def _sections(text: str, headings: list[HeadingMatch], children: dict[str, frozenset[str]]) -> list[Section]:
    sections: list[Section] = []
    for i, heading in enumerate(headings):
        end = len(text)
        for later in headings[i + 1:]:
            if later.name not in children.get(heading.name, frozenset()):
                end = later.start
                break
        body_end = end
        for later in headings[i + 1:]:  # the body proper stops at the first child heading
            body_end = min(body_end, later.start)
            break
        body = text[heading.body_start:body_end].strip()
        sections.append(Section(name=heading.name, heading=heading.heading, start=heading.start,
                                end=_trim_end(text, heading.start, end), body_start=heading.body_start, text=body))
    return sections


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def _clean_value(value: str) -> str:
    return value.strip().strip("*_").strip()


def _header_fields(text: str, sections: list[Section]) -> tuple[dict[str, str], dict[str, tuple[int, int]]]:
    vocabulary = notice_vocabulary()
    body = [(s.start, s.end) for s in sections if s.name in BODY_SECTIONS]
    first_section = sections[0].start if sections else len(text)
    values: dict[str, str] = {}
    spans: dict[str, tuple[int, int]] = {}
    for preamble_only in (True, False):
        for start, end, line in iter_lines(text):
            if preamble_only and start >= first_section:
                break
            if not preamble_only and any(s <= start < e for s, e in body):
                continue
            label_line = split_label_line(line)
            if not label_line:
                continue
            label, value_start, value_end = label_line
            label = label.strip(" -•*#")
            for name, pattern in vocabulary.header.items():
                if name not in values and pattern.match(label.lower()):
                    value = _clean_value(line[value_start:value_end])
                    if value:
                        values[name] = value
                        spans[name] = (start + value_start, start + value_end)
                    break
    return values, spans


def _title_fallback(text: str, values: dict[str, str], spans: dict[str, tuple[int, int]]) -> tuple[str, tuple[int, int]] | None:
    lines = list(iter_lines(text))
    number_span = spans.get("vacancy_number")
    if number_span:
        # Bare ITU form: the title is the last non-empty line before "Vacancy notice no: ...".
        previous = [(s, e, line) for s, e, line in lines if e < number_span[0] and line.strip()]
        if previous:
            s, e, line = previous[-1]
            words = line.strip()
            if 3 <= len(words) <= 120 and not split_label_line(line) and not words.isupper():
                offset = s + line.index(words)
                return words, (offset, offset + len(words))
    for s, _, line in lines[:80]:
        if _VACANCY_INLINE.search(line):
            quoted = _QUOTED_TITLE.search(line)
            if quoted:
                return quoted["title"], (s + quoted.start("title"), s + quoted.end("title"))
    # Otherwise the first line, when it reads as a title (a Markdown H1 or a short plain line).
    for s, _, line in lines[:10]:
        words = line.strip().lstrip("#").strip().strip("*_").strip()
        if not words:
            continue
        if (len(words) <= 100 and not split_label_line(line) and not words.isupper()
                and not _NOT_A_TITLE.search(words) and match_heading(line, notice_vocabulary().patterns) is None):
            offset = s + line.index(words)
            return words, (offset, offset + len(words))
        break
    return None


def _organization(text: str) -> str | None:
    for _, _, line in list(iter_lines(text))[:60]:
        words = line.strip().strip("*#_ ")
        if 2 <= len(words.split()) <= 10 and words.isupper() and _ORG_WORDS.search(words):
            return words.title() if len(words) > 6 else words
    return None


def _salaries(text: str, sections: list[Section]) -> list[Salary]:
    regions = [(s.body_start, s.end) for s in sections if s.name in ("benefits", "salary")] or [(0, len(text))]
    found: list[Salary] = []
    for start, end in regions:
        for line in text[start:end].split("\n"):
            amounts, currency = [], None
            for m in _MONEY.finditer(line):
                raw = m["amt"] or m["amt2"]
                try:
                    amounts.append(float(re.sub(r"[,' \u202f]", "", raw)))
                except ValueError:
                    continue
                currency = currency or _CURRENCY.get((m["pre"] or m["post"] or "").lower().replace("  ", " "))
            if amounts and line.strip() not in {s.text for s in found}:
                found.append(Salary(text=line.strip(), currency=currency, amounts=amounts))
    return found


def parse_notice(document: Document) -> NoticeStructure:
    """The header fields and sections of a vacancy notice, from any layout the vocabulary knows."""
    text = document.text
    vocabulary = notice_vocabulary()
    headings = find_headings(text, vocabulary, INLINE_SECTIONS)
    sections = _sections(text, headings, vocabulary.children)
    values, spans = _header_fields(text, sections)
    if "vacancy_number" not in values:
        m = _VACANCY_INLINE.search(text)
        if m:
            values["vacancy_number"] = m["no"].rstrip(".,")
            spans["vacancy_number"] = (m.start("no"), m.start("no") + len(values["vacancy_number"]))
    if "title" not in values:
        fallback = _title_fallback(text, values, spans)
        if fallback:
            values["title"], spans["title"] = fallback
    if "grade" in values:
        values["grade"] = normalise_grade(values["grade"])
    elif values.get("vacancy_number") or values.get("title"):
        m = _GRADE.search(" ".join(filter(None, (values.get("vacancy_number"), values.get("title")))))
        if m and m["cat"] in ("P", "D", "G", "GS", "NO", "FS"):
            values["grade"] = f"{m['cat']}{m['num']}"
    if "deadline" in values:
        values["deadline"] = parse_date(values["deadline"], last="period" in values["deadline"].lower() or " - " in values["deadline"]) or None
        if values["deadline"] is None:
            spans.pop("deadline", None)
            values.pop("deadline")
    organization = values.get("organization") or _organization(text)
    header = NoticeHeader(
        vacancy_number=values.get("vacancy_number"), title=values.get("title"), grade=values.get("grade"),
        sector=values.get("sector"), department=values.get("department"), duty_station=values.get("duty_station"),
        country=values.get("country"), position_number=values.get("position_number"),
        contract_type=values.get("contract_type"), contract_duration=values.get("contract_duration"),
        recruitment_open_to=values.get("recruitment_open_to"), deadline=values.get("deadline"),
        organization=organization, salary=_salaries(text, sections))
    return NoticeStructure(id=document.id, source=document.source, format=document.format, header=header,
                           header_spans=spans, sections=sections)
