"""CV sections (experience, education, languages, skills...) from whole-line headings."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from jobmatch.model import Section
from jobmatch.structure.headings import (MAX_HEADING_CHARS, clean_heading, heading_patterns, iter_lines, label_patterns, match_heading,
                                         strip_leading_markup)

# A heading that also heads the columns of a table: "LANGUAGES      Read     Write     Speak".
_CELL_GAP = re.compile(r"\s{2,}|\t")
_COLUMN_NAMES = re.compile(r"^[^\W\d_][\w'’ ()/-]*$")
# "Education & Training", "Skills / Tools", "Études et diplômes", "Publications, Presentations": headings
# joined by a conjunction or a slash.
_JOINED = re.compile(r"\s*(?:&|\+|/|,)\s*|\s+(?:and|et|y)\s+", re.IGNORECASE)
MAX_JOINED_PARTS = 3


@lru_cache(maxsize=1)
def cv_patterns() -> dict[str, re.Pattern[str]]:
    return heading_patterns("cv")


def fold_accents(text: str) -> str:
    """The text without accents: French and Spanish headings typed in capitals often drop them
    ("EXPERIENCE PROFESSIONNELLE", "FORMACION ACADEMICA")."""
    return "".join(ch for ch in unicodedata.normalize("NFD", text) if not unicodedata.combining(ch))


@lru_cache(maxsize=1)
def cv_folded_patterns() -> dict[str, re.Pattern[str]]:
    return {name: re.compile(fold_accents(pattern.pattern), pattern.flags) for name, pattern in cv_patterns().items()}


@lru_cache(maxsize=1)
def cv_labels() -> dict[str, re.Pattern[str]]:
    return label_patterns("cv")


def _cv_heading(line: str) -> tuple[str, bool] | None:
    """(section name, whether the line's own text belongs to the section) for a heading line, a
    heading followed by column names, or a label line that opens a section ("Mother tongue: Zulu")."""
    patterns = cv_patterns()
    if len(line) > MAX_HEADING_CHARS and len(line.strip()) > MAX_HEADING_CHARS:
        name = None
    else:
        # A line without accents is read against the wordings without theirs ("FORMACION ACADEMICA");
        # for such a line they match all that the accented wordings would.
        wordings = cv_folded_patterns() if line.isascii() else patterns
        name = match_heading(line, wordings) or (_JOINED.search(line) and _joined_heading(line, wordings)) or None
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


def _joined_heading(line: str, patterns: dict[str, re.Pattern[str]]) -> str | None:
    """The section of a heading made of several known headings ("Education & Qualifications"): the
    first one's, and only when every part is a heading (not "Experience and Outcomes")."""
    if len(line.strip()) > MAX_HEADING_CHARS:
        return None
    parts = [part for part in _JOINED.split(clean_heading(line)) if part]
    if not 1 < len(parts) <= MAX_JOINED_PARTS:
        return None
    first = match_heading(parts[0], patterns)
    return first if first and all(match_heading(part, patterns) for part in parts[1:]) else None


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
