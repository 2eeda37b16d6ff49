"""A persistent FAISS index of vacancies and CVs with their metadata.

Layout of an index folder:

    CURRENT                 name of the live generation ("gen-000007")
    gen-000007/manifest.json  model, dimension, per kind: count, sizes and checksums of the files
    gen-000007/<kind>.faiss   one unit vector per document (inner product = cosine)
    gen-000007/<kind>.parts.npy  passage vectors (float16) used to re-score a shortlist
    gen-000007/<kind>.jsonl   one line per document: id, source, sha256, version, requirements/profile...
    gen-000007/<kind>.terms.npz  each document's weighted terms (lexical feature) as flat arrays

Every write builds a whole new generation in a temporary folder, fsyncs it, renames it into place
and only then swaps CURRENT (write, fsync, rename): a crash or kill at any point leaves the previous
generation live and loadable. Loading checks that vectors and metadata agree."""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import re
import shutil
import time
import zlib
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from jobmatch.errors import IndexStoreError, UnknownIdError
from jobmatch.model import Candidate, Document, NoticeHeader, Profile, Requirements, Span, Vacancy
from jobmatch.match.settings import model_settings_hint
from jobmatch.match.terms import TermTable

FORMAT_VERSION = 2      # 2: terms in <kind>.terms.npz, not in each jsonl line (1 is still read)
READABLE_FORMATS = (1, 2)
ENTRY_FORMAT = 2        # what an entry's data holds; an older entry is rebuilt even if its text is unchanged
KINDS = ("cv", "notice")
GENERATION = re.compile(r"^gen-(\d{6})$")
KEPT_SPAN_LABELS = {"COMPETENCY"}


@dataclass
class IndexEntry:
    """One indexed document: what scoring needs without re-reading the file."""
    id: str
    kind: str
    source: str
    sha256: str
    data: dict                                  # requirements + header (notice) or profile (CV), spans
    parts: dict[str, np.ndarray] = field(default_factory=dict)
    vector: np.ndarray | None = None
    version: int = 1
    added: str = ""
    updated: str = ""
    term_row: tuple[TermTable, int] | None = field(default=None, repr=False)   # terms once saved/loaded

    @property
    def terms(self) -> dict[str, float]:
        """The weighted terms: in `data` until the entry is saved, then a row of the index's table
        (an index of format 1 kept them in `data`)."""
        if self.term_row is not None:
            table, row = self.term_row
            return table.row(row)
        return self.data.get("terms") or {}

    def meta(self, part_rows: dict[str, list[int]]) -> dict:
        return {"id": self.id, "kind": self.kind, "source": self.source, "sha256": self.sha256,
                "version": self.version, "added": self.added, "updated": self.updated,
                "parts": part_rows, "data": self.data}

    def as_candidate(self) -> Candidate:
        data = self.data
        return Candidate(id=self.id, document=_stub_document(self, data), profile=Profile(**data.get("profile") or {}),
                         terms=self.terms)

    def as_vacancy(self) -> Vacancy:
        data = self.data
        header = data.get("header")
        return Vacancy(id=self.id, document=_stub_document(self, data), header=NoticeHeader(**header) if header else NoticeHeader(),
                       requirements=Requirements(**data.get("requirements") or {}),
                       terms=self.terms)


