"""One exception family for the package, so callers and the CLI can tell user errors from bugs."""

from __future__ import annotations

from pathlib import Path


class JobmatchError(Exception):
    """Base class of every error jobmatch raises on purpose."""


class ReadError(JobmatchError):
    """A document cannot be read: the message names the file (as given, so that a file in a folder
    is found) and the problem."""

    def __init__(self, path: str | Path, problem: str):
        self.path = str(path)
        self.problem = problem
        super().__init__(f"cannot read {path}: {problem}")


class CorpusError(JobmatchError):
    """The gold corpus is malformed."""


class IndexStoreError(JobmatchError):
    """A persisted index is missing, corrupt or inconsistent with its metadata."""


class UnknownIdError(JobmatchError):
    """A document id that is not in the index or corpus."""


class ConfigError(JobmatchError):
    """A setting has an invalid value."""
