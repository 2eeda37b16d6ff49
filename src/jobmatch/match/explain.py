"""Explanations: why a result scored as it did, in one paragraph a recruiter can read."""

from __future__ import annotations

from jobmatch.model import RequirementCheck

FEATURE_NAMES = {
    "sim_overall": "overall text similarity",
    "sim_duties_experience": "duties vs experience",
    "sim_competencies_skills": "competencies vs skills",
    "sim_qualifications_education": "qualifications vs education",
    "sim_passages": "vacancy passages matched anywhere in the CV",
    "sim_best_passage": "closest pair of passages",
    "sim_lexical": "shared terms (TF-IDF)",
    "coverage": "competency coverage",
    "education": "education",
    "field": "field of study",
    "experience": "years of experience",
    "experience_ratio": "years against the minimum",
    "international": "international experience",
    "language": "languages",
    "hard_unmet": "hard requirements unmet",
}


def _check_line(check: RequirementCheck) -> str:
    name = check.name.replace("_", " ")
    if check.status == "met":
        return f"{name} met ({check.found})"
    if check.status == "unmet":
        return f"{name} NOT met (needs {check.required}, found {check.found})"
    return f"{name} unknown ({check.found})"


LEXICAL = ("sim_lexical",)


def explain(score: float, eligible: bool, checks: list[RequirementCheck], competencies: dict,
            features: dict, contributions: dict[str, float], shared_terms: list[str] | None = None) -> str:
    """Score, eligibility, each requirement, competencies, the semantic and the lexical parts
    (with the words the two texts share) and the largest score contributions."""
    parts = [f"score {score:.2f}" + ("" if eligible else " (not eligible: a hard requirement is unmet)")]
    hard = [c for c in checks if not c.name.startswith("eligibility:")]
    if hard:
        parts.append("requirements: " + "; ".join(_check_line(c) for c in hard))
    rules = [c for c in checks if c.name.startswith("eligibility:")]
    if rules:
        parts.append("programme rules (not scored): " + "; ".join(f"{c.required}: {c.found}" for c in rules))
    if competencies.get("coverage") is not None:
        matched = [m["label"] for m in competencies["matched"]]
        missing = [m["label"] for m in competencies["missing"]]
        line = f"competencies: {len(matched)} of {len(matched) + len(missing)} shown"
        if matched:
            line += " (" + ", ".join(matched[:6]) + ")"
        if missing:
            line += "; missing " + ", ".join(missing[:6])
        parts.append(line)
    semantic = [f"{FEATURE_NAMES[k]} {v:.2f}" for k, v in features.items()
                if k.startswith("sim_") and k not in LEXICAL and v is not None]
    if semantic:
        parts.append("semantic similarity: " + ", ".join(semantic))
    lexical = [f"{FEATURE_NAMES[k]} {features[k]:.2f}" for k in LEXICAL if features.get(k) is not None]
    if lexical:
        parts.append("lexical similarity: " + ", ".join(lexical) +
                     (f" (shared: {', '.join(shared_terms)})" if shared_terms else ""))
    if contributions:
        top = sorted(contributions.items(), key=lambda kv: abs(kv[1]), reverse=True)[:3]
        parts.append("compared with a typical pair, the score moved most by: " +
                     ", ".join(f"{FEATURE_NAMES.get(k, k)} {v:+.2f}" for k, v in top))
    return ". ".join(parts) + "."
