"""`jobmatch corpus render`: PDF/DOCX renderings of text CVs that read back to the same words,
deterministic bytes, and a check that tells a stale rendering."""

from __future__ import annotations

import io
import json
import re
import unicodedata
from pathlib import Path

import docx
import pytest
from pypdf import PdfReader

from jobmatch.corpus.check import check_corpus
from jobmatch.corpus.loader import load_corpus
from jobmatch.corpus.render import (cv_blocks, load_manifest, render_corpus, render_docx, render_pdf)
from jobmatch.errors import CorpusError
from jobmatch.readers import read_document
from tests.conftest import ROOT
from tests.corpus.test_check import make_corpus

CORPUS = ROOT / "corpora"
MANIFEST = load_manifest(CORPUS).get("renderings", []) if (CORPUS / "rendered").is_dir() else []
RENDERED_IDS = [entry["file"] for entry in MANIFEST]

SAMPLE = """Élodie Núñez-François
Ingénieure réseaux

EXPÉRIENCE PROFESSIONNELLE
2019 – aujourd'hui | Ingénieure réseaux, Organisation internationale, Genève
- Conception du cœur de réseau IP/MPLS
- Coordination avec l'UIT et la CEPT

FORMATION
2014 – 2016 : Master Réseaux et télécommunications (Bac+5)

LANGUES
Français : langue maternelle
Anglais : C1
Español : B2
"""

# Differences between the profile extracted from the text and from its rendering, found when the
# renderings were first read back (issue 3). Their cause: pypdf's text extraction puts each table
# cell of a PDF on its own line, so a language and its level ("English | Easily", "French | C2")
# or a P11 key and its value ("Attended From/To | 09/2012 – 07/2014") no longer share a line, and
# the line-based CV extractor loses the level or counts a study period as a job. The DOCX reader
# keeps a row on one line. Strict: a fix makes these XPASS and fail, so that the list is kept true
# (it depends on the extractor as much as on the readers).
KNOWN_PROFILE_DIFFERENCES: dict[str, str] = {}   # cv-fin-006.pdf read right since the CV extractor tells the next entry's head lines (session 5)


def words(text: str) -> list[str]:
    """The word sequence of a text: line breaks, spacing, bullets and table rules do not count."""
    return re.findall(r"\w+", unicodedata.normalize("NFC", text))


def profile_key(profile: dict) -> tuple:
    return (profile["total_years"], profile["highest_level"],
            sorted((item["language"], item["level"]) for item in profile["languages"]))


def test_a_text_cv_is_laid_out_as_title_headings_bullets_and_tables():
    blocks = cv_blocks(SAMPLE, "two-column")
    kinds = [b.kind for b in blocks]
    assert blocks[0].kind == "title" and blocks[0].text == "Élodie Núñez-François"
    assert ("heading", "EXPÉRIENCE PROFESSIONNELLE") in [(b.kind, b.text) for b in blocks]
    assert [b.text for b in blocks if b.kind == "bullet"] == ["Conception du cœur de réseau IP/MPLS",
                                                               "Coordination avec l'UIT et la CEPT"]
    tables = [b.rows for b in blocks if b.kind == "table"]
    assert (("2019 – aujourd'hui", "Ingénieure réseaux, Organisation internationale, Genève"),) in tables
    assert (("Français", "langue maternelle"), ("Anglais", "C1"), ("Español", "B2")) in tables
    assert "table" not in [b.kind for b in cv_blocks(SAMPLE, "plain")]
    assert kinds.count("heading") == 3


@pytest.mark.parametrize("render", [render_pdf, render_docx], ids=["pdf", "docx"])
def test_rendering_is_deterministic(render):
    assert render(SAMPLE, "tables", "sample") == render(SAMPLE, "tables", "sample")
    assert render(SAMPLE, "tables", "sample") != render(SAMPLE.replace("C1", "C2"), "tables", "sample")


@pytest.mark.parametrize("suffix,render", [(".pdf", render_pdf), (".docx", render_docx)])
def test_accents_headings_bullets_and_tables_read_back(tmp_path, suffix, render):
    path = tmp_path / f"sample{suffix}"
    path.write_bytes(render(SAMPLE, "two-column", "sample"))
    text = read_document(path).text
    assert words(text) == words(SAMPLE)
    assert "- Conception du cœur de réseau IP/MPLS" in text
    assert "Élodie Núñez-François" in text


def test_the_pdf_embeds_a_font_with_the_accented_glyphs():
    pdf = PdfReader(io.BytesIO(render_pdf(SAMPLE, "plain", "sample")))
    fonts = {str(f["/BaseFont"]) for f in pdf.pages[0]["/Resources"]["/Font"].values()
             if "/FontDescriptor" in f.get_object() or "/DescendantFonts" in f.get_object()}
    assert fonts, "a TTF font is embedded"
    assert not any(name.endswith("Helvetica") for name in fonts)


