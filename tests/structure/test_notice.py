"""The notice structure parser on the seed notices (when present) and on our own fixtures."""

from __future__ import annotations

import pytest

from jobmatch.readers import read_document
from jobmatch.structure import parse_notice

SEED_HEADERS = {
    "itu-vn1307-political-external-affairs-officer-p4.txt": {
        "vacancy_number": "1307", "title": "Political and External Affairs Officer", "grade": "P4",
        "sector": "SG", "department": "SPM", "duty_station": "Geneva", "country": "Switzerland",
        "position_number": "PM03/P4/247", "contract_type": "Fixed-term", "recruitment_open_to": "External",
        "deadline": "2023-10-09", "organization": "International Telecommunication Union"},
    "itu-vn1782-coordination-officer-documents-p3.txt": {
        "vacancy_number": "1782", "title": "Coordination Officer (Documents Process and Registration)",
        "grade": "P3", "department": "SPM", "position_number": "PM03/P3/847", "deadline": "2025-01-06"},
    "itu-vn2207-head-safety-security-resilience-p5.txt": {
        "vacancy_number": "2207", "title": "Head, Safety, Security and Resilience Division", "grade": "P5",
        "department": "ISD", "position_number": "IS06/P5/407", "deadline": "2026-01-26",
        "contract_duration": "2 years with possibility of renewal"},
}
ITU_SECTIONS = ["organizational_unit", "duties", "core_competencies", "functional_competencies",
                "technical_competencies", "qualifications", "education", "experience", "languages",
                "benefits", "salary", "recruitment_process"]


def _names(structure):
    return [s.name for s in structure.sections]


@pytest.mark.parametrize("name", list(SEED_HEADERS))
def test_seed_notice_header_fields(seeds, name):
    header = parse_notice(read_document(seeds / name)).header.model_dump()
    for field, expected in SEED_HEADERS[name].items():
        assert header[field] == expected, field


@pytest.mark.parametrize("name", list(SEED_HEADERS))
def test_seed_notice_sections_in_order(seeds, name):
    structure = parse_notice(read_document(seeds / name))
    names = _names(structure)
    assert [n for n in names if n in ITU_SECTIONS] == sorted(
        (n for n in names if n in ITU_SECTIONS), key=names.index)
    assert set(ITU_SECTIONS) <= set(names)
    languages = next(s for s in structure.sections if s.name == "languages")
    assert languages.text.startswith("Knowledge of one of the six official languages")
    assert "BENEFITS" not in languages.text


def test_seed_salary_figures(seeds):
    header = parse_notice(read_document(seeds / "itu-vn2207-head-safety-security-resilience-p5.txt")).header
    assert header.salary[0].currency == "USD"
    assert header.salary[0].amounts == [101540.0, 82654.0]


def test_section_spans_point_at_their_headings(fixtures):
    document = read_document(fixtures / "notices" / "itu_bare_network_engineer.txt")
    structure = parse_notice(document)
    for section in structure.sections:
        assert document.text[section.start:].startswith(section.heading)
        assert section.start < section.body_start <= section.end
    qualifications = next(s for s in structure.sections if s.name == "qualifications")
    education = next(s for s in structure.sections if s.name == "education")
    assert qualifications.start < education.start < education.end <= qualifications.end


def test_bare_itu_fixture_header(fixtures):
    header = parse_notice(read_document(fixtures / "notices" / "itu_bare_network_engineer.txt")).header
    assert (header.vacancy_number, header.title, header.grade, header.deadline) == (
        "9901", "Senior Network Engineer", "P4", "2027-03-14")
    assert header.salary[0].amounts == [80120.0, 61300.0]


def test_numbered_duties_are_one_section(fixtures):
    structure = parse_notice(read_document(fixtures / "notices" / "itu_bare_network_engineer.txt"))
    duties = next(s for s in structure.sections if s.name == "duties")
    assert duties.text.startswith("1. Designs") and duties.text.rstrip().endswith("network resilience.")


def test_inspira_layout(fixtures):
    structure = parse_notice(read_document(fixtures / "notices" / "inspira_statistician.txt"))
    header = structure.header
    assert header.vacancy_number.startswith("27-STA-ESCAP-251234")
    assert header.grade == "P3"
    assert header.duty_station == "BANGKOK"
    assert header.deadline == "2027-03-03"  # the end of the posting period
    assert _names(structure) == ["organizational_unit", "duties", "competencies", "education",
                                 "experience", "languages", "recruitment_process"]


def test_markdown_ngo_layout_with_inline_requirements(fixtures):
    structure = parse_notice(read_document(fixtures / "notices" / "ngo_programme_manager.md"))
    assert structure.header.title == "Programme Manager – Digital Inclusion (m/f/d)"
    assert structure.header.deadline == "2027-04-30"
    assert structure.header.duty_station == "Nairobi, Kenya"
    education = next(s for s in structure.sections if s.name == "education")
    assert education.text.startswith("Master's degree in development studies")
    assert _names(structure) == ["organizational_unit", "duties", "qualifications", "education",
                                 "experience", "languages", "benefits"]


def test_french_notice(fixtures):
    structure = parse_notice(read_document(fixtures / "notices" / "avis_vacance_juriste.txt"))
    header = structure.header
    assert (header.vacancy_number, header.title, header.grade, header.duty_station, header.deadline) == (
        "2027/014", "Juriste principal(e)", "P4", "Genève", "2027-03-15")
    assert _names(structure) == ["organizational_context", "duties", "qualifications", "education",
                                 "experience", "languages"]


def test_a_notice_without_sections_still_parses(tmp_path):
    path = tmp_path / "short.txt"
    path.write_text("Driver, G2\nDeadline: 1 June 2027\nWe need a driver with a licence.\n")
    structure = parse_notice(read_document(path))
    assert structure.sections == []
    assert structure.header.deadline == "2027-06-01"
    assert structure.header.title == "Driver, G2"


def test_parse_json_cli(fixtures):
    import json
    from tests.conftest import run_cli
    result = run_cli("parse", str(fixtures / "notices" / "itu_bare_network_engineer.txt"), "--json")
    assert result.returncode == 0, result.stderr
    payload = json.loads(result.stdout)
    assert payload["id"] == "itu_bare_network_engineer"
    assert payload["header"]["vacancy_number"] == "9901"
    assert [s["name"] for s in payload["sections"]][:2] == ["organizational_unit", "duties"]


def test_a_heading_joined_to_another_by_a_dash_names_the_last_section():
    from jobmatch.structure.headings import match_heading
    from jobmatch.structure.notice import notice_vocabulary
    patterns = notice_vocabulary().patterns
    assert match_heading("What we look for – minimum requirements", patterns) == "qualifications"
    assert match_heading("Languages - desirable", patterns) == "desirable"
    assert match_heading("Education - University of Lagos", patterns) is None


def test_an_inspira_style_posting_title_gives_the_title_and_its_grade():
    from jobmatch.model import Document
    from jobmatch.structure.notice import parse_notice
    text = ("Posting Title: PROGRAMME MANAGEMENT OFFICER, P3\nDuty Station: NAIROBI\n"
            "Posting Period: 02 December 2026 - 31 December 2026\n\nResponsibilities\n- Manages projects.\n")
    header = parse_notice(Document(id="n", source="n.txt", format="txt", text=text)).header
    assert (header.title, header.grade, header.duty_station, header.deadline) == (
        "PROGRAMME MANAGEMENT OFFICER, P3", "P3", "NAIROBI", "2026-12-31")
