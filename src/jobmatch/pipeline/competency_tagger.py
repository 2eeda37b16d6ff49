"""jobmatch_competency_tagger: the trained tagger for the free-text skills that no taxonomy list
holds ("three-way matching", "Concur", "GR/IR clearing"), combined with the rule spans.

The component wraps a small spaCy NER pipeline (CNN tok2vec + transition-based NER, trained by
`jobmatch train` on the corpus train split; see `jobmatch.train`), with static word vectors in its
vocab when it was trained with them (`--static-vectors`): loading it puts them in the pipeline's vocab. It tags each line of the text
(the unit it was trained on) that can hold a competency (in a notice, every line outside the
sections that state none, `notice_skip_sections`, and outside the header fields), reusing the
Doc's tokens when the model shares the pipeline's vocab, and gives each tagged span the edges the
annotation guide draws (`tidy_span`). A tagged span replaces the rule spans it overlaps and inherits their id; a
rule span the tagger does not confirm is kept only in the sections listed in
`unconfirmed_rule_sections` (lists of competencies), because elsewhere a taxonomy word is mostly a
job title, an employer or a heading ("Audit Manager", "Office of Evaluation", "TRAINING"): on the
dev split such unconfirmed rule spans are right 15% of the time. Each new span is linked to the
taxonomy: exact label or synonym, else the nearest name by character n-gram cosine when it clears
`link_threshold`, else `{"id": None, "new": True}`.

`tag_tokens()` runs the trained tagger over pre-split sentences (SkillSpan's format) for the
evaluation harness."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import numpy as np
import spacy
import srsly
from sklearn.feature_extraction.text import TfidfVectorizer
from spacy.attrs import IDX, LENGTH, SPACY
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import minibatch

from jobmatch.errors import ConfigError
from jobmatch.extract.competencies import (NOTICE_NON_COMPETENCY_SECTIONS, competency_type, in_regions, tagger_regions,
                                           taxonomy_names)
from jobmatch.extract.regions import section_at
from jobmatch.pipeline.extensions import SPANS_KEY, add_span, prepare
from jobmatch.taxonomy import load_taxonomy

FACTORY = "jobmatch_competency_tagger"
LABEL = "COMPETENCY"
MODEL_DIR = "model"             # the wrapped NER pipeline, inside the component's folder
NAMES_FILE = "taxonomy.jsonl"   # the taxonomy names spans are linked to, saved with the component
DEFAULT_TAGGER_DIR = Path(__file__).resolve().parents[3] / "models" / "competency-tagger"
_LINE = re.compile(r"[^\n]+")
# An elided French article or preposition glued to the phrase ("l'inventaire", "d'eLUNa"): the
# English tokenizer keeps it in the word, the competency starts after it.
_ELISION = re.compile(r"(?:[cdjlmnst]|qu|jusqu|lorsqu|puisqu)['’](?=\w)", re.IGNORECASE)
_NOT_A_SKILL = re.compile(r"@|https?:|www\.", re.IGNORECASE)   # e-mail addresses, web addresses
_BRACKETS = {"(": ")", "[": "]"}
# "negotiation skills" -> "negotiation" (the guide drops "skills" where the rest stands alone: a
# noun or a gerund); "analytical skills", "digital skills" keep it.
_STANDALONE_BEFORE_SKILLS = re.compile(r"(.*\w(?:ion|ing|ment|sis|ship))\s+skills?", re.IGNORECASE | re.DOTALL)
BRACKET_REACH = 40     # how far past a span's end its unclosed bracket may close ("Python (pandas" + ")")
# Sections (notice and CV) where a rule span stands without the tagger's confirmation: lists of
# competencies, where a taxonomy phrase is meant as one.
UNCONFIRMED_RULE_SECTIONS = ("core_competencies", "functional_competencies", "technical_competencies", "competencies",
                             "skills")
LINK_CACHE_SIZE = 50_000       # span texts remembered by the linker (a corpus repeats its skills)


class TaxonomyLinker:
    """Span text -> taxonomy id: an exact (case-insensitive) label or synonym, else the nearest
    name by character 2-4-gram TF-IDF cosine if it reaches `threshold`, else None (a new skill)."""

    def __init__(self, names: list[dict], threshold: float):
        self.names = names
        self.threshold = threshold
        self.exact: dict[str, str] = {}
        self.types: dict[str, str] = {}
        for entry in names:
            self.exact.setdefault(entry["name"].lower(), entry["id"])
            self.types.setdefault(entry["id"], entry.get("type") or "skill")
        self.ids = [entry["id"] for entry in names]
        self._cache: dict[str, tuple[str | None, float]] = {}
        self.vectorizer = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 4), lowercase=True, sublinear_tf=True)
        # names x n-grams, transposed once (CSR, for the product with each batch of spans)
        self.matrix = self.vectorizer.fit_transform([entry["name"] for entry in names]).T.tocsr() if names else None

    def link(self, texts: list[str]) -> list[tuple[str | None, float]]:
        """(id or None, similarity) for each text; similarity 1.0 for an exact name. Results are
        cached by text: the vectoriser costs more than the rest of the linking."""
        results: list[tuple[str | None, float] | None] = [None] * len(texts)
        todo: dict[str, list[int]] = {}
        for i, text in enumerate(texts):
            exact = self.exact.get(text.lower())
            if exact is not None:
                results[i] = (exact, 1.0)
            elif text in self._cache:
                results[i] = self._cache[text]
            else:
                todo.setdefault(text, []).append(i)
        if todo:
            for text, found in zip(todo, self._nearest(list(todo))):
                if len(self._cache) >= LINK_CACHE_SIZE:
                    self._cache.clear()
                self._cache[text] = found
                for i in todo[text]:
                    results[i] = found
        return results

    def _nearest(self, texts: list[str]) -> list[tuple[str | None, float]]:
        if self.matrix is None:
            return [(None, 0.0)] * len(texts)
        similarity = (self.vectorizer.transform(texts) @ self.matrix).toarray()   # a few spans x names: small
        best = similarity.argmax(axis=1)
        scores = similarity[np.arange(len(texts)), best]
        return [(self.ids[b] if score >= self.threshold else None, float(score)) if score > 0 else (None, 0.0)
                for b, score in zip(best, scores)]


class CompetencyTagger:
    def __init__(self, nlp: Language, name: str, spans_key: str, prefer: str, link_threshold: float, batch_size: int,
                 extra_taxonomy_files: list[str], unconfirmed_rule_sections: list[str],
                 notice_skip_sections: list[str] = NOTICE_NON_COMPETENCY_SECTIONS):
        if prefer not in ("model", "rules"):
            raise ConfigError(f"{name}: prefer must be 'model' or 'rules', not {prefer!r}")
        self.name = name
        self.vocab = nlp.vocab
        self.prefer = prefer
        self.spans_key = spans_key
        self.link_threshold = link_threshold
        self.batch_size = batch_size
        self.unconfirmed_rule_sections = frozenset(unconfirmed_rule_sections)
        self.notice_skip_sections = tuple(notice_skip_sections)
        self.model: Language | None = None
        self.names = taxonomy_names(load_taxonomy(tuple(extra_taxonomy_files)))
        self.linker = TaxonomyLinker(self.names, link_threshold)

    # -- the trained model -------------------------------------------------------------------
    def set_model(self, model: Language) -> None:
        """Use this trained NER pipeline (one with an `ner` component that predicts COMPETENCY)."""
        if "ner" not in model.pipe_names or LABEL not in model.get_pipe("ner").labels:
            raise ConfigError(f"the competency tagger model must have an 'ner' component with the {LABEL} label "
                              f"(it has {model.pipe_names})")
        self.model = model

    def set_taxonomy(self, names: list[dict]) -> None:
        """Link to these {"id", "name"} entries (saved with the component, so a saved pipeline needs
        no taxonomy files at load time)."""
        self.names = [dict(entry) for entry in names]
        self.linker = TaxonomyLinker(self.names, self.link_threshold)

    def _require_model(self) -> Language:
        if self.model is None:
            raise ConfigError(f"the {self.name} component has no trained model: train one with `jobmatch train` "
                              f"or load the pipeline from a folder that has one")
        return self.model

    def tag_texts(self, texts: list[str], n_process: int = 1) -> list[list[tuple[int, int]]]:
        """Character (start, end) of the COMPETENCY spans the model finds in each text."""
        model = self._require_model()
        return [tidy_spans(text, [(e.start_char, e.end_char) for e in doc.ents if e.label_ == LABEL])
                for text, doc in zip(texts, model.pipe(texts, batch_size=self.batch_size, n_process=n_process))]

    def tag_document(self, text: str) -> list[tuple[int, int]]:
        """Character spans in a whole text, tagged line by line as the model was trained."""
        return self.tag_documents([text])[0]

    def tag_documents(self, texts: list[str]) -> list[list[tuple[int, int]]]:
        """`tag_document` for many texts, their lines tagged in one model stream (bigger batches)."""
        lines = [text_lines(text) for text in texts]
        found = iter(self.tag_texts([text[s:e] for text, doc_lines in zip(texts, lines) for s, e in doc_lines]))
        return [[(start + s, start + e) for start, _ in doc_lines for s, e in next(found)] for doc_lines in lines]

    def tag_docs(self, docs: list[Doc]) -> list[list[tuple[int, int]]]:
        """Character spans in pipeline Docs: only the lines that can hold a competency (see
        `lines_to_tag`), as Docs cut from the pipeline's own tokens when the model shares its vocab
        (no second tokenisation), else re-tokenised by the model."""
        model = self._require_model()
        lines = [lines_to_tag(doc, self.notice_skip_sections) for doc in docs]
        line_docs = [line_doc for doc, doc_lines in zip(docs, lines) for line_doc in self._line_docs(model, doc, doc_lines)]
        tagged = model.pipe(line_docs, batch_size=self.batch_size)
        found = [[(start + e.start_char, start + e.end_char) for start, _ in doc_lines
                  for e in next(tagged).ents if e.label_ == LABEL] for doc_lines in lines]
        return [tidy_spans(doc._.source_text, spans) for doc, spans in zip(docs, found)]

    @staticmethod
    def _line_docs(model: Language, doc: Doc, lines: list[tuple[int, int]]) -> list[Doc | str]:
        """A Doc of the pipeline's tokens for each (start, end) line, or the line's text where the
        model has its own vocab or a line edge falls inside a token."""
        text = doc._.source_text
        if model.vocab is not doc.vocab:
            return [text[start:end] for start, end in lines]
        # Token offsets, lengths and trailing spaces as one array: creating Token objects costs more
        offsets, lengths, spaces = doc.to_array([IDX, LENGTH, SPACY]).T.tolist() if len(doc) else ([], [], [])
        words = [text[o:o + n] for o, n in zip(offsets, lengths)]
        first = {o: i for i, o in enumerate(offsets)}
        after = {o + n: i + 1 for i, (o, n) in enumerate(zip(offsets, lengths))}
        out: list[Doc | str] = []
        for start, end in lines:
            i, j = first.get(start), after.get(end)
            out.append(Doc(doc.vocab, words=words[i:j], spaces=[bool(x) for x in spaces[i:j - 1]] + [False])
                       if i is not None and j is not None and i < j else text[start:end])
        return out

    # -- the pipeline component ----------------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        prepare(doc)
        self.add_spans(doc, self.tag_docs([doc])[0])
        return doc

    def pipe(self, docs, batch_size: int = 32):
        """Documents in batches, the lines of a whole batch tagged together."""
        for batch in minibatch(docs, size=batch_size):
            for doc in batch:
                prepare(doc)
            self.add_spans_batch(batch, self.tag_docs(batch))
            yield from batch

    def add_spans(self, doc: Doc, spans: list[tuple[int, int]]) -> None:
        """Merge tagged spans with the rule spans already in doc.spans[spans_key] and link them.

        `prefer="model"`: a tagged span replaces the rule spans it overlaps and takes over their
        taxonomy id (the model draws the boundaries the annotators drew, the rule names the
        competency); `prefer="rules"`: a tagged span that overlaps a rule span is dropped. Either
        way a rule span that no tagged span overlaps stays only in `unconfirmed_rule_sections`."""
        self.add_spans_batch([doc], [spans])

    def add_spans_batch(self, docs: list[Doc], spans: list[list[tuple[int, int]]]) -> None:
        """`add_spans` for many Docs, the new phrases of all of them linked in one call (the
        vectoriser costs about 2 ms a call, whatever the number of phrases)."""
        merged = [self._merge(doc, doc_spans) for doc, doc_spans in zip(docs, spans)]
        links = iter(self.linker.link([doc._.source_text[s:e] for doc, fresh in zip(docs, merged)
                                       for s, e, cid in fresh if cid is None]))
        for doc, fresh in zip(docs, merged):
            sections = doc._.sections or []
            for start, end, inherited in fresh:
                cid, similarity = (inherited, 1.0) if inherited else next(links)
                ctype = competency_type(doc._.kind or "cv", section_at(sections, start), self.linker.types.get(cid))
                attrs = {"id": cid, "new": cid is None, "type": ctype, "source": "tagger",
                         "link_similarity": round(similarity, 3)}
                add_span(doc, LABEL, start, end, attrs, self.spans_key)

    def _merge(self, doc: Doc, spans: list[tuple[int, int]]) -> list[tuple[int, int, str | None]]:
        """The tagged spans to add, each with the id it inherits (None: to be linked); drops the
        rule spans they replace and the unconfirmed rule spans outside lists of competencies."""
        # Doc.text is rebuilt from the tokens on every access: read it once (prepare() keeps it)
        prepare(doc)
        text = doc._.source_text
        group = list(doc.spans[self.spans_key])
        ruled = [(s.start_char, s.end_char, s._.attrs.get("id")) for s in group if s.label_ == LABEL]
        kind, sections = doc._.kind or "cv", doc._.sections or []
        allowed = tagger_regions(kind, sections, len(text), self.notice_skip_sections, header_lines(doc))
        fresh: list[tuple[int, int, str | None]] = []
        dropped: set[tuple[int, int]] = set()
        for start, end in spans:
            overlapping = [r for r in ruled if start < r[1] and r[0] < end]
            if overlapping and self.prefer == "rules":
                continue
            if any(start < b and a < end for a, b, _ in fresh):
                continue
            if not overlapping and not in_regions(allowed, start):
                continue
            # The whole tagged phrase named in the taxonomy beats a rule's id for a word inside it
            # ("risk-based audit" is audit standards, not the "audit" in it).
            inherited = self.linker.exact.get(text[start:end].lower()) or next((cid for _, _, cid in overlapping if cid), None)
            dropped.update((a, b) for a, b, _ in overlapping)
            fresh.append((start, end, inherited))
        # Text without any section (a sentence, a paragraph pasted alone) has no lists and no title
        # lines to tell apart: there a rule span stands on its own, as the rules alone would give it.
        for start, end, _ in ruled if sections else ():
            confirmed = any(start < e and s < end for s, e in spans)
            if not confirmed and section_at(sections, start) not in self.unconfirmed_rule_sections:
                dropped.add((start, end))
        if dropped:
            doc.spans[self.spans_key] = [s for s in group
                                         if not (s.label_ == LABEL and (s.start_char, s.end_char) in dropped)]
        return fresh

    # -- serialisation ---------------------------------------------------------------------------
    def to_disk(self, path, *, exclude=()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        self._require_model().to_disk(path / MODEL_DIR)
        srsly.write_jsonl(path / NAMES_FILE, self.names)

    def from_disk(self, path, *, exclude=()) -> "CompetencyTagger":
        """Load the model into the pipeline's vocab, so the pipeline's tokens feed it directly."""
        path = Path(path)
        if not (path / MODEL_DIR / "config.cfg").is_file():
            raise ConfigError(f"{path}: no trained competency tagger model ({MODEL_DIR}/config.cfg is missing)")
        self.set_model(spacy.load(path / MODEL_DIR, vocab=self.vocab))
        self.vocab.strings.add(LABEL)
        if (path / NAMES_FILE).is_file():
            self.set_taxonomy(list(srsly.read_jsonl(path / NAMES_FILE)))
        return self


def tidy_span(text: str, start: int, end: int) -> tuple[int, int] | None:
    """A tagged span with the edges the annotation guide draws, or None when it is no skill.

    The model works on whole tokens, so it cannot cut an elided article off a French word
    ("l'entrepôt de données" -> "entrepôt de données") and sometimes stops inside a bracket pair
    ("Python (pandas" -> "Python (pandas)"; "Administrator (" -> "Administrator"), and a trailing
    "skills" goes where the rest stands alone ("drafting skills" -> "drafting"). An e-mail or web
    address is never a competency."""
    if _NOT_A_SKILL.search(text, start, end):
        return None
    elided = _ELISION.match(text, start, end)
    if elided:
        start = elided.end()
    for opening, closing in _BRACKETS.items():
        depth = text.count(opening, start, end) - text.count(closing, start, end)
        if depth > 0:
            closes = text.find(closing, end, min(len(text), end + BRACKET_REACH))
            if closes >= 0 and "\n" not in text[end:closes] and opening not in text[end:closes]:
                end = closes + 1
            else:
                end = text.rfind(opening, start, end)
        elif depth < 0 and text[start:end].lstrip(closing) != text[start:end]:
            start += len(text[start:end]) - len(text[start:end].lstrip(closing))
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:"):
        end -= 1
    standalone = _STANDALONE_BEFORE_SKILLS.fullmatch(text, start, end)
    if standalone:
        end = standalone.end(1)
    while start < end and text[start].isspace():
        start += 1
    return (start, end) if end > start else None


def tidy_spans(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """`tidy_span` over a list: the spans kept, each once, in order."""
    out = []
    for start, end in spans:
        tidy = tidy_span(text, start, end)
        if tidy is not None and tidy not in out:
            out.append(tidy)
    return out


def text_lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-blank line without its surrounding white space: the unit the
    tagger is trained and run on."""
    lines = []
    for match in _LINE.finditer(text):
        line = match.group(0)
        stripped = line.strip()
        if stripped:
            start = match.start() + len(line) - len(line.lstrip())
            lines.append((start, start + len(stripped)))
    return lines


