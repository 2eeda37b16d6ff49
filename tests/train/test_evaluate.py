import pytest

from jobmatch.train.evaluate import span_scores


def test_strict_needs_both_boundaries_partial_any_overlap():
    gold = [[(0, 5), (10, 20)], [(3, 8)]]
    predicted = [[(0, 5), (12, 20), (30, 35)], []]
    scores = span_scores(gold, predicted)
    assert scores["gold"] == 3 and scores["predicted"] == 3
    assert scores["strict_p"] == pytest.approx(1 / 3) and scores["strict_r"] == pytest.approx(1 / 3)
    assert scores["partial_p"] == pytest.approx(2 / 3) and scores["partial_r"] == pytest.approx(2 / 3)
    assert scores["strict_f"] == pytest.approx(1 / 3)


def test_no_predictions_scores_zero_not_an_error():
    scores = span_scores([[(0, 1)]], [[]])
    assert scores["strict_p"] == 0.0 and scores["strict_f"] == 0.0 and scores["partial_r"] == 0.0


def test_unpaired_inputs_are_refused():
    with pytest.raises(ValueError):
        span_scores([[(0, 1)]], [])
