"""A CV given as the vacancy (or a notice as the CV) is matched as asked, with a warning that names
the file: the user may have swapped the two."""

from __future__ import annotations

from jobmatch.cli import _warn_if_kind_differs

from tests.structure.test_kind import CV_THAT_SAYS_REQUIRED, SELECTION_CRITERIA_BOX


def test_a_cv_given_as_the_vacancy_is_named_in_a_warning(tmp_path, capsys):
    cv = tmp_path / "ana.txt"
    cv.write_text(CV_THAT_SAYS_REQUIRED, encoding="utf-8")
    _warn_if_kind_differs(cv, "notice")
    assert f"warning: {cv} reads like a CV, not a vacancy notice" in capsys.readouterr().err


def test_a_notice_given_as_the_vacancy_passes_silently(tmp_path, capsys):
    notice = tmp_path / "water.txt"
    notice.write_text(SELECTION_CRITERIA_BOX, encoding="utf-8")
    _warn_if_kind_differs(notice, "notice")
    _warn_if_kind_differs(notice, "cv")
    err = capsys.readouterr().err
    assert err.count("warning") == 1 and "reads like a vacancy notice, not a CV" in err


def test_an_unreadable_file_is_left_to_the_matcher_to_report(tmp_path, capsys):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    _warn_if_kind_differs(empty, "notice")
    assert capsys.readouterr().err == ""
