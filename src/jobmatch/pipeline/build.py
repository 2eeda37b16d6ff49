"""Build the extraction pipeline from its config, add the trained tagger, save and load it."""

from __future__ import annotations

import importlib
import warnings
from pathlib import Path

import spacy
import srsly
from spacy.language import Language
from spacy.util import load_config, load_model_from_config

from jobmatch import __version__
from jobmatch.errors import ConfigError

CONFIG_PATH = Path(__file__).with_name("config.cfg")
TAGGER_FACTORY = "jobmatch_competency_tagger"
TAGGER_MODULE = "jobmatch.pipeline.competency_tagger"
PIPELINE_NAME = "jobmatch_pipeline"


def register_factories() -> None:
    """Import every component module so spaCy knows the jobmatch factories (the trained tagger's
    too, once its module exists)."""
    for module in ("structure", "competency_rules", "degrees", "experience", "languages", "assembler"):
        importlib.import_module(f"jobmatch.pipeline.{module}")
    try:
        importlib.import_module(TAGGER_MODULE)
    except ModuleNotFoundError as exc:
        if exc.name != TAGGER_MODULE:
            raise


def build_pipeline(config_path: str | Path | None = None, overrides: dict | None = None) -> Language:
    """The rules-only pipeline, from the packaged config.cfg (or another config file)."""
    register_factories()
    config = load_config(Path(config_path or CONFIG_PATH), overrides=overrides or {}, interpolate=False)
    nlp = load_model_from_config(config, auto_fill=True, validate=True)
    nlp.meta.update({"name": PIPELINE_NAME, "version": __version__, "spacy_version": f">={spacy.about.__version__},<3.9.0",
                     "description": "jobmatch extraction: structure, competency rules (and trained tagger), degrees, "
                                    "fields, experience, languages; requirements of notices and profiles of CVs",
                     "license": "MIT", "author": "jobmatch", "requirements": [f"jobmatch>={__version__}"]})
    return nlp


def _add_tagger(nlp: Language, tagger_dir: Path) -> None:
    if not tagger_dir.is_dir():
        raise ConfigError(f"tagger folder {tagger_dir} does not exist")
    tagger_nlp = spacy.load(tagger_dir)
    names = [name for name in tagger_nlp.pipe_names if tagger_nlp.get_pipe_meta(name).factory == TAGGER_FACTORY]
    if not names:
        raise ConfigError(f"{tagger_dir} has no {TAGGER_FACTORY!r} component (it has {tagger_nlp.pipe_names})")
    with warnings.catch_warnings():
        # W113 (the source's vectors differ from the pipeline's): the tagger's static vectors are
        # saved with its own model and loaded into the pipeline's vocab when the pipeline loads
        # (CompetencyTagger.from_disk), so the pipeline needs no copy of its own.
        warnings.filterwarnings("ignore", message=r"\[W113\]")
        for name in names:
            nlp.add_pipe(name, source=tagger_nlp, after="jobmatch_competency_rules")


def assemble(out_dir: str | Path, tagger_dir: str | Path | None = None, config_path: str | Path | None = None) -> Path:
    """Build the pipeline from the config, add the trained competency tagger from `tagger_dir` (a
    spaCy pipeline folder with a self-contained `jobmatch_competency_tagger` component, i.e. one
    with no tok2vec listener) right after the competency rules, and save it to `out_dir`.

    The tagger writes COMPETENCY spans to doc.spans["jobmatch"] (or doc.ents); the assembler links
    them (see jobmatch.pipeline.assembler). Without a tagger the pipeline runs rules only."""
    nlp = build_pipeline(config_path)
    if tagger_dir is not None:
        _add_tagger(nlp, Path(tagger_dir))
        # What the tagger was trained on travels with the pipeline (the SkillSpan report names it).
        training = srsly.read_json(Path(tagger_dir) / "meta.json").get("jobmatch_training") \
            if (Path(tagger_dir) / "meta.json").is_file() else None
        if training:
            nlp.meta["jobmatch_training"] = training
    out = Path(out_dir)
    nlp.to_disk(out)
    return out


def load_pipeline(path: str | Path) -> Language:
    """A saved pipeline (a folder written by `assemble`)."""
    path = Path(path)
    if not (path / "config.cfg").is_file():
        raise ConfigError(f"pipeline folder {path} does not exist or has no config.cfg "
                          f"(build it with `python -m jobmatch.pipeline {path}`)")
    register_factories()
    return spacy.load(path)
