"""SkillSpan test (Zhang et al., NAACL 2022): jobmatch's competency tagging on the test sentences,
strict and partial span P/R/F1 for SKILL, KNOWLEDGE and both merged, beside the published figure
and the peers the harness can run.

Sentences are detokenised by joining tokens with one space, so that every token keeps known
character offsets; a predicted character span becomes the tokens it overlaps. Mapping of our
COMPETENCY spans: behavioural competencies (taxonomy type core / functional / managerial) are
SKILL, everything else (named skills, tools, standards, domains) is KNOWLEDGE. The merged figure
compares all our spans with the union of both gold layers and does not depend on that mapping."""

from __future__ import annotations

import json
import time
from collections.abc import Sequence
from pathlib import Path

from jobmatch.errors import JobmatchError
from jobmatch.evaluate.extraction import span_scores

# Zhang et al. 2022, Table 4 (test, strict span F1): the best domain-adapted BERT models reach about 0.6.
PUBLISHED = {"merged_strict_f1": 0.6, "source": "Zhang et al., SkillSpan, NAACL 2022: best domain-adapted "
                                                 "BERT models, about 0.6 span-F1 on test"}
SKILL_TYPES = {"core", "functional", "managerial"}
LAYERS = {"SKILL": "tags_skill", "KNOWLEDGE": "tags_knowledge"}


def read_sentences(path: Path) -> list[dict]:
    sentences = []
    with path.open(encoding="utf-8") as handle:
        for line_no, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                tokens = row["tokens"]
                if any(len(row[tag]) != len(tokens) for tag in LAYERS.values()):
                    raise ValueError("tags and tokens differ in length")
            except (json.JSONDecodeError, KeyError, TypeError, ValueError) as exc:
                raise JobmatchError(f"{path}:{line_no}: not a SkillSpan sentence ({exc})") from None
            sentences.append(row)
    return sentences


def detokenise(tokens: Sequence[str]) -> tuple[str, list[tuple[int, int]]]:
    """Text with single spaces between tokens, and each token's (start, end) in it."""
    offsets, position = [], 0
    for token in tokens:
        offsets.append((position, position + len(token)))
        position += len(token) + 1
    return " ".join(tokens), offsets


def bio_spans(tags: Sequence[str], label: str) -> list[dict]:
    """Token spans (inclusive end) of a BIO sequence; an I- without a B- opens a span too."""
    spans, start = [], None
    for i, tag in enumerate([*tags, "O"]):
        if tag.startswith("B") or tag == "O":
            if start is not None:
                spans.append({"label": label, "start": start, "end": i - 1})
                start = None
            if tag.startswith("B"):
                start = i
        elif tag.startswith("I") and start is None:
            start = i
    return spans


def token_span(start: int, end: int, offsets: Sequence[tuple[int, int]]) -> tuple[int, int] | None:
    """The tokens a character span [start, end) overlaps, as (first, last) token indices."""
    covered = [i for i, (a, b) in enumerate(offsets) if a < end and b > start]
    return (covered[0], covered[-1]) if covered else None


def skillspan_label(span: dict) -> str:
    kind = (span.get("attrs") or {}).get("type")
    ident = (span.get("attrs") or {}).get("id") or ""
    return "SKILL" if kind in SKILL_TYPES or ident.startswith(("core.", "functional.")) else "KNOWLEDGE"


def to_token_spans(char_spans: Sequence[dict], offsets: Sequence[tuple[int, int]], typed: bool) -> list[dict]:
    out, seen = [], set()
    for span in char_spans:
        tokens = token_span(span["start"], span["end"], offsets)
        if tokens is None:
            continue
        label = skillspan_label(span) if typed else "COMPETENCY"
        key = (label, *tokens)
        if key not in seen:
            seen.add(key)
            out.append({"label": label, "start": tokens[0], "end": tokens[1]})
    return out


def _score_rows(gold_typed: list[list[dict]], pred_typed: list[list[dict]],
                gold_merged: list[list[dict]], pred_merged: list[list[dict]]) -> dict:
    # span_scores takes exclusive ends; token spans here are inclusive, so shift by one.
    def shift(docs):
        return [[{**s, "end": s["end"] + 1} for s in doc] for doc in docs]
    typed = span_scores(shift(gold_typed), shift(pred_typed), ("SKILL", "KNOWLEDGE"))
    merged = span_scores(shift(gold_merged), shift(pred_merged), ("COMPETENCY",))
    rows = {}
    for name, block in (("SKILL", typed["labels"].get("SKILL")), ("KNOWLEDGE", typed["labels"].get("KNOWLEDGE")),
                        ("merged", merged["labels"].get("COMPETENCY"))):
        if block:
            rows[name] = {scheme: {m: block[scheme][m] for m in ("precision", "recall", "f1")}
                          for scheme in ("strict", "partial")} | {"gold": block["gold"], "predicted": block["predicted"]}
    return rows


TAGGER = "jobmatch_competency_tagger"
# Issue 7 asks to tell "our corpus only" from "with SkillSpan train": the training record says which.
TRAINING_NAMES = {True: "trained with SkillSpan train", False: "trained on our corpus only",
                  None: "training data not recorded"}


def training_name(meta: dict) -> str:
    return TRAINING_NAMES[(meta.get("jobmatch_training") or {}).get("skillspan")]


