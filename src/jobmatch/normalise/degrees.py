"""Degree expressions -> degree level (ISCED 2011), in English, French and Spanish."""

from __future__ import annotations

import re

from jobmatch.vocab import DEGREE_LEVELS

# Ordered: the first pattern that matches at a position decides the level. Word boundaries are
# explicit because abbreviations carry dots ("M.Sc.", "LL.M.").
_B = r"(?<![\w.])"
_E = r"(?![\w])"
DEGREE_PATTERNS: list[tuple[str, str]] = [
    ("master", r"ph\.?\s?d\.?\s*\(\s*abd\s*\)"),  # all-but-dissertation: not a doctorate
    ("doctorate", r"ph\.?\s?d\.?|d\.?\s?phil\.?|doctoral degree|doctorate(?: degree)?|doctorat|doctorado|doctor of [a-z]+|ed\.?\s?d\.?"),
    ("master", r"advanced university degree|advanced degree|higher university degree|master'?s(?: degree)?|master of [a-z]+(?: [a-z]+)?|master(?: 2| ii| degree| professionnel| recherche)?|"
               r"m\.\s?sc\.?|msc|m\.\s?a\.|m\.\s?phil\.?|mphil|mba|emba|ll\.\s?m\.?|llm|mpa|mpp|m\.?\s?eng\.?|"
               r"postgraduate degree|post-graduate degree|graduate degree|second(?:-level)? university degree|"
               r"diplôme (?:universitaire )?(?:supérieur|de master|d'ingénieur)|dea|dess|bac\s?\+\s?5|"
               r"máster|maestría|magíster|magister|título (?:universitario )?(?:superior|de posgrado|de maestría)|"
               r"diploma de posgrado|ingeniero superior|diplom-ingenieur|ma"),
    ("bachelor", r"first[- ]level university degree|first university degree|bachelor'?s?(?: degree)?|bachelor of [a-z]+|"
                 r"b\.\s?sc\.?|bsc(?:\s?\(hons\))?|b\.\s?a\.|b\.?\s?eng\.?|ll\.\s?b\.?|llb|b\.?com|bba|"
                 r"undergraduate degree|university degree|licence(?: professionnelle)?|licenciatura|licenciado|"
                 r"grado(?: universitario)?|título universitario|diplôme universitaire|maîtrise|bac\s?\+\s?[34]|"
                 r"(?:completed )?university studies|"
                 r"ingeniero|ingénieur|ba"),
    ("short_cycle", r"bac\s?\+\s?2|associate(?:'s)? degree|dut|bts|higher national diploma|hnd|técnico superior"),
    ("secondary", r"high[- ]school diploma|secondary (?:school|education)(?: diploma| certificate)?|baccalauréat|"
                  r"bachillerato|a-levels|completion of secondary|bac"),
]
DEGREE_REGEX = re.compile("|".join(f"(?P<{level}{i}>{_B}(?:{pattern}){_E})" for i, (level, pattern) in enumerate(DEGREE_PATTERNS)),
                          re.IGNORECASE)
# Bare "MA"/"BA" only in capitals (not the words "ma", "ba" in French/Spanish prose).
_CASE_SENSITIVE = {"ma", "ba", "bac", "dea", "dess", "dut", "bts", "hnd"}


def find_degrees(text: str) -> list[tuple[int, int, str]]:
    """(start, end, level) for each degree expression in the text."""
    found = []
    for m in DEGREE_REGEX.finditer(text):
        words = m.group(0)
        if words.lower() in _CASE_SENSITIVE and not words.isupper() and words.lower() != "bac":
            continue
        if words.lower() == "bac" and words != "Bac" and not words.isupper():
            continue
        level = re.sub(r"\d+$", "", m.lastgroup or "")
        found.append((m.start(), m.end(), level))
    return found


def degree_level(text: str) -> str | None:
    """The level of the first degree expression in the text."""
    found = find_degrees(text)
    return found[0][2] if found else None


def isced_level(level: str | None) -> int | None:
    return DEGREE_LEVELS.get(level or "")
