from jobmatch.normalise.phrases import PhraseTable

TABLE = PhraseTable({"Public Administration": "0413", "law": "0421", "data science": "0542"})


def test_phrases_are_found_in_any_case_as_whole_words_longest_first():
    text = "MSc in DATA SCIENCE; LL.M. (Law); lawyer; public administration-related"
    found = [(words, code) for _, _, words, code in TABLE.find(text)]
    assert found == [("DATA SCIENCE", "0542"), ("Law", "0421")]


def test_offsets_refer_to_the_text_as_given_when_lower_casing_changes_its_length():
    # "İ" lower-cases to two characters: the offsets must still point into the original text.
    text = "İSTANBUL, Public administration and law"
    found = TABLE.find(text)
    assert [text[s:e] for s, e, _, _ in found] == ["Public administration", "law"]
    assert [words for _, _, words, _ in found] == ["Public administration", "law"]
