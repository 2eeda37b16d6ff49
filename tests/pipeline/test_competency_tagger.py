"""The trained competency tagger component: merging with rule spans, taxonomy links, serialisation,
the SkillSpan token interface, and the shipped model on sentences it has not seen."""

from __future__ import annotations

import random

import pytest
import spacy
from spacy.training import Example

from jobmatch.errors import ConfigError
from jobmatch.model import NoticeHeader, NoticeStructure, Section
from jobmatch.pipeline.competency_tagger import (DEFAULT_TAGGER_DIR, FACTORY, TaxonomyLinker, lines_to_tag, load_tagger,
                                                 tag_tokens, text_lines, tidy_span, tidy_spans, tokens_to_spans)
from jobmatch.pipeline.extensions import SPANS_KEY, add_span, prepare
from jobmatch.taxonomy import load_taxonomy

NAMES = [{"id": "skill.erp_sap", "name": "SAP", "type": "skill"},
         {"id": "skill.accounts_payable", "name": "accounts payable", "type": "skill"},
         {"id": "skill.reconciliation", "name": "bank reconciliation", "type": "skill"}]
TRAIN = [("- Payment runs in Concur and SAP FI.", ["Concur", "SAP FI"]),
         ("- Vendor master data in Coupa.", ["Coupa"]),
         ("- Invoices posted in Concur every week.", ["Concur"]),
         ("Tools: Coupa, SAP FI, Excel", ["Coupa", "SAP FI", "Excel"]),
         ("SKILLS", []), ("Finance Assistant, Geneva", [])]


@pytest.fixture(scope="module")
def ner_model():
    """A tiny NER model that learns four tool names in a few dozen updates (about a second)."""
    nlp = spacy.blank("en")
    nlp.add_pipe("ner")
    examples = []
    for text, skills in TRAIN:
        entities = [(text.index(s), text.index(s) + len(s), "COMPETENCY") for s in skills]
        examples.append(Example.from_dict(nlp.make_doc(text), {"entities": entities}))
    spacy.util.fix_random_seed(0)
    optimizer = nlp.initialize(lambda: examples)
    rng = random.Random(0)
    for _ in range(40):
        rng.shuffle(examples)
        nlp.update(examples, sgd=optimizer, drop=0.0)
    return nlp


def _tagger_pipeline(ner_model, **config):
    nlp = spacy.blank("en")
    tagger = nlp.add_pipe(FACTORY, config=config)
    tagger.set_model(ner_model)
    tagger.set_taxonomy(NAMES)
    return nlp


def _competencies(doc):
    return [(s.text, s._.attrs.get("id"), s._.attrs.get("new")) for s in doc.spans[SPANS_KEY] if s.label_ == "COMPETENCY"]


def test_tagged_spans_are_linked_or_marked_new(ner_model):
    doc = _tagger_pipeline(ner_model)("SKILLS\n- Payment runs in Concur and SAP FI.")
    assert _competencies(doc) == [("Concur", None, True), ("SAP FI", "skill.erp_sap", False)]


def test_model_span_replaces_an_overlapping_rule_span_and_keeps_its_id(ner_model):
    nlp = _tagger_pipeline(ner_model)
    doc = prepare(nlp.make_doc("- Payment runs in Concur and SAP FI."))
    add_span(doc, "COMPETENCY", 29, 32, {"id": "skill.erp_sap", "type": "skill"})        # the rules' "SAP"
    add_span(doc, "LANGUAGE", 0, 1, {"lang": "en"})
    doc = nlp.get_pipe(FACTORY)(doc)
    assert sorted(_competencies(doc)) == [("Concur", None, True), ("SAP FI", "skill.erp_sap", False)]
    assert [s.label_ for s in doc.spans[SPANS_KEY]].count("LANGUAGE") == 1


def test_rules_first_keeps_the_rule_span(ner_model):
    nlp = _tagger_pipeline(ner_model, prefer="rules")
    doc = prepare(nlp.make_doc("- Payment runs in Concur and SAP FI."))
    add_span(doc, "COMPETENCY", 29, 32, {"id": "skill.erp_sap", "type": "skill"})
    doc = nlp.get_pipe(FACTORY)(doc)
    assert sorted(_competencies(doc)) == [("Concur", None, True), ("SAP", "skill.erp_sap", None)]


def _section(text, name, heading):
    start = text.index(heading)
    end = text.find("\n\n", start)
    end = len(text) if end < 0 else end
    return Section(name=name, heading=heading, start=start, end=end, body_start=start + len(heading) + 1)


