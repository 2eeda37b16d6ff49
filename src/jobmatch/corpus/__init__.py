"""The gold corpus: documents, quote-anchored annotations, judgments, splits (see corpora/GUIDE.md)."""

from jobmatch.corpus.loader import Corpus, GoldDocument, GoldSpan, load_corpus

__all__ = ["Corpus", "GoldDocument", "GoldSpan", "load_corpus"]
