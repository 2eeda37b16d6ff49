import io

import numpy as np
import pytest

from jobmatch.match.lexical import Idf, lexical_similarity, shared_terms, weighted_terms
from jobmatch.match.terms import TermTable

TEXTS = [
    "Gestion financière, audit interne et rapports budgétaires pour les bureaux régionaux",
    "Network engineer: MPLS, BGP routing, firewall audits and a budget of two million",
    "",
    "Coordinated procurement tenders; supplier contracts; budget monitoring and audit follow-up",
]


def table_of(dicts):
    return TermTable.from_dicts(dicts)


def test_rows_come_back_as_the_very_same_floats_so_sim_lexical_is_unchanged():
    idf = Idf.fit(TEXTS + ["budget audit report", "routing and switching"])
    dicts = [weighted_terms(t, idf) for t in TEXTS]
    buffer = io.BytesIO()
    table_of(dicts).save(buffer)
    buffer.seek(0)
    loaded = TermTable.load(buffer)
    for i, original in enumerate(dicts):
        assert loaded.row(i) == original                        # same keys, same floats, same order
    for a in range(len(dicts)):
        for b in range(len(dicts)):
            assert lexical_similarity(loaded.row(a), loaded.row(b)) == lexical_similarity(dicts[a], dicts[b])
            assert shared_terms(loaded.row(a), loaded.row(b)) == shared_terms(dicts[a], dicts[b])
    assert loaded.row(2) == {} and len(loaded) == 4


def test_the_table_is_a_fraction_of_the_dicts_memory():
    import sys

    rng = np.random.default_rng(0)
    words = [f"term{chr(97 + i % 26)}{chr(97 + i // 26 % 26)}x" for i in range(3000)]
    dicts = [{w: round(float(v), 5) for w, v in zip(rng.choice(words, 120, replace=False), rng.random(120))}
             for _ in range(200)]
    as_dicts = sum(sys.getsizeof(d) + sum(sys.getsizeof(k) + sys.getsizeof(v) for k, v in d.items()) for d in dicts)
    table = table_of(dicts)
    assert table.nbytes < as_dicts / 5
    assert table.ids.dtype == np.int32 and table.weights.dtype == np.int32


def test_arrays_that_disagree_are_refused():
    with pytest.raises(ValueError, match="disagree"):
        TermTable(["a"], np.array([0, 2]), np.array([0], np.int32), np.array([5], np.int32))
    with pytest.raises(ValueError, match="outside the vocabulary"):
        TermTable(["a"], np.array([0, 1]), np.array([3], np.int32), np.array([5], np.int32))
