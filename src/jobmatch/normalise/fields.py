"""Fields of study -> ISCED-F 2013 codes, by the names and synonyms in data/fields.yaml."""

from __future__ import annotations

import re
from functools import lru_cache

from jobmatch.normalise.degrees import DEGREE_REGEX
from jobmatch.normalise.languages import language_code
from jobmatch.normalise.phrases import PhraseTable
from jobmatch.taxonomy import load_taxonomy


@lru_cache(maxsize=1)
def _field_table() -> PhraseTable:
    names: dict[str, str] = {}
    for code, entry in load_taxonomy().fields.items():
        for name in entry.names:
            names.setdefault(name.lower(), code)
    return PhraseTable(names)


# "droit des télécommunications", "derecho del trabajo", "droit de l'Union européenne", "derecho
# administrativo": a branch of law is one field (law), whatever the words that name the branch.
_LAW_WORD = re.compile(r"droit|derecho", re.IGNORECASE)
_LAW_BRANCH = re.compile(r"(?:\s+(?:des|du|de la|del|de los|de las|de)\s+|\s+de\s+l['’]|\s+d['’])"
                         r"(?P<of>[^\W\d_]+(?:[ '’-][^\W\d_]+){0,3}?)(?=\s*(?:[,;.:()/]|\s(?:et|ou|y|o|e|en|à|avec|con)\s|$))"
                         r"|\s+(?P<adjective>[^\W\d_]+(?:al|el|if|ique|ivo|iva|ico|ica|ario|aria|aire|ien|iste|ista|ier|ano|ana))(?![\w-])",
                         re.IGNORECASE | re.MULTILINE)


