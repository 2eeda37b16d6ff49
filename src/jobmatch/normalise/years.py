"""Years of experience required by a notice: "seven years", "10+ years", "at least three at the
international level", "a Doctorate ... substitute for three years"."""

from __future__ import annotations

import re
from dataclasses import dataclass

from jobmatch.normalise.numbers import NUMBER, parse_number

_YEARS = r"(?:year\(s\)|years?|yrs?\.?|ans|années|año?s|anos)"
# A range or alternatives ("3 to 5 years", "3-5 years", "entre 2 et 4 ans", "de 3 à 5 ans"): the
# minimum is the lower bound, so `num` is the first number.
_RANGE = rf"(?:\s*(?:-|–|—|/)\s*|\s+(?:to|and|or|à|et|ou|a|y|o)\s+){NUMBER}"
YEARS_REGEX = re.compile(rf"(?<![\w])(?P<num>{NUMBER})(?:{_RANGE})?\s*(?:\+|\(\+\))?\s*(?:or more\s+|ou plus\s+|o más\s+)?(?:(?:additional|more|further|supplementary|full-time|complete)\s+)?{_YEARS}(?![\w])", re.IGNORECASE)
# "a 3-year experience", "a ten-year track record": the compound adjective, only before the
# experience it measures (not "a five-year plan", "a two-year diploma").
COMPOUND_REGEX = re.compile(rf"(?<![\w])(?P<num>{NUMBER})-years?(?=\s+(?:(?:of|professional|relevant|proven|solid|successful|"
                            rf"work|working|minimum|significant)\s+)*(?:experience|track record))", re.IGNORECASE)
# "including at least three at the international level": the noun is elided.
# "Nine years in IT support, more than five of them on a UN service desk", "de los cuales ocho al frente".
ELIDED_OF_THEM_REGEX = re.compile(rf"(?:,|;)\s*(?:the last |more than |nearly |almost |over |about |some |at least |a minimum of |au moins |al menos )?(?P<num>{NUMBER})\s+(?=of them\b|of which\b|de ellos\b|de los cuales\b|d'entre eux\b)",
                                  re.IGNORECASE)
# "of which two must be at the international level", "dont trois doivent avoir été acquis au niveau international".
_MODAL = r"(?:(?:should|must|shall|need to|have to|deben|debe|doivent|doit)\s+(?:be\s+|have been\s+|haber sido\s+|avoir été\s+|être\s+|ser\s+)?(?:acquis\s+|acquired\s+|gained\s+|obtained\s+|obtenidos?\s+|adquiridos?\s+)?)?"
ELIDED_REGEX = re.compile(rf"(?:including|of which|with|dont|incluidos?|de los cuales|de las cuales|de ellos|de ellas|d'entre eux)\s+(?:at least|a minimum of|minimum|au moins|al menos|como mínimo)?\s*(?P<num>{NUMBER})\s+(?={_MODAL}(?:at|in|on|with|within|as|au|à|en|a|al|dans|sur|hors|auprès|avec|con|como|dentro|fuera|outside|abroad)\b)",
                          re.IGNORECASE)

_INTERNATIONAL = re.compile(r"(?:at|on) (?:the |an )?international level|au niveau international|à l'international|a nivel internacional|en el ámbito internacional|"
                            r"international (?:[\w-]+ )?(?:experience|environments?|settings?|contexts?|organi[sz]ations?|positions?|posts?|assignments?|missions?|institutions?|agenc(?:y|ies)|bod(?:y|ies)|NGOs?|non-governmental|capacity|exposure)|"
                            r"(?:contexte|milieu|environnement) international|à l'échelle internationale|(?:contexto|entorno|ámbito) internacional|"
                            r"(?:UN|United Nations) (?:agenc(?:y|ies)|entit(?:y|ies)|organi[sz]ations?|funds|programmes|missions?|peace(?:keeping)? operations?)|"
                            r"(?:within|in|with|for) the (?:UN|United Nations)\b|field duty stations?|field missions?|"
                            r"(?:syst[eè]me|sistema|organismos?|organisations?|agences?|agencias|fonds|fondos|programas|programmes) (?:des |de las |de los )?(?:Nations Unies|Naciones Unidas)|"
                            r"à l'étranger|en el extranjero|en el exterior|hors de (?:son|leur|votre) pays|fuera de su país|outside (?:(?:his|her|his/her|their|one's|your) )?(?:home |own )?country|"
                            r"expérience internationale|experiencia internacional|organisations? internationales?|organismos? internacionales?|"
                            r"(?:postes?|fonctions?|missions?|institutions?|puestos?|cargos?|funciones|misiones|instituciones|organizaciones) (?:internacional(?:es)?|internationa(?:l|le|les|ux))|"
                            r"developing countr(?:y|ies)|low[- ](?:and middle[- ])?income countr(?:y|ies)|pays en (?:voie de )?développement|países en (?:vías de )?desarrollo|"
                            r"sur le terrain|en el terreno|en terrain|"
                            r"internationally|multilateral|(?:UN|United Nations) (?:system|common system)|overseas|abroad|in the field\b(?! of\b)", re.IGNORECASE)
