"""Settings of the evaluation harness in one place; the CLI overrides them, nothing else does."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

RANKING_METRICS = ("ndcg@5", "ndcg@10", "mrr", "map", "recall@10", "precision@5")
SYSTEM_NAMES = ("random", "bm25", "tfidf", "embeddings-only", "requirements-only", "jobmatch")
EXTERNAL_SETS = ("skillspan", "rekrute")


@dataclass(frozen=True)
class EvalSettings:
    corpus: Path = Path("corpora")
    split: str = "test"
    train_split: str = "train"          # what jobmatch's matcher may learn from (never the reported split)
    out: Path = Path("eval/out")
    thresholds: Path = Path("eval/thresholds.toml")
    external_dir: Path = Path("../shared/external")
    seed: int = 13
    # Grades 0-3: nDCG uses the grades as gains; binary measures count grade >= relevant_grade
    # ("meets the minimum requirements", GUIDE.md), the decision a recruiter acts on.
    relevant_grade: int = 2
    bootstrap_resamples: int = 2000
    confidence: float = 0.95
    stat_test: str = "fisher"           # ranx: paired randomisation test (Smucker et al. 2007)
    permutations: int = 2000
    max_p: float = 0.05
    years_tolerance: float = 0.5        # a CV's total years count as right within this
    reference_system: str = "jobmatch"  # what each system is tested against
    fallback_reference: str = "bm25"    # ... while jobmatch cannot run
    embedding_cache: Path | None = None  # None: a fresh cache per run (encoding measured cold)
    peers: bool = True
    plots: bool = True
