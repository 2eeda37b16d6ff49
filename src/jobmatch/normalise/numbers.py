"""Numbers written as digits or words, in English, French and Spanish ("seven", "sept", "siete")."""

from __future__ import annotations

import re

NUMBER_WORDS = {
    # English
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "twenty-five": 25, "thirty": 30,
    "a": 1, "an": 1,
    # French
    "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "sept": 7, "huit": 8,
    "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "treize": 13, "quatorze": 14, "quinze": 15, "seize": 16,
    "dix-sept": 17, "dix-huit": 18, "dix-neuf": 19, "vingt": 20,
    # Spanish
    "uno": 1, "una": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7, "ocho": 8,
    "nueve": 9, "diez": 10, "once": 11, "doce": 12, "trece": 13, "catorce": 14, "quince": 15, "dieciséis": 16,
    "diecisiete": 17, "dieciocho": 18, "diecinueve": 19, "veinte": 20,
}
# "twenty-one" .. "thirty-nine": written out in CV summaries ("twenty-two years of experience").
for _tens, _value in (("twenty", 20), ("thirty", 30)):
    for _unit in ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine"):
        NUMBER_WORDS[f"{_tens}-{_unit}"] = _value + NUMBER_WORDS[_unit]
_HALF = r"(?:\s+and a half|\s+et demi[e]?|\s+y medio)"
_WORD_ALTERNATION = "|".join(sorted((re.escape(w) for w in NUMBER_WORDS if len(w) > 2), key=len, reverse=True))
# A count as digits ("7", "7+", "2.5") or words ("seven", "five (5)").
NUMBER = rf"(?:\d{{1,2}}(?:[.,]5)?|(?:{_WORD_ALTERNATION})(?:\s*\(\d{{1,2}}\))?){_HALF}?"


def parse_number(text: str) -> float | None:
    """'seven' -> 7, 'five (5)' -> 5, '2,5' -> 2.5, '10+' -> 10; None when no number."""
    cleaned = text.strip().lower()
    half = 0.5 if re.search(r"\b(?:a half|demie?|medio)\b", cleaned) else 0.0
    digits = re.search(r"\d{1,2}(?:[.,]\d)?", cleaned)
    if digits:
        return float(digits.group(0).replace(",", ".")) + half
    for word in re.findall(r"[a-zà-ÿ-]+", cleaned):
        if word in NUMBER_WORDS and len(word) > 2:
            return float(NUMBER_WORDS[word]) + half
    return None