_LEADERSHIP = re.compile(r"leadership|managerial|management (?:role|position|capacity|level)|supervis|senior management|head of|encadrement|direction|liderazgo|gerencial|dirección|"
                         r"managing (?:teams?|staff|people|a team)|(?:people|team|staff) management|leading (?:teams?|a team)|"
                         r"gestion d'équipes?|management d'équipes?|gestión de (?:equipos|personal)|dirigiendo equipos", re.IGNORECASE)
# "..., or a Bachelor's degree with two additional years of experience": a lower degree offered with
# more years is a substitution clause, in the years read here and in the notice's education.
WITH_ADDITIONAL_YEARS = (r"\bwith (?:at least |a minimum of )?[\w()]+ (?:\(\d+\) )?(?:additional|more|further|extra) years?|"
                         r"avec (?:au moins )?[\w()]+ (?:\(\d+\) )?années? (?:supplémentaires|additionnelles)|"
                         r"con (?:al menos )?[\w()]+ (?:\(\d+\) )?años (?:adicionales|más)")
_SUBSTITUTION = re.compile(WITH_ADDITIONAL_YEARS + r"|substitut|in lieu|instead of|in place of|in combination with|replace|en lieu|en remplacement|en combinaison|en combinación|en lugar|sustitu|"
                           r"may be accepted|peut être accepté|(?:be )?counted as|count(?:s|ed)? (?:as|for|towards?)|equivalent to|équivaut à|équivalente? à|considérée? comme|"
                           r"equivale a|equivalente a|computa(?:rá|do)? como|(?:also |be |given due )consider(?:ed|ation)|followed by|"
                           r"sera(?:it)? (?:également )?pris en (?:compte|considération)|se considerará|podrá aceptarse", re.IGNORECASE)
_DOCTORATE = re.compile(r"doctora|ph\.?\s?d", re.IGNORECASE)
_DESIRABLE = re.compile(r"desirable|preferred|preferably|an asset|(?:strong|real|distinct|definite) asset|advantage|a (?:strong |distinct )?plus|un avantage|would be useful|souhaitable|souhaitée?s?|appréciée?s?|atout|un plus|deseable|se valorará|valorable|"
                        r"(?:será |es )valorad[oa]|ventaja", re.IGNORECASE)
# "preferably in an international organization" qualifies where the years were gained, not whether
# they are required.
_SETTING_PREFERENCE = re.compile(r"(?:preferabl[ey]|preferred|de préférence|preferiblemente|preferentemente)\s+(?:[\w-]+\s+){0,1}(?:in|with|at|within|from|on|gained|acquired|obtained|en|dans|au|auprès|con|dentro)\b",
                                 re.IGNORECASE)
# Years that are not experience: an age limit, the length of studies, a maximum, a time window.
_NOT_EXPERIENCE_BEFORE = re.compile(r"(?:under|below|younger than|older than|within|up to|no more than|not more than|maximum(?: of)?|"
                                    r"in the(?: last| past)?|during the(?: last| past)?|studies of(?: at least)?|"
                                    r"études (?:universitaires )?(?:d'au moins|de)|estudios (?:universitarios )?de(?: al menos)?|"
                                    r"(?:education|studies|study|programme|course|degree) (?:is|are|lasts?|lasting)(?: at least)?|"
                                    r"(?:fixed[- ]term|duration|contract|appointment|assignment)(?: of (?:appointment|contract|assignment))?\s*[,:])\s*$", re.IGNORECASE)
_NOT_EXPERIENCE_AFTER = re.compile(r"^\s*(?:of age|old|d'âge|de edad|of (?:university |higher |tertiary )?(?:studies|study|education)|d'études|de estudios|"
                                   r"immediately|before|prior to the|of the award|after the award|since|"
                                   r"(?:fixed-term |renewable )?(?:contract|appointment|assignment|mandate|master|bachelor|degree|diploma|course)s?\b)",
                                   re.IGNORECASE)
# A sub-requirement of a main one ("..., of which at least four years in X at the international level"):
# the cue may sit anywhere to the end of its clause.
_SUB_REQUIREMENT = re.compile(r"(?:of which|including|incl\.|with|dont|incluidos?|de los cuales)\s+(?:at least|a minimum of|minimum|au moins|al menos|como mínimo)?\s*$",
                              re.IGNORECASE)

