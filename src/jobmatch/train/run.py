"""One training run of the competency tagger: corpus train split (plus SkillSpan train when
given) -> DocBin -> spaCy training with dev picking the best model -> the tagger component saved
to `<out>/competency-tagger` -> the whole extraction pipeline assembled around it."""

from __future__ import annotations

import shutil
from collections import Counter
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import spacy

from jobmatch.corpus.loader import load_corpus
from jobmatch.errors import ConfigError
from jobmatch.extract.competencies import taxonomy_names
from jobmatch.pipeline.competency_tagger import FACTORY, CompetencyTagger
from jobmatch.taxonomy import load_taxonomy
from jobmatch.train.config import TrainSettings
from jobmatch.train.evaluate import corpus_dev_scores, skillspan_dev_scores
from jobmatch.train.examples import corpus_segments, skillspan_segments, write_docbin
from jobmatch.train.loop import train_ner
from jobmatch.train.vectors import build_vectors_pipeline, words_of

TAGGER_DIR = "competency-tagger"
PIPELINE_DIR = "jobmatch-pipeline"


@dataclass
class TrainResult:
    tagger_dir: Path
    pipeline_dir: Path | None
    data: dict = field(default_factory=dict)        # segment and span counts per DocBin
    dev: dict = field(default_factory=dict)         # rules / model / union span scores on corpus dev
    skillspan_dev: dict = field(default_factory=dict)  # the model's merged span scores on SkillSpan dev
    train_seconds: float = 0.0
    wall_seconds: float = 0.0


def corpus_taxonomy_names(corpus_dir: Path) -> list[dict]:
    """The packaged taxonomy plus the corpus's taxonomy additions (`corpora/taxonomy/*.yaml`),
    the ids gold spans use, as the names tagged spans are linked to."""
    files = tuple(str(p) for p in sorted((corpus_dir / "taxonomy").glob("*.yaml")))
    return taxonomy_names(load_taxonomy(files))


def gold_span_names(corpus, split: str, taxonomy: list[dict]) -> list[dict]:
    """The split's gold COMPETENCY phrases as {"id", "name", "type"} entries, linked as the
    annotators linked them (a phrase's most frequent id); a name the taxonomy has is left to it.

    Annotators link free-text skills to the nearest concept ("Workday" -> HR information systems,
    "Nessus" -> cybersecurity), which character similarity to the taxonomy names alone rarely
    finds; the tagged phrases they linked are the best neighbours for new ones."""
    types = {entry["id"]: entry.get("type") or "skill" for entry in taxonomy}
    known = {entry["name"].lower() for entry in taxonomy}
    votes: dict[str, Counter] = {}
    for doc_id in corpus.ids(split=split):
        for span in corpus.documents[doc_id].spans:
            cid = span.attrs.get("id")
            if span.label == "COMPETENCY" and cid in types and span.text.lower() not in known:
                votes.setdefault(span.text.lower(), Counter())[cid] += 1
    return [{"id": counts.most_common(1)[0][0], "name": name, "type": types[counts.most_common(1)[0][0]]}
            for name, counts in sorted(votes.items())]


def build_tagger(ner_model, names: list[dict]) -> spacy.language.Language:
    """A one-component pipeline holding the tagger: what `assemble(tagger_dir=...)` sources."""
    nlp = spacy.blank("en")
    tagger: CompetencyTagger = nlp.add_pipe(FACTORY)
    tagger.set_model(ner_model)
    tagger.set_taxonomy(names)
    return nlp


def train_competency_tagger(corpus_dir: str | Path, out_dir: str | Path, settings: TrainSettings = TrainSettings(),
                            skillspan_dir: str | Path | None = None, assemble_pipeline: bool = True,
                            evaluate_dev: bool = True) -> TrainResult:
    """Train on the corpus train split (and SkillSpan train), tune on the corpus dev split, save
    the tagger and, unless told not to, the assembled pipeline, both under `out_dir`.

    Only our dev split picks the checkpoint, also with SkillSpan: the shipped model is judged on
    our documents; SkillSpan dev is scored afterwards for the record (`skillspan_dev`)."""
    started = time.perf_counter()
    corpus_dir, out_dir = Path(corpus_dir), Path(out_dir)
    corpus = load_corpus(corpus_dir)
    train_segments, dev_segments = corpus_segments(corpus, "train"), corpus_segments(corpus, "dev")
    if skillspan_dir is not None:
        skillspan_dir = Path(skillspan_dir)
        if not skillspan_dir.is_dir():
            raise ConfigError(f"SkillSpan folder {skillspan_dir} does not exist")
        train_segments = train_segments * settings.corpus_repeat_with_skillspan \
            + skillspan_segments(skillspan_dir / "train.jsonl")
    tokenizer = spacy.blank("en")
    result = TrainResult(tagger_dir=out_dir / TAGGER_DIR, pipeline_dir=None)
    with tempfile.TemporaryDirectory(prefix="jobmatch-train-") as tmp:
        work = Path(tmp)
        result.data["train"] = write_docbin(tokenizer, train_segments, work / "train.spacy")
        result.data["dev"] = write_docbin(tokenizer, dev_segments, work / "dev.spacy")
        names = corpus_taxonomy_names(corpus_dir)
        vectors_path = None
        if settings.static_vectors_dims:
            # The table's words: the static model's whole words plus those of the training lines and
            # the taxonomy names (never dev's: dev must judge the model on words it may not know).
            words = words_of([s.text for s in train_segments] + [n["name"] for n in names], tokenizer)
            vectors_path = work / "vectors"
            result.data["static_vectors"] = build_vectors_pipeline(vectors_path, words, settings.static_vectors_dims,
                                                                   settings.static_model, settings.seed)
        ner_model, result.train_seconds = train_ner(work / "train.spacy", work / "dev.spacy", work / "model", settings,
                                                    vectors_path)
    tagger_nlp = build_tagger(ner_model, names + gold_span_names(corpus, "train", names))
    training = {"seed": settings.seed, "skillspan": skillspan_dir is not None, "data": result.data}
    if skillspan_dir is not None:
        training["corpus_repeat"] = settings.corpus_repeat_with_skillspan
    tagger_nlp.meta.update({"name": "competency_tagger", "description": "jobmatch trained COMPETENCY tagger",
                            "jobmatch_training": training})
    if result.tagger_dir.is_dir():
        shutil.rmtree(result.tagger_dir)      # no stale files of an earlier model
    result.tagger_dir.parent.mkdir(parents=True, exist_ok=True)
    tagger_nlp.to_disk(result.tagger_dir)
    if assemble_pipeline:
        from jobmatch.pipeline import assemble
        result.pipeline_dir = assemble(out_dir / PIPELINE_DIR, tagger_dir=result.tagger_dir)
    if evaluate_dev:
        result.dev = corpus_dev_scores(corpus, tagger_nlp.get_pipe(FACTORY))
        if skillspan_dir is not None:
            result.skillspan_dev = skillspan_dev_scores(skillspan_dir / "dev.jsonl", tagger_nlp.get_pipe(FACTORY))
    result.wall_seconds = time.perf_counter() - started
    return result