def test_a_rule_span_the_tagger_does_not_confirm_stays_only_in_a_list_of_skills(ner_model):
    # "Audit" in a job title is the rules' taxonomy word, not a skill; under SKILLS it is one.
    text = "EXPERIENCE\nAudit Manager, Geneva\n\nSKILLS\nAudit, Coupa"
    nlp = _tagger_pipeline(ner_model)
    doc = prepare(nlp.make_doc(text))
    doc._.kind = "cv"
    doc._.sections = [_section(text, "experience", "EXPERIENCE"), _section(text, "skills", "SKILLS")]
    title, listed = text.index("Audit"), text.rindex("Audit")
    for start in (title, listed):
        add_span(doc, "COMPETENCY", start, start + 5, {"id": "skill.audit", "type": "skill"})
    doc = nlp.get_pipe(FACTORY)(doc)
    kept = [(s.start_char, s.text) for s in doc.spans[SPANS_KEY] if s.label_ == "COMPETENCY"]
    assert (listed, "Audit") in kept and (title, "Audit") not in kept
    assert any(t == "Coupa" for _, t in kept)


def test_in_text_without_sections_a_rule_span_stands_alone(ner_model):
    # A sentence on its own (SkillSpan's unit, a pasted paragraph) has no lists or titles to judge by.
    text = "You will lead the audit of our suppliers."
    nlp = _tagger_pipeline(ner_model)
    doc = prepare(nlp.make_doc(text))
    doc._.kind = "notice"
    doc._.sections = []
    start = text.index("audit")
    add_span(doc, "COMPETENCY", start, start + 5, {"id": "skill.audit", "type": "skill"})
    doc = nlp.get_pipe(FACTORY)(doc)
    assert (start, "audit") in [(s.start_char, s.text) for s in doc.spans[SPANS_KEY] if s.label_ == "COMPETENCY"]


def test_a_notice_is_tagged_outside_the_sections_that_state_no_competency():
    text = ("Post title: Payments Clerk\nCore values: Integrity, Respect for Diversity\n\n"
            "ORGANIZATIONAL SETTING\nThe Division runs Coupa.\n\n"
            "RESPONSIBILITIES\n  - Run payments in Coupa.  \n\n"
            "EDUCATION\nA CPA certificate is an asset.\n\nBENEFITS\nPension fund.")
    doc = prepare(spacy.blank("en").make_doc(text))
    doc._.kind = "notice"
    doc._.sections = [_section(text, "organizational_unit", "ORGANIZATIONAL SETTING"),
                      _section(text, "duties", "RESPONSIBILITIES"), _section(text, "education", "EDUCATION"),
                      _section(text, "benefits", "BENEFITS")]
    title = text.index("Payments Clerk")
    doc._.structure = NoticeStructure(id="", source="", format="txt", header=NoticeHeader(),
                                      header_spans={"title": (title, title + len("Payments Clerk"))})
    # The organisation and the benefits (headings included) and the header fields are not read; a
    # line above the first heading, a certification under education and the duties are.
    assert [text[s:e] for s, e in lines_to_tag(doc)] == [
        "Core values: Integrity, Respect for Diversity", "RESPONSIBILITIES", "- Run payments in Coupa.", "EDUCATION",
        "A CPA certificate is an asset."]
    assert [text[s:e] for s, e in lines_to_tag(doc, skip=["organizational_unit", "benefits", "education"])][-1] \
        == "- Run payments in Coupa."
    doc._.kind = "cv"
    assert len(lines_to_tag(doc)) == len(text_lines(text)) == 10


def test_a_lone_sentence_is_tagged_even_where_the_parser_guesses_it_is_a_title():
    text = "Performs regular code reviews."
    doc = prepare(spacy.blank("en").make_doc(text))
    doc._.kind = "notice"
    doc._.sections = []
    doc._.structure = NoticeStructure(id="", source="", format="txt", header=NoticeHeader(),
                                      header_spans={"title": (0, len(text))})
    assert lines_to_tag(doc) == [(0, len(text))]


