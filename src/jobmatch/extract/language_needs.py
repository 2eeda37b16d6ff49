"""The language requirement of a notice, read clause by clause.

Notices state languages in a few shapes, each a structured need:
  "Fluency in English is required"                         -> en, advanced
  "Excellent command of English and good command of French" -> en advanced; fr intermediate
  "Advanced knowledge of English or French and intermediate knowledge of the other"
                                                           -> any of (en, fr) advanced; any of (en, fr) intermediate
  "one of the six official languages (...) at advanced level and a second at intermediate level"
                                                           -> any of the six, advanced; any of the six, intermediate
  "one of the other official languages (Arabic, Chinese, Russian or Spanish)" -> any of those four
  "a third official language / another official language is an advantage"    -> desirable, any of the rest
The official languages of an organisation are the UN six, or the EU's 24 where the notice says so."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from jobmatch.model import LanguageNeed, LanguageRequirement
from jobmatch.normalise.languages import CEFR_TO_LEVEL, EU_OFFICIAL_LANGUAGES, LEVEL_REGEX, find_languages, level_in
from jobmatch.normalise.years import is_desirable
from jobmatch.vocab import LANGUAGE_LEVEL_RANK, UN_OFFICIAL_LANGUAGES

# "one of the six official languages", "one official language of the European Union", "l'une des langues officielles"
_ONE_OF_OFFICIAL = re.compile(r"\bone (?:of the )?(?:six |6 |24 )?(?:other )?(?:official|working) languages?|"
                              r"\bone of the other (?:official |working )?languages|"
                              r"l'une des (?:six )?(?:autres )?langues officielles|une langue officielle|"
                              r"uno de los (?:seis )?(?:otros )?idiomas oficiales|un idioma oficial", re.IGNORECASE)
_SECOND = re.compile(r"\b(?:a|the) second\b|\bsecond (?:official |working )?language|\ba second one\b|"
                     r"\banother of (?:these|them|those)\b|une autre de ces langues|otro de (?:estos|ellos)|"
                     r"une deuxième|une seconde|un segundo", re.IGNORECASE)
_THE_OTHER = re.compile(r"\bthe other(?: one| language)?\b|\bl'autre\b|\bel otro\b", re.IGNORECASE)
_ANOTHER = re.compile(r"\b(?:a |the )?third (?:official |working )?(?:language|one)|\ba third\b|"
                      r"\ba second (?:official |united nations |un |working )+language|"
                      r"\b(?:another|any other|an additional|other) (?:official |united nations |un |working )*"
                      r"(?:official |working )?language|une troisième langue|une autre langue officielle|"
                      r"un tercer idioma|otro idioma oficial", re.IGNORECASE)
_INFORMATIONAL = re.compile(r"are the working languages|working languages of the|langues de travail d|idiomas de trabajo d",
                            re.IGNORECASE)
_REQUIRED = re.compile(r"\b(?:required|essential|mandatory|must|is needed|exigée?s?|requise?s?|obligatoire|indispensable|"
                       r"requerid[oa]s?|se requiere|requiere|requiert|exige|se exige|imprescindible|obligatori[oa])\b", re.IGNORECASE)
_EU = re.compile(r"European Union|\bthe EU\b|Union européenne|Unión Europea", re.IGNORECASE)
_MAIN_LANGUAGE = re.compile(r"main language|mother tongue|first language|langue principale|langue maternelle|lengua materna",
                            re.IGNORECASE)
_OR = re.compile(r"^\s*(?:,\s*|\s+)(?:or|ou|o|either)?\s*(?:of\s+)?$|^\s*,?\s*(?:or|ou|o)\s+(?:of\s+)?$", re.IGNORECASE)
# Where a new requirement starts inside a sentence: "... and intermediate knowledge of French".
_CLAUSE_BREAK = re.compile(r";|,?\s+(?:and|as well as|et|y)\s+(?=(?:an?\s+|the\s+)?(?:advanced|intermediate|basic|good|excellent|fluent|"
                           r"working|thorough|satisfactory|perfect|full|limited|some|fair|reasonable|sound|strong|knowledge|command|proficiency|fluency|of one|of a second|"
                           r"a second|one of|the other|une? bonne|bon(?:ne)?|excellente?|parfaite?|très bon(?:ne)?|ma[îi]trise|connaissances?|"
                           r"buen[oa]?|excelente|dominio|conocimientos?)\b)", re.IGNORECASE)
# A level written right after one name: "English (C1) and French (B2)", "French: B2".
_OWN_CEFR = re.compile(r"\s*(?:\(|:|[-–])?\s*(?:level |niveau |nivel )?([ABC][12])\b")
# ... or a level word in brackets or after a colon: "English (fluent), French (working knowledge)".
_OWN_WORDS = re.compile(r"\s*(?:\((?P<bracket>[^()\n]{1,40})\)|[:–]\s*(?P<colon>[^,;()\n]{1,40}))")


def _own_level(text: str, end: int) -> tuple[str, str | None] | None:
    """(level, CEFR) written right after the language name ending at `end`, or None."""
    found = _OWN_CEFR.match(text, end)
    if found:
        return CEFR_TO_LEVEL[found.group(1)], found.group(1)
    words = _OWN_WORDS.match(text, end)
    if words:
        level, cefr = _level(words["bracket"] or words["colon"], None)
        if level:
            return level, cefr
    return None


@dataclass
class _Group:
    """Languages one need is about: named, or a choice (any_of)."""
    codes: list[str]
    choice: bool
    start: int
    end: int
    level: str | None = None
    cefr: str | None = None
    in_list: bool = False          # names listed as the alternatives of an official-languages rule
    members: list[tuple[int, int, str]] = field(default_factory=list)


def _sentences(text: str, start: int, end: int):
    """(start, end) of each sentence or list item in text[start:end]."""
    for m in re.finditer(r"[^.\n]+(?:\.(?!\s)[^.\n]*)*", text[start:end]):
        if m.group(0).strip():
            yield start + m.start(), start + m.end()


def _clauses(text: str, start: int, end: int):
    edges = [start] + [start + m.start() for m in _CLAUSE_BREAK.finditer(text[start:end])] + [end]
    return [(a, b) for a, b in zip(edges, edges[1:]) if text[a:b].strip()]


# "Maîtrise du français", "dominar el inglés", "command of English": full command, with no
# other level word.
_COMMAND = re.compile(r"\bma[îi]trise(?:r)? (?:du|de la|de l'|des|de l’|d'|d’)|\bdomin(?:io|ar|e) (?:del?|el|la|los)\b|\bmastery of\b|"
                      r"\bapprofondie?s?\b|\bsolides? connaissances?\b|\bconocimientos? (?:profundos?|amplios?|sólidos?)\b|\bin-depth\b",
                      re.IGNORECASE)


def _level(clause: str, fallback: str | None) -> tuple[str | None, str | None]:
    if _MAIN_LANGUAGE.search(clause):
        return "native", None
    level, cefr = level_in(clause)
    if cefr is None and level is not None:
        level = _lowest_alternative(clause) or level
    if level is None and _COMMAND.search(clause):
        level = "advanced"
    return (level or fallback), cefr


_ALTERNATIVE_GAP = re.compile(r"^\s*(?:or|ou|o|/)\s*$", re.IGNORECASE)


def _lowest_alternative(clause: str) -> str | None:
    """"English (native or fluent)": levels offered as alternatives ask for the lower one."""
    found = list(LEVEL_REGEX.finditer(clause))
    for first, second in zip(found, found[1:]):
        if _ALTERNATIVE_GAP.match(clause[first.end():second.start()]):
            return min(first.lastgroup, second.lastgroup, key=LANGUAGE_LEVEL_RANK.__getitem__)
    return None


def _name_groups(text: str, names: list[tuple[int, int, str]]) -> list[_Group]:
    """Consecutive names joined by "or" (and commas in an or-list) form one choice."""
    groups: list[_Group] = []
    for start, end, code in names:
        if groups and groups[-1].members:
            between = text[groups[-1].end:start]
            joined_or = bool(re.fullmatch(r"\s*(?:,\s*(?:or\s+|ou\s+|o\s+)?|\s(?:or|ou|o)\s+(?:of\s+)?)", between, re.IGNORECASE))
            listed_comma = bool(re.fullmatch(r"\s*,\s*", between))
            if joined_or or listed_comma:
                group = groups[-1]
                group.codes.append(code)
                group.members.append((start, end, code))
                group.end = end
                group.choice = group.choice or joined_or
                continue
        groups.append(_Group([code], False, start, end, members=[(start, end, code)]))
    for group in groups:  # "German, Spanish, Arabic" without "or": each is named
        if len(group.codes) > 1 and group.choice and not re.search(r"\b(?:or|ou|o)\b", text[group.start:group.end]):
            group.choice = False
    return groups


@dataclass
class LanguageReading:
    requirement: LanguageRequirement
    spans: list[tuple[int, int, str, str | None, str | None]]   # start, end, ISO code, level, CEFR


def read_language_requirement(text: str, regions: list[tuple[int, int]], desirable_regions: list[tuple[int, int]]) -> LanguageReading:
    """The required and desirable languages stated in these regions of a notice, and a span per name."""
    requirement = LanguageRequirement()
    spans: list[tuple[int, int, str, str | None, str | None]] = []
    region_text = " ".join(text[a:b] for a, b in regions)
    official = list(EU_OFFICIAL_LANGUAGES) if _EU.search(region_text) else list(UN_OFFICIAL_LANGUAGES)
    names_all = find_languages(text)
    named: dict[str, tuple[str | None, bool]] = {}
    choices: list[tuple[LanguageNeed, bool]] = []
    last_choice: list[str] | None = None
    evidence: list[str] = []
    for region_start, region_end in regions:
        for s_start, s_end in _sentences(text, region_start, region_end):
            sentence = text[s_start:s_end]
            if _INFORMATIONAL.search(sentence):
                spans.extend((a, b, c, None, None) for a, b, c in names_all if s_start <= a < s_end)
                continue
            in_desirable_section = any(a <= s_start < b for a, b in desirable_regions)
            required_rule_before = False   # "one of the official languages ... and ... another official language"
            for c_start, c_end in _clauses(text, s_start, s_end):
                clause = text[c_start:c_end]
                semicolon = text.find(";", c_end, s_end)
                rest = text[c_start:semicolon if semicolon >= 0 else s_end]   # "Fluent English; Arabic is an advantage"
                desirable = in_desirable_section or is_desirable(clause) or (is_desirable(rest) and not _REQUIRED.search(clause))
                names = [(a, b, c) for a, b, c in names_all if c_start <= a < c_end]
                rule = _ONE_OF_OFFICIAL.search(clause)
                another = _ANOTHER.search(clause)
                listed = re.search(r"\(([^()]*)\)", clause[rule.end():] if rule else clause[another.end():] if another else "")
                list_names: list[tuple[int, int, str]] = []
                if (rule or another) and listed:
                    offset = c_start + (rule or another).end() + listed.start(1)
                    list_names = [(a, b, c) for a, b, c in names if offset <= a < offset + len(listed.group(1))]
                others = [n for n in names if n not in list_names]
                level, cefr = _level(clause, None)
                spans.extend((a, b, c, None, None) for a, b, c in list_names)
                for group in _name_groups(text, others):
                    own = [_own_level(text, b) for _, b, _ in group.members]
                    if not group.choice and any(own):
                        for (a, b, c), found in zip(group.members, own):
                            own_level, own_cefr = found or (level, cefr)
                            spans.append((a, b, c, own_level, own_cefr))
                            previous = named.get(c)
                            if previous is None or (previous[1] and not desirable):
                                named[c] = (own_level, desirable)
                        continue
                    spans.extend((a, b, c, level, cefr) for a, b, c in group.members)
                    if group.choice and len(group.codes) > 1:
                        need = LanguageNeed(any_of=list(dict.fromkeys(group.codes)), level=level)
                        choices.append((need, desirable))
                        last_choice = need.any_of
                    else:
                        for code in group.codes:
                            previous = named.get(code)
                            if (previous is None or (previous[1] and not desirable)
                                    or (previous[1] == desirable and LANGUAGE_LEVEL_RANK.get(level or "", 0)
                                        > LANGUAGE_LEVEL_RANK.get(previous[0] or "", 0))):
                                named[code] = (level, desirable)
                if rule and not (another and another.start() < rule.start() and not desirable):
                    options = [c for _, _, c in list_names] or [c for c in official if c not in named]
                    if "other" not in rule.group(0).lower() and not list_names:
                        options = list(official)
                    need = LanguageNeed(any_of=list(dict.fromkeys(options)), level=level or (None if desirable else "advanced"))
                    choices.append((need, desirable))
                    last_choice = need.any_of
                    evidence.append(sentence.strip())
                elif _SECOND.search(clause) and last_choice and not names:
                    choices.append((LanguageNeed(any_of=list(last_choice), level=level or "intermediate"), desirable))
                elif _THE_OTHER.search(clause) and last_choice and not names:
                    choices.append((LanguageNeed(any_of=list(last_choice), level=level or "intermediate"), desirable))
                elif another and (desirable or not others):
                    options = [c for _, _, c in list_names] or [c for c in official if c not in named]
                    # Another language is an asset unless it completes a requirement of the same sentence
                    # (EU: "one official language ... and satisfactory knowledge of another official language";
                    # FAO: "working knowledge of English and limited knowledge of another official language").
                    choices.append((LanguageNeed(any_of=options, level=level), desirable or not required_rule_before))
                if (rule or others) and not desirable:
                    required_rule_before = True
    for code, (level, desirable) in named.items():
        (requirement.desirable if desirable else requirement.required).append(LanguageNeed(language=code, level=level))
    for need, desirable in choices:
        if need.any_of and need not in (requirement.desirable if desirable else requirement.required):
            (requirement.desirable if desirable else requirement.required).append(need)
    requirement.evidence = " ".join(evidence)[:400] or region_text.strip()[:400]
    return LanguageReading(requirement, spans)