class StoredEntry(IndexEntry):
    """An entry loaded from an index: its metadata (profile/requirements, spans) stays the JSON
    line it was read from, compressed in one bytes object, and is parsed when read (the
    shortlist of a query).
    Parsed at load, every CV's dicts cost about 15 KB and give the garbage collector a hundred
    objects per CV to walk, which at 100,000 CVs slowed every query's scoring."""

    def __init__(self, line: bytes, faiss_row: tuple | None = None, **fields):
        self._line = zlib.compress(line, 1)      # JSON shrinks about 3x; inflating one takes microseconds
        self._data = None
        self._vector = None
        super().__init__(data=None, **fields)
        self._faiss_row = faiss_row              # (the loaded FAISS index, row): it holds the vector already

    @property
    def vector(self) -> np.ndarray | None:
        if self._vector is None and getattr(self, "_faiss_row", None) is not None:
            index, row = self._faiss_row
            return index.reconstruct(row)
        return self._vector

    @vector.setter
    def vector(self, value: np.ndarray | None) -> None:
        self._vector = value

    @property
    def data(self) -> dict:
        return self._data if self._data is not None else json.loads(zlib.decompress(self._line))["data"]

    @data.setter
    def data(self, value: dict | None) -> None:
        self._data = value


def _stub_document(entry: IndexEntry, data: dict) -> Document:
    """A text-less document carrying the spans kept in the index (competency evidence). The spans
    were validated when the entry was made, so they are built without validating again (a CV
    keeps about 25: validating them was half the cost of re-scoring a shortlist)."""
    return Document(id=entry.id, source=entry.source, format="index", text="",
                    spans=[Span.model_construct(**{"attrs": {}, **s}) for s in data.get("spans", [])])


def entry_data(extraction: dict, terms: dict[str, float]) -> dict:
    """What the index keeps of a document: requirements/profile, header, competency spans and the
    weighted terms of its text (the text itself is not kept)."""
    data = {k: extraction[k] for k in ("requirements", "profile", "header") if extraction.get(k) is not None}
    data["spans"] = [s for s in extraction.get("spans", []) if s["label"] in KEPT_SPAN_LABELS]
    data["terms"] = terms
    data["format"] = ENTRY_FORMAT
    return data


