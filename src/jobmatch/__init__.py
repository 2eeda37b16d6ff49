"""jobmatch: NLP job matching and competency extraction for vacancy notices and CVs.

Pipeline: read (readers) -> structure -> extract -> requirements / profile -> encode -> index
-> score + explain -> CLI / API -> evaluate."""

from __future__ import annotations

from functools import lru_cache

__version__ = "0.1.0"


def load(path: str | None = None):
    """The extraction pipeline (a spaCy Language), loaded once per path.

    `path` defaults to the JOBMATCH_PIPELINE setting, then to the checkout's
    models/jobmatch-pipeline; without either, the rules-only pipeline is built from its config."""
    from jobmatch.settings import Settings

    return _load(path or Settings.from_env().pipeline or "")


@lru_cache(maxsize=4)
def _load(path: str):
    from jobmatch.pipeline import build_pipeline, load_pipeline
    from jobmatch.settings import DEFAULT_PIPELINE_DIR, Settings

    if path:
        nlp = load_pipeline(path)
    elif (DEFAULT_PIPELINE_DIR / "config.cfg").is_file():
        nlp = load_pipeline(DEFAULT_PIPELINE_DIR)
    else:
        nlp = build_pipeline()
    nlp.max_length = max(nlp.max_length, Settings().reader_limits.max_text_chars + 1)
    return nlp


def rank(vacancy, candidates=None, index=None, top: int | None = 10, **settings):
    """Recruiter view: `Match` results for the CVs of a folder (`candidates`) or an `index`,
    best first. Keyword settings (mode, strict, embedding_model...) as in `MatchSettings`."""
    from pathlib import Path

    from jobmatch.match import MatchSettings
    from jobmatch.match.api import rank as rank_candidates

    return rank_candidates(Path(vacancy), Path(candidates) if candidates else None, Path(index) if index else None,
                           top, MatchSettings.from_env(**settings))


def search(cv, index, top: int | None = 10, **settings):
    """Candidate view: `Match` results for the openings in an `index`, best first."""
    from pathlib import Path

    from jobmatch.match import MatchSettings
    from jobmatch.match.api import search as search_openings

    return search_openings(Path(cv), Path(index), top, MatchSettings.from_env(**settings))
