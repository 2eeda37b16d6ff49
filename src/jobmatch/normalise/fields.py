"""Fields of study -> ISCED-F 2013 codes, by the names and synonyms in data/fields.yaml."""

from __future__ import annotations

from functools import lru_cache

from jobmatch.normalise.phrases import PhraseTable
from jobmatch.taxonomy import load_taxonomy


@lru_cache(maxsize=1)
def _field_table() -> PhraseTable:
    names: dict[str, str] = {}
    for code, entry in load_taxonomy().fields.items():
        for name in entry.names:
            names.setdefault(name.lower(), code)
    return PhraseTable(names)


def find_fields(text: str) -> list[tuple[int, int, str]]:
    """(start, end, ISCED-F code) for each field-of-study name in the text."""
    return [(start, end, code) for start, end, words, code in _field_table().find(text)
            if not (words.isupper() and len(words) <= 3 and words.lower() not in ("ict", "it"))]
