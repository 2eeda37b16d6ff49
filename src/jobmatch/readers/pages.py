"""Page furniture of paginated files: page numbers and the running header or footer that a word
processor repeats on every page. Left in, "Page 2 of 3" or "Jane Doe – CV" lands between a job's
title and its dates where an entry runs over a page break, and the CV extractor loses the pairing."""

from __future__ import annotations

import re

# "Page 2 of 3", "Page 2", "Página 2 de 3", "Page 2 sur 3", "Seite 2 von 3", "2 / 3", "2 of 3", "- 2 -", "2".
PAGE_NUMBER = re.compile(r"^\s*(?:(?:page|pg\.?|p\.|página|pagina|seite)\s*\d{1,3}(?:\s*(?:of|sur|de|/|von)\s*\d{1,3})?"
                         r"|\d{1,3}\s*(?:/|of|sur|de)\s*\d{1,3}|[-–—]\s*\d{1,3}\s*[-–—]|\d{1,3})\s*$", re.IGNORECASE)
EDGE_LINES = 2            # a running header or footer is among the first or last lines of a page
MAX_FURNITURE_CHARS = 120
_DIGITS = re.compile(r"\d+")


def _edge_indices(lines: list[str]) -> list[int]:
    """Indices of the first and last EDGE_LINES non-blank lines of a page."""
    filled = [i for i, line in enumerate(lines) if line.strip()]
    return sorted(set(filled[:EDGE_LINES] + filled[-EDGE_LINES:]))


_PAGE_WORD = re.compile(r"\b(?:page|pg|página|pagina|seite)\b", re.IGNORECASE)


def _key(line: str) -> str:
    """The line as furniture is compared: spacing and case aside, and with its numbers masked where it
    names a page ("Jane Doe – CV – page 2" repeats as "... page 3"); other numbers must match, so
    that two date lines ("2015 – 2019", "2010 – 2014") are never taken for one running line."""
    words = " ".join(line.split()).lower()
    return _DIGITS.sub("#", words) if _PAGE_WORD.search(words) else words


def strip_page_furniture(pages: list[str]) -> list[str]:
    """The pages without page-number lines at their top or bottom and without a short line repeated
    at the top or bottom of several pages, except at the top of the first page (a running header
    often repeats the name that heads the CV). A one-page file keeps everything but its page number."""
    split = [page.split("\n") for page in pages]
    edges = [_edge_indices(lines) for lines in split]
    seen_on: dict[str, set[int]] = {}
    for number, (lines, indices) in enumerate(zip(split, edges)):
        for i in indices:
            if len(lines[i].strip()) <= MAX_FURNITURE_CHARS:
                seen_on.setdefault(_key(lines[i]), set()).add(number)
    repeated = {key for key, numbers in seen_on.items() if len(numbers) > 1}
    out = []
    for number, (lines, indices) in enumerate(zip(split, edges)):
        top = set([i for i, line in enumerate(lines) if line.strip()][:EDGE_LINES])
        drop = {i for i in indices if PAGE_NUMBER.match(lines[i])
                or (_key(lines[i]) in repeated and not (number == 0 and i in top))}
        out.append("\n".join(line for i, line in enumerate(lines) if i not in drop))
    return out
