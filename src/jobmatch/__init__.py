"""jobmatch: NLP job matching and competency extraction for vacancy notices and CVs.

Pipeline: read (readers) -> structure -> extract -> requirements / profile -> encode -> index
-> score + explain -> CLI / API -> evaluate."""

__version__ = "0.1.0"
