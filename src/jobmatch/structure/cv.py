"""CV sections (experience, education, languages, skills...) from whole-line headings."""

from __future__ import annotations

import re
from functools import lru_cache

from jobmatch.model import Section
from jobmatch.structure.headings import heading_patterns, iter_lines, match_heading


@lru_cache(maxsize=1)
def cv_patterns() -> dict[str, re.Pattern[str]]:
    return heading_patterns("cv")


def parse_cv_sections(text: str) -> list[Section]:
    """Sections of a CV; each runs to the next heading."""
    patterns = cv_patterns()
    headings = []
    for start, end, line in iter_lines(text):
        name = match_heading(line, patterns)
        if name:
            headings.append((name, line.strip(), start + len(line) - len(line.lstrip()), min(end + 1, len(text))))
    sections = []
    for i, (name, heading, start, body_start) in enumerate(headings):
        end = headings[i + 1][2] if i + 1 < len(headings) else len(text)
        sections.append(Section(name=name, heading=heading, start=start, end=end, body_start=body_start,
                                text=text[body_start:end].strip()))
    return sections
