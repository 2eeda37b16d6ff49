"""Settings in one place: defaults here, overridable from the environment (JOBMATCH_*) and the CLI."""

from __future__ import annotations

import os
from pathlib import Path
from dataclasses import dataclass, field, fields, replace

from jobmatch.errors import ConfigError
from jobmatch.readers.limits import ReaderLimits

# The saved extraction pipeline of a checkout (models/ is not part of the installed package).
DEFAULT_PIPELINE_DIR = Path(__file__).resolve().parents[2] / "models" / "jobmatch-pipeline"


@dataclass(frozen=True)
class Settings:
    reader_limits: ReaderLimits = field(default_factory=ReaderLimits)
    reference_date: str = "2026-11-01"        # what "present" means in CV date ranges
    corpus_dir: str = "corpora"
    pipeline: str = ""                        # extraction pipeline folder; "" = models/jobmatch-pipeline, else built from config

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None) -> "Settings":
        """Read JOBMATCH_<NAME> for top-level settings and JOBMATCH_READER_<NAME> for reader limits."""
        env = os.environ if environ is None else environ
        limits = ReaderLimits()
        for f in fields(ReaderLimits):
            raw = env.get(f"JOBMATCH_READER_{f.name.upper()}")
            if raw is not None and f.name != "fallback_encodings":
                limits = replace(limits, **{f.name: _convert(raw, type(getattr(limits, f.name)), f.name)})
        settings = cls(reader_limits=limits)
        for f in fields(cls):
            raw = env.get(f"JOBMATCH_{f.name.upper()}")
            if raw is not None and f.name != "reader_limits":
                settings = replace(settings, **{f.name: raw})
        return settings


def _convert(raw: str, kind: type, name: str):
    try:
        return kind(raw)
    except ValueError:
        raise ConfigError(f"setting {name}: {raw!r} is not a valid {kind.__name__}") from None
