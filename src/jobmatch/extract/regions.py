"""Which parts of a document a rule reads: section bodies by name, or the whole text."""

from __future__ import annotations

from jobmatch.model import Section


def regions(sections: list[Section], names: set[str], text_length: int, fallback_all: bool = True) -> list[tuple[int, int]]:
    """(start, end) of the sections with these names (heading excluded); the whole text if none."""
    found = [(s.body_start, s.end) for s in sections if s.name in names]
    if not found and fallback_all:
        return [(0, text_length)]
    return found


def section_at(sections: list[Section], offset: int) -> str | None:
    """The innermost section holding this offset."""
    best = None
    for section in sections:
        if section.start <= offset < max(section.end, section.body_start + 1):
            if best is None or section.start >= best.start:
                best = section
    return best.name if best else None


def sentence_bounds(text: str, start: int, end: int, limit: int = 600) -> tuple[int, int]:
    """The sentence (or list item / line) that holds [start, end)."""
    left = start
    while left > 0 and start - left < limit:
        if text[left - 1] == "\n" or (text[left - 1] == " " and left >= 2 and text[left - 2] in ".;!?"):
            break
        left -= 1
    right = end
    while right < len(text) and right - end < limit:
        if text[right] == "\n" or (text[right] in ".;!?" and (right + 1 == len(text) or text[right + 1] in " \n")):
            break
        right += 1
    return left, right
