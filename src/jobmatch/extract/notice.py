"""Requirements of a vacancy notice, one function per concern: the spans it finds (rules over the
notice's sections) and the normalised part of `Requirements` they add up to."""

from __future__ import annotations

import re

from jobmatch.extract.language_needs import read_language_requirement
from jobmatch.extract.regions import regions, section_at, sentence_bounds
from jobmatch.model import (DegreeSubstitution, EducationRequirement, EligibilityRule,
                            ExperienceRequirement, LanguageNeed, LanguageRequirement, NoticeStructure,
                            Requirements, Span)
from jobmatch.normalise.degrees import find_degrees, isced_level
from jobmatch.normalise.fields import find_fields
from jobmatch.normalise.languages import find_languages, level_in
from jobmatch.normalise.numbers import NUMBER, parse_number
from jobmatch.normalise.years import WITH_ADDITIONAL_YEARS, find_year_requirements, is_desirable, starts_sub_requirement
from jobmatch.vocab import LANGUAGE_LEVEL_RANK, UN_OFFICIAL_LANGUAGES, level_rank


def level_rank_language(level: str | None) -> int:
    return LANGUAGE_LEVEL_RANK.get(level or "", 0)

EDUCATION_SECTIONS = {"education", "qualifications", "eligibility"}
EXPERIENCE_SECTIONS = {"experience", "qualifications", "eligibility", "education", "desirable"}
LANGUAGE_SECTIONS = {"languages", "qualifications", "eligibility", "desirable"}

_SUBSTITUTION = re.compile(r"in lieu|instead of|in place of|in combination with|may be accepted|can be accepted|(?:also |be |given due )consider(?:ed|ation)|en lieu|en remplacement|"
                           r"count(?:s|ed)? (?:as|for|towards?)|counted as|équivaut à|considérée? comme|"
                           r"combinée? (?:à|avec)|en combinación|en lugar|podrá aceptarse|peut être accepté|equivalent combination|"
                           + WITH_ADDITIONAL_YEARS, re.IGNORECASE)
# Degrees named as the subject of study, not as a requirement ("enrolled in a PhD programme").
_ENROLLED = re.compile(r"enrolled|enrolment|currently (?:pursuing|studying)|studying (?:towards|for)|inscrit|matriculad", re.IGNORECASE)
_INTERNAL = re.compile(r"internal candidates|for internal|candidats internes|candidatos internos", re.IGNORECASE)
_ADDITIONAL = re.compile(r"additional|further|more|supplémentaires?|adicionales?", re.IGNORECASE)
# A generic degree whose level the next words state: "university degree (Master's level or
# above)", "diplôme universitaire de niveau Master", "título universitario (licenciatura)".
_GENERIC_DEGREE = re.compile(r"(?:university |academic |higher )?(?:degree|diploma)|diplôme(?: universitaire)?|"
                             r"título(?: universitario)?|diploma universitario|grado universitario", re.IGNORECASE)
_BARE_GENERIC = re.compile(r"(?:(?:honours|first) )?degree|degree[- ]level(?: education| qualification)?|(?:university |academic )?diploma|diplôme", re.IGNORECASE)
_LEVEL_STATED = re.compile(r"\s*(?:\(\s*|,\s*|:\s*|\s*[-–]\s*)?(?:(?:at|of|de|du|al|a|en)\s+(?:the\s+|un\s+)?)?(?:(?:niveau|level|nivel)\s+(?:de\s+|du\s+)?)?$",
                           re.IGNORECASE)