def header_lines(doc: Doc) -> list[tuple[int, int]]:
    """The lines holding a notice's header fields ("Department: TSD", the title): names of
    offices and posts, not competencies. In text without sections (a lone sentence) a header
    field is only the parser's guess (its first line as the title), so none is skipped."""
    text = doc._.source_text
    header = (getattr(doc._.structure, "header_spans", None) or {}) if doc._.sections else {}
    return [(text.rfind("\n", 0, start) + 1, len(text) if text.find("\n", end) < 0 else text.find("\n", end))
            for start, end in header.values()]


def lines_to_tag(doc: Doc, skip: tuple[str, ...] | list[str] = NOTICE_NON_COMPETENCY_SECTIONS) -> list[tuple[int, int]]:
    """The lines of a pipeline Doc worth tagging: in a notice, those that reach outside the `skip`
    sections (the organisation, the languages, the process, the benefits); in a CV, all of them."""
    text = doc._.source_text
    allowed = tagger_regions(doc._.kind or "cv", doc._.sections or [], len(text), skip, header_lines(doc))
    lines = text_lines(text)
    if allowed is None:
        return lines
    return [(s, e) for s, e in lines if any(s < b and a < e for a, b in allowed)]


@Language.factory(FACTORY, default_config={"spans_key": SPANS_KEY, "prefer": "model", "link_threshold": 0.4,
                                           "batch_size": 256, "extra_taxonomy_files": [],
                                           "unconfirmed_rule_sections": list(UNCONFIRMED_RULE_SECTIONS),
                                           "notice_skip_sections": list(NOTICE_NON_COMPETENCY_SECTIONS)})
