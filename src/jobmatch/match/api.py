"""The matching verbs behind the CLI: index documents, rank candidates for a vacancy, search
openings for a CV. Results are `Match` objects, best first; ids are file stems."""

from __future__ import annotations

import hashlib
import time
from pathlib import Path
from typing import Callable, Iterable

from jobmatch.errors import JobmatchError, ReadError
from jobmatch.match.documents import candidate_from_document, vacancy_from_document
from jobmatch.match.index import IndexEntry, IndexStore, entry_data
from jobmatch.match.matcher import Matcher
from jobmatch.match.parts import candidate_parts, vacancy_parts
from jobmatch.match.scoring import doc_vector
from jobmatch.match.settings import MatchSettings
from jobmatch.model import Candidate, Document, Match, Vacancy

BATCH_FILES = 32            # files read, extracted and encoded together
CHECKPOINT_SECONDS = 300    # a long `index add` saves a generation at least this often


def document_files(paths: Iterable[Path]) -> list[Path]:
    """Files given directly, plus the readable files inside given folders (sorted)."""
    from jobmatch.readers import SUPPORTED_SUFFIXES

    files: list[Path] = []
    for path in paths:
        path = Path(path)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES
                           and not p.name.startswith("."))
            if not found:
                raise JobmatchError(f"no readable documents in {path} (looked for {', '.join(SUPPORTED_SUFFIXES)})")
            files.extend(found)
        elif path.exists():
            files.append(path)
        else:
            raise ReadError(path, "no such file or folder")
    return files


def read_documents(paths: list[Path], errors: list[str] | None = None) -> list[tuple[Path, Document]]:
    """Each file read with the configured reader limits; an unreadable one is reported in
    `errors` and skipped (raised when no list is given)."""
    from jobmatch.readers import read_document
    from jobmatch.settings import Settings

    limits = Settings.from_env().reader_limits
    documents = []
    for path in paths:
        try:
            documents.append((path, read_document(path, limits)))
        except JobmatchError as exc:
            if errors is None:
                raise
            errors.append(str(exc))
    return documents


def load_items(paths: list[Path], matcher: Matcher, kind: str | None = None,
               errors: list[str] | None = None) -> list[tuple[Path, Document, dict, Vacancy | Candidate]]:
    """Read files and extract them in one pipeline stream into vacancies and candidates
    (`kind` None: guessed per document)."""
    from jobmatch.extract import extract_documents

    documents = read_documents(paths, errors)
    extractions = extract_documents([d for _, d in documents], kind, matcher.settings.reference_date)
    items = []
    for (path, document), extraction in zip(documents, extractions):
        if extraction["kind"] == "notice":
            item = vacancy_from_document(document, extraction)
        else:
            item = candidate_from_document(document, extraction)
        items.append((path, document, extraction, item))
    return items


def load_vacancy(path: Path, matcher: Matcher) -> Vacancy:
    return load_items([path], matcher, "notice")[0][3]


def load_candidate(path: Path, matcher: Matcher) -> Candidate:
    return load_items([path], matcher, "cv")[0][3]


def item_parts(item: Vacancy | Candidate) -> dict[str, list[str]]:
    return vacancy_parts(item) if isinstance(item, Vacancy) else candidate_parts(item)


def build_entries(paths: list[Path], matcher: Matcher, kind: str | None = None,
                  errors: list[str] | None = None) -> list[IndexEntry]:
    """Read, extract (one pipeline stream) and encode (one encoder call) a batch of files into
    index entries; a file that cannot be read is reported in `errors` and skipped."""
    items = load_items(paths, matcher, kind, errors)
    entries = []
    for (path, document, extraction, _), encoded in zip(items, matcher.encode_many([item_parts(i[3]) for i in items])):
        sha = hashlib.sha256(document.text.encode("utf-8")).hexdigest()
        entries.append(IndexEntry(id=document.id, kind=extraction["kind"], source=str(path), sha256=sha,
                                  data=entry_data(extraction, matcher.terms(document.text)), parts=encoded,
                                  vector=doc_vector(encoded)))
    return entries


def open_index(path: Path, settings: MatchSettings, create: bool = False, approximate: str | None = None) -> IndexStore:
    return IndexStore.open(path, settings.vector_model, create=create, approximate=approximate)


