"""CV layouts: which periods are jobs, where the job title is, what a summary claims."""

from __future__ import annotations

from jobmatch.extract import extract_document
from jobmatch.model import Document


def _extract(text: str) -> dict:
    return extract_document(Document(id="cv", source="cv.txt", format="txt", text=text), "cv", "2026-11-01")


def _titles(result: dict) -> list[str]:
    return [s["text"] for s in result["spans"] if s["label"] == "EXPERIENCE" and s["attrs"]["kind"] != "claimed"]


P11 = """PERSONAL HISTORY FORM
1. Surname: NOWAK

6. Employment record (most recent first):
   A. From: 03/2020   To: present
      Functional title: Budget Officer (P3)
      Name of employer: World Food Programme, Rome
   B. From: 01/2014   To: 02/2020
      Exact title of post: Accountant
      Name of employer: City of Krakow
"""


def test_p11_heading_with_a_note_and_title_labels():
    result = _extract(P11)
    assert _titles(result) == ["Budget Officer", "Accountant"]
    assert result["profile"]["total_years"] == 12.9   # 2014-01 .. 2026-11: 155 months
    assert result["profile"]["international_years"] == 6.8   # 2020-03 .. 2026-11: 81 months


ONE_LINE = """Kofi Mensah

EXPERIENCE (one line per post)
2021-03 – present | Data Analyst | Ghana Statistical Service, Accra
2018-01 – 2021-02 | Research Assistant | University of Ghana, Legon
"""


def test_iso_month_ranges_in_one_line_per_post_layout():
    result = _extract(ONE_LINE)
    assert [(j["start"], j["end"]) for j in result["profile"]["experience"]] == [("2021-03", "present"), ("2018-01", "2021-02")]
    assert _titles(result) == ["Data Analyst", "Research Assistant"]


STACKED = """WORK EXPERIENCE

Senior Translator
Council of Europe, Strasbourg
2016 – present
- Translated resolutions (1949–1990 archives) into French.
- Secured funding for a glossary project in 2021-2022.

Nov. 2014 – Dec. 2015   Translation intern — UNESCO, Paris
Sept 2012 – June 2014   Editor — Éditions du Lac, Lyon
Jan 2012 – Aug 2012 Gap: not in paid employment (family care)
"""


def test_periods_in_descriptions_and_gaps_are_not_jobs():
    jobs = _extract(STACKED)["profile"]["experience"]
    assert [(j["start"], j["kind"]) for j in jobs] == [("2016-01", "job"), ("2014-11", "internship"), ("2012-09", "job")]


def test_the_next_job_line_does_not_leak_into_a_job():
    jobs = _extract(STACKED)["profile"]["experience"]
    assert jobs[2]["kind"] == "job"   # "Editor", although the line before names an internship
    assert _titles(_extract(STACKED)) == ["Senior Translator", "Translation intern", "Editor"]


FRENCH = """Claire Martin
Juriste, plus de 5 ans d'expérience en droit social, dont 3 dans une organisation internationale.

EXPÉRIENCE PROFESSIONNELLE
Depuis janvier 2021 — Juriste, Organisation internationale du Travail, Genève
Septembre 2019 – décembre 2020 — Stagiaire, Cabinet Durand, Paris

ÉDUCATION ET FORMATION
2017 – 2019 : Master 2 Droit social, Université Paris 2
"""


def test_french_cv_claims_periods_and_education():
    result = _extract(FRENCH)
    claimed = [(s["text"], s["attrs"]["years"]) for s in result["spans"]
               if s["label"] == "EXPERIENCE" and s["attrs"]["kind"] == "claimed"]
    assert claimed == [("5 ans", 5), ("3", 3)]
    assert [(j["start"], j["kind"], j["international"]) for j in result["profile"]["experience"]] == [
        ("2021-01", "job", True), ("2019-09", "internship", False)]
    assert result["profile"]["total_years"] == 5.9   # 2021-01 .. 2026-11 (71 months); the internship is not counted
    assert [(s["text"], s["attrs"]["isced_f"]) for s in result["spans"] if s["label"] == "FIELD"] == [("Droit social", "0421")]


