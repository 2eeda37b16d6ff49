import sys
from dataclasses import replace
from pathlib import Path

import pytest

from jobmatch.errors import ConfigError
from jobmatch.evaluate.run import run_external
from jobmatch.evaluate.settings import EvalSettings
from jobmatch.evaluate.systems import JOBMATCH_MODES, RankingSystem, SystemUnavailable, build_systems, jobmatch_systems


def test_jobmatch_systems_are_reported_unavailable_with_the_reason_when_match_cannot_import(monkeypatch):
    monkeypatch.setitem(sys.modules, "jobmatch.match", None)   # import fails as if the package were absent
    systems = jobmatch_systems()
    assert [s.name for s in systems] == list(JOBMATCH_MODES)
    assert all(isinstance(s, SystemUnavailable) for s in systems)
    assert systems[0].reason.startswith("not available: ModuleNotFoundError")


def test_every_named_system_is_built_in_report_order():
    systems = build_systems(seed=1, embedding_cache=None)
    assert [s.name for s in systems] == ["random", "bm25", "tfidf", "embeddings-only", "requirements-only", "jobmatch"]
    assert all(isinstance(s, (RankingSystem, SystemUnavailable)) for s in systems)


def test_external_sets_are_skipped_with_a_reason_when_absent(tmp_path):
    settings = replace(EvalSettings(), external_dir=tmp_path)
    result = run_external(["skillspan", "rekrute"], settings)
    assert result["skillspan"] == {"status": "skipped", "reason": f"{tmp_path / 'skillspan'} is not present"}
    assert result["rekrute"]["status"] == "skipped"
    with pytest.raises(ConfigError, match="--external must be one of skillspan, rekrute"):
        run_external(["glassdoor"], settings)