def make_competency_tagger(nlp: Language, name: str, spans_key: str, prefer: str, link_threshold: float,
                           batch_size: int, extra_taxonomy_files: list[str], unconfirmed_rule_sections: list[str],
                           notice_skip_sections: list[str]) -> CompetencyTagger:
    return CompetencyTagger(nlp, name, spans_key, prefer, link_threshold, batch_size, extra_taxonomy_files,
                            unconfirmed_rule_sections, notice_skip_sections)


def load_tagger(path: str | Path | None = None) -> CompetencyTagger:
    """The trained tagger component saved by `jobmatch train` (default: models/competency-tagger)."""
    return _load_tagger(str(Path(path or DEFAULT_TAGGER_DIR).resolve()))


@lru_cache(maxsize=2)
def _load_tagger(path: str) -> CompetencyTagger:
    folder = Path(path)
    if not (folder / "config.cfg").is_file():
        raise ConfigError(f"competency tagger folder {folder} does not exist or has no config.cfg "
                          f"(train it with `jobmatch train`)")
    nlp = spacy.load(folder)
    names = [n for n in nlp.pipe_names if nlp.get_pipe_meta(n).factory == FACTORY]
    if not names:
        raise ConfigError(f"{folder} has no {FACTORY!r} component (it has {nlp.pipe_names})")
    return nlp.get_pipe(names[0])


