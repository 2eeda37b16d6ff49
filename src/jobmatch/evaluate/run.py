"""One evaluation run: read and extract the split once, then score extraction, peers, ranking
systems, speed and (on request) the external benchmarks, into one JSON-ready report."""

from __future__ import annotations

import datetime as dt
import subprocess
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from jobmatch.evaluate.dataset import DocumentStore, open_store
from jobmatch.evaluate.extraction import evaluate_extraction
from jobmatch.evaluate.ranking import eligibility_figures, evaluate_direction
from jobmatch.evaluate.settings import EXTERNAL_SETS, EvalSettings
from jobmatch.evaluate.speed import speed_report
from jobmatch.evaluate.systems import DIRECTIONS, JobmatchSystem, TrainingData, build_systems
from jobmatch.errors import ConfigError


def git_commit(root: Path) -> dict:
    """The commit the figures belong to, and whether tracked files differed from it."""
    def git(*args: str) -> str | None:
        try:
            done = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, timeout=20)
        except (OSError, subprocess.TimeoutExpired):
            return None
        return done.stdout.strip() if done.returncode == 0 else None
    commit = git("rev-parse", "HEAD")
    status = git("status", "--porcelain", "--untracked-files=no")
    return {"commit": commit, "dirty": bool(status) if status is not None else None}


def model_names() -> dict:
    """What produced the figures: the extractor and, when it runs, the matcher's settings."""
    import jobmatch
    try:
        nlp = jobmatch.load()
        extraction = (f"{nlp.meta.get('name', 'pipeline')} {nlp.meta.get('version', '')} "
                      f"({', '.join(nlp.pipe_names)})")
    except Exception as exc:  # noqa: BLE001 - the report says what it could not name
        extraction = f"unknown ({type(exc).__name__}: {exc})"
    names = {"jobmatch": jobmatch.__version__, "extraction": extraction}
    try:
        from jobmatch.match import MatchSettings
        settings = MatchSettings.from_env()
        names["matcher"] = ", ".join(f"{k}={v}" for k, v in vars(settings).items()
                                     if k in ("mode", "embedding_model", "weights_path", "strict")
                                     or (k == "query_model" and v))
    except Exception as exc:  # noqa: BLE001
        names["matcher"] = f"not available: {type(exc).__name__}: {exc}"
    return names


def _training_data(store: DocumentStore, split: str) -> TrainingData:
    notices, cvs = store.split(split, "notice"), store.split(split, "cv")
    ids = {d.id for d in notices} | {d.id for d in cvs}
    judgments = [j for j in store.corpus.judgments if j.notice_id in ids and j.cv_id in ids]
    return TrainingData(notices, cvs, judgments)


def evaluate_ranking(store: DocumentStore, settings: EvalSettings, embedding_cache: Path) -> tuple[dict, dict, dict]:
    """Both directions for every system over the split's whole pool; fits learners on train first."""
    notices, cvs = store.split(settings.split, "notice"), store.split(settings.split, "cv")
    systems = build_systems(settings.seed, embedding_cache)
    matcher_seconds: dict[str, dict] = {}
    jobmatch_systems = [s for s in systems if isinstance(s, JobmatchSystem)]
    # Only a matcher that learns needs the train split read and extracted.
    train = _training_data(store, settings.train_split) if any(s.learns for s in jobmatch_systems) else None
    shared_vectors: dict = {}
    for system in jobmatch_systems:
        started = time.perf_counter()
        if train is not None:
            system.fit(train)
        matcher_seconds[system.name] = {"fit_s": time.perf_counter() - started,
                                        **system.prepare([*notices, *cvs], shared_vectors)}
    qrels = {d: store.corpus.qrels(d, settings.split) for d in DIRECTIONS}
    ranking = {
        "recruiter": evaluate_direction("recruiter", qrels["recruiter"], notices, cvs, systems, settings),
        "candidate": evaluate_direction("candidate", qrels["candidate"], cvs, notices, systems, settings),
    }
    eligibility = {}
    for system in jobmatch_systems:
        figures = eligibility_figures(system, qrels, settings.relevant_grade)
        if figures:
            eligibility[system.name] = figures
    return ranking, eligibility, matcher_seconds


def run_external(names: Sequence[str], settings: EvalSettings) -> dict:
    out = {}
    for name in names:
        if name not in EXTERNAL_SETS:
            raise ConfigError(f"--external must be one of {', '.join(EXTERNAL_SETS)}, not {name!r}")
        folder = settings.external_dir / ("rekrute-2021" if name == "rekrute" else name)
        if not folder.is_dir():
            out[name] = {"status": "skipped", "reason": f"{folder} is not present"}
            continue
        if name == "skillspan":
            from jobmatch.evaluate.external.skillspan import evaluate_skillspan
            out[name] = {"status": "ok", **evaluate_skillspan(folder, settings)}
        else:
            from jobmatch.evaluate.external.rekrute import evaluate_rekrute
            out[name] = {"status": "ok", **evaluate_rekrute(folder)}
    return out


def run_evaluation(settings: EvalSettings, external: Sequence[str] = ()) -> dict:
    """Everything `jobmatch eval` reports, as one JSON-ready dict."""
    started = time.perf_counter()
    store = open_store(settings.corpus)
    documents = store.split(settings.split)
    extraction = evaluate_extraction(documents, settings.years_tolerance)
    if settings.peers:
        from jobmatch.evaluate.peers import evaluate_peers, load_peers
        peers = evaluate_peers(documents, load_peers())
    else:
        peers = {}
    with tempfile.TemporaryDirectory(prefix="jobmatch-eval-") as scratch:
        cache = settings.embedding_cache or Path(scratch) / "embeddings.sqlite"
        ranking, eligibility, matcher_seconds = evaluate_ranking(store, settings, cache)
    external_figures = run_external(external, settings)
    speed = speed_report(store, ranking, matcher_seconds)
    speed["total_s"] = time.perf_counter() - started
    meta = {"corpus": {"path": str(settings.corpus), "name": store.corpus.meta.get("name"),
                       "version": store.corpus.meta.get("version"), "status": store.corpus.meta.get("status")},
            "split": settings.split, "documents": {"notice": sum(d.kind == "notice" for d in documents),
                                                   "cv": sum(d.kind == "cv" for d in documents)},
            "git": git_commit(Path(__file__).resolve().parents[3]), "models": model_names(),
            "date": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
            "settings": {"relevant_grade": settings.relevant_grade, "bootstrap_resamples": settings.bootstrap_resamples,
                         "confidence": settings.confidence, "stat_test": settings.stat_test,
                         "permutations": settings.permutations, "max_p": settings.max_p, "seed": settings.seed,
                         "years_tolerance": settings.years_tolerance,
                         "embedding_cache": str(settings.embedding_cache) if settings.embedding_cache else "fresh per run"}}
    return {"meta": meta, "extraction": extraction, "peers": peers, "ranking": ranking,
            "eligibility": eligibility, "speed": speed, "external": external_figures}
