"""Is a text a vacancy notice or a CV? Evidence from both sides is weighed, because the two share
headings ("Education", "Languages", "Skills"/"Technical competencies", "Qualifications") and a
CV may quote duties; only what one kind has and the other rarely does counts."""

from __future__ import annotations

import re

from jobmatch.model import NoticeStructure, Section

# Sections a notice has and a CV does not (a CV's "Skills" reads as technical competencies and its
# "Profile" as qualifications, so those two are no evidence).
NOTICE_ONLY_SECTIONS = frozenset({"duties", "core_competencies", "functional_competencies", "recruitment_process",
                                  "benefits", "organizational_unit", "organizational_context", "eligibility",
                                  "salary", "desirable"})
CV_SECTIONS = frozenset({"experience", "education", "languages", "skills", "summary"})
NOTICE_PHRASES = re.compile(
    r"\b(?:the incumbent|the successful candidate|candidates (?:are|will|must|should|who)|applicants?|"
    r"applications?|apply|how to apply|we offer|we are looking for|you will|the post(?:holder)?|"
    r"closing date|deadline|vacancy|job opening|le titulaire|la titulaire|les candidat(?:e)?s|postuler|"
    r"candidature|date limite|avis de vacance|el titular|la persona seleccionada|solicitantes|postular|"
    r"convocatoria|vacante)\b", re.IGNORECASE)
# How a notice states what it asks for: a CV describes what the person has, and seldom says
# "required", "an asset" or "a minimum of N years". Short notices with no header or notice-only
# heading (a job-board ad, a "Selection criteria" box) are recognised by this wording alone.
REQUIREMENT_WORDING = re.compile(
    r"\b(?:(?:is|are) (?:required|essential|mandatory|desirable|preferred)|(?:is|are|would be|will be) an? "
    r"(?:asset|advantage|plus)|(?:a )?minimum of (?:\w+ |\(\d+\) )*years?|at least (?:\w+ |\(\d+\) )*years?|"
    r"\d+\+? years'? (?:of )?(?:relevant|professional|progressively|proven)|(?:selection|eligibility) criteria|"
    r"(?:minimum|essential|desirable|required) (?:requirements|qualifications)|(?:ideal )?candidate profile|"
    r"(?:excellent|good|working|thorough|strong) (?:command|knowledge) of (?:english|french|spanish|arabic|chinese|"
    r"russian|one of)|fluency in|(?:est|sont) (?:exigée?s?|requise?s?|souhaitée?s?|souhaitables?)|un atout|"
    r"(?:au moins|minimum) (?:\w+ )?(?:ans|années)|se requiere|(?:es|será|son) (?:deseable|indispensable|"
    r"imprescindible)s?|(?:un )?mínimo de (?:\w+ )?años|al menos (?:\w+ )?años)\b", re.IGNORECASE)
CONTACT = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+|(?:\+|00)\d[\d ()./-]{7,}\d|\b(?:tel|phone|mobile|tél|teléfono)\s*[:.]", re.IGNORECASE)
FIRST_PERSON = re.compile(r"\b(?:I|my|je|mon|ma|mes|yo|mi|mis)\b")
DATE_RANGE = re.compile(r"\b(?:19|20)\d{2}\s*(?:-|–|—|to|à|a|au|al|until|hasta|jusqu'à)\s*(?:(?:19|20)\d{2}|present|"
                        r"now|current|today|date|aujourd'hui|présent|actualidad|la fecha|presente)\b", re.IGNORECASE)


def kind_evidence(text: str, notice: NoticeStructure, cv_sections: list[Section]) -> dict[str, float]:
    """Points for "notice" and for "cv" from header fields, sections and wording."""
    header = notice.header
    notice_points = 2.0 * bool(header.vacancy_number) + 2.0 * bool(header.deadline) + 1.0 * bool(header.grade)
    notice_points += len({s.name for s in notice.sections} & NOTICE_ONLY_SECTIONS)
    notice_points += min(3, len({m.group(0).lower() for m in NOTICE_PHRASES.finditer(text)}))
    notice_points += min(3, len({m.group(0).lower() for m in REQUIREMENT_WORDING.finditer(text)}))
    head = text[:1500]
    cv_points = len({s.name for s in cv_sections} & CV_SECTIONS)
    cv_points += 2.0 * bool(CONTACT.search(head))
    ranges = len(DATE_RANGE.findall(text))
    cv_points += (ranges >= 2) + (ranges >= 4)
    cv_points += min(2, len(FIRST_PERSON.findall(text)) // 3)
    return {"notice": notice_points, "cv": cv_points}


def guess_kind(text: str, notice: NoticeStructure, cv_sections: list[Section]) -> str:
    """"notice" when its evidence outweighs the CV's, else "cv"."""
    points = kind_evidence(text, notice, cv_sections)
    return "notice" if points["notice"] > points["cv"] else "cv"


def guess_text_kind(text: str) -> str:
    """guess_kind for a bare text: parses it both ways first."""
    from jobmatch.model import Document
    from jobmatch.structure.cv import parse_cv_sections
    from jobmatch.structure.notice import parse_notice

    return guess_kind(text, parse_notice(Document(id="", source="", format="txt", text=text)), parse_cv_sections(text))
