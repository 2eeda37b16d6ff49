"""Language names (English, French, Spanish wordings) -> ISO 639-1, and proficiency words -> level."""

from __future__ import annotations

import re

from jobmatch.vocab import LANGUAGE_LEVEL_RANK

LANGUAGE_NAMES = {
    "en": ["english", "anglais", "inglés", "ingles", "englisch"],
    "fr": ["french", "français", "francais", "francés", "frances", "französisch"],
    "es": ["spanish", "espagnol", "español", "espanol", "castellano", "spanisch"],
    "ar": ["arabic", "arabe", "árabe"],
    "zh": ["chinese", "mandarin chinese", "mandarin", "cantonese", "cantonais", "cantonés", "chinois", "chino", "mandarín", "putonghua"],
    "ru": ["russian", "russe", "ruso"],
    "pt": ["portuguese", "portugais", "portugués", "portugues"],
    "de": ["german", "allemand", "alemán", "aleman", "deutsch"],
    "it": ["italian", "italien", "italiano"],
    "sw": ["swahili", "kiswahili", "suajili"],
    "hi": ["hindi"], "ja": ["japanese", "japonais", "japonés"], "ko": ["korean", "coréen", "coreano"],
    "tr": ["turkish", "turc", "turco"], "fa": ["persian", "farsi", "dari", "persan"],
    "nl": ["dutch", "néerlandais", "neerlandés", "flemish", "flamand"], "pl": ["polish", "polonais", "polaco"],
    "uk": ["ukrainian", "ukrainien", "ucraniano"], "ur": ["urdu", "ourdou"], "bn": ["bengali", "bangla"],
    "am": ["amharic", "amharique", "amárico"], "ha": ["hausa", "haoussa"], "wo": ["wolof"],
    "qu": ["quechua"], "el": ["greek", "grec", "griego"], "sv": ["swedish", "suédois", "sueco"],
    "no": ["norwegian", "norvégien", "noruego"], "da": ["danish", "danois", "danés"],
    "fi": ["finnish", "finnois", "finés"], "ro": ["romanian", "roumain", "rumano"],
    "ca": ["catalan", "catalán"], "he": ["hebrew", "hébreu", "hebreo"], "id": ["indonesian", "indonésien"],
    "ms": ["malay", "malais"], "th": ["thai", "thaï", "tailandés"], "vi": ["vietnamese", "vietnamien"],
    # South Asian, African and other languages that CVs list next to the official ones.
    "ta": ["tamil", "tamoul"], "ml": ["malayalam"], "te": ["telugu", "télougou"], "mr": ["marathi"],
    "gu": ["gujarati"], "pa": ["punjabi", "pendjabi", "panyabí"], "ne": ["nepali", "népalais", "nepalí"],
    "si": ["sinhala", "sinhalese", "cingalais", "cingalés"], "ps": ["pashto", "pachto", "pastún"],
    "ku": ["kurdish", "kurde", "kurdo"], "km": ["khmer", "jemer"], "lo": ["lao"], "my": ["burmese", "birman", "birmano"],
    "tl": ["tagalog", "filipino"], "mn": ["mongolian", "mongol"], "kk": ["kazakh", "kazajo"], "uz": ["uzbek", "ouzbek", "uzbeko"],
    "ky": ["kyrgyz", "kirghiz"], "tg": ["tajik", "tadjik", "tayiko"], "tk": ["turkmen", "turkmène", "turcomano"],
    "az": ["azerbaijani", "azeri", "azéri", "azerí"], "hy": ["armenian", "arménien", "armenio"],
    "ka": ["georgian", "géorgien", "georgiano"], "ln": ["lingala"], "ee": ["ewe", "éwé"], "tw": ["twi"], "ak": ["akan"],
    "bm": ["bambara", "bamanankan"], "ig": ["igbo"], "yo": ["yoruba"], "zu": ["zulu", "zoulou"], "xh": ["xhosa"],
    "af": ["afrikaans"], "rw": ["kinyarwanda"], "rn": ["kirundi"], "so": ["somali", "somalien", "somalí"],
    "om": ["oromo"], "ti": ["tigrinya", "tigrigna"], "mg": ["malagasy", "malgache"], "ff": ["fula", "fulani", "peul", "pulaar", "fulfulde"],
    "sn": ["shona"], "ny": ["chichewa", "nyanja"], "lg": ["luganda"], "sg": ["sango"], "ht": ["haitian creole", "créole haïtien", "creole haitiano",
    "criollo haitiano", "kreyòl"], "ga": ["irish", "irlandais", "irlandés"], "cy": ["welsh", "gallois", "galés"],
    "lt": ["lithuanian", "lituanien", "lituano"], "lv": ["latvian", "letton", "letón"], "et": ["estonian", "estonien", "estonio"],
    "cs": ["czech", "tchèque", "checo"], "sk": ["slovak", "slovaque", "eslovaco"], "sl": ["slovenian", "slovene", "slovène", "esloveno"],
    "hr": ["croatian", "croate", "croata"], "sr": ["serbian", "serbe", "serbio"], "bs": ["bosnian", "bosniaque", "bosnio"],
    "bg": ["bulgarian", "bulgare", "búlgaro"], "mk": ["macedonian", "macédonien", "macedonio"], "sq": ["albanian", "albanais", "albanés"],
    "hu": ["hungarian", "hongrois", "húngaro"], "be": ["belarusian", "biélorusse", "bielorruso"], "is": ["icelandic", "islandais", "islandés"],
    "mt": ["maltese", "maltais", "maltés"], "lb": ["luxembourgish", "luxembourgeois", "luxemburgués"],
    "eu": ["basque", "euskera", "euskara", "vasco"], "gl": ["galician", "galicien", "gallego"],
    "gn": ["guarani", "guaraní"], "ay": ["aymara"],
}
# The 24 official languages of the European Union (EU notices state "one official language of the EU").
EU_OFFICIAL_LANGUAGES = ("bg", "hr", "cs", "da", "nl", "en", "et", "fi", "fr", "de", "el", "hu", "ga", "it", "lv", "lt",
                         "mt", "pl", "pt", "ro", "sk", "sl", "es", "sv")