_SUB_START = re.compile(r"\b(?:of which|including|incl\.|dont|incluidos?|de los cuales|de las cuales|de ellos|de ellas|"
                        r"with (?:at least|a minimum of)|avec au moins|con al menos|"
                        r"[\w()]+ (?:of them|of which|de ellos|de ellas|d'entre eux))\b", re.IGNORECASE)
_OF_WHICH_AFTER = re.compile(r"\s*(?:of them|of which|de ellos|de los cuales|d'entre eux)\b", re.IGNORECASE)


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


def starts_sub_requirement(between: str) -> bool:
    """Whether the words between two figures of a sentence open a part of the first ("8+ years in
    NGOs, including at least 3 in a fragile context"): the second figure is then not a minimum."""
    return bool(_SUB_START.search(between))


def is_desirable(sentence: str) -> bool:
    """The sentence makes what it states desirable ("an asset", "preferred"), not merely prefer a
    setting for it ("preferably in an international organization")."""
    return bool(_DESIRABLE.search(_SETTING_PREFERENCE.sub(" ", sentence)))


# Words that start another requirement inside the same sentence ("..., knowledge of SAP is a plus").
_OTHER_REQUIREMENT = re.compile(r"\b(?:knowledge|connaissances?|conocimientos?|skills?|comp[ée]tences?|competencias?|degree|"
                                r"diplôme|título|master|bachelor|licence|languages?|langues?|idiomas?|english|french|spanish|"
                                r"anglais|français|inglés|francés|proficien\w*|mastery|ma[îi]trise|dominio|command|familiarity|"
                                r"certificat\w*|certification)\b", re.IGNORECASE)


def _own_pieces(sentence: str, at: int) -> str:
    """The sentence without its comma-separated pieces about another requirement: whether the years
    at this offset are an asset is read from the rest."""
    kept, offset = [], 0
    for piece in re.split(r"(?<=[,;])\s+", sentence):
        start = sentence.find(piece, offset)
        offset = start + len(piece)
        if start <= at < offset or not _OTHER_REQUIREMENT.search(piece):
            kept.append(piece)
    return " ".join(kept)


def _clause_end(after: str) -> int:
    """Where the clause that follows a mention ends: the next comma, semicolon or sentence end."""
    ends = [i for i in (after.find(","), after.find(";"), after.find(". ")) if i >= 0]
    return min(ends) if ends else len(after)


def find_year_requirements(text: str) -> list[YearsMention]:
    """Every years figure in requirement text, classified by what its sentence says about it."""
    mentions: list[YearsMention] = []
    spans = [(m.start("num"), m.end(), m.group("num")) for m in YEARS_REGEX.finditer(text)]
    spans += [(m.start("num"), m.end(), m.group("num")) for m in COMPOUND_REGEX.finditer(text)]
    spans += [(m.start("num"), m.end("num"), m.group("num")) for m in ELIDED_REGEX.finditer(text)]
    spans += [(m.start("num"), m.end("num"), m.group("num")) for m in ELIDED_OF_THEM_REGEX.finditer(text)]
    for start, end, number in sorted(spans):
        if any(m.start < end and start < m.end for m in mentions):
            continue
        years = parse_number(number)
        if years is None or years > 40:
            continue
        before, after = _clause(text, start, end)
        if _NOT_EXPERIENCE_BEFORE.search(before[-30:]) or _NOT_EXPERIENCE_AFTER.search(text[end:end + 30]):
            continue
        if _SUB_REQUIREMENT.search(before[-30:]) or _OF_WHICH_AFTER.match(after):
            sub_clause = after[:_clause_end(after)]
        else:  # the main figure's own words stop where a sub-requirement ("of which two in the field") starts
            sub_clause = after[:max(60, min(_clause_end(after), 100))]
            nested = _SUB_START.search(sub_clause)
            sub_clause = sub_clause[:nested.start()] if nested else sub_clause
        near_after = after[:90]
        sentence = before + text[start:end] + after
        doctorate = bool(_DOCTORATE.search(sentence)) and bool(_SUBSTITUTION.search(sentence))
        if doctorate or (_SUBSTITUTION.search(sentence) and re.search(r"degree|diplôme|título|diploma|bachelor|licence|licenciatura", sentence, re.IGNORECASE)):
            kind = "substitution"
        elif is_desirable(_own_pieces(sentence, len(before))):
            kind = "desirable"
        elif _INTERNATIONAL.search(sub_clause) or _INTERNATIONAL.search(before[-25:]):
            kind = "international"
        elif _LEADERSHIP.search(sub_clause[:80]) or _LEADERSHIP.search(before[-30:]):
            kind = "leadership"
        else:
            kind = "total"
        leadership = kind == "leadership" or bool(_LEADERSHIP.search(sub_clause[:80]))
        mentions.append(YearsMention(start, end, years, kind, doctorate, leadership))
    return mentions