# "Ingénieur", "Ingeniero": in a notice far more often a job title ("Ingénieur commercial") than a
# degree; alone they are a degree only under an education heading.
_JOB_WORD_DEGREE = re.compile(r"ing[ée]nieur|ingenier[oa]", re.IGNORECASE)
# Alternatives named in one sentence: "PhD in economics, or a Master's degree with...".
_OR_ALTERNATIVE = re.compile(r"^[^.;()]{0,60}?(?:,\s*)?\b(?:or|ou|o)\s+(?:an?\s+|une?\s+|un\s+)?$", re.IGNORECASE)
_RELATED_FIELD = re.compile(r"related (?:field|area|discipline)|domaine connexe|campo afín|área afín", re.IGNORECASE)
_DOMAIN = re.compile(r"experience (?:in|with|of|at)\s+(?P<domain>[^.;\n]+?)(?=,? (?:including|of which|with at least|at least)|\.|;|\n|$)", re.IGNORECASE)
_UN_RULE_FIRST = re.compile(r"one of the (?:six |6 )?(?:official|working) languages|l'une des (?:six )?langues officielles|uno de los (?:seis )?idiomas oficiales", re.IGNORECASE)
_UN_RULE_SECOND = re.compile(r"\bsecond\b|deuxième|seconde|segundo", re.IGNORECASE)
_UN_RULE_THIRD = re.compile(r"(?:a |the )?third (?:official )?language|another (?:united nations |un |official )+language|other official language|une troisième langue|un tercer idioma|autre langue officielle|otro idioma oficial", re.IGNORECASE)
_INFORMATIONAL = re.compile(r"are the working languages|working languages of the|langues de travail d|idiomas de trabajo d", re.IGNORECASE)
_AGE = re.compile(rf"(?:under|below|younger than|less than|not (?:be )?older than|maximum(?: age)?(?: of)?|max\.?|up to|moins de|menos de|menores de|no mayor de)\s*(?:the age of\s*)?(?P<age>\d{{2}})\s*(?:years|ans|años)?(?:\s*(?:of age|old|d'âge|de edad))?", re.IGNORECASE)
_AGE_CONTEXT = re.compile(r"age|âge|edad|years old", re.IGNORECASE)
_ENROLMENT = re.compile(r"enrolled in|currently enrolled|enrol(?:l)?ment|inscrit(?:e)? (?:dans|à|en)|matriculad[oa]", re.IGNORECASE)
_RECENT_GRADUATE = re.compile(rf"(?:recent graduate|graduated|diplômé)[^.\n]{{0,40}}within (?P<n>{NUMBER}) (?:months|mois|meses)", re.IGNORECASE)
_CITIZENSHIP = re.compile(r"citizen of a member state|national of a (?:member|donor|participating) (?:state|country)|nationality of|ressortissant", re.IGNORECASE)
_AVAILABILITY = re.compile(rf"available (?:for|during) (?P<n>{NUMBER}) (?:months|years)", re.IGNORECASE)
_GOVERNMENT_ROUTE = re.compile(r"through the (?:appointed )?(?:representative of the )?candidate'?s government|sponsored by (?:the|their) government", re.IGNORECASE)


_OTHER_REQUIREMENT = re.compile(r"experience|expérience|experiencia|\b(?:years?|ans|années|años)\b|knowledge|connaissance|conocimiento",
                                re.IGNORECASE)


def _degree_desirable(sentence: str, at: int) -> bool:
    """Whether the degree at this offset of the sentence is an asset: the sentence's pieces about
    another requirement ("..., une première expérience est souhaitée") do not count."""
    pieces = re.split(r"(?<=[,;])\s+", sentence)
    kept, offset = [], 0
    for piece in pieces:
        start = sentence.find(piece, offset)
        offset = start + len(piece)
        if start <= at < offset or not (_OTHER_REQUIREMENT.search(piece) or find_degrees(piece)):
            kept.append(piece)   # a piece about another requirement or another degree speaks for that one
    return is_desirable(" ".join(kept))


def _unsectioned(structure: NoticeStructure, offset: int) -> bool:
    """Text under no heading and on no header-field line: a short ad's requirement lines before
    (or without) its headings. Read only when the named sections state nothing."""
    return (section_at(structure.sections, offset) is None
            and not any(a <= offset < b for a, b in structure.header_spans.values()))


def _span(text: str, label: str, begin: int, finish: int, **attrs) -> Span:
    return Span(label=label, start=begin, end=finish, text=text[begin:finish], attrs=attrs)


def _in(regions_: list[tuple[int, int]], start: int) -> bool:
    return any(a <= start < b for a, b in regions_)


