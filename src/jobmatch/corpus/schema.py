"""The keys an annotation file may hold (corpora/GUIDE.md), as data: a key outside these sets is an
annotation decision nobody took, and `jobmatch corpus check` reports it instead of letting each
annotator invent one."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

NOTICE_KEYS = frozenset({"id", "kind", "language", "layout", "spans", "requirements"})
CV_KEYS = frozenset({"id", "kind", "language", "layout", "written_for", "purpose", "spans", "profile"})
SPAN_KEYS = frozenset({"label", "text", "occurrence", "attrs"})

# Attributes per label; the optional ones are limited to one kind of document (below).
SPAN_ATTRS = {
    "COMPETENCY": frozenset({"id", "type"}),
    "DEGREE": frozenset({"level", "isced", "isced_f", "status", "desirable"}),
    "FIELD": frozenset({"isced_f", "desirable"}),
    "EXPERIENCE": frozenset({"years", "kind", "domain", "international", "start", "end", "duration_stated"}),
    "LANGUAGE": frozenset({"lang", "level", "cefr", "desirable"}),
    "ORG": frozenset({"type"}),
    "DATE_RANGE": frozenset({"start", "end"}),
}
NOTICE_ONLY_ATTRS = frozenset({"desirable"})          # an asset, not a requirement
CV_ONLY_ATTRS = frozenset({"status", "duration_stated"})
DEGREE_STATUSES = ("enrolled", "incomplete")          # absent: the degree was awarded

REQUIREMENTS_KEYS = frozenset({"education", "experience", "languages", "competencies", "eligibility"})
EDUCATION_KEYS = frozenset({"min_level", "fields", "substitutions"})
SUBSTITUTION_KEYS = frozenset({"level", "min_years", "additional_years", "in_lieu_of", "internal_only"})
EXPERIENCE_KEYS = frozenset({"min_years", "international_years", "leadership_years", "domains",
                             "doctorate_substitutes_years"})
LANGUAGE_GROUP_KEYS = frozenset({"required", "desirable"})
LANGUAGE_ITEM_KEYS = frozenset({"language", "any_of", "level"})
COMPETENCY_GROUP_KEYS = frozenset({"core", "functional", "technical"})
ELIGIBILITY_KEYS = frozenset({"rule", "value", "text"})

PROFILE_KEYS = frozenset({"education", "highest_level", "experience", "total_years", "international_years",
                          "languages", "competencies"})
PROFILE_EDUCATION_KEYS = frozenset({"level", "field", "institution", "year", "status"})
PROFILE_EXPERIENCE_KEYS = frozenset({"title", "org", "start", "end", "years", "international", "kind",
                                     "duration_stated"})
PROFILE_LANGUAGE_KEYS = frozenset({"language", "level"})

TAXONOMY_ENTRY_KEYS = frozenset({"label", "type", "synonyms", "framework", "test_only"})

PERIOD_KINDS = ("job", "internship", "volunteer")


def unknown_keys(value: object, allowed: frozenset[str]) -> list[str]:
    """Keys of a dict that the guide does not define, sorted; [] for anything that is not a dict."""
    return sorted(set(value) - allowed) if isinstance(value, dict) else []


def month_index(value: str, reference: str) -> int:
    """Months since year 0 of "YYYY-MM" or "present" (the corpus reference date)."""
    year, month = (reference if value == "present" else value).split("-")[:2]
    return int(year) * 12 + int(month) - 1


def period_years(months: int) -> float:
    """Months / 12 rounded to one decimal, halves up (4.25 -> 4.3): the guide's one rounding rule."""
    return float((Decimal(months) / 12).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


def duration_years(start: str, end: str, reference: str) -> float:
    """Duration of a job period, both months inclusive."""
    return period_years(month_index(end, reference) - month_index(start, reference) + 1)


def union_years(periods: list[tuple[str, str]], reference: str) -> float:
    """Years covered by the union of periods: overlapping months count once."""
    months: set[int] = set()
    for start, end in periods:
        months.update(range(month_index(start, reference), month_index(end, reference) + 1))
    return period_years(len(months))
