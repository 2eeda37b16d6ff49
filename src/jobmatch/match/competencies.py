"""Competency coverage: which of a notice's required competencies a CV shows, with evidence."""

from __future__ import annotations

from functools import lru_cache

from jobmatch.errors import JobmatchError
from jobmatch.model import Requirements, Span
from jobmatch.taxonomy import load_taxonomy

# Core values ("integrity", "respect for diversity") are asked of everyone and rarely evidenced
# in a CV; functional and technical competencies tell candidates apart.
COVERAGE_GROUPS = ("functional", "technical")


def required_competencies(requirements: Requirements) -> dict[str, str]:
    """Required competency id -> group, the discriminating groups first."""
    groups = requirements.competencies
    required: dict[str, str] = {}
    for group in ("technical", "functional", "core"):
        for cid in getattr(groups, group):
            required.setdefault(cid, group)
    return required


def competency_evidence(spans: list[Span]) -> dict[str, str]:
    """Competency id -> the first text in the CV that shows it."""
    evidence: dict[str, str] = {}
    for span in spans:
        cid = span.attrs.get("id") if span.label == "COMPETENCY" else None
        if cid and cid not in evidence:
            evidence[cid] = span.text
    return evidence


@lru_cache(maxsize=1)
def _linked_names() -> dict[str, str]:
    """Id -> name for the ids the trained tagger links to beyond the packaged taxonomy (the gold
    corpus's taxonomy additions travel with the tagger): an explanation names them, not their id."""
    from jobmatch import load

    try:
        tagger = load().get_pipe("jobmatch_competency_tagger")
    except (KeyError, JobmatchError):
        return {}
    names: dict[str, str] = {}
    for entry in getattr(tagger, "names", None) or []:
        if entry.get("id") and entry.get("name"):
            names.setdefault(entry["id"], entry["name"])
    return names


def competency_label(cid: str) -> str:
    """The readable name of a competency id: the taxonomy's label, else the tagger's name, else the id."""
    labels = load_taxonomy().competencies
    if cid in labels:
        return labels[cid].label
    return _linked_names().get(cid, cid)


def required_entries(requirements: Requirements) -> list[dict]:
    """The notice's required competencies with their readable names: the vacancy's side of
    coverage, made once per vacancy when a pool of CVs is ranked for it."""
    return [{"id": cid, "label": competency_label(cid), "group": group}
            for cid, group in required_competencies(requirements).items()]


def competency_coverage(requirements: Requirements, candidate_ids: list[str], candidate_spans: list[Span],
                        required: list[dict] | None = None, evidence: dict[str, str] | None = None) -> dict:
    """Matched and missing competencies and the share of discriminating ones covered
    (`coverage` is None when the notice names none). `required` (from `required_entries`) and
    `evidence` (from `competency_evidence`) may be given when one side is shared by many pairs."""
    required = required_entries(requirements) if required is None else required
    evidence = competency_evidence(candidate_spans) if evidence is None else evidence
    shown = set(candidate_ids) | set(evidence)
    matched, missing = [], []
    for entry in required:
        if entry["id"] in shown:
            matched.append({**entry, "evidence": evidence.get(entry["id"], "")})
        else:
            missing.append(dict(entry))
    scored = [e["id"] for e in required if e["group"] in COVERAGE_GROUPS] or [e["id"] for e in required]
    coverage = (sum(cid in shown for cid in scored) / len(scored)) if scored else None
    return {"coverage": coverage, "matched": matched, "missing": missing}
