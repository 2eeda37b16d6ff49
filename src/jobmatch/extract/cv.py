"""A candidate's profile from a CV: degrees and fields, job periods merged into total and
international years, languages with levels, competencies."""

from __future__ import annotations

import re
from bisect import bisect_right

from jobmatch.extract.regions import regions, section_at
from jobmatch.model import EducationEntry, JobPeriod, LanguageSkill, Profile, Section, Span
from jobmatch.normalise.degrees import _restatement, find_degrees, isced_level
from jobmatch.normalise.fields import (FIELD_LABEL, bracketed_field_after, field_phrase_after, find_fields, more_fields_after,
                                      split_field_list)
from jobmatch.normalise.languages import LEVEL_REGEX, find_languages, skill_level
from jobmatch.normalise.numbers import NUMBER, parse_number
from jobmatch.normalise.years import find_year_requirements
from jobmatch.normalise.periods import DateRange, find_date_ranges, months_between, union_years, years_from_months
from jobmatch.vocab import LANGUAGE_LEVEL_RANK, level_rank

# Employers that make a post international (guide: UN system, other intergovernmental
# organisations, international NGOs and the Red Cross), by acronym and by name in EN/FR/ES.
INTERNATIONAL_EMPLOYERS = re.compile(
    r"\b(?:United Nations|UN|UNDP|UNICEF|UNHCR|UNFPA|UNEP|UNESCO|UNIDO|UNCTAD|UNOPS|UNOG|UNON|UNOV|UNODC|UN Women|"
    r"UN-Habitat|OCHA|OHCHR|DPPA|DPO|DESA|ESCAP|ECA|ECLAC|ESCWA|ECE|WHO|PAHO|ILO|ITU|FAO|IFAD|WFP|IAEA|IMO|ICAO|"
    r"WIPO|WMO|UPU|UNWTO|IOM|UNAIDS|UNRWA|World Bank|IMF|OECD|WTO|OSCE|NATO|African Union|European Commission|"
    r"European Union|EU|Council of Europe|ICRC|IFRC|Red Cross|Red Crescent|MSF|Médecins Sans Frontières|"
    r"Inter-American Development Bank|IDB|Asian Development Bank|ADB|African Development Bank|AfDB|OAS|ASEAN|"
    r"Commonwealth Secretariat|CERN|ESA|Gavi|Global Fund|Nations Unies|ONU|Naciones Unidas|OIF|"
    r"PNUD|OMS|OIT|OMPI|OCDE|OEA|CEPAL|CEPALC|CICR|FICR|Eurostat|INTERPOL|OPCW|CTBTO|IPU|Inter-Parliamentary Union|"
    r"Commission européenne|Comisión Europea|Croix-Rouge|Cruz Roja|Croissant-Rouge|Secretary-General|Secrétaire général|"
    r"Secretario General|Norwegian Refugee Council|NRC|Action contre la Faim|Médecins du Monde|Médicos del Mundo|"
    r"Médicos Sin Fronteras|Save the Children|Oxfam|CARE International|BRAC|Helvetas|"
    r"Organisation internationale|Organización Internacional|Organisation mondiale|Organización Mundial|"
    r"Organisation for the Prohibition of Chemical Weapons|Preparatory Commission for the Comprehensive Nuclear|"
    r"international organi[sz]ation|international NGO|international non-profit|intergovernmental|intergouvernementale?|"
    r"intergubernamental|"
    # Regional and technical intergovernmental bodies, and international NGOs, by name.
    r"AFRISTAT|ECOWAS|CEDEAO|UEMOA|CEMAC|CEEAC|ECCAS|SADC|COMESA|IGAD|CARICOM|MERCOSUR|SICA|League of Arab States|Ligue arabe|"
    r"Liga Árabe|Organisation of Islamic Cooperation|CITEL|CEPT|ETSI|EBU|Asia-Pacific Telecommunity|ATU|African Telecommunications Union|"
    r"Commonwealth Telecommunications Organisation|ITSO|EUMETSAT|EMBL|ICGEB|GSMA|Mercy Corps|Internews|IRC|"
    r"International Rescue Committee|Danish Refugee Council|World Vision|Humanity & Inclusion|Handicap International|ACTED|"
    r"Concern Worldwide|Catholic Relief Services|Islamic Relief|Terre des hommes|Welthungerhilfe|ALIMA|INSO|"
    r"Première Urgence Internationale|Solidarités International|Plan International|Amnesty International|"
    r"Transparency International|Swisscontact|Polish Humanitarian Action|Consejo Noruego para Refugiados|"
    r"Conseil norvégien pour les réfugiés|ONG internationale|ONG internacional|Organización Panamericana|Organisation panaméricaine|"
    r"Programme alimentaire mondial|Programa Mundial de Alimentos|Fonds des Nations|Fondo de las Naciones|Banque mondiale|Banco Mundial|"
    r"Fonds monétaire international|Fondo Monetario Internacional|Union africaine|Unión Africana|Union européenne|Unión Europea|"
    # UN bodies and development banks by their French and Spanish names and acronyms.
    r"UIT|OIM|ACNUR|HCR|ACNUDH|HCDH|ONUDI|OMI|OMM|OACI|FIDA|ONUSIDA|CNUCED|"
    r"Union internationale|Unión Internacional|Programme des Nations|Programa de las Naciones|Haut-Commissariat des Nations|"
    r"Alto Comisionado de las Naciones|Bureau des Nations|Oficina de las Naciones|Commission économique pour|Comisión Económica para|"
    r"Banque interaméricaine|Banco Interamericano|BID|Banque africaine de développement|Banco Africano de Desarrollo|BAD|BAfD|"
    r"Banque asiatique de développement|Banco Asiático de Desarrollo|BAsD|Banco de Desarrollo de América Latina|"
    r"Banco Centroamericano de Integración Económica|BCIE|Organisation des États américains|Organización de los Estados Americanos|"
    r"Comunidad Andina|SEGIB|Secretaría General Iberoamericana|BCEAO|BEAC|Banque centrale des États de l'Afrique|"
    r"Banque ouest-africaine de développement|BOAD|Comité international|Comité Internacional|Cour pénale internationale|"
    r"Corte Penal Internacional|Agence internationale|Agencia Internacional|Fonds international|Fondo Internacional)\b")
# "an international media development NGO", "(international non-profit)": the CV says so.
_INTERNATIONAL_NGO = re.compile(r"\binternational(?:e|es)?\s+(?:[\w-]+\s+){0,3}(?:NGO|non-profit|nonprofit|charity|humanitarian organi[sz]ation)\b",
                                re.IGNORECASE)
# Full names ("World Food Programme", "International Labour Organization") unless a country's word
# comes first ("Japan International Cooperation Agency" is a national agency).
_INTERNATIONAL_NAME = re.compile(r"(?<![\w-])(?P<before>[A-Z][\w-]*\s+)?(?:World|International|Universal|Inter-American)\s+"
                                 r"(?:[A-Z][\w&-]*\s+){0,4}(?:Organi[sz]ation|Programme|Program|Union|Agency|Fund|Bank|"
                                 r"Federation|Committee|Court|Tribunal|Centre|Center|Institute|Secretariat|Alliance)\b")
# A country's own post, even one accredited to the UN (the guide counts these national).
NATIONAL_POST = re.compile(r"\b(?:Permanent Mission|Mission permanente|Misión Permanente|Ministry|Ministère|Ministerio|"
                           r"Embassy|Ambassade|Embajada|Consulate|Consulat|Consulado)\b")


def is_international_post(context: str) -> bool:
    """The job's lines name an international employer, and not a country's ministry or mission."""
    if NATIONAL_POST.search(context):
        return False
    if INTERNATIONAL_EMPLOYERS.search(context) or _INTERNATIONAL_NGO.search(context):
        return True
    return any(not m["before"] or m["before"].strip() in ("The", "the") for m in _INTERNATIONAL_NAME.finditer(context))


# Internships, traineeships, apprenticeships and work-study contracts: not counted in total years.
INTERNSHIP = re.compile(r"\b(?:intern(?:ship)?|trainee(?:ship)?|apprentice(?:ship)?|stagiaire|stage|alternance|alternante?|"
                        r"apprentie?|apprentissage|pasant[eí]a?|prácticas?(?: profesional(?:es)?)?|practicante|becari[oa]|aprendiz)\b",
                        re.IGNORECASE)
