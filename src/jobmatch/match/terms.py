"""The weighted terms of many documents in flat numpy arrays instead of one dict per document.

An index keeps each document's strongest TF-IDF terms for the lexical feature. As Python dicts
they cost about 12.8 KB per CV in memory (1.3 GB at 100,000 CVs); here a document is a slice of
two int32 arrays (term ids into one shared vocabulary, and weights), 8 bytes a term. The weights
are stored as integers of 1e-5: `lexical.weighted_terms` rounds them to 5 decimals, so they come
back as exactly the same floats and `sim_lexical` is unchanged. A document's dict is rebuilt only
when it is scored (the shortlist of a query)."""

from __future__ import annotations

from pathlib import Path

import numpy as np

SCALE = 100_000          # weighted_terms rounds to 5 decimals: weight * SCALE is an integer


class TermTable:
    """Row i holds document i's terms: ids[offsets[i]:offsets[i+1]] and their weights."""

    def __init__(self, vocabulary: list[str], offsets: np.ndarray, ids: np.ndarray, weights: np.ndarray):
        if len(offsets) < 1 or offsets[0] != 0 or offsets[-1] != len(ids) or len(ids) != len(weights):
            raise ValueError(f"term table arrays disagree: {len(offsets)} offsets ending at "
                             f"{offsets[-1] if len(offsets) else None}, {len(ids)} ids, {len(weights)} weights")
        if len(ids) and (ids.min() < 0 or ids.max() >= len(vocabulary)):
            raise ValueError(f"term ids outside the vocabulary of {len(vocabulary)} terms")
        self.vocabulary = vocabulary
        self.offsets = offsets
        self.ids = ids
        self.weights = weights

    def __len__(self) -> int:
        return len(self.offsets) - 1

    @classmethod
    def from_dicts(cls, documents: list[dict[str, float]]) -> "TermTable":
        number: dict[str, int] = {}
        ids, weights, offsets = [], [], [0]
        for terms in documents:
            for term, weight in terms.items():
                ids.append(number.setdefault(term, len(number)))
                weights.append(round(weight * SCALE))
            offsets.append(len(ids))
        return cls(list(number), np.asarray(offsets, np.int64), np.asarray(ids, np.int32),
                   np.asarray(weights, np.int32))

    def row(self, i: int) -> dict[str, float]:
        """Document i's terms as `weighted_terms` made them (same floats, same order)."""
        a, b = self.offsets[i], self.offsets[i + 1]
        vocabulary = self.vocabulary
        return {vocabulary[t]: w / SCALE for t, w in zip(self.ids[a:b].tolist(), self.weights[a:b].tolist())}

    @property
    def nbytes(self) -> int:
        """Memory held: the arrays and the vocabulary's strings (shared by all documents)."""
        import sys

        strings = sum(sys.getsizeof(t) for t in self.vocabulary) + sys.getsizeof(self.vocabulary)
        return int(self.offsets.nbytes + self.ids.nbytes + self.weights.nbytes + strings)

    def save(self, handle) -> None:
        """One uncompressed .npz (the vocabulary as newline-joined UTF-8: terms are single words)."""
        vocabulary = np.frombuffer("\n".join(self.vocabulary).encode("utf-8"), dtype=np.uint8)
        np.savez(handle, offsets=self.offsets, ids=self.ids, weights=self.weights, vocabulary=vocabulary)

    @classmethod
    def load(cls, path: Path) -> "TermTable":
        with np.load(path, allow_pickle=False) as data:
            text = data["vocabulary"].tobytes().decode("utf-8")
            return cls(text.split("\n") if text else [], data["offsets"], data["ids"], data["weights"])
