"""The competency taxonomy and the ISCED-F field taxonomy shipped with jobmatch."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

import yaml


@dataclass(frozen=True)
class Competency:
    id: str
    label: str
    type: str
    framework: str | None = None
    synonyms: tuple[str, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        return (self.label, *self.synonyms)


@dataclass(frozen=True)
class StudyField:
    code: str
    name: str
    synonyms: tuple[str, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.synonyms)


@dataclass
class Taxonomy:
    competencies: dict[str, Competency] = field(default_factory=dict)
    fields: dict[str, StudyField] = field(default_factory=dict)

    def merge_competencies(self, entries: dict) -> None:
        for cid, entry in entries.items():
            self.competencies[cid] = _competency(cid, entry)


def _competency(cid: str, entry: dict) -> Competency:
    return Competency(
        id=cid,
        label=str(entry["label"]),
        type=str(entry.get("type", "skill")),
        framework=entry.get("framework"),
        synonyms=tuple(str(s) for s in entry.get("synonyms") or ()),
    )


def _read_yaml(name: str) -> dict:
    return yaml.safe_load(resources.files("jobmatch.data").joinpath(name).read_text("utf-8")) or {}


@lru_cache(maxsize=4)
def load_taxonomy(extra_competency_files: tuple[str, ...] = ()) -> Taxonomy:
    """The packaged taxonomies, optionally extended by YAML files in the same format."""
    taxonomy = Taxonomy()
    taxonomy.merge_competencies(_read_yaml("competencies.yaml"))
    for path in extra_competency_files:
        taxonomy.merge_competencies(yaml.safe_load(Path(path).read_text("utf-8")) or {})
    for code, entry in _read_yaml("fields.yaml").items():
        code = str(code).zfill(4)
        taxonomy.fields[code] = StudyField(
            code=code, name=str(entry["name"]),
            synonyms=tuple(str(s) for s in entry.get("synonyms") or ()),
        )
    return taxonomy
