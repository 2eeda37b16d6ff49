from pathlib import Path

from jobmatch.corpus.loader import GoldDocument
from jobmatch.evaluate.baselines import BM25System, RandomSystem, TfidfSystem
from jobmatch.evaluate.dataset import EvalDocument
from jobmatch.model import Document


def doc(doc_id: str, kind: str, text: str) -> EvalDocument:
    return EvalDocument(GoldDocument(doc_id, kind, "en", Path(doc_id), text, {}),
                        Document(id=doc_id, source="", format="text", text=text), {})


NOTICE = doc("n-1", "notice", "Network engineer: IP routing, 5G radio networks, spectrum management.")
POOL = [doc("cv-a", "cv", "Accountant: IPSAS, accounts payable, payroll and budget reporting."),
        doc("cv-b", "cv", "Network engineer with IP routing and 5G radio access networks experience."),
        doc("cv-c", "cv", "Translator: French, Spanish, terminology and revision.")]


def test_bm25_and_tfidf_rank_the_document_sharing_the_words_first():
    for system in (BM25System(), TfidfSystem()):
        scores = system.rank("recruiter", NOTICE, POOL)
        assert set(scores) == {"cv-a", "cv-b", "cv-c"}
        assert max(scores, key=scores.get) == "cv-b", system.name


def test_random_is_reproducible_per_query_and_differs_between_queries():
    first = RandomSystem(seed=7).rank("recruiter", NOTICE, POOL)
    assert first == RandomSystem(seed=7).rank("recruiter", NOTICE, POOL)
    other = RandomSystem(seed=7).rank("recruiter", doc("n-2", "notice", "x"), POOL)
    assert first != other
    assert first != RandomSystem(seed=8).rank("recruiter", NOTICE, POOL)
