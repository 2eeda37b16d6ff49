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


def test_forms_from_other_layouts_and_languages():
    assert _ranges("03/2019 – present  Programme Analyst") == [("2019-03", "present")]
    assert _ranges("Jan. 2015 to Dec. 2017: Legal Officer") == [("2015-01", "2017-12")]
    assert _ranges("2018 - actualidad  Coordinadora") == [("2018-01", "present")]
    assert _ranges("de septembre 2016 à aujourd'hui") == [("2016-09", "present")]
    assert _ranges("Since Oct 2022 | Analyst") == [("2022-10", "present")]
    assert _ranges("2016 – heute, Referentin") == [("2016-01", "present")]


def test_an_expected_end_is_the_end_of_the_period():
    assert _ranges("MSc Economics, 2025 – expected 2027") == [("2025-01", "2027-12")]
    assert _ranges("Doctorat, 2023 – prévue 2026") == [("2023-01", "2026-12")]


def test_a_start_month_without_year_takes_the_year_of_the_end():
    assert _ranges("Février – juillet 2020   Stagiaire") == [("2020-02", "2020-07")]
    assert _ranges("Nov – Feb 2021, relief operation") == [("2020-11", "2021-02")]


def test_years_round_halves_up_as_the_guide_counts():
    from jobmatch.normalise.periods import union_years, years_from_months
    assert years_from_months(51) == 4.3   # 4.25: Python's round would give 4.2
    assert union_years([("2016-09", "2021-02"), ("2021-03", "2026-11")], "2026-11-01") == 10.3   # 123 months


def test_p11_rows_read_from_table_cells():
    # A P11 employment row read from a DOCX or PDF table: the cells are joined by " | ".
    [row] = find_date_ranges("A. From | 07/2023 To: present")
    assert (row.start_month, row.end_month) == ("2023-07", "present")
    [row] = find_date_ranges("From | 03/2019 | To | 02/2021")
    assert (row.start_month, row.end_month) == ("2019-03", "2021-02")
