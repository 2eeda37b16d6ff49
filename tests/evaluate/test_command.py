from tests.conftest import run_cli


def test_an_unknown_external_set_is_refused_before_any_work():
    done = run_cli("eval", "--external", "glassdoor", timeout=60)
    assert done.returncode == 2
    assert "jobmatch: --external must be one of skillspan, rekrute, not 'glassdoor'" in done.stderr


def test_a_missing_thresholds_file_is_named_before_any_work(tmp_path):
    done = run_cli("eval", "--check", "--thresholds", str(tmp_path / "none.toml"), timeout=60)
    assert done.returncode == 2
    assert "none.toml: no such file" in done.stderr
