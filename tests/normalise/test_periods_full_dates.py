"""Periods written with full dates: Europass ("01/03/2019 – Present"), ISO, US forms and a day
before or after a month name, in English, French and Spanish."""

from __future__ import annotations

import pytest

from jobmatch.normalise.periods import find_date_ranges


@pytest.mark.parametrize("text, start, end", [
    ("01/03/2019 – Present", "2019-03", "present"),
    ("15/09/2014 – 28/02/2019", "2014-09", "2019-02"),
    ("from 12.05.2016 to 31.12.2018", "2016-05", "2018-12"),
    ("2019-03-01 – 2020-06-30", "2019-03", "2020-06"),
    ("03/15/2019 - 06/30/2020", "2019-03", "2020-06"),          # month first: 15 and 30 are no months
    ("1 March 2019 - 28 February 2020", "2019-03", "2020-02"),
    ("March 1, 2019 – June 30, 2020", "2019-03", "2020-06"),
    ("1er mars 2019 – 31 août 2020", "2019-03", "2020-08"),
    ("1 de marzo de 2019 - 30 de junio de 2020", "2019-03", "2020-06"),
])
def test_a_full_date_gives_its_month(text, start, end):
    (period,) = find_date_ranges(text)
    assert (period.start_month, period.end_month) == (start, end)
    assert text[period.start:period.end].endswith(text.rstrip()[-4:])


def test_two_numbers_that_cannot_be_a_month_are_no_date():
    assert find_date_ranges("31/31/2019 - 2020") == []