def tokens_to_spans(tokens: list[str], char_spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Character spans in the space-joined tokens -> (start, end) token indices, end exclusive;
    a span that starts or ends inside a token takes the whole token."""
    starts, ends, position = [], [], 0
    for token in tokens:
        starts.append(position)
        ends.append(position + len(token))
        position += len(token) + 1
    out = []
    for start, end in char_spans:
        first = next((i for i, e in enumerate(ends) if e > start), None)
        last = next((i for i in range(len(tokens) - 1, -1, -1) if starts[i] < end), None)
        if first is not None and last is not None and first <= last and (first, last + 1) not in out:
            out.append((first, last + 1))
    return out


def tag_tokens(sentences: list[list[str]], tagger_dir: str | Path | None = None,
               n_process: int = 1) -> list[list[tuple[int, int]]]:
    """COMPETENCY spans of pre-tokenised sentences as (start, end) token indices (end exclusive).

    The tokens are joined with spaces and tagged with jobmatch's own tokenizer, so the model sees
    text as it does in a document; spans are mapped back onto the given tokens. `tagger_dir`
    defaults to models/competency-tagger; `n_process=2` uses both cores of a 2-core machine."""
    tagger = load_tagger(tagger_dir)
    texts = [" ".join(tokens) for tokens in sentences]
    return [tokens_to_spans(tokens, spans) for tokens, spans in zip(sentences, tagger.tag_texts(texts, n_process))]
