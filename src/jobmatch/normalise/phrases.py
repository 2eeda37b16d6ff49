"""Find known phrases (taxonomy labels, synonyms, field names) in text: case-insensitive, longest
first, whole words only."""

from __future__ import annotations

import re

_BOUNDED = r"(?<![\w-])(?:{})(?![\w-])"


class PhraseTable:
    """A fixed name -> id table compiled once into one alternation.

    The alternation runs case-sensitively over the lower-cased text: Python's `re` tries a big
    alternation several times slower with IGNORECASE. A text whose lower-casing changes its length
    (a few rare letters, e.g. "İ") is searched with the case-insensitive pattern instead, so
    offsets always refer to the text as given."""

    def __init__(self, names: dict[str, str]):
        self.ids = {name.lower(): value for name, value in names.items()}
        alternation = "|".join(sorted(map(re.escape, self.ids), key=len, reverse=True))
        self.regex = re.compile(_BOUNDED.format(alternation), re.IGNORECASE)
        self._lower_regex = re.compile(_BOUNDED.format(alternation))

    def find(self, text: str) -> list[tuple[int, int, str, str]]:
        """(start, end, words as written, id) for each phrase in the text."""
        lowered = text.lower()
        matches = self._lower_regex.finditer(lowered) if len(lowered) == len(text) else self.regex.finditer(text)
        return [(m.start(), m.end(), text[m.start():m.end()], self.ids[m.group(0).lower()]) for m in matches]
