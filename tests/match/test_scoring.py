import numpy as np
import pytest

from jobmatch.match.scoring import Weights, combine, doc_vector, feature_vector, is_eligible, part_similarity
from jobmatch.model import RequirementCheck


def unit(*values):
    v = np.array(values, dtype=np.float32)
    return v / np.linalg.norm(v)


def test_part_similarity_takes_the_best_target_passage_for_each_query_passage():
    query = np.vstack([unit(1, 0), unit(0, 1)])
    target = np.vstack([unit(1, 0), unit(1, 1)])
    assert part_similarity(query, target) == pytest.approx((1.0 + 0.7071) / 2, abs=1e-3)
    assert part_similarity(query, np.zeros((0, 2))) is None


def test_doc_vector_is_the_unit_mean_of_all_passages():
    vector = doc_vector({"a": np.vstack([unit(1, 0)]), "b": np.vstack([unit(0, 1)])})
    assert vector == pytest.approx(unit(1, 1))
    assert doc_vector({"a": np.zeros((0, 2))}) is None


def test_combine_reports_each_contribution_and_a_probability():
    score, contributions = combine({"x": 1.0, "y": None}, Weights(((2, -1.0, {"x": 2.0, "y": 4.0}),)))
    assert contributions == {"x": 2.0, "y": 2.0}       # y does not apply: neutral 0.5
    assert score == pytest.approx(1 / (1 + np.exp(-3.0)))


def test_ordinal_score_is_the_mean_probability_over_grade_thresholds():
    weights = Weights(((1, 0.0, {"x": 1.0}), (2, -1.0, {"x": 1.0}), (3, -2.0, {"x": 1.0})))
    score, contributions = combine({"x": 1.0}, weights)
    expected = np.mean([1 / (1 + np.exp(-z)) for z in (1.0, 0.0, -1.0)])
    assert score == pytest.approx(expected)
    assert contributions == {"x": pytest.approx(1.0)}
    assert Weights.from_json(weights.to_json()) == weights


def test_missing_features_take_the_neutral_value():
    assert feature_vector({"a": None, "b": 0.2}, ("a", "b", "c")).tolist() == [0.5, 0.2, 0.5]


def test_unknown_never_makes_a_candidate_ineligible():
    assert is_eligible([RequirementCheck(name="education", status="unknown")])
    assert not is_eligible([RequirementCheck(name="education", status="unmet")])
    assert is_eligible([RequirementCheck(name="field", status="unmet", hard=False)])


def test_contributions_are_measured_against_the_typical_pair_without_changing_the_score():
    plain = Weights(((2, -1.0, {"x": 2.0}),))
    centred = Weights(((2, -1.0, {"x": 2.0}),), means={"x": 0.25})
    score_a, _ = combine({"x": 1.0}, plain)
    score_b, contributions = combine({"x": 1.0}, centred)
    assert score_a == score_b
    assert contributions == {"x": pytest.approx(1.5)}
    assert Weights.from_json(centred.to_json()) == centred


def test_lexical_similarity_folds_accents_and_weighs_rare_words_more():
    from jobmatch.match.lexical import Idf, lexical_similarity, weighted_terms

    idf = Idf(documents=100, frequencies={"experience": 90, "mpls": 2})
    notice = weighted_terms("Expérience of MPLS networks", idf)
    assert set(notice) == {"experience", "mpls", "networks"}
    assert notice["mpls"] > notice["experience"]
    same = lexical_similarity(notice, weighted_terms("MPLS experience", idf))
    other = lexical_similarity(notice, weighted_terms("pastry experience", idf))
    assert same > other > 0
    assert lexical_similarity(notice, {}) is None


def test_passage_features_find_a_match_whatever_part_it_sits_in():
    from jobmatch.match.scoring import semantic_features

    vacancy = {"duties": np.vstack([unit(1, 0, 0), unit(0, 1, 0)]), "competencies": np.zeros((0, 3))}
    # the CV put its matching duty under "skills": the part-to-part similarity misses it
    candidate = {"experience": np.vstack([unit(0, 0, 1)]), "skills": np.vstack([unit(1, 0, 0)])}
    features = semantic_features(vacancy, candidate)
    assert features["sim_duties_experience"] == pytest.approx(0.0)
    assert features["sim_best_passage"] == pytest.approx(1.0)
    assert features["sim_passages"] == pytest.approx(0.5)      # one of two vacancy passages found
    assert semantic_features(vacancy, {"experience": np.zeros((0, 3))})["sim_best_passage"] is None


# -- many pairs at once ---------------------------------------------------------------------

from jobmatch.match.scoring import score_many, semantic_features, semantic_features_many  # noqa: E402


def random_parts(rng, names, dim=8, empty=(), dtype=np.float32):
    """Unit passage vectors per part; parts named in `empty` have no passage."""
    parts = {}
    for name in names:
        rows = rng.normal(size=(0 if name in empty else int(rng.integers(1, 5)), dim))
        parts[name] = (rows / np.linalg.norm(rows, axis=1, keepdims=True)).astype(dtype) if len(rows) else np.zeros((0, dim), dtype)
    return parts


def assert_same_features(many, one_by_one):
    for got, want in zip(many, one_by_one, strict=True):
        assert got.keys() == want.keys()
        for name, value in want.items():
            assert (got[name] is None) == (value is None), name
            if value is not None:
                assert got[name] == pytest.approx(value, abs=1e-5), name


def test_a_shortlist_scored_at_once_has_the_features_of_each_pair_scored_alone():
    rng = np.random.default_rng(3)
    vacancy = random_parts(rng, ("duties", "competencies", "qualifications"))
    candidates = [random_parts(rng, ("experience", "skills", "education")),
                  random_parts(rng, ("experience", "skills", "education"), empty=("skills",)),
                  random_parts(rng, ("experience", "skills", "education"), empty=("experience", "skills", "education")),
                  random_parts(rng, ("experience", "education"), dtype=np.float16),       # as an index stores them
                  random_parts(rng, ("skills",))]
    assert_same_features(semantic_features_many([vacancy], candidates),
                         [semantic_features(vacancy, c) for c in candidates])


def test_openings_scored_at_once_for_one_cv_have_the_features_of_each_pair_scored_alone():
    rng = np.random.default_rng(4)
    candidate = random_parts(rng, ("experience", "skills", "education"), empty=("education",))
    vacancies = [random_parts(rng, ("duties", "competencies", "qualifications")),
                 random_parts(rng, ("duties", "competencies", "qualifications"), empty=("competencies",)),
                 random_parts(rng, ("duties",), empty=("duties",)),
                 random_parts(rng, ("duties", "qualifications"))]
    assert_same_features(semantic_features_many(vacancies, [candidate]),
                         [semantic_features(v, candidate) for v in vacancies])


def test_many_pairs_need_one_side_fixed():
    rng = np.random.default_rng(5)
    two = [random_parts(rng, ("duties",)), random_parts(rng, ("duties",))]
    with pytest.raises(ValueError):
        semantic_features_many(two, [random_parts(rng, ("experience",))] * 3)


def test_the_scores_of_a_pool_are_the_scores_of_each_pair():
    weights = Weights(((1, 0.5, {"x": 1.5, "y": -2.0}), (2, -1.0, {"x": 3.0, "y": 0.5})))
    rows = [{"x": 0.2, "y": 0.9}, {"x": None, "y": 0.1}, {"x": 1.0, "y": None}, {"x": 80.0, "y": 0.0}]
    assert score_many(rows, weights) == pytest.approx([combine(r, weights)[0] for r in rows])
    assert len(score_many([], weights)) == 0
