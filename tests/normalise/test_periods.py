"""CV date ranges in the forms of several layouts and languages."""

from __future__ import annotations

from jobmatch.normalise.periods import find_date_ranges


def _ranges(text: str) -> list[tuple[str, str]]:
    return [(r.start_month, r.end_month) for r in find_date_ranges(text)]


def test_iso_year_month_ranges():
    assert _ranges("2020-01 – present | Head of Unit") == [("2020-01", "present")]
    assert _ranges("2016-09 – 2019-12 | Analyst") == [("2016-09", "2019-12")]


def test_year_ranges_are_not_read_as_year_months():
    assert _ranges("2015-2019 Officer") == [("2015-01", "2019-12")]


def test_spanish_and_french_open_ended_periods():
    assert _ranges("marzo de 2021 – a la fecha") == [("2021-03", "present")]
    assert _ranges("desde 2019, Analista") == [("2019-01", "present")]
    assert _ranges("depuis 2021 : chargée de mission") == [("2021-01", "present")]