VOLUNTEER = re.compile(r"\b(?:volunteer|bénévole|voluntari[oa]|UNV)\b", re.IGNORECASE)


def _span(text: str, label: str, begin: int, finish: int, **attrs) -> Span:
    return Span(label=label, start=begin, end=finish, text=text[begin:finish], attrs=attrs)


def _line_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    left = text.rfind("\n", 0, start) + 1
    right = text.find("\n", end)
    return left, len(text) if right < 0 else right


_BULLET = re.compile(r"^\s*(?:[-–—•*·▪◦]|\d{1,2}[.)])\s")
_DESCRIPTION_BULLET = re.compile(r"^\s*[-–—•*·▪◦]\s")
# Labels end with a colon, or with the cell separator of a table read as "Label | value" (Europass DOCX).
_OTHER_LABEL = re.compile(r"^\s*(?:(?:name (?:and address )?of )?employer|type of business|address|location|place|supervisor|"
                          r"description of duties|duties|(?:nom et adresse de l['’])?employeur|lieu|"
                          r"(?:nombre y dirección del )?empleador|lugar)\s*[:：|]", re.IGNORECASE)
_LABELS_ONLY = re.compile(r"^[\W\d_]*(?:(?:attended|employed|from|to|de|desde|hasta|du|au|dates?|period|période|periodo|from\s*[-–/]\s*to)\b[\W\d_]*)*$", re.IGNORECASE)
# Periods that are not a job: a gap in employment, a career break.
NOT_A_JOB = re.compile(r"\b(?:gap|career break|not in (?:paid )?employment|not employed|sabbatical|parental leave|unemployed|"
                       r"interruption de carrière|sans emploi|congé (?:parental|maternité|paternité|sabbatique|sans solde)|"
                       r"année sabbatique|sans activité professionnelle|pausa profesional|desempleado|sin empleo|año sabático|"
                       r"excedencia|licencia (?:de|por) (?:maternidad|paternidad))\b", re.IGNORECASE)
MAX_BLOCK_LINES = 4


def _lines(text: str) -> list[tuple[int, int]]:
    bounds, start = [], 0
    for line in text.split("\n"):
        bounds.append((start, start + len(line)))
        start += len(line) + 1
    return bounds


def _dates_first_lines(masked: str, lines: list[tuple[int, int]], range_lines: set[int], section_starts: set[int]) -> set[int]:
    """The lines of periods written alone before their job ("Enero 2019 – actualidad\nOficial de logística,
    PMA\nAbril 2015 – Diciembre 2018\nCoordinador..."): where a run of lines (between blank lines or
    headings) opens with a period alone on its line, each such period heads the lines after it, and the
    lines above it belong to the entry before."""
    found: set[int] = set()
    run_opens_with_dates = False
    for i, (left, right) in enumerate(lines):
        line = masked[left:right]
        opens_run = i == 0 or not masked[slice(*lines[i - 1])].strip() or lines[i - 1][0] in section_starts
        alone = i in range_lines and not _has_title_text(_PERIOD_PLACEHOLDER.sub(" ", line))
        if not line.strip() or left in section_starts:
            run_opens_with_dates = False
            continue
        if opens_run:
            run_opens_with_dates = alone
        if alone and run_opens_with_dates:
            found.add(i)
    return found


def _runs(masked: str, lines: list[tuple[int, int]], section_starts: set[int]) -> list[range]:
    """Runs of consecutive filled lines, between blank lines and section headings."""
    runs, start = [], None
    for i, (left, right) in enumerate(lines):
        if not masked[left:right].strip() or left in section_starts:
            if start is not None:
                runs.append(range(start, i))
            start = None
        elif start is None:
            start = i
    if start is not None:
        runs.append(range(start, len(lines)))
    return runs


def _next_entry_heads(masked: str, lines: list[tuple[int, int]], range_lines: set[int], section_starts: set[int]) -> set[int]:
    """Lines that head the next entry, in runs without blank lines between entries (a PDF's text):
    where the first entry of a run has its title and employer on the h lines above its dates, the h
    lines above each later period are that period's, not the tail of the entry before. Without this,
    "Prácticas en ... / Cerámicas S.L." above the next dates made the period before an internship."""
    heads: set[int] = set()
    for run in _runs(masked, lines, section_starts):
        periods = [i for i in run if i in range_lines]
        if len(periods) < 2:
            continue
        height = min(periods[0] - run.start, MAX_BLOCK_LINES)
        for previous, current in zip(periods, periods[1:]):
            heads.update(range(max(previous + 1, current - height), current))
    return heads


def _job_block(text: str, lines: list[tuple[int, int]], index: int, range_lines: set[int], dates_first: bool = False,
               next_heads: frozenset[int] | set[int] = frozenset()) -> str:
    """The lines that describe the job of the period on line `index`: its own line, the lines after
    it up to a blank line, a bullet or another period, and, when the period stands on a line of its
    own ("From: 03/2019 To: present"), the title and employer lines just above it."""
    block = [index]
    for i in range(index + 1, min(len(lines), index + 1 + MAX_BLOCK_LINES)):
        line = text[slice(*lines[i])]
        if not line.strip() or i in range_lines or _BULLET.match(line) or i in next_heads:
            break
        block.append(i)
    own = _PERIOD_PLACEHOLDER.sub(" ", text[slice(*lines[index])])
    if not dates_first and not _has_title_text(own) and not _ENUMERATION.match(own):   # "B. From: ..." starts its own entry
        for i in range(index - 1, max(-1, index - 1 - MAX_BLOCK_LINES), -1):
            line = text[slice(*lines[i])]
            if not line.strip() or i in range_lines:
                break
            block.insert(0, i)
    return "\n".join(text[slice(*lines[i])] for i in block)


_PERIOD_PLACEHOLDER = re.compile("\x00+")


_DATES_LAST = re.compile(r"^\s*(?:\([^()]*\))?\s*$")


def _inside_prose(text: str, line_left: int, line_right: int, start: int, end: int) -> bool:
    """A period quoted inside a description ("the fonds of the ILO (1919–1980) according to ...")
    rather than heading a job: mid-line, and in brackets or on a bullet line."""
    before, after = text[line_left:start], text[end:line_right]
    mid_line = bool(re.search(r"[^\W\d_]", _BULLET.sub("", before)))
    if mid_line and _DESCRIPTION_BULLET.match(text[line_left:line_right]):
        # "- Secured CHF 8 million in 2024-2025": a description bullet; but "- Company Commander,
        # 13th Light Brigade — June 2012 – Aug. 2016" is a list of posts, dates last after a separator.
        return not (_DATES_LAST.match(after) and re.search(r"(?:\s[—–|·]|,)\s*$", before))
    if not mid_line or not re.search(r"[^\W\d_]{3}", after):
        return False
    in_brackets = before.rstrip().endswith("(") and after.lstrip().startswith(")")
    # "Programme Officer (2019 – 2021), UNDP, New York": the dates of a title line, whose employer
    # follows a separator, not a date quoted in a sentence
    dates_of_a_title = (in_brackets and re.match(r"\)\s*(?:[,|·—–]|\s-\s)", after.lstrip()) and not re.search(r"\d", before)
                        and not _is_description(text[line_left:line_right]))
    return (in_brackets and not dates_of_a_title) or bool(_BULLET.match(text[line_left:line_right]))


_SINCE_IN_A_SENTENCE = re.compile(r"[^\W\d_]{2,}[,;]?\s+$")
MIN_SENTENCE_PREFIX = 20
# Lines that quote dates in a title or a list, not a period of study or work.
_QUOTING_LABEL = re.compile(r"^\W*(?:thesis|dissertation|courses?(?: taught)?|publications?|thèse|mémoire|cours|tesis|cursos?)\b[^:\n]{0,30}:",
                            re.IGNORECASE)


def _mentioned_in_passing(text: str, line_left: int, line_right: int, start: int, end: int) -> bool:
    """A period that dates no job or degree: quoted inside a description ("chaired the network
    (2021-2023)"), "since 2022" inside a sentence ("...and since 2022 at its EMEA hub"), or the
    dates of a gap ("Career break — 07/2024 – 04/2025")."""
    line = text[line_left:line_right]
    if _inside_prose(text, line_left, line_right, start, end) or NOT_A_JOB.search(line) or _QUOTING_LABEL.match(line):
        return True
    return bool(re.match(r"(?:since|depuis|desde)\b", text[start:end], re.IGNORECASE) and start - line_left >= MIN_SENTENCE_PREFIX
                and _SINCE_IN_A_SENTENCE.search(text, line_left, start))


