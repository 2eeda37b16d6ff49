"""Fields of study -> ISCED-F 2013 codes, by the names and synonyms in data/fields.yaml."""

from __future__ import annotations

import re
from functools import lru_cache

from jobmatch.taxonomy import load_taxonomy


@lru_cache(maxsize=1)
def _field_regex() -> tuple[re.Pattern[str], dict[str, str]]:
    names: dict[str, str] = {}
    for code, entry in load_taxonomy().fields.items():
        for name in entry.names:
            names.setdefault(name.lower(), code)
    alternation = "|".join(sorted(map(re.escape, names), key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alternation})(?![\w-])", re.IGNORECASE), names


def find_fields(text: str) -> list[tuple[int, int, str]]:
    """(start, end, ISCED-F code) for each field-of-study name in the text."""
    regex, names = _field_regex()
    found = []
    for m in regex.finditer(text):
        words = m.group(0)
        if words.isupper() and len(words) <= 3 and words.lower() not in ("ict", "it"):
            continue
        found.append((m.start(), m.end(), names[words.lower()]))
    return found