NAME_TO_CODE = {name: code for code, names in LANGUAGE_NAMES.items() for name in names}
_NAMES = "(" + "|".join(sorted(map(re.escape, NAME_TO_CODE), key=len, reverse=True)) + ")"   # longest first
LANGUAGE_REGEX = re.compile(r"(?<![\w-])" + _NAMES + r"(?![\w-])", re.IGNORECASE)
# Two names joined by a hyphen or a dash, as bilingual posts write them: "Bilingual French-English".
LANGUAGE_PAIR_REGEX = re.compile(r"(?<![\w-])" + _NAMES + r"\s?[-–]\s?" + _NAMES + r"(?![\w-])", re.IGNORECASE)

_NATIONALITY_NOUN = re.compile(r"\s+(?:country|departments?|nationals?|citizens?|government|authorities|territor(?:y|ies)|republic|"
                               r"courts?|ministry|embassy|administration|cooperation|speakers? of)\b", re.IGNORECASE)
CEFR_REGEX = re.compile(r"(?<![\w])([ABC][12])(?![\w])")
CEFR_TO_LEVEL = {"A1": "basic", "A2": "basic", "B1": "intermediate", "B2": "intermediate", "C1": "advanced", "C2": "advanced"}
# A band without its digit, as FAO and others write it: "(proficiency - level C)", "niveau B".
CEFR_BAND_REGEX = re.compile(r"\b(?:level|niveau|nivel)\s*[-:]?\s*([ABC])(?![\w])")
CEFR_BAND_TO_LEVEL = {"A": "basic", "B": "intermediate", "C": "advanced"}

# Proficiency wordings, strongest first within each level; matched near a language name.
LEVEL_WORDS: list[tuple[str, str]] = [
    ("native", r"mother[- ]tongue|native(?: speaker| language)?|first language|langue maternelle|lengua materna|"
               r"idiomas? maternos?|nativ[oa]s?|maternelles?|maternas?|langues? natales?|lenguas? nativas?|langues? maternelles|lenguas maternas"),
    ("advanced", r"near[- ]native|quasi[- ]natif|quasi[- ]native|casi nativo|(?<!not )easily|nivel alto|alto nivel|fluen(?:t|cy|tly)|excellent(?:e|es)?|excelente|advanced|full professional|proficien(?:t|cy)|thorough|perfect|"
                 r"bilingual|courant|couramment|bilingue|avancé|avanzado|fluido|dominio|excelente|parfaite?|"
                 r"maîtrise parfaite|very good|très bon(?:ne)?|muy bueno|expert|c1|c2|high level|strong|"
                 r"operational fluency|command of"),
    ("intermediate", r"not easily|assez bien|nivel medio|conversationnel(?:le)?|usuario independiente|working knowledge|intermediate|good(?: knowledge| command)?|professional working|conversational|"
                     r"bon(?:ne)? (?:niveau|connaissance|maîtrise)|connaissance pratique|intermédiaire|"
                     r"intermedio|buen(?:o|a)? (?:nivel|conocimiento)|conocimiento práctico|b1|b2|operational|"
                     r"independent user|utilisateur indépendant|functional"),
    ("basic", r"basic|elementary|beginner|notions?|limited|débutante?|élémentaire|básic[oa]s?|elemental|nociones|a1|a2|"
              r"some knowledge|reading knowledge|with (?:great |some )?difficulty|understands? only|passive(?: knowledge)?|"
              r"rudimentary|rudimentaire|rudimentario|scolaire|greetings|survival|usuario básico"),
]
LEVEL_REGEX = re.compile("|".join(f"(?P<{level}>(?<![\\w])(?:{pattern})(?![\\w]))" for level, pattern in LEVEL_WORDS),
                         re.IGNORECASE)


