import copy
from pathlib import Path

import pytest

from jobmatch.errors import ConfigError
from jobmatch.evaluate import evaluate_command
from jobmatch.evaluate.gate import check, load_thresholds

ROOT = Path(__file__).resolve().parents[2]
NDCG = "ranking.recruiter.systems.bm25.metrics.ndcg@10.mean"
F1 = "extraction.all.spans.micro.strict.f1"


def test_gate_passes_at_or_above_the_minimum(fake_report):
    result = check(fake_report, {NDCG: 0.8, F1: 0.75})
    assert result.passed and result.checked == 2


def test_gate_fails_naming_a_figure_lowered_on_purpose(fake_report):
    lowered = copy.deepcopy(fake_report)
    lowered["ranking"]["recruiter"]["systems"]["bm25"]["metrics"]["ndcg@10"]["mean"] = 0.5
    result = check(lowered, {NDCG: 0.8, F1: 0.75})
    assert not result.passed
    assert result.failures == [f"{NDCG}: 0.5000 is below the minimum 0.8"]


def test_a_threshold_missing_from_the_report_fails(fake_report):
    result = check(fake_report, {"ranking.recruiter.systems.jobmatch.metrics.ndcg@10.mean": 0.5})
    assert not result.passed and "not in the report" in result.failures[0]


def test_external_figures_are_skipped_only_when_that_set_did_not_run(fake_report):
    path = "external.skillspan.systems.jobmatch.merged.strict.f1"
    skipped = check(fake_report, {path: 0.1})
    assert skipped.passed and skipped.checked == 0 and "not present" in skipped.skipped[0]
    ran = copy.deepcopy(fake_report)
    ran["external"]["skillspan"] = {"status": "ok", "systems": {"jobmatch": {"merged": {"strict": {"f1": 0.05}}}}}
    assert not check(ran, {path: 0.1}).passed


def test_bad_thresholds_files_name_the_file(tmp_path):
    bad = tmp_path / "t.toml"
    bad.write_text('[minimum]\n"a.b" = "high"\n')
    with pytest.raises(ConfigError, match="t.toml: minimum of 'a.b' is not a number"):
        load_thresholds(bad)
    with pytest.raises(ConfigError, match="no such file"):
        load_thresholds(tmp_path / "missing.toml")


def test_the_committed_thresholds_hold_for_the_committed_report():
    import json
    thresholds = load_thresholds(ROOT / "eval" / "thresholds.toml")
    report = json.loads((ROOT / "eval" / "REPORT.json").read_text(encoding="utf-8"))
    result = check(report, thresholds)
    assert result.passed, result.failures
    assert result.checked >= 20


def test_eval_check_exits_1_and_names_the_figure(fake_report, tmp_path, monkeypatch):
    import jobmatch.evaluate as evaluate
    monkeypatch.setattr(evaluate, "run_evaluation", lambda settings, external: fake_report)
    thresholds = tmp_path / "thresholds.toml"
    thresholds.write_text(f'[minimum]\n"{NDCG}" = 0.95\n"{F1}" = 0.5\n')
    lines = []
    code = evaluate_command(corpus=Path("corpora"), split="test", out=tmp_path / "out", check=True,
                            thresholds=thresholds, echo=lines.append)
    assert code == 1
    assert any(NDCG in line and "below the minimum 0.95" in line for line in lines)
    assert (tmp_path / "out" / "report.md").is_file()
    thresholds.write_text(f'[minimum]\n"{NDCG}" = 0.75\n')
    assert evaluate_command(corpus=Path("corpora"), split="test", out=tmp_path / "out", check=True,
                            thresholds=thresholds, echo=lines.append) == 0