_TITLE_LABEL = re.compile(r"\s*(?:(?:exact |functional |job |post |position )?title(?: of (?:your |the )?(?:post|position))?|"
                          r"occupation or position held|position(?: held)?|post|role|poste(?: occupé)?|fonction|intitulé du poste|"
                          r"(?:fonction|emploi) ou poste occupé|profesión o cargo desempeñado|"
                          r"cargo|puesto(?: desempeñado)?)\s*[:：|]\s*", re.IGNORECASE)
_ENUMERATION = re.compile(r"^\s*(?:[-–—•*·▪◦]|\(?[A-Za-z]\)|[A-Z]\.|\d{1,2}(?:\.\d{1,2})?[.)]?)\s+")
# Between a title and the employer, place or dates that follow it on the line.
_STRONG_SEPARATOR = re.compile(r"\s+[·|—–]\s*|\s*[·|]\s*|\s+-\s+|\s{2,}|\t|;\s|:\s")
_GRADE = re.compile(r"\s*\((?:[PDG]|GS|NO[A-D]?|FS|USG|ASG|ICS|SB|SC|AD|AST|FG)[\s-]?[\dIVX]")
_BRACKET = re.compile(r"\s+\(")
_THEN = re.compile(r"(?:\s*\([^()]*\))?,?\s+(?:then|later|puis|ensuite|luego|después)\s+", re.IGNORECASE)
# A first piece that is a rank, not a whole title: "Chief, Accounts Section", "Head of Unit, Policy".
_RANK = re.compile(r"^(?:(?:senior|deputy|assistant|associate|graduate|legal|special|chief)\s+)?(?:chief|head|director(?:-general)?|"
                   r"manager|associate|intern|trainee|attaché|adviser|advisor|consultant|coordinator|officer|lead|buyer|assistant|"
                   r"analyst|specialist|dealer|researcher|translator|journalist)$", re.IGNORECASE)
_ORG_CUE = re.compile(r"\b(?:S\.A\.?|SA|AG|GmbH|Ltd|LLP|LLC|Inc|SAS|SARL|S\.p\.A\.|plc|Bank|Banco|University|Université|Universidad|"
                      r"Ministry|Ministère|Ministerio|Organi[sz]ation|Organisation|Organización|Secretariat|Company|Group|Groupe|Grupo|"
                      r"Council|Commission|Agency|Agence|Institute|Institut|Instituto|Office|Hospitals?|Programme|Fund|Authority|"
                      r"Telecom|Telekom|Hosting|Retail|Payments|Parliament|Ayuntamiento|Self-employed|Centre|Center|Centro|"
                      r"Services?|Police|Hotel|Hôtel|Foundation|Fondation|Fundación|Association|Corporation|Cooperation|"
                      r"Committee|Comité|Consejo|Army|Armée|Ejército|Forces|Fuerzas|Corps|Autorité|Autoridad|Battalion|Brigade|Regiment|Squadron)(?!\w)")
# A piece that ends with the head of a job title is the title, whatever organisation words it holds
# ("Office Assistant", "Front Office Supervisor", "Police Officer").
_TITLE_HEAD = re.compile(r"\b(?:assistant|officer|manager|clerk|supervisor|director|adviser|advisor|analyst|engineer|specialist|"
                         r"coordinator|consultant|intern|trainee|head|chief|lead|secretary|administrator|technician|economist|"
                         r"statistician|translator|editor|researcher|lecturer|professor|teacher|attaché|counsellor|delegate|"
                         r"representative|agent|accountant|auditor|assistante?|chargée?|responsable|directeur|directrice|"
                         r"asistente|coordinador[a]?|director[a]?|gerente|oficial|especialista|analista|técnic[oa])\s*$", re.IGNORECASE)
# A job's length written beside its dates: "4 yrs 5 mos", "(2 ans 3 mois)", "· 1 año y 6 meses".
_DURATION_PIECE = (r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)[\s-]*"
                   r"(?:yrs?|years?|mos?|months?|ans?|années?|años?|mois|mes(?:es)?)\b\.?")
_DURATION = re.compile(rf"^[\s(·|,;–—-]*{_DURATION_PIECE}(?:\s*(?:,|and|et|y)?\s*{_DURATION_PIECE})*\)?", re.IGNORECASE)
MAX_TITLE_CHARS = 90


def _cut_title(piece: str, has_strong_separator: bool, own_line: bool = False) -> str:
    """The title within the text before the first strong separator: up to a grade in brackets,
    keeping a second comma piece after a bare rank ("Chief, Learning Section") or where strong
    separators show that commas belong to the title."""
    then = _THEN.search(piece)
    if then and piece[:then.start()].count("(") == piece[:then.start()].count(")"):  # "Finance Officer (P3), then Senior Finance Officer (P4)"
        return _cut_title(piece[:then.start()], has_strong_separator).rstrip() + piece[then.start():then.end()] \
            + _cut_title(piece[then.end():], has_strong_separator, own_line)
    grade = _GRADE.search(piece)
    bracket = _BRACKET.search(piece)
    if grade:
        return piece[:grade.start()]
    pieces = piece[:bracket.start()].split(", ") if bracket else piece.split(", ")
    if len(pieces) > 1 and _TITLE_HEAD.search(pieces[1]) and re.search(r"\s(?:and|&|et|y)\s", pieces[1]) \
            and not _TITLE_HEAD.search(pieces[0]):
        return ", ".join(pieces[:2])   # "Health, Safety and Facilities Officer": a list inside the title
    if len(pieces) > 1 and not _ORG_CUE.search(piece.split(", ")[1]) and not _EMPLOYER_NAME.search(piece.split(", ")[1]) \
            and (_RANK.match(pieces[0].strip()) or (has_strong_separator and len(pieces) == 2)):
        return ", ".join(pieces[:2])
    whole = piece.split(", ")   # the pieces after a bracket too: "Oncology, Roche Pharma (Schweiz) AG"
    if len(pieces) > 1 and _is_unit(pieces[1], whole[2:], alone=own_line and len(whole) == 2 and not has_strong_separator):
        return ", ".join(pieces[:2])
    return pieces[0]


# The unit or specialisation a title names after its comma (GUIDE.md: part of the title), in EN/FR/ES.
_UNIT_WORD = re.compile(r"\b(?:Section|Unit|Division|Department|Directorate|Services?|Branch|Team|Desk|Practice|Laborator(?:y|io)|"
                        r"Lab|Programme|Program|Project|Bureau|Secretariat|Cell|Affairs|Unité|Département|Direction|Projet|"
                        r"Sección|Unidad|Departamento|Dirección|Subdirección|Área|Proyecto|Oficina de)\b")
_EMPLOYER_NAME = re.compile(r"\b(?:S\.A\.?|SA|AG|AB|ASA|Oy|NV|BV|SpA|Srl|S\.L\.|GmbH|Ltd|LLP|LLC|Inc|SAS|SARL|plc|University|Université|Universidad|Universität|"
                            r"College|School|Bank|Banco|Company|Group|Groupe|Grupo|Corporation|Foundation|Fondation|Fundación|"
                            r"Hospital|Hôpital|Ministry|Ministère|Ministerio|Embassy|Ambassade|Embajada)\b")
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def _is_unit(second: str, rest: list[str], alone: bool = False) -> bool:
    """Whether the piece after a title's comma is its unit or specialisation ("Translator, Directorate of
    Language Services", "Senior Manager, Financial Services Audit, KPMG"), not the employer, a place or a date.
    On a line of its own ("Head of Unit, Environmental Accounts") a piece of several words is the unit;
    a single word there is more often the place ("Programme Officer, Geneva")."""
    second = second.strip()
    if not second or _YEAR.search(second) or _DURATION.match(second) or _EMPLOYER_NAME.search(second) \
            or INTERNATIONAL_EMPLOYERS.search(second) or NATIONAL_POST.search(second):
        return False
    if any(m["before"] is None or m["before"].strip() in ("The", "the") for m in _INTERNATIONAL_NAME.finditer(second)):
        return False
    if _UNIT_WORD.search(second):
        return True
    if alone and len(second.split()) > 1 and not _ORG_CUE.search(second):
        return True
    # "Audit, KPMG, London": the employer comes next, so this piece is not it
    return bool(rest) and _names_employer(rest[0]) and not _ORG_CUE.search(second.split()[0])


