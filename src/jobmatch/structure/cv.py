"""CV sections (experience, education, languages, skills...) from whole-line headings."""

from __future__ import annotations

import re
from functools import lru_cache

from jobmatch.model import Section
from jobmatch.structure.headings import heading_patterns, iter_lines, label_patterns, match_heading, strip_leading_markup

# A heading that also heads the columns of a table: "LANGUAGES      Read     Write     Speak".
_CELL_GAP = re.compile(r"\s{2,}|\t")
_COLUMN_NAMES = re.compile(r"^[^\W\d_][\w'’ ()/-]*$")


@lru_cache(maxsize=1)
def cv_patterns() -> dict[str, re.Pattern[str]]:
    return heading_patterns("cv")


@lru_cache(maxsize=1)
def cv_labels() -> dict[str, re.Pattern[str]]:
    return label_patterns("cv")


def _cv_heading(line: str) -> tuple[str, bool] | None:
    """(section name, whether the line's own text belongs to the section) for a heading line, a
    heading followed by column names, or a label line that opens a section ("Mother tongue: Zulu")."""
    patterns = cv_patterns()
    name = match_heading(line, patterns)
    if name:
        return name, False
    cells = [c for c in _CELL_GAP.split(line.strip()) if c]
    if len(cells) > 2 and all(_COLUMN_NAMES.match(c) for c in cells[1:]):
        name = match_heading(cells[0], patterns)
        if name:
            return name, False
    words = strip_leading_markup(line)
    for name, label in cv_labels().items():
        if label.match(words):
            return name, True
    return None


def parse_cv_sections(text: str) -> list[Section]:
    """Sections of a CV; each runs to the next heading."""
    headings = []
    for start, end, line in iter_lines(text):
        found = _cv_heading(line)
        if found:
            name, inline = found
            line_start = start + len(line) - len(line.lstrip())
            headings.append((name, line.strip(), line_start, line_start if inline else min(end + 1, len(text))))
    sections = []
    for i, (name, heading, start, body_start) in enumerate(headings):
        end = headings[i + 1][2] if i + 1 < len(headings) else len(text)
        sections.append(Section(name=name, heading=heading, start=start, end=end, body_start=body_start,
                                text=text[body_start:end].strip()))
    return sections
