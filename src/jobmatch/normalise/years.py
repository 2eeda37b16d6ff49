"""Years of experience required by a notice: "seven years", "10+ years", "at least three at the
international level", "a Doctorate ... substitute for three years"."""

from __future__ import annotations

import re
from dataclasses import dataclass

from jobmatch.normalise.numbers import NUMBER, parse_number

_YEARS = r"(?:years?|yrs?\.?|ans|années|año?s|anos)"
YEARS_REGEX = re.compile(rf"(?<![\w])(?P<num>{NUMBER})\s*(?:\+|\(\+\))?\s*(?:or more\s+)?(?:(?:additional|more|further|supplementary|full-time|complete)\s+)?{_YEARS}(?![\w])", re.IGNORECASE)
# "including at least three at the international level": the noun is elided.
ELIDED_REGEX = re.compile(rf"(?:including|of which|with|dont|incluidos?|de los cuales)\s+(?:at least|a minimum of|minimum|au moins|al menos|como mínimo)?\s*(?P<num>{NUMBER})\s+(?=(?:at|in|on|au|à|en|a)\b)",
                          re.IGNORECASE)

_INTERNATIONAL = re.compile(r"(?:at|on) (?:the |an )?international level|au niveau international|à l'international|a nivel internacional|en el ámbito internacional|"
                            r"international (?:experience|environment|setting|context|organi[sz]ations?)|expérience internationale|experiencia internacional|"
                            r"internationally|multilateral|(?:UN|United Nations) (?:system|common system)|overseas|abroad|in the field\b", re.IGNORECASE)
_LEADERSHIP = re.compile(r"leadership|managerial|management (?:role|position|capacity|level)|supervis|senior management|head of|encadrement|direction|liderazgo|gerencial|dirección", re.IGNORECASE)
_SUBSTITUTION = re.compile(r"substitut|in lieu|instead of|in combination with|replace|en lieu|en remplacement|en combinaison|en combinación|en lugar|sustitu|may be accepted|peut être accepté", re.IGNORECASE)
_DOCTORATE = re.compile(r"doctora|ph\.?\s?d", re.IGNORECASE)
_DESIRABLE = re.compile(r"desirable|preferred|preferably|an asset|advantage|would be a plus|souhaitable|atout|deseable|se valorará|ventaja", re.IGNORECASE)


@dataclass(frozen=True)
class YearsMention:
    start: int
    end: int
    years: float
    kind: str              # total | international | leadership | substitution | desirable
    doctorate: bool        # a doctorate counts for these years
    leadership: bool = False  # the years must be in a leadership role (may also be international)


def _clause(text: str, start: int, end: int) -> tuple[str, str]:
    """The sentence around a mention: (text before it, text after it) within the sentence."""
    left = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start), text.rfind("; ", 0, start))
    right_candidates = [i for i in (text.find(". ", end), text.find("\n", end), text.find("; ", end)) if i >= 0]
    right = min(right_candidates) if right_candidates else len(text)
    return text[left + 1:start], text[end:right]


def find_year_requirements(text: str) -> list[YearsMention]:
    """Every years figure in requirement text, classified by what its sentence says about it."""
    mentions: list[YearsMention] = []
    spans = [(m.start("num"), m.end(), m.group("num")) for m in YEARS_REGEX.finditer(text)]
    spans += [(m.start("num"), m.end("num"), m.group("num")) for m in ELIDED_REGEX.finditer(text)]
    for start, end, number in sorted(spans):
        if any(m.start < end and start < m.end for m in mentions):
            continue
        years = parse_number(number)
        if years is None or years > 40:
            continue
        before, after = _clause(text, start, end)
        near_after = after[:90]
        sentence = before + text[start:end] + after
        doctorate = bool(_DOCTORATE.search(sentence)) and bool(_SUBSTITUTION.search(sentence))
        if doctorate or (_SUBSTITUTION.search(sentence) and re.search(r"degree|diplôme|título|diploma", sentence, re.IGNORECASE)):
            kind = "substitution"
        elif _INTERNATIONAL.search(near_after[:60]) or _INTERNATIONAL.search(before[-25:]):
            kind = "international"
        elif _LEADERSHIP.search(near_after[:80]) or _LEADERSHIP.search(before[-30:]):
            kind = "leadership"
        elif _DESIRABLE.search(sentence):
            kind = "desirable"
        else:
            kind = "total"
        leadership = kind == "leadership" or bool(_LEADERSHIP.search(near_after[:80]))
        mentions.append(YearsMention(start, end, years, kind, doctorate, leadership))
    return mentions
