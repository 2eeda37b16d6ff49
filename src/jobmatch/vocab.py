"""Closed vocabularies shared by the corpus, the extractors and the scorers."""

from __future__ import annotations

LABELS = ("COMPETENCY", "DEGREE", "FIELD", "EXPERIENCE", "LANGUAGE", "ORG", "DATE_RANGE")

# Degree levels in order, with their ISCED 2011 level.
DEGREE_LEVELS = {"secondary": 3, "short_cycle": 5, "bachelor": 6, "master": 7, "doctorate": 8}

LANGUAGE_LEVELS = ("basic", "intermediate", "advanced", "native")
LANGUAGE_LEVEL_RANK = {level: rank for rank, level in enumerate(LANGUAGE_LEVELS, start=1)}
CEFR_LEVELS = ("A1", "A2", "B1", "B2", "C1", "C2")

# The six official languages of the UN and of most UN-system organisations.
UN_OFFICIAL_LANGUAGES = ("ar", "zh", "en", "fr", "ru", "es")

EXPERIENCE_KINDS = ("total", "international", "leadership", "substitution", "desirable",
                    "claimed", "job", "internship", "volunteer")
COMPETENCY_TYPES = ("core", "functional", "managerial", "technical", "skill")
ORG_TYPES = ("un", "igo", "ngo", "government", "private", "academic")
DOCUMENT_KINDS = ("notice", "cv")
RELEVANCE_GRADES = (0, 1, 2, 3)


def level_rank(level: str | None) -> int:
    """ISCED level of a degree level name, 0 when unknown, so levels compare as numbers."""
    return DEGREE_LEVELS.get(level or "", 0)
