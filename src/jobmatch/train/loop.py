"""Run spaCy's own training loop (`spacy.cli.train.train`) on DocBin files: it keeps the model
that scores best on dev (`model-best`), which is how dev tunes the tagger."""

from __future__ import annotations

import time
from pathlib import Path

import spacy
from spacy.cli.train import train as spacy_train
from spacy.language import Language

from jobmatch.train.config import TrainSettings


def train_ner(train_path: Path, dev_path: Path, work_dir: Path, settings: TrainSettings,
              vectors_path: Path | None = None) -> tuple[Language, float]:
    """Train the NER model (with the static vectors pipeline at `vectors_path`, if given); returns
    the dev-best pipeline and the wall time in seconds."""
    started = time.perf_counter()
    spacy.util.fix_random_seed(settings.seed)
    spacy_train(settings.config_path, work_dir, use_gpu=-1,
                overrides=settings.overrides(train_path, dev_path, vectors_path))
    best = work_dir / "model-best"
    return spacy.load(best if best.is_dir() else work_dir / "model-last"), time.perf_counter() - started