def _sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _fsync_path(path: Path) -> None:
    """fsync a written file or a folder (so a rename in it is durable)."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _write_bytes(path: Path, payload: bytes) -> None:
    with open(path, "wb") as handle:
        handle.write(payload)
        handle.flush()
        os.fsync(handle.fileno())


class IndexStore:
    """Documents by kind, their vectors and metadata; `save()` writes a new generation atomically."""

    def __init__(self, path: Path, model: str, dimension: int | None = None, approximate: str | None = None):
        self.path = Path(path)
        self.model = model
        self.dimension = dimension
        self.approximate = approximate            # None (exact IndexFlatIP) or "hnsw"
        self.generation = 0
        self.entries: dict[str, IndexEntry] = {}
        self._faiss: dict[str, object] = {}
        self._rows: dict[str, list[str]] = {}

    # -- loading ----------------------------------------------------------------------------
    @classmethod
    def open(cls, path: Path, model: str, create: bool = False, approximate: str | None = None) -> "IndexStore":
        """Load the live generation; `create` allows a folder that holds no index yet."""
        path = Path(path)
        current = path / "CURRENT"
        if not current.exists():
            if path.exists() and not path.is_dir():
                raise IndexStoreError(f"{path} is a file, not an index folder")
            if not create:
                raise IndexStoreError(f"no index at {path} (create one with `jobmatch index add FILES --index {path}`)")
            if path.exists() and any(p for p in path.iterdir() if not p.name.startswith(".")):
                raise IndexStoreError(f"{path} is not empty and holds no jobmatch index (no CURRENT file)")
            return cls(path, model, approximate=approximate)
        try:
            name = current.read_text("utf-8").strip()
        except (OSError, UnicodeDecodeError) as exc:
            raise IndexStoreError(f"index {path} is damaged: cannot read CURRENT: {exc}") from None
        if not GENERATION.match(name) or not (path / name).is_dir():
            raise IndexStoreError(f"index {path} is damaged: CURRENT names {name!r}, which is not there")
        store = cls(path, model)
        store._load_generation(path / name)
        if store.model != model:
            raise IndexStoreError(f"index {path} was built with embedding model {store.model!r}, but the settings "
                                  f"ask for {model!r}: vectors of two models are not comparable, so rebuild it "
                                  f"or set {model_settings_hint(store.model)}")
        return store

    def _load_generation(self, folder: Path) -> None:
        """Load one generation; any damage (truncated, garbled or missing files) is one clear error."""
        try:
            self._read_generation(folder)
        except IndexStoreError:
            raise
        except (OSError, ValueError, KeyError, TypeError, RuntimeError) as exc:
            raise IndexStoreError(f"index {self.path} is damaged: {type(exc).__name__}: {exc}"[:400]) from None

    def _read_generation(self, folder: Path) -> None:
        import faiss

        try:
            manifest = json.loads((folder / "manifest.json").read_text("utf-8"))
        except (OSError, ValueError) as exc:
            raise IndexStoreError(f"index {self.path} is damaged: cannot read manifest.json: {exc}") from None
        version = manifest.get("format_version")
        if version not in READABLE_FORMATS:
            raise IndexStoreError(f"index {self.path} has format {version}, "
                                  f"this jobmatch reads {', '.join(map(str, READABLE_FORMATS))}")
        self.model, self.dimension = manifest["model"], manifest["dimension"]
        self.approximate = manifest.get("approximate")
        self.generation = int(GENERATION.match(folder.name).group(1))
        for kind, info in manifest["kinds"].items():
            names = ("faiss", "parts.npy", "jsonl") + (("terms.npz",) if version >= 2 else ())
            files = {name: folder / f"{kind}.{name}" for name in names}
            for name, file in files.items():
                if not file.exists() or file.stat().st_size != info["sizes"][name]:
                    raise IndexStoreError(f"index {self.path} is inconsistent: {file.name} is missing or has "
                                          f"the wrong size")
            if _sha256_file(files["jsonl"]) != info["sha256_jsonl"]:
                raise IndexStoreError(f"index {self.path} is inconsistent: {kind}.jsonl does not match the manifest")
            index = faiss.read_index(str(files["faiss"]))
            parts = np.load(files["parts.npy"], allow_pickle=False)
            lines = files["jsonl"].read_bytes().splitlines()
            terms = TermTable.load(files["terms.npz"]) if "terms.npz" in files else None
            if not (index.ntotal == len(lines) == info["count"]) or len(parts) != info["part_rows"]:
                raise IndexStoreError(f"index {self.path} is inconsistent: {kind} has {index.ntotal} vectors, "
                                      f"{len(lines)} metadata lines, manifest says {info['count']}")
            if terms is not None and len(terms) != len(lines):
                raise IndexStoreError(f"index {self.path} is inconsistent: {kind}.terms.npz has {len(terms)} "
                                      f"documents, {kind}.jsonl {len(lines)}")
            rows = []
            for row, line in enumerate(lines):
                meta = json.loads(line)
                entry = StoredEntry(line, faiss_row=(index, row), id=meta["id"], kind=kind, source=meta["source"],
                                    sha256=meta["sha256"], version=meta["version"], added=meta["added"],
                                    updated=meta["updated"])
                # float16 views into the one array: scoring widens a shortlist's rows when it stacks
                # them (`scoring.Runs`), so a loaded CV holds no float32 copy (4.6 KB saved per CV)
                entry.parts = {p: parts[a:b] for p, (a, b) in meta["parts"].items()}
                if terms is not None:
                    entry.term_row = (terms, row)
                self.entries[entry.id] = entry
                rows.append(entry.id)
            self._faiss[kind] = index
            self._rows[kind] = rows

    # -- changes ----------------------------------------------------------------------------
    def upsert(self, entry: IndexEntry) -> str:
        """Add or replace one document; returns "added", "updated" or "unchanged"."""
        now = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
        old = self.entries.get(entry.id)
        if (old is not None and old.sha256 == entry.sha256 and old.kind == entry.kind
                and old.data.get("format") == entry.data.get("format")):
            return "unchanged"
        if entry.vector is not None:
            if self.dimension is None:
                self.dimension = int(entry.vector.shape[0])
            elif entry.vector.shape[0] != self.dimension:
                raise IndexStoreError(f"{entry.source}: vector dimension {entry.vector.shape[0]} does not match "
                                      f"the index ({self.dimension})")
        entry.added = old.added if old else now
        entry.version = old.version + 1 if old else 1
        entry.updated = now
        self.entries[entry.id] = entry
        self._faiss.clear()
        return "updated" if old else "added"

    def remove(self, doc_id: str) -> IndexEntry:
        if doc_id not in self.entries:
            raise UnknownIdError(f"no document with id {doc_id!r} in the index {self.path}")
        self._faiss.clear()
        return self.entries.pop(doc_id)

    def ids(self, kind: str | None = None) -> list[str]:
        return sorted(i for i, e in self.entries.items() if kind is None or e.kind == kind)

    def get(self, doc_id: str) -> IndexEntry:
        try:
            return self.entries[doc_id]
        except KeyError:
            raise UnknownIdError(f"no document with id {doc_id!r} in the index {self.path}") from None

    # -- search -----------------------------------------------------------------------------
    def _build(self, kind: str):
        import faiss

        ids = self.ids(kind)
        vectors = np.vstack([self.entries[i].vector for i in ids]).astype(np.float32) if ids else \
            np.zeros((0, self.dimension or 1), dtype=np.float32)
        dim = vectors.shape[1]
        if self.approximate == "hnsw":
            index = faiss.IndexHNSWFlat(dim, 32, faiss.METRIC_INNER_PRODUCT)
            index.hnsw.efConstruction = 80
            index.hnsw.efSearch = 128
        else:
            index = faiss.IndexFlatIP(dim)
        if len(vectors):
            index.add(vectors)
        self._faiss[kind] = index
        self._rows[kind] = ids
        return index

    def search(self, kind: str, query: np.ndarray, k: int) -> list[tuple[str, float]]:
        """The k nearest documents of a kind to a unit query vector, by cosine."""
        import faiss

        index = self._faiss.get(kind) or self._build(kind)
        if index.ntotal == 0:
            return []
        faiss.omp_set_num_threads(1)      # one query: threads cost more than they save (12 vs 46 ms at 100k)
        scores, rows = index.search(np.asarray(query, dtype=np.float32).reshape(1, -1), min(k, index.ntotal))
        ids = self._rows[kind]
        return [(ids[r], float(s)) for s, r in zip(scores[0], rows[0]) if r >= 0]

    # -- saving -----------------------------------------------------------------------------
    @contextmanager
    def locked(self):
        """An exclusive lock on the index folder for the duration of a change."""
        try:
            self.path.mkdir(parents=True, exist_ok=True)
            handle = open(self.path / ".lock", "w")
        except OSError as exc:
            raise IndexStoreError(f"cannot write to the index {self.path}: {exc.strerror or exc}") from None
        with handle:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                raise IndexStoreError(f"index {self.path} is being changed by another process") from None
            try:
                yield self
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)

    def save(self) -> Path:
        """Write a new generation beside the live one, then switch CURRENT to it. A failure
        (disk full, no permission) leaves the live generation as it was."""
        try:
            return self._write_generation()
        except OSError as exc:
            raise IndexStoreError(f"cannot write the index {self.path}: {exc.strerror or exc} "
                                  f"(the previous version is intact)") from None

    def _write_generation(self) -> Path:
        import faiss

        self.path.mkdir(parents=True, exist_ok=True)
        for stale in self.path.glob(".gen-*.tmp*"):
            shutil.rmtree(stale, ignore_errors=True)
        generation = max([self.generation] + [int(m.group(1)) for p in self.path.iterdir()
                                              if (m := GENERATION.match(p.name))]) + 1
        name = f"gen-{generation:06d}"
        tmp = self.path / f".{name}.tmp{os.getpid()}"
        tmp.mkdir()
        manifest = {"format_version": FORMAT_VERSION, "model": self.model, "dimension": self.dimension,
                    "approximate": self.approximate, "generation": generation,
                    "written": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), "kinds": {}}
        tables: dict[str, tuple[TermTable, list[str]]] = {}
        for kind in KINDS:
            ids = self.ids(kind)
            if not ids:
                continue
            index = self._faiss.get(kind) or self._build(kind)
            lines, blocks, row = [], [], 0
            for doc_id in ids:
                entry = self.entries[doc_id]
                part_rows = {}
                for part, vectors in entry.parts.items():
                    part_rows[part] = [row, row + len(vectors)]
                    row += len(vectors)
                    blocks.append(vectors)
                meta = entry.meta(part_rows)
                meta["data"] = {k: v for k, v in entry.data.items() if k != "terms"}
                lines.append(json.dumps(meta, ensure_ascii=False))
            terms = TermTable.from_dicts([self.entries[i].terms for i in ids])
            tables[kind] = (terms, ids)
            parts = np.vstack(blocks).astype(np.float16) if blocks else np.zeros((0, self.dimension or 1), np.float16)
            faiss.write_index(index, str(tmp / f"{kind}.faiss"))
            with open(tmp / f"{kind}.parts.npy", "wb") as handle:
                np.save(handle, parts, allow_pickle=False)
                handle.flush()
                os.fsync(handle.fileno())
            _write_bytes(tmp / f"{kind}.jsonl", ("\n".join(lines) + "\n").encode("utf-8"))
            with open(tmp / f"{kind}.terms.npz", "wb") as handle:
                terms.save(handle)
                handle.flush()
                os.fsync(handle.fileno())
            _fsync_path(tmp / f"{kind}.faiss")
            manifest["kinds"][kind] = {
                "count": len(ids), "part_rows": int(len(parts)),
                "sizes": {n: (tmp / f"{kind}.{n}").stat().st_size for n in ("faiss", "parts.npy", "jsonl", "terms.npz")},
                "sha256_jsonl": _sha256_file(tmp / f"{kind}.jsonl")}
        _write_bytes(tmp / "manifest.json", json.dumps(manifest, indent=1).encode("utf-8"))
        _fsync_path(tmp)
        os.rename(tmp, self.path / name)
        _fsync_path(self.path)
        pointer = self.path / f".CURRENT.tmp{os.getpid()}"
        _write_bytes(pointer, (name + "\n").encode("utf-8"))
        os.replace(pointer, self.path / "CURRENT")
        _fsync_path(self.path)
        # keep the generation just replaced for readers that opened it a moment ago; drop older ones
        previous = self.generation
        self.generation = generation
        for old in self.path.iterdir():
            m = GENERATION.match(old.name)
            if m and int(m.group(1)) < generation and int(m.group(1)) != previous:
                shutil.rmtree(old, ignore_errors=True)
        for terms, ids in tables.values():      # saved: the entries' term dicts give way to the table
            for row, doc_id in enumerate(ids):
                entry = self.entries[doc_id]
                entry.data.pop("terms", None)
                entry.term_row = (terms, row)
        return self.path / name

    # -- reporting --------------------------------------------------------------------------
    def stats(self) -> dict:
        folder = self.path / f"gen-{self.generation:06d}"
        size = sum(p.stat().st_size for p in folder.iterdir()) if folder.is_dir() else 0
        counts = {kind: len(self.ids(kind)) for kind in KINDS}
        return {"path": str(self.path), "generation": self.generation, "model": self.model,
                "dimension": self.dimension, "index_type": "IndexHNSWFlat" if self.approximate == "hnsw" else "IndexFlatIP",
                "documents": counts, "bytes_on_disk": size,
                "bytes_per_document": round(size / max(1, sum(counts.values())))}

