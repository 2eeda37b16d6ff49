"""The matcher ranks a pool in one pass: same scores as pair by pair, explanations only for the
results returned, and both parts of a hybrid score (semantic and lexical) explained."""

import numpy as np
import pytest

from jobmatch.match.lexical import Idf, shared_terms, weighted_terms
from jobmatch.match.matcher import Matcher
from jobmatch.match.settings import MatchSettings
from jobmatch.model import (Candidate, CompetencyRequirement, Document, EducationEntry, EducationRequirement,
                            EligibilityRule, ExperienceRequirement, Profile, Requirements, Span, Vacancy)


def unit_rows(rng, n, dim=8):
    rows = rng.normal(size=(n, dim))
    return (rows / np.linalg.norm(rows, axis=1, keepdims=True)).astype(np.float32)


@pytest.fixture()
def matcher(tmp_path):
    return Matcher(MatchSettings(mode="full", cache_path=None))


def vacancy() -> Vacancy:
    return Vacancy(id="n-water", document=Document(id="n-water", source="n-water.txt", format="txt", text="Hydrologist: river basin modelling, flood forecasting, GIS."),
                   requirements=Requirements(
                       education=EducationRequirement(min_level="master", fields=["0532"]),
                       experience=ExperienceRequirement(min_years=5),
                       competencies=CompetencyRequirement(technical=["skill.gis"]),
                       eligibility=[EligibilityRule(rule="max_age", value="32", text="under 32 years of age")]))


def candidate(i: int, level: str, years: float, text: str) -> Candidate:
    spans = [Span(start=0, end=3, label="COMPETENCY", text="GIS", attrs={"id": "skill.gis"})] if "GIS" in text else []
    return Candidate(id=f"cv-{i}", document=Document(id=f"cv-{i}", source=f"cv-{i}.txt", format="txt", text=text, spans=spans),
                     profile=Profile(highest_level=level, total_years=years,
                                     education=[EducationEntry(level=level, field="0532", text=f"{level} in hydrology")]))


def pool(rng):
    texts = ["GIS analyst, flood forecasting for a river basin authority", "Accountant, payroll and audits",
             "Hydrologist, river basin modelling and GIS", "Teacher of geography"]
    profiles = [("master", 6), ("bachelor", 2), ("doctorate", 9), ("master", 1)]
    cvs = [candidate(i, level, years, text) for i, ((level, years), text) in enumerate(zip(profiles, texts))]
    vectors = [{"experience": unit_rows(rng, 2), "skills": unit_rows(rng, 1), "education": unit_rows(rng, 1)} for _ in cvs]
    return cvs, vectors


def test_a_ranked_pool_has_the_scores_of_its_pairs_matched_one_by_one(matcher):
    rng = np.random.default_rng(1)
    cvs, vectors = pool(rng)
    notice, notice_vectors = vacancy(), {"duties": unit_rows(rng, 3), "qualifications": unit_rows(rng, 1)}
    ranked = matcher.rank_candidates(notice, cvs, candidate_vectors=vectors, vacancy_vectors=notice_vectors)
    alone = {c.id: matcher.match(notice, c, notice_vectors, v) for c, v in zip(cvs, vectors)}
    assert [m.id for m in ranked] == sorted(alone, key=lambda i: (-alone[i].score, i))
    for m in ranked:
        assert m.score == pytest.approx(alone[m.id].score, abs=1e-6)
        assert m.explanation == alone[m.id].explanation
    searched = matcher.rank_vacancies(cvs[2], [notice], vacancy_vectors=[notice_vectors], candidate_vectors=vectors[2])
    assert searched[0].id == "n-water" and searched[0].score == pytest.approx(alone["cv-2"].score, abs=1e-6)


def test_only_the_results_asked_for_are_built_and_strict_drops_the_ineligible_first(matcher):
    rng = np.random.default_rng(2)
    cvs, vectors = pool(rng)
    notice, notice_vectors = vacancy(), {"duties": unit_rows(rng, 2)}
    everything = matcher.rank_candidates(notice, cvs, candidate_vectors=vectors, vacancy_vectors=notice_vectors)
    top = matcher.rank_candidates(notice, cvs, top=2, candidate_vectors=vectors, vacancy_vectors=notice_vectors)
    assert [m.id for m in top] == [m.id for m in everything[:2]]
    strict = Matcher(MatchSettings(mode="full", cache_path=None, strict=True))
    kept = strict.rank_candidates(notice, cvs, top=2, candidate_vectors=vectors, vacancy_vectors=notice_vectors)
    assert [m.id for m in kept] == [m.id for m in everything if m.eligible][:2]
    assert {"cv-1", "cv-3"}.isdisjoint(m.id for m in kept)          # a bachelor; one year for five


def test_programme_rules_are_reported_for_every_candidate_and_never_scored(matcher):
    rng = np.random.default_rng(3)
    cvs, vectors = pool(rng)
    notice_vectors = {"duties": unit_rows(rng, 2)}
    ranked = matcher.rank_candidates(vacancy(), cvs, candidate_vectors=vectors, vacancy_vectors=notice_vectors)
    without = vacancy()
    without.requirements.eligibility.clear()
    plain = {m.id: m.score for m in matcher.rank_candidates(without, cvs, candidate_vectors=vectors, vacancy_vectors=notice_vectors)}
    for m in ranked:
        rules = [c for c in m.requirements if c.name.startswith("eligibility:")]
        assert [c.status for c in rules] == ["unknown"] and "age is not an input" in rules[0].found
        assert m.score == plain[m.id]


def test_the_explanation_shows_the_lexical_part_and_the_words_it_rests_on(matcher):
    rng = np.random.default_rng(4)
    cvs, vectors = pool(rng)
    best = matcher.rank_candidates(vacancy(), cvs[2:3], candidate_vectors=vectors[2:3],
                                   vacancy_vectors={"duties": unit_rows(rng, 2)})[0]
    assert best.score_parts["features"]["sim_lexical"] > 0
    assert "lexical similarity: shared terms (TF-IDF)" in best.explanation
    assert {"river", "basin", "modelling"} <= set(best.score_parts["shared_terms"])
    assert "semantic similarity:" in best.explanation and "TF-IDF" not in best.explanation.split("lexical")[0]


def test_shared_terms_are_the_words_that_weigh_most_in_both_texts():
    idf = Idf(10, {"water": 9, "the": 10})
    a = weighted_terms("water water sanitation hygiene in camps", idf)
    b = weighted_terms("sanitation engineer, water supply, camps", idf)
    words = shared_terms(a, b)
    assert set(words) == {"sanitation", "camps", "water"}
    assert words.index("water") == 2                              # seen in 9 of 10 documents: weighs least
    assert shared_terms(a, {}) == []


def test_french_and_spanish_function_words_are_never_shared_terms():
    idf = Idf(100, {})
    french = weighted_terms("Gestion de la chaîne du froid et des vaccins dans les districts", idf)
    spanish = weighted_terms("Gestión de la cadena de frío y de las vacunas en los distritos", idf)
    assert {"de", "la", "du", "et", "y", "en", "los"}.isdisjoint(french.keys() | spanish.keys())
    assert {"gestion", "froid", "vaccins"} <= french.keys() and {"gestion", "cadena", "vacunas"} <= spanish.keys()
    assert shared_terms(french, spanish) == ["gestion"]              # accents folded: one word
