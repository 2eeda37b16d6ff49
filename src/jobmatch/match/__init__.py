"""Matching: embeddings of document parts, requirement checks and explained scores, in both
directions (candidates for a vacancy, vacancies for a candidate), over files or a FAISS index."""

from jobmatch.match.documents import candidate_from_document, vacancy_from_document
from jobmatch.match.matcher import Matcher, load_weights
from jobmatch.match.settings import MatchSettings

__all__ = ["Matcher", "MatchSettings", "candidate_from_document", "load_weights", "vacancy_from_document"]
