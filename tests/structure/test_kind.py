from jobmatch.model import Document
from jobmatch.structure.cv import parse_cv_sections
from jobmatch.structure.kind import guess_kind
from jobmatch.structure.notice import parse_notice

from tests.conftest import FIXTURES


def kind_of(text: str) -> str:
    return guess_kind(text, parse_notice(Document(id="x", source="x", format="txt", text=text)), parse_cv_sections(text))


P11_STYLE_CV = """Maria Lopez
maria.lopez@example.org | +34 600 123 456

PROFILE
Finance officer with eight years in budget preparation.

QUALIFICATIONS
Chartered accountant (ACCA).

EMPLOYMENT RECORD
2019 - present: Budget Officer, UNDP, Panama
Description of duties: prepared the annual budget; monitored expenditure.
2015 - 2019: Accountant, KPMG, Madrid
Description of duties: audits of public entities.

EDUCATION
2014: Master in Finance, Universidad Complutense

SKILLS
IPSAS, SAP, Excel

LANGUAGES
Spanish (native), English (C1)
"""

NOTICE_WITHOUT_HEADER_FIELDS = """Programme Analyst

Duties and responsibilities
The incumbent will support the programme team and draft reports.

Competencies
Teamwork, communication.

Education
Master's degree in economics.

Languages
Fluency in English. Applications from women are encouraged. How to apply: send your CV.
"""

FRENCH_CV = """Julien Martin
julien.martin@example.fr

EXPÉRIENCE PROFESSIONNELLE
2020 - aujourd'hui : Ingénieur logiciel, OIF, Paris
2017 - 2020 : Développeur, Numéria, Lyon

FORMATION
Master Informatique, Université Lyon 1

COMPÉTENCES
Python, Java

LANGUES
Français (langue maternelle), anglais (C1)
"""


def test_a_cv_with_skills_profile_and_quoted_duties_is_a_cv():
    assert kind_of(P11_STYLE_CV) == "cv"


def test_a_notice_without_vacancy_number_or_deadline_is_a_notice():
    assert kind_of(NOTICE_WITHOUT_HEADER_FIELDS) == "notice"


def test_a_french_cv_is_a_cv():
    assert kind_of(FRENCH_CV) == "cv"


def test_the_fixture_notices_are_notices():
    for path in (FIXTURES / "notices").iterdir():
        assert kind_of(path.read_text("utf-8")) == "notice", path.name


# Short notices with no header fields and no notice-only heading: a job-board "selection criteria"
# box, an agency's eligibility list. Only their requirement wording says they are notices.
SELECTION_CRITERIA_BOX = """Senior Water Engineer
Selection Criteria
- Master's degree in civil engineering or hydrology with a minimum of 8 years of relevant experience.
- Excellent command of English; Portuguese is a plus.
"""

ELIGIBILITY_LIST = """Seconded Expert - Data Protection
Eligibility criteria
- completed university studies of at least three years attested by a diploma
- at least 3 years of full-time professional experience in data protection
"""

CV_THAT_SAYS_REQUIRED = """Ana Ruiz
ana.ruiz@example.org

EXPERIENCE
2018 - 2023 Procurement Assistant, Ministry of Health
Checked that the documents required by the rules were complete.
2014 - 2018 Clerk, City Council

EDUCATION
BA in Public Administration, 2014
"""


def test_a_short_notice_is_recognised_by_its_requirement_wording():
    assert kind_of(SELECTION_CRITERIA_BOX) == "notice"
    assert kind_of(ELIGIBILITY_LIST) == "notice"


def test_a_cv_that_uses_the_word_required_stays_a_cv():
    assert kind_of(CV_THAT_SAYS_REQUIRED) == "cv"
