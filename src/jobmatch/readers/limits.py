"""Reader limits: safe defaults that a setting can change (hostile files must fail fast)."""

from __future__ import annotations

import signal
import threading
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Iterator

from jobmatch.errors import ReadError

MB = 1024 * 1024


@dataclass(frozen=True)
class ReaderLimits:
    max_file_bytes: int = 10 * MB
    max_pdf_pages: int = 50
    max_docx_uncompressed_bytes: int = 50 * MB
    max_docx_compression_ratio: float = 100.0
    max_parse_seconds: float = 30.0
    max_text_chars: int = 500_000    # about 200 pages; real notices and CVs stay under 50,000
    max_line_chars: int = 2_000    # a longer line is wrapped at a space (see readers.text.wrap_long_lines)
    fallback_encodings: tuple[str, ...] = ("cp1252",)


class ParseTimeout(Exception):
    pass


@contextmanager
def time_limit(seconds: float, path: str) -> Iterator[None]:
    """Interrupt a parser that runs too long (main thread only: signals need it)."""
    if seconds <= 0 or threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        yield
        return

    def _raise(signum, frame):  # noqa: ARG001
        raise ParseTimeout()

    previous = signal.signal(signal.SIGALRM, _raise)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    except ParseTimeout:
        raise ReadError(path, f"parsing took longer than the {seconds:g} s limit") from None
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
