"""HTML to text with block structure kept: headings and paragraphs on their own lines, list items
as "- " items. Python's html.parser resolves no external entities and loads nothing."""

from __future__ import annotations

import re
from pathlib import Path

from bs4 import BeautifulSoup, NavigableString, Tag

from jobmatch.readers.limits import ReaderLimits
from jobmatch.readers.plain import decode_bytes

_BLOCKS = {"p", "div", "section", "article", "header", "footer", "h1", "h2", "h3", "h4", "h5", "h6",
           "table", "tr", "ul", "ol", "dl", "dt", "dd", "blockquote", "pre", "br", "hr", "main", "aside",
           "form", "fieldset", "address", "figure", "figcaption"}
_SPACES = re.compile(r"\s+")
_EMPTY_ITEM = re.compile(r"\n-\s*\n\s*")  # "<li><p>text</p></li>" puts the text on the next line
_GAP_BETWEEN_ITEMS = re.compile(r"(?<=[^\n])\n\n+(?=- )(?<=\n)")
_SKIP = {"script", "style", "noscript", "template", "head", "svg", "iframe", "object"}


def _walk(node: Tag, out: list[str]) -> None:
    for child in node.children:
        if isinstance(child, NavigableString):
            if type(child) is NavigableString:  # not a Comment/Doctype/CData
                out.append(_SPACES.sub(" ", str(child)))
            continue
        if not isinstance(child, Tag) or child.name in _SKIP:
            continue
        if child.name == "li":
            out.append("\n- ")
            _walk(child, out)
        elif child.name in ("td", "th"):
            _walk(child, out)
            out.append(" | ")
        elif child.name in _BLOCKS:
            out.append("\n")
            _walk(child, out)
            out.append("\n\n" if child.name in ("p", "h1", "h2", "h3", "h4", "h5", "h6", "table", "ul", "ol") else "\n")
        else:
            _walk(child, out)


def read_html(path: Path, data: bytes, limits: ReaderLimits) -> tuple[str, list[int]]:
    markup = decode_bytes(data, path, limits)
    soup = BeautifulSoup(markup, "html.parser")
    parts: list[str] = []
    _walk(soup, parts)
    lines = (" ".join(line.split()).rstrip(" |") for line in "".join(parts).split("\n"))
    text = _EMPTY_ITEM.sub("\n- ", "\n".join(lines))
    text = _GAP_BETWEEN_ITEMS.sub("\n", text)
    return text.strip() + "\n", []
