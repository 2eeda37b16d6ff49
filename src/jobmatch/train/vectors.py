"""Static word vectors for the tagger's tok2vec, built offline from the packaged model2vec model
(`models/minilm-static`, distilled from MiniLM): a word's vector is the static model's embedding
of it (the mean of its word-piece vectors), reduced by PCA to a few dimensions.

Why: the hash embeddings only know the words of the training lines, so a duty or a tool the
tagger never saw ("reconciles nostro accounts", "Tableau") gets no signal from its meaning;
MiniLM's word pieces carry some. The table is stored in the tagger's vocab (`nlp.vocab.vectors`),
so the model needs nothing else at run time and a word outside the table simply gets a zero
vector. MiniLM's vocabulary is uncased, so each row is keyed by the word as written in lower case,
title case and upper case ("audit", "Audit", "AUDIT"): spaCy looks vectors up by ORTH (a table's
`attr="LOWER"` is not saved by `Vectors.to_disk` in spaCy 3.8's default mode), and extra keys of
one row cost no vector storage."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

import numpy as np
import spacy
from spacy.vectors import Vectors

from jobmatch.errors import ConfigError

DEFAULT_STATIC_MODEL = Path(__file__).resolve().parents[3] / "models" / "minilm-static"
# A word worth a vector: letters (any script), optionally with digits, dots, '+', '#', '-' inside
# ("c++", "c#", "iso-27001", "sap"); punctuation and bare numbers are left to the hash embeddings.
_WORD = re.compile(r"(?=.*[^\W\d_])[\w.+#&/-]{1,40}")
_WORDPIECE_SUFFIX = "##"


def static_model_words(model) -> list[str]:
    """The whole-word entries of the static model's word-piece vocabulary (no '##' pieces, no
    [CLS]-style tokens): the English words MiniLM knows as one piece."""
    return [token for token in model.tokenizer.get_vocab()
            if not token.startswith(_WORDPIECE_SUFFIX) and not token.startswith("[") and _WORD.fullmatch(token)]


def words_of(texts: Iterable[str], tokenizer) -> set[str]:
    """The lower-cased words of texts, cut by the tagger's own tokenizer (so the keys are the
    tokens the tagger will look up)."""
    words: set[str] = set()
    for doc in tokenizer.pipe(texts, batch_size=256):
        words.update(token.lower_ for token in doc if _WORD.fullmatch(token.lower_))
    return words


def load_static_model(path: str | Path | None = None):
    """The model2vec StaticModel at `path` (default models/minilm-static), with a clear error."""
    from model2vec import StaticModel

    folder = Path(path or DEFAULT_STATIC_MODEL)
    if not (folder / "model.safetensors").is_file():
        raise ConfigError(f"static model folder {folder} has no model.safetensors (build it with "
                          f"`jobmatch match distill`)")
    return StaticModel.from_pretrained(str(folder))


def word_vectors(model, words: list[str], dims: int, seed: int = 0) -> np.ndarray:
    """The static model's embedding of each word, reduced to `dims` by PCA (fitted on these words)
    and scaled to unit average length, float32."""
    from sklearn.decomposition import PCA

    if not words:
        raise ConfigError("no words to build static vectors for")
    full = np.asarray(model.encode(words, batch_size=4096), dtype=np.float32)
    if dims <= 0 or dims > full.shape[1]:
        raise ConfigError(f"static vector dims must be between 1 and {full.shape[1]}, not {dims}")
    reduced = PCA(n_components=dims, random_state=seed).fit_transform(full) if dims < full.shape[1] else full
    reduced /= np.linalg.norm(reduced, axis=1).mean() or 1.0
    return reduced.astype(np.float32)


def case_forms(word: str) -> list[str]:
    """The ways a lower-cased word is written in text: as is, capitalised, upper case."""
    return list(dict.fromkeys((word, word[:1].upper() + word[1:], word.upper())))


def build_vectors_pipeline(out_dir: str | Path, words: Iterable[str], dims: int, static_model: str | Path | None = None,
                           seed: int = 0) -> dict:
    """Write a blank spaCy pipeline whose vocab holds the vectors table (one row per lower-cased
    word, keyed by its `case_forms`), the form `[initialize] vectors` loads; returns a summary for
    the run record."""
    model = load_static_model(static_model)
    vocabulary = sorted({word.lower() for word in words} | set(static_model_words(model)))
    table = word_vectors(model, vocabulary, dims, seed)
    nlp = spacy.blank("en")
    vectors = Vectors(strings=nlp.vocab.strings, data=table, name="jobmatch_minilm_static")
    for row, word in enumerate(vocabulary):
        for form in case_forms(word):
            vectors.add(form, row=row)
    nlp.vocab.vectors = vectors
    nlp.to_disk(Path(out_dir))
    return {"words": len(vocabulary), "keys": vectors.n_keys, "dims": dims,
            "static_model": Path(static_model or DEFAULT_STATIC_MODEL).name}
