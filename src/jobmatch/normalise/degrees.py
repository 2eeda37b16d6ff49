"""Degree expressions -> degree level (ISCED 2011), in English, French and Spanish."""

from __future__ import annotations

import re

from jobmatch.vocab import DEGREE_LEVELS

# Ordered: the first pattern that matches at a position decides the level. Word boundaries are
# explicit because abbreviations carry dots ("M.Sc.", "LL.M.").
_B = r"(?<![\w.])"
_E = r"(?![\w]|-\w)"
_APOS = "['’]"
_FIELD_WORDS = r"(?: (?!in\b|en\b|of\b|and\b|with\b|from\b|at\b)[a-z]+)?"   # "Master of Public Policy", not "Master of Science in"
# French "Bac+N" notation (years of study after the baccalauréat), alternatives and ranges
# included: "Bac+4/5", "Bac +4 ou 5", "Bac+2/3", "Bac +5 et plus". The level is the lower bound's.
# Translations keep the "+N": "Baccalaureate + 5", "Bachelor's+5".
_BAC_PLUS = (r"(?:bac|baccalaur[ée]ate?|bachelor(?:['’]?s)?)\s?\+\s?(?P<bac>[1-8])(?:(?:\s?/\s?|[-–]|\s(?:ou|or|à|to)\s)(?:bac\s?\+\s?)?[1-8](?!\d|[.,]\d|\s?(?:ans?|années|years?|yrs)\b))*"
             r"(?:\s?(?:et plus|and (?:more|above)|ou plus|or more))?")
BAC_PLUS_LEVELS = {1: "secondary", 2: "short_cycle", 3: "bachelor", 4: "bachelor", 5: "master", 6: "master", 7: "master",
                   8: "doctorate"}
