"""Derive the offset spans, TREC qrels and document splits from the hand-written annotations."""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path

from jobmatch.corpus.loader import Corpus, cluster_of, load_corpus

# Share of each cluster's notice groups per split; a group is a notice and the CVs written for it,
# so no CV lands in a split apart from the notice it answers.
SPLIT_SHARES = (("test", 2), ("dev", 2), ("train", 5))


def _stable_key(text: str) -> str:
    return hashlib.sha256(f"jobmatch-split-v1:{text}".encode()).hexdigest()


def assign_splits(corpus: Corpus) -> dict[str, list[str]]:
    """Deterministic group-wise split: per cluster, notices ordered by a hash take 2/2/5 of 9."""
    groups: dict[str, list[str]] = {}
    for doc in corpus.documents.values():
        if doc.kind == "notice":
            groups.setdefault(doc.id, []).append(doc.id)
    orphans = []
    for doc in corpus.documents.values():
        if doc.kind == "cv":
            target = doc.annotation.get("written_for")
            if target in groups:
                groups[target].append(doc.id)
            else:
                orphans.append(doc.id)
    splits: dict[str, list[str]] = {"train": [], "dev": [], "test": []}
    by_cluster: dict[str, list[str]] = {}
    for notice_id in groups:
        by_cluster.setdefault(cluster_of(notice_id), []).append(notice_id)
    total_share = sum(share for _, share in SPLIT_SHARES)
    for cluster, notice_ids in sorted(by_cluster.items()):
        ordered = sorted(notice_ids, key=_stable_key)
        cursor = 0
        for name, share in SPLIT_SHARES:
            count = round(len(ordered) * share / total_share) if name != "train" else len(ordered) - cursor
            for notice_id in ordered[cursor:cursor + count]:
                splits[name].extend(groups[notice_id])
            cursor += count
    for doc_id in orphans:  # CVs written for no notice go to train, never to test
        splits["train"].append(doc_id)
    return {name: sorted(ids) for name, ids in splits.items()}


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_atomic(path: Path, text: str) -> None:
    """Write to a temporary file beside the target, fsync, rename: readers never see half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        os.fchmod(fd, 0o666 & ~_umask())   # mkstemp makes 0600; the file should read like any other
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _trec(qrels: dict[str, dict[str, int]]) -> str:
    lines = [f"{q} 0 {d} {g}" for q in sorted(qrels) for d, g in sorted(qrels[q].items())]
    return "\n".join(lines) + ("\n" if lines else "")


def build_corpus(root: Path) -> str:
    """Write spans.jsonl, qrels/*.trec and splits.json; returns a one-line summary."""
    corpus = load_corpus(root)
    lines = []
    for doc in sorted(corpus.documents.values(), key=lambda d: d.id):
        record = {
            "id": doc.id, "kind": doc.kind, "language": doc.language,
            "path": str(doc.path.relative_to(root)),
            "text_sha256": hashlib.sha256(doc.text.encode()).hexdigest(),
            "spans": [s.to_json() for s in sorted(doc.spans, key=lambda s: (s.start, s.end, s.label))],
        }
        lines.append(json.dumps(record, ensure_ascii=False))
    write_atomic(root / "spans.jsonl", "\n".join(lines) + "\n")
    write_atomic(root / "qrels" / "recruiter.trec", _trec(corpus.qrels("recruiter")))
    write_atomic(root / "qrels" / "candidate.trec", _trec(corpus.qrels("candidate")))
    splits = assign_splits(corpus)
    write_atomic(root / "splits.json", json.dumps(splits, indent=1) + "\n")
    return (f"{len(corpus.documents)} documents, {sum(len(d.spans) for d in corpus.documents.values())} spans, "
            f"{len(corpus.judgments)} judgments; splits " +
            ", ".join(f"{k}={len(v)}" for k, v in splits.items()))