SPANISH = """PERFIL
Economista con más de 6 años de experiencia.

EXPERIENCIA PROFESIONAL
Analista de Tesorería
Banco Andino S.A., Lima | marzo de 2021 – a la fecha
Practicante de Riesgos — Banco Andino S.A. | enero 2020 – junio 2020 (práctica profesional)

FORMACIÓN ACADÉMICA
Licenciatura en Economía, Universidad del Pacífico, 2015 – 2019
"""


def test_spanish_cv_open_period_internship_and_title_above_the_employer():
    result = _extract(SPANISH)
    assert [(j["start"], j["end"], j["kind"]) for j in result["profile"]["experience"]] == [
        ("2021-03", "present", "job"), ("2020-01", "2020-06", "internship")]
    assert _titles(result)[0] == "Analista de Tesorería"
    assert result["profile"]["highest_level"] == "bachelor"


WORK_STUDY = """EXPÉRIENCE PROFESSIONNELLE
Janvier 2022 – aujourd'hui — Technicien réseau, Orange, Lyon
Janvier 2021 – décembre 2021 — Congé parental
Septembre 2018 – août 2020 — Apprenti technicien, SNCF, Lyon (alternance)
"""


def test_apprenticeships_count_as_internships_and_parental_leave_is_not_a_job():
    jobs = _extract(WORK_STUDY)["profile"]["experience"]
    assert [(j["start"], j["kind"]) for j in jobs] == [("2022-01", "job"), ("2018-09", "internship")]
    assert _extract(WORK_STUDY)["profile"]["total_years"] == 4.9   # 2022-01 .. 2026-11: 59 months


def test_international_posts_by_name_in_three_languages_and_national_missions():
    from jobmatch.extract.cv import is_international_post

    assert is_international_post("Oficial de Conferencias, Organización Mundial de la Propiedad Intelectual (OMPI), Ginebra")
    assert is_international_post("Conseillère juridique, Comité international de la Croix-Rouge (CICR), Genève")
    assert is_international_post("Officer, the International Centre for Genetic Engineering (an intergovernmental body)")
    assert not is_international_post("Counsellor, Permanent Mission of Kenya to the United Nations Office at Geneva")
    assert not is_international_post("Financial Planning Officer, Japan International Cooperation Agency (JICA), Tokyo")


TITLE_ABOVE_EMPLOYER = """EXPERIENCE

Senior Event Manager
Harbour Conference Centre, Bristol | June 2019 - July 2023
- Managed 60-80 conferences a year.

Account Manager · Brightline Logistics Ltd · Jan 2015 - May 2019 · 4 yrs 5 mos
Monthly reporting for nine key accounts; contract renewals; team of three.
Sales Assistant · Brightline Logistics Ltd · Jan 2013 - Dec 2014 · 2 yrs
"""


def test_title_above_an_employer_line_and_description_lines_are_not_titles():
    assert _titles(_extract(TITLE_ABOVE_EMPLOYER)) == ["Senior Event Manager", "Account Manager", "Sales Assistant"]


def test_a_note_in_brackets_after_the_dates_is_not_a_title():
    text = "EXPERIENCE\n\nTeaching Assistant, University of Ghana\n2016 – 2018 (part-time, alongside studies)\n"
    assert _titles(_extract(text)) == ["Teaching Assistant"]


def _periods(result: dict) -> list[str]:
    return [s["text"] for s in result["spans"] if s["label"] == "DATE_RANGE"]


def test_dates_quoted_in_passing_are_no_period_spans():
    text = ("Rita Gomes\n\nPROFILE\nAnalyst with eight years in official statistics and, since 2019, in survey design.\n\n"
            "EXPERIENCE\n2019 – present  Statistician, National Statistics Office, Lisbon\n"
            "- Chaired the working group on census methods (2020–2022).\n"
            "2017 – 2018  Career break (family care)\n\n"
            "EDUCATION\n2012 – 2016  BSc Statistics, University of Porto\n"
            "   Thesis: \"Fertility in Portugal, 1960–2010\"\n")
    assert _periods(_extract(text)) == ["2019 – present", "2012 – 2016"]


