"""Job-line date shapes from other templates and languages: two-digit end years, year-first months,
abbreviated "until now" words, "between ... and ...", and what must stay no period."""

from __future__ import annotations

import pytest

from jobmatch.normalise.periods import find_date_ranges


def _ranges(text: str) -> list[tuple[str, str, str]]:
    return [(r.start_month, r.end_month, text[r.start:r.end]) for r in find_date_ranges(text)]


@pytest.mark.parametrize(("line", "start", "end"), [
    ("2019 – aujourd'hui  Responsable de programme", "2019-01", "present"),
    ("desde 2018, Coordinadora regional", "2018-01", "present"),
    ("Sept. 2015 - Août 2019 : Chargée d'études", "2015-09", "2019-08"),
    ("05/2016 – 08/2019  Analyst", "2016-05", "2019-08"),
    ("Jan 2020 - Current", "2020-01", "present"),
    ("févr. 2017 – juil. 2018", "2017-02", "2018-07"),
    ("Julio 2019 - Actualidad", "2019-07", "present"),
    ("1er septembre 2018 – 31 août 2020", "2018-09", "2020-08"),
    ("Del 01/02/2015 al 31/01/2018", "2015-02", "2018-01"),
    ("September 2018 - ongoing", "2018-09", "present"),
    # two-digit end years
    ("2016–19  Research Assistant", "2016-01", "2019-12"),
    ("2008–10 Junior Engineer", "2008-01", "2010-12"),
    ("2008-14 Junior Engineer", "2008-01", "2014-12"),
    ("1998–02, field officer", "1998-01", "2002-12"),
    # year first, as East Asian CVs write it
    ("2016.08 – 2019.07  Engineer", "2016-08", "2019-07"),
    ("2016/08 – 2019/07", "2016-08", "2019-07"),
    # "until now" in short or other words
    ("mars 2018 - auj.", "2018-03", "present"),
    ("2017 – act.", "2017-01", "present"),
    ("2015 – en curso", "2015-01", "present"),
    ("2021 - en poste", "2021-01", "present"),
    ("2012 – à présent", "2012-01", "present"),
    # between ... and ...
    ("entre 2012 y 2014 trabajé en Lima", "2012-01", "2014-12"),
    ("between March 2012 and June 2014", "2012-03", "2014-06"),
    ("entre mars 2012 et juin 2014", "2012-03", "2014-06"),
])
def test_period_shapes(line, start, end):
    [(got_start, got_end, _)] = _ranges(line)
    assert (got_start, got_end) == (start, end)


def test_a_two_digit_end_year_span_covers_both_numbers():
    assert _ranges("2014–16 — Asistente") == [("2014-01", "2016-12", "2014–16")]


@pytest.mark.parametrize("text", [
    "2019-03",                       # an ISO month, not 2019 to 2003
    "2010-11",                       # November 2010 or 2010/11: too ambiguous to count
    "2010/11 academic year",
    "COVID-19 response, 2020",
    "ISO 9001:2015-16 audit",
    "Windows 2012/08 server",
    "2019–03 Analyst",               # an end before the start, even a century on
])
def test_what_is_no_period(text):
    assert [r for r in _ranges(text) if r[2] != "2020"] == []


def test_an_en_dash_with_a_month_sized_end_is_a_range():
    # With an en dash, two digits are an end year ("2010–11" = 2010 to 2011), never a month.
    assert _ranges("2010–11 Lecturer") == [("2010-01", "2011-12", "2010–11")]


def test_a_duration_beside_the_dates_is_not_part_of_the_period():
    assert _ranges("Janv. 2019 - Mars 2021 · 2 ans 3 mois") == [("2019-01", "2021-03", "Janv. 2019 - Mars 2021")]
