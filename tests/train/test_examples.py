import json

import pytest
import spacy

from jobmatch.train.examples import (TrainingDataError, Segment, bio_spans, document_lines, merged_skillspan_spans,
                                     read_skillspan, segment_doc, skillspan_segments, write_docbin)
from spacy.tokens import DocBin


def test_document_lines_move_spans_into_line_offsets():
    text = "SKILLS\n\n- SAP and Concur\nLanguages: English"
    spans = [(10, 13), (18, 24)]
    segments = document_lines(text, spans, "cv-x-001")
    assert [s.text for s in segments] == ["SKILLS", "- SAP and Concur", "Languages: English"]
    line = segments[1]
    assert [line.text[s:e] for s, e in line.spans] == ["SAP", "Concur"]
    assert segments[0].spans == () and segments[2].spans == ()


def test_document_lines_drop_the_white_space_around_a_line():
    # Indented bullets are cut as the tagger reads them at run time: no leading or trailing blanks.
    text = "EXPERIENCE\n    - Ran Kubernetes clusters  \n\t\n"
    [heading, bullet] = document_lines(text, [(text.index("Kubernetes"), text.index("Kubernetes") + 10)])
    assert bullet.text == "- Ran Kubernetes clusters"
    assert [bullet.text[s:e] for s, e in bullet.spans] == ["Kubernetes"]


def test_bio_spans_close_on_o_and_new_b_and_open_on_stray_i():
    assert bio_spans(["B", "I", "O", "B", "B", "I"]) == [(0, 2), (3, 4), (4, 6)]
    assert bio_spans(["O", "I", "I", "O"]) == [(1, 3)]


def test_overlapping_skill_and_knowledge_keep_the_longer_span():
    row = {"tokens": list("abcdef"), "tags_skill": [(0, 3), (4, 5)], "tags_knowledge": [(1, 2), (4, 5), (5, 6)]}
    assert merged_skillspan_spans(row) == [(0, 3), (4, 5), (5, 6)]


def test_skillspan_rows_become_space_joined_text_with_character_spans(tmp_path):
    path = tmp_path / "train.jsonl"
    row = {"idx": 1, "tokens": ["Experience", "with", "Kubernetes", "clusters."],
           "tags_skill": ["O", "O", "O", "O"], "tags_knowledge": ["O", "O", "B", "I"], "source": "tech"}
    path.write_text(json.dumps(row) + "\n", encoding="utf-8")
    [segment] = skillspan_segments(path)
    assert [segment.text[s:e] for s, e in segment.spans] == ["Kubernetes clusters."]


def test_malformed_skillspan_row_names_file_and_line(tmp_path):
    path = tmp_path / "train.jsonl"
    path.write_text('{"tokens": ["a"], "tags_skill": ["O"], "tags_knowledge": ["O"]}\n{"tokens": ["b"]}\n')
    with pytest.raises(TrainingDataError, match=r"train\.jsonl:2"):
        read_skillspan(path)
    with pytest.raises(TrainingDataError, match="not found"):
        read_skillspan(tmp_path / "missing.jsonl")


def test_span_inside_a_token_is_widened_and_counted():
    nlp = spacy.blank("en")
    # The tokenizer keeps "SAPFI" whole, so a gold span on "SAP" takes the whole token.
    doc, widened = segment_doc(nlp, Segment("ERP:SAPFI and Excel", ((4, 7), (14, 19)), ""))
    assert [(e.text, e.label_) for e in doc.ents] == [("SAPFI", "COMPETENCY"), ("Excel", "COMPETENCY")]
    assert widened == 1


def test_write_docbin_round_trips_entities(tmp_path):
    nlp = spacy.blank("en")
    counts = write_docbin(nlp, [Segment("- payment runs in SAP", ((2, 14), (18, 21)), "")], tmp_path / "x.spacy")
    assert counts == {"segments": 1, "spans": 2, "widened": 0}
    [doc] = DocBin().from_disk(tmp_path / "x.spacy").get_docs(nlp.vocab)
    assert [e.text for e in doc.ents] == ["payment runs", "SAP"]
