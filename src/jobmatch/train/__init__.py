"""`jobmatch train`: the trained competency tagger, from the gold corpus (optionally with SkillSpan).

    examples.py   corpus lines / SkillSpan sentences -> spaCy DocBin files
    config.py     tagger.cfg (the spaCy training config) and the per-run overrides
    loop.py       spaCy's training loop; dev picks the best model
    evaluate.py   strict and partial span P/R/F1
    run.py        the whole run: data, training, dev scores, saving the tagger and the pipeline"""

from jobmatch.train.config import TAGGER_CONFIG, TrainSettings
from jobmatch.train.run import TrainResult, train_competency_tagger

__all__ = ["TAGGER_CONFIG", "TrainResult", "TrainSettings", "train_competency_tagger"]
