"""The CLI's last line of defence: an unexpected failure is one readable line, never a traceback,
and in a folder run it costs only the document that caused it."""

from __future__ import annotations

import sys

import pytest

import jobmatch.extract
from jobmatch import cli


def _run(monkeypatch, capsys, *args: str) -> tuple[int, str, str]:
    monkeypatch.setattr(sys, "argv", ["jobmatch", *args])
    with pytest.raises(SystemExit) as exited:
        cli.main()
    out, err = capsys.readouterr()
    return exited.value.code, out, err


def _fake_extract(document, kind=None, reference_date=None):
    if "broken" in document.id:
        raise ValueError("something deep inside went wrong")
    return {"id": document.id, "kind": "cv", "spans": [], "profile": {}}


def test_an_unexpected_error_is_one_line_with_a_non_zero_exit(monkeypatch, capsys, tmp_path):
    (tmp_path / "broken.txt").write_text("Languages: English (fluent)\n")
    monkeypatch.setattr(jobmatch.extract, "extract_document", _fake_extract)
    monkeypatch.delenv("JOBMATCH_DEBUG", raising=False)
    code, _, err = _run(monkeypatch, capsys, "extract", str(tmp_path / "broken.txt"), "--json")
    assert code == cli.INTERNAL_ERROR
    assert "internal error (ValueError: something deep inside went wrong)" in err
    assert "Traceback" not in err


def test_a_failing_document_does_not_stop_a_folder(monkeypatch, capsys, tmp_path):
    (tmp_path / "broken.txt").write_text("Languages: English (fluent)\n")
    (tmp_path / "fine.txt").write_text("Languages: French (native)\n")
    monkeypatch.setattr(jobmatch.extract, "extract_document", _fake_extract)
    code, out, err = _run(monkeypatch, capsys, "extract", str(tmp_path))
    assert code == cli.USER_ERROR
    assert str(tmp_path / "broken.txt") in err and "extraction failed (ValueError" in err
    assert '"id": "fine"' in out


def test_debug_setting_shows_the_traceback(monkeypatch, capsys, tmp_path):
    (tmp_path / "broken.txt").write_text("Languages: English (fluent)\n")
    monkeypatch.setattr(jobmatch.extract, "extract_document", _fake_extract)
    monkeypatch.setenv("JOBMATCH_DEBUG", "1")
    monkeypatch.setattr(sys, "argv", ["jobmatch", "extract", str(tmp_path / "broken.txt")])
    with pytest.raises(ValueError, match="something deep inside"):
        cli.main()


def test_a_folder_with_two_workers_gives_the_lines_of_one(monkeypatch, capsys, tmp_path):
    from tests.conftest import FIXTURES

    for cv in sorted((FIXTURES / "match" / "cvs").glob("*.txt"))[:3]:
        (tmp_path / cv.name).write_text(cv.read_text())
    (tmp_path / "empty.txt").write_bytes(b"")
    one = _run(monkeypatch, capsys, "extract", str(tmp_path))
    two = _run(monkeypatch, capsys, "extract", str(tmp_path), "--processes", "2")
    assert one[0] == two[0] == cli.USER_ERROR                  # the empty file, in both runs
    assert one[1] == two[1] and one[1].count("\n") == 3
    assert "empty.txt: the file is empty" in two[2]


def test_when_a_worker_fails_the_folder_is_redone_one_by_one(monkeypatch, capsys, tmp_path):
    (tmp_path / "broken.txt").write_text("Languages: English (fluent)\n")
    (tmp_path / "fine.txt").write_text("Languages: French (native)\n")

    def failing_stream(*args, **kwargs):
        raise RuntimeError("a worker died")
        yield  # pragma: no cover

    monkeypatch.setattr(jobmatch.extract, "extract_documents", failing_stream)
    monkeypatch.setattr(jobmatch.extract, "extract_document", _fake_extract)
    code, out, err = _run(monkeypatch, capsys, "extract", str(tmp_path), "--processes", "2")
    assert code == cli.USER_ERROR
    assert '"id": "fine"' in out and "broken.txt: extraction failed (ValueError" in err