# "Programme Officer at UNDP", "Chargé de programme au PNUD", "Oficial en el PNUD": the employer after a
# preposition ends the title, as a separator would.
_AT_EMPLOYER = re.compile(r"\s+(?:at|au|aux|à la|à l['’]|chez|auprès d[eu]|auprès de la|en el|en la|en los)\s*(?=[A-ZÀ-Ý])")
# "... from 2019 to 2021", "... de 2019 a 2021": the word that led into the dates.
_TRAILING_LEAD = re.compile(r"\s+(?:from|since|de|du|desde|del|depuis|entre|between)\s*$", re.IGNORECASE)


def _title_in(text: str, start: int, end: int, own_line: bool = True) -> tuple[int, int] | None:
    """The job title in text[start:end]: after enumeration and a title label, before the employer,
    place or grade; the second piece where the first is the employer ("Alpina AG, Zurich — SRE")."""
    segment = text[start:end]
    lead = _ENUMERATION.match(segment)
    offset = lead.end() if lead else 0
    label = _TITLE_LABEL.match(segment[offset:])
    if label:
        offset += label.end()
    while offset < len(segment) and segment[offset] in " \t:·|—–-,])":
        offset += 1
    duration = _DURATION.match(segment[offset:])   # "Jan 2016 - Feb 2020 · 4 yrs 2 mos: Engineer"
    if duration and _has_title_text(segment[offset + duration.end():]):
        offset += duration.end()
        while offset < len(segment) and segment[offset] in " \t:·|—–-,":
            offset += 1
    rest = segment[offset:].rstrip()
    parts = [(m.start(), m.end()) for m in _STRONG_SEPARATOR.finditer(rest)]
    first_end = parts[0][0] if parts else len(rest)
    lead_piece = rest[:first_end].split(", ")[0]   # "Alpina AG, Zurich — SRE": the employer comes first
    if parts and (_ORG_CUE.search(lead_piece) or INTERNATIONAL_EMPLOYERS.fullmatch(lead_piece.strip())) and not label \
            and not _TITLE_HEAD.search(lead_piece):
        second_end = parts[1][0] if len(parts) > 1 else len(rest)
        candidate = rest[parts[0][1]:second_end]
        head = re.split(r"\s*[(,]", candidate.strip(), maxsplit=1)[0]   # "Programme Officer (P3)": a title despite "Programme"
        if candidate.strip() and (not _ORG_CUE.search(candidate) or _TITLE_HEAD.search(head)) and not _DURATION.match(candidate):
            offset += parts[0][1]
            rest, first_end, parts = rest[parts[0][1]:], second_end - parts[0][1], parts[1:]
    title = _cut_title(rest[:first_end], bool(parts), own_line).strip(" ,")
    title = _AT_EMPLOYER.split(title, maxsplit=1)[0]
    title = _TRAILING_LEAD.sub("", title)
    if not title or len(title) > MAX_TITLE_CHARS or not re.search(r"[^\W\d_]{2}", title) or _LABELS_ONLY.match(title) \
            or _DURATION.match(title):
        return None
    return start + offset, start + offset + len(title)


def _has_title_text(piece: str) -> bool:
    """Words other than labels, a duration or a note in brackets ("(part-time)", "(8 yrs)")."""
    piece = _ENUMERATION.sub("", piece)
    if piece.strip(" \t·|,;:–—-").startswith("("):
        return False
    duration = _DURATION.match(piece)
    if duration:   # "· 4 ans 2 mois : Ingénieur d'études": the title after the job's length
        piece = piece[duration.end():]
    return bool(re.search(r"[^\W\d_]{2}", piece)) and not _LABELS_ONLY.match(piece) and not _DURATION.match(piece)


def _names_employer(piece: str) -> bool:
    """The first part of a line names an organisation ("Grupo Hotelero S.A., Madrid", "UNICEF Perú")."""
    first = _STRONG_SEPARATOR.split(_ENUMERATION.sub("", piece).strip(" \t·|,;:–—-"), maxsplit=1)[0]
    if _TITLE_HEAD.search(first):
        return False
    return bool(_ORG_CUE.search(first) or INTERNATIONAL_EMPLOYERS.search(first) or NATIONAL_POST.search(first)
                or _INTERNATIONAL_NAME.search(first))


# "Senior Legal Officer (P4) — World Intellectual Property Organization (WIPO), Geneva": a title and an
# employer, however long, not a sentence.
_TITLE_THEN_EMPLOYER = re.compile(r"^[^.;:]{2,80}?\s[—–|·]\s")


# A line that ends with an abbreviation ("Washington D.C.", "Acme Ltd.") does not end a sentence.
_ABBREVIATION_END = re.compile(r"(?:\b[A-Z]\.){1,3}$|\b(?:Inc|Ltd|Co|Corp|Cie|Bros|Jr|Sr|St|Ste|No|etc)\.$")


def _ends_sentence(line: str) -> bool:
    stripped = line.strip()
    return stripped.endswith(".") and not _ABBREVIATION_END.search(stripped)


def _is_description(line: str) -> bool:
    """A sentence about the work, not a title: long, or punctuated as prose."""
    stripped = line.strip()
    full_stop = _ends_sentence(stripped)
    if _BULLET.match(line) or full_stop:
        long_line = len(stripped) > 110
    else:
        long_line = len(stripped) > 110 and not _TITLE_THEN_EMPLOYER.match(stripped)
    return long_line or "; " in stripped or (full_stop and len(stripped) > 50)


_PLACE_LINE = re.compile(r"^\s*[A-ZÀ-Ý][\w.'’-]*(?: [A-ZÀ-Ý\w.'’-]+)*(?:, ?[A-ZÀ-Ý][\w.'’-]*(?: [\w.'’-]+)*){1,2}\s*$")
MAX_PLACE_WORDS = 5


def _job_title(text: str, lines: list[tuple[int, int]], index: int, range_lines: set[int], section_starts: set[int],
               period_start: int, period_end: int, dates_first: bool = False) -> tuple[int, int] | None:
    """Where the title of the job with this period is written: on the period's own line (before
    or after the dates), on a "Title:" line of its block, or on the line above or below."""
    left, right = lines[index]
    before, after = text[left:period_start], text[period_end:right]
    own = (left, period_start) if _has_title_text(before) else (period_end, right) if _has_title_text(after) else None
    previous = text[slice(*lines[index - 1])] if index > 0 else ""
    title_above = (previous.strip() and index - 1 not in range_lines and not _BULLET.match(previous)
                   and lines[index - 1][0] not in section_starts and not _names_employer(previous)
                   and not _is_description(previous))
    if own and title_above and _names_employer(text[slice(*own)]):
        return _title_in(text, *lines[index - 1])  # "Title\nEmployer, City | 2019 – present"
    if own:   # the title shares the period's line: not a line of its own
        return _title_in(text, *own, own_line=False)
    above = []
    first_above = index - 1 if not dates_first else -1   # a period that heads its entry has no lines above
    for i in range(first_above, max(-1, index - 1 - MAX_BLOCK_LINES), -1):
        line = text[slice(*lines[i])]
        if not line.strip() or i in range_lines or _DESCRIPTION_BULLET.match(line) or lines[i][0] in section_starts:
            break
        above.insert(0, i)
        if _BULLET.match(line):
            break  # "1. Head of Office (P-5)": the numbered first line of the entry
    # LinkedIn: "Employer\nTitle\nDates (duration)\nCity, Country": a place right under the previous
    # entry's dates belongs to that entry, not to this one.
    if len(above) > 1 and above[0] - 1 in range_lines:
        first = text[slice(*lines[above[0]])]
        if _PLACE_LINE.match(first) and len(first.split()) <= MAX_PLACE_WORDS and not _TITLE_HEAD.search(first):
            above = above[1:]
    below = []
    for i in range(index + 1, min(len(lines), index + 1 + MAX_BLOCK_LINES)):
        line = text[slice(*lines[i])]
        if not line.strip() or i in range_lines or _BULLET.match(line):
            break
        below.append(i)
    for i in below + above[::-1]:   # a "Title:" line of this entry comes after its dates, or just before
        if _TITLE_LABEL.match(text[slice(*lines[i])]):
            return _title_in(text, *lines[i])
    candidates = [i for i in (above or below) if not _OTHER_LABEL.match(text[slice(*lines[i])])
                  and not _is_description(text[slice(*lines[i])]) and not _duration_only(text[slice(*lines[i])])]
    # "Employer\nTitle\nDates": skip a first line that names an organisation.
    if len(candidates) > 1 and _names_employer(text[slice(*lines[candidates[0]])]) \
            and not _names_employer(text[slice(*lines[candidates[1]])]):
        candidates = candidates[1:]
    return _title_in(text, *lines[candidates[0]]) if candidates else None


