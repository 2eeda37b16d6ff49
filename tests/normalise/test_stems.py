"""Stems make a phrase and its inflections meet; they need only be consistent."""

from jobmatch.normalise.stems import Stems


def test_inflections_share_a_stem_and_non_words_pass_through():
    stems = Stems()
    assert stems("Negotiating") == stems("negotiation") == stems("negotiations")
    assert stems("M&E") == "m&e"
