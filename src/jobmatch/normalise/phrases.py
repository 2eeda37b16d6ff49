"""Find known phrases (taxonomy labels, synonyms, field names) in text: case-insensitive, longest
first, whole words only."""

from __future__ import annotations

import re


class PhraseTable:
    """A fixed name -> id table compiled once into one alternation."""

    def __init__(self, names: dict[str, str]):
        self.ids = {name.lower(): value for name, value in names.items()}
        alternation = "|".join(sorted(map(re.escape, self.ids), key=len, reverse=True))
        self.regex = re.compile(rf"(?<![\w-])(?:{alternation})(?![\w-])", re.IGNORECASE)

    def find(self, text: str) -> list[tuple[int, int, str, str]]:
        """(start, end, words as written, id) for each phrase in the text."""
        return [(m.start(), m.end(), m.group(0), self.ids[m.group(0).lower()]) for m in self.regex.finditer(text)]
