"""Document structure: headings, sections and header fields of vacancy notices (and CVs)."""

from jobmatch.structure.notice import parse_notice

__all__ = ["parse_notice"]