def variant_tagger_dirs(tagger_dir: Path | None = None) -> list[Path]:
    """The other trained taggers saved beside the shipped one (`models/competency-tagger-*`, e.g.
    the SkillSpan-trained variant), each reported as its own system."""
    from jobmatch.pipeline.competency_tagger import DEFAULT_TAGGER_DIR

    shipped = Path(tagger_dir or DEFAULT_TAGGER_DIR)
    return sorted(p for p in shipped.parent.glob(f"{shipped.name}-*") if (p / "config.cfg").is_file())


def variant_pipeline(tagger_dir: Path):
    """The extraction pipeline from its config with this tagger (in memory, nothing saved)."""
    import srsly

    from jobmatch.pipeline.build import _add_tagger, build_pipeline

    nlp = build_pipeline()
    _add_tagger(nlp, tagger_dir)
    nlp.meta["jobmatch_training"] = srsly.read_json(tagger_dir / "meta.json").get("jobmatch_training")
    return nlp


def jobmatch_spans(texts: Sequence[str], nlp=None) -> tuple[list[list[dict]], float, str]:
    """COMPETENCY spans of jobmatch's pipeline (default: the shipped one) for each sentence, the
    seconds it took, the pipeline name."""
    from jobmatch import load
    from jobmatch.extract import extract_documents
    from jobmatch.model import Document

    nlp = nlp or load()
    name = f"{nlp.meta.get('name', 'pipeline')} {nlp.meta.get('version', '')} ({', '.join(nlp.pipe_names)})"
    if TAGGER in nlp.pipe_names:
        name += f"; tagger {training_name(nlp.meta)}"
    documents = [Document(id=f"s{i}", source="skillspan", format="text", text=t) for i, t in enumerate(texts)]
    started = time.perf_counter()
    results = list(extract_documents(documents, kind="notice", nlp=nlp, batch_size=256))
    seconds = time.perf_counter() - started
    return [[s for s in r["spans"] if s["label"] == "COMPETENCY"] for r in results], seconds, name


def tagger_speed(nlp, texts: Sequence[str]) -> float | None:
    """Sentences per second of the trained tagger alone (one process), beside the whole pipeline's."""
    if TAGGER not in nlp.pipe_names or not texts:
        return None
    tagger = nlp.get_pipe(TAGGER)
    started = time.perf_counter()
    tagger.tag_texts(list(texts))
    return len(texts) / (time.perf_counter() - started)


def jobmatch_system(nlp, gold_typed, gold_merged, texts, offsets) -> dict:
    predicted, seconds, pipeline = jobmatch_spans(texts, nlp)
    training = training_name(nlp.meta) if TAGGER in nlp.pipe_names else "rules only"
    return {"available": True, "pipeline": pipeline, "tagger": training, "sentences_per_s": len(texts) / seconds,
            "tagger_sentences_per_s": tagger_speed(nlp, texts),
            **_score_rows(gold_typed, [to_token_spans(p, o, True) for p, o in zip(predicted, offsets)],
                          gold_merged, [to_token_spans(p, o, False) for p, o in zip(predicted, offsets)])}


def evaluate_skillspan(folder: Path, settings=None, split: str = "test") -> dict:
    sentences = read_sentences(folder / f"{split}.jsonl")
    texts, offsets = zip(*(detokenise(s["tokens"]) for s in sentences)) if sentences else ((), ())
    gold_typed = [[*bio_spans(s["tags_skill"], "SKILL"), *bio_spans(s["tags_knowledge"], "KNOWLEDGE")]
                  for s in sentences]
    gold_merged = []
    for doc in gold_typed:
        unique = {(s["start"], s["end"]) for s in doc}
        gold_merged.append([{"label": "COMPETENCY", "start": a, "end": b} for a, b in sorted(unique)])
    from jobmatch import load

    shipped = load()
    systems = {"jobmatch": jobmatch_system(shipped, gold_typed, gold_merged, texts, offsets)}
    for tagger_dir in variant_tagger_dirs() if TAGGER in shipped.pipe_names else ():
        variant = variant_pipeline(tagger_dir)
        systems[f"jobmatch, tagger {training_name(variant.meta)}"] = jobmatch_system(
            variant, gold_typed, gold_merged, texts, offsets)
    if settings is None or settings.peers:
        from jobmatch.evaluate.peers import PeerUnavailable, load_peers
        for peer in load_peers():
            if isinstance(peer, PeerUnavailable):
                systems[peer.name] = {"available": False, "reason": peer.reason}
                continue
            started = time.perf_counter()
            spans = peer.tag(list(texts))
            elapsed = time.perf_counter() - started
            merged = [to_token_spans(p, o, False) for p, o in zip(spans, offsets)]
            systems[peer.name] = {"available": True, "sentences_per_s": len(texts) / elapsed,
                                  **_score_rows(gold_typed, [[] for _ in merged], gold_merged, merged)}
            # A peer without SKILL/KNOWLEDGE types is scored on the merged layer only.
            systems[peer.name] = {k: v for k, v in systems[peer.name].items() if k not in ("SKILL", "KNOWLEDGE")}
    return {"split": split, "sentences": len(sentences),
            "gold_spans": {"SKILL": sum(s["label"] == "SKILL" for d in gold_typed for s in d),
                           "KNOWLEDGE": sum(s["label"] == "KNOWLEDGE" for d in gold_typed for s in d)},
            "published": PUBLISHED, "mapping": "COMPETENCY of taxonomy type core/functional/managerial -> SKILL; "
                                               "all other COMPETENCY spans -> KNOWLEDGE; merged = either layer",
            "systems": systems}
