"""Languages in CVs: lists with separators, levels before or after the name, tables, labels."""

from __future__ import annotations

from jobmatch.extract import extract_document
from jobmatch.model import Document


def _languages(text: str) -> dict[str, str | None]:
    result = extract_document(Document(id="cv", source="cv.txt", format="txt", text=text), "cv", "2026-11-01")
    return {entry["language"]: entry["level"] for entry in result["profile"]["languages"]}


def _spans(text: str) -> list[str]:
    result = extract_document(Document(id="cv", source="cv.txt", format="txt", text=text), "cv", "2026-11-01")
    return [s["text"] for s in result["spans"] if s["label"] == "LANGUAGE"]


def test_each_name_takes_the_level_written_after_it_up_to_the_next_name():
    text = "Ana Lima\n\nLANGUAGE SKILLS\nPortuguese – native | English – C1 | Spanish – B1 | Italian – beginner\n"
    assert _languages(text) == {"pt": "native", "en": "advanced", "es": "intermediate", "it": "basic"}
    text = "Ana Lima\n\nLanguages\nSwahili: mother tongue · English: fluent · Arabic: notions\n"
    assert _languages(text) == {"sw": "native", "en": "advanced", "ar": "basic"}


def test_a_level_label_before_the_names_applies_to_each():
    text = "Rosa Puig\n\nIDIOMAS\nLenguas maternas: castellano, catalán\nInglés: nivel avanzado (C1)\nFrancés: conocimientos básicos\n"
    assert _languages(text) == {"es": "native", "ca": "native", "en": "advanced", "fr": "basic"}


def test_names_listed_together_share_the_level_after_them():
    text = "Jan Novak\n\nForeign languages\nGerman and Dutch: good working knowledge\n"
    assert _languages(text) == {"de": "intermediate", "nl": "intermediate"}


def test_french_wordings_and_a_mother_tongue_label_without_heading():
    text = ("Awa Traoré\n\nExpérience professionnelle\n2019 – 2024  Chargée de programme, Bamako\n\n"
            "Langue maternelle : bambara\nCompétences linguistiques\nfrançais : courant ; anglais : notions\n")
    assert _languages(text) == {"bm": "native", "fr": "advanced", "en": "basic"}


def test_a_table_of_skills_with_a_heading_that_names_the_columns():
    text = ("PERSONAL HISTORY\n\n5. LANGUAGES        Read        Write        Speak        Understand\n"
            "   Mother tongue: Tigrinya\n"
            "   English            Easily      Easily       Easily       Easily\n"
            "   Arabic             Easily      Not easily   Not easily   Easily\n"
            "   Italian            Not easily  Not easily   Not easily   Easily\n")
    assert _languages(text) == {"ti": "native", "en": "advanced", "ar": "intermediate", "it": "intermediate"}


def test_a_tick_in_the_mother_tongue_column():
    text = ("Languages:\n   Language      Mother tongue   Read      Write\n"
            "   Amharic       X\n   English                       Easily    Easily\n")
    assert _languages(text) == {"am": "native", "en": "advanced"}


def test_a_variant_in_brackets_and_a_nationality_are_not_more_languages():
    text = ("Li Wei\nNationality: Chinese\n\nLANGUAGES\nChinese (Cantonese) – native\nEnglish – C2 (studied in English)\n"
            "German – B1 (Swiss German understood)\n")
    assert _spans(text) == ["Chinese", "English", "German"]
    assert _languages(text) == {"zh": "native", "en": "advanced", "de": "intermediate"}


def test_linkedin_proficiency_scale():
    text = ("About\nAnalyst.\n\nLanguages\nFrench · Native or bilingual proficiency\nEnglish · Full professional proficiency\n"
            "German · Professional working proficiency\nSpanish · Elementary proficiency\n")
    assert _languages(text) == {"fr": "native", "en": "advanced", "de": "intermediate", "es": "basic"}


def test_levels_as_labels_and_table_cells_joined_by_bars():
    text = "Kim Lee\n\nLanguages\nFluent: English, French; Basic: German\n"
    assert _languages(text) == {"en": "advanced", "fr": "advanced", "de": "basic"}
    text = "Paul Roy\n\nLANGUES\nLangue maternelle | français\nAnglais | C1 (TOEIC 945)\n"
    assert _languages(text) == {"fr": "native", "en": "advanced"}


P11_GRID_AS_CELLS = """Curriculum vitae
Languages
Language | Mother tongue | Read | Write | Speak | Understand
Amharic | X
English | Easily | Easily | Easily | Easily
"""


def test_a_tick_in_a_grid_read_as_cells_falls_in_the_first_level_column():
    from jobmatch.extract import extract_document
    from jobmatch.model import Document
    profile = extract_document(Document(id="c", source="c.pdf", format="pdf", text=P11_GRID_AS_CELLS), "cv")["profile"]
    assert {s["language"]: s["level"] for s in profile["languages"]}["am"] == "native"
