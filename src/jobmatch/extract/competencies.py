"""COMPETENCY spans from the taxonomy: labels and synonyms, case-insensitive, longest match first."""

from __future__ import annotations

from functools import lru_cache

from jobmatch.normalise.phrases import PhraseTable
from jobmatch.taxonomy import load_taxonomy


@lru_cache(maxsize=1)
def _competency_table() -> PhraseTable:
    names: dict[str, str] = {}
    for competency in load_taxonomy().competencies.values():
        for name in competency.names:
            names.setdefault(name.lower(), competency.id)
    return PhraseTable(names)


def find_competencies(text: str) -> list[tuple[int, int, str]]:
    """(start, end, competency id) for each taxonomy label or synonym in the text."""
    # Short synonyms ("R", "AI", "BI") count only as written in capitals.
    return [(start, end, cid) for start, end, words, cid in _competency_table().find(text)
            if len(words) > 3 or words.isupper() or words.lower() == "sql"]