def test_titles_next_to_long_employer_lines_org_words_and_lists_of_posts():
    text = ("Sam Otieno\n\nEMPLOYMENT HISTORY\n\n"
            "Senior Programme Officer (P4) — United Nations Human Settlements Programme (UN-Habitat), Urban Planning Branch, Nairobi\n"
            "Mar 2020 – present\n- Led the planning unit.\n\n"
            "06/2015 – 02/2020\nFront Office Supervisor\nGrand Hotel Baglioni S.p.A., Florence\n\n"
            "Office Assistant · Mwangi & Partners, advocates · Jan 2012 - May 2015 · 3 yrs 5 mos\n\n"
            "Kenya Defence Forces, Nairobi\n- Platoon Commander, 7th Infantry Battalion — Jan 2009 – Dec 2011\n")
    assert _titles(_extract(text)) == ["Senior Programme Officer", "Front Office Supervisor", "Office Assistant", "Platoon Commander"]


def test_comma_pieces_of_a_title():
    text = ("Ines Varga\n\nProfessional background\n"
            "2019 – present  Monitoring, Evaluation and Learning Officer, Caritas Hungary, Budapest\n"
            "2016 – 2019  Head of Unit, Household Surveys\n"
            "2012 – 2016  Researcher, Institute of Economics (KRTK), Budapest\n")
    assert _titles(_extract(text)) == ["Monitoring, Evaluation and Learning Officer", "Head of Unit", "Researcher"]


def test_international_employers_by_name_and_not_by_the_clients_in_a_description():
    text = ("Omar Haddad\n\nWORK EXPERIENCE\n"
            "2021 – present  Logistics Officer, Mercy Corps, Maiduguri (Nigeria)\n"
            "2018 – 2020  Field Coordinator, Alianza Rural (international humanitarian NGO), Tegucigalpa\n"
            "2014 – 2017  Procurement Officer, Ministry of Health, Amman\n"
            "- Prepared tenders financed by the World Bank and UNICEF.\n")
    jobs = _extract(text)["profile"]["experience"]
    assert [j["international"] for j in jobs] == [True, True, False]


def test_ambiguous_acronyms_are_not_international_employers():
    text = ("Eva Mbala\n\nEXPERIENCE\n2019 – present  CTO, Kivu Connect SARL, Goma (DRC)\n"
            "2015 – 2018  Network Engineer, Vodacom, Kinshasa (DRC)\n")
    assert [j["international"] for j in _extract(text)["profile"]["experience"]] == [False, False]


def test_spanish_and_french_names_of_international_organisations_and_a_becaria():
    text = ("Lucía Fernández\n\nEXPERIENCIA LABORAL\n03/2019 – actualidad   Oficial de Programas, Organización Panamericana de la Salud, Guatemala\n"
            "2016 – 2018   Chargée de programme, Programme alimentaire mondial, Dakar\n"
            "2014 - 2014   Becaria, Agencia Española de Cooperación Internacional para el Desarrollo, Madrid\n")
    jobs = _extract(text)["profile"]["experience"]
    assert [(j["international"], j["kind"]) for j in jobs] == [(True, "job"), (True, "job"), (False, "internship")]


def test_an_age_is_not_a_claim_of_experience():
    text = "Claire Martin\nFrançaise, 36 ans\n\nPROFIL\nJuriste avec 10 ans d'expérience en droit public.\n"
    claims = [s["text"] for s in _extract(text)["spans"] if s["label"] == "EXPERIENCE" and s["attrs"]["kind"] == "claimed"]
    assert claims == ["10 ans"]


def test_the_employer_first_only_when_the_first_comma_piece_names_it():
    text = ("Ana Pop\n\nEXPERIENCE\n2009 – 2012 | Head, Epidemiological Surveillance Unit, Ministry of Health, Bucharest\n"
            "Depuis 2020 – Assistante de recherche (contrat de projet), Université de Liège, unité PEPs (Chimie – Procédés)\n"
            "2005 – 2008  Alpina Versicherungen AG, Zurich — Claims Analyst\n")
    assert _titles(_extract(text)) == ["Head, Epidemiological Surveillance Unit", "Assistante de recherche", "Claims Analyst"]


def _claims(text: str) -> list[tuple[str, float]]:
    return [(s["text"], s["attrs"]["years"]) for s in _extract(text)["spans"]
            if s["label"] == "EXPERIENCE" and s["attrs"]["kind"] == "claimed"]


