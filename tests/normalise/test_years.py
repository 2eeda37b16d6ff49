"""Years required by notices: each fixed error class of the rules, in other wordings than the corpus."""

from __future__ import annotations

from jobmatch.normalise.years import find_year_requirements, is_desirable


def _kinds(text: str) -> list[tuple[float, str]]:
    return [(m.years, m.kind) for m in find_year_requirements(text)]


def test_preferring_a_setting_does_not_make_the_years_desirable():
    assert _kinds("Minimum of eight years of experience in auditing, preferably with a development bank.") == [(8, "total")]
    assert _kinds("At least 4 years in logistics, preferred in a humanitarian context.") == [(4, "total")]


def test_years_that_are_an_asset_stay_desirable_even_when_international():
    assert _kinds("Three years of experience in an international organization would be an asset.") == [(3, "desirable")]
    assert _kinds("Two years of field work is a strong plus.") == [(2, "desirable")]


def test_age_limits_study_lengths_maxima_and_windows_are_not_experience():
    assert _kinds("Candidates must be under 32 years of age.") == []
    assert _kinds("Completed university studies of at least four years attested by a diploma.") == []
    assert _kinds("Up to two years of postdoctoral experience.") == []
    assert _kinds("Applicants must be within five years of the award of their doctorate.") == []


def test_more_than_is_still_a_minimum():
    assert _kinds("More than six years of experience in procurement.") == [(6, "total")]


def test_substitution_wordings():
    assert _kinds("A doctorate may be counted as two years of experience.") == [(2, "substitution")]
    assert _kinds("Applicants with a bachelor's degree and at least 12 years of relevant experience will also be considered.") \
        == [(12, "substitution")]
    assert _kinds("A diploma followed by at least one year of professional experience.") == [(1, "substitution")]


def test_international_cue_at_the_end_of_an_of_which_clause():
    found = _kinds("Nine years of experience in human resources, of which at least five years in policy advice at the international level.")
    assert found == [(9, "total"), (5, "international")]


def test_international_positions_and_bodies_count_as_international():
    assert _kinds("Ten years in security, including 4 years in international field positions.") == [(10, "total"), (4, "international")]


def test_inspira_year_s_notation():
    assert _kinds("Master's degree - 5 year(s) experience") == [(5, "total")]


def test_is_desirable_reads_the_whole_sentence():
    assert is_desirable("Knowledge of Spanish is desirable.")
    assert not is_desirable("Fluency in French, preferably in a legal setting.")


def test_cv_summaries_compound_numbers_halves_and_of_them():
    found = _kinds("Manager with twenty-two years of experience, sixteen of them in the UN system.")
    assert [years for years, _ in found] == [22, 16]
    assert _kinds("Analyst with two and a half years in budgeting.") == [(2.5, "total")]
