from pathlib import Path

import pytest

from jobmatch.errors import JobmatchError
from jobmatch.evaluate.external.rekrute import (evaluate_rekrute, level_agrees, naive_level, naive_years,
                                                score_readings, years_agree)


def test_the_regex_baseline_reads_digits_before_years_and_french_degree_notation():
    assert naive_years("a minimum of 8 years' experience") == 8.0
    assert naive_years("3 ans d'expérience") == 3.0
    assert naive_years("three years of experience") is None
    assert naive_level("Bac+5 in computer science") == "master"
    assert naive_level("Bac +3 or equivalent") == "bachelor"
    assert naive_level("Bac + 2 (BTS, DUT)") == "short_cycle"
    assert naive_level("Licence in management") == "bachelor"
    assert naive_level("no degree named") is None


def test_agreement_uses_the_declared_band_and_the_readme_level_mapping():
    assert years_agree(3.0, "De 3 à 5 ans") is True
    assert years_agree(8.0, "De 3 à 5 ans") is False
    assert years_agree(25.0, "Plus de 20 ans") is True
    assert years_agree(None, "De 1 à 3 ans") is None
    assert level_agrees("master", "Bac +5 et plus") is True
    assert level_agrees("doctorate", "Bac +5 et plus") is True
    assert level_agrees("bachelor", "Bac +4") is True
    assert level_agrees("master", "Bac +4") is True      # "bachelor/first master year (maîtrise)"
    assert level_agrees("doctorate", "Bac +4") is False
    assert level_agrees("master", "Bac +3") is False
    assert level_agrees("bachelor", "Bac +1") is None    # no level of ours: not counted


def test_scores_count_coverage_over_all_postings_and_agreement_over_those_read():
    labels = {"a": {"study_level": "Bac +5 et plus", "experience_band": "De 1 à 3 ans"},
              "b": {"study_level": "Bac +3", "experience_band": "De 5 à 10 ans"},
              "c": {"study_level": "Bac", "experience_band": "Débutant"}}
    readings = {"a": (2.0, "master"), "b": (3.0, "master"), "c": (None, None)}
    scores = score_readings(readings, labels)
    assert scores["years"] == {"coverage": pytest.approx(2 / 3), "agreement": 0.5, "n": 2}
    assert scores["level"]["agreement"] == 0.5
    assert scores["confusion"]["Bac +3"] == {"master": 1}
    assert scores["confusion"]["Bac"] == {"none": 1}


def test_rekrute_run_on_a_small_folder_reports_both_systems(tmp_path):
    (tmp_path / "postings").mkdir()
    (tmp_path / "labels.tsv").write_text("id\ttitle\tstudy_level\texperience_band\tcontract_type\n"
                                         "rk0\tIngénieur\tBac +5 et plus\tDe 5 à 10 ans\tCDI\n"
                                         "rk1\tComptable\tBac +2\tDe 1 à 3 ans\tCDI\n", encoding="utf-8")
    (tmp_path / "postings" / "rk0.txt").write_text(
        "Ingénieur\n\nMaster's degree in computer science.\nMinimum of 7 years of experience in software.\n")
    (tmp_path / "postings" / "rk1.txt").write_text("Comptable\n\nBac+2 in accounting, 2 years of experience.\n")
    result = evaluate_rekrute(tmp_path)
    assert result["postings"] == 2
    assert result["systems"]["regex"]["years"]["agreement"] == 1.0
    assert result["systems"]["regex"]["level"]["agreement"] == 1.0
    assert result["systems"]["jobmatch"]["postings"] == 2
    (tmp_path / "postings" / "rk1.txt").unlink()
    with pytest.raises(JobmatchError, match="rk1.txt: listed in labels.tsv but missing"):
        evaluate_rekrute(tmp_path)
