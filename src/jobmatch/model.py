"""The data model: the only currency between stages (read -> structure -> extract -> match).

Pydantic models give JSON round-trip (`model_dump_json` / `model_validate_json`) and the JSON
schemas published in docs/schema/."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

DegreeLevel = Literal["secondary", "short_cycle", "bachelor", "master", "doctorate"]
LanguageLevel = Literal["basic", "intermediate", "advanced", "native"]
DegreeStatus = Literal["enrolled", "incomplete"]


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Span(Model):
    """A labelled stretch of a document's normalised text, with its normalised attributes."""

    label: str
    start: int
    end: int
    text: str
    attrs: dict = Field(default_factory=dict)


class Document(Model):
    """A document read from disk: normalised text plus the map back to the source text."""

    id: str
    source: str
    format: str
    text: str
    offset_map: list[tuple[int, int, int, int]] = Field(default_factory=list)
    page_starts: list[int] = Field(default_factory=list, description="text offset where each PDF page starts")
    spans: list[Span] = Field(default_factory=list)


class Section(Model):
    """A part of a document under one heading; `start`/`end` cover the heading and the body."""

    name: str
    heading: str
    start: int
    end: int
    body_start: int
    text: str = ""


class Salary(Model):
    text: str
    currency: str | None = None
    amounts: list[float] = Field(default_factory=list)


class NoticeHeader(Model):
    vacancy_number: str | None = None
    title: str | None = None
    grade: str | None = None
    sector: str | None = None
    department: str | None = None
    duty_station: str | None = None
    country: str | None = None
    position_number: str | None = None
    contract_type: str | None = None
    contract_duration: str | None = None
    recruitment_open_to: str | None = None
    deadline: str | None = Field(None, description="ISO 8601 date")
    organization: str | None = None
    salary: list[Salary] = Field(default_factory=list)


class NoticeStructure(Model):
    """What `jobmatch parse` returns for a vacancy notice."""

    id: str
    source: str
    format: str
    header: NoticeHeader
    header_spans: dict[str, tuple[int, int]] = Field(default_factory=dict)
    sections: list[Section] = Field(default_factory=list)


# --- requirements of a vacancy -------------------------------------------------------------

class DegreeSubstitution(Model):
    level: DegreeLevel
    min_years: float | None = None
    additional_years: float | None = None
    in_lieu_of: DegreeLevel | None = None
    internal_only: bool = False
    text: str = ""


class EducationRequirement(Model):
    min_level: DegreeLevel | None = None
    fields: list[str] = Field(default_factory=list, description="accepted ISCED-F 2013 codes")
    substitutions: list[DegreeSubstitution] = Field(default_factory=list)
    evidence: str = ""


class ExperienceRequirement(Model):
    min_years: float | None = None
    international_years: float | None = None
    leadership_years: float | None = None
    domains: list[str] = Field(default_factory=list)
    doctorate_substitutes_years: float | None = None
    evidence: str = ""


class LanguageNeed(Model):
    """A named language (`language`) or a choice among several (`any_of`), at a level."""

    language: str | None = None
    any_of: list[str] | None = None
    level: LanguageLevel | None = None


class LanguageRequirement(Model):
    required: list[LanguageNeed] = Field(default_factory=list)
    desirable: list[LanguageNeed] = Field(default_factory=list)
    evidence: str = ""


class CompetencyRequirement(Model):
    core: list[str] = Field(default_factory=list)
    functional: list[str] = Field(default_factory=list)
    technical: list[str] = Field(default_factory=list)


class EligibilityRule(Model):
    """A programme rule stated in a call (age limit, enrolment...): applied only as written."""

    rule: str
    value: float | bool | str | None = None
    text: str = ""


class Requirements(Model):
    education: EducationRequirement = Field(default_factory=EducationRequirement)
    experience: ExperienceRequirement = Field(default_factory=ExperienceRequirement)
    languages: LanguageRequirement = Field(default_factory=LanguageRequirement)
    competencies: CompetencyRequirement = Field(default_factory=CompetencyRequirement)
    eligibility: list[EligibilityRule] = Field(default_factory=list)


# --- profile of a candidate ----------------------------------------------------------------

class EducationEntry(Model):
    level: DegreeLevel | None = None
    field: str | None = Field(None, description="ISCED-F 2013 code")
    status: DegreeStatus | None = Field(None, description="'enrolled' (studying for it) or 'incomplete' (stopped without "
                                                          "it); None = awarded. Only awarded degrees count in highest_level")
    institution: str | None = None
    year: int | None = None
    text: str = ""


class JobPeriod(Model):
    title: str | None = None
    org: str | None = None
    start: str | None = Field(None, description="YYYY-MM")
    end: str | None = Field(None, description="YYYY-MM or 'present'")
    years: float | None = None
    international: bool = False
    kind: str = "job"
    text: str = ""


class LanguageSkill(Model):
    language: str
    level: LanguageLevel | None = None
    cefr: str | None = None
    text: str = ""


class Profile(Model):
    education: list[EducationEntry] = Field(default_factory=list)
    highest_level: DegreeLevel | None = None
    experience: list[JobPeriod] = Field(default_factory=list)
    total_years: float = 0.0
    international_years: float = 0.0
    languages: list[LanguageSkill] = Field(default_factory=list)
    competencies: list[str] = Field(default_factory=list)


class Vacancy(Model):
    id: str
    document: Document | None = None
    header: NoticeHeader = Field(default_factory=NoticeHeader)
    sections: list[Section] = Field(default_factory=list)
    requirements: Requirements = Field(default_factory=Requirements)
    terms: dict[str, float] = Field(default_factory=dict, description="TF-IDF weights of the text's strongest words (kept in the index when the text is not)")


class Candidate(Model):
    id: str
    document: Document | None = None
    sections: list[Section] = Field(default_factory=list)
    profile: Profile = Field(default_factory=Profile)
    terms: dict[str, float] = Field(default_factory=dict, description="TF-IDF weights of the text's strongest words (kept in the index when the text is not)")


# --- matching ------------------------------------------------------------------------------

class RequirementCheck(Model):
    name: str
    status: Literal["met", "unmet", "unknown"]
    hard: bool = True
    required: str = ""
    found: str = ""
    evidence: str = ""


class Match(Model):
    """One ranked result with the reasons for its score."""

    id: str
    score: float
    eligible: bool
    requirements: list[RequirementCheck] = Field(default_factory=list)
    competencies: dict = Field(default_factory=dict)
    explanation: str = ""
    score_parts: dict = Field(default_factory=dict, description="mode, feature values and each feature's contribution to the score")


SCHEMA_MODELS = (Document, Span, NoticeStructure, Vacancy, Candidate, Requirements, Profile, Match)


def schema_texts() -> dict[str, str]:
    """File name -> JSON schema text for every published model."""
    return {f"{model.__name__}.json": json.dumps(model.model_json_schema(), indent=2, ensure_ascii=False) + "\n"
            for model in SCHEMA_MODELS}


def write_schemas(folder: str | Path) -> list[Path]:
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in schema_texts().items():
        (folder / name).write_text(text, encoding="utf-8")
        written.append(folder / name)
    return written
