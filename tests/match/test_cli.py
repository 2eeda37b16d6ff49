"""The matching commands end to end, with the packaged embedding model (loaded offline)."""

import json
import os
import shutil
import signal
import subprocess
import sys
import time

import pytest

from tests.conftest import FIXTURES, ROOT

NOTICE = FIXTURES / "notices" / "itu_bare_network_engineer.txt"
CVS = FIXTURES / "match" / "cvs"


def jobmatch(*args, env=None, timeout=300):
    return subprocess.run([sys.executable, "-m", "jobmatch", *args], capture_output=True, text=True, cwd=ROOT,
                          timeout=timeout, env={**os.environ, **(env or {})})


@pytest.fixture(scope="module")
def env(tmp_path_factory):
    return {"JOBMATCH_EMBEDDING_CACHE": str(tmp_path_factory.mktemp("cache") / "emb.sqlite")}


@pytest.fixture(scope="module")
def index(tmp_path_factory, env):
    path = tmp_path_factory.mktemp("ix") / "index"
    result = jobmatch("index", "add", str(CVS), "--kind", "cv", "--index", str(path), env=env)
    assert result.returncode == 0, result.stderr
    assert "3 added" in result.stdout
    result = jobmatch("index", "add", str(NOTICE), "--kind", "notice", "--index", str(path), env=env)
    assert "1 added" in result.stdout
    again = jobmatch("index", "add", str(NOTICE), "--kind", "notice", "--index", str(path), env=env)
    assert "0 added, 0 updated, 1 unchanged" in again.stdout
    return path


def test_rank_json_lists_candidates_best_first_with_reasons(env):
    result = jobmatch("rank", "--vacancy", str(NOTICE), "--candidates", str(CVS), "--json", env=env)
    assert result.returncode == 0, result.stderr
    results = json.loads(result.stdout)
    assert [r["id"] for r in results][0] == "strong_fit"
    assert results[-1]["id"] == "unrelated"
    assert [r["score"] for r in results] == sorted((r["score"] for r in results), reverse=True)
    for r in results:
        assert {"id", "score", "eligible", "requirements", "competencies", "explanation"} <= set(r)
    near = next(r for r in results if r["id"] == "near_miss_years")
    years = next(c for c in near["requirements"] if c["name"] == "experience")
    assert years["status"] == "unmet" and not near["eligible"]
    assert "experience NOT met" in near["explanation"]


def test_strict_drops_candidates_that_fail_a_hard_requirement(env):
    result = jobmatch("rank", "--vacancy", str(NOTICE), "--candidates", str(CVS), "--json", "--strict", env=env)
    ids = [r["id"] for r in json.loads(result.stdout)]
    assert "near_miss_years" not in ids and "strong_fit" in ids


def test_rank_from_the_index_gives_the_same_order_as_from_files(env, index):
    from_files = json.loads(jobmatch("rank", "--vacancy", str(NOTICE), "--candidates", str(CVS), "--json", env=env).stdout)
    from_index = json.loads(jobmatch("rank", "--vacancy", str(NOTICE), "--index", str(index), "--json", env=env).stdout)
    assert [r["id"] for r in from_index] == [r["id"] for r in from_files]
    assert from_index[0]["score"] == pytest.approx(from_files[0]["score"], abs=0.02)


def test_search_ranks_openings_for_a_cv_and_says_what_it_lacks(env, index):
    result = jobmatch("search", "--cv", str(CVS / "near_miss_years.txt"), "--index", str(index), "--json", env=env)
    assert result.returncode == 0, result.stderr
    (opening,) = json.loads(result.stdout)
    assert opening["id"] == "itu_bare_network_engineer"
    assert any(c["status"] == "unmet" for c in opening["requirements"])


def test_index_list_stats_and_remove(env, index, tmp_path):
    copy = tmp_path / "copy"
    shutil.copytree(index, copy)
    listed = json.loads(jobmatch("index", "list", "--index", str(copy), "--json", env=env).stdout)
    assert {r["id"] for r in listed} == {"strong_fit", "near_miss_years", "unrelated", "itu_bare_network_engineer"}
    stats = json.loads(jobmatch("index", "stats", "--index", str(copy), env=env).stdout)
    assert stats["documents"] == {"cv": 3, "notice": 1} and stats["index_type"] == "IndexFlatIP"
    assert jobmatch("index", "remove", "unrelated", "--index", str(copy), env=env).returncode == 0
    missing = jobmatch("index", "remove", "unrelated", "--index", str(copy), env=env)
    assert missing.returncode == 2 and "no document with id 'unrelated'" in missing.stderr


def test_user_errors_are_one_clear_line_and_exit_code_2(env, tmp_path, index):
    empty = tmp_path / "empty"
    empty.mkdir()
    cases = [
        (["rank", "--vacancy", str(NOTICE), "--candidates", str(empty)], "no readable documents in"),
        (["rank", "--vacancy", str(tmp_path / "nope.pdf"), "--candidates", str(CVS)], "nope.pdf"),
        (["search", "--cv", str(CVS / "strong_fit.txt"), "--index", str(tmp_path / "none")], "no index at"),
        (["rank", "--vacancy", str(NOTICE)], "exactly one of --candidates DIR or --index PATH"),
    ]
    for args, message in cases:
        result = jobmatch(*args, env=env)
        assert result.returncode == 2, (args, result.stderr)
        assert message in result.stderr and "Traceback" not in result.stderr


def test_an_unreadable_file_among_candidates_is_reported_and_the_rest_ranked(env, tmp_path):
    folder = tmp_path / "cvs"
    shutil.copytree(CVS, folder)
    (folder / "broken.pdf").write_bytes(b"%PDF-1.4 not really")
    result = jobmatch("rank", "--vacancy", str(NOTICE), "--candidates", str(folder), "--json", env=env)
    assert "broken.pdf" in result.stderr
    assert len(json.loads(result.stdout)) == 3
    assert result.returncode == 2     # ranked, but a script can still tell that a CV was left out


def test_kill_9_during_index_add_leaves_the_previous_index_loadable(env, index, tmp_path):
    copy = tmp_path / "ix"
    shutil.copytree(index, copy)
    corpus_cvs = ROOT / "corpora" / "cvs"
    proc = subprocess.Popen([sys.executable, "-m", "jobmatch", "index", "add", str(corpus_cvs), "--kind", "cv",
                             "--index", str(copy)],
                            cwd=ROOT, env={**os.environ, **env}, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(8)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    listed = jobmatch("index", "list", "--index", str(copy), "--json", env=env)
    assert listed.returncode == 0, listed.stderr
    assert len(json.loads(listed.stdout)) >= 4


def test_the_python_api_has_the_same_verbs(env, index, monkeypatch):
    import jobmatch

    monkeypatch.setenv("JOBMATCH_EMBEDDING_CACHE", env["JOBMATCH_EMBEDDING_CACHE"])
    ranked = jobmatch.rank(NOTICE, candidates=CVS, top=2)
    assert [m.id for m in ranked][0] == "strong_fit" and len(ranked) == 2
    found = jobmatch.search(CVS / "strong_fit.txt", index=index, strict=True)
    assert [m.id for m in found] == ["itu_bare_network_engineer"] and found[0].eligible