def _law_branches(text: str, found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The found names, each "droit"/"derecho" stretched over the branch of law it names and the
    names inside that branch dropped."""
    out: list[tuple[int, int, str]] = []
    covered_to = -1
    for start, end, code in found:
        if start < covered_to:
            continue
        if code == "0421" and _LAW_WORD.fullmatch(text[start:end]):
            branch = _LAW_BRANCH.match(text, end)
            if branch:
                end = covered_to = branch.end()
        out.append((start, end, code))
    return out


def find_fields(text: str) -> list[tuple[int, int, str]]:
    """(start, end, ISCED-F code) for each field-of-study name in the text."""
    return _law_branches(text, [(start, end, code) for start, end, words, code in _field_table().find(text)
                                if not (words.isupper() and len(words) <= 3 and words.lower() not in ("ict", "it"))])


# CVs write a field of study right after the degree: "MSc in Applied Psychology, ETH Zurich",
# "Master 2 Droit social, Université Paris 2", "Licence, Information and Library Science · 2008".
_FIELD_LEAD = re.compile(r"(?:\s*\([^()\n]*\))?(?-i:\s*(?:-\s*)?[A-Z]{2,}(?:-[A-Z]{2,})?(?![\w])|\s+[A-Z][a-z]{1,3}\.(?=\s+(?:in|of)\s))?"
                         r"(?:\s+(?:candidate|student|studies|programme|program|candidat|candidato|candidata|en cours|en curso))?"
                         r"\s*(?:[,:·–—-]\s*)?"
                         r"(?:(?:in|en|em|of|de|di|in the field of)\s+|d['’]\s*)?", re.IGNORECASE)
_INLINE_LABEL = re.compile(r"(?:main (?:course of study|field(?: of study)?)|field(?: of study)?|major|subject|spécialité|especialidad)\s*[:：]\s*",
                           re.IGNORECASE)
_FIELD_END = re.compile(r"\s*[,;()|·]|\s+[–—-]\s+|\s{2,}|\t|\s+(?:at|from|with|à|avec|con|major|option|track|specialization|"
                        r"specialisation|spécialité|mention|honours|hons)\b|\s*\(|\s+(?:19|20)\d\d\b|$", re.IGNORECASE)
_NOT_A_FIELD = re.compile(r"\b(?:universit[yéà]|universidad|universidade|università|institute?|instituto|school|college|école|"
                          r"escuela|hochschule|academy|académie|polytechnique|politecnico|ETH|EPFL|HES-SO|faculty|faculté|"
                          r"facultad|campus|obtained|expected|candidate|thesis|dissertation|first class|honours|hons|cum laude|distinction|"
                          r"part-time|full-time|online|distance learning|evening|temps partiel|a distancia|postgraduate|lato sensu|"
                          r"level|degree|diploma|diplôme|título)\b", re.IGNORECASE)
# "Main course of study: Accounting", "Field: Finance and credit", "Spécialité : droit public".
FIELD_LABEL = re.compile(r"^\s*(?:main (?:course of study|field(?: of study)?)|field(?: of study)?|major|subject|discipline|"
                         r"spécialité|domaine|filière|especialidad|área de estudio|carrera)\s*[:：]\s*", re.IGNORECASE | re.MULTILINE)
MAX_FIELD_CHARS = 70


_BRACKET = re.compile(r"\s*\((?P<inner>[^()\n]{2,60})\)")
_FIELD_AFTER_NOTE = re.compile(r"\s+(?:in|en|em|of|de)\s", re.IGNORECASE)
_BRACKET_NOTE = re.compile(r"\s+(?:option|track|major|specialization|specialisation|orientation)$", re.IGNORECASE)
_ABBREVIATION = re.compile(r"^(?=(?:[^A-Z]*[A-Z]){2}|.*\.)[A-Z][A-Za-z]*\.?(?:[ -]?[A-Za-z]+\.?)?$")


def field_phrase_after(text: str, position: int, line_end: int) -> tuple[int, int] | None:
    """The field of study written right after a degree (or a "Field:" label) ending at `position`:
    "MSc in Applied Psychology, ETH", "MBA (Finance), Boston" (a field in brackets)."""
    bracket = _BRACKET.match(text, position, line_end)
    if bracket and (bracket["inner"].count(".") >= 2 or _FIELD_AFTER_NOTE.match(text, bracket.end(), line_end)):
        bracket = None   # "PhD (Dr. rer. pol.) in Economics", "Bachelor's degree (licencjat) in X": a note, the field follows
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
    if phrase.isupper() and " " not in phrase and not find_fields(phrase):
        return None   # "(ISE), ENSEA, Abidjan": a school's acronym, not a field
    end = start + len(text[start:end].rstrip())
    return start, end


_ARTICLE = re.compile(r"(?:de la |de l'|del |de |des |du |d'|of the |the )", re.IGNORECASE)
_ADJECTIVE = re.compile(r"^\w+(?:al|ic|ical|ive|ed|ary|ar)$", re.IGNORECASE)


def is_field_name(words: str) -> bool:
    """The words are, as a whole, a known field of study, or a language studied ("English")."""
    words = " ".join(words.split()).lower()
    return words in _field_table().ids or language_code(words) is not None


_AFTER_FIELD_BRACKET = re.compile(r"\s*\((?P<inner>[^()\n]{3,60})\)")


def bracketed_field_after(text: str, end: int, line_end: int) -> tuple[int, int] | None:
    """A second field in brackets right after a field: a specialisation ("Computer Science
    (Networking)", "Economics (public finance)") or the same field in another language."""
    m = _AFTER_FIELD_BRACKET.match(text, end, line_end)
    if not m:
        return None
    words = _BRACKET_NOTE.sub("", m["inner"]).strip()
    if not words or _NOT_A_FIELD.search(words) or not (is_field_name(words) or find_fields(words)):
        return None
    return m.start("inner"), m.start("inner") + len(words)


def split_field_list(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """"Accounting and Finance", "Political Science and Public Administration" -> two fields: each
    side is a field of study of its own. One field otherwise: "Peace and Conflict Studies" (no field
    "peace"), "Electrical and Computer Engineering" (an adjective shares the noun), "Security and
    Defence Studies" ("security studies": the head noun is shared), a name known whole
    ("Computer Science and Engineering")."""
    phrase = text[start:end]
    parts = re.split(r"(\s+(?:and|&|et|y|e)\s+)", phrase, maxsplit=1)
    if len(parts) != 3 or not parts[0].strip() or not parts[2].strip() or is_field_name(phrase):
        return [(start, end)]
    first, second = parts[0].strip(), parts[2]
    article = _ARTICLE.match(second)   # "Ciencias Políticas y de la Administración"
    second = second[article.end():] if article else second
    if _ADJECTIVE.match(first) or not is_field_name(first) or not is_field_name(second):
        return [(start, end)]
    head = second.split()
    if len(first.split()) == 1 and len(head) > 1 and is_field_name(f"{first} {head[-1]}"):
        return [(start, end)]
    second_start = start + len(parts[0]) + len(parts[1]) + (article.end() if article else 0)
    return [(start, start + len(parts[0])), (second_start, end)]


_NEXT_ITEM = re.compile(r",\s*(?P<item>[^,;()|·\n]{2,60}?)(?=\s*(?:[,;()|·]|\s[–—-]\s|$))", re.MULTILINE)


def more_fields_after(text: str, end: int, line_end: int) -> list[tuple[int, int]]:
    """Further fields of a comma list after the first ("Master 2 Comptabilité, Contrôle de gestion,
    Audit"): each next item that is a known field name, up to the first that is not."""
    found = []
    while (m := _NEXT_ITEM.match(text, end, line_end)) and is_field_name(m["item"]):
        found.append((m.start("item"), m.end("item")))
        end = m.end("item")
    return found


def field_code(text: str) -> str | None:
    """The ISCED-F code of the first field name in a phrase."""
    found = find_fields(text)
    return found[0][2] if found else None