DEGREE_PATTERNS: list[tuple[str, str]] = [
    ("bac_plus", _BAC_PLUS),
    ("doctorate", r"ph\.?\s?d\.?|d\.?\s?phil\.?|dr\.-ing\.?|doctoral degree|doctorate(?: degree)?|doctorat|doctorado|doutorado|docteure?(?=\s+(?:en|ès|in)\s)|doctora(?=\s+en\s)|"
                  rf"doctor of [a-z]+{_FIELD_WORDS}|ed\.?\s?d\.?"),
    ("master", rf"advanced university degree|advanced degree|higher university degree|master of [a-z]+{_FIELD_WORDS}|"
               rf"master{_APOS}?s(?: level)?(?: degree)?|"
               r"master(?: 2| ii| degree| professionnel| recherche)?|mast[eè]re(?: spécialisé| de recherche)?|"
               r"m\.\s?sc\.?|msc|m\.\s?a\.|m\.\s?s\.|m\.\s?phil\.?|mphil|(?:executive )?mba|emba|ll\.\s?m\.?|llm|mpa|mpp|mph|"
               r"m\.?\s?eng\.?|m\.\s?tech\.?|m\.\s?stat\.?|"
               r"post-?graduate (?:degree|qualification|diploma)|graduate degree|master'?s?-level qualification|second(?:-level)? university degree|"
               r"diplôme (?:universitaire )?de (?:deuxième|second) cycle|second[- ]cycle (?:university )?degree|"
               r"diplôme (?:universitaire )?(?:supérieur|de master|d['’]ingénieure?(?: d['’]état)?|de grande école)|ingénieur d'état|dea|dess|"
               r"grande école(?: de commerce| d'ingénieurs?)?|"
               r"máster(?: universitario| oficial)?|maestría|mestrado|magíster|magister|magistra|laurea magistrale|"
               r"título (?:universitario )?(?:superior|avanzado|de posgrado|de maestría)|"
               r"diploma de posgrado|ingeniero superior|diplom-ingenieur|dipl\.-ing\.?|diplom|specialist diploma|"
               r"sivilingeniør|civilingenjör|ma"),
    ("bachelor", rf"first[- ]level university degree|first university degree|bachelor of [a-z]+{_FIELD_WORDS}|"
                 rf"bachelor{_APOS}?s?(?: degree)?|bachelier|"
                 r"b\.\s?sc\.?(?:\s?\(hons\.?\))?|bsc(?:\s?\(hons\.?\))?|b\.\s?a\.(?:\s?\(hons\.?\))?|ba(?:\s?\(hons\.?\))|"
                 r"b\.?\s?eng\.?|b\.\s?e\.|b\.\s?tech\.?|ll\.\s?b\.?|llb|b\.?com(?:\s?\(hons\.?\))?|bba|b\.b\.a\.|"
                 r"diplôme (?:universitaire )?de premier cycle|first[- ]cycle (?:university )?degree|"
                 r"undergraduate degree|university degree|licence(?: professionnelle| fondamentale)?|licenciatura|licenciad[oa]|licenciée?(?=\s+(?:en|ès)\s)|abogad[oa]|"
                 r"license(?: degree)?(?=\s(?:in|en)\s(?!good standing)|\s?/|\s\()|"
                 r"laurea triennale|bacharelado|pregrado|licencjat|"
                 r"grado(?: universitario)?|título universitario|diplôme universitaire|maîtrise|"
                 r"(?:completed )?university studies|estudios universitarios(?: completos| superiores)?|études universitaires(?: complètes)?|"
                 r"título profesional|"
                 r"(?:honours|first) degree|degree[- ]level(?: education| qualification)?|"   # UK/NGO ads: "educated to degree level"
                 r"(?:recogni[sz]ed|relevant|accredited) degree|"   # UK/NGO ads; a bare "degree" has no level of its own
                 r"ingenier[oa]|ingénieure?|ba"),
    ("short_cycle", r"post-?secondary (?:education|diploma|studies)|associate(?:'s)? degree|dut|bts|deug|deust|technical diploma|technician(?:'s)? (?:degree|diploma)|"
                    r"diplôme de technicien(?: supérieur| spécialisé)?|higher national diploma|hnd|técnic[oa] superior|tecnólogo|"
                    r"brevet fédéral|federal diploma of higher education"),
    ("secondary", r"high[- ]school(?: diploma| level| education)?|higher secondary certificate|secondary (?:school|education)(?: diploma| certificate)?|"
                  r"baccalauréat(?: général| technologique| professionnel)?|maturité(?: gymnasiale| professionnelle| fédérale)?|"
                  r"certificat fédéral de capacité|federal vet diploma|cfc|bachillerato|a-levels|bac"),
]
DEGREE_REGEX = re.compile("|".join(f"(?P<{level}{i}>{_B}(?:{pattern}){_E})" for i, (level, pattern) in enumerate(DEGREE_PATTERNS)),
                          re.IGNORECASE)
# Bare "MA"/"BA" only in capitals (not the words "ma", "ba" in French/Spanish prose).
_CASE_SENSITIVE = {"ma", "ba", "bac", "dea", "dess", "dut", "bts", "deug", "deust", "hnd", "cfc", "mph", "mpa", "mpp"}
# A degree named again right after another ("Master of Science (MSc)", "Laurea Magistrale (Master's
# degree)", "Master of Science - MS") is a span of its own (GUIDE.md, DEGREE); marks that qualify the
# degree ("BSc (Hons)", "PhD (ABD)", "Dr.-Ing. (cand.)") are part of it.
_BRACKETED = re.compile(r"\s?\((?P<inner>[^()\n]{1,60})\)")
_DASHED = re.compile(r" [-–] (?P<inner>[A-Z][A-Za-z.]{1,7})(?=\s*(?:[,;·|]|$))", re.MULTILINE)
_MARK = re.compile(r"\s?\((?:hons\.?|honours|abd|all but dissertation|cand\.?|candidate)\)", re.IGNORECASE)
_ABBREVIATION = re.compile(r"^(?=(?:[^A-Z]*[A-Z]){2}|.*\.)[A-Z][A-Za-z]*\.?(?:[ -]?[A-Za-z]+\.?){0,2}$")
# Words before the one degree a bracket names that belong to its name: "upper secondary school certificate".
_NAME_WORDS = re.compile(r"^(?:[\w-]+\s){0,3}$")
# "Maîtrise parfaite du français", "driving licence": the words, not a degree.
_NOT_A_DEGREE_AFTER = re.compile(r"\s+(?:parfaite|courante|du |de la |des |de l'|d'une |of (?:the )?(?:english|french|spanish|language))", re.IGNORECASE)
# "master the tools", "master Excel", "master data", "master plan": the verb or the noun, not the degree.
_NOT_A_MASTER_DEGREE = re.compile(r"\s+(?:the|a|an|its|their|your|all|both|new|les?|la|l'|des|un|une|el|los|las)\b|"
                                  r"\s+(?:data|plans?|files?|lists?|class(?:es)?|trainers?|records?|agreements?|schedules?|"
                                  r"copy|key|cards?|thesis)\b", re.IGNORECASE)
