import json

import numpy as np
import pytest

from jobmatch.errors import ConfigError
from jobmatch.match.distill import PROVENANCE_FILE, DistillSettings, distill_static

WORDS = ["budget", "audit", "finance", "report", "radio", "network", "engineer", "piano", "music", "teacher",
         "procurement", "tender", "supplier", "contract", "school", "children", "the", "and", "of", "for"]


@pytest.fixture(scope="module")
def tiny_model(tmp_path_factory):
    """A two-layer BERT with a 41-token vocabulary, random weights: distillation's whole path in a
    second, offline (the real MiniLM takes minutes)."""
    import torch
    from transformers import BertConfig, BertModel, BertTokenizerFast

    folder = tmp_path_factory.mktemp("tiny-bert")
    vocab = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", *WORDS, *(f"##{c}" for c in "abcdefghijklmnop")]
    BertTokenizerFast(vocab={token: i for i, token in enumerate(vocab)}).save_pretrained(folder)
    torch.manual_seed(0)
    BertModel(BertConfig(vocab_size=len(vocab), hidden_size=16, num_hidden_layers=2, num_attention_heads=2,
                         intermediate_size=32, max_position_embeddings=64)).save_pretrained(folder)
    return folder


def test_distillation_writes_a_loadable_static_model_with_its_provenance(tmp_path, tiny_model):
    from jobmatch.match.encoder import Encoder

    info = distill_static(tmp_path / "static", DistillSettings(source=str(tiny_model), pca_dims=8))
    assert info["dimension"] == 8 and info["vocabulary"] >= len(WORDS)
    saved = json.loads((tmp_path / "static" / PROVENANCE_FILE).read_text("utf-8"))
    assert saved["settings"]["pca_dims"] == 8 and saved["weights_sha256"] == info["weights_sha256"]
    encoder = Encoder(str(tmp_path / "static"), cache_path=None)
    vectors = encoder.encode(["budget audit report", "piano music teacher"])
    assert encoder.static and vectors.shape == (2, 8)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert not any(p.name.startswith(".static-") for p in tmp_path.iterdir())     # no staging folder left


def test_distilling_twice_gives_the_same_weights_and_replaces_the_old_folder(tmp_path, tiny_model):
    settings = DistillSettings(source=str(tiny_model), pca_dims=8)
    first = distill_static(tmp_path / "static", settings)
    (tmp_path / "static" / "stale.txt").write_text("from an older run", "utf-8")
    second = distill_static(tmp_path / "static", settings)
    assert first["weights_sha256"] == second["weights_sha256"]
    assert not (tmp_path / "static" / "stale.txt").exists()


@pytest.mark.parametrize("kwargs, problem", [({"pca_dims": 1}, "at least 2 PCA dimensions"),
                                             ({"dtype": "float64"}, "float32, float16 or int8")])
def test_bad_distillation_settings_are_named(kwargs, problem):
    with pytest.raises(ConfigError, match=problem):
        DistillSettings(**kwargs)


def test_a_missing_source_model_is_a_clear_error(tmp_path):
    with pytest.raises(ConfigError, match="neither a folder nor an installed package"):
        distill_static(tmp_path / "out", DistillSettings(source="no-such-model-package"))


def test_the_distill_command_writes_the_model_and_prints_what_it_wrote(tmp_path, tiny_model):
    from typer.testing import CliRunner

    from jobmatch.cli import app

    result = CliRunner().invoke(app, ["match", "distill", "--source", str(tiny_model), "--out", str(tmp_path / "m"),
                                      "--pca-dims", "4", "--dtype", "float32"])
    assert result.exit_code == 0, result.output
    printed = json.loads(result.stdout[result.stdout.index("{"):])
    assert printed["dimension"] == 4 and printed["settings"]["dtype"] == "float32"
    assert (tmp_path / "m" / "model.safetensors").is_file()
