"""A tiny end-to-end training run: a handful of documents, a few dozen steps, seconds."""

import json

import spacy

from jobmatch.pipeline.competency_tagger import FACTORY, load_tagger
from jobmatch.train import TrainSettings, train_competency_tagger

SKILL_LINES = [
    ("- Deployed Kubernetes clusters and wrote Terraform modules.", ["Kubernetes", "Terraform"]),
    ("- Automated backups with Ansible and monitored services in Grafana.", ["Ansible", "Grafana"]),
    ("- Built Kubernetes operators; reviewed Terraform plans.", ["Kubernetes", "Terraform"]),
    ("- Maintained Ansible playbooks for the Grafana stack.", ["Ansible", "Grafana"]),
]


def _write_cv(root, doc_id, lines):
    text = "CV\nPROFESSIONAL EXPERIENCE\nSystems Engineer\n" + "\n".join(line for line, _ in lines) + "\n"
    spans = [{"label": "COMPETENCY", "text": skill, "occurrence": text[:text.index(line)].count(skill),
              "attrs": {"id": None, "type": "skill"}} for line, skills in lines for skill in skills]
    (root / "cvs" / f"{doc_id}.txt").write_text(text, encoding="utf-8")
    annotation = {"id": doc_id, "kind": "cv", "language": "en", "layout": "chronological", "spans": spans, "profile": {}}
    (root / "annotations" / f"{doc_id}.json").write_text(json.dumps(annotation), encoding="utf-8")


def _tiny_corpus(root):
    for folder in ("cvs", "notices", "annotations", "taxonomy"):
        (root / folder).mkdir(parents=True)
    ids = {"train": ["cv-ict-001", "cv-ict-002", "cv-ict-003"], "dev": ["cv-ict-004"], "test": []}
    for n, doc_id in enumerate(ids["train"] + ids["dev"]):
        _write_cv(root, doc_id, SKILL_LINES[n:] + SKILL_LINES[:n])
    (root / "splits.json").write_text(json.dumps(ids), encoding="utf-8")
    (root / "taxonomy" / "ict.yaml").write_text("skill.observability: {label: Observability, type: skill, "
                                                "synonyms: [Grafana]}\n", encoding="utf-8")
    return root


def test_tiny_training_run_writes_a_tagger_and_a_pipeline_that_tag(tmp_path):
    corpus = _tiny_corpus(tmp_path / "corpus")
    result = train_competency_tagger(corpus, tmp_path / "models",
                                     TrainSettings(seed=1, max_steps=60, eval_frequency=20, patience=1000))
    assert result.data["train"] == {"segments": 3 * 7, "spans": 3 * 8, "widened": 0}
    assert set(result.dev) == {"rules", "model", "union", "link_accuracy"}
    assert result.dev["model"]["gold"] == 8
    # The tagger learnt the four tools from three documents and finds them in a line it has not seen.
    tagger = load_tagger(result.tagger_dir)
    [spans] = tagger.tag_texts(["- Upgraded Kubernetes and Grafana on the cluster."])
    text = "- Upgraded Kubernetes and Grafana on the cluster."
    assert [text[s:e] for s, e in spans] == ["Kubernetes", "Grafana"]
    # The corpus taxonomy addition travels with the component: Grafana links to its id.
    assert tagger.linker.link(["grafana"]) == [("skill.observability", 1.0)]
    pipeline = spacy.load(result.pipeline_dir)
    assert FACTORY in pipeline.pipe_names
    assert pipeline.pipe_names.index(FACTORY) == pipeline.pipe_names.index("jobmatch_competency_rules") + 1


def test_gold_phrases_link_as_the_annotators_linked_them(tmp_path):
    from jobmatch.corpus.loader import load_corpus
    from jobmatch.train.run import gold_span_names

    root = tmp_path / "corpus"
    for folder in ("cvs", "notices", "annotations"):
        (root / folder).mkdir(parents=True)
    text = "SKILLS\nWorkday, Workday reports, Nessus scans, Grafana\n"
    links = [("Workday", "skill.hris"), ("Nessus", "skill.cybersecurity"), ("Grafana", "skill.observability"),
             ("Workday reports", None)]
    spans = [{"label": "COMPETENCY", "text": t, "attrs": {"id": cid, "type": "skill"}} for t, cid in links]
    (root / "cvs" / "cv-ict-001.txt").write_text(text, encoding="utf-8")
    (root / "annotations" / "cv-ict-001.json").write_text(json.dumps(
        {"id": "cv-ict-001", "kind": "cv", "language": "en", "layout": "chronological", "spans": spans, "profile": {}}),
        encoding="utf-8")
    (root / "splits.json").write_text(json.dumps({"train": ["cv-ict-001"], "dev": [], "test": []}), encoding="utf-8")
    taxonomy = [{"id": "skill.hris", "name": "HRIS", "type": "skill"},
                {"id": "skill.cybersecurity", "name": "cybersecurity", "type": "skill"},
                {"id": "skill.observability", "name": "Grafana", "type": "skill"}]
    names = gold_span_names(load_corpus(root), "train", taxonomy)
    # A phrase without an id, or one the taxonomy already names, adds nothing.
    assert names == [{"id": "skill.cybersecurity", "name": "nessus", "type": "skill"},
                     {"id": "skill.hris", "name": "workday", "type": "skill"}]


