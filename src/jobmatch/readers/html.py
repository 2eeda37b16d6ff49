"""HTML to text with block structure kept: headings and paragraphs on their own lines, list items
as "- " items. Python's html.parser resolves no external entities and loads nothing."""

from __future__ import annotations

import re
from pathlib import Path

from bs4 import BeautifulSoup, NavigableString, Tag

from jobmatch.errors import ReadError
from jobmatch.readers.limits import ReaderLimits
from jobmatch.readers.plain import decode_bytes

_BLOCKS = {"p", "div", "section", "article", "header", "footer", "h1", "h2", "h3", "h4", "h5", "h6",
           "table", "tr", "ul", "ol", "dl", "dt", "dd", "blockquote", "pre", "br", "hr", "main", "aside",
           "form", "fieldset", "address", "figure", "figcaption"}
_SPACES = re.compile(r"\s+")
_EMPTY_ITEM = re.compile(r"\n-\s*\n\s*")  # "<li><p>text</p></li>" puts the text on the next line
_GAP_BETWEEN_ITEMS = re.compile(r"(?<=[^\n])\n\n+(?=- )(?<=\n)")
_SKIP = {"script", "style", "noscript", "template", "head", "svg", "iframe", "object"}


def _walk(root: Tag, out: list[str]) -> None:
    """Text of the tree in document order. Iterative, with an explicit stack, so that a page nested
    a hundred thousand levels deep is read rather than overflowing Python's recursion limit."""
    stack: list[object] = [iter(root.children)]
    while stack:
        top = stack[-1]
        if isinstance(top, str):          # the closing text of an element whose children are done
            stack.pop()
            out.append(top)
            continue
        child = next(top, None)
        if child is None:
            stack.pop()
            continue
        if isinstance(child, NavigableString):
            if type(child) is NavigableString:  # not a Comment/Doctype/CData
                out.append(_SPACES.sub(" ", str(child)))
            continue
        if not isinstance(child, Tag) or child.name in _SKIP:
            continue
        if child.name == "li":
            out.append("\n- ")
            closing = ""
        elif child.name in ("td", "th"):
            closing = " | "
        elif child.name in _BLOCKS:
            out.append("\n")
            closing = "\n\n" if child.name in ("p", "h1", "h2", "h3", "h4", "h5", "h6", "table", "ul", "ol") else "\n"
        else:
            closing = ""
        if closing:
            stack.append(closing)
        stack.append(iter(child.children))


def read_html(path: Path, data: bytes, limits: ReaderLimits) -> tuple[str, list[int]]:
    markup = decode_bytes(data, path, limits)
    try:
        soup = BeautifulSoup(markup, "html.parser")
    except RecursionError:
        raise ReadError(path, "the HTML is nested too deeply to parse") from None
    parts: list[str] = []
    _walk(soup, parts)
    lines = (" ".join(line.split()).rstrip(" |") for line in "".join(parts).split("\n"))
    text = _EMPTY_ITEM.sub("\n- ", "\n".join(lines))
    text = _GAP_BETWEEN_ITEMS.sub("\n", text)
    return text.strip() + "\n", []
