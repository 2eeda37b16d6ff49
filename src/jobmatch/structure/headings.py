"""Find section headings in a document from configurable wordings (data/sections.yaml)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

# Markup and numbering a heading line may carry: "## 3. Duties:**", "IV) EDUCATION", "a) Languages".
_LEADING_MARKUP = re.compile(r"^\s*(?:#{1,6}\s*|[*_]{1,3}|>\s*)*(?:(?:\d{1,2}|[ivxIVX]{1,4}|[a-hA-H])[.)]\s+|\d{1,2}\s+(?=[A-Za-zÀ-ÿ]))?(?:[*_]{1,3})?")
_TRAILING_MARKUP = re.compile(r"(?:[*_]{1,3}|\s)*[:：]?(?:[*_]{1,3}|\s)*$")
_TRAILING_NOTE = re.compile(r"\s*\([^()]*\)\s*:?$")
MAX_HEADING_CHARS = 90


@dataclass(frozen=True)
class HeadingMatch:
    name: str
    heading: str           # the heading words as written
    start: int             # line start in the text
    heading_end: int       # end of the heading words (and colon)
    body_start: int        # where the section's content starts
    inline: bool           # "Education: Advanced degree..." on one line


@dataclass(frozen=True)
class SectionVocabulary:
    patterns: dict[str, re.Pattern[str]]
    children: dict[str, frozenset[str]]
    header: dict[str, re.Pattern[str]]


@lru_cache(maxsize=1)
def _sections_data() -> dict:
    return yaml.safe_load(resources.files("jobmatch.data").joinpath("sections.yaml").read_text("utf-8"))


def _whole_line(alternatives: list[str]) -> re.Pattern[str]:
    return re.compile("(?:" + "|".join(alternatives) + r")$", re.IGNORECASE)


def heading_patterns(kind: str) -> dict[str, re.Pattern[str]]:
    """Section name -> heading pattern for 'notice' or 'cv' documents."""
    return {name: _whole_line(entry["patterns"]) for name, entry in _sections_data()[kind].items()}


def label_patterns(kind: str) -> dict[str, re.Pattern[str]]:
    """Section name -> pattern of the "Label: value" lines (or "Label    value" table rows) that
    open that section ("Mother tongue: Zulu" opens a CV's languages part)."""
    return {name: re.compile("(?:" + "|".join(entry["labels"]) + r")(?:\s*[:：]|\s{2,}|\t)", re.IGNORECASE)
            for name, entry in _sections_data()[kind].items() if entry.get("labels")}


@lru_cache(maxsize=1)
def notice_vocabulary() -> SectionVocabulary:
    data = _sections_data()
    children = {name: frozenset(entry.get("children", [])) for name, entry in data["notice"].items()}
    header = {name: _whole_line(labels) for name, labels in data["header"].items()}
    return SectionVocabulary(heading_patterns("notice"), children, header)


def iter_lines(text: str):
    """(start, end, line) for each line, end excluding the newline."""
    start = 0
    for line in text.split("\n"):
        yield start, start + len(line), line
        start += len(line) + 1


def strip_leading_markup(line: str) -> str:
    """The line without the markup and numbering a heading or label may start with ("6. ", "## ")."""
    return _LEADING_MARKUP.sub("", line)


def clean_heading(line: str) -> str:
    words = _LEADING_MARKUP.sub("", line)
    words = _TRAILING_MARKUP.sub("", words)
    return " ".join(words.split()).strip(" .-–—|")


def match_heading(line: str, patterns: dict[str, re.Pattern[str]]) -> str | None:
    """The section a whole line names, if it is a heading (short, matches a known wording)."""
    if not line.strip() or len(line.strip()) > MAX_HEADING_CHARS:
        return None
    words = clean_heading(line)
    if not words or words.startswith("- "):
        return None
    lowered = words.lower()
    # "Employment record (most recent first)": a note in brackets after the heading words.
    for candidate in dict.fromkeys((lowered, _TRAILING_NOTE.sub("", lowered))):
        name = _section_named(candidate, patterns)
        if name:
            return name
    # "What you bring – minimum qualifications", "Languages - desirable": headings joined by a dash
    # name the last one's section, but only when every part is a heading (not "Education - UNDP").
    parts = _DASH_JOIN.split(lowered)
    if 1 < len(parts) <= 3:
        names = [_section_named(part, patterns) for part in parts]
        if all(names):
            return names[-1]
    return None


_DASH_JOIN = re.compile(r"\s+[–—-]\s+")


def _section_named(candidate: str, patterns: dict[str, re.Pattern[str]]) -> str | None:
    for name, pattern in patterns.items():
        if pattern.match(candidate):
            return name
    return None


_INLINE = re.compile(r"^\s*(?:[*_]{1,3})?(?P<label>[^:：\n]{2,60}?)(?:[*_]{1,3})?\s*[:：]\s*(?:[*_]{1,3})?\s*(?P<rest>\S.*)$")


def split_label_line(line: str) -> tuple[str, int, int] | None:
    """For "Label: value", the label words and the offsets of the value within the line."""
    m = _INLINE.match(line)
    if not m:
        return None
    return m["label"].strip(), m.start("rest"), len(line.rstrip())


def find_headings(text: str, vocabulary: SectionVocabulary, allow_inline: frozenset[str]) -> list[HeadingMatch]:
    """Whole-line headings anywhere, and "Heading: content" lines for the sections in allow_inline."""
    found: list[HeadingMatch] = []
    for start, end, line in iter_lines(text):
        name = match_heading(line, vocabulary.patterns)
        if name:
            stripped = line.rstrip()
            found.append(HeadingMatch(name, clean_heading(line), start + len(line) - len(line.lstrip()),
                                      start + len(stripped), min(end + 1, len(text)), False))
            continue
        label_line = split_label_line(line)
        if label_line:
            label, value_start, _ = label_line
            name = match_heading(label, vocabulary.patterns)
            if name in allow_inline:
                found.append(HeadingMatch(name, clean_heading(label), start + len(line) - len(line.lstrip()),
                                          start + value_start, start + value_start, True))
    return found
