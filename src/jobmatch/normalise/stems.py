"""Word stems, so a phrase rule written once matches its inflections ("negotiation" and
"negotiating" -> "negoti"; "projet" and "projets" -> "projet").

A blank tokenizer gives no lemmas, and a lemmatizing pipeline would cost the hot path most of its
speed; a Snowball stemmer applied to both the rule phrases and the text is the same function on both
sides, so stems need only be consistent, not words."""

from __future__ import annotations

from functools import lru_cache

import snowballstemmer


@lru_cache(maxsize=8)
def _stemmer(language: str):
    return snowballstemmer.stemmer(language)


class Stems:
    """Lower-cased word -> stem, cached: a corpus repeats a few thousand words endlessly."""

    def __init__(self, language: str = "english"):
        self.language = language
        self._stemmer = _stemmer(language)
        self._cache: dict[str, str] = {}

    def __call__(self, word: str) -> str:
        lowered = word.lower()
        stem = self._cache.get(lowered)
        if stem is None:
            stem = self._stemmer.stemWord(lowered) if lowered.isalpha() else lowered
            self._cache[lowered] = stem
        return stem