def education_requirement(text: str, structure: NoticeStructure, spans: list[Span]) -> EducationRequirement:
    """DEGREE and FIELD spans of the education requirement (appended to spans) and what they add up to."""
    region = regions(structure.sections, EDUCATION_SECTIONS, len(text))
    requirement = EducationRequirement()
    main_levels: list[str] = []
    substitution_sentences: dict[tuple[int, int], list[str]] = {}
    title = structure.header_spans.get("title")
    found = [d for d in find_degrees(text) if not (title and title[0] <= d[0] < title[1])
             and (not _JOB_WORD_DEGREE.fullmatch(text[d[0]:d[1]]) or section_at(structure.sections, d[0]) == "education")]
    degrees = [d for d in found if _in(region, d[0])]
    if not degrees:
        degrees = [d for d in found if _unsectioned(structure, d[0])]
    for i, (start, end, level) in enumerate(degrees):
        spans.append(_span(text, "DEGREE", start, end, level=level, isced=isced_level(level)))
        bounds = sentence_bounds(text, start, end)
        sentence = text[bounds[0]:bounds[1]]
        if _SUBSTITUTION.search(sentence):
            substitution_sentences.setdefault(bounds, []).append(level)
        elif (not _degree_desirable(sentence, start - bounds[0]) and not _ENROLLED.search(sentence)
              and section_at(structure.sections, start) != "desirable"):
            following = degrees[i + 1] if i + 1 < len(degrees) else None
            if following and _GENERIC_DEGREE.fullmatch(text[start:end]) and _LEVEL_STATED.match(text[end:following[0]]):
                level = following[2]   # the level the generic degree is stated at
            elif following and following[0] < bounds[1] and _OR_ALTERNATIVE.search(text[end:following[0]]):
                level = min(level, following[2], key=level_rank)   # "PhD in economics, or a Master's degree": the lower
            elif following and following[0] < bounds[1] and _BARE_GENERIC.fullmatch(text[start:end]) \
                    and not _GENERIC_DEGREE.fullmatch(text[following[0]:following[1]]) \
                    and not _degree_desirable(sentence, following[0] - bounds[0]):
                level = following[2]   # "a degree in accounting (Bac+2)": the level the sentence names
            main_levels.append(level)
    if not main_levels:
        # "Master's degree and 8 years, or an equivalent combination of education and experience":
        # the only degree stated sits in a substitution sentence, and the highest one it names is
        # the requirement (a doctorate that counts for years is not).
        for (left, right), levels in substitution_sentences.items():
            highest = max(levels, key=level_rank)
            if not (highest == "doctorate" and find_year_requirements(text[left:right])):
                main_levels.append(highest)
                break
    if main_levels:
        # The first degree a notice names is the one it requires; later ones are equivalents.
        requirement.min_level = main_levels[0]
        requirement.evidence = text[slice(*sentence_bounds(text, *next(
            (s.start, s.end) for s in spans if s.label == "DEGREE" and s.attrs["level"] in main_levels)))].strip()
    for (left, right), levels in substitution_sentences.items():
        sentence = text[left:right]
        lowest = min(levels, key=level_rank)
        if requirement.min_level and level_rank(lowest) >= level_rank(requirement.min_level):
            continue
        years = find_year_requirements(sentence)
        substitution = DegreeSubstitution(level=lowest, in_lieu_of=requirement.min_level,
                                          internal_only=bool(_INTERNAL.search(sentence)), text=sentence.strip())
        if years:
            window = sentence[max(0, years[0].start - 15):years[0].end + 40]
            if _ADDITIONAL.search(window):
                substitution.additional_years = years[0].years
            else:
                substitution.min_years = years[0].years
        requirement.substitutions.append(substitution)
    codes: list[str] = []
    for start, end, code in find_fields(text):
        if not _in(region, start):
            continue
        bounds = sentence_bounds(text, start, end)
        sentence = text[bounds[0]:bounds[1]]
        if not find_degrees(sentence) and section_at(structure.sections, start) not in ("education",):
            continue  # a subject named outside any degree sentence is not a field of study
        spans.append(_span(text, "FIELD", start, end, isced_f=code))
        sentence_degrees = find_degrees(sentence)
        # Whether the field is an asset: its own words up to the sentence end or the next degree named
        # ("a first degree in X, Y or Z would be an advantage"; "in X; a PhD in Y is desirable").
        later = [a for a, _, _ in sentence_degrees if a > start - bounds[0]]
        tail = text[start:bounds[0] + later[0]] if later else text[start:bounds[1]]
        if code not in codes and not is_desirable(tail) and section_at(structure.sections, start) != "desirable":
            codes.append(code)
    requirement.fields = codes
    return requirement


def _domains(domain: str) -> list[str]:
    """"diplomacy, security, or a related field" -> ["diplomacy", "security"]."""
    domain = re.sub(r"\s+(?:is|are) (?:required|essential|desirable)$", "", domain)
    parts = re.split(r",\s*(?:and\s+|or\s+)?|\s+or\s+|\s+and/or\s+", domain)
    return [p.strip() for p in parts if p.strip() and not _RELATED_FIELD.search(p) and not p.strip().startswith("a related")]


