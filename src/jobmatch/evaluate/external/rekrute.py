"""rekrute-2021: 1,536 real postings whose employers declared a study level and an experience band
on the job-board form. We report how often jobmatch reads a minimum number of years and a degree
level from the text (coverage) and how often what it reads agrees with the form (agreement),
beside a naive regex baseline computed in the same run. Report only: never used for rules."""

from __future__ import annotations

import csv
import math
import re
import time
from collections import Counter
from pathlib import Path

from jobmatch.errors import JobmatchError

# The data README's mapping of declared study levels onto our degree levels. Two declared levels
# straddle two of ours: "Bac +4" is "bachelor/first master year (maîtrise)" in the README, and
# "Bac +5 et plus" is a master or a doctorate. "Qualification avant Bac" (below secondary) and
# "Bac +1" have no level of ours and are left out of level agreement.
STUDY_LEVELS: dict[str, tuple[str, ...]] = {
    "Bac": ("secondary",),
    "Bac +2": ("short_cycle",),
    "Bac +3": ("bachelor",),
    "Bac +4": ("bachelor", "master"),
    "Bac +5 et plus": ("master", "doctorate"),
}
LEVEL_ORDER = ("secondary", "short_cycle", "bachelor", "master", "doctorate")
# Declared experience band -> [low, high] years (a beginner's minimum is at most one year).
EXPERIENCE_BANDS: dict[str, tuple[float, float]] = {
    "Débutant": (0, 1), "Moins de 1 an": (0, 1), "De 1 à 3 ans": (1, 3), "De 3 à 5 ans": (3, 5),
    "De 5 à 10 ans": (5, 10), "De 10 à 20 ans": (10, 20), "Plus de 20 ans": (20, math.inf),
}

# The naive baseline: the first "<digits> years/ans" and the first degree word, nothing more.
NAIVE_YEARS = re.compile(r"(\d{1,2})\s*(?:\+\s*)?(?:years?|yrs?|ans?)\b", re.IGNORECASE)
NAIVE_LEVELS = (
    (re.compile(r"\bbac\s*\+\s*([2-8])", re.IGNORECASE), None),
    (re.compile(r"\b(ph\.?d|doctora\w*)\b", re.IGNORECASE), "doctorate"),
    (re.compile(r"\b(master'?s?|mba)\b", re.IGNORECASE), "master"),
    (re.compile(r"\b(bachelor'?s?|licen[cs]e)\b", re.IGNORECASE), "bachelor"),
    (re.compile(r"\b(dut|bts|technician degree)\b", re.IGNORECASE), "short_cycle"),
    (re.compile(r"\b(baccalaur\w+|high school)\b", re.IGNORECASE), "secondary"),
)
BAC_PLUS = {2: "short_cycle", 3: "bachelor", 4: "bachelor"}


def naive_years(text: str) -> float | None:
    found = NAIVE_YEARS.search(text)
    return float(found.group(1)) if found else None


def naive_level(text: str) -> str | None:
    for pattern, level in NAIVE_LEVELS:
        found = pattern.search(text)
        if found:
            if level is None:
                number = int(found.group(1))
                return BAC_PLUS.get(number, "master" if number >= 5 else None)
            return level
    return None


def read_labels(folder: Path) -> dict[str, dict]:
    path = folder / "labels.tsv"
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    except OSError as exc:
        raise JobmatchError(f"cannot read {path}: {exc.strerror or exc}") from None
    if not rows or not {"id", "study_level", "experience_band"} <= set(rows[0]):
        raise JobmatchError(f"{path}: expected the columns id, study_level, experience_band")
    return {row["id"]: row for row in rows}


def years_agree(years: float | None, band: str) -> bool | None:
    bounds = EXPERIENCE_BANDS.get(band)
    if years is None or bounds is None:
        return None
    return bounds[0] <= years <= bounds[1]


def level_agrees(level: str | None, declared: str) -> bool | None:
    accepted = STUDY_LEVELS.get(declared)
    if level is None or accepted is None:
        return None
    return level in accepted


def score_readings(readings: dict[str, tuple[float | None, str | None]], labels: dict[str, dict]) -> dict:
    """Coverage, agreement and the level confusion table of one system's readings."""
    n = len(readings)
    years_votes = [years_agree(y, labels[i]["experience_band"]) for i, (y, _) in readings.items()]
    level_votes = [level_agrees(lv, labels[i]["study_level"]) for i, (_, lv) in readings.items()]
    confusion = Counter((labels[i]["study_level"], lv or "none") for i, (_, lv) in readings.items())

    def agreement(votes):
        counted = [v for v in votes if v is not None]
        return {"agreement": sum(counted) / len(counted) if counted else None, "n": len(counted)}

    return {"postings": n,
            "years": {"coverage": sum(y is not None for y, _ in readings.values()) / n if n else None,
                      **agreement(years_votes)},
            "level": {"coverage": sum(lv is not None for _, lv in readings.values()) / n if n else None,
                      **agreement(level_votes)},
            "confusion": {declared: {read: confusion[(declared, read)] for read in (*LEVEL_ORDER, "none")
                                     if confusion[(declared, read)]}
                          for declared in sorted({labels[i]["study_level"] for i in readings})}}


def jobmatch_readings(texts: dict[str, str]) -> tuple[dict[str, tuple[float | None, str | None]], float]:
    from jobmatch.extract import extract_documents
    from jobmatch.model import Document

    documents = [Document(id=i, source=f"rekrute/{i}.txt", format="text", text=t) for i, t in texts.items()]
    started = time.perf_counter()
    readings = {}
    for result in extract_documents(documents, kind="notice"):
        requirements = result["requirements"]
        readings[result["id"]] = ((requirements.get("experience") or {}).get("min_years"),
                                  (requirements.get("education") or {}).get("min_level"))
    return readings, time.perf_counter() - started


def evaluate_rekrute(folder: Path) -> dict:
    labels = read_labels(folder)
    texts = {}
    for posting_id in sorted(labels):
        path = folder / "postings" / f"{posting_id}.txt"
        if not path.is_file():
            raise JobmatchError(f"{path}: listed in labels.tsv but missing")
        texts[posting_id] = path.read_text(encoding="utf-8")
    readings, seconds = jobmatch_readings(texts)
    naive = {i: (naive_years(t), naive_level(t)) for i, t in texts.items()}
    return {"postings": len(texts), "mapping": {k: list(v) for k, v in STUDY_LEVELS.items()},
            "bands": {k: [v[0], v[1] if math.isfinite(v[1]) else None] for k, v in EXPERIENCE_BANDS.items()},
            "systems": {"jobmatch": {**score_readings(readings, labels), "postings_per_s": len(texts) / seconds},
                        "regex": score_readings(naive, labels)}}