MIN_SENTENCE_CHARS = 50
_DUTIES_LABEL = re.compile(r"^\s*(?:description|main activities|(?:main |key )?(?:duties|responsibilities|achievements|tasks)|activités|"
                           r"tâches|fonctions|réalisations|funciones|actividades|logros)\b[^:\n]{0,40}:", re.IGNORECASE)


def _employer_lines(block: str) -> str:
    """The lines of a job's block (the period masked with NULs) that name the post and its employer:
    not the description of the work, whose clients and partners ("advised the World Bank") are not
    the employer."""
    return "\n".join(line for line in block.split("\n") if "\x00" in line   # the period's own line stays
                     or not _DESCRIPTION_BULLET.match(line) and not _DUTIES_LABEL.match(line)
                     and not (_ends_sentence(line) and len(line.strip()) > MIN_SENTENCE_CHARS))


def _duration_only(line: str) -> bool:
    """A line that only states a length of time ("5 years 11 months", "(2 ans)")."""
    duration = _DURATION.match(line)
    return bool(duration) and not line[duration.end():].strip(" \t·|,;:–—-()")


def _group_employer(text: str, lines: list[tuple[int, int]], index: int, range_lines: set[int], section_starts: set[int]) -> str | None:
    """LinkedIn lists several roles under one employer: "UNICEF\n5 years 11 months\nProgramme Specialist\n
    Jan 2023 - Present\n...\nProgramme Officer\nJan 2021 - Dec 2022". The employer of a role is the line
    above the nearest such length-of-service line above it, within the same run of lines."""
    for i in range(index - 1, 0, -1):
        line = text[slice(*lines[i])]
        if not line.strip() or lines[i][0] in section_starts:
            return None
        if i not in range_lines and _duration_only(line):
            header = text[slice(*lines[i - 1])]
            return header if header.strip() and i - 1 not in range_lines and lines[i - 1][0] not in section_starts else None
    return None


def _employer_above(text: str, lines: list[tuple[int, int]], index: int, range_lines: set[int], section_starts: set[int],
                    block: str, dates_first: bool = False) -> str | None:
    """"United Nations Secretariat, OICT, New York\nERP Solution Architect (P4), Apr 2020 – present": the
    employer on the line above a title-and-dates line, when the entry names no employer below."""
    if dates_first or index == 0 or index - 1 in range_lines or lines[index - 1][0] in section_starts:
        return None
    above = text[slice(*lines[index - 1])]
    if not above.strip() or _BULLET.match(above) or _is_description(above) or not _names_employer(above):
        return None
    entry_start = index < 2 or not text[slice(*lines[index - 2])].strip() or lines[index - 2][0] in section_starts
    if not entry_start:   # the line above belongs to the entry before (its description or employer)
        return None
    below = block.split("\n")[1:]
    return None if any(_names_employer(line) for line in below if "\x00" not in line) else above


# "2016          Substitute Teacher, ...", "2020 (1 yr)": a year alone at the head of a line in the
# date column of an experience section dates a job of that year (GUIDE.md: January to December).
_YEAR_HEADING_A_LINE = re.compile(r"^(?P<year>(?:19|20)\d\d)(?=[ \t]{2,}|\t|[ \t]*[|:–—][ \t]|[ \t]+-[ \t]|[ \t]*\(|[ \t]*$)",
                                  re.MULTILINE)


def _single_years(text: str, sections: list[Section], periods: list[DateRange]) -> list[DateRange]:
    """Years that date a job on their own, in experience sections only (elsewhere a year at a line's
    head is a degree's, a publication's or an award's)."""
    found = []
    for section in sections:
        if section.name != "experience":
            continue
        for m in _YEAR_HEADING_A_LINE.finditer(text, section.body_start, section.end):
            if any(p.start <= m.start() < p.end for p in periods):
                continue
            year = int(m["year"])
            found.append(DateRange(m.start(), m.end(), f"{year:04d}-01", f"{year:04d}-12"))
    return found


def job_periods(text: str, sections: list[Section], reference: str, spans: list[Span]) -> list[JobPeriod]:
    """DATE_RANGE spans and the job each period belongs to (title line, kind, international employer)."""
    jobs = []
    has_experience_section = any(s.name == "experience" for s in sections)
    periods = find_date_ranges(text)
    periods = sorted(periods + _single_years(text, sections, periods), key=lambda p: p.start)
    lines = _lines(text)
    line_starts = [a for a, _ in lines]
    masked = list(text)
    for period in periods:
        masked[period.start:period.end] = "\x00" * (period.end - period.start)
    masked_text = "".join(masked)
    range_lines = {bisect_right(line_starts, p.start) - 1 for p in periods}
    section_starts = {s.start for s in sections}
    dates_first_lines = _dates_first_lines(masked_text, lines, range_lines, section_starts)
    next_heads = _next_entry_heads(masked_text, lines, range_lines, section_starts)
    for period in periods:
        section = section_at(sections, period.start)
        index = bisect_right(line_starts, period.start) - 1
        line_left, line_right = lines[index]
        if not _mentioned_in_passing(text, line_left, line_right, period.start, period.end):
            spans.append(_span(text, "DATE_RANGE", period.start, period.end, start=period.start_month, end=period.end_month))
        dates_first = index in dates_first_lines
        block = _job_block(masked_text, lines, index, range_lines, dates_first, next_heads)
        context = block.replace("\x00", " ")
        if section in ("education", "languages", "skills") or (has_experience_section and section not in ("experience", None)):
            continue
        line = (text[line_left:period.start] + " " + text[period.end:line_right]).strip(" |·•-–—,:()\t")
        if section is None and find_degrees(context if _LABELS_ONLY.match(line) else line):
            continue  # a degree's dates, in a CV without headings
        if NOT_A_JOB.search(context) or _inside_prose(text, line_left, line_right, period.start, period.end):
            continue
        kind = "internship" if INTERNSHIP.search(context) else "volunteer" if VOLUNTEER.search(context) else "job"
        years = years_from_months(months_between(period.start_month, period.end_month, reference))
        employer_text = _employer_lines(block).replace("\x00", " ")
        above = _employer_above(text, lines, index, range_lines, section_starts, block, dates_first)
        group = _group_employer(text, lines, index, range_lines, section_starts)
        international = is_international_post("\n".join(part for part in (employer_text, above, group) if part))
        title = _job_title(text, lines, index, range_lines, section_starts, period.start, period.end, dates_first)
        if title:
            spans.append(_span(text, "EXPERIENCE", title[0], title[1], start=period.start_month, end=period.end_month,
                               years=years, international=international, kind=kind))
            line = text[title[0]:title[1]]
        jobs.append(JobPeriod(title=line[:120] or None, start=period.start_month, end=period.end_month,
                              years=years, international=international, kind=kind,
                              text=context.strip()[:300]))
    return jobs


MAX_PERSONAL_LINE_WORDS = 4
_AGE_WORDS = re.compile(r"\b(?:age|âge|edad|aged|born|née?|nacid[oa])\b", re.IGNORECASE)


def _is_age(text: str, start: int, end: int) -> bool:
    """"Française, 36 ans", "Age: 41 years": a personal detail, not years of experience; the years
    end a short line of personal details, or follow a word for age."""
    left, right = _line_bounds(text, start, end)
    if _AGE_WORDS.search(text, max(left, start - 12), start):
        return True
    return not text[end:right].strip(" .") and len(text[left:right].split()) <= MAX_PERSONAL_LINE_WORDS