def experience_requirement(text: str, structure: NoticeStructure, spans: list[Span]) -> ExperienceRequirement:
    """EXPERIENCE spans (years figures, classified by their sentence) and the experience requirement."""
    region = regions(structure.sections, EXPERIENCE_SECTIONS, len(text))
    requirement = ExperienceRequirement()
    fallback: tuple[float, str] | None = None
    previous_end: dict[int, int] = {}  # sentence start -> end of the sentence's last figure so far
    for mention in find_year_requirements(text):
        if not _in(region, mention.start):
            continue
        left, right = sentence_bounds(text, mention.start, mention.end)
        sentence = text[left:right]
        part_of_previous = left in previous_end and starts_sub_requirement(text[previous_end[left]:mention.start])
        previous_end[left] = mention.end
        international = mention.kind == "international"
        domain = None
        if mention.kind == "total":
            found = _DOMAIN.search(text, mention.end, right + 1)
            if found:
                domain = found["domain"].strip(" ,")
        spans.append(_span(text, "EXPERIENCE", mention.start, mention.end, years=mention.years, kind=mention.kind,
                           international=international, domain=domain))
        if section_at(structure.sections, mention.start) == "desirable":
            continue  # years under an "Assets"/"Desirable" heading are not a minimum
        if (mention.kind == "total" and requirement.min_years is None and not part_of_previous
                and section_at(structure.sections, mention.start) != "education"):
            requirement.min_years = mention.years
            requirement.evidence = sentence.strip()
            if domain:
                requirement.domains = _domains(domain)
        elif mention.kind == "international" and requirement.international_years is None:
            requirement.international_years = mention.years
        elif mention.kind == "substitution" and mention.doctorate and requirement.doctorate_substitutes_years is None:
            requirement.doctorate_substitutes_years = mention.years
        if mention.leadership and requirement.leadership_years is None and mention.kind in ("leadership", "international"):
            requirement.leadership_years = mention.years
        if mention.kind in ("international", "leadership") and fallback is None and section_at(structure.sections, mention.start) != "education":
            fallback = (mention.years, sentence.strip())
    if requirement.min_years is None and fallback:
        # "Seven years of experience at the international level" and no other figure: those years
        # are the minimum too.
        requirement.min_years, requirement.evidence = fallback
    if requirement.min_years is None and region != [(0, len(text))]:
        for mention in find_year_requirements(text):
            if mention.kind == "total" and not _in(region, mention.start) and _unsectioned(structure, mention.start):
                spans.append(_span(text, "EXPERIENCE", mention.start, mention.end, years=mention.years, kind=mention.kind,
                                   international=False, domain=None))
                requirement.min_years = mention.years
                requirement.evidence = text[slice(*sentence_bounds(text, mention.start, mention.end))].strip()
                break
    return requirement


def language_requirement(text: str, structure: NoticeStructure, spans: list[Span]) -> LanguageRequirement:
    """LANGUAGE spans and the required/desirable languages, the official-language rules included
    (clause by clause: see jobmatch.extract.language_needs)."""
    region = regions(structure.sections, LANGUAGE_SECTIONS, len(text))
    desirable = [(s.start, s.end) for s in structure.sections if s.name == "desirable"]  # an inline heading ("Desired Languages: French") too
    reading = read_language_requirement(text, region, desirable)
    for start, end, code, level, cefr in sorted(set(reading.spans)):
        spans.append(_span(text, "LANGUAGE", start, end, lang=code, level=level, **({"cefr": cefr} if cefr else {})))
    return reading.requirement


def eligibility_rules(text: str) -> list[EligibilityRule]:
    """Programme rules stated as rules (age limit, enrolment, citizenship...), applied only as written."""
    rules: list[EligibilityRule] = []
    for m in _AGE.finditer(text):
        left, right = sentence_bounds(text, m.start(), m.end())
        if _AGE_CONTEXT.search(text[m.start():m.end() + 20]) or _AGE_CONTEXT.search(text[left:right]):
            rules.append(EligibilityRule(rule="max_age", value=float(m["age"]), text=text[left:right].strip(" -")))
            break
    for pattern, rule in ((_ENROLMENT, "enrolment"), (_CITIZENSHIP, "citizenship"), (_GOVERNMENT_ROUTE, "government_nomination")):
        m = pattern.search(text)
        if m:
            left, right = sentence_bounds(text, m.start(), m.end())
            rules.append(EligibilityRule(rule=rule, value=True, text=text[left:right].strip(" -")))
    for pattern, rule in ((_RECENT_GRADUATE, "graduated_within_months"), (_AVAILABILITY, "availability_months")):
        m = pattern.search(text)
        if m:
            left, right = sentence_bounds(text, m.start(), m.end())
            rules.append(EligibilityRule(rule=rule, value=parse_number(m["n"]), text=text[left:right].strip(" -")))
    return rules