@pytest.mark.parametrize("text, tagged, tidy", [
    ("suivi de l'inventaire du parc", "l'inventaire du parc", "inventaire du parc"),       # French elision
    ("uso diario d’eLUNa", "d’eLUNa", "eLUNa"),
    ("R, Python (pandas), SQL", "Python (pandas", "Python (pandas)"),                     # bracket closed
    ("Certified Scrum Master (", "Certified Scrum Master (", "Certified Scrum Master"),     # bracket dropped
    ("Tools: Excel, Word", "Excel,", "Excel"),
    ("Skills: lettering", "lettering", "lettering"),                                       # 'l' + word: no elision
    ("Strong mediation skills.", "mediation skills", "mediation"),                       # 'skills' dropped...
    ("Good scripting skills in Bash.", "scripting skills", "scripting"),
    ("Solid interpersonal skills", "interpersonal skills", "interpersonal skills"),      # ...unless it is needed
])
def test_tagged_spans_get_the_guide_boundaries(text, tagged, tidy):
    start = text.index(tagged)
    found = tidy_span(text, start, start + len(tagged))
    assert text[found[0]:found[1]] == tidy


def test_an_address_is_not_a_competency():
    text = "Apply to jobs@example.org or https://example.org/jobs; Python."
    spans = [(9, 25), (29, 53), (55, 61)]
    assert [text[s:e] for s, e in tidy_spans(text, spans)] == ["Python"]


def test_unknown_preference_is_a_config_error():
    with pytest.raises(ConfigError, match="prefer"):
        spacy.blank("en").add_pipe(FACTORY, config={"prefer": "both"})


def test_round_trip_through_disk_gives_the_same_spans(ner_model, tmp_path):
    nlp = _tagger_pipeline(ner_model)
    text = "Tools: Coupa, SAP FI, Excel\n- Vendor master data in Coupa."
    before = _competencies(nlp(text))
    nlp.to_disk(tmp_path / "tagger")
    restored = spacy.load(tmp_path / "tagger")
    assert before and _competencies(restored(text)) == before
    assert restored.get_pipe(FACTORY).names == NAMES
    # Loaded from disk, the model shares the pipeline's vocab and reads the pipeline's own tokens.
    assert restored.get_pipe(FACTORY).model.vocab is restored.vocab


def test_a_component_without_a_model_says_how_to_get_one(tmp_path):
    nlp = spacy.blank("en")
    nlp.add_pipe(FACTORY)
    with pytest.raises(ConfigError, match="jobmatch train"):
        nlp("SAP")
    with pytest.raises(ConfigError, match="does not exist"):
        load_tagger(tmp_path / "nowhere")


def test_linker_exact_name_nearest_name_or_new():
    linker = TaxonomyLinker(NAMES, threshold=0.5)
    exact, near, unrelated = linker.link(["Accounts Payable", "bank reconciliations", "Kubernetes"])
    assert exact == ("skill.accounts_payable", 1.0)
    assert near[0] == "skill.reconciliation" and 0.5 <= near[1] < 1.0
    assert unrelated[0] is None
    # The second time round the answers come from the cache and are the same.
    assert linker.link(["bank reconciliations", "Kubernetes", "SAP"]) == [near, unrelated, ("skill.erp_sap", 1.0)]


def test_character_spans_map_back_onto_the_given_tokens():
    tokens = ["Experience", "with", "Kubernetes,", "Helm"]
    # "Kubernetes" ends inside the token "Kubernetes,": the whole token is taken.
    assert tokens_to_spans(tokens, [(16, 26), (28, 32)]) == [(2, 3), (3, 4)]


# -- the shipped model (models/competency-tagger, committed) --------------------------------------

@pytest.fixture(scope="module")
def shipped():
    if not (DEFAULT_TAGGER_DIR / "config.cfg").is_file():
        pytest.skip("models/competency-tagger is not trained (run `jobmatch train`)")
    return load_tagger()


def test_shipped_model_tags_a_free_text_skill_no_taxonomy_entry_holds(shipped):
    sentences = ["- Reconciled petty cash and prepared payroll journals in Oracle Fusion for the regional office.",
                 "- Drafted grant proposals and maintained the donor database in Salesforce."]
    found = [sentence[s:e] for sentence in sentences for s, e in shipped.tag_document(sentence)]
    assert "payroll journals" in found and "Salesforce" in found
    names = {n.lower() for c in load_taxonomy().competencies.values() for n in c.names}
    assert "payroll journals" not in names and "salesforce" not in names


def test_tag_tokens_returns_token_spans_per_sentence(shipped):
    sentences = [["Experience", "with", "Python", "and", "SQL", "is", "required", "."], ["Salary", ":", "<SALARY>"]]
    spans = tag_tokens(sentences)
    assert len(spans) == 2
    assert (2, 3) in spans[0] and (4, 5) in spans[0]
    assert all(0 <= s < e <= len(tokens) for tokens, found in zip(sentences, spans) for s, e in found)
