"""Fields of study -> ISCED-F 2013 codes, by the names and synonyms in data/fields.yaml."""

from __future__ import annotations

import re
from functools import lru_cache

from jobmatch.normalise.degrees import DEGREE_REGEX
from jobmatch.normalise.phrases import PhraseTable
from jobmatch.taxonomy import load_taxonomy


@lru_cache(maxsize=1)
def _field_table() -> PhraseTable:
    names: dict[str, str] = {}
    for code, entry in load_taxonomy().fields.items():
        for name in entry.names:
            names.setdefault(name.lower(), code)
    return PhraseTable(names)


def find_fields(text: str) -> list[tuple[int, int, str]]:
    """(start, end, ISCED-F code) for each field-of-study name in the text."""
    return [(start, end, code) for start, end, words, code in _field_table().find(text)
            if not (words.isupper() and len(words) <= 3 and words.lower() not in ("ict", "it"))]


# CVs write a field of study right after the degree: "MSc in Applied Psychology, ETH Zurich",
# "Master 2 Droit social, Université Paris 2", "Licence, Information and Library Science · 2008".
_FIELD_LEAD = re.compile(r"(?:\s*\([^()\n]*\))?(?-i:\s*-?[A-Z]{2,}(?:-[A-Z]{2,})?(?![\w]))?\s*(?:[,:·–—-]\s*)?"
                         r"(?:(?:in|en|em|of|de|di|in the field of)\s+|d['’]\s*)?", re.IGNORECASE)
_INLINE_LABEL = re.compile(r"(?:main (?:course of study|field(?: of study)?)|field(?: of study)?|major|subject|spécialité|especialidad)\s*[:：]\s*",
                           re.IGNORECASE)
_FIELD_END = re.compile(r"\s*[,;()|·]|\s+[–—-]\s+|\s{2,}|\t|\s+(?:at|from|with|à|avec|con|major|option|track|specialization|"
                        r"specialisation|spécialité|mention|honours|hons)\b|\s*\(|\s+(?:19|20)\d\d\b|$", re.IGNORECASE)
_NOT_A_FIELD = re.compile(r"\b(?:universit[yéà]|universidad|universidade|università|institute?|instituto|school|college|école|"
                          r"escuela|hochschule|academy|académie|polytechnique|politecnico|ETH|EPFL|HES-SO|faculty|faculté|"
                          r"facultad|campus|obtained|expected|candidate|thesis|dissertation|first class|honours|cum laude|distinction|"
                          r"level|degree|diploma|diplôme|título)\b", re.IGNORECASE)
# "Main course of study: Accounting", "Field: Finance and credit", "Spécialité : droit public".
FIELD_LABEL = re.compile(r"^\s*(?:main (?:course of study|field(?: of study)?)|field(?: of study)?|major|subject|discipline|"
                         r"spécialité|domaine|filière|especialidad|área de estudio|carrera)\s*[:：]\s*", re.IGNORECASE | re.MULTILINE)
MAX_FIELD_CHARS = 70


_BRACKET = re.compile(r"\s*\((?P<inner>[^()\n]{2,60})\)")
_BRACKET_NOTE = re.compile(r"\s+(?:option|track|major|specialization|specialisation|orientation)$", re.IGNORECASE)
_ABBREVIATION = re.compile(r"^(?=(?:[^A-Z]*[A-Z]){2}|.*\.)[A-Z][A-Za-z]*\.?(?:[ -]?[A-Za-z]+\.?)?$")


def field_phrase_after(text: str, position: int, line_end: int) -> tuple[int, int] | None:
    """The field of study written right after a degree (or a "Field:" label) ending at `position`:
    "MSc in Applied Psychology, ETH", "MBA (Finance), Boston" (a field in brackets)."""
    bracket = _BRACKET.match(text, position, line_end)
    if bracket and not _ABBREVIATION.match(bracket["inner"].strip()) and not DEGREE_REGEX.match(bracket["inner"].strip()):
        inner_start = bracket.start("inner")
        words = _BRACKET_NOTE.sub("", bracket["inner"]).rstrip()
        if words and words[0].isalpha() and not _NOT_A_FIELD.search(words):
            return inner_start, inner_start + len(words)
    lead = _FIELD_LEAD.match(text, position, line_end)
    start = lead.end() if lead else position
    label = _INLINE_LABEL.match(text, start, line_end)
    if label:
        start = label.end()
    stop = _FIELD_END.search(text, start, line_end)
    end = stop.start() if stop else line_end
    phrase = text[start:end].strip()
    if not phrase or len(phrase) > MAX_FIELD_CHARS or not phrase[0].isalpha() or _NOT_A_FIELD.search(phrase):
        return None
    end = start + len(text[start:end].rstrip())
    return start, end


_ARTICLE = re.compile(r"(?:de la |de l'|del |de |des |du |d'|of the |the )", re.IGNORECASE)
_ADJECTIVE = re.compile(r"^\w+(?:al|ic|ical|ive|ed|ary|ar)$", re.IGNORECASE)


def split_field_list(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """"Economics and Environment" -> two fields; "Electrical and Computer Engineering" (an
    adjective before "and": one field whose head noun is shared) stays one."""
    phrase = text[start:end]
    parts = re.split(r"(\s+(?:and|&|et|y|e)\s+)", phrase, maxsplit=1)
    if len(parts) == 3 and parts[0].strip() and parts[2].strip() and not _ADJECTIVE.match(parts[0].strip()):
        second = start + len(parts[0]) + len(parts[1])
        article = _ARTICLE.match(parts[2])   # "Ciencias Políticas y de la Administración"
        return [(start, start + len(parts[0])), (second + (article.end() if article else 0), end)]
    return [(start, end)]


def field_code(text: str) -> str | None:
    """The ISCED-F code of the first field name in a phrase."""
    found = find_fields(text)
    return found[0][2] if found else None
