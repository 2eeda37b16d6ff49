"""Competency names in explanations: a label, never a bare id when a name is known."""

import jobmatch
from jobmatch.match.competencies import competency_label
from jobmatch.taxonomy import load_taxonomy


def test_a_taxonomy_id_is_named_by_its_label():
    cid, entry = next(iter(load_taxonomy().competencies.items()))
    assert competency_label(cid) == entry.label


def test_an_id_the_tagger_links_to_beyond_the_taxonomy_is_named_by_the_tagger():
    nlp = jobmatch.load()
    if "jobmatch_competency_tagger" not in nlp.pipe_names:
        import pytest
        pytest.skip("no trained tagger shipped")
    extra: dict[str, str] = {}
    for entry in nlp.get_pipe("jobmatch_competency_tagger").names:   # the first name of an id names it
        if entry["id"] not in load_taxonomy().competencies:
            extra.setdefault(entry["id"], entry["name"])
    cid = next(iter(extra))
    assert competency_label(cid) == extra[cid] != cid


def test_an_unknown_id_is_shown_as_it_is():
    assert competency_label("no.such.competency") == "no.such.competency"