# The part of a claimed total, its noun elided (GUIDE.md: parts are claimed spans): "eleven years in
# HR, the last nine in learning", "of which more than 13 in the UN system", "de los cuales casi 9 en
# el sistema", "Four years of cloud work, three and a half in the UN system".
_QUALIFIER = r"(?:(?:more than|over|nearly|almost|about|some|close to|plus de|près de|presque|más de|casi|cerca de)\s+)?"
_CLAIMED_PART = re.compile(rf"(?:(?:,|;)\s*(?:the last|the past|los últimos|las últimas|les)\s+{_QUALIFIER}|"
                           rf"\b(?:of which|dont|de los cuales|de las cuales|including|incluidos?)\s+{_QUALIFIER}|(?:,|\sand|\set|\sy)\s+)"
                           rf"(?P<num>{NUMBER})(?=\s+(?:in|on|at|with|as|for|leading|heading|managing|running|"
                           rf"en|dans|au|aux|à|auprès|chez|con|al|como)\s)", re.IGNORECASE)


# "led a team for three years", "pendant deux ans", "durante cuatro años": how long one task lasted.
_TASK_DURATION = re.compile(r"\b(?:for|pendant|durante)\s+$", re.IGNORECASE)


def _claimed_parts(text: str, left: int, right: int, taken: list[tuple[int, int]]) -> list[tuple[int, int, float]]:
    """Elided parts of a total claimed earlier in the same sentence."""
    found = []
    for m in _CLAIMED_PART.finditer(text, left, right):
        start, end = m.start("num"), m.end("num")
        sentence_start = max(text.rfind(". ", left, start), text.rfind("\n", left, start), left)
        years = parse_number(m["num"])
        if years is None or any(a < end and start < b for a, b in taken) \
                or not any(sentence_start <= a < start for a, _ in taken):
            continue
        found.append((start, end, years))
    return found


def claimed_experience(text: str, sections: list[Section], spans: list[Span]) -> None:
    """EXPERIENCE spans (kind "claimed") on the years a CV's summary claims: "12 years of experience",
    "plus de 10 ans", "of which twelve in international secretariats", "the last eight in UN agencies"."""
    periods = find_date_ranges(text)
    preamble_end = min([s.start for s in sections] + [p.start for p in periods[:1]] + [len(text)])
    searched = [(0, preamble_end)] + [(s.body_start, s.end) for s in sections if s.name == "summary"]
    for left, right in searched:
        taken = []
        for mention in find_year_requirements(text[left:right]):
            if _is_age(text, left + mention.start, left + mention.end) or _TASK_DURATION.search(text, left, left + mention.start):
                continue
            taken.append((left + mention.start, left + mention.end))
            spans.append(_span(text, "EXPERIENCE", left + mention.start, left + mention.end, years=mention.years, kind="claimed"))
        for start, end, years in _claimed_parts(text, left, right, taken):
            spans.append(_span(text, "EXPERIENCE", start, end, years=years, kind="claimed"))


# Studies stopped without the degree, or still under way (the guide's `status`).
_INCOMPLETE = re.compile(r"\b(?:not (?:defended|completed|awarded|finished)|incomplete|discontinued|abandoned|withdrew|"
                         r"without (?:the )?degree|non (?:soutenue|achevée?|terminée?)|inachevée?|abandonnée?|interrompue?s?|"
                         r"sin (?:terminar|titularse|defender)|inconclus[oa]|no (?:defendida|terminad[oa]|concluid[oa]))\b", re.IGNORECASE)
_ENROLLED = re.compile(r"\b(?:expected|anticipated|in progress|ongoing|under way|currently (?:enrolled|studying|pursuing)|candidate|"
                       r"cand\.|ABD|all but dissertation|en cours|prévue?|en préparation|doctorante?|en curso|cursando|previst[oa]|"
                       r"candidat[oa])(?![\w])", re.IGNORECASE)


# "No university degree", "Pas de doctorat", "sin título": a degree the person does not have.
_NEGATED = re.compile(r"(?:^|[^\w])(?:no|without|pas de|aucun|sans|sin|ningún)\s+$", re.IGNORECASE)


def degree_status(line: str, reference_year: int | None = None) -> str | None:
    """"incomplete" or "enrolled" for a degree whose line says the studies stopped or are under way
    ("thesis not defended", "expected 2027", "L3 en cours", "2024 – present"); None when awarded."""
    if _INCOMPLETE.search(line):
        return "incomplete"
    if _ENROLLED.search(line) or any(r.end_month == "present" for r in find_date_ranges(line)):
        return "enrolled"
    years = [int(y) for y in re.findall(r"(?<!\d)(?:19|20)\d\d(?!\d)", line)]
    if reference_year and years and max(years) > reference_year:
        return "enrolled"
    return None


# "Diplôme d'ingénieur (Bac+5, grade de Master)", "Ingeniero (título de 5 años, equivalente a Máster)":
# a degree named to explain another one's level.
_EQUIVALENCE_CUE = re.compile(r"\b(?:equivalent|équivalent|equivalente|equiv\.|grade de|niveau|nivel|level)\b[^()\n]{0,30}$",
                              re.IGNORECASE)


# "Master of Science - MSc" (LinkedIn): the abbreviation after a dash restates the degree.
_DASH_RESTATEMENT = re.compile(r"^ ?[-–—] ?$")


def _explanations(text: str, degrees: list[tuple[int, int, str]]) -> dict[int, int]:
    """Degrees that explain an earlier one on the same line (in its brackets, or after "equivalent
    to"), as index of the explanation -> index of the degree it explains. The explanation is not
    another degree that the person holds: it states the level of the first."""
    explained: dict[int, int] = {}
    for i, (_, end, _) in enumerate(degrees):
        if i in explained:
            continue
        for j in range(i + 1, len(degrees)):
            between = text[end:degrees[j][0]]
            if "\n" in between or not (between.count("(") > between.count(")") or _EQUIVALENCE_CUE.search(between)
                                         or _DASH_RESTATEMENT.match(between)):
                break
            explained[j] = i
    return explained


def _bracketed_level(degree: str) -> str | None:
    """The level of an abbreviation in the degree's own brackets ("Maîtrise (M.Sc.)": master)."""
    inner = re.search(r"\(([^()]+)\)", degree)
    found = find_degrees(inner.group(1)) if inner else []
    return found[0][2] if found else None


# Qualifications without a degree level that still name a field of study.
# Postgraduate diplomas and Swiss continuing-education certificates name a field of study without a
# degree level: "Diplomado en Ciencia de Datos", "CAS in Crisis Management". (Short and online
# certificates are training, not studies.)
_QUALIFICATION = re.compile(r"(?<![\w-])(?:(?i:certificat de formation continue\s*)?\((?:CAS|DAS|MAS)\)|CAS|DAS|MAS|"
                            r"(?i:diploma|diplomado|diplomatura|especialización|especialização|postgrado|posgrado))(?![\w-])(?!\s*:)")


def _fields_of(text: str, phrase: tuple[int, int], line_right: int) -> list[tuple[int, int]]:
    """The FIELD spans of a field phrase: its list items, further known fields after a comma, and a
    specialisation in brackets after it."""
    found = split_field_list(text, *phrase) + more_fields_after(text, phrase[1], line_right)
    bracketed = bracketed_field_after(text, phrase[1], line_right)
    if bracketed and find_degrees(text[slice(*bracketed)]):
        bracketed = None   # "(PhD in Public Law)": a degree and its field, found as such
    # a specialisation or the same field translated ("Informatics (Computer Science)"): its own span
    return found + ([bracketed] if bracketed else [])


# In a summary, words that name a profession rather than a degree ("Ingénieur logiciel", "Ingeniera
# ambiental", "Técnico superior con cinco años...", "Abogado internacionalista").
_PROFESSION_WORD = re.compile(r"^(?:ing[ée]nieure?|ingenier[oa]|t[ée]cnic[oa] superior|abogad[oa]|licenciad[oa])$", re.IGNORECASE)
_LICENCE = re.compile(r"^licen[cs]e$", re.IGNORECASE)


def _summary_degrees(text: str, sections: list[Section], searched: list[tuple[int, int]], name_line_end: int,
                     spans: list[Span], field_spans: list[tuple[int, int]], reference_year: int | None) -> None:
    """DEGREE (and FIELD) spans of the degrees a summary says the person holds or studies for ("a
    master's in international relations", "PhD statistician", "MSc student in Computer Science"): spans,
    not profile entries, which the education section gives."""
    periods = find_date_ranges(text)
    preamble_end = min([s.start for s in sections] + [p.start for p in periods[:1]] + [len(text)])
    summary = [(name_line_end, preamble_end)] + [(s.body_start, s.end) for s in sections if s.name == "summary"]
    for start, end, level in find_degrees(text):
        if not any(a <= start < b for a, b in summary) or any(a <= start < b for a, b in searched) \
                or _NEGATED.search(text, max(0, start - 12), start) or _PROFESSION_WORD.match(text[start:end]):
            continue
        line_left, line_right = _line_bounds(text, start, end)
        phrase = _summary_field(text, end, line_right)
        if _LICENCE.match(text[start:end]) and not phrase:
            continue   # "a security agent licence"
        status = degree_status(text[line_left:line_right], reference_year) if level != "secondary" else None
        spans.append(_span(text, "DEGREE", start, end, level=level, isced=isced_level(level), **({"status": status} if status else {})))
        if phrase:
            field_spans.extend(split_field_list(text, *phrase))


