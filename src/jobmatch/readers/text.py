"""Text normalisation with an offset map back to the source text.

Every later span points into the normalised text; the map lets a caller find the same place in the
source (the raw file text, or the text a PDF/DOCX parser extracted)."""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass, field

# One pass of alternatives, so the offset map is built once and stays exact.
_COMBINING = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
_NORMALISE = re.compile(
    r"(?P<blank>(?:[ \t]*(?:\r\n?|\n)){3,})"
    r"|(?P<crlf>\r\n?)"
    rf"|(?P<combining>.[{_COMBINING}]+)"
    r"|(?P<hyphen>(?<=[a-zà-öø-ÿ])-[ \t]*\r?\n[ \t]*(?=[a-zà-öø-ÿ]))"
    r"|(?P<bullet>(?:(?<=\n)|^)[ \t]*[•▪◦●·‣⁃∙■□➢►✓✔❖◆◇○➤➔❯\uf0b7\uf0a7\uf076\uf0d8\uf0fc\uf0a8][ \t]*)"
    r"|(?P<space>[\u00a0\u2007\u202f\u2002\u2003\u2009\u200a\u3000])"
    r"|(?P<invisible>[\u200b\u200c\u200d\u2060\ufeff\u00ad\x00-\x08\x0e-\x1f\x7f])"
    r"|(?P<ligature>[\ufb00-\ufb06])"
    r"|(?P<linebreak>[\x0b\x0c\u2028\u2029])"
    r"|(?P<trailing>[ \t]+(?=\r|\n|$))",
)


@dataclass
class OffsetMap:
    """Piecewise map from normalised-text offsets to source offsets.

    Each segment is (text_start, text_end, source_start, source_end); inside a segment of equal
    lengths the offset shifts by a constant, inside a rewritten one it snaps to the segment edges."""

    segments: list[tuple[int, int, int, int]] = field(default_factory=list)

    def to_source(self, offset: int) -> int:
        if not self.segments:
            return offset
        starts = [s[0] for s in self.segments]
        k = max(0, bisect.bisect_right(starts, offset) - 1)
        t0, t1, s0, s1 = self.segments[k]
        if offset >= t1:
            return s1 + (offset - t1)
        if t1 - t0 == s1 - s0:
            return s0 + (offset - t0)
        return s0 if offset == t0 else s1

    def to_text(self, source_offset: int) -> int:
        """The normalised-text offset of a source offset (the start of a rewritten segment)."""
        for t0, t1, s0, s1 in self.segments:
            if s0 <= source_offset < s1 or s0 == source_offset:
                return t0 if t1 - t0 != s1 - s0 else t0 + (source_offset - s0)
        return self.segments[-1][1] if self.segments else source_offset

    def to_json(self) -> list[list[int]]:
        return [list(s) for s in self.segments]

    @classmethod
    def from_json(cls, data: list[list[int]]) -> "OffsetMap":
        return cls([tuple(s) for s in data])  # type: ignore[misc]


def _replacement(match: re.Match[str]) -> str:
    kind = match.lastgroup
    text = match.group(0)
    if kind == "crlf":
        return "\n"
    if kind == "combining":
        return unicodedata.normalize("NFC", text)
    if kind == "bullet":
        return "- "
    if kind == "space":
        return " "
    if kind == "ligature":   # "ﬁ", "ﬂ", "ﬃ" from PDF fonts (LaTeX, InDesign): the letters they join
        return unicodedata.normalize("NFKC", text)
    if kind == "linebreak":  # form feed, vertical tab, Unicode line and paragraph separators
        return "\n"
    if kind == "blank":
        return "\n\n"
    return ""  # hyphen, invisible, trailing


def normalise_text(source: str) -> tuple[str, OffsetMap]:
    """NFC, LF line ends, de-hyphenated line breaks, bullets as "- " list items, tidy spaces, ligatures
    spelled out, control characters (a PDF's unmapped glyphs come out as NUL) dropped."""
    out: list[str] = []
    segments: list[tuple[int, int, int, int]] = []
    pos_out = 0
    pos_src = 0
    for match in _NORMALISE.finditer(source):
        start, end = match.span()
        if start > pos_src:
            chunk = source[pos_src:start]
            out.append(chunk)
            segments.append((pos_out, pos_out + len(chunk), pos_src, start))
            pos_out += len(chunk)
        repl = _replacement(match)
        out.append(repl)
        segments.append((pos_out, pos_out + len(repl), start, end))
        pos_out += len(repl)
        pos_src = end
    if pos_src < len(source):
        chunk = source[pos_src:]
        out.append(chunk)
        segments.append((pos_out, pos_out + len(chunk), pos_src, len(source)))
    text = "".join(out)
    if not unicodedata.is_normalized("NFC", text):
        # Rare scripts whose composition the pass above does not cover: normalise whole, keep a
        # coarse map (start and end still align).
        text = unicodedata.normalize("NFC", text)
        segments = [(0, len(text), 0, len(source))]
    return text, OffsetMap(segments)


def wrap_long_lines(text: str, max_chars: int) -> str:
    """Break any line longer than `max_chars` at the last space before each `max_chars` boundary.

    Real documents keep lines far shorter (the longest in the gold corpus is under 700 characters),
    but a file with no line breaks at all makes every rule that reads "the line around a match"
    read the whole file once per match, which is quadratic. A space becomes a newline, so the
    text keeps its length and the offset map stays exact. A run without spaces is left whole."""
    if max_chars <= 0 or len(text) <= max_chars:
        return text
    chars: list[str] | None = None
    line_start = 0
    while line_start < len(text):
        line_end = text.find("\n", line_start)
        line_end = len(text) if line_end < 0 else line_end
        start = line_start
        while line_end - start > max_chars:
            cut = text.rfind(" ", start + 1, start + max_chars + 1)
            if cut < 0:
                cut = text.find(" ", start + max_chars, line_end)
                if cut < 0:
                    break
            if chars is None:
                chars = list(text)
            chars[cut] = "\n"
            start = cut + 1
        line_start = line_end + 1
    return text if chars is None else "".join(chars)
