"""The spaCy pipeline: built from its config, saved and loaded whole, results where spaCy users look."""

from __future__ import annotations

import pytest
import spacy

from jobmatch.errors import ConfigError
from jobmatch.model import Profile, Requirements
from jobmatch.pipeline import SECTIONS_KEY, SPANS_KEY, assemble, build_pipeline, load_pipeline

NOTICE = """Vacancy notice no: 999
Deadline: 1 December 2026

Duties and responsibilities
- Negotiating agreements with partners.

Competencies
Core competencies
- Teamwork and Collaboration

Education:
Advanced university degree in law or international relations.

Experience:
At least seven years of progressively responsible experience, including three at the international level.

Languages:
Fluency in English is required. Knowledge of French is desirable.
"""

CV = """Amina Diallo

EXPERIENCE
2019 – present   Programme Officer, UNDP, Dakar
2015 – 2018      Project Assistant, Ministry of Planning, Dakar

EDUCATION
Master of Arts in International Relations, University of Dakar, 2014

LANGUAGES
French: native
English: fluent
"""


@pytest.fixture(scope="module")
def nlp():
    return build_pipeline()


def test_components_run_in_order_from_the_config(nlp):
    assert nlp.pipe_names == ["jobmatch_structure", "jobmatch_competency_rules", "jobmatch_degrees",
                              "jobmatch_experience", "jobmatch_languages", "jobmatch_assembler"]


def test_notice_kind_sections_and_requirements_are_set_on_the_doc(nlp):
    doc = nlp(NOTICE)
    assert doc._.kind == "notice"
    assert {"duties", "core_competencies", "education", "experience", "languages"} <= {s.label_ for s in doc.spans[SECTIONS_KEY]}
    assert isinstance(doc._.requirements, Requirements)
    assert (doc._.requirements.education.min_level, doc._.requirements.experience.min_years,
            doc._.requirements.experience.international_years) == ("master", 7, 3)
    assert [(n.language, n.level) for n in doc._.requirements.languages.required] == [("en", "advanced")]
    assert "core.teamwork_collaboration" in doc._.requirements.competencies.core


def test_spans_carry_normalised_attributes_in_span_extensions(nlp):
    doc = nlp(NOTICE)
    by_text = {(s.label_, s.text): s for s in doc.spans[SPANS_KEY]}
    assert by_text[("DEGREE", "Advanced university degree")]._.attrs == {"level": "master", "isced": 7}
    assert by_text[("FIELD", "law")]._.attrs["isced_f"] == "0421"
    assert by_text[("EXPERIENCE", "seven years")]._.attrs["kind"] == "total"
    assert by_text[("EXPERIENCE", "three")]._.attrs["kind"] == "international"
    assert by_text[("COMPETENCY", "Negotiating")]._.taxonomy_id == "core.negotiation"


def test_cv_profile_from_the_pipeline(nlp):
    doc = nlp(CV)
    assert doc._.kind == "cv"
    assert isinstance(doc._.profile, Profile)
    assert doc._.profile.highest_level == "master"
    assert doc._.profile.international_years == 7.9   # 2019-01 .. 2026-11 with UNDP: 95 months
    assert [s.text for s in doc.spans[SPANS_KEY] if s.label_ == "EXPERIENCE"] == ["Programme Officer", "Project Assistant"]


def test_a_degree_dated_after_the_reference_date_is_not_yet_held(nlp):
    text = ("EDUCATION\nMSc Data Science, University of Geneva, 2028\nBSc Mathematics, University of Lyon, 2019\n\n"
            "EXPERIENCE\n2019 - present Analyst, UNICEF, New York\n")
    doc = nlp(text)
    degrees = {s.text: s._.attrs.get("status") for s in doc.spans[SPANS_KEY] if s.label_ == "DEGREE"}
    assert degrees == {"MSc": "enrolled", "BSc": None}
    assert doc._.profile.highest_level == "bachelor"


def test_a_kind_preset_by_the_caller_is_kept(nlp):
    doc = nlp.make_doc(CV)
    doc._.kind = "notice"
    assert nlp(doc)._.kind == "notice"


def test_reference_date_is_a_setting_of_the_config():
    nlp = build_pipeline(overrides={"components.jobmatch_experience.reference_date": "2020-12-31"})
    assert nlp(CV)._.profile.total_years == 6.0   # 2015-01 .. 2020-12


def test_saved_pipeline_loads_with_spacy_and_gives_the_same_results(nlp, tmp_path):
    out = assemble(tmp_path / "pipeline")
    assert (out / "jobmatch_competency_rules" / "patterns.jsonl").is_file()
    loaded = spacy.load(out)
    assert loaded.pipe_names == nlp.pipe_names
    for text in (NOTICE, CV):
        built, restored = nlp(text), loaded(text)
        expected = [(s.label_, s.start_char, s.end_char, s._.attrs) for s in built.spans[SPANS_KEY]]
        assert [(s.label_, s.start_char, s.end_char, s._.attrs) for s in restored.spans[SPANS_KEY]] == expected


def test_the_shipped_pipeline_records_what_its_tagger_was_trained_on():
    from jobmatch.settings import DEFAULT_PIPELINE_DIR

    meta = spacy.load(DEFAULT_PIPELINE_DIR).meta if (DEFAULT_PIPELINE_DIR / "config.cfg").is_file() else None
    if meta is None or "jobmatch_competency_tagger" not in meta["pipeline"]:
        pytest.skip("no trained pipeline shipped")
    assert meta["jobmatch_training"]["skillspan"] is False
    assert meta["jobmatch_training"]["data"]["train"]["spans"] > 0


def test_assemble_names_a_tagger_folder_without_the_tagger(tmp_path):
    spacy.blank("en").to_disk(tmp_path / "not-a-tagger")
    with pytest.raises(ConfigError, match="not-a-tagger"):
        assemble(tmp_path / "out", tagger_dir=tmp_path / "not-a-tagger")


def test_loading_a_missing_pipeline_folder_is_a_clear_error(tmp_path):
    with pytest.raises(ConfigError, match="does not exist"):
        load_pipeline(tmp_path / "nowhere")


def test_forked_workers_give_the_results_of_one_stream_in_order(nlp):
    from jobmatch.extract import extract_documents
    from jobmatch.model import Document

    texts = [CV, CV.replace("Amina Diallo", "Jean Moreau").replace("2015", "2011"), CV.replace("French: native", "")]
    documents = [Document(id=f"cv-{n}", source="", format="txt", text=text) for n, text in enumerate(texts * 3)]
    serial = list(extract_documents(documents, "cv", nlp=nlp, batch_size=2))
    forked = list(extract_documents(documents, "cv", nlp=nlp, batch_size=2, n_process=2))
    assert forked == serial
    assert [r["id"] for r in forked] == [d.id for d in documents]
    assert serial[1]["profile"] != serial[0]["profile"]
