import pytest

from jobmatch.errors import JobmatchError
from jobmatch.match.api import _shortlist, document_files
from jobmatch.match.settings import MatchSettings
from tests.match.test_index import MODEL, entry, saved_store


def test_a_large_index_is_shortlisted_by_vector_search(tmp_path):
    saved_store(tmp_path / "ix", n=6)
    settings = MatchSettings(embedding_model=MODEL, cache_path=None, shortlist=2)
    query = entry("q", seed=4)
    shortlisted = _shortlist(tmp_path / "ix", "cv", query.parts, settings)
    assert len(shortlisted) == 2 and shortlisted[0].id == "cv4"
    everything = _shortlist(tmp_path / "ix", "cv", query.parts, MatchSettings(embedding_model=MODEL, cache_path=None))
    assert sorted(e.id for e in everything) == [f"cv{i}" for i in range(6)]


def test_an_index_without_documents_of_the_kind_asked_for_is_a_clear_error(tmp_path):
    store = saved_store(tmp_path / "ix", n=1)
    store.remove("n1")
    store.save()
    with pytest.raises(JobmatchError, match="holds no vacancy notices"):
        _shortlist(tmp_path / "ix", "notice", {}, MatchSettings(embedding_model=MODEL, cache_path=None))


def test_folders_give_their_readable_files_and_a_missing_path_is_named(tmp_path):
    (tmp_path / "a.txt").write_text("x")
    (tmp_path / "b.bin").write_text("x")
    (tmp_path / ".hidden.txt").write_text("x")
    assert [p.name for p in document_files([tmp_path])] == ["a.txt"]
    with pytest.raises(JobmatchError, match="missing.pdf"):
        document_files([tmp_path / "missing.pdf"])