# In a sentence the field follows "in"/"en" and ends at punctuation or at the next clause
# ("a master's in networking and now represent a vendor", "Magíster en Ciencia de Datos con año y medio").
_SUMMARY_FIELD_LEAD = re.compile(r"(?:\s+(?:student|candidate|étudiante?|estudiante))?\s+(?:in|en|em|of|d['’]|de)\s*", re.IGNORECASE)
_SUMMARY_FIELD_END = re.compile(r"[.,;:()|·]|\s[–—-]\s|\s(?:and now|and|with|from|at|since|for|to|who|con|y|et|avec|dans|à|chez|depuis|desde|para)\s",
                                re.IGNORECASE)
MAX_SUMMARY_FIELD_WORDS = 5


def _summary_field(text: str, end: int, line_right: int) -> tuple[int, int] | None:
    lead = _SUMMARY_FIELD_LEAD.match(text, end, line_right)
    if not lead:
        # "Étudiante en troisième année de licence informatique": the field right after the degree
        bare = re.match(r"\s+([^\W\d_][\w-]*)(?=[.,;:]|\s*$)", text[end:line_right])
        return (end + bare.start(1), end + bare.end(1)) if bare and find_fields(bare.group(1)) else None
    stop = _SUMMARY_FIELD_END.search(text, lead.end(), line_right)
    phrase_end = stop.start() if stop else line_right
    words = text[lead.end():phrase_end].strip()
    if not words or not words[0].isalpha() or len(words.split()) > MAX_SUMMARY_FIELD_WORDS:
        return None
    return lead.end(), lead.end() + len(words)


# French engineering degrees name the kind of engineer before the field: "Diplôme d'ingénieur
# statisticien économiste (ISE)", "Diplôme d'Ingénieur de conception en télécommunications"; those
# words belong to the degree's name (GUIDE.md), the field follows "en".
_ENGINEER_DEGREE = re.compile(r"(?:diplôme d['’])?ing[ée]nieure?(?: d['’][ée]tat)?$", re.IGNORECASE)
_ENGINEER_QUALIFIER = re.compile(r"(?:\s(?:de |d['’])?(?!en\b|in\b|des\b|du\b)[a-zàâçéèêëîïôûù-]{3,}){1,2}(?=\s+(?:en|in)\s|\s*[(,]|\s*$)")


