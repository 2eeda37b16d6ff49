"""Single dates as notices write their deadlines."""

from __future__ import annotations

import pytest

from jobmatch.normalise.dates import parse_date


@pytest.mark.parametrize("text, iso", [
    ("Closure Date: 10/Dec/2026", "2026-12-10"),
    ("10-Dec-2026", "2026-12-10"),
    ("Dec 10, 2026", "2026-12-10"),
    ("10 December 2026, 23:59 CET", "2026-12-10"),
    ("10.12.2026", "2026-12-10"),
    ("10 de diciembre de 2026", "2026-12-10"),
    ("10 déc. 2026", "2026-12-10"),
])
def test_a_deadline_in_any_common_form_gives_its_iso_date(text, iso):
    assert parse_date(text) == iso


def test_text_without_a_date_gives_none():
    assert parse_date("as soon as possible") is None
