"""Extraction quality against the gold corpus: span P/R/F1 (nervaluate) and normalised attributes.

Strict = exact boundaries and label; partial = nervaluate's partial scheme (an overlapping span of
the same label counts half, an exact one fully), computed per label so that overlapping spans of
other labels (an EXPERIENCE job title inside a line with an ORG) never count for each other."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from nervaluate import Evaluator
from nervaluate.entities import EvaluationResult

from jobmatch.evaluate.dataset import EvalDocument

LABELS = ("COMPETENCY", "DEGREE", "FIELD", "EXPERIENCE", "LANGUAGE", "ORG", "DATE_RANGE")
SCHEMES = ("strict", "partial")
COUNTS = ("correct", "incorrect", "partial", "missed", "spurious")


def _entities(spans: Iterable[dict], labels: Sequence[str]) -> list[dict]:
    # nervaluate's ends are inclusive; ours are exclusive.
    return [{"label": s["label"], "start": s["start"], "end": s["end"] - 1}
            for s in spans if s["label"] in labels and s["end"] > s["start"]]


def _figures(result: EvaluationResult) -> dict:
    return {"precision": result.precision, "recall": result.recall, "f1": result.f1,
            **{name: getattr(result, name) for name in COUNTS}}


def span_scores(gold: Sequence[Iterable[dict]], predicted: Sequence[Iterable[dict]],
                labels: Sequence[str] = LABELS) -> dict:
    """Per-label, micro and macro P/R/F1 (strict and partial) over parallel lists of documents."""
    true = [_entities(doc, labels) for doc in gold]
    pred = [_entities(doc, labels) for doc in predicted]
    if not true:
        return {"documents": 0, "labels": {}, "micro": {}, "macro": {}}
    entities = Evaluator(true, pred, tags=list(labels), loader="dict").evaluate()["entities"]
    per_label: dict[str, dict] = {}
    micro = {scheme: EvaluationResult() for scheme in SCHEMES}
    for label in labels:
        n_gold = sum(e["label"] == label for doc in true for e in doc)
        n_pred = sum(e["label"] == label for doc in pred for e in doc)
        if not n_gold and not n_pred:
            continue
        row = {"gold": n_gold, "predicted": n_pred}
        for scheme in SCHEMES:
            result = entities.get(label, {}).get(scheme) or EvaluationResult(missed=n_gold, spurious=n_pred)
            for name in COUNTS:
                setattr(micro[scheme], name, getattr(micro[scheme], name) + getattr(result, name))
            result.compute_metrics(partial_or_type=scheme == "partial")
            row[scheme] = _figures(result)
        per_label[label] = row
    for scheme, result in micro.items():
        result.compute_metrics(partial_or_type=scheme == "partial")
    scored = [row for row in per_label.values() if row["gold"]]
    macro = {scheme: {m: (sum(row[scheme][m] for row in scored) / len(scored) if scored else 0.0)
                      for m in ("precision", "recall", "f1")} for scheme in SCHEMES}
    return {"documents": len(true), "labels": per_label,
            "micro": {scheme: _figures(result) for scheme, result in micro.items()}, "macro": macro}


# --- normalised attributes -------------------------------------------------------------------

def _overlap(a: dict, b: dict) -> int:
    return max(0, min(a["end"], b["end"]) - max(a["start"], b["start"]))


def _span_dict(span) -> dict:
    return span if isinstance(span, dict) else span.to_json()


SPAN_ATTRIBUTES: dict[str, tuple[str, Callable[[dict], object]]] = {
    "degree_level": ("DEGREE", lambda a: a.get("level")),
    "field_code": ("FIELD", lambda a: a.get("isced_f")),
    "competency_id": ("COMPETENCY", lambda a: a.get("id")),
    "language": ("LANGUAGE", lambda a: (a.get("lang"), a.get("level"))),
}


def span_attribute_pairs(gold: Iterable[dict], predicted: Iterable[dict], label: str) -> list[tuple[dict, dict]]:
    """Each gold span of `label` with the predicted span of that label it overlaps most (if any)."""
    candidates = [p for p in predicted if p["label"] == label]
    pairs = []
    for g in gold:
        if g["label"] != label:
            continue
        best = max(candidates, key=lambda p: _overlap(g, p), default=None)
        if best is not None and _overlap(g, best) > 0:
            pairs.append((g, best))
    return pairs


def _need_key(need: dict) -> tuple:
    # A named language and a choice are told apart by the tuple, so that keys sort together.
    choice = (need.get("language"),) if need.get("language") else tuple(sorted(need.get("any_of") or ()))
    return (choice, need.get("level") or "")


def _same_years(tolerance: float) -> Callable[[object, object], bool]:
    def same(gold, pred) -> bool:
        if gold is None or pred is None:
            return gold is None and pred is None
        return abs(float(gold) - float(pred)) <= tolerance + 1e-9
    return same


def _equal(gold, pred) -> bool:
    return gold == pred


def document_attributes(kind: str, years_tolerance: float) -> dict[str, tuple[Callable[[dict], object], Callable]]:
    """Name -> (getter on requirements/profile, comparison) for the document-level gold of a kind."""
    exact_years = _same_years(0.0)
    if kind == "notice":
        return {
            "min_level": (lambda r: (r.get("education") or {}).get("min_level"), _equal),
            "fields": (lambda r: sorted(set((r.get("education") or {}).get("fields") or [])), _equal),
            "min_years": (lambda r: (r.get("experience") or {}).get("min_years"), exact_years),
            "international_years": (lambda r: (r.get("experience") or {}).get("international_years"), exact_years),
            "required_languages": (lambda r: sorted(_need_key(n) for n in (r.get("languages") or {}).get("required") or []),
                                   _equal),
        }
    return {
        "total_years": (lambda p: p.get("total_years"), _same_years(years_tolerance)),
        "international_years": (lambda p: p.get("international_years"), _same_years(years_tolerance)),
        "highest_level": (lambda p: p.get("highest_level"), _equal),
        "languages": (lambda p: sorted({(x.get("language") or "", x.get("level") or "") for x in p.get("languages") or []}), _equal),
    }


def _accuracy(hits: int, n: int) -> dict:
    return {"accuracy": hits / n if n else None, "n": n}


def attribute_accuracy(documents: Sequence[EvalDocument], years_tolerance: float) -> dict:
    """Share of normalised values read right: on spans (among gold spans found) and per document."""
    result: dict[str, dict] = {"span": {}, "notice": {}, "cv": {}}
    for name, (label, value) in SPAN_ATTRIBUTES.items():
        hits = n = 0
        for doc in documents:
            gold = [_span_dict(s) for s in doc.gold.spans]
            for g, p in span_attribute_pairs(gold, doc.extraction["spans"], label):
                n += 1
                hits += value(g["attrs"] or {}) == value(p.get("attrs") or {})
        if n:
            result["span"][name] = _accuracy(hits, n)
    for kind, key in (("notice", "requirements"), ("cv", "profile")):
        docs = [d for d in documents if d.kind == kind]
        for name, (value, same) in document_attributes(kind, years_tolerance).items():
            hits = sum(bool(same(value(d.gold.annotation.get(key) or {}), value(d.extraction.get(key) or {})))
                       for d in docs)
            if docs:
                result[kind][name] = _accuracy(hits, len(docs))
    return {k: v for k, v in result.items() if v}


def document_groups(documents: Sequence[EvalDocument]) -> dict[str, list[EvalDocument]]:
    """all, per kind (notice / cv) and per document language (en / fr / es ...)."""
    groups = {"all": list(documents)}
    for kind in ("notice", "cv"):
        groups[kind] = [d for d in documents if d.kind == kind]
    for language in sorted({d.language for d in documents}):
        groups[language] = [d for d in documents if d.language == language]
    return {name: docs for name, docs in groups.items() if docs}


def evaluate_extraction(documents: Sequence[EvalDocument], years_tolerance: float = 0.5) -> dict:
    """Span scores and attribute accuracy for every document group."""
    out = {}
    for name, docs in document_groups(documents).items():
        spans = span_scores([[_span_dict(s) for s in d.gold.spans] for d in docs],
                            [d.extraction["spans"] for d in docs])
        out[name] = {"spans": spans, "attributes": attribute_accuracy(docs, years_tolerance)}
    return out