def _with_engineer_qualifiers(text: str, degrees: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Degrees with the engineer's kind added to the name, and a bracket that then restates the degree
    ("(ISE)") as a degree of its own."""
    out = []
    for start, end, level in degrees:
        line_right = _line_bounds(text, start, end)[1]
        qualifier = _ENGINEER_QUALIFIER.match(text, end, line_right) if _ENGINEER_DEGREE.match(text[start:end]) else None
        if not qualifier:
            out.append((start, end, level))
            continue
        out.append((start, qualifier.end(), level))
        again = _restatement(text, qualifier.end())
        if again and not any(s == again[0] for s, _, _ in degrees):
            out.append((again[0], again[1], level))
    return sorted(out)


_SPECIALISATION_WORD = r"(?:major|minor|specialization|specialisation|specialty|concentration|option|track|spécialité|spécialisation|parcours|especialidad|especialización|mención|énfasis)"
_SPECIALISATION = re.compile(
    rf"(?:[,;(]|\s[—–-])\s*(?:(?i:{_SPECIALISATION_WORD})(?:\s+(?:in|en|of|de|d['’]))?\s+(?P<a>[^,;()\n·|—–]+?)|"
    rf"(?P<b>[^,;()\n·|—–]+?)\s+(?i:{_SPECIALISATION_WORD}))(?=\s*(?:[,;()·|]|\s[—–-]\s|$))", re.MULTILINE)
MAX_SPECIALISATION_WORDS = 6


def education_entries(text: str, sections: list[Section], spans: list[Span], reference_date: str = "") -> list[EducationEntry]:
    """DEGREE and FIELD spans of the education section and one entry per degree, with its status
    ("enrolled", "incomplete"; None = awarded)."""
    reference_year = int(reference_date[:4]) if reference_date[:4].isdigit() else None
    entries = []
    searched = regions(sections, {"education"}, len(text))
    fields = [(s, e, code) for s, e, code in find_fields(text)]
    # Post-nominal degrees on the name line ("RAFAEL COSTA ALMEIDA, PhD"): spans, not entries.
    name_line_end = text.find("\n", text.find("\n", 0) + 1 if text.startswith("\n") else 0)
    name_line_end = len(text) if name_line_end < 0 else name_line_end
    if not any(a <= 0 < b for a, b in searched):
        for start, end, level in find_degrees(text[:name_line_end]):
            if "," in text[:start] or text[:start].rstrip().endswith(("Dr.", "DR.")) or start == 0:
                spans.append(_span(text, "DEGREE", start, end, level=level, isced=isced_level(level)))
    field_spans: list[tuple[int, int]] = []
    _summary_degrees(text, sections, searched, name_line_end, spans, field_spans, reference_year)
    degrees = _with_engineer_qualifiers(text, [d for d in find_degrees(text) if any(a <= d[0] < b for a, b in searched)
                                               and not _NEGATED.search(text, max(0, d[0] - 12), d[0])])

    def code_within(start: int, end: int) -> str | None:
        return next((code for s, e, code in fields if start <= s and e <= end), None)

    explained = _explanations(text, degrees)
    for index, (start, end, level) in enumerate(degrees):
        if index in explained:   # a span of its own, not another degree of the person
            spans.append(_span(text, "DEGREE", start, end, level=level, isced=isced_level(level)))
            line_right = _line_bounds(text, start, end)[1]
            # "(PhD in Public Law)": the field restated with the degree; not after an equivalence
            # ("equivalent to a master's degree in ..." names no field the person studied)
            restated = re.match(r"\s+(?:in|en)\s|,\s", text[end:line_right]) and not _EQUIVALENCE_CUE.search(text, max(0, start - 40), start)
            phrase = field_phrase_after(text, end, line_right) if restated else None
            if phrase and not any(phrase[0] <= s < phrase[1] for s, _, _ in degrees):
                field_spans.extend(_fields_of(text, phrase, line_right))
            continue
        level = next((degrees[j][2] for j, i in explained.items() if i == index), None) or _bracketed_level(text[start:end]) or level
        line_left, line_right = _line_bounds(text, start, end)
        status = degree_status(text[line_left:line_right], reference_year)
        spans.append(_span(text, "DEGREE", start, end, level=level, isced=isced_level(level), **({"status": status} if status else {})))
        # School-leaving certificates name a stream ("série économique"), not a field of study.
        # A degree named only to state an equivalence ("– equivalent to a master's degree in ...")
        # does not name the field the person studied.
        equivalence = _EQUIVALENCE_CUE.search(text, line_left, start)
        phrase = field_phrase_after(text, end, line_right) if level != "secondary" and not equivalence else None
        if phrase and not any(phrase[0] <= s < phrase[1] for s, _, _ in degrees):
            field_spans.extend(_fields_of(text, phrase, line_right))
        field = code_within(*phrase) if phrase else None
        field = field or next((code for s, e, code in fields if line_left <= s < line_right and s >= start), None)
        field = field or next((code for s, e, code in fields if line_left <= s < line_right), None)
        entries.append(EducationEntry(level=level, field=field, status=status, text=text[line_left:line_right].strip()))
    # A major or specialisation named on a degree's line: "major in Organizational Psychology",
    # "telecommunications major", "— Public Policy track", "option radiocommunications", "mención en X".
    for line_left, line_right in sorted({_line_bounds(text, s, e) for s, e, level in degrees if level != "secondary"}):
        for m in _SPECIALISATION.finditer(text, line_left, line_right):
            start, end = m.span("a") if m["a"] else m.span("b")
            words = text[start:end].strip()
            if words and words[0].isalpha() and len(words.split()) <= MAX_SPECIALISATION_WORDS \
                    and not (words.isupper() and not find_fields(words)) \
                    and not find_degrees(words) and not any(s <= start < e for s, e, _ in degrees):
                field_spans.extend(split_field_list(text, start, start + len(words)))
    for label in FIELD_LABEL.finditer(text):
        if any(a <= label.start() < b for a, b in searched):
            phrase = field_phrase_after(text, label.end(), _line_bounds(text, label.end(), label.end())[1])
            if phrase:
                field_spans.extend(_fields_of(text, phrase, _line_bounds(text, phrase[1], phrase[1])[1]))
    # Certificates and specialisations name a field without a degree level: "CAS in Crisis Management".
    for m in _QUALIFICATION.finditer(text):
        if any(a <= m.start() < b for a, b in searched) and not any(s <= m.start() < e for s, e, _ in degrees):
            line_right = _line_bounds(text, m.start(), m.end())[1]
            phrase = field_phrase_after(text, m.end(), line_right)
            if phrase:
                field_spans.extend(_fields_of(text, phrase, line_right))
    for s, e in sorted(set(field_spans)):
        spans.append(_span(text, "FIELD", s, e, isced_f=code_within(s, e)))
    return entries


# "Nationality: Italian", "Nacionalidad: española": a country, not a language skill.
_NATIONALITY_LABEL = re.compile(r"\b(?:nationality|citizenship|nationalité|nacionalidad|ciudadanía)\b[^\n:]*[:：]?[^\n]*$", re.IGNORECASE)
_LIST_GAP = re.compile(r"^[\s,;/&·|–—-]*(?:and|et|y|or|ou|o)?[\s,;/&·|–—-]*$", re.IGNORECASE)
_CLAUSE_SEPARATOR = re.compile(r"[,;|·•]")
_NEXT_LABEL = re.compile(r"[^;|·•,:：]*[:：]\s*$")


def _language_mentions(text: str, searched: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """Language names in the searched regions, less a name repeated in brackets after the same
    language ("Chinese (Mandarin)", "German – B2 (Swiss German understood)") and nationalities."""
    kept: list[tuple[int, int, str]] = []
    for start, end, code in find_languages(text):
        if not any(a <= start < b for a, b in searched):
            continue
        line_left, _ = _line_bounds(text, start, end)
        before = text[line_left:start]
        if _NATIONALITY_LABEL.search(before):
            continue
        if kept and kept[-1][2] == code and kept[-1][0] >= line_left and before.count("(") > before.count(")"):
            continue
        kept.append((start, end, code))
    return kept


_TICK = re.compile(r"^\s*(?:\|\s*)?[xX✓✔]\s*(?:\|\s*)?$")
MAX_TABLE_HEADER_LINES = 4


def _ticked_column(text: str, line_left: int, tick: int) -> str | None:
    """In a table of languages whose header names levels ("Language  Mother tongue  Read ..."), the
    level of the column ticked with an X on this row."""
    column = tick - line_left
    before_tick = text[line_left:tick]
    right = line_left - 1
    for _ in range(MAX_TABLE_HEADER_LINES):
        if right <= 0:
            return None
        left = text.rfind("\n", 0, right) + 1
        header = text[left:right]
        words = [m for m in LEVEL_REGEX.finditer(header)]
        if words and "|" in header and "|" in before_tick:
            # A table read as "cell | cell" rows (PDF, DOCX), whose empty cells are gone: the tick is
            # in the cell of its rank, and a lone tick after the name sits in the first level column.
            cells = header.split("|")
            rank = before_tick.count("|")
            found = LEVEL_REGEX.search(cells[rank]) if rank < len(cells) else None
            return found.lastgroup if found else None
        if words:
            nearest = min(words, key=lambda m: abs(m.start() - column))
            return nearest.lastgroup if abs(nearest.start() - column) <= 4 else None
        right = left - 1
    return None


def _stated_level(text: str, mentions: list[tuple[int, int, str]], index: int) -> tuple[str | None, str | None]:
    """The level written for one language: after its name up to the next name on the line ("English
    – C1 | French – B2"); else just before it in the same clause ("Mother tongue: Zulu"); else the
    label that starts the line ("Mother tongue: Kazakh, Russian"); else, in a list, the level that
    the next name carries ("English and French: fluent")."""
    start, end, _ = mentions[index]
    line_left, line_right = _line_bounds(text, start, end)
    same_line = [m for m in mentions if line_left <= m[0] < line_right]
    position = same_line.index(mentions[index])
    after_end = same_line[position + 1][0] if position + 1 < len(same_line) else line_right
    after = text[end:after_end]
    if position + 1 < len(same_line):   # "Fluent: English, French; Basic: German": "Basic:" is German's
        after = _NEXT_LABEL.sub("", after)
    level, cefr = skill_level(after)
    if level:
        return level, cefr
    if _TICK.match(text[end:after_end]):
        level = _ticked_column(text, line_left, end + text[end:after_end].index(text[end:after_end].strip(" \t|")))
        if level:
            return level, None
    before_start = same_line[position - 1][1] if position else line_left
    before = text[before_start:start]
    clause = _CLAUSE_SEPARATOR.split(before)[-1]
    level, cefr = skill_level(clause)
    if level:
        return level, cefr
    level, cefr = skill_level(text[line_left:same_line[0][0]])   # the line's label, "Langue maternelle | français"
    if level:
        return level, cefr
    if position + 1 < len(same_line) and _LIST_GAP.match(text[end:after_end]):
        return _stated_level(text, mentions, mentions.index(same_line[position + 1]))
    return _level_below(text, mentions, line_left, line_right)


MAX_LEVEL_LINE_WORDS = 6


def _level_below(text: str, mentions: list[tuple[int, int, str]], line_left: int, line_right: int) -> tuple[str | None, str | None]:
    """LinkedIn and sidebar templates put the level on the line under a name that stands alone
    ("English\nFull professional proficiency"): a short line that names no language."""
    rest = text[line_left:line_right]
    for start, end, _ in reversed([m for m in mentions if line_left <= m[0] < line_right]):
        rest = rest[:start - line_left] + rest[end - line_left:]
    if not _LIST_GAP.match(rest):
        return None, None
    below_left = line_right + 1
    below_right = text.find("\n", below_left)
    below_right = len(text) if below_right < 0 else below_right
    below = text[below_left:below_right]
    if not below.strip() or len(below.split()) > MAX_LEVEL_LINE_WORDS or any(below_left <= m[0] < below_right for m in mentions):
        return None, None
    return skill_level(below)


def language_skills(text: str, sections: list[Section], spans: list[Span]) -> list[LanguageSkill]:
    """LANGUAGE spans of the languages section and the best level stated for each language."""
    searched = regions(sections, {"languages"}, len(text))
    best: dict[str, LanguageSkill] = {}
    mentions = _language_mentions(text, searched)
    for index, (start, end, code) in enumerate(mentions):
        line_left, line_right = _line_bounds(text, start, end)
        level, cefr = _stated_level(text, mentions, index)
        spans.append(_span(text, "LANGUAGE", start, end, lang=code, level=level, **({"cefr": cefr} if cefr else {})))
        current = best.get(code)
        if current is None or LANGUAGE_LEVEL_RANK.get(level or "", 0) > LANGUAGE_LEVEL_RANK.get(current.level or "", 0):
            best[code] = LanguageSkill(language=code, level=level, cefr=cefr, text=text[line_left:line_right].strip())
    return list(best.values())


def profile_from(jobs: list[JobPeriod], education: list[EducationEntry], languages: list[LanguageSkill],
                 competencies: list[str], reference_date: str) -> Profile:
    """The profile: job periods merged so overlaps count once, internships and volunteer work left out;
    the highest level among degrees awarded (a degree still under way or abandoned is not held)."""
    counted = [(j.start, j.end) for j in jobs if j.kind == "job" and j.start]
    international = [(j.start, j.end) for j in jobs if j.kind == "job" and j.international and j.start]
    return Profile(
        education=education,
        highest_level=max((e.level for e in education if e.level and e.status is None), key=level_rank, default=None),
        experience=jobs,
        total_years=union_years(counted, reference_date),
        international_years=union_years(international, reference_date),
        languages=languages,
        competencies=competencies,
    )
