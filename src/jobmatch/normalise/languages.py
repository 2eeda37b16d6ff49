"""Language names (English, French, Spanish wordings) -> ISO 639-1, and proficiency words -> level."""

from __future__ import annotations

import re

LANGUAGE_NAMES = {
    "en": ["english", "anglais", "inglés", "ingles", "englisch"],
    "fr": ["french", "français", "francais", "francés", "frances", "französisch"],
    "es": ["spanish", "espagnol", "español", "espanol", "castellano", "spanisch"],
    "ar": ["arabic", "arabe", "árabe"],
    "zh": ["chinese", "mandarin", "chinois", "chino", "mandarín", "putonghua"],
    "ru": ["russian", "russe", "ruso"],
    "pt": ["portuguese", "portugais", "portugués", "portugues"],
    "de": ["german", "allemand", "alemán", "aleman", "deutsch"],
    "it": ["italian", "italien", "italiano"],
    "sw": ["swahili", "kiswahili", "suajili"],
    "hi": ["hindi"], "ja": ["japanese", "japonais", "japonés"], "ko": ["korean", "coréen", "coreano"],
    "tr": ["turkish", "turc", "turco"], "fa": ["persian", "farsi", "dari", "persan"],
    "nl": ["dutch", "néerlandais", "neerlandés"], "pl": ["polish", "polonais", "polaco"],
    "uk": ["ukrainian", "ukrainien", "ucraniano"], "ur": ["urdu", "ourdou"], "bn": ["bengali", "bangla"],
    "am": ["amharic", "amharique", "amárico"], "ha": ["hausa", "haoussa"], "wo": ["wolof"],
    "qu": ["quechua"], "el": ["greek", "grec", "griego"], "sv": ["swedish", "suédois", "sueco"],
    "no": ["norwegian", "norvégien", "noruego"], "da": ["danish", "danois", "danés"],
    "fi": ["finnish", "finnois", "finés"], "ro": ["romanian", "roumain", "rumano"],
    "ca": ["catalan", "catalán"], "he": ["hebrew", "hébreu", "hebreo"], "id": ["indonesian", "indonésien"],
    "ms": ["malay", "malais"], "th": ["thai", "thaï", "tailandés"], "vi": ["vietnamese", "vietnamien"],
}
# The 24 official languages of the European Union (EU notices state "one official language of the EU").
EU_OFFICIAL_LANGUAGES = ("bg", "hr", "cs", "da", "nl", "en", "et", "fi", "fr", "de", "el", "hu", "ga", "it", "lv", "lt",
                         "mt", "pl", "pt", "ro", "sk", "sl", "es", "sv")
NAME_TO_CODE = {name: code for code, names in LANGUAGE_NAMES.items() for name in names}
LANGUAGE_REGEX = re.compile(
    r"(?<![\w-])(" + "|".join(sorted(map(re.escape, NAME_TO_CODE), key=len, reverse=True)) + r")(?![\w-])", re.IGNORECASE)

_NATIONALITY_NOUN = re.compile(r"\s+(?:departments?|nationals?|citizens?|government|authorities|territor(?:y|ies)|republic|"
                               r"courts?|ministry|embassy|administration|cooperation|speakers? of)\b", re.IGNORECASE)
CEFR_REGEX = re.compile(r"(?<![\w])([ABC][12])(?![\w])")
CEFR_TO_LEVEL = {"A1": "basic", "A2": "basic", "B1": "intermediate", "B2": "intermediate", "C1": "advanced", "C2": "advanced"}

# Proficiency wordings, strongest first within each level; matched near a language name.
LEVEL_WORDS: list[tuple[str, str]] = [
    ("native", r"mother[- ]tongue|native(?: speaker| language)?|first language|langue maternelle|lengua materna|"
               r"idioma materno|nativo|nativa|maternelle|materna"),
    ("advanced", r"fluen(?:t|cy|tly)|excellent(?:e|es)?|excelente|advanced|full professional|proficien(?:t|cy)|thorough|perfect|"
                 r"bilingual|courant|couramment|bilingue|avancé|avanzado|fluido|dominio|excelente|parfaite?|"
                 r"maîtrise parfaite|very good|très bon(?:ne)?|muy bueno|expert|c1|c2|high level|strong|"
                 r"operational fluency|command of"),
    ("intermediate", r"working knowledge|intermediate|good(?: knowledge| command)?|professional working|conversational|"
                     r"bon(?:ne)? (?:niveau|connaissance|maîtrise)|connaissance pratique|intermédiaire|"
                     r"intermedio|buen(?:o|a)? (?:nivel|conocimiento)|conocimiento práctico|b1|b2|operational|"
                     r"independent user|utilisateur indépendant|functional"),
    ("basic", r"basic|elementary|beginner|notions?|limited|débutant|élémentaire|básico|elemental|nociones|a1|a2|"
              r"some knowledge|reading knowledge"),
]
LEVEL_REGEX = re.compile("|".join(f"(?P<{level}>(?<![\\w])(?:{pattern})(?![\\w]))" for level, pattern in LEVEL_WORDS),
                         re.IGNORECASE)


def language_code(name: str) -> str | None:
    return NAME_TO_CODE.get(name.strip().lower())


def find_languages(text: str) -> list[tuple[int, int, str]]:
    """(start, end, ISO code) for each language name; capitalised in English ("French", not "french fries")."""
    found = []
    for m in LANGUAGE_REGEX.finditer(text):
        word = m.group(1)
        code = NAME_TO_CODE[word.lower()]
        if word.lower() in ("english", "french", "spanish", "german", "russian", "chinese", "arabic", "italian",
                            "portuguese", "dutch", "polish", "turkish", "greek", "thai") and not word[0].isupper():
            continue  # English names of languages are capitalised; lower case is an adjective elsewhere
        if _NATIONALITY_NOUN.match(text, m.end()):
            continue  # "the French departments", "Spanish nationals": the adjective of a country
        found.append((m.start(), m.end(), code))
    return found


def level_in(text: str) -> tuple[str | None, str | None]:
    """(level, CEFR) stated in a short stretch of text; CEFR wins over words when both are there."""
    cefr = CEFR_REGEX.search(text)
    if cefr:
        return CEFR_TO_LEVEL[cefr.group(1)], cefr.group(1)
    m = LEVEL_REGEX.search(text)
    if m:
        return m.lastgroup, None
    return None, None
