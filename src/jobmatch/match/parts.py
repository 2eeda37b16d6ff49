"""The parts of a vacancy and of a CV that are embedded separately.

The encoder reads a few hundred tokens at most, so a whole document is never one blob: each part
(duties, competencies, qualifications; experience, skills, education) is cut into passages on line
boundaries and embedded passage by passage."""

from __future__ import annotations

from jobmatch.model import Candidate, Section, Vacancy

VACANCY_PARTS = {
    "duties": ("organizational_context", "organizational_unit", "duties"),
    "competencies": ("competencies", "core_competencies", "functional_competencies", "technical_competencies"),
    "qualifications": ("qualifications", "education", "experience", "desirable"),
}
CANDIDATE_PARTS = {
    "experience": ("experience",),
    "skills": ("summary", "skills"),
    "education": ("education",),
}
# which vacancy part is compared with which candidate part
PART_PAIRS = (("duties", "experience"), ("competencies", "skills"), ("qualifications", "education"))

MAX_PASSAGE_WORDS = 160
MAX_PASSAGES_PER_PART = 12


def passages(text: str, max_words: int = MAX_PASSAGE_WORDS, limit: int = MAX_PASSAGES_PER_PART) -> list[str]:
    """Whole lines grouped into passages of at most `max_words` words (a longer line is cut)."""
    out: list[str] = []
    current: list[str] = []
    count = 0
    for line in (ln.strip() for ln in text.splitlines()):
        if not line:
            continue
        words = line.split()
        while len(words) > max_words:
            if current:
                out.append(" ".join(current))
                current, count = [], 0
            out.append(" ".join(words[:max_words]))
            words = words[max_words:]
        if count + len(words) > max_words and current:
            out.append(" ".join(current))
            current, count = [], 0
        current.append(" ".join(words))
        count += len(words)
    if current:
        out.append(" ".join(current))
    return out[:limit]


def _section_text(sections: list[Section], names: tuple[str, ...]) -> str:
    return "\n".join(s.text for s in sections if s.name in names and s.text)


def vacancy_parts(vacancy: Vacancy) -> dict[str, list[str]]:
    """Passages per part; a notice without recognised sections falls back to its whole text."""
    parts = {name: passages(_section_text(vacancy.sections, names)) for name, names in VACANCY_PARTS.items()}
    title = vacancy.header.title
    if title:
        parts["duties"] = [title] + parts["duties"]
    if not any(parts.values()) and vacancy.document is not None:
        parts["duties"] = passages(vacancy.document.text)
    return parts


def candidate_parts(candidate: Candidate) -> dict[str, list[str]]:
    """Passages per part; a CV whose headings were not recognised is read whole as experience."""
    parts = {name: passages(_section_text(candidate.sections, names)) for name, names in CANDIDATE_PARTS.items()}
    if not parts["experience"] and candidate.document is not None:
        parts["experience"] = passages(candidate.document.text)
    return parts