# English names that are also ordinary words or adjectives: a language only when capitalised.
_CAPITALISED = frozenset({"english", "french", "spanish", "german", "russian", "chinese", "arabic", "italian", "portuguese",
                          "dutch", "polish", "turkish", "greek", "thai", "ewe", "irish", "czech", "malay", "basque", "welsh"})
_COUNTRY_BEFORE = re.compile(r"(?:país|pays)\s+$", re.IGNORECASE)


def language_code(name: str) -> str | None:
    return NAME_TO_CODE.get(name.strip().lower())


def _written_as_name(word: str) -> bool:
    return word.lower() not in _CAPITALISED or word[0].isupper()


def find_languages(text: str) -> list[tuple[int, int, str]]:
    """(start, end, ISO code) for each language name; capitalised in English ("French", not "french fries")."""
    found = []
    for m in LANGUAGE_REGEX.finditer(text):
        word = m.group(1)
        code = NAME_TO_CODE[word.lower()]
        if not _written_as_name(word):
            continue  # English names of languages are capitalised; lower case is an adjective elsewhere
        if _NATIONALITY_NOUN.match(text, m.end()) or _COUNTRY_BEFORE.search(text, max(0, m.start() - 6), m.start()):
            continue  # "the French departments", "Spanish nationals", "País Vasco": a country or region
        found.append((m.start(), m.end(), code))
    for m in LANGUAGE_PAIR_REGEX.finditer(text):
        if _written_as_name(m.group(1)) and _written_as_name(m.group(2)):
            found += [(m.start(g), m.end(g), NAME_TO_CODE[m.group(g).lower()]) for g in (1, 2)]
    return sorted(set(found))


def level_in(text: str) -> tuple[str | None, str | None]:
    """(level, CEFR) stated in a short stretch of text; CEFR wins over words when both are there."""
    cefr = CEFR_REGEX.search(text)
    if cefr:
        return CEFR_TO_LEVEL[cefr.group(1)], cefr.group(1)
    band = CEFR_BAND_REGEX.search(text)
    if band:
        return CEFR_BAND_TO_LEVEL[band.group(1)], None
    m = LEVEL_REGEX.search(text)
    if m:
        return m.lastgroup, None
    return None, None


# What may stand between the levels of one language's skills: separators and the skills' names.
_SKILL_GAP = re.compile(r"^(?! ?$)(?:[\W\d_]|reading|writing|speaking|listening|understanding|spoken|written|oral|read|write|speak|"
                        r"understand|lu|écrit|parlé|compréhension|expression|lectura|escritura|conversación|comprensión|and|et|y)*$",
                        re.IGNORECASE)


def _middle(levels: list[str]) -> str:
    return sorted(levels, key=LANGUAGE_LEVEL_RANK.__getitem__)[(len(levels) - 1) // 2]


def skill_level(text: str) -> tuple[str | None, str | None]:
    """(level, CEFR) of one language in a CV. CEFR wins over words. Where the skills are graded
    one by one (a table of reading / writing / speaking, "Understanding C2, Speaking C1, Writing
    C1") the middle grade counts, the lower of two middle ones, so that one strong skill does not
    lift the whole; otherwise the first wording ("native or bilingual proficiency")."""
    codes = CEFR_REGEX.findall(text)
    if codes:
        code = sorted(codes)[(len(codes) - 1) // 2]
        return CEFR_TO_LEVEL[code], code
    found = list(LEVEL_REGEX.finditer(text))
    if not found:
        return None, None
    gaps = [text[a.end():b.start()] for a, b in zip(found, found[1:])]
    if len(found) > 1 and all(_SKILL_GAP.match(gap) for gap in gaps):
        return _middle([m.lastgroup for m in found]), None
    return found[0].lastgroup, None