def test_the_parts_of_a_claimed_total_are_claims_too():
    """GUIDE.md: "ten of them", "the last nine", "dont cinq", "de los cuales dieciocho" are claimed spans."""
    assert _claims("Raj Patel\n\nProcurement lead with nineteen years in sourcing, the last seven heading category teams.\n") == [
        ("nineteen years", 19), ("seven", 7)]
    assert _claims("Marie Roux\n\nProfil\nAuditrice, 15 ans d'expérience, dont près de six auprès d'organisations "
                   "internationales et quatre dans le secteur bancaire.\n") == [("15 ans", 15), ("six", 6), ("quatre", 4)]
    assert _claims("Pablo Ruiz\n\nPerfil\nIngeniero con 20 años de experiencia, de los cuales diecisiete en operadores móviles.\n") == [
        ("20 años", 20), ("diecisiete", 17)]


def test_a_number_that_is_not_a_part_of_a_claim_is_not_one():
    # no total before it in the sentence, and the duration of a single task
    assert _claims("Lena Ek\n\nTeam player, 3 languages, 2 in daily use.\n") == []
    assert _claims("Omar Haddad\n\nSummary\n- Coordinated the regional helpdesk for two years; then moved to audit.\n") == []


def test_a_title_keeps_its_unit_after_the_comma_but_not_the_employer_or_the_place():
    """GUIDE.md: "Translator, Directorate of Language Services" is the title; "UNDP", "Geneva" are not."""
    text = ("Eva Lind\n\nEMPLOYMENT\nHead of Unit, Household Surveys\nStatistics Sweden, Örebro\n03/2018 – present\n\n"
            "Programme Officer, Geneva\nWorld Meteorological Organization\n2014 – 2018\n\n"
            "2010 – 2013   Analyst, Credit Risk Department, Nordbanken AB, Stockholm\n"
            "2008 – 2010   Consultant, Deloitte AB, Stockholm\n")
    assert _titles(_extract(text)) == ["Head of Unit, Household Surveys", "Programme Officer",
                                       "Analyst, Credit Risk Department", "Consultant"]


def test_a_unit_in_french_and_spanish_titles():
    text = ("Inès Bah\n\nEXPÉRIENCE\n2019 – 2024   Chargée d'études, Service de la statistique agricole, Ministère de l'Agriculture, Rabat\n\n"
            "EXPERIENCIA\n2015 – 2019   Analista, Subdirección de Estudios Sectoriales, Banco Central de Chile, Santiago\n")
    assert _titles(_extract(text)) == ["Chargée d'études, Service de la statistique agricole",
                                       "Analista, Subdirección de Estudios Sectoriales"]


def test_the_employer_on_the_line_above_the_title_and_dates_makes_the_post_international():
    text = ("Ravi Menon\n\nEXPERIENCE\n\nWorld Health Organization, Country Office, New Delhi\n"
            "Technical Officer (P3), Jan 2019 – present\n- Led surveillance reviews.\n\n"
            "Apollo Hospitals Ltd, Chennai\nData Manager, Mar 2014 – Dec 2018\n"
            "- Supported studies for the World Bank.\n")
    jobs = _extract(text)["profile"]["experience"]
    assert [(j["title"], j["international"]) for j in jobs] == [("Technical Officer", True), ("Data Manager", False)]


LINKEDIN_EXPORT = """Anna Kowalska
M&E Specialist at UNICEF

Experience
UNICEF
Monitoring and Evaluation Specialist
March 2019 - Present (5 years 9 months)
Nairobi, Kenya
Save the Children
M&E Officer
January 2015 - February 2019 (4 years 2 months)
Warsaw, Poland

Education
London School of Hygiene and Tropical Medicine
Master of Science - MSc, Public Health · (2013 - 2014)
University of Warsaw
Bachelor of Arts - BA, Sociology · (2009 - 2012)
"""


def test_a_linkedin_export_gives_one_entry_per_degree_and_the_titles_not_the_places():
    from jobmatch.extract import extract_document
    from jobmatch.model import Document
    profile = extract_document(Document(id="c", source="c.pdf", format="pdf", text=LINKEDIN_EXPORT), "cv")["profile"]
    assert [(e["level"], e["field"]) for e in profile["education"]] == [("master", "0912"), ("bachelor", "0314")]
    assert [job["title"] for job in profile["experience"]] == ["Monitoring and Evaluation Specialist", "M&E Officer"]
