"""The corpus's duration arithmetic: months inclusive, halves rounded up, overlaps counted once."""

from __future__ import annotations

from jobmatch.corpus.schema import SPAN_ATTRS, duration_years, union_years, unknown_keys


def test_durations_count_both_months_and_round_halves_up():
    assert duration_years("2015-01", "2019-12", "2026-11") == 5.0
    assert duration_years("2022-09", "present", "2026-11") == 4.3     # 51 months = 4.25
    assert duration_years("2020-09", "present", "2026-11") == 6.3     # 75 months = 6.25, not 6.2


def test_overlapping_periods_count_once():
    assert union_years([("2015-01", "2019-12"), ("2018-01", "2020-12")], "2026-11") == 6.0
    assert union_years([], "2026-11") == 0.0


def test_unknown_keys_are_listed_against_the_guide():
    assert unknown_keys({"level": "master", "isced": 7, "incomplete": True}, SPAN_ATTRS["DEGREE"]) == ["incomplete"]
    assert unknown_keys("not a dict", SPAN_ATTRS["DEGREE"]) == []
