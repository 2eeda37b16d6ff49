"""The static vectors table built from the packaged model2vec model (models/minilm-static)."""

import numpy as np
import pytest
import spacy

from jobmatch.errors import ConfigError
from jobmatch.train.vectors import DEFAULT_STATIC_MODEL, build_vectors_pipeline, words_of

needs_static_model = pytest.mark.skipif(not (DEFAULT_STATIC_MODEL / "model.safetensors").is_file(),
                                        reason="models/minilm-static is not built")


def _cosine(vectors, a, b):
    va, vb = vectors[a], vectors[b]
    return float(va @ vb / (np.linalg.norm(va) * np.linalg.norm(vb)))


def test_words_of_keeps_lower_cased_words_and_drops_punctuation_and_numbers():
    words = words_of(["Drafted IPSAS notes, 2019-2021; C++ and SAP/ERP (S4)."], spacy.blank("en"))
    assert {"drafted", "ipsas", "notes", "c++", "sap", "s4"} <= words
    assert not words & {",", ";", "(", ".", "2019"}


@needs_static_model
def test_the_table_is_keyed_by_lower_case_and_holds_meaning(tmp_path):
    summary = build_vectors_pipeline(tmp_path / "vectors", ["kubernetes", "bookkeeping"], dims=32)
    nlp = spacy.load(tmp_path / "vectors")
    vectors = nlp.vocab.vectors
    assert vectors.shape == (summary["words"], 32) and summary["words"] > 20_000   # MiniLM's whole words too
    # A word has one row whether it is written in lower, title or upper case; other forms have none.
    doc = nlp("kubernetes Kubernetes KUBERNETES KuberNetes")
    assert all(token.has_vector for token in doc[:3]) and not doc[3].has_vector
    assert np.allclose(doc[0].vector, doc[1].vector) and np.allclose(doc[0].vector, doc[2].vector)
    # Words of related meaning end up closer than unrelated ones, also after the PCA.
    assert _cosine(vectors, "accounting", "bookkeeping") > _cosine(vectors, "accounting", "volcano") + 0.2
    assert _cosine(vectors, "recruitment", "hiring") > _cosine(vectors, "recruitment", "telescope") + 0.2


@needs_static_model
def test_bad_dimensions_and_a_missing_model_are_named(tmp_path):
    with pytest.raises(ConfigError, match="between 1 and 256"):
        build_vectors_pipeline(tmp_path / "v", ["audit"], dims=300)
    with pytest.raises(ConfigError, match="nowhere"):
        build_vectors_pipeline(tmp_path / "v", ["audit"], dims=8, static_model=tmp_path / "nowhere")