def index_add(index_path: Path, paths: list[Path], settings: MatchSettings | None = None, kind: str | None = None,
              approximate: str | None = None, progress: Callable[[Iterable], Iterable] | None = None) -> dict:
    """Add or update documents; an unreadable file is reported and skipped, the rest are saved.
    Work is saved at least every CHECKPOINT_SECONDS so a long run that dies keeps most of it.
    Returns counts per outcome and the errors."""
    settings = settings or MatchSettings.from_env()
    if settings.mode == "requirements":
        settings = MatchSettings(**{**settings.__dict__, "mode": "full"})
    matcher = Matcher(settings)
    files = document_files(paths)
    store = open_index(index_path, settings, create=True, approximate=approximate)
    outcome = {"added": 0, "updated": 0, "unchanged": 0, "failed": 0, "errors": []}
    batches = [files[i:i + BATCH_FILES] for i in range(0, len(files), BATCH_FILES)]
    with store.locked():
        dirty, last_save = False, time.monotonic()
        for batch in (progress(batches) if progress else batches):
            for entry in build_entries(batch, matcher, kind, outcome["errors"]):
                change = store.upsert(entry)
                outcome[change] += 1
                dirty = dirty or change != "unchanged"
            if dirty and time.monotonic() - last_save > CHECKPOINT_SECONDS:
                store.save()
                dirty, last_save = False, time.monotonic()
        if dirty:
            store.save()
    outcome["failed"] = len(outcome["errors"])
    return outcome


def index_remove(index_path: Path, doc_ids: list[str], settings: MatchSettings | None = None) -> list[str]:
    settings = settings or MatchSettings.from_env()
    store = open_index(index_path, settings)
    with store.locked():
        removed = [store.remove(doc_id).id for doc_id in doc_ids]
        store.save()
    return removed


def rank(vacancy_path: Path, candidates: Path | None = None, index_path: Path | None = None, top: int | None = 10,
         settings: MatchSettings | None = None, matcher: Matcher | None = None,
         errors: list[str] | None = None) -> list[Match]:
    """Recruiter view: the candidates of a folder (or an index) ranked for one vacancy."""
    matcher = matcher or Matcher(settings)
    vacancy = load_vacancy(vacancy_path, matcher)
    if index_path is not None:
        encoded = matcher.encode_query(vacancy)            # once: for the search and for the scores
        entries = _shortlist(index_path, "cv", encoded, matcher.settings)
        return matcher.rank_candidates(vacancy, [e.as_candidate() for e in entries], top,
                                       candidate_vectors=[e.parts for e in entries], vacancy_vectors=encoded)
    if candidates is None:
        raise JobmatchError("give --candidates DIR or --index PATH")
    loaded = [item for *_, item in load_items(document_files([candidates]), matcher, "cv", errors)]
    if not loaded:
        raise JobmatchError(f"no candidate in {candidates} could be read")
    return matcher.rank_candidates(vacancy, loaded, top,
                                   candidate_vectors=matcher.encode_many([candidate_parts(c) for c in loaded]))


def search(cv_path: Path, index_path: Path, top: int | None = 10, settings: MatchSettings | None = None,
           matcher: Matcher | None = None) -> list[Match]:
    """Candidate view: the openings in an index ranked for one CV, each with what the CV lacks."""
    matcher = matcher or Matcher(settings)
    candidate = load_candidate(cv_path, matcher)
    encoded = matcher.encode_query(candidate)              # once: for the search and for the scores
    entries = _shortlist(index_path, "notice", encoded, matcher.settings)
    return matcher.rank_vacancies(candidate, [e.as_vacancy() for e in entries], top,
                                  vacancy_vectors=[e.parts for e in entries], candidate_vectors=encoded)


KIND_NAMES = {"cv": "CVs", "notice": "vacancy notices"}


def _shortlist(index_path: Path, kind: str, query_parts: dict, settings: MatchSettings,
               store: IndexStore | None = None) -> list[IndexEntry]:
    """The indexed documents of a kind re-scored in full: all of them when the index is small,
    else the `settings.shortlist` nearest by the FAISS search (`store`: one already open)."""
    store = store or open_index(index_path, settings)
    ids = store.ids(kind)
    if not ids:
        raise JobmatchError(f"the index {index_path} holds no {KIND_NAMES[kind]}")
    query = doc_vector(query_parts) if query_parts else None
    if len(ids) <= settings.shortlist or query is None:
        return [store.get(i) for i in ids]
    return [store.get(i) for i, _ in store.search(kind, query, settings.shortlist)]
