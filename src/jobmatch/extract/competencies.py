"""COMPETENCY spans from the taxonomy: labels and synonyms, case-insensitive, longest match first."""

from __future__ import annotations

import re
from functools import lru_cache

from jobmatch.taxonomy import Taxonomy, load_taxonomy


@lru_cache(maxsize=4)
def _matcher(taxonomy_key: int = 0) -> tuple[re.Pattern[str], dict[str, str]]:
    taxonomy: Taxonomy = load_taxonomy()
    names: dict[str, str] = {}
    for competency in taxonomy.competencies.values():
        for name in competency.names:
            names.setdefault(name.lower(), competency.id)
    alternation = "|".join(sorted(map(re.escape, names), key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alternation})(?![\w-])", re.IGNORECASE), names


def find_competencies(text: str) -> list[tuple[int, int, str]]:
    """(start, end, competency id) for each taxonomy label or synonym in the text."""
    regex, names = _matcher()
    found = []
    for m in regex.finditer(text):
        words = m.group(0)
        if len(words) <= 3 and not words.isupper() and words.lower() not in ("sql",):
            continue  # short synonyms ("R", "AI", "BI") only as written in capitals
        found.append((m.start(), m.end(), names[words.lower()]))
    return found
