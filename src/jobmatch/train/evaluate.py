"""Span scores for the competency tagger: strict (same start and end) and partial (any overlap)
precision, recall and F1, pooled over all segments, the way spaCy's `ents_*` and SkillSpan's
span-F1 count them."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

Spans = Sequence[tuple[int, int]]


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def _overlaps(span: tuple[int, int], others: Spans) -> bool:
    return any(span[0] < end and start < span[1] for start, end in others)


def span_scores(gold: Iterable[Spans], predicted: Iterable[Spans]) -> dict[str, float]:
    """Strict and partial P/R/F1 over paired lists of spans (one list per segment or document).
    Partial precision is the share of predicted spans that overlap a gold span, partial recall the
    share of gold spans that a prediction overlaps."""
    n_gold = n_pred = strict_tp = partial_pred = partial_gold = 0
    for gold_spans, pred_spans in zip(gold, predicted, strict=True):
        gold_set, pred_set = set(gold_spans), set(pred_spans)
        n_gold += len(gold_set)
        n_pred += len(pred_set)
        strict_tp += len(gold_set & pred_set)
        partial_pred += sum(_overlaps(p, gold_spans) for p in pred_set)
        partial_gold += sum(_overlaps(g, pred_spans) for g in gold_set)
    scores = {"gold": n_gold, "predicted": n_pred}
    for kind, p_hits, r_hits in (("strict", strict_tp, strict_tp), ("partial", partial_pred, partial_gold)):
        precision = p_hits / n_pred if n_pred else 0.0
        recall = r_hits / n_gold if n_gold else 0.0
        scores.update({f"{kind}_p": precision, f"{kind}_r": recall, f"{kind}_f": _f1(precision, recall)})
    return scores


def corpus_dev_scores(corpus, tagger, split: str = "dev") -> dict[str, dict]:
    """Document-level COMPETENCY scores on a corpus split for the rules alone, the trained model
    alone and the union the pipeline produces (rules first, then the tagger's linked spans), plus
    how often a strictly matched union span carries the gold taxonomy id (None = new)."""
    from jobmatch.pipeline import build_pipeline

    nlp = build_pipeline()
    gold, rules, model, union = [], [], [], []
    linked = linked_right = 0
    for doc_id in corpus.ids(split=split):
        document = corpus.documents[doc_id]
        doc = nlp.make_doc(document.text)
        doc._.kind = document.kind
        for _, component in nlp.pipeline:
            if getattr(component, "name", "") == "jobmatch_assembler":
                continue
            doc = component(doc)
        gold_ids = {(s.start, s.end): s.attrs.get("id") for s in document.spans if s.label == "COMPETENCY"}
        gold.append(list(gold_ids))
        rules.append([(s.start_char, s.end_char) for s in doc.spans["jobmatch"] if s.label_ == "COMPETENCY"])
        tagged = tagger.tag_document(document.text)
        model.append(tagged)
        tagger.add_spans(doc, tagged)
        competencies = [s for s in doc.spans["jobmatch"] if s.label_ == "COMPETENCY"]
        union.append([(s.start_char, s.end_char) for s in competencies])
        for span in competencies:
            key = (span.start_char, span.end_char)
            if key in gold_ids:
                linked += 1
                linked_right += span._.attrs.get("id") == gold_ids[key]
    return {"rules": span_scores(gold, rules), "model": span_scores(gold, model), "union": span_scores(gold, union),
            "link_accuracy": {"matched": linked, "accuracy": linked_right / linked if linked else 0.0}}


def skillspan_dev_scores(path, tagger) -> dict[str, float]:
    """The tagger alone on SkillSpan sentences (skill and knowledge merged), token spans."""
    from jobmatch.train.examples import merged_skillspan_spans, read_skillspan, token_char_offsets

    rows = read_skillspan(path)
    texts = [" ".join(row["tokens"]) for row in rows]
    gold = []
    for row in rows:
        offsets = token_char_offsets(row["tokens"])
        gold.append([(offsets[s][0], offsets[e - 1][1]) for s, e in merged_skillspan_spans(row)])
    return span_scores(gold, tagger.tag_texts(texts))
