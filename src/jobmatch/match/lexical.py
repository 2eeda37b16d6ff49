"""Lexical similarity: TF-IDF cosine over accent-folded words, with IDF weights learned on the
corpus train split and shipped as data, so a score does not depend on which pool is searched.

Sentence embeddings blur rare domain terms ("MPLS", "IPSAS", "spectrum"); exact word overlap keeps
them, so the two are complementary features (hybrid retrieval)."""

from __future__ import annotations

import json
import math
import re
import unicodedata
from collections import Counter
from functools import lru_cache
from importlib import resources
from pathlib import Path

WORD = re.compile(r"[^\W\d_]{2,}")
MAX_TERMS = 400          # the strongest terms kept per document (index metadata stays small)
IDF_FILE = "lexical_idf.json"


def fold(text: str) -> str:
    """Lower case without accents: "Expérience" and "experience" are one word."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


STOP_WORD_LANGUAGES = ("en", "fr", "es")      # the corpus's languages; spaCy keeps a stop list for each


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    """Function words of English, French and Spanish (spaCy's lists, accent-folded like the text,
    with scikit-learn's English list): "et", "la", "de" otherwise pass for shared terms."""
    import runpy
    from importlib.util import find_spec

    def module_file(package: str, *parts: str) -> str:
        return str(Path(find_spec(package).origin).parent.joinpath(*parts))

    # each list is read from its own file: importing `spacy.lang.fr` builds the whole language
    # (tokenizer exceptions, lemmatizer) and `sklearn.feature_extraction` loads scipy, seconds of
    # work on a first query for a set of words
    listed = set(runpy.run_path(module_file("sklearn", "feature_extraction", "_stop_words.py"))["ENGLISH_STOP_WORDS"])
    for language in STOP_WORD_LANGUAGES:
        listed |= runpy.run_path(module_file("spacy", "lang", language, "stop_words.py"))["STOP_WORDS"]
    return frozenset(fold(w) for w in listed)


def words(text: str) -> list[str]:
    stop = stop_words()
    return [w for w in WORD.findall(fold(text)) if w not in stop]


class Idf:
    """Inverse document frequencies; an unseen word gets the weight of a word seen once."""

    def __init__(self, documents: int, frequencies: dict[str, int]):
        self.documents = documents
        self.frequencies = frequencies

    def __call__(self, word: str) -> float:
        return math.log((1 + self.documents) / (1 + self.frequencies.get(word, 1))) + 1.0

    @classmethod
    def fit(cls, texts: list[str]) -> "Idf":
        frequencies: Counter[str] = Counter()
        for text in texts:
            frequencies.update(set(words(text)))
        return cls(len(texts), {w: n for w, n in frequencies.items() if n > 1})

    def to_json(self) -> dict:
        return {"documents": self.documents, "frequencies": dict(sorted(self.frequencies.items()))}

    @classmethod
    def load(cls, path: Path | None = None) -> "Idf":
        if path is not None:
            data = json.loads(Path(path).read_text("utf-8"))
        else:
            data = json.loads(resources.files("jobmatch.data").joinpath(IDF_FILE).read_text("utf-8"))
        return cls(int(data["documents"]), {k: int(v) for k, v in data["frequencies"].items()})


def weighted_terms(text: str, idf: Idf, limit: int = MAX_TERMS) -> dict[str, float]:
    """Unit-length TF-IDF weights (sublinear tf) of a text's strongest terms."""
    counts = Counter(words(text))
    weights = {w: (1.0 + math.log(n)) * idf(w) for w, n in counts.items()}
    strongest = dict(sorted(weights.items(), key=lambda kv: -kv[1])[:limit])
    norm = math.sqrt(sum(v * v for v in strongest.values())) or 1.0
    return {w: round(v / norm, 5) for w, v in strongest.items()}


def lexical_similarity(a: dict[str, float], b: dict[str, float]) -> float | None:
    """Cosine of two unit term vectors; None when either text had no words."""
    if not a or not b:
        return None
    return sum(a[w] * b[w] for w in a.keys() & b.keys())      # the shared words, intersected in C


def shared_terms(a: dict[str, float], b: dict[str, float], limit: int = 6) -> list[str]:
    """The words that add most to the cosine of two term vectors: what the lexical part of a
    score rests on, for the explanation."""
    products = sorted(((a[w] * b[w], w) for w in a.keys() & b.keys()), reverse=True)
    return [w for _, w in products[:limit]]
