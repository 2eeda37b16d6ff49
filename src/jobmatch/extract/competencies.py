"""COMPETENCY rules: the taxonomy names a phrase ruler matches, which sections of a notice it
reads, the type a span takes from its section, and the notice's competency requirement."""

from __future__ import annotations

from collections.abc import Iterable

from jobmatch.extract.regions import regions, section_at
from jobmatch.model import CompetencyRequirement, Section, Span
from jobmatch.taxonomy import Taxonomy

COMPETENCY_TYPES_BY_SECTION = {"core_competencies": "core", "functional_competencies": "functional",
                               "technical_competencies": "technical", "competencies": "core"}
# Sections of a notice where a taxonomy phrase is a competency of the post (not, say, a word in
# the organisation's description or the benefits).
NOTICE_COMPETENCY_SECTIONS = set(COMPETENCY_TYPES_BY_SECTION) | {"duties", "qualifications", "desirable", "experience"}
# Notice sections that never state a competency of the post. The trained tagger reads a notice
# everywhere else: a section under a heading the parser does not know, a certification asked for
# under education, a "Core Values: Integrity, Professionalism" line above the first heading.
NOTICE_NON_COMPETENCY_SECTIONS = ("organizational_unit", "organizational_context", "languages", "benefits", "salary",
                                  "recruitment_process", "eligibility")
# Names this short count only as written in capitals ("R", "AI", "BI"), except these.
SHORT_NAME_CHARS = 3
SHORT_NAMES_ANY_CASE = frozenset({"sql"})


def taxonomy_names(taxonomy: Taxonomy) -> list[dict]:
    """One {"id", "name"} entry per label and synonym, first owner of a name wins."""
    seen: set[str] = set()
    names = []
    for competency in taxonomy.competencies.values():
        for name in competency.names:
            if name.lower() not in seen:
                seen.add(name.lower())
                names.append({"id": competency.id, "name": name, "type": competency.type})
    return names


def name_is_usable(words: str) -> bool:
    """A matched short name must be written in capitals ("R", "BI"), not a word of prose ("r", "bi")."""
    return len(words) > SHORT_NAME_CHARS or words.isupper() or words.lower() in SHORT_NAMES_ANY_CASE


def competency_type(kind: str, section: str | None, taxonomy_type: str | None) -> str | None:
    """core | functional | technical | skill for a span, from the notice section it sits in.

    None means the span is outside the sections a notice states competencies in; CVs: always skill."""
    if kind != "notice":
        return "skill"
    mapped = COMPETENCY_TYPES_BY_SECTION.get(section or "")
    if mapped == "core" and section == "competencies":
        # A competencies section with no core/functional split: the taxonomy says which.
        mapped = taxonomy_type if taxonomy_type in ("core", "functional") else "technical"
    return mapped or "skill"


def competency_regions(kind: str, sections: list[Section], text_length: int) -> list[tuple[int, int]] | None:
    """The (start, end) stretches where a competency counts; None: everywhere (CVs)."""
    if kind != "notice":
        return None
    return regions(sections, NOTICE_COMPETENCY_SECTIONS, text_length)


def tagger_regions(kind: str, sections: list[Section], text_length: int,
                   skip: tuple[str, ...] | list[str] = NOTICE_NON_COMPETENCY_SECTIONS,
                   skip_spans: Iterable[tuple[int, int]] = ()) -> list[tuple[int, int]] | None:
    """The (start, end) stretches the trained tagger reads; None: everywhere (CVs). In a notice,
    the text outside the `skip` sections (their headings included) and outside `skip_spans` (the
    header fields: a title, a department, an e-mail address), in order."""
    if kind != "notice":
        return None
    skipped = sorted([(s.start, max(s.end, s.body_start)) for s in sections if s.name in skip] + list(skip_spans))
    found, position = [], 0
    for start, end in skipped:
        if start > position:
            found.append((position, start))
        position = max(position, end)
    if position < text_length:
        found.append((position, text_length))
    return found


def in_regions(found: list[tuple[int, int]] | None, start: int) -> bool:
    return found is None or any(a <= start < b for a, b in found)


def in_competency_region(kind: str, sections: list[Section], text_length: int, start: int) -> bool:
    return in_regions(competency_regions(kind, sections, text_length), start)


def competency_requirement(spans: list[Span]) -> CompetencyRequirement:
    """Taxonomy ids of a notice's COMPETENCY spans, by type, in document order, each once."""
    requirement = CompetencyRequirement()
    for span in sorted(spans, key=lambda s: s.start):
        if span.label != "COMPETENCY" or not span.attrs.get("id"):
            continue
        bucket = getattr(requirement, span.attrs.get("type") or "", None)
        if isinstance(bucket, list) and span.attrs["id"] not in bucket:
            bucket.append(span.attrs["id"])
    return requirement


def profile_competencies(spans: list[Span]) -> list[str]:
    """Taxonomy ids of a CV's COMPETENCY spans in document order, each once."""
    ids: list[str] = []
    for span in sorted(spans, key=lambda s: s.start):
        cid = span.attrs.get("id") if span.label == "COMPETENCY" else None
        if cid and cid not in ids:
            ids.append(cid)
    return ids


__all__ = ["COMPETENCY_TYPES_BY_SECTION", "NOTICE_COMPETENCY_SECTIONS", "NOTICE_NON_COMPETENCY_SECTIONS", "competency_regions", "competency_requirement",
           "competency_type", "in_competency_region", "in_regions", "name_is_usable", "profile_competencies", "section_at", "tagger_regions",
           "taxonomy_names"]