_NOT_A_DEGREE_BEFORE = re.compile(r"(?:driving|driver'?s|pilot'?s?)\s+$", re.IGNORECASE)


def _restatement(text: str, end: int) -> tuple[int, int, int] | None:
    """(start, end, end of the bracket) of a degree named again right after the one ending at `end`:
    an abbreviation ("(MSc)", "(ISE)", "- MS") or a bracket holding one degree name and nothing else
    ("(upper secondary school certificate)"). None for other brackets: a field, an option, a mode,
    or an explanation ("(5-year degree, equivalent to a master's)"), whose degrees are found as usual."""
    bracket = _BRACKETED.match(text, end) or _DASHED.match(text, end)
    if not bracket:
        return None
    inner = bracket["inner"].strip()
    start = bracket.start("inner") + bracket["inner"].index(inner)
    first = DEGREE_REGEX.search(inner)
    if _ABBREVIATION.match(inner) and not (first and first.end() < len(inner)):
        return start, start + len(inner), bracket.end()
    if first and "," not in inner and _NAME_WORDS.match(inner[:first.start()]) \
            and re.fullmatch(r"(?:\s(?:degree|diploma|level|education))*", inner[first.end():], re.IGNORECASE):
        return start, start + len(inner), bracket.end()
    return None


def find_degrees(text: str) -> list[tuple[int, int, str]]:
    """(start, end, level) for each degree expression in the text. A degree named again in brackets
    right after it ("Master of Science (MSc)") is a degree expression of its own, with the level of the
    first; a mark in brackets ("(Hons)", "(ABD)") is part of the degree."""
    found = []
    covered_to = -1
    for m in DEGREE_REGEX.finditer(text):
        if m.start() < covered_to:
            continue
        words = m.group(0)
        if words.lower() in _CASE_SENSITIVE and not words.isupper() and words.lower() != "bac":
            continue
        if words.lower() == "bac" and words != "Bac" and not words.isupper():
            continue
        if _NOT_A_DEGREE_AFTER.match(text, m.end()) or _NOT_A_DEGREE_BEFORE.search(text[max(0, m.start() - 12):m.start()]):
            continue
        if words.lower() == "master" and (_NOT_A_MASTER_DEGREE.match(text, m.end())
                                          or (words == "master" and re.match(r"\s+[A-Z]", text[m.end():m.end() + 2]))):
            continue
        level = re.sub(r"\d+$", "", m.lastgroup or "")
        if level == "bac_plus":
            level = BAC_PLUS_LEVELS[int(m.group("bac"))]
        end = m.end()
        mark = _MARK.match(text, end)
        if mark:
            end = covered_to = mark.end()
        found.append((m.start(), end, level))
        again = _restatement(text, end)
        if again:
            inner_level = (find_degrees(text[again[0]:again[1]]) or [(0, 0, level)])[0][2]
            found.append((again[0], again[1], inner_level))
            covered_to = again[2]
    return found


def degree_level(text: str) -> str | None:
    """The level of the first degree expression in the text."""
    found = find_degrees(text)
    return found[0][2] if found else None


def isced_level(level: str | None) -> int | None:
    return DEGREE_LEVELS.get(level or "")
