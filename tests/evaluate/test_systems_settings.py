"""The harness measures the matcher the environment configures (model, weights), as `jobmatch rank`
uses it, but always with the cache the run hands it (none by default: encoding is measured cold)."""

from __future__ import annotations

from importlib import resources

from jobmatch.evaluate.systems import JobmatchSystem


def test_the_harness_takes_the_model_and_weights_from_the_environment(monkeypatch, tmp_path):
    weights = tmp_path / "weights.json"
    weights.write_text(resources.files("jobmatch.data").joinpath("match_weights.json").read_text("utf-8"), "utf-8")
    monkeypatch.setenv("JOBMATCH_EMBEDDING_MODEL", "some-other-model")
    monkeypatch.setenv("JOBMATCH_MATCH_WEIGHTS", str(weights))
    monkeypatch.setenv("JOBMATCH_EMBEDDING_CACHE", str(tmp_path / "user-cache.sqlite"))
    settings = JobmatchSystem(name="jobmatch", mode="full").matcher.settings
    assert (settings.embedding_model, settings.weights_path, settings.mode) == ("some-other-model", weights, "full")
    assert settings.cache_path is None


def test_a_cache_handed_to_the_run_is_used(tmp_path):
    cache = tmp_path / "run-cache.sqlite"
    assert JobmatchSystem(name="jobmatch", mode="semantic", embedding_cache=cache).matcher.settings.cache_path == cache