def test_a_long_cv_takes_two_pages(tmp_path):
    long_cv = SAMPLE + "\nPUBLICATIONS\n" + "\n".join(f"- Rapport technique {n} sur la 5G et le spectre radio, UIT, {2000 + n}"
                                                     for n in range(60))
    path = tmp_path / "long.pdf"
    path.write_bytes(render_pdf(long_cv, "plain", "long"))
    document = read_document(path)
    assert len(document.page_starts) >= 2
    assert words(document.text) == words(long_cv)


def test_the_docx_carries_fixed_core_properties():
    word = docx.Document(io.BytesIO(render_docx(SAMPLE, "tables", "cv-x-001")))
    assert word.core_properties.title == "cv-x-001"
    assert word.core_properties.created.year == 2026 and word.core_properties.revision == 1
    assert len(word.tables) >= 1 and word.paragraphs[0].style.name == "Title"


def test_a_character_the_font_cannot_show_is_refused_by_name():
    with pytest.raises(CorpusError, match="no glyph"):
        render_pdf(SAMPLE + "\n中文\n", "plain", "sample", doc_id="cv-x-002")


def _render_one(root: Path, style: str = "plain") -> None:
    (root / "rendered").mkdir(exist_ok=True)
    (root / "rendered" / "selection.yaml").write_text(
        f"renderings:\n  - {{id: cv-pol-001, format: pdf, style: {style}, why: test}}\n")
    render_corpus(root)


def _rendering_problems(root: Path) -> list[str]:
    return [str(p) for p in check_corpus(load_corpus(root)) if "rendered" in p.where]


def test_the_check_accepts_a_fresh_rendering_and_flags_a_stale_one(tmp_path):
    root = make_corpus(tmp_path)
    _render_one(root)
    assert _rendering_problems(root) == []
    source = root / "cvs" / "cv-pol-001.txt"
    source.write_text(source.read_text() + "French (B2)\n")
    problems = _rendering_problems(root)
    assert any("cv-pol-001.pdf is stale" in p for p in problems), problems
    render_corpus(root)
    assert _rendering_problems(root) == []


def test_the_check_flags_missing_edited_and_unlisted_renderings(tmp_path):
    root = make_corpus(tmp_path)
    _render_one(root)
    pdf = root / "rendered" / "cv-pol-001.pdf"
    pdf.write_bytes(pdf.read_bytes() + b"\n%edited\n")
    assert any("differs from the rendering the manifest records" in p for p in _rendering_problems(root))
    pdf.unlink()
    assert any("cv-pol-001.pdf is missing" in p for p in _rendering_problems(root))
    (root / "rendered" / "stray.docx").write_bytes(b"PK")
    assert any("stray.docx is in no selection" in p for p in _rendering_problems(root))


def test_a_complete_corpus_needs_twenty_renderings(tmp_path):
    root = make_corpus(tmp_path)
    _render_one(root)
    (root / "meta.json").write_text(json.dumps({"status": "complete"}))
    assert any("at least 20 needed" in p for p in _rendering_problems(root))


def test_the_project_corpus_has_the_renderings_issue_3_asks_for():
    if not MANIFEST:
        pytest.skip("the corpus has no renderings")
    languages = {load_corpus(CORPUS).documents[e["id"]].language for e in MANIFEST}
    assert len(MANIFEST) >= 20
    assert {e["format"] for e in MANIFEST} == {"pdf", "docx"}
    assert languages == {"en", "fr", "es"}
    assert any(e.get("pages", 1) >= 2 for e in MANIFEST)


@pytest.mark.parametrize("file_name", RENDERED_IDS)
def test_a_rendered_cv_reads_back_to_the_words_of_its_text(file_name):
    entry = next(e for e in MANIFEST if e["file"] == file_name)
    rendered = read_document(CORPUS / "rendered" / file_name)
    source = read_document(CORPUS / entry["source"])
    assert words(rendered.text) == words(source.text)


@pytest.mark.parametrize("file_name", [
    pytest.param(name, marks=pytest.mark.xfail(strict=True, reason=KNOWN_PROFILE_DIFFERENCES[name]))
    if name in KNOWN_PROFILE_DIFFERENCES else name for name in RENDERED_IDS])
def test_a_rendered_cv_gives_the_profile_of_its_text(file_name):
    from jobmatch.extract import extract_document

    entry = next(e for e in MANIFEST if e["file"] == file_name)
    rendered = extract_document(read_document(CORPUS / "rendered" / file_name), kind="cv")["profile"]
    source = extract_document(read_document(CORPUS / entry["source"]), kind="cv")["profile"]
    assert profile_key(rendered) == profile_key(source)
