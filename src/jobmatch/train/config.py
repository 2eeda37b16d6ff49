"""The tagger's training settings: the spaCy config in this folder (`tagger.cfg`) plus the few
values `jobmatch train` sets per run (data paths, seed, step budget, static vectors)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

TAGGER_CONFIG = Path(__file__).with_name("tagger.cfg")


@dataclass(frozen=True)
class TrainSettings:
    """What a training run may change without editing tagger.cfg."""
    seed: int = 0
    max_steps: int | None = None      # None: the value in tagger.cfg
    eval_frequency: int | None = None
    patience: int | None = None
    config_path: Path = TAGGER_CONFIG
    # With SkillSpan train beside our train split, our lines are seen this many times per epoch:
    # SkillSpan has more spans than our train split (5,026 vs 3,364), and at 1:1 the model learns
    # our layouts more slowly (dev F1 0.529 vs 0.571 after 1,600 steps).
    corpus_repeat_with_skillspan: int = 2
    # Static word vectors from the packaged model2vec model (jobmatch.train.vectors), PCA-reduced
    # to this many dimensions and concatenated with the hash embeddings; 0: hash embeddings only.
    # Off by default: trained on our corpus alone, 64 dims scored lower on dev (pipeline COMPETENCY
    # strict F1 0.592 vs 0.600, Spanish CVs 0.401 vs 0.459); with SkillSpan train they help on
    # SkillSpan dev (`jobmatch train --with-skillspan DIR --static-vectors 64`, see README).
    static_vectors_dims: int = 0
    static_model: Path | None = None  # None: models/minilm-static
    # Further spaCy config overrides (dotted names), e.g. {"components.tok2vec.model.encode.width": 96}
    config_overrides: dict = field(default_factory=dict)

    def overrides(self, train_path: Path, dev_path: Path, vectors_path: Path | None = None) -> dict:
        """spaCy config overrides for one run (dotted names as `spacy train --x.y` takes them)."""
        values = {"paths.train": str(train_path), "paths.dev": str(dev_path), "system.seed": self.seed}
        for name in ("max_steps", "eval_frequency", "patience"):
            if getattr(self, name) is not None:
                values[f"training.{name}"] = getattr(self, name)
        if vectors_path is not None:
            values["paths.vectors"] = str(vectors_path)
            values["components.tok2vec.model.embed.include_static_vectors"] = True
        values.update(self.config_overrides)
        return values
