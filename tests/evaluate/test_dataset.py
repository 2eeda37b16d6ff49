from pathlib import Path

import pytest

from jobmatch.errors import CorpusError
from jobmatch.evaluate.dataset import open_store

CORPUS = Path(__file__).resolve().parents[2] / "corpora"


@pytest.fixture(scope="module")
def store():
    store = open_store(CORPUS)
    notice = store.corpus.ids(kind="notice")[0]
    cv = store.corpus.ids(kind="cv")[0]
    store.corpus.splits = {**store.corpus.splits, "tiny": [notice, cv]}
    return store


def test_each_document_is_read_and_extracted_once_per_run(store):
    first = store.split("tiny")
    again = store.split("tiny")
    assert [d.id for d in first] == [d.id for d in again]
    assert all(a is b for a, b in zip(first, again))
    assert store.counts == {"notice": 1, "cv": 1}
    assert {d.kind: d.extraction["kind"] for d in first} == {"notice": "notice", "cv": "cv"}
    assert all(d.text == d.gold.text for d in first)


def test_an_unknown_split_is_an_error_naming_the_splits_file(store):
    with pytest.raises(CorpusError, match="splits.json: split 'validation' has no documents"):
        store.split("validation")