def _skillspan_folder(root):
    """Two SkillSpan-style sentences per split: a tool (knowledge) and a skill phrase."""
    root.mkdir(parents=True)
    rows = [{"idx": 1, "tokens": ["Experience", "with", "Terraform", "is", "a", "plus", "."],
             "tags_skill": ["O"] * 7, "tags_knowledge": ["O", "O", "B", "O", "O", "O", "O"], "source": "tech"},
            {"idx": 2, "tokens": ["You", "will", "mentor", "junior", "engineers", "."],
             "tags_skill": ["O", "O", "B", "I", "I", "O"], "tags_knowledge": ["O"] * 6, "source": "house"}]
    for split in ("train", "dev"):
        (root / f"{split}.jsonl").write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    return root


def test_skillspan_train_joins_our_lines_repeated_and_our_dev_alone_picks_the_model(tmp_path):
    corpus = _tiny_corpus(tmp_path / "corpus")
    result = train_competency_tagger(corpus, tmp_path / "models",
                                     TrainSettings(seed=1, max_steps=30, eval_frequency=10, patience=1000,
                                                   corpus_repeat_with_skillspan=3),
                                     skillspan_dir=_skillspan_folder(tmp_path / "skillspan"), assemble_pipeline=False)
    # 3 x our 21 train lines + 2 SkillSpan sentences; dev is our 7 dev lines only.
    assert result.data["train"] == {"segments": 3 * 21 + 2, "spans": 3 * 24 + 2, "widened": 0}
    assert result.data["dev"]["segments"] == 7
    assert result.skillspan_dev["gold"] == 2 and 0.0 <= result.skillspan_dev["strict_f"] <= 1.0
    meta = json.loads((result.tagger_dir / "meta.json").read_text())
    assert meta["jobmatch_training"]["skillspan"] is True and meta["jobmatch_training"]["corpus_repeat"] == 3


def test_a_missing_skillspan_folder_is_named(tmp_path):
    import pytest

    from jobmatch.errors import ConfigError

    corpus = _tiny_corpus(tmp_path / "corpus")
    with pytest.raises(ConfigError, match="nowhere"):
        train_competency_tagger(corpus, tmp_path / "models", TrainSettings(max_steps=1), skillspan_dir=tmp_path / "nowhere")


def test_a_run_with_static_vectors_ships_them_inside_the_tagger(tmp_path):
    import pytest

    from jobmatch.train.vectors import DEFAULT_STATIC_MODEL

    if not (DEFAULT_STATIC_MODEL / "model.safetensors").is_file():
        pytest.skip("models/minilm-static is not built")
    corpus = _tiny_corpus(tmp_path / "corpus")
    result = train_competency_tagger(corpus, tmp_path / "models",
                                     TrainSettings(seed=1, max_steps=40, eval_frequency=20, patience=1000,
                                                   static_vectors_dims=8))
    table = result.data["static_vectors"]
    assert table["dims"] == 8 and table["words"] > 20_000 and table["keys"] > table["words"]
    tagger = load_tagger(result.tagger_dir)
    assert tagger.model.config["components"]["tok2vec"]["model"]["embed"]["include_static_vectors"] is True
    assert tagger.model.vocab.vectors.shape == (table["words"], 8)
    # The assembled pipeline carries no copy of its own: its vocab gets the table from the tagger
    # on load, and the tagger's words (the training tools) have vectors there.
    assert not (result.pipeline_dir / "vocab" / "vectors").is_file() or \
        (result.pipeline_dir / "vocab" / "vectors").stat().st_size < 1000
    pipeline = spacy.load(result.pipeline_dir)
    assert pipeline.vocab.vectors.shape == (table["words"], 8)
    assert pipeline.vocab["Terraform"].has_vector and pipeline.vocab["terraform"].has_vector
    meta = json.loads((result.tagger_dir / "meta.json").read_text())
    assert meta["jobmatch_training"]["data"]["static_vectors"]["dims"] == 8
