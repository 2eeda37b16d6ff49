"""jobmatch_competency_rules: COMPETENCY spans from the taxonomy's labels and synonyms, each linked
to its taxonomy id, inflection-aware.

Matching runs on Snowball stems of the lower-cased tokens (`jobmatch.normalise.stems`) of a
parallel Doc, so "negotiating" finds "negotiation" and "gestion de projets" finds "gestion de
projet" without a lemmatizer, and the Doc's own token attributes (which a trained tagger reads)
stay untouched. Stems conflate too much ("presentation" and "present", "planning" and "plan"),
so a stem match counts only where each word also shares all but `max_suffix_chars` letters of
the phrase's word: an inflection, not another word. Longest match wins. The phrases are saved
with the pipeline (`patterns.jsonl`)."""

from __future__ import annotations

import os
from pathlib import Path

import srsly
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.attrs import LOWER
from spacy.tokens import Doc
from spacy.util import filter_spans

from jobmatch.extract.competencies import competency_regions, competency_type, in_regions, name_is_usable, taxonomy_names
from jobmatch.extract.regions import section_at
from jobmatch.normalise.stems import Stems
from jobmatch.pipeline.extensions import SPANS_KEY, add_span, prepare
from jobmatch.taxonomy import load_taxonomy

PATTERNS_FILE = "patterns.jsonl"


class CompetencyRules:
    def __init__(self, nlp: Language, name: str, stemmer_language: str, max_suffix_chars: int, spans_key: str,
                 extra_taxonomy_files: list[str]):
        self.max_suffix_chars = max_suffix_chars
        self.nlp = nlp
        self.name = name
        self.stemmer_language = stemmer_language
        self.spans_key = spans_key
        self.stems = Stems(stemmer_language)
        self._stems_by_hash: dict[int, str] = {}
        self.entries: list[dict] = []
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.types: dict[str, str] = {}
        self.words: dict[tuple[str, ...], list[tuple[str, ...]]] = {}   # stems of a phrase -> its words
        self.add_entries(taxonomy_names(load_taxonomy(tuple(extra_taxonomy_files))))

    def _stemmed(self, doc: Doc) -> Doc:
        """A Doc of the stems of `doc`'s lower-cased tokens, read from the LOWER array (no Token objects)."""
        strings, stems = self.nlp.vocab.strings, self._stems_by_hash
        words = []
        for key in doc.to_array(LOWER).tolist():
            stem = stems.get(key)
            if stem is None:
                stem = stems[key] = self.stems(strings[key])
            words.append(stem)
        return Doc(self.nlp.vocab, words=words)

    def add_entries(self, entries: list[dict]) -> None:
        """Add {"id", "name", "type"} phrases (a name already present keeps its first id)."""
        known = {e["name"].lower() for e in self.entries}
        for entry in entries:
            if entry["name"].lower() in known or not entry["name"].strip():
                continue
            known.add(entry["name"].lower())
            self.entries.append(dict(entry))
            self.types.setdefault(entry["id"], entry.get("type") or "skill")
            stemmed = self._stemmed(self.nlp.make_doc(entry["name"]))
            words = tuple(t.text.lower() for t in self.nlp.make_doc(entry["name"]))
            self.words.setdefault(tuple(t.text for t in stemmed), []).append(words)
            self.matcher.add(entry["id"], [stemmed])

    def initialize(self, get_examples=None, *, nlp: Language | None = None, entries: list[dict] | None = None) -> None:
        """Replace the phrases (spaCy's [initialize] step); the packaged taxonomy when none are given."""
        self.entries, self.types, self.words = [], {}, {}
        self.matcher = PhraseMatcher(self.nlp.vocab, attr="ORTH")
        self.add_entries(entries if entries is not None else taxonomy_names(load_taxonomy()))

    def __call__(self, doc: Doc) -> Doc:
        prepare(doc)
        kind = doc._.kind or "cv"
        sections = doc._.sections or []
        regions = competency_regions(kind, sections, len(doc._.source_text))
        stemmed = self._stemmed(doc)
        found = [(key, start, end) for key, start, end in self.matcher(stemmed)
                 if self._inflection_of_phrase(doc[start:end], tuple(t.text for t in stemmed[start:end]))]
        ids = {(start, end): self.nlp.vocab.strings[key] for key, start, end in found}
        for span in filter_spans([doc[start:end] for _, start, end in found]):
            if not name_is_usable(span.text) or not in_regions(regions, span.start_char):
                continue
            cid = ids[(span.start, span.end)]
            section = section_at(sections, span.start_char)
            add_span(doc, "COMPETENCY", span.start_char, span.end_char,
                     {"id": cid, "type": competency_type(kind, section, self.types.get(cid))}, self.spans_key)
        return doc

    def _inflection_of_phrase(self, span, stems: tuple[str, ...]) -> bool:
        written = [t.text.lower() for t in span]
        return any(all(_same_word(word, phrase_word, self.max_suffix_chars) for word, phrase_word in zip(written, words))
                   for words in self.words.get(stems, ()))

    def to_disk(self, path, *, exclude=()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        srsly.write_jsonl(path / PATTERNS_FILE, self.entries)

    def from_disk(self, path, *, exclude=()) -> "CompetencyRules":
        self.initialize(entries=list(srsly.read_jsonl(Path(path) / PATTERNS_FILE)))
        return self


def _same_word(word: str, phrase_word: str, max_suffix_chars: int) -> bool:
    """"negotiating" ~ "negotiation", "reports" ~ "report"; not "present" ~ "presentation"."""
    if word == phrase_word:
        return True
    common = len(os.path.commonprefix((word, phrase_word)))
    return common >= len(phrase_word) - max_suffix_chars and common >= len(word) - max_suffix_chars - 1


@Language.factory("jobmatch_competency_rules",
                  default_config={"stemmer_language": "english", "max_suffix_chars": 2, "spans_key": SPANS_KEY,
                                  "extra_taxonomy_files": []})
def make_competency_rules(nlp: Language, name: str, stemmer_language: str, max_suffix_chars: int, spans_key: str,
                          extra_taxonomy_files: list[str]) -> CompetencyRules:
    return CompetencyRules(nlp, name, stemmer_language, max_suffix_chars, spans_key, extra_taxonomy_files)
