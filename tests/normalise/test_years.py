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


def test_ranges_and_alternatives_give_the_lower_bound():
    assert _kinds("3 à 5 ans d'expérience en audit") == [(3, "total")]
    assert _kinds("Entre 2 et 4 ans d'expérience") == [(2, "total")]
    assert _kinds("3-5 years of experience in sales") == [(3, "total")]
    assert _kinds("Between three and five years of relevant experience") == [(3, "total")]
    assert _kinds("De 3 a 5 años de experiencia") == [(3, "total")]


def test_french_and_spanish_minimum_wordings():
    assert _kinds("Minimum 3 ans d'expérience") == [(3, "total")]
    assert _kinds("Au moins cinq ans d'expérience professionnelle") == [(5, "total")]
    assert _kinds("Plus de 10 ans d'expérience dans le secteur") == [(10, "total")]
    assert _kinds("Expérience de 5 ans minimum") == [(5, "total")]
    assert _kinds("Al menos siete años de experiencia") == [(7, "total")]
    assert _kinds("Mínimo 5 años de experiencia") == [(5, "total")]


def test_a_first_experience_gives_no_number():
    assert _kinds("Une première expérience est exigée.") == []
    assert _kinds("Une première expérience de 2 ans en cabinet.") == [(2, "total")]


def test_experience_in_the_field_of_a_subject_is_not_field_duty():
    assert _kinds("Six years of experience in the field of energy policy.") == [(6, "total")]
    assert _kinds("Six years of experience, of which two in the field.") == [(6, "total"), (2, "international")]


def test_doctorate_counting_towards_years_in_other_wordings():
    assert _kinds("A PhD may count towards three years of the required experience.") == [(3, "substitution")]
    assert _kinds("Un doctorat sera considéré comme équivalent à deux ans d'expérience.") == [(2, "substitution")]


def test_french_and_spanish_assets():
    assert _kinds("Une expérience de 2 ans en ONG serait appréciée.") == [(2, "desirable")]
    assert _kinds("Se valorará experiencia de 3 años en América Latina.") == [(3, "desirable")]


def test_international_and_leadership_in_other_wordings():
    assert _kinds("Seven years of experience, including two years in an international capacity.") == [(7, "total"), (2, "international")]
    assert _kinds("Five years of experience, of which three with UN agencies.") == [(5, "total"), (3, "international")]
    assert _kinds("Huit ans d'expérience, dont trois en milieu international.") == [(8, "total"), (3, "international")]
    found = find_year_requirements("Ten years of experience in child protection, of which at least 3 years managing teams.")
    assert [(m.years, m.kind, m.leadership) for m in found] == [(10, "total", False), (3, "leadership", True)]
    assert [m.kind for m in find_year_requirements("Cinq ans d'expérience dont deux en gestion d'équipe.")] == ["total", "leadership"]


def test_elided_international_years_in_other_word_orders():
    assert _kinds("Seven years of experience, two of which at the international level.") == [(7, "total"), (2, "international")]
    assert _kinds("Seven years of experience, of which two must be at the international level.") == [(7, "total"), (2, "international")]
    assert _kinds("Siete años de experiencia, de los cuales al menos tres deben haber sido a nivel internacional.") \
        == [(7, "total"), (3, "international")]
    assert _kinds("Sept ans d'expérience, dont au moins trois doivent avoir été acquis au niveau international.") \
        == [(7, "total"), (3, "international")]
    assert _kinds("Relevant experience: 8 years, with at least 3 years in field duty stations.") == [(8, "total"), (3, "international")]


def test_compound_year_adjectives_and_what_is_not_experience():
    assert _kinds("A 3-year experience in sales is required.") == [(3, "total")]
    assert _kinds("A ten-year track record in audit.") == [(10, "total")]
    assert _kinds("Holder of a 2-year master programme diploma.") == []
    assert _kinds("The post is offered on a 2-year fixed-term contract.") == []
